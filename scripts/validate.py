"""Validate the pattern catalog.

usage: python -m scripts.validate [--root DIR] [--today YYYY-MM-DD] [--format FORMAT] [FILE ...]

Checks every patterns/<id>.md and diagrams/<id>.mmd under DIR (default: the repository)
against the pattern contract in scripts/schema.py and prints each finding, then a summary line
on stderr. With FILE arguments only findings in those files are printed (the whole catalog is
still read, so cross-file rules hold).

Formats: `text` (default) prints `path:line: message`; `github` prints GitHub Actions
annotations (`::error file=...,line=...::message`) so findings show on a pull request's diff;
`json` prints one JSON document {"checked": N, "findings": [{"path", "line", "message"}]}.

Exit status: 0 when clean, 1 when there are findings, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from scripts.parse import load_pattern, load_tags, read_text, rel
from scripts.rules import content, diagrams, front_matter, safety, sections
from scripts.schema import DIAGRAMS_DIR, PATTERNS_DIR, ROOT, Finding, Pattern


@dataclass
class Catalog:
    """Everything read from the tree, once: parsed patterns, their diagrams (text, or the finding
    that says why a file cannot be read; absent when missing), the tag vocabulary and read failures."""

    root: Path
    patterns: list[Pattern]
    tags: dict[str, str]
    failures: list[Finding]
    diagrams: dict[str, str | Finding] = field(default_factory=dict)


def pattern_files(root: Path) -> list[Path]:
    folder = root / PATTERNS_DIR
    return sorted(folder.glob("*.md"), key=lambda path: path.name) if folder.is_dir() else []  # names sort faster than Paths


def load_catalog(root: Path) -> Catalog:
    """Read every pattern once; files that cannot be parsed become findings."""
    patterns: list[Pattern] = []
    failures: list[Finding] = []
    for path in pattern_files(root):
        loaded = load_pattern(path, root)
        (failures if isinstance(loaded, Finding) else patterns).append(loaded)
    tags = load_tags(root)
    if isinstance(tags, Finding):
        failures.append(tags)
        tags = {}
    folder = root / DIAGRAMS_DIR
    texts = {path.stem: read_text(path, root) for path in sorted(folder.glob("*.mmd"))} if folder.is_dir() else {}
    return Catalog(root, patterns, tags, failures, texts)


def check_pattern(p: Pattern, catalog: Catalog, today: date, ids: set[str]) -> Iterator[Finding]:
    """All per-pattern rules, in reading order; `ids` are the catalog's pattern ids."""
    name = rel(p.path, catalog.root)
    yield from front_matter.check_fields(p, name)
    yield from front_matter.check_id(p, name)
    yield from front_matter.check_text_fields(p, name)
    yield from front_matter.check_interview_prompt(p, name)
    yield from front_matter.check_choices(p, name)
    yield from front_matter.check_tags(p, name, catalog.tags)
    yield from front_matter.check_last_reviewed(p, name, today)
    yield from front_matter.check_related(p, name, ids)
    yield from front_matter.check_optimises(p, name)
    yield from front_matter.check_replaced_by(p, name, ids)
    yield from sections.check_headings(p, name)
    yield from sections.check_section_order(p, name)
    yield from sections.check_section_text(p, name)
    yield from content.check_requirements(p, name)
    yield from content.check_trade_offs(p, name)
    yield from content.check_risks(p, name)
    yield from content.check_success_metrics(p, name)
    yield from content.check_references(p, name)
    diagram = catalog.diagrams.get(p.path.stem)
    yield from diagrams.check_architecture_prose(p, name, diagram)
    yield from diagrams.check_diagram_file(p, name, diagram)
    yield from safety.check_placeholders(name, p.lines)
    yield from safety.check_safety(name, p.lines)


def fold_unfilled(p: Pattern, name: str, findings: list[Finding]) -> list[Finding]:
    """One finding per section still holding a scaffold hint, instead of every rule it breaks."""
    spans: list[tuple[int, int, str]] = []
    ends = [s.line for s in p.sections[1:]] + [len(p.lines) + 1]
    for section, end in zip(p.sections, ends):
        hint = next((m.group(0) for _, t in section.lines if (m := safety.HINT_RE.search(t))), None)
        if hint:
            spans.append((section.line, end, f"section '## {section.title}' is not written yet; replace the hint {hint}"))
    for number, text in enumerate(p.lines[: p.body_start - 1], start=1):
        if (m := safety.HINT_RE.search(text)) and (key := text.split(":", 1)[0].strip()):
            spans.append((number, number + 1, f"'{key}' is not written yet; replace the hint {m.group(0)}"))
    if not spans:
        return findings
    kept = [f for f in findings if f.path != name or not any(start <= f.line < end for start, end, _ in spans)]
    return kept + [Finding(name, start, message) for start, _, message in spans]


