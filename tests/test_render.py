"""The generator as plain functions: related links both ways, nav, fences, edit links, CLI."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from conftest import GOOD, ROOT, Editor
from scripts import render
from scripts.validate import load_catalog


def test_related_links_go_both_ways() -> None:
    catalog = load_catalog(GOOD)
    assert render.related_map(catalog.patterns) == {"alpha-batching": ["beta-cache"], "beta-cache": ["alpha-batching"]}


def test_pattern_page_has_header_sections_diagram_and_related() -> None:
    pages = render.generated_pages(load_catalog(GOOD), "# Home\n\n<!-- catalog -->\n")
    page = pages["patterns/beta-cache.md"]
    assert page.startswith("---\ntitle: Beta cache\ndescription: A small but complete pattern used by the tests.\nsource: patterns/beta-cache.md\n---\n")
    assert "[Model lifecycle and deployment](../categories/model-lifecycle/index.md)" in page
    assert "[kv-cache](../tags.md#kv-cache)" in page
    order = [page.index(f"## {title}") for title in ("Problem", "Requirements", "Architecture", "Trade-offs", "Risks", "Success metrics", "References", "Related patterns")]
    assert order == sorted(order)
    architecture = page.index("## Architecture")
    assert page.index("```mermaid\nflowchart LR") > architecture
    assert "Figure: Beta cache request path" in page
    assert page.rstrip().endswith("- [Alpha batching](alpha-batching.md)")


def test_home_marker_becomes_the_catalog_table() -> None:
    home = render.generated_pages(load_catalog(GOOD), "# Home\n\n<!-- catalog -->\n")["index.md"]
    assert "<!-- catalog -->" not in home
    assert "| [Alpha batching](patterns/alpha-batching.md) | [Inference and serving](categories/inference-serving/index.md) |" in home


def test_every_category_has_a_page_and_a_nav_section() -> None:
    catalog = load_catalog(GOOD)
    pages = render.generated_pages(catalog, "")
    assert "No patterns in this category yet." in pages["categories/training-compute/index.md"]
    nav = render.expand_nav([{"Home": "index.md"}, {"Catalog": "patterns/index.md"}], catalog.patterns)
    sections = nav[1]["Catalog"]
    assert sections[0] == "patterns/index.md" and len(sections) == 8
    assert sections[1] == {"Inference and serving": ["categories/inference-serving/index.md", {"Alpha batching": "patterns/alpha-batching.md"}]}


def test_long_categories_split_into_alphabetical_groups_in_the_nav() -> None:
    [template] = [p for p in load_catalog(GOOD).patterns if p.id == "alpha-batching"]
    names = [f"{letter}{n:02d} pattern" for letter in "ABCDEFGH" for n in range(9)]  # 72 titles
    members = [dataclasses.replace(template, meta=dict(template.meta, id=n.replace(" ", "-"), title=n)) for n in names]
    groups = render.nav_entries(members, render.pattern_uri)
    assert len(groups) == 3 and all(len(next(iter(g.values()))) <= render.NAV_GROUP for g in groups)
    assert [next(iter(g)) for g in groups] == ["A–C", "C–F", "F–H"]
    flat = [entry for g in groups for entry in next(iter(g.values()))]
    assert flat == [{n: f"patterns/{n.replace(' ', '-')}.md"} for n in names]
    assert render.nav_entries(members[:render.NAV_GROUP], render.pattern_uri) == flat[:render.NAV_GROUP]


def test_tag_index_lists_tags_in_use_with_their_meaning() -> None:
    tags = render.generated_pages(load_catalog(GOOD), "")["tags.md"]
    assert "## kv-cache { #kv-cache }\n\nThe attention key/value cache\n\n- [Beta cache](patterns/beta-cache.md)" in tags
    assert "## latency { #latency }" in tags


def test_fence_outgrows_backticks_in_the_diagram() -> None:
    assert render.fence("flowchart LR\n  a[``x``]").startswith("```mermaid")
    assert render.fence("flowchart LR\n  a[```x```]").startswith("````mermaid")


def test_edit_url_points_at_the_source_outside_docs() -> None:
    assert render.edit_url("https://github.com/o/r/edit/main/docs/", "docs", "patterns/a.md") == "https://github.com/o/r/edit/main/patterns/a.md"


def test_render_cli_writes_pages_and_vendor_files(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.render", "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "patterns" / "continuous-batching.md").is_file()
    assert (tmp_path / "assets" / "vendor" / "mermaid.min.js").stat().st_size > 1_000_000


def test_render_cli_refuses_a_broken_catalog(edit: Editor, tmp_path: Path) -> None:
    edit.replace("## Risks", "## Dangers")
    (edit.root / "docs").mkdir()
    (edit.root / "docs" / "index.md").write_text("# Home\n")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "scripts.render", "--root", str(edit.root), "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "unknown section '## Dangers'" in result.stderr
    assert not out.exists()
