"""Front-matter rules: every field present, typed and within the allowed values."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from scripts.schema import (
    CATEGORIES, ID_RE, OPTIMISES, OPTIONAL_FIELDS, PROMPT_MAX, PROMPT_MIN, REQUIRED_FIELDS, STATUSES, SUMMARY_MAX,
    TITLE_MAX, Finding, Pattern,
)

SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z0-9]")


def kebab(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "my-pattern"


def check_fields(p: Pattern, name: str) -> Iterator[Finding]:
    """Front matter has exactly the required fields."""
    for key in REQUIRED_FIELDS:
        if key not in p.meta:
            yield Finding(name, 1, f"front matter is missing '{key}'; add '{key}:' (fields: {', '.join(REQUIRED_FIELDS)})")
    for key in p.meta:
        if key not in REQUIRED_FIELDS + OPTIONAL_FIELDS:
            yield Finding(name, p.line_of(str(key)), f"unknown front-matter field '{key}'; allowed fields: {', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)}")


def check_id(p: Pattern, name: str) -> Iterator[Finding]:
    """'id' is kebab-case and equals the file name stem."""
    value = p.meta.get("id")
    if value is None:
        return
    if not isinstance(value, str) or not ID_RE.match(value):
        yield Finding(name, p.line_of("id"), f"'id' must be kebab-case (lowercase letters, digits, single hyphens), got {value!r}; e.g. '{kebab(str(value))}'")
    elif value != p.path.stem:
        yield Finding(name, p.line_of("id"), f"'id' is '{value}' but the file is '{p.path.name}'; rename the file to '{value}.md' or set id: {p.path.stem}")


def check_text_fields(p: Pattern, name: str) -> Iterator[Finding]:
    """'title' is at most 80 characters; 'summary' is one sentence of at most 200."""
    title, summary = p.meta.get("title"), p.meta.get("summary")
    if "title" in p.meta:
        if not isinstance(title, str) or not title.strip():
            yield Finding(name, p.line_of("title"), "'title' must be a non-empty string")
        elif len(title) > TITLE_MAX:
            yield Finding(name, p.line_of("title"), f"'title' is {len(title)} characters; shorten it to at most {TITLE_MAX}")
    if "summary" in p.meta:
        if not isinstance(summary, str) or not summary.strip():
            yield Finding(name, p.line_of("summary"), "'summary' must be a non-empty string")
            return
        summary = summary.strip()
        if len(summary) > SUMMARY_MAX:
            yield Finding(name, p.line_of("summary"), f"'summary' is {len(summary)} characters; shorten it to at most {SUMMARY_MAX}")
        if SENTENCE_BREAK.search(summary) or summary[-1] not in ".!?":
            yield Finding(name, p.line_of("summary"), "'summary' must be exactly one sentence ending with '.', '!' or '?'")


def check_interview_prompt(p: Pattern, name: str) -> Iterator[Finding]:
    """'interview_prompt' is one paragraph of 80 to 600 characters ending with '?' or '.'."""
    if "interview_prompt" not in p.meta:
        return
    prompt = p.meta["interview_prompt"]
    line = p.line_of("interview_prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        yield Finding(name, line, "'interview_prompt' must be a non-empty paragraph posing the design question")
        return
    prompt = prompt.strip()
    if "\n" in prompt:
        yield Finding(name, line, "'interview_prompt' must be one paragraph; remove the blank line (use 'interview_prompt: >-' and indented lines)")
    if not PROMPT_MIN <= len(prompt) <= PROMPT_MAX:
        yield Finding(name, line, f"'interview_prompt' is {len(prompt)} characters; write {PROMPT_MIN} to {PROMPT_MAX}")
    if prompt[-1] not in "?.":
        yield Finding(name, line, "'interview_prompt' must end with '?' or '.'")


def check_choices(p: Pattern, name: str) -> Iterator[Finding]:
    """'category' and 'status' take one of their fixed values."""
    for key, allowed in (("category", tuple(CATEGORIES)), ("status", STATUSES)):
        value = p.meta.get(key)
        if key in p.meta and value not in allowed:
            yield Finding(name, p.line_of(key), f"'{key}' is {value!r}; use one of: {', '.join(allowed)}")


def check_tags(p: Pattern, name: str, vocabulary: dict[str, str]) -> Iterator[Finding]:
    """'tags' is a non-empty list of distinct tags from the vocabulary file."""
    tags = p.meta.get("tags")
    if "tags" not in p.meta:
        return
    if not isinstance(tags, list) or not tags:
        yield Finding(name, p.line_of("tags"), "'tags' must be a non-empty list, e.g. tags: [kv-cache, latency]")
        return
    seen: set[str] = set()
    for tag in tags:
        if not isinstance(tag, str) or tag not in vocabulary:
            yield Finding(name, p.line_of("tags"), f"unknown tag {tag!r}; use a tag listed in patterns/tags.yml or add it there")
        elif tag in seen:
            yield Finding(name, p.line_of("tags"), f"tag '{tag}' is listed twice; remove the duplicate")
        seen.add(str(tag))


def check_last_reviewed(p: Pattern, name: str, today: date) -> Iterator[Finding]:
    """'last_reviewed' is an ISO date (YYYY-MM-DD) not in the future."""
    if "last_reviewed" not in p.meta:
        return
    text = str(p.meta["last_reviewed"])
    try:
        value = date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        value = None
    if value is None:
        yield Finding(name, p.line_of("last_reviewed"), f"'last_reviewed' must be an ISO date YYYY-MM-DD, got {text!r}")
    elif value > today:
        yield Finding(name, p.line_of("last_reviewed"), f"'last_reviewed' {text} is in the future (today is {today.isoformat()})")


def check_optimises(p: Pattern, name: str) -> Iterator[Finding]:
    """'optimises' is a non-empty list of distinct values from the fixed list."""
    if "optimises" not in p.meta:
        return
    values = p.meta["optimises"]
    if not isinstance(values, list) or not values:
        yield Finding(name, p.line_of("optimises"), f"'optimises' must be a non-empty list from: {', '.join(OPTIMISES)}")
        return
    for value in values:
        if value not in OPTIMISES:
            yield Finding(name, p.line_of("optimises"), f"'optimises' has {value!r}; use values from: {', '.join(OPTIMISES)}")
    if len(set(map(str, values))) != len(values):
        yield Finding(name, p.line_of("optimises"), "'optimises' lists a value twice; remove the duplicate")


def check_replaced_by(p: Pattern, name: str, known_ids: set[str]) -> Iterator[Finding]:
    """A deprecated pattern names its replacement in 'replaced_by'; others do not."""
    replacement = p.meta.get("replaced_by")
    if p.meta.get("status") == "deprecated" and replacement is None:
        yield Finding(name, p.line_of("status"), "a deprecated pattern needs 'replaced_by: <id>' naming the pattern readers should use instead")
    elif replacement is not None and p.meta.get("status") != "deprecated":
        yield Finding(name, p.line_of("replaced_by"), "'replaced_by' is only for deprecated patterns; set status: deprecated or remove it")
    elif replacement is not None and (replacement == p.path.stem or replacement not in known_ids):
        yield Finding(name, p.line_of("replaced_by"), f"'replaced_by' names {replacement!r}, which is not another pattern in patterns/")


def check_related(p: Pattern, name: str, known_ids: set[str]) -> Iterator[Finding]:
    """'related' lists ids of other existing patterns, each once."""
    if "related" not in p.meta:
        return
    related = p.meta["related"]
    if not isinstance(related, list):
        yield Finding(name, p.line_of("related"), "'related' must be a list of pattern ids, e.g. related: [paged-kv-cache] (or [] for none)")
        return
    seen: set[str] = set()
    for other in related:
        if other == p.path.stem:
            yield Finding(name, p.line_of("related"), f"'related' lists the pattern itself ('{other}'); remove it")
        elif other not in known_ids:
            yield Finding(name, p.line_of("related"), f"'related' names {other!r}, which is not a pattern in patterns/; fix the id or remove it")
        elif other in seen:
            yield Finding(name, p.line_of("related"), f"'related' lists '{other}' twice; remove the duplicate")
        seen.add(str(other))