def check_diagram_text(catalog: Catalog, ids: set[str]) -> Iterator[Finding]:
    """Placeholders and unsafe content in the diagrams that belong to patterns."""
    for stem, text in sorted(catalog.diagrams.items()):
        if stem in ids and isinstance(text, str):
            name = f"{DIAGRAMS_DIR}/{stem}.mmd"
            lines = text.split("\n")
            yield from safety.check_placeholders(name, lines)
            yield from safety.check_safety(name, lines)


def check_unique_ids(catalog: Catalog) -> Iterator[Finding]:
    """Each 'id' is used by one pattern only."""
    owners: dict[str, str] = {}
    for p in catalog.patterns:
        value = p.meta.get("id")
        if isinstance(value, str):
            name = rel(p.path, catalog.root)
            if value in owners:
                yield Finding(name, p.line_of("id"), f"id '{value}' is already used by {owners[value]}; ids must be unique")
            owners.setdefault(value, name)


# Below this many patterns, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
_shared: tuple[Catalog, date, set[str]] | None = None  # what forked workers inherit


def check_patterns(catalog: Catalog, today: date, known: set[str], indices: range) -> list[Finding]:
    """Per-pattern findings for catalog.patterns[i], i in indices."""
    found: list[Finding] = []
    for p in (catalog.patterns[i] for i in indices):
        name = rel(p.path, catalog.root)
        found.extend(fold_unfilled(p, name, list(check_pattern(p, catalog, today, known))))
    return found


def _check_share(part: tuple[int, int]) -> list[Finding]:
    catalog, today, known = _shared
    return check_patterns(catalog, today, known, range(part[0], len(catalog.patterns), part[1]))


def check_catalog(catalog: Catalog, today: date | None = None, jobs: int = 1) -> list[Finding]:
    """Every finding in the catalog, sorted by file and line. With jobs > 1 (the command line
    passes one per core) a large catalog's patterns are checked in forked worker processes;
    the MkDocs hooks check in-process, since forking a threaded server is not safe."""
    global _shared
    today = today or datetime.now(timezone.utc).date()
    found = list(catalog.failures)
    known = {q.path.stem for q in catalog.patterns}
    if jobs > 1 and len(catalog.patterns) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
        _shared = (catalog, today, known)
        try:  # jobs - 1 forked workers take shares 1..jobs-1; this process checks share 0 meanwhile
            with multiprocessing.get_context("fork").Pool(jobs - 1) as pool:
                others = pool.map_async(_check_share, [(k, jobs) for k in range(1, jobs)])
                found.extend(_check_share((0, jobs)))
                for part in others.get():
                    found.extend(part)
        finally:
            _shared = None
    else:
        found.extend(check_patterns(catalog, today, known, range(len(catalog.patterns))))
    found.extend(check_unique_ids(catalog))
    ids = {p.stem for p in pattern_files(catalog.root)}
    found.extend(diagrams.check_orphan_diagrams(catalog.root, ids))
    found.extend(check_diagram_text(catalog, ids))
    return sorted(set(found))


def escape_annotation(text: str, *, prop: bool = False) -> str:
    """GitHub workflow-command escaping; property values also escape ':' and ','."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def format_findings(findings: list[Finding], fmt: str, checked: int) -> str:
    """Render findings for people (text), pull requests (github) or tools (json)."""
    if fmt == "json":
        return json.dumps({"checked": checked, "findings": [asdict(f) for f in findings]}, indent=2) + "\n"
    if fmt == "github":
        return "".join(f"::error file={escape_annotation(f.path, prop=True)},line={f.line},title=pattern contract::{escape_annotation(f.message)}\n" for f in findings)
    return "".join(f"{f}\n" for f in findings)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.validate", description=__doc__.split("\n\n")[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n")[-1])
    parser.add_argument("files", nargs="*", help="only report findings in these files")
    parser.add_argument("--root", type=Path, default=ROOT, help="catalog root holding patterns/ and diagrams/")
    parser.add_argument("--today", type=date.fromisoformat, help="date used for the 'not in the future' rule")
    parser.add_argument("--format", choices=("text", "github", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes for large catalogs (default: one per core)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    if not (args.root / PATTERNS_DIR).is_dir():
        print(f"error: {args.root / PATTERNS_DIR} is not a directory; pass --root with a catalog folder", file=sys.stderr)
        return 2
    catalog = load_catalog(args.root)
    findings = check_catalog(catalog, args.today, max(1, args.jobs))
    if args.files:
        wanted = {rel(Path(f), args.root) if Path(f).is_absolute() else Path(f).as_posix() for f in args.files}
        findings = [f for f in findings if f.path in wanted]
    count = len(pattern_files(args.root))
    print(format_findings(findings, args.format, count), end="")
    files = len({f.path for f in findings})
    checked = f"checked {count} pattern(s)"
    if findings:
        print(f"{checked}: {len(findings)} finding(s) in {files} file(s)", file=sys.stderr)
        return 1
    print(f"{checked}: no findings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
