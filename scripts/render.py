"""Generate the catalog's Markdown pages from the pattern files.

usage: python -m scripts.render --out DIR

The MkDocs hook (scripts/hooks.py) calls `generated_pages` during every build, so nothing here
is committed. The command line writes the same pages, and the vendored scripts, into DIR for a
pre-build step (for a site generator that runs no MkDocs hooks). It refuses to write anything
while the catalog has validator findings.
"""

from __future__ import annotations

import argparse
import heapq
import html
import posixpath
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin


from scripts import exports, render_guide, render_overview
from scripts.parse import front_matter as front
from scripts.schema import CATEGORIES, ROOT, Pattern
from scripts.validate import Catalog, check_catalog, load_catalog

HOME = "index.md"
CATALOG_PAGE = "patterns/index.md"
TAGS_PAGE = "tags.md"
CATALOG_MARKER = "<!-- catalog -->"
# Files served by the site itself, copied from the locked npm packages (no CDN).
VENDOR_FILES = {
    "assets/vendor/mermaid.min.js": "node_modules/mermaid/dist/mermaid.min.js",
    "assets/vendor/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
}


def pattern_uri(pattern_id: str) -> str:
    return f"patterns/{pattern_id}.md"


def category_uri(category: str) -> str:
    return f"categories/{category}/index.md"


def link(src: str, dest: str, anchor: str = "") -> str:
    """Relative Markdown link target from page `src` to page `dest`."""
    target = posixpath.relpath(dest, posixpath.dirname(src) or ".")
    return f"{target}#{anchor}" if anchor else target


def related_map(patterns: list[Pattern]) -> dict[str, list[str]]:
    """Related ids both ways: if A lists B, B shows A as well. Order: own list, then backlinks."""
    related = {p.id: list(p.related) for p in patterns}
    for p in patterns:
        for other in p.related:
            if other in related and p.id not in related[other]:
                related[other].append(p.id)
    return related


def status_badge(status: str) -> str:
    return f'<span class="pattern-status pattern-status--{status}">{status}</span>'


def fence(text: str) -> str:
    """A mermaid fence longer than any backtick run inside the diagram."""
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}mermaid\n{text.strip()}\n{ticks}"


def diagram_caption(diagram: str) -> list[str]:
    """The diagram's accTitle as a visible caption and its accDescr as a folded text description."""
    values = {k: m.group(1).strip() for k in ("accTitle", "accDescr") if (m := re.search(rf"^\s*{k}\s*:\s*(.+)$", diagram, re.M))}
    lines = []
    if values.get("accTitle"):
        lines += [f'<p class="pattern-diagram-caption">Figure: {html.escape(values["accTitle"])}</p>', ""]
    if values.get("accDescr"):
        lines += ['??? note "Text description of the diagram"', "", f"    {html.escape(values['accDescr'])}", ""]
    return lines


def shared_tag_suggestions(patterns: list[Pattern], related: dict[str, list[str]], limit: int = 3) -> dict[str, list[Pattern]]:
    """For each pattern, the others sharing the most tags with it (ties by title), beyond its
    related ones. Every pair is scored, so the inner loop stays on precomputed sets."""
    ordered = sorted(patterns, key=lambda q: q.title.lower())
    ids = [q.id for q in ordered]
    tags = [frozenset(q.tags) for q in ordered]
    out: dict[str, list[Pattern]] = {}
    for pid, mine in zip(ids, tags):
        skip = {pid, *related[pid]}
        best = heapq.nsmallest(limit, ((-len(mine & theirs), i) for i, theirs in enumerate(tags) if mine & theirs and ids[i] not in skip))
        out[pid] = [ordered[i] for _, i in best]
    return out


