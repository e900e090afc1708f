"""One deliberately broken pattern, checked against its full list of expected findings."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY
from scripts.validate import check_catalog, load_catalog

BROKEN = Path(__file__).parent / "fixtures" / "broken"


def test_broken_fixture_gives_exactly_the_expected_findings() -> None:
    expected = (BROKEN / "expected.txt").read_text(encoding="utf-8").splitlines()
    actual = [str(f) for f in check_catalog(load_catalog(BROKEN), TODAY)]
    assert actual == expected


def test_every_finding_names_file_line_and_fix() -> None:
    for finding in check_catalog(load_catalog(BROKEN), TODAY):
        assert finding.path.startswith(("patterns/", "diagrams/")) and finding.line >= 1
        assert ";" in finding.message or ":" in finding.message, f"message gives no fix: {finding}"
