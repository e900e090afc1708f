"""Diagram rules: one Mermaid file per pattern, typed, accessible, walked through in the prose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from scripts.parse import rel
from scripts.schema import MERMAID_TYPES, MIN_ARCHITECTURE_WORDS, Finding, Pattern
from scripts.rules.sections import prose_words

NODE_RE = re.compile(r"\b([A-Za-z_][\w-]*)\s*(?:\[\[|\[\(|\(\[|\(\(|\[/|\[\\|\{\{|\[|\(|\{|>)([^\]\)\}]+?)(?:\]\]|\)\]|\]\)|\)\)|/\]|\\\]|\}\}|\]|\)|\})")
ACC_RE = {"accTitle": re.compile(r"^\s*accTitle\s*:\s*\S"), "accDescr": re.compile(r"^\s*accDescr\s*(:\s*\S|\{)")}


def statements(text: str) -> list[tuple[int, str]]:
    """Non-blank, non-comment lines after an optional YAML front-matter block."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), len(lines))
    return [(i + 1, t) for i, t in enumerate(lines) if i >= start and t.strip() and not t.strip().startswith("%%")]


def node_labels(text: str) -> list[str]:
    """Labels of flowchart nodes, for checking that the prose walks through them."""
    labels: list[str] = []
    for _, line in statements(text):
        for match in NODE_RE.finditer(re.sub(r"\|[^|]*\|", " ", line)):
            label = match.group(2).strip().strip('"').strip()
            if label and label not in labels:
                labels.append(label)
    return labels


def check_diagram_file(p: Pattern, name: str, diagram: str | Finding | None) -> Iterator[Finding]:
    """diagrams/<id>.mmd exists, starts with a Mermaid diagram type and has accTitle and accDescr."""
    path = f"diagrams/{p.path.stem}.mmd"
    if diagram is None:
        section = p.section("Architecture")
        yield Finding(name, section.line if section else 1, f"architecture diagram missing: create {path} with a Mermaid diagram")
        return
    if isinstance(diagram, Finding):
        yield diagram
        return
    found = statements(diagram)
    first = found[0][1].split()[0] if found else ""
    if first not in MERMAID_TYPES:
        yield Finding(path, found[0][0] if found else 1, f"first statement {first!r} is not a Mermaid diagram type; start with one of: flowchart, sequenceDiagram, stateDiagram-v2, ...")
    for key, pattern in ACC_RE.items():
        if not any(pattern.match(t) for _, t in found):
            yield Finding(path, 1, f"missing '{key}': add a line '{key}: ...' so the diagram has a text alternative")
    for number, line in enumerate(diagram.split("\n"), start=1):
        if re.match(r"\s*click\s", line) or "%%{" in line:
            yield Finding(path, number, "click handlers and %%{init}%% directives are not allowed in catalog diagrams")


def check_architecture_prose(p: Pattern, name: str, diagram: str | Finding | None) -> Iterator[Finding]:
    """Architecture prose walks through the diagram's components."""
    section = p.section("Architecture")
    if section is None:
        return
    words = prose_words(section.lines)
    if words < MIN_ARCHITECTURE_WORDS:
        yield Finding(name, section.line, f"'## Architecture' has {words} words; walk through the components and the data flow in at least {MIN_ARCHITECTURE_WORDS} words")
    if not isinstance(diagram, str):
        return
    prose = re.sub(r"\s+", " ", section.text.lower().replace("*", "").replace("`", ""))
    labels = node_labels(diagram)
    missing = [label for label in labels if re.split(r"[:\-–]", label.lower())[0].strip() not in prose]
    if labels and len(missing) * 2 > len(labels):
        yield Finding(name, section.line, f"'## Architecture' prose names {len(labels) - len(missing)} of the diagram's {len(labels)} components; walk through them, e.g. {', '.join(repr(m) for m in missing[:4])}")


def check_orphan_diagrams(root: Path, pattern_ids: set[str]) -> Iterator[Finding]:
    """Every file in diagrams/ belongs to exactly one pattern."""
    folder = root / "diagrams"
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != ".mmd":
            yield Finding(rel(path, root), 1, "only Mermaid files named <pattern-id>.mmd belong in diagrams/; move or remove this file")
        elif path.stem not in pattern_ids:
            yield Finding(rel(path, root), 1, f"orphan diagram: no patterns/{path.stem}.md uses it; rename it to match a pattern id or remove it")
