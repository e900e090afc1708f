"""Map, matrix, exports, freshness and suggestions: generated from the catalog, covering every pattern."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import GOOD, ROOT, Editor
from scripts import exports, json_schema, render, render_overview
from scripts.schema import OPTIMISES
from scripts.validate import load_catalog

CATALOG = load_catalog(ROOT)
PATTERNS = CATALOG.patterns
DIAGRAMS = render.diagrams_of(CATALOG)


def test_map_has_a_node_per_pattern_and_an_edge_per_related_link() -> None:
    page = render_overview.render_map(PATTERNS, lambda pid: f"../patterns/{pid}/")
    nodes = re.findall(r'<a class="catalog-map__node" data-node="([a-z0-9-]+)" href="\.\./patterns/\1/"', page)
    assert sorted(nodes) == sorted(p.id for p in PATTERNS)
    links = {tuple(sorted((p.id, r))) for p in PATTERNS for r in p.related}
    category = {p.id: p.category for p in PATTERNS}
    per_category = page.split("## Overview", 1)[1].split("\n## ", 1)[1]
    drawn = set(re.findall(r'data-edge="([a-z0-9-]+) ([a-z0-9-]+)"', per_category))
    same_category = {(a, b) for a, b in links if category[a] == category[b]}
    assert drawn == same_category
    cross = len(links) - len(same_category)
    overview = page.split("## Overview", 1)[1].split("\n## ", 1)[0]
    assert sum(int(n) for n in re.findall(r": (\d+) links?", overview)) == cross


def test_matrix_has_a_row_per_pattern_with_its_optimises_marks() -> None:
    page = render_overview.render_matrix(PATTERNS)
    for p in PATTERNS:
        row = next(line for line in page.splitlines() if line.startswith(f"| [{p.title}](patterns/{p.id}.md) |"))
        cells = [c.strip() for c in row.strip("|").split("|")][1:]
        assert [k for k, c in zip(OPTIMISES, cells) if c == "✓"] == [k for k in OPTIMISES if k in p.optimises]


def test_patterns_json_validates_and_round_trips() -> None:
    document = json.loads(exports.render_json(PATTERNS, DIAGRAMS, "https://example.invalid/"))
    schema = json.loads((ROOT / json_schema.EXPORT_SCHEMA_PATH).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["schema_version"] == exports.EXPORT_SCHEMA_VERSION
    records = {r["id"]: r for r in document["patterns"]}
    for p in PATTERNS:
        record = records[p.id]
        assert {k: record[k] for k in p.meta} == p.meta
        assert list(record["sections"]) == [s.title for s in p.sections]
        assert record["diagram"] == DIAGRAMS[p.id]


def test_llms_txt_lists_every_pattern_with_its_markdown_copy() -> None:
    files = exports.export_files(PATTERNS, DIAGRAMS, "Catalog", "https://example.invalid/", "A catalog.")
    for p in PATTERNS:
        assert f"- [{p.title}](patterns/{p.id}.md): {p.summary}" in files[exports.LLMS_TXT]
        copy = files[exports.markdown_copy_uri(p.id)]
        assert copy.startswith(f"# {p.title}\n") and "## References" in copy


def test_feed_is_atom_with_an_entry_per_pattern_newest_first() -> None:
    feed = ET.fromstring(exports.render_feed(PATTERNS, "Catalog", "https://example.invalid/"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert len(entries) == len(PATTERNS)
    dates = [e.find("a:updated", ns).text for e in entries]
    assert dates == sorted(dates, reverse=True)


def test_stale_lists_patterns_older_than_the_threshold(edit: Editor) -> None:
    edit.replace("last_reviewed: 2026-01-15", "last_reviewed: 2025-12-01")
    result = subprocess.run([sys.executable, "-m", "scripts.stale", "--root", str(edit.root), "--today", "2026-06-01", "--days", "180"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["patterns/alpha-batching.md: last reviewed 2025-12-01 (182 days ago)"]
    assert "1 pattern(s) not reviewed in the last 180 days" in result.stderr
    fresh = subprocess.run([sys.executable, "-m", "scripts.stale", "--root", str(edit.root), "--today", "2026-06-01", "--days", "200"],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert fresh.returncode == 0 and fresh.stdout == ""


def test_deprecated_pattern_shows_a_banner_to_its_replacement(edit: Editor) -> None:
    edit.replace("status: reviewed", "status: deprecated\nreplaced_by: beta-cache")
    catalog = load_catalog(edit.root)
    page = render.generated_pages(catalog, "")["patterns/alpha-batching.md"]
    assert '!!! warning "Deprecated"' in page and "Use [Beta cache](beta-cache.md) instead." in page


def test_suggestions_share_tags_and_skip_related() -> None:
    related = render.related_map(PATTERNS)
    suggestions = render.shared_tag_suggestions(PATTERNS, related)
    for p in PATTERNS:
        for q in suggestions[p.id]:
            assert q.id != p.id and q.id not in related[p.id] and set(q.tags) & set(p.tags)
        # the best three by shared tags, ties by title, as a plain sort would rank them
        ranked = sorted((q for q in PATTERNS if q.id != p.id and q.id not in related[p.id] and set(q.tags) & set(p.tags)),
                        key=lambda q: (-len(set(q.tags) & set(p.tags)), q.title.lower()))
        assert suggestions[p.id] == ranked[:3]


def test_print_page_holds_every_pattern_in_order_with_its_diagram() -> None:
    page = render.generated_pages(CATALOG, "")[render_overview.PRINT_PAGE]
    positions = [page.index(f"## {p.title} {{ #{p.id} }}") for members in render_overview.by_category(PATTERNS).values() for p in members]
    assert positions == sorted(positions)
    assert page.count("```mermaid") == len(PATTERNS)
    assert not re.search(r"^ *\*\*[^*\n]+\*\*\n *(?:[-*+] |\d+\. |\|)", page, re.M), "a list or table would run on into the bold line above it"
    assert not re.search(r"\]\((?!https?:|#)[^)]*\.md", page), "links to other pages would break in print"
