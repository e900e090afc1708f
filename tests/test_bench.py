"""make bench runs end to end on tiny catalogs (its speed is reported by make bench, not tested)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build


def test_bench_runs_and_reports_every_figure() -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.bench", "--sizes", "3", "6", "--no-reload"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("|")[0].strip() == "patterns" and len(lines) >= 6
    assert lines[-3].startswith("overhead ratio") and lines[-2].startswith("growth") and lines[-1].startswith("validator over")
