"""Lighthouse (npm lighthouse@12.2.3, system Chromium) over the home page and a pattern page.

Accessibility, best practices and SEO are deterministic and held to their targets here, on
mobile and desktop. Performance is a timing score: `make lighthouse` measures it (median of
five runs) and the README records it; the suite does not time things.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import lighthouse
from test_browser import chromium_path

pytestmark = pytest.mark.browser
STEADY = ("accessibility", "best-practices", "seo")


def test_home_and_pattern_page_meet_the_lighthouse_targets(built_site: Path, tmp_path: Path) -> None:
    chromium_path()  # skips locally, fails under CI=true, when there is no Chromium
    rows = lighthouse.audit_site(built_site, tmp_path, runs=1, categories=STEADY)
    print("\n" + lighthouse.table(rows, STEADY))
    assert len(rows) == len(lighthouse.PAGES) * len(lighthouse.FORM_FACTORS)
    short = [f"{r['page']} {r['form']} {c} {r['scores'][c]}: {audits}" for r in rows for c, audits in r["short"].items()]
    assert short == [], "\n".join(short)


def test_lighthouse_check_reports_what_falls_short(tmp_path: Path) -> None:
    chromium_path()
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body><img src='missing.png'><a href='#'></a></body></html>", encoding="utf-8")
    [row] = lighthouse.audit_site(site, tmp_path / "out", runs=1, categories=("accessibility",), forms=("mobile",), pages={"bad": ""})
    assert row["scores"]["accessibility"] < 100
    assert any(line.startswith("image-alt") for line in row["short"]["accessibility"]), row["short"]
