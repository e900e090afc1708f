"""Content rules: measurable requirements, trade-offs, risks, success metrics, references."""

from __future__ import annotations

import pytest

from conftest import Editor

P = "patterns/alpha-batching.md"


@pytest.mark.parametrize("old, new, expected", [
    ("### Functional", "### Behaviour", f"{P}:19: '## Requirements' needs a '### Functional' sub-section"),
    ("### Non-functional", "### Quality", f"{P}:19: '## Requirements' needs a '### Non-functional' sub-section"),
    ("- Throughput of at least 2,000 tokens/s per GPU.", "- Throughput as high as possible.",
     f"{P}:19: '### Non-functional' states 2 measurable target(s); list at least 3 bullets with a number and a unit"),
    ("### Recompute vs swap", "Recompute or swap is a third option.", f"{P}:44: '## Trade-offs' has 2 entries; give at least 3"),
    ("| One tenant floods the queue | low | Per-tenant queues |\n", "", f"{P}:58: '## Risks' table has 2 row(s); list at least 3 risks"),
    ("| Long prompts stall decodes | medium |", "| Long prompts stall decodes | severe |", f"{P}:63: risk severity is 'severe'; use one of: low, medium, high"),
    ("| Long prompts stall decodes | medium | Chunk long prompts |", "| Long prompts stall decodes | medium | |", f"{P}:63: risk has no mitigation"),
    ("| Risk | Severity | Mitigation |", "| Risk | Impact | Mitigation |", f"{P}:58: '## Risks' needs a table with the columns | Risk | Severity | Mitigation |"),
    ("- Preemptions below 1% of requests.", "- Few preemptions.", f"{P}:66: '## Success metrics' has 1 measurable item(s); list at least 2"),
    ("- vLLM documentation, https://docs.vllm.ai/", "- vLLM documentation", f"{P}:75: reference has no https link and no arXiv id"),
    ("- vLLM documentation, https://docs.vllm.ai/", "- vLLM documentation, http://docs.vllm.ai/", f"{P}:75: reference has no https link"),
    ("- vLLM documentation, https://docs.vllm.ai/\n", "", f"{P}:71: '## References' has 2 entries; list at least 3"),
])
def test_content_rules(edit: Editor, old: str, new: str, expected: str) -> None:
    messages = edit.replace(old, new)
    assert any(m.startswith(expected) for m in messages), messages


def test_severity_may_be_bold_or_capitalised(edit: Editor) -> None:
    assert edit.replace("| medium |", "| **Medium** |") == []


def test_trade_offs_as_list_items_count(edit: Editor) -> None:
    text = edit.path.read_text()
    start, end = text.index("## Trade-offs"), text.index("## Risks")
    edit.path.write_text(text[:start] + "## Trade-offs\n\n- Batch vs latency: pick by SLO.\n- FCFS vs priority: pick by tenant mix.\n- Recompute vs swap: pick by PCIe bandwidth.\n\n" + text[end:])
    assert edit.messages() == []


@pytest.mark.parametrize("target", ["p99 under 800 ms", "$0.40 per 1M tokens", "99.9% availability", "2.5 s", "128 GiB", "4x more"])
def test_units_that_count_as_measurable(edit: Editor, target: str) -> None:
    assert edit.replace("- Throughput of at least 2,000 tokens/s per GPU.", f"- Target: {target}.") == []


def test_arxiv_id_alone_is_a_reference(edit: Editor) -> None:
    assert edit.replace("- vLLM documentation, https://docs.vllm.ai/", "- Leviathan et al., ICML 2023, arXiv:2211.17192") == []
