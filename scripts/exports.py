"""Machine-readable exports generated on every build: patterns.json, llms.txt, Markdown copies
of each pattern and an Atom feed of added and re-reviewed patterns."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from scripts.schema import CATEGORIES, Pattern

EXPORT_SCHEMA_VERSION = 1
JSON_EXPORT = "patterns.json"
LLMS_TXT = "llms.txt"
FEED = "feed.xml"


def markdown_copy_uri(pattern_id: str) -> str:
    """Where a pattern's plain Markdown is served: its page URL with .md, as llms.txt expects."""
    return f"patterns/{pattern_id}.md"


def pattern_record(p: Pattern, diagram: str) -> dict:
    meta = {k: v for k, v in p.meta.items()}
    return {**meta, "sections": {s.title: s.text.strip() for s in p.sections}, "diagram": diagram}


def render_json(patterns: list[Pattern], diagrams: dict[str, str], site_url: str) -> str:
    document = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "site_url": site_url,
        "categories": CATEGORIES,
        "patterns": [pattern_record(p, diagrams[p.id]) for p in sorted(patterns, key=lambda q: q.id)],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_markdown_copy(p: Pattern) -> str:
    """The pattern as one plain Markdown document: title, summary, then its sections."""
    body = "\n".join(p.lines[p.body_start - 1 :]).strip()
    return f"# {p.title}\n\n> {p.summary}\n\n{body}\n"


def render_llms_txt(patterns: list[Pattern], site_name: str, description: str) -> str:
    out = [f"# {site_name}", "", f"> {description.strip()}", "",
           "Each link below is the plain Markdown of one pattern. Full data: patterns.json (schema version "
           f"{EXPORT_SCHEMA_VERSION}).", ""]
    for category, title in CATEGORIES.items():
        members = sorted((p for p in patterns if p.category == category), key=lambda q: q.title.lower())
        if members:
            out += [f"## {title}", ""] + [f"- [{p.title}]({markdown_copy_uri(p.id)}): {p.summary}" for p in members] + [""]
    return "\n".join(out)


def render_feed(patterns: list[Pattern], site_name: str, site_url: str) -> str:
    """Atom feed: one entry per pattern, dated by its last review, newest first."""
    ordered = sorted(patterns, key=lambda q: (q.last_reviewed, q.id), reverse=True)
    updated = f"{ordered[0].last_reviewed}T00:00:00Z" if ordered else "1970-01-01T00:00:00Z"
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"  <title>{escape(site_name)}</title>", f"  <id>{escape(site_url)}</id>",
           f'  <link href="{escape(site_url)}"/>', f'  <link rel="self" href="{escape(site_url)}{FEED}"/>', f"  <updated>{updated}</updated>"]
    for p in ordered:
        url = f"{site_url}patterns/{p.id}/"
        out += ["  <entry>", f"    <title>{escape(p.title)}</title>", f"    <id>{escape(url)}</id>", f'    <link href="{escape(url)}"/>',
                f"    <updated>{p.last_reviewed}T00:00:00Z</updated>", f"    <category term=\"{p.category}\"/>",
                f"    <summary>{escape(p.summary)} (status: {p.status})</summary>", "  </entry>"]
    return "\n".join(out + ["</feed>"]) + "\n"


def export_files(patterns: list[Pattern], diagrams: dict[str, str], site_name: str, site_url: str, description: str) -> dict[str, str]:
    """Every export by its path in the built site."""
    files = {JSON_EXPORT: render_json(patterns, diagrams, site_url), LLMS_TXT: render_llms_txt(patterns, site_name, description),
             FEED: render_feed(patterns, site_name, site_url)}
    files.update({markdown_copy_uri(p.id): render_markdown_copy(p) for p in patterns})
    return files
