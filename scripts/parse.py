"""Read pattern files into `Pattern` records; bad input becomes a Finding, never a traceback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import repeat
from pathlib import Path

import yaml

from scripts.schema import TAGS_FILE, Finding, Pattern, Section

class MetaLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: 10x faster
    """Safe YAML that keeps dates as text, so an impossible date is a finding, not a crash."""


MetaLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
H_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def rel(path: Path, root: Path) -> str:
    text, base = path.as_posix(), root.as_posix().rstrip("/") + "/"
    if text.startswith(base):
        return text[len(base):]  # the usual case: plain string work, no disk access
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, root: Path) -> str | Finding:
    """The file's text with a BOM removed and line endings made LF, or why it cannot be read."""
    name = rel(path, root)
    try:
        data = path.read_bytes()
    except OSError as err:
        return Finding(name, 1, f"cannot read the file ({err.strerror}); check it exists and is readable")
    if not data.strip():
        return Finding(name, 1, "the file is empty; write its content or remove the file")
    if b"\0" in data:
        return Finding(name, 1, "the file is binary (it contains NUL bytes); save it as UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return Finding(name, line, f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); re-save it as UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def scan(lines: list[str], first: int = 1) -> Iterator[tuple[int, str, bool]]:
    """Yield (line number, text, inside a fenced code block) so checks can skip code."""
    joined = "\n".join(lines)
    if "```" not in joined and "~~~" not in joined:
        return zip(range(first, first + len(lines)), lines, repeat(False))  # no fence: most sections
    return _scan_fences(lines, first)


def _scan_fences(lines: list[str], first: int) -> Iterator[tuple[int, str, bool]]:
    fence: str | None = None
    for number, text in enumerate(lines, start=first):
        match = FENCE_RE.match(text)
        if fence is None and match:
            fence = match.group(1)
            yield number, text, True
        elif fence is not None:
            closes = match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
            if closes and not text.strip().lstrip(fence[0]):
                fence = None
            yield number, text, True
        else:
            yield number, text, False


def headings(lines: list[tuple[int, str]]) -> Iterator[tuple[int, int, str]]:
    """Yield (line, level, title) for ATX headings outside code blocks."""
    texts = [t for _, t in lines]
    candidates = [i for i, t in enumerate(texts) if "#" in t[:4]]  # '#' within the first four columns
    if not candidates:
        return
    code = {i for i, (_, _, in_code) in enumerate(scan(texts)) if in_code}
    for index in candidates:
        match = None if index in code else H_RE.match(texts[index])
        if match:
            yield lines[index][0], len(match.group(1)), match.group(2).strip()


def split_sections(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Section]]:
    """Split body lines at H2 headings: (lines before the first H2, the sections)."""
    h2 = {line: title for line, level, title in headings(body) if level == 2}
    preamble: list[tuple[int, str]] = []
    sections: list[Section] = []
    for number, text in body:
        if number in h2:
            sections.append(Section(h2[number], number))
        elif sections:
            sections[-1].lines.append((number, text))
        else:
            preamble.append((number, text))
    return preamble, sections


def front_matter(**meta: object) -> str:
    """The front matter block a generated page starts with (the inverse of what load_pattern reads)."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def key_lines(meta_text: str, first: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    for offset, text in enumerate(meta_text.split("\n")):
        match = KEY_RE.match(text)
        if match and match.group(1) not in lines:
            lines[match.group(1)] = first + offset
    return lines


def load_pattern(path: Path, root: Path) -> Pattern | Finding:
    """Parse `patterns/<id>.md` into a Pattern, or return the one finding that stops parsing."""
    text = read_text(path, root)
    if isinstance(text, Finding):
        return text
    name = rel(path, root)
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return Finding(name, 1, "no front matter: the file must start with a line '---', the YAML fields, then '---'")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return Finding(name, 1, "front matter is not closed: add a line '---' after the YAML fields")
    meta_text = "\n".join(lines[1:end])
    try:
        meta = yaml.load(meta_text, Loader=MetaLoader)  # noqa: S506 (a SafeLoader subclass)
    except (yaml.YAMLError, ValueError, RecursionError) as err:
        mark = getattr(err, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        return Finding(name, line, f"front matter is not valid YAML ({problem}); fix the YAML syntax")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return Finding(name, 2, "front matter must be a YAML mapping of fields (key: value)")
    body = list(enumerate(lines[end + 1 :], start=end + 2))
    preamble, sections = split_sections(body)
    return Pattern(path, meta, key_lines(meta_text, 2), end + 2, lines, sections, preamble)


def load_tags(root: Path) -> dict[str, str] | Finding:
    """The tag vocabulary: tag -> one-line meaning."""
    path = root / TAGS_FILE
    text = read_text(path, root)
    if isinstance(text, Finding):
        return text
    try:
        tags = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return Finding(TAGS_FILE, 1 + (mark.line if mark else 0), "tag vocabulary is not valid YAML; fix the syntax")
    if not isinstance(tags, dict) or not all(isinstance(k, str) for k in tags):
        return Finding(TAGS_FILE, 1, "tag vocabulary must be a mapping 'tag: meaning'")
    return {k: str(v or "") for k, v in tags.items()}