def render_pattern(p: Pattern, diagram: str, related: list[str], titles: dict[str, str], suggestions: list[Pattern] = ()) -> str:
    """One pattern page: header, the sections in order, the diagram under Architecture, related."""
    src = pattern_uri(p.id)
    tags = ", ".join(f"[{t}]({link(src, TAGS_PAGE, t)})" for t in p.tags)
    header = [
        f"# {p.title}", "", html.escape(p.summary), "{ .pattern-summary }", "",
        '<div class="pattern-meta" markdown>', "",
        f"{status_badge(p.status)} **Category:** [{CATEGORIES.get(p.category, p.category)}]({link(src, category_uri(p.category))})"
        f" · **Last reviewed:** {p.last_reviewed} · **Tags:** {tags}", "", "</div>", "",
    ]
    replacement = p.meta.get("replaced_by")
    if p.status == "deprecated" and replacement in titles:
        header += ['!!! warning "Deprecated"', "", f"    This pattern is no longer recommended. Use [{titles[replacement]}]({link(src, pattern_uri(replacement))}) instead.", ""]
    body: list[str] = []
    architecture = p.section("Architecture")
    for number, text in enumerate(p.lines[p.body_start - 1 :], start=p.body_start):
        body.append(text)
        if architecture and number == architecture.line:
            body += ["", fence(diagram), "", *diagram_caption(diagram)]
    footer = ["", "## Related patterns", ""]
    footer += [f"- [{titles[r]}]({link(src, pattern_uri(r))})" for r in related] or ["No related patterns yet."]
    if suggestions:
        footer += ["", "**Sharing tags:** " + ", ".join(f"[{q.title}]({link(src, pattern_uri(q.id))})" for q in suggestions)]
    meta = front(title=p.title, description=p.summary, source=f"patterns/{p.id}.md")
    return meta + "\n".join(header + body + footer) + "\n"


def render_table(patterns: list[Pattern], src: str) -> str:
    """The catalog table: title, category, status, summary."""
    rows = ["| Pattern | Category | Status | Summary |", "| --- | --- | --- | --- |"]
    for p in sorted(patterns, key=lambda q: (list(CATEGORIES).index(q.category), q.title.lower())):
        category = f"[{CATEGORIES[p.category]}]({link(src, category_uri(p.category))})"
        rows.append(f"| [{p.title}]({link(src, pattern_uri(p.id))}) | {category} | {status_badge(p.status)} | {html.escape(p.summary)} |")
    return "\n".join(rows) + "\n"


def render_category(category: str, patterns: list[Pattern]) -> str:
    src = category_uri(category)
    members = sorted((p for p in patterns if p.category == category), key=lambda q: q.title.lower())
    lines = [f"# {CATEGORIES[category]}", ""]
    if not members:
        lines.append("No patterns in this category yet.")
    for p in members:
        lines += [f"## [{p.title}]({link(src, pattern_uri(p.id))})", "", f"{status_badge(p.status)} {html.escape(p.summary)}", ""]
    return front(title=CATEGORIES[category]) + "\n".join(lines) + "\n"


def render_tags(patterns: list[Pattern], vocabulary: dict[str, str]) -> str:
    """The tag index: each tag in use, its meaning and its patterns."""
    lines = ["# Tags", "", "Every tag used by a pattern, with what it means. The vocabulary lives in `patterns/tags.yml`.", ""]
    for tag in sorted({t for p in patterns for t in p.tags}):
        lines += [f"## {tag} {{ #{tag} }}", "", html.escape(vocabulary.get(tag, "")), ""]
        lines += [f"- [{p.title}]({link(TAGS_PAGE, pattern_uri(p.id))})" for p in sorted(patterns, key=lambda q: q.title.lower()) if tag in p.tags]
        lines.append("")
    return front(title="Tags") + "\n".join(lines)


def render_catalog(patterns: list[Pattern]) -> str:
    counts = ", ".join(f"{sum(p.category == c for p in patterns)} in {t.lower()}" for c, t in CATEGORIES.items())
    intro = f"The catalog holds {len(patterns)} pattern(s): {counts}."
    return front(title="All patterns") + f"# All patterns\n\n{intro}\n\n" + render_table(patterns, CATALOG_PAGE)


def diagrams_of(catalog: Catalog) -> dict[str, str]:
    """Each pattern's diagram text, as read by load_catalog (generation runs only on a valid catalog)."""
    return {p.id: str(catalog.diagrams[p.id]) for p in catalog.patterns}


