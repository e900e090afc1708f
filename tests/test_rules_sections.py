"""Section rules: required sections in order, known optional ones, real text in each."""

from __future__ import annotations

import pytest

from conftest import Editor

P = "patterns/alpha-batching.md"
ORDER = "Problem, Requirements, Architecture, Trade-offs, Risks, Success metrics, References"


@pytest.mark.parametrize("old, new, expected", [
    ("## Risks", "## Dangers", f"{P}:58: unknown section '## Dangers'; allowed H2 sections: Problem, Requirements"),
    ("## Risks", "## Dangers", f"{P}:13: missing required section '## Risks'; required order: {ORDER}"),
    ("## Capacity estimate", "## Trade-offs", f"{P}:44: section '## Trade-offs' appears twice"),
    ("## Problem\n\nRequests of different lengths share one accelerator, and a batch that waits for its longest\nmember wastes most of the accelerator's time while new requests queue.\n",
     "## Problem\n\n### Context\n\n", f"{P}:14: section '## Problem' is empty or has only headings"),
    ("## Capacity estimate", "# Capacity estimate", f"{P}:32: remove the H1 '# Capacity estimate'"),
    ("## Capacity estimate", "Capacity estimate\n-----------------", f"{P}:33: setext heading"),
    ("## Problem\n", "Intro text before any section.\n\n## Problem\n", f"{P}:14: text before '## Problem' is not shown"),
])
def test_section_rules(edit: Editor, old: str, new: str, expected: str) -> None:
    messages = edit.replace(old, new)
    assert any(m.startswith(expected) for m in messages), messages


def test_out_of_order_sections_print_the_correct_order(edit: Editor) -> None:
    text = edit.path.read_text()
    problem, rest = text.split("## Requirements", 1)
    requirements, rest = rest.split("## Capacity estimate", 1)
    edit.path.write_text(problem.replace("## Problem", "## Requirements" + requirements + "## Problem") + "## Capacity estimate" + rest)
    messages = edit.messages()
    assert f"{P}:14: required sections are out of order; correct order: {ORDER}" in messages


def test_optional_section_after_references_is_refused(edit: Editor) -> None:
    edit.path.write_text(edit.path.read_text() + "\n## Interview notes\n\nSay the users first.\n")
    assert any("optional section '## Interview notes' must sit between" in m for m in edit.messages())


def test_headings_inside_code_fences_are_not_sections(edit: Editor) -> None:
    assert edit.replace("## Capacity estimate\n", "## Capacity estimate\n\n```text\n## Not a section\n```\n") == []
