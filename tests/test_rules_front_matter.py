"""Front-matter rules: each invalid value gives a finding with the line, the rule and the fix."""

from __future__ import annotations

import pytest

from conftest import Editor

P = "patterns/alpha-batching.md"


def test_valid_fixture_has_no_findings(edit: Editor) -> None:
    assert edit.messages() == []


@pytest.mark.parametrize("old, new, expected", [
    ("id: alpha-batching\n", "", f"{P}:1: front matter is missing 'id'"),
    ("status: reviewed\n", "", f"{P}:1: front matter is missing 'status'"),
    ("status: reviewed\n", "status: reviewed\nowner: me\n", f"{P}:8: unknown front-matter field 'owner'; allowed fields: id, title"),
    ("id: alpha-batching", "id: Alpha_Batching", f"{P}:2: 'id' must be kebab-case"),
    ("id: alpha-batching", "id: alpha", f"{P}:2: 'id' is 'alpha' but the file is 'alpha-batching.md'"),
    ("title: Alpha batching", "title: " + "x" * 81, f"{P}:3: 'title' is 81 characters; shorten it to at most 80"),
    ("title: Alpha batching", "title: ''", f"{P}:3: 'title' must be a non-empty string"),
    ("summary: A small but complete pattern used by the tests.", "summary: " + "word " * 41 + "end.", f"{P}:4: 'summary' is 209 characters"),
    ("used by the tests.", "used by the tests. It has two sentences.", f"{P}:4: 'summary' must be exactly one sentence"),
    ("used by the tests.", "used by the tests", f"{P}:4: 'summary' must be exactly one sentence ending with '.'"),
    ("category: inference-serving", "category: serving", f"{P}:5: 'category' is 'serving'; use one of: inference-serving, training-compute"),
    ("status: reviewed", "status: final", f"{P}:7: 'status' is 'final'; use one of: draft, reviewed, stable, deprecated"),
    ("tags: [batching, latency]", "tags: [batching, gpus]", f"{P}:6: unknown tag 'gpus'; use a tag listed in patterns/tags.yml"),
    ("tags: [batching, latency]", "tags: [batching, batching]", f"{P}:6: tag 'batching' is listed twice"),
    ("tags: [batching, latency]", "tags: []", f"{P}:6: 'tags' must be a non-empty list"),
    ("last_reviewed: 2026-01-15", "last_reviewed: 2026-06-02", f"{P}:8: 'last_reviewed' 2026-06-02 is in the future (today is 2026-06-01)"),
    ("last_reviewed: 2026-01-15", "last_reviewed: 15/01/2026", f"{P}:8: 'last_reviewed' must be an ISO date YYYY-MM-DD"),
    ("last_reviewed: 2026-01-15", "last_reviewed: 2026-02-30", f"{P}:8: 'last_reviewed' must be an ISO date YYYY-MM-DD"),
    ("related: [beta-cache]", "related: [gamma]", f"{P}:9: 'related' names 'gamma', which is not a pattern in patterns/"),
    ("related: [beta-cache]", "related: [alpha-batching]", f"{P}:9: 'related' lists the pattern itself"),
    ("related: [beta-cache]", "related: [beta-cache, beta-cache]", f"{P}:9: 'related' lists 'beta-cache' twice"),
    ("related: [beta-cache]", "related: beta-cache", f"{P}:9: 'related' must be a list of pattern ids"),
])
def test_invalid_front_matter(edit: Editor, old: str, new: str, expected: str) -> None:
    messages = edit.replace(old, new)
    assert any(m.startswith(expected) for m in messages), messages


@pytest.mark.parametrize("old, new, expected", [
    ("optimises: [throughput, latency]", "optimises: [speed]", f"{P}:11: 'optimises' has 'speed'; use values from: latency, throughput"),
    ("optimises: [throughput, latency]", "optimises: []", f"{P}:11: 'optimises' must be a non-empty list"),
    ("status: reviewed", "status: deprecated", f"{P}:7: a deprecated pattern needs 'replaced_by: <id>'"),
    ("optimises: [throughput, latency]", "optimises: [latency]\nreplaced_by: beta-cache", f"{P}:12: 'replaced_by' is only for deprecated patterns"),
    ("interview_prompt: Design", "interview_prompt: |\n  Design the scheduler.\n\n  Then the cache\n  Design", f"{P}:10: 'interview_prompt' must be one paragraph"),
])
def test_practice_and_matrix_fields(edit: Editor, old: str, new: str, expected: str) -> None:
    messages = edit.replace(old, new)
    assert any(m.startswith(expected) for m in messages), messages


def test_deprecated_pattern_with_replacement_is_valid(edit: Editor) -> None:
    assert edit.replace("status: reviewed", "status: deprecated\nreplaced_by: beta-cache") == []


def test_today_is_allowed(edit: Editor) -> None:
    assert edit.replace("last_reviewed: 2026-01-15", "last_reviewed: '2026-06-01'") == []


def test_duplicate_id_across_files(edit: Editor) -> None:
    other = edit.root / "patterns" / "beta-cache.md"
    messages = edit.replace("id: beta-cache", "id: alpha-batching", path=other)
    assert "patterns/beta-cache.md:2: id 'alpha-batching' is already used by patterns/alpha-batching.md; ids must be unique" in messages


def test_unknown_tag_vocabulary_file_is_reported(edit: Editor) -> None:
    (edit.root / "patterns" / "tags.yml").write_text("batching: [unclosed\n")
    assert any(m.startswith("patterns/tags.yml:") and "not valid YAML" in m for m in edit.messages())
