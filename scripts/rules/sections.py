"""Section rules: the required H2 sections, in order, each with text of its own."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scripts.parse import headings, scan
from scripts.schema import (
    MIN_SECTION_WORDS, OPTIONAL_SECTIONS, REQUIRED_SECTIONS, Finding, Pattern,
)

SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)\s*$")
WORD_RE = re.compile(r"[A-Za-z0-9][\w'’/.-]*")


def prose_words(lines: list[tuple[int, str]]) -> int:
    """Words outside headings, table rules and code fences."""
    texts = [t for _, t, in_code in scan([t for _, t in lines]) if not in_code and not t.lstrip().startswith("#")]
    return len(WORD_RE.findall("\n".join(texts)))


def check_headings(p: Pattern, name: str) -> Iterator[Finding]:
    """No H1 in the body and no setext headings: the title comes from front matter."""
    body = list(enumerate(p.lines[p.body_start - 1 :], start=p.body_start))
    for line, level, title in headings(body):
        if level == 1:
            yield Finding(name, line, f"remove the H1 '# {title}': the page title comes from the 'title' field")
    previous = ""
    for line, text, in_code in scan([t for _, t in body], p.body_start):
        if not in_code and SETEXT_RE.match(text) and previous.strip() and "|" not in previous and not previous.lstrip().startswith(("-", "*", "#")):
            yield Finding(name, line, "setext heading (text underlined with '---' or '==='); use an ATX heading like '## Problem', or leave a blank line before a rule")
        previous = "" if in_code else text


def check_section_order(p: Pattern, name: str) -> Iterator[Finding]:
    """Required H2 sections appear once each, in order; optional ones sit between them."""
    allowed = REQUIRED_SECTIONS + OPTIONAL_SECTIONS
    order = ", ".join(REQUIRED_SECTIONS)
    seen: dict[str, int] = {}
    for section in p.sections:
        if section.title not in allowed:
            yield Finding(name, section.line, f"unknown section '## {section.title}'; allowed H2 sections: {', '.join(allowed)} (use ### for sub-sections)")
        elif section.title in seen:
            yield Finding(name, section.line, f"section '## {section.title}' appears twice (first at line {seen[section.title]}); merge them")
        seen.setdefault(section.title, section.line)
    for title in REQUIRED_SECTIONS:
        if title not in seen:
            yield Finding(name, p.body_start, f"missing required section '## {title}'; required order: {order}")
    present = [s for s in p.sections if s.title in REQUIRED_SECTIONS]
    firsts = [s for i, s in enumerate(present) if s.title not in (x.title for x in present[:i])]
    if [s.title for s in firsts] != [t for t in REQUIRED_SECTIONS if t in seen]:
        yield Finding(name, firsts[0].line if firsts else p.body_start, f"required sections are out of order; correct order: {order}")
    for section in p.sections:
        if section.title in OPTIONAL_SECTIONS and firsts:
            if section.line < firsts[0].line or (firsts[-1].title == "References" and section.line > firsts[-1].line):
                yield Finding(name, section.line, f"optional section '## {section.title}' must sit between '## Problem' and '## References'")


def check_section_text(p: Pattern, name: str) -> Iterator[Finding]:
    """Every required section has text of its own, not just sub-headings."""
    for section in p.sections:
        if section.title in REQUIRED_SECTIONS and section.title != "Architecture":
            if prose_words(section.lines) < MIN_SECTION_WORDS:
                yield Finding(name, section.line, f"section '## {section.title}' is empty or has only headings; write at least {MIN_SECTION_WORDS} words of content")
    if prose_words(p.preamble) > 0:
        first = next(n for n, t in p.preamble if t.strip())
        yield Finding(name, first, "text before '## Problem' is not shown as any section; move it into '## Problem'")
