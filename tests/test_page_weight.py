"""Page weight and request count of the home page, a pattern page and a search, held by budgets.

Bytes are what a static server with gzip would send: each response body gzip-compressed at
level 6 (images and other already-compressed files counted as they are). Budgets live in
tests/budgets.yml; they were set from the first measurement with about 10% headroom."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from test_browser import Session, browser, site_url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
BUDGETS = yaml.safe_load((ROOT / "tests" / "budgets.yml").read_text(encoding="utf-8"))
COMPRESSED = (".png", ".jpg", ".jpeg", ".gz", ".woff2", ".zip")


def measure(session: Session, action) -> tuple[int, int]:
    responses = []
    session.context.on("response", lambda r: responses.append(r))  # the context also sees the search worker
    action()
    session.page.wait_for_load_state("networkidle")
    total = 0
    for response in responses:
        body = response.body() if response.status == 200 else b""
        total += len(body) if response.url.endswith(COMPRESSED) else len(gzip.compress(body, 6))
    return total, len(responses)


def search(session: Session) -> None:
    session.page.goto(session.base, wait_until="networkidle")
    session.page.click("input.md-search__input")
    session.page.keyboard.type("cache", delay=30)
    session.page.wait_for_selector(".md-search-result__item")


def read_to_diagram(session: Session) -> None:
    """Open a pattern page and scroll to its diagram, which is when Mermaid is fetched."""
    session.page.goto(session.base + "patterns/paged-kv-cache/")
    session.diagram_size()


@pytest.mark.parametrize("name", ["home", "pattern_top", "pattern", "search"])
def test_page_weight_within_budget(browser, site_url: str, built_site: Path, name: str) -> None:
    budget = BUDGETS[name]
    s = Session(browser, site_url)
    try:
        action = {"home": lambda: s.page.goto(site_url),
                  "pattern_top": lambda: s.page.goto(site_url + "patterns/paged-kv-cache/"),
                  "pattern": lambda: read_to_diagram(s),
                  "search": lambda: search(s)}[name]
        size, count = measure(s, action)
        if name == "search":
            # The search worker fetches the index itself; Playwright does not report worker
            # requests, so count that one file as the server would send it.
            size += len(gzip.compress((built_site / "search" / "search_index.json").read_bytes(), 6))
            count += 1
    finally:
        s.context.close()
    print(f"{name}: {size / 1000:.0f} kB gzip, {count} requests")
    assert size <= budget["max_kb_gzip"] * 1000, f"{name}: {size / 1000:.0f} kB > budget {budget['max_kb_gzip']} kB"
    assert count <= budget["max_requests"], f"{name}: {count} requests > budget {budget['max_requests']}"
