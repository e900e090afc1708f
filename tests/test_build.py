"""Real MkDocs builds: the catalog builds strictly, a broken pattern stops the build, links hold."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD, ROOT, mkdocs, site_tree
from scripts.schema import REQUIRED_SECTIONS
from scripts.static_server import serve
from scripts.validate import load_catalog

pytestmark = pytest.mark.build
PATTERNS = load_catalog(ROOT).patterns


def page(site: Path, pattern_id: str) -> str:
    return (site / "patterns" / pattern_id / "index.html").read_text(encoding="utf-8")


def test_real_catalog_builds_strictly(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    for p in PATTERNS:
        assert (built_site / "patterns" / p.id / "index.html").is_file()


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_pattern_page_shows_metadata_sections_diagram_related_and_edit_link(built_site: Path, pattern) -> None:
    html = page(built_site, pattern.id)
    assert f"<h1 id=\"{re.sub(r'[^a-z0-9]+', '-', pattern.title.lower()).strip('-')}" in html or f">{pattern.title}" in html
    for value in (pattern.category, pattern.status, pattern.last_reviewed, *pattern.tags):
        assert value in html
    for title in REQUIRED_SECTIONS + ("Related patterns",):
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        assert f'id="{slug}"' in html, f"{pattern.id}: section {title} missing"
    assert '<pre class="mermaid"><code>' in html and "accTitle:" in html
    edit = re.search(r'<a href="([^"]+)" title="Edit this page"', html)
    assert edit and edit.group(1).endswith(f"/edit/main/patterns/{pattern.id}.md")


def test_related_patterns_show_on_both_pages(built_site: Path) -> None:
    for p in PATTERNS:
        for other in p.related:
            assert f'href="../{other}/"' in page(built_site, p.id)
            assert f'href="../{p.id}/"' in page(built_site, other), f"{other} does not link back to {p.id}"


def test_home_category_and_tag_pages_list_the_patterns(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    tags = (built_site / "tags" / "index.html").read_text(encoding="utf-8")
    for p in PATTERNS:
        assert f'href="patterns/{p.id}/"' in home and p.summary.split()[0] in home
        category = (built_site / "categories" / p.category / "index.html").read_text(encoding="utf-8")
        assert f'href="../../patterns/{p.id}/"' in category
        assert f'href="../patterns/{p.id}/"' in tags


def test_pages_reference_no_other_host(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        tags = [t for t in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", text) if 'rel="canonical"' not in t]
        for attr in (a for t in tags for a in re.findall(r'(?:src|href)="([^"]+)"', t)):
            assert not re.match(r"(https?:)?//", attr), f"{html}: loads {attr}"
    assert (built_site / "assets" / "vendor" / "mermaid.min.js").stat().st_size > 1_000_000


def test_broken_pattern_fails_the_build_with_the_validator_message(tmp_path: Path) -> None:
    root = site_tree(tmp_path, GOOD)
    path = root / "patterns" / "alpha-batching.md"
    path.write_text(path.read_text().replace("## Risks", "## Dangers"))
    result = mkdocs(root, "build", "--strict", "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "patterns/alpha-batching.md:58: unknown section '## Dangers'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_fixture_catalog_builds(tmp_path: Path) -> None:
    result = mkdocs(site_tree(tmp_path, GOOD), "build", "--strict", "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr


def test_linkchecker_finds_no_broken_links_or_anchors(built_site: Path) -> None:
    linkchecker = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    assert linkchecker, "linkchecker is not installed in the virtual environment (make setup installs it)"
    with serve(built_site) as url:
        result = subprocess.run([linkchecker, "--config", str(ROOT / "tests" / "linkcheckerrc"), "--no-status", url],
                                capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b[1-9]\d* links? in \d+ URLs? checked", result.stdout), result.stdout


def test_interview_guide_and_explore_pages_are_built(built_site: Path) -> None:
    for page in ("guide/answer", "guide/mistakes", "guide/metrics", "guide/estimates", "practice", "map", "matrix", "print"):
        assert (built_site / page / "index.html").is_file(), page
    for name in ("patterns.json", "llms.txt", "feed.xml", *(f"patterns/{p.id}.md" for p in PATTERNS)):
        assert (built_site / name).is_file(), name
    estimates = (built_site / "guide" / "estimates" / "index.html").read_text(encoding="utf-8")
    assert "327,680 B" in estimates and "448,280" in estimates


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_practice_view_is_folded_and_links_back(built_site: Path, pattern) -> None:
    html = (built_site / "practice" / pattern.id / "index.html").read_text(encoding="utf-8")
    folds = re.findall(r"<details class=\"\w+\">", html)
    assert len(folds) >= 7 and "<details class=\"abstract\" open" not in html
    assert f'href="../../patterns/{pattern.id}/"' in html


def test_glossary_terms_carry_tooltips_on_pattern_pages(built_site: Path) -> None:
    html = page(built_site, "continuous-batching")
    assert re.search(r'<abbr title="Time to first token[^"]*">TTFT</abbr>', html)


def test_search_index_holds_each_pattern_once(built_site: Path) -> None:
    """Practice views and the print edition repeat the patterns; they stay out of search."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert not [p for p in pages if p.startswith("print/") or (p.startswith("practice/") and p != "practice/")]
    assert "practice/" in pages and all(f"patterns/{p.id}/" in pages for p in PATTERNS)
