"""make pdf: the print edition printed by Chromium holds every pattern, at a plausible length."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from scripts.validate import load_catalog
from test_browser import chromium_path

pytestmark = [pytest.mark.build, pytest.mark.browser]


def test_pdf_has_every_pattern_title(tmp_path: Path) -> None:
    chromium_path()  # skips locally, fails under CI=true, when Chromium is missing
    result = subprocess.run([sys.executable, "-m", "scripts.build_pdf", "0.1", "--out", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / "ai-system-design-patterns-0.1.pdf")
    patterns = load_catalog(ROOT).patterns
    words = sum(len(p.text.split()) for p in [s for q in patterns for s in q.sections])
    assert words / 900 < len(reader.pages) < words / 150, (len(reader.pages), words)  # 150 to 900 words a page
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for p in patterns:
        assert " ".join(p.title.split()) in text, p.title
    assert "Print edition 0.1" in text


def test_pdf_refuses_a_bad_version(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.build_pdf", "v1", "--out", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and list(tmp_path.iterdir()) == []