def generated_pages(catalog: Catalog, home: str, *, directory_urls: bool = True, edition: str = "") -> dict[str, str]:
    """Every generated page, by its path in the docs tree. `home` is docs/index.md's text."""
    titles = {p.id: p.title for p in catalog.patterns}
    related = related_map(catalog.patterns)
    diagrams = diagrams_of(catalog)
    pages = {HOME: home.replace(CATALOG_MARKER, render_table(catalog.patterns, HOME)),
             CATALOG_PAGE: render_catalog(catalog.patterns),
             TAGS_PAGE: render_tags(catalog.patterns, catalog.tags)}
    for category in CATEGORIES:
        pages[category_uri(category)] = render_category(category, catalog.patterns)
    suggestions = shared_tag_suggestions(catalog.patterns, related)
    for p in catalog.patterns:
        pages[pattern_uri(p.id)] = render_pattern(p, diagrams[p.id], related[p.id], titles, suggestions[p.id])
    pages.update(render_guide.guide_pages(catalog.patterns))
    href = (lambda pid: f"../patterns/{pid}/") if directory_urls else (lambda pid: f"patterns/{pid}.html")
    pages[render_overview.MAP_PAGE] = render_overview.render_map(catalog.patterns, href)
    pages[render_overview.MATRIX_PAGE] = render_overview.render_matrix(catalog.patterns)
    pages[render_overview.PRINT_PAGE] = render_overview.render_print(catalog.patterns, diagrams, edition or "online", fence)
    return pages


def generated_files(catalog: Catalog, site_name: str, site_url: str, description: str) -> dict[str, str]:
    """Non-page files served with the site: the exports."""
    return exports.export_files(catalog.patterns, diagrams_of(catalog), site_name, site_url, description)


NAV_GROUP = 25  # most patterns a category lists in the navigation before it is split into groups


def nav_entries(members: list[Pattern], uri) -> list:
    """Navigation entries for a category's patterns (sorted by title). A longer list is split
    into even alphabetical groups ("A–F"), so no page's navigation lists more than NAV_GROUP
    siblings: easier to scan, and the build stays linear in the number of patterns (every page
    renders its own section's list)."""
    entries = [{p.title: uri(p.id)} for p in members]
    if len(entries) <= NAV_GROUP:
        return entries
    count = -(-len(entries) // NAV_GROUP)
    size = -(-len(entries) // count)
    chunks = [members[i:i + size] for i in range(0, len(members), size)]
    for width in range(1, 41):  # the shortest title prefixes that tell the groups apart
        labels = [f"{c[0].title[:width].rstrip()}–{c[-1].title[:width].rstrip()}" for c in chunks]
        if len(set(labels)) == len(labels):
            break
    return [{label: entries[i * size:(i + 1) * size]} for i, label in enumerate(labels)]


def by_title(patterns: list[Pattern], category: str) -> list[Pattern]:
    return sorted((p for p in patterns if p.category == category), key=lambda q: q.title.lower())


def expand_nav(nav: list, patterns: list[Pattern]) -> list:
    """Expand the nav entries of generated indexes: patterns/index.md into one section per
    category, practice/index.md into the practice views, grouped the same way."""
    sections: list = [CATALOG_PAGE]
    practice: list = [render_guide.PRACTICE_INDEX]
    for category, title in CATEGORIES.items():
        members = by_title(patterns, category)
        sections.append({title: [category_uri(category)] + nav_entries(members, pattern_uri)})
        if members:
            practice.append({title: nav_entries(members, render_guide.practice_uri)})
    generated = {CATALOG_PAGE: sections, render_guide.PRACTICE_INDEX: practice}
    expanded = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else None
        if isinstance(value, str) and value in generated:
            expanded.append({next(iter(item)): generated[value]})
        elif isinstance(value, list):
            expanded.append({next(iter(item)): expand_nav(value, patterns)})
        else:
            expanded.append(item)
    return expanded


def edit_url(edit_uri: str, docs_dir: str, source: str) -> str:
    """Edit link for `source` (relative to the repository root) given the docs folder's edit URI."""
    return urljoin(edit_uri, posixpath.relpath(source, docs_dir))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.render", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the generated docs into")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    catalog = load_catalog(args.root)
    findings = check_catalog(catalog)
    if findings:
        print("\n".join(map(str, findings)) + f"\nrefusing to generate: {len(findings)} finding(s)", file=sys.stderr)
        return 1
    home = (args.root / "docs" / HOME).read_text(encoding="utf-8")
    for uri, text in generated_pages(catalog, home).items():
        (args.out / uri).parent.mkdir(parents=True, exist_ok=True)
        (args.out / uri).write_text(text, encoding="utf-8")
    for uri, text in generated_files(catalog, "AI System Design Patterns", "", "").items():
        (args.out / "_exports" / uri).parent.mkdir(parents=True, exist_ok=True)
        (args.out / "_exports" / uri).write_text(text, encoding="utf-8")
    for uri, source in VENDOR_FILES.items():
        (args.out / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.root / source, args.out / uri)
    print(f"wrote {len(catalog.patterns)} pattern page(s) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
