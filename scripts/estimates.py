"""Back-of-envelope formulas for LLM serving and training, and the generated Estimates page.

Every table on the Estimates page is computed here from scripts/data/specs.yml at build time,
so a number on the page cannot drift from its formula. Units: bytes, seconds, FLOPs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

SPECS = Path(__file__).parent / "data" / "specs.yml"
BYTES = {"BF16": 2.0, "FP8": 1.0, "INT8": 1.0, "INT4": 0.5}


@dataclass(frozen=True)
class Model:
    key: str
    name: str
    params: float
    layers: int
    hidden: int
    kv_heads: int
    head_dim: int
    source: str
    training_tokens: float = 0.0


@dataclass(frozen=True)
class Accelerator:
    key: str
    name: str
    hbm_bytes: float
    bandwidth: float
    bf16_flops: float
    source: str


def load_specs(path: Path = SPECS) -> tuple[dict[str, Model], dict[str, Accelerator]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    models = {k: Model(key=k, **v) for k, v in data["models"].items()}
    accelerators = {k: Accelerator(key=k, **v) for k, v in data["accelerators"].items()}
    return models, accelerators


def kv_bytes_per_token(m: Model, bytes_per_element: float = 2.0) -> float:
    """K and V for every layer and KV head: 2 x layers x kv_heads x head_dim x bytes."""
    return 2 * m.layers * m.kv_heads * m.head_dim * bytes_per_element


def weight_bytes(m: Model, bytes_per_param: float = 2.0) -> float:
    return m.params * bytes_per_param


def kv_capacity_tokens(m: Model, a: Accelerator, gpus: int, usable: float = 0.9,
                       weight_precision: str = "BF16", kv_precision: str = "BF16") -> float:
    """Tokens of KV cache that fit after the weights, in the usable share of HBM."""
    free = usable * gpus * a.hbm_bytes - weight_bytes(m, BYTES[weight_precision])
    return max(free, 0.0) / kv_bytes_per_token(m, BYTES[kv_precision])


def max_sequences(tokens: float, context: int) -> int:
    return int(tokens // context)


def decode_step_seconds(m: Model, a: Accelerator, gpus: int, batch: int = 1, context: int = 0,
                        weight_precision: str = "BF16", kv_precision: str = "BF16") -> float:
    """Memory-bound decode step: every GPU streams its weight shard and its share of the KV once."""
    per_gpu = weight_bytes(m, BYTES[weight_precision]) / gpus
    per_gpu += batch * context * kv_bytes_per_token(m, BYTES[kv_precision]) / gpus
    return per_gpu / a.bandwidth


def prefill_seconds(m: Model, a: Accelerator, gpus: int, tokens: int, mfu: float) -> float:
    """Prefill compute: about 2 x params FLOPs per prompt token (attention's quadratic term ignored)."""
    return 2 * m.params * tokens / (gpus * a.bf16_flops * mfu)


def training_seconds(m: Model, a: Accelerator, gpus: int, tokens: float, mfu: float) -> float:
    """Training compute: about 6 x params x tokens FLOPs (forward and backward)."""
    return 6 * m.params * tokens / (gpus * a.bf16_flops * mfu)


def min_gpus(m: Model, a: Accelerator, precision: str, usable: float = 0.9) -> int:
    """Fewest GPUs whose usable HBM holds the weights alone."""
    need = weight_bytes(m, BYTES[precision])
    gpus = 1
    while gpus * a.hbm_bytes * usable < need:
        gpus += 1
    return gpus
