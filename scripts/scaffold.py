"""Create a new pattern and its diagram from the one template.

usage: python -m scripts.scaffold ID CATEGORY [--root DIR]

Writes patterns/ID.md and diagrams/ID.mmd with every required section present and a
`<fill: ...>` hint in each, so `make check` lists exactly what is left to write. Refuses an id
that is not kebab-case or already exists, and an unknown category, without writing anything.
Exit status: 0 when both files were written, 2 when the request was refused.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path

from scripts.schema import (
    CATEGORIES, DIAGRAMS_DIR, ID_RE, PATTERNS_DIR, REQUIRED_SECTIONS, RISK_COLUMNS, ROOT, SEVERITIES,
)

# One hint per required section: what a strong section holds.
HINTS = {
    "Problem": "the problem in context, who the users are (researchers, API developers, consumers) and why a naive design fails",
    "Requirements": "functional bullets under '### Functional' and at least three measurable targets (number and unit) under '### Non-functional'",
    "Architecture": "walk through every component of the diagram and the data flow, in the diagram's order and with its names",
    "Trade-offs": "at least three '### X vs Y' sub-sections: what you gain, what you pay, when to pick which",
    "Risks": f"a table | {' | '.join(RISK_COLUMNS)} | with at least three rows; severity one of {', '.join(SEVERITIES)}",
    "Success metrics": "at least two measurable targets with a number and a unit, and how each is measured",
    "References": "at least three primary sources as bullets, each with an https link or an arXiv id",
}


def title_from_id(pattern_id: str) -> str:
    return pattern_id.replace("-", " ").capitalize()


def render_template(pattern_id: str, category: str, today: str) -> tuple[str, str]:
    """The pattern file and the diagram file for a new pattern."""
    front = "\n".join([
        "---", f"id: {pattern_id}", f"title: {title_from_id(pattern_id)}",
        'summary: "<fill: one sentence, at most 200 characters>"', f"category: {category}",
        'tags: ["<fill: one to six tags from patterns/tags.yml>"]', "status: draft", f"last_reviewed: {today}", "related: []",
        'interview_prompt: "<fill: one paragraph posing the design question as an interviewer would>"',
        'optimises: ["<fill: one or more of latency, throughput, cost, memory, reliability, safety, research-velocity>"]',
        "---", "",
    ])
    body = "\n".join(f"## {title}\n\n<fill: {HINTS[title]}>\n" for title in REQUIRED_SECTIONS)
    diagram = "\n".join([
        "flowchart TB", "    accTitle: <fill: a short title for the diagram>",
        "    accDescr: <fill: one or two sentences describing the whole diagram for readers who cannot see it>",
        "    client[Clients] --> service[Your component]", "",
    ])
    return front + "\n" + body, diagram


def refuse(root: Path, pattern_id: str, category: str) -> str | None:
    """Why the request cannot be honoured, or None."""
    if not ID_RE.match(pattern_id):
        return f"id {pattern_id!r} is not kebab-case (lowercase letters, digits, single hyphens), e.g. 'prefix-caching'"
    if category not in CATEGORIES:
        return f"unknown category {category!r}; use one of: {', '.join(CATEGORIES)}"
    for path in (root / PATTERNS_DIR / f"{pattern_id}.md", root / DIAGRAMS_DIR / f"{pattern_id}.mmd"):
        if path.exists():
            return f"{path.relative_to(root)} already exists; choose another id or edit that file"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.scaffold", description=__doc__.split("\n\n")[0])
    parser.add_argument("id", help="kebab-case pattern id, e.g. prefix-caching")
    parser.add_argument("category", help="one of: " + ", ".join(CATEGORIES))
    parser.add_argument("--root", type=Path, default=ROOT)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    reason = refuse(args.root, args.id, args.category)
    if reason:
        print(f"error: {reason}; nothing was written", file=sys.stderr)
        return 2
    pattern, diagram = render_template(args.id, args.category, datetime.now(timezone.utc).date().isoformat())
    (args.root / PATTERNS_DIR / f"{args.id}.md").write_text(pattern, encoding="utf-8")
    (args.root / DIAGRAMS_DIR / f"{args.id}.mmd").write_text(diagram, encoding="utf-8")
    print(f"created {PATTERNS_DIR}/{args.id}.md and {DIAGRAMS_DIR}/{args.id}.mmd; fill in each <fill: ...> hint, then run make check", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
