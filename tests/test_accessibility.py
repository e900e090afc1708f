"""axe-core over every page of the built site in light and dark palettes: no serious or critical
violation. Also checks that every diagram has its text alternative and every table a header."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from test_browser import Session, browser, site_url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pages(site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(site)).replace(".", "") + "/" if p.parent != site else "" for p in site.rglob("index.html"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, site_url: str, built_site: Path, scheme: str) -> None:
    assert AXE.is_file(), "axe-core is missing; run npm ci (make setup does)"
    s = Session(browser, site_url, scheme)
    problems: list[str] = []
    try:
        for path in pages(built_site):
            s.page.goto(site_url + path.lstrip("/"), wait_until="networkidle")
            if s.page.locator("pre.mermaid, div.mermaid").count():
                s.diagram_size()  # audit the drawn diagram, not the source text
            s.page.add_script_tag(path=str(AXE))
            result = s.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [" ".join(n["target"]) for n in violation["nodes"][:3]]
                    problems.append(f"{path or '/'}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    finally:
        s.context.close()
    assert problems == [], "\n".join(problems)


def test_diagrams_have_text_alternatives_and_tables_headers(browser, site_url: str, built_site: Path) -> None:
    s = Session(browser, site_url)
    try:
        for path in (p for p in pages(built_site) if p.startswith("patterns/") and p != "patterns/"):
            s.page.goto(site_url + path, wait_until="networkidle")
            assert s.page.locator("p.pattern-diagram-caption").count() == 1, path
            assert s.page.locator("details:has-text('Text description of the diagram')").count() == 1, path
            headerless = s.page.evaluate("() => [...document.querySelectorAll('article table')].filter(t => !t.querySelector('th')).length")
            assert headerless == 0, path
    finally:
        s.context.close()
