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


def test_every_finding_points_at_an_existing_file_and_line() -> None:
    for finding in check_catalog(load_catalog(BROKEN), TODAY):
        path = BROKEN / finding.path
        assert path.is_file(), finding
        assert 1 <= finding.line <= len(path.read_text(encoding="utf-8").splitlines()), finding


def test_worker_processes_find_exactly_what_one_process_finds(monkeypatch) -> None:
    from scripts import validate
    monkeypatch.setattr(validate, "PARALLEL_FROM", 1)  # the fixture is small; force the parallel path
    expected = (BROKEN / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [str(f) for f in check_catalog(load_catalog(BROKEN), TODAY, jobs=3)] == expected
