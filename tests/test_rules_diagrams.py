"""Diagram rules: each pattern has one typed, accessible diagram that the prose walks through."""

from __future__ import annotations

import pytest

from conftest import Editor

P = "patterns/alpha-batching.md"
D = "diagrams/alpha-batching.mmd"


def diagram(edit: Editor, old: str, new: str) -> list[str]:
    return edit.replace(old, new, path=edit.root / D)


def test_missing_diagram(edit: Editor) -> None:
    (edit.root / D).unlink()
    assert f"{P}:36: architecture diagram missing: create {D} with a Mermaid diagram" in edit.messages()


@pytest.mark.parametrize("old, new, expected", [
    ("flowchart LR", "flowshart LR", f"{D}:1: first statement 'flowshart' is not a Mermaid diagram type"),
    ("    accTitle: Alpha batching request path\n", "", f"{D}:1: missing 'accTitle'"),
    ("    accDescr: Clients", "    %% Clients", f"{D}:1: missing 'accDescr'"),
    ("    sched --> engine[Engine]", "    click sched href \"https://example.com\"", f"{D}:7: click handlers and %%{{init}}%% directives are not allowed"),
    ("flowchart LR", "%%{init: {'securityLevel': 'loose'}}%%\nflowchart LR", f"{D}:1: click handlers and %%{{init}}%% directives are not allowed"),
    ("    accDescr: Clients", "    accDescr: TODO Clients", f"{D}:3: placeholder 'TODO'"),
    ("client[Clients] --> api", "client[\"<img src=x onerror=alert(1)>\"] --> api", f"{D}:4: raw HTML tag <img> is not allowed"),
])
def test_diagram_rules(edit: Editor, old: str, new: str, expected: str) -> None:
    messages = diagram(edit, old, new)
    assert any(m.startswith(expected) for m in messages), messages


def test_diagram_may_start_with_comments_and_front_matter(edit: Editor) -> None:
    assert diagram(edit, "flowchart LR", "---\ntitle: Alpha\n---\n%% the request path\nflowchart LR") == []


def test_orphan_and_foreign_files_in_diagrams(edit: Editor) -> None:
    (edit.root / "diagrams" / "gamma.mmd").write_text("flowchart LR\n")
    (edit.root / "diagrams" / "notes.txt").write_text("notes\n")
    messages = edit.messages()
    assert "diagrams/gamma.mmd:1: orphan diagram: no patterns/gamma.md uses it; rename it to match a pattern id or remove it" in messages
    assert "diagrams/notes.txt:1: only Mermaid files named <pattern-id>.mmd belong in diagrams/; move or remove this file" in messages


def test_architecture_needs_prose(edit: Editor) -> None:
    text = edit.path.read_text()
    start, end = text.index("## Architecture") + len("## Architecture\n"), text.index("## Trade-offs")
    edit.path.write_text(text[:start] + "\nSee the diagram.\n\n" + text[end:])
    assert any(m.startswith(f"{P}:36: '## Architecture' has 3 words; walk through the components") for m in edit.messages())


def test_architecture_prose_must_name_the_components(edit: Editor) -> None:
    messages = diagram(edit, "    stream --> client", "    stream --> client\n    stream --> audit[Audit log]\n    audit --> store[Cold store]\n    store --> bill[Billing]\n    bill --> warehouse[Warehouse]\n    warehouse --> dash[Dashboards]\n    dash --> pager[Pager]\n    pager --> oncall[Oncall]")
    assert any("prose names 6 of the diagram's 13 components; walk through them, e.g. 'Audit log', 'Cold store'" in m for m in messages), messages
