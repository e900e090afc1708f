"""Generated overview pages: the pattern map, the comparison matrix and the print edition."""

from __future__ import annotations

import html
import math
import re

from scripts.parse import front_matter as front
from scripts.render_guide import bold_headings
from scripts.schema import CATEGORIES, OPTIMISES, Pattern

MAP_PAGE = "map.md"
MATRIX_PAGE = "matrix.md"
PRINT_PAGE = "print.md"
LOCAL_LINK_RE = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)([a-z0-9-]+)\.md(#[^)\s]*)?\)")


def by_category(patterns: list[Pattern]) -> dict[str, list[Pattern]]:
    return {c: sorted((p for p in patterns if p.category == c), key=lambda q: q.title.lower()) for c in CATEGORIES}


def edges(patterns: list[Pattern]) -> list[tuple[str, str]]:
    """Each related link once, as a sorted pair."""
    ids = {p.id for p in patterns}
    return sorted({tuple(sorted((p.id, r))) for p in patterns for r in p.related if r in ids})


def wrap(text: str, width: int = 20) -> list[str]:
    words, lines = text.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines[:3] if len(lines) <= 3 else lines[:2] + [lines[2][: width - 1] + "…"]


def svg_map(nodes: list[tuple[str, str, str]], links: list[tuple[str, str]], label: str) -> str:
    """A circular node-link diagram: nodes are (key, text, href); every node is a link."""
    width, height, rx, ry = 800, 660, 310, 265  # an ellipse: wide boxes need more room sideways
    pos = {}
    for i, (key, _, _) in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(nodes), 1)
        pos[key] = (width / 2 + rx * math.cos(angle), height / 2 + ry * math.sin(angle)) if len(nodes) > 1 else (width / 2, height / 2)
    # Wrapped in a block-level div so Markdown leaves the SVG alone (no abbreviations inside it).
    out = ['<div class="catalog-map-wrap">',
           f'<svg class="catalog-map" viewBox="0 0 {width} {height}" role="group" aria-label="{html.escape(label)}" xmlns="http://www.w3.org/2000/svg">']
    for a, b in links:
        if a in pos and b in pos:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            out.append(f'<line class="catalog-map__edge" data-edge="{a} {b}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
    for key, text, href in nodes:
        x, y = pos[key]
        lines = wrap(text)
        out.append(f'<a class="catalog-map__node" data-node="{key}" href="{html.escape(href)}"><title>{html.escape(text)}</title>')
        out.append(f'<rect x="{x - 75:.1f}" y="{y - 9 * len(lines) - 8:.1f}" width="150" height="{18 * len(lines) + 16}" rx="8"/>')
        for i, line in enumerate(lines):
            out.append(f'<text x="{x:.1f}" y="{y - 9 * len(lines) + 13 + 18 * i:.1f}">{html.escape(line)}</text>')
        out.append("</a>")
    return "\n".join(out + ["</svg>", "</div>"])


def render_map(patterns: list[Pattern], href) -> str:
    """One overview of the categories, then one diagram per category with its related links."""
    groups = by_category(patterns)
    category_of = {p.id: p.category for p in patterns}
    cross: dict[tuple[str, str], int] = {}
    for a, b in edges(patterns):
        key = tuple(sorted((category_of[a], category_of[b])))
        if key[0] != key[1]:
            cross[key] = cross.get(key, 0) + 1
    out = [front(title="Pattern map"), "# Pattern map\n",
           "How the patterns relate. The overview shows the categories and how many `related` links cross between them; "
           "each category below shows its patterns and their links. Every box links to its page.\n",
           "## Overview\n",
           svg_map([(c, f"{t} ({len(groups[c])})", f"#{c}") for c, t in CATEGORIES.items()], list(cross), "Categories of the catalog and the related links between them"), ""]
    out.append("\n".join(f"- {CATEGORIES[a]} and {CATEGORIES[b]}: {n} link{'s' if n > 1 else ''}" for (a, b), n in sorted(cross.items())) or "No links cross categories yet.")
    titles = {q.id: q.title for q in patterns}
    linked_from: dict[str, set[str]] = {q.id: set() for q in patterns}
    for q in patterns:
        for target in q.related:
            linked_from.setdefault(target, set()).add(q.id)
    all_edges = edges(patterns)
    for category, title in CATEGORIES.items():
        members = groups[category]
        out += ["", f"## {title} {{ #{category} }}", ""]
        if not members:
            out.append("No patterns in this category yet.")
            continue
        ids = {p.id for p in members}
        inner = [(a, b) for a, b in all_edges if a in ids and b in ids]
        out.append(svg_map([(p.id, p.title, href(p.id)) for p in members], inner, f"Patterns in {title} and their related links"))
        outside = sorted({(p.id, r) for p in members for r in p.related if r not in ids} | {(r, p.id) for p in members for r in linked_from[p.id] if r not in ids})
        out.append("")
        out += [f"- [{p.title}](patterns/{p.id}.md): " + (", ".join(f"[{titles[q]}](patterns/{q}.md)" for q in sorted({*p.related, *linked_from[p.id]})) or "no related patterns") for p in members]
        if outside:
            out.append(f"\n{len(outside)} link(s) lead to patterns in other categories.")
    return "\n".join(out) + "\n"


def render_matrix(patterns: list[Pattern]) -> str:
    """Patterns against what they optimise, grouped by category."""
    keys = list(OPTIMISES)
    out = [front(title="Comparison matrix"), "# Comparison matrix\n",
           "What each pattern improves, from its `optimises` field. " + "; ".join(f"**{k}**: {v}" for k, v in OPTIMISES.items()) + ".\n"]
    for category, members in by_category(patterns).items():
        if not members:
            continue
        out += [f"## {CATEGORIES[category]}\n", '<div class="pattern-matrix" markdown>\n', "| Pattern | " + " | ".join(keys) + " |", "| --- |" + " :---: |" * len(keys)]
        out += [f"| [{p.title}](patterns/{p.id}.md) | " + " | ".join("✓" if k in p.optimises else "" for k in keys) + " |" for p in members]
        out += ["", "</div>", ""]
    return "\n".join(out)


def print_section(p: Pattern, text: str) -> str:
    """Pattern Markdown rebased for the print page: pattern links become in-page anchors and
    sub-headings bold lines, so the page's only headings are the patterns themselves (hundreds
    of section anchors would make the page slow to link-check and its contents unreadable)."""
    text = LOCAL_LINK_RE.sub(lambda m: f"](#{m.group(1)})", text)
    text = re.sub(r"\]\(#[^)\s]+\)", f"](#{p.id})", text)  # section anchors do not exist in print
    return bold_headings(text)


def render_print(patterns: list[Pattern], diagrams: dict[str, str], version: str, fence) -> str:
    """The whole catalog on one page, in catalog order: cover, contents, every pattern and diagram."""
    ordered = [p for members in by_category(patterns).values() for p in members]
    # Every pattern again on one page: out of search, or each result would appear twice; every
    # diagram drawn at once, since the page exists to be printed.
    out = [front(title="Print edition", hide=["toc"], search={"exclude": True}, diagrams="eager"), f"# AI System Design Patterns\n", f"Print edition {version} · {len(ordered)} patterns\n", "## Contents\n"]
    out += [f"1. [{p.title}](#{p.id})" for p in ordered]
    for p in ordered:
        # One block per pattern: Markdown's abbreviation pass looks up each element's position
        # among its siblings, which is quadratic on a page that is one flat list of elements.
        out += ["", '<div class="print-pattern" markdown>', "", f"## {p.title} {{ #{p.id} }}", "", f"*{html.escape(p.summary)}*", "",
                f"{CATEGORIES[p.category]} · {p.status} · last reviewed {p.last_reviewed}", ""]
        for section in p.sections:
            out += [f"**{section.title}**", "{ .print-section }", ""]
            if section.title == "Architecture":
                out += [fence(diagrams[p.id]), ""]
            out.append(print_section(p, section.text))
        out += ["", "</div>"]
    return "\n".join(out) + "\n"
