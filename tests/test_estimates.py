"""The estimates module against hand-computed values, and the generated page against the module."""

from __future__ import annotations

import pytest

from scripts import estimates as est
from scripts.render_guide import render_estimates

MODELS, ACCELS = est.load_specs()
M70, M8, M405, H100 = MODELS["llama-3.1-70b"], MODELS["llama-3.1-8b"], MODELS["llama-3.1-405b"], ACCELS["h100-sxm"]


def test_kv_bytes_per_token_by_hand() -> None:
    assert est.kv_bytes_per_token(M70) == 2 * 80 * 8 * 128 * 2 == 327_680  # 320 KiB
    assert est.kv_bytes_per_token(M70, 1) == 163_840
    assert est.kv_bytes_per_token(M8) == 131_072  # 128 KiB


def test_weight_memory_by_precision() -> None:
    assert est.weight_bytes(M70) == pytest.approx(141.107e9, rel=1e-4)
    assert est.weight_bytes(M70, est.BYTES["INT4"]) == pytest.approx(35.277e9, rel=1e-4)
    assert est.min_gpus(M70, H100, "BF16") == 2  # 141.1 GB > 72 GB usable on one GPU
    assert est.min_gpus(M70, H100, "FP8") == 1  # 70.55 GB < 72 GB


def test_kv_capacity_and_max_batch() -> None:
    tokens = est.kv_capacity_tokens(M70, H100, 4)  # (288e9 - 141.107e9) / 327,680
    assert tokens == pytest.approx(448_280, abs=1)
    assert est.max_sequences(tokens, 4096) == 109 and est.max_sequences(tokens, 8192) == 54
    assert est.kv_capacity_tokens(M70, H100, 1) == 0  # weights alone do not fit


def test_decode_bound() -> None:
    assert est.decode_step_seconds(M70, H100, 4) == pytest.approx(35.277e9 / 3.35e12, rel=1e-4)  # 10.5 ms
    assert est.decode_step_seconds(M70, H100, 2) * 1e3 == pytest.approx(21.06, abs=0.01)
    step = est.decode_step_seconds(M70, H100, 4, batch=64, context=4096)  # + 64 x 4096 x 81,920 B per GPU
    assert step == pytest.approx((35.277e9 + 64 * 4096 * 81_920) / 3.35e12, rel=1e-4)
    assert step * 1e3 == pytest.approx(16.94, abs=0.01)


def test_prefill_and_training_time() -> None:
    assert est.prefill_seconds(M70, H100, 4, 2000, 0.5) == pytest.approx(2 * 70.5537e9 * 2000 / (4 * 989.5e12 * 0.5), rel=1e-4)  # 0.14 s
    days = est.training_seconds(M405, H100, 16_384, 15.6e12, 0.40) / 86_400
    assert days == pytest.approx(6 * 405e9 * 15.6e12 / (16_384 * 989.5e12 * 0.40) / 86_400, rel=1e-9)
    assert round(days) == 68


def test_every_spec_names_its_source() -> None:
    for spec in [*MODELS.values(), *ACCELS.values()]:
        assert spec.source.startswith("https://"), spec


def test_page_shows_the_module_numbers() -> None:
    page = render_estimates()
    tokens = est.kv_capacity_tokens(M70, H100, 4)
    for text in ("327,680 B (320 KiB)", "141.1 GB", f"{int(tokens):,}",
                 f"{est.decode_step_seconds(M70, H100, 4) * 1e3:.1f} ms",
                 f"{est.prefill_seconds(M70, H100, 4, 2000, 0.5) * 1e3:,.0f} ms",
                 f"| 40% | {6 * M405.params * M405.training_tokens:.2e} | 68 |"):
        assert text in page, text
