"""Practice mode: a folded practice view per pattern, in answer order, linking back."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from scripts.render_guide import ANSWER_STEPS, render_practice, render_practice_index
from scripts.validate import load_catalog

PATTERNS = load_catalog(ROOT).patterns


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_practice_view_folds_every_step_in_answer_order(pattern) -> None:
    page = render_practice(pattern)
    assert pattern.meta["interview_prompt"] in page
    assert f"](../patterns/{pattern.id}.md)" in page
    folds = re.findall(r'^\?\?\? \w+ "Step \d+: ([^(]+) \((\d+) min\)"', page, re.M)
    expected = [(title, minutes) for section, title, minutes in ANSWER_STEPS if pattern.section(section)]
    assert [(t.strip(), int(m)) for t, m in folds] == expected
    assert "!!! " not in page.replace('!!! question "Interview prompt"', "")  # nothing else unfolded
    assert not re.search(r"^#{2,6} ", page, re.M), "a heading would show folded answers in the table of contents"
    assert not re.search(r"^ *\*\*[^*\n]+\*\*\n *(?:[-*+] |\d+\. |\|)", page, re.M), "a list or table would run on into the bold line above it"
    front, body = page.removeprefix("---\n").split("\n---\n", 1)
    assert yaml.safe_load(front) == {"title": f"Practice: {pattern.title}", "search": {"exclude": True}}
    for line in body.split("\n"):
        if line and not line.startswith(("    ", "??? ", "!!! ", "# ", "Answer each step")):
            pytest.fail(f"text outside a fold: {line!r}")


def test_practice_links_into_patterns_are_rewritten() -> None:
    pattern = next(p for p in PATTERNS if "](" in p.section("Trade-offs").text + p.section("Architecture").text and ".md" in p.section("Trade-offs").text + p.section("Architecture").text)
    page = render_practice(pattern)
    assert not re.search(r"\]\((?!\.\./patterns/|https?:)[^)]*\.md", page)


def test_practice_index_lists_every_prompt_by_category() -> None:
    index = render_practice_index(PATTERNS)
    for p in PATTERNS:
        assert f"**[{p.title}]({p.id}.md)**: {p.meta['interview_prompt']}" in index
    assert "## Inference and serving" in index and "## Model lifecycle and deployment" in index
