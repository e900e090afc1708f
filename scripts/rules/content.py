"""Content rules: measurable requirements, enough trade-offs, risks, metrics and references."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scripts.parse import headings, scan
from scripts.schema import (
    MIN_MEASURABLE_TARGETS, MIN_REFERENCES, MIN_RISKS, MIN_SUCCESS_METRICS, MIN_TRADE_OFFS,
    REQUIREMENT_PARTS, RISK_COLUMNS, SEVERITIES, Finding, Pattern, Section,
)

NUMBER = r"\d[\d,]*(?:\.\d+)?"
UNITS = (
    r"%|percent|x|×|ms|µs|us|ns|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?"
    r"|[KMGTP]i?B(?:/s)?|bytes?|[KMGTP]?FLOPS|tokens?(?:/s)?|tok/s|req/s|requests?(?:/s)?|rps|qps|QPS"
    r"|GPUs?|replicas?|nodes?|versions?|errors?|incidents?|users?|sequences?"
)
MEASURE_RE = re.compile(rf"(?:[$€£]\s?{NUMBER})|(?:{NUMBER}\s?(?:{UNITS})(?![A-Za-z]))")
BULLET_RE = re.compile(r"^( {0,3})(?:[-*+]|\d+[.)])\s+(.*)")
ARXIV_RE = re.compile(r"arXiv[:\s]\s?\d{4}\.\d{4,5}|arxiv\.org/abs/\d{4}\.\d{4,5}", re.I)
LINK_RE = re.compile(r"https://[^\s)>\]]+")


def items(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Top-level list items outside code, continuation lines joined to their item."""
    found: list[tuple[int, str]] = []
    texts = [t for _, t in lines]
    numbers = [n for n, _ in lines]
    for index, (_, text, in_code) in enumerate(scan(texts)):
        match = None if in_code else BULLET_RE.match(text)
        if match:
            found.append((numbers[index], match.group(2)))
        elif found and text.startswith((" ", "\t")) and text.strip() and not in_code:
            found[-1] = (found[-1][0], found[-1][1] + " " + text.strip())
        elif not text.strip():
            continue
        elif found and not text.startswith((" ", "\t")):
            found.append((-1, ""))  # a paragraph ends the list
    return [(n, t) for n, t in found if n > 0]


def table_rows(lines: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """Rows of the first pipe table: header first, separator row dropped."""
    rows: list[tuple[int, list[str]]] = []
    for number, text in lines:
        stripped = text.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                rows.append((number, cells))
        elif rows:
            break
    return rows


def subparts(section: Section) -> dict[str, list[tuple[int, str]]]:
    """H3 sub-sections of a section: lower-cased title -> body lines."""
    marks = {line: title for line, level, title in headings(section.lines) if level == 3}
    parts: dict[str, list[tuple[int, str]]] = {}
    current: str | None = None
    for number, text in section.lines:
        if number in marks:
            current = marks[number].lower().replace("nonfunctional", "non-functional")
            parts[current] = []
        elif current is not None:
            parts[current].append((number, text))
    return parts


def check_requirements(p: Pattern, name: str) -> Iterator[Finding]:
    """Requirements has Functional and Non-functional parts; the latter states measurable targets."""
    section = p.section("Requirements")
    if section is None:
        return
    parts = subparts(section)
    for part in REQUIREMENT_PARTS:
        if part.lower() not in parts:
            yield Finding(name, section.line, f"'## Requirements' needs a '### {part}' sub-section")
    non_functional = parts.get("non-functional")
    if non_functional is not None:
        targets = [t for _, t in items(non_functional) if MEASURE_RE.search(t)]
        if len(targets) < MIN_MEASURABLE_TARGETS:
            yield Finding(name, section.line, f"'### Non-functional' states {len(targets)} measurable target(s); list at least {MIN_MEASURABLE_TARGETS} bullets with a number and a unit (ms, s, tokens/s, %, GB, $ ...)")


def check_trade_offs(p: Pattern, name: str) -> Iterator[Finding]:
    """Trade-offs has at least three entries (### sub-sections, list items or table rows)."""
    section = p.section("Trade-offs")
    if section is None:
        return
    h3 = [t for _, level, t in headings(section.lines) if level == 3]
    count = max(len(h3), len(items(section.lines)), max(len(table_rows(section.lines)) - 1, 0))
    if count < MIN_TRADE_OFFS:
        yield Finding(name, section.line, f"'## Trade-offs' has {count} entr{'y' if count == 1 else 'ies'}; give at least {MIN_TRADE_OFFS}, each a '### X vs Y' sub-section saying when to prefer which")


def check_risks(p: Pattern, name: str) -> Iterator[Finding]:
    """Risks is a table of at least three rows, each with a severity and a mitigation."""
    section = p.section("Risks")
    if section is None:
        return
    rows = table_rows(section.lines)
    header = [c.lower() for c in rows[0][1]] if rows else []
    columns = {c: header.index(c.lower()) for c in RISK_COLUMNS if c.lower() in header}
    if len(columns) < len(RISK_COLUMNS):
        yield Finding(name, section.line, f"'## Risks' needs a table with the columns | {' | '.join(RISK_COLUMNS)} |")
        return
    body = rows[1:]
    if len(body) < MIN_RISKS:
        yield Finding(name, section.line, f"'## Risks' table has {len(body)} row(s); list at least {MIN_RISKS} risks")
    for line, cells in body:
        severity = cells[columns["Severity"]].strip("*_` ").lower() if len(cells) > columns["Severity"] else ""
        mitigation = cells[columns["Mitigation"]].strip() if len(cells) > columns["Mitigation"] else ""
        if severity not in SEVERITIES:
            yield Finding(name, line, f"risk severity is {severity!r}; use one of: {', '.join(SEVERITIES)}")
        if not mitigation.strip("-–—*_ "):
            yield Finding(name, line, "risk has no mitigation; say what reduces or contains it")


def check_success_metrics(p: Pattern, name: str) -> Iterator[Finding]:
    """Success metrics lists at least two measurable items."""
    section = p.section("Success metrics")
    if section is None:
        return
    entries = [t for _, t in items(section.lines)] + [" ".join(c) for _, c in table_rows(section.lines)[1:]]
    measurable = [e for e in entries if MEASURE_RE.search(e)]
    if len(measurable) < MIN_SUCCESS_METRICS:
        yield Finding(name, section.line, f"'## Success metrics' has {len(measurable)} measurable item(s); list at least {MIN_SUCCESS_METRICS} with a number and a unit")


def check_references(p: Pattern, name: str) -> Iterator[Finding]:
    """References lists at least three entries, each with an https link or an arXiv id."""
    section = p.section("References")
    if section is None:
        return
    entries = items(section.lines)
    if len(entries) < MIN_REFERENCES:
        yield Finding(name, section.line, f"'## References' has {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}; list at least {MIN_REFERENCES} primary sources as bullets")
    for line, text in entries:
        if not (LINK_RE.search(text) or ARXIV_RE.search(text)):
            yield Finding(name, line, "reference has no https link and no arXiv id; add one so readers can find the source")
