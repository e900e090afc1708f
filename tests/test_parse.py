"""Bad input gives one clear finding naming the file, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Editor


def write(editor: Editor, data: bytes) -> list[str]:
    editor.path.write_bytes(data)
    return editor.messages()


@pytest.mark.parametrize("data, expected", [
    (b"", "patterns/alpha-batching.md:1: the file is empty"),
    (b"  \n\n", "patterns/alpha-batching.md:1: the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "patterns/alpha-batching.md:1: the file is binary"),
    (b"---\ntitle: caf\xe9\n---\n", "patterns/alpha-batching.md:2: the file is not valid UTF-8 (byte 0xe9"),
    (b"## Problem\n\ntext\n", "patterns/alpha-batching.md:1: no front matter"),
    (b"---\nid: alpha-batching\n## Problem\n", "patterns/alpha-batching.md:1: front matter is not closed"),
    (b"---\nid: alpha-batching\ntitle: [unclosed\n---\n", "patterns/alpha-batching.md:4: front matter is not valid YAML"),
    (b"---\nid: x\n  bad: indent\n---\n", "patterns/alpha-batching.md:3: front matter is not valid YAML"),
    (b"---\n- a list\n---\n", "patterns/alpha-batching.md:2: front matter must be a YAML mapping"),
])
def test_unreadable_file_gives_one_finding(edit: Editor, data: bytes, expected: str) -> None:
    messages = write(edit, data)
    assert len(messages) == 1, messages
    assert messages[0].startswith(expected), messages


def test_bad_file_does_not_hide_findings_in_other_files(edit: Editor) -> None:
    write(edit, b"")
    other = edit.root / "patterns" / "beta-cache.md"
    messages = edit.replace("## Risks", "## Dangers", path=other)
    assert any(m.startswith("patterns/alpha-batching.md:1: the file is empty") for m in messages)
    assert any(m.startswith("patterns/beta-cache.md") and "unknown section '## Dangers'" in m for m in messages)


def test_crlf_and_bom_are_accepted(edit: Editor) -> None:
    text = edit.path.read_text(encoding="utf-8")
    assert write(edit, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()) == []


def test_bom_and_crlf_in_diagram_are_accepted(edit: Editor) -> None:
    path: Path = edit.root / "diagrams" / "alpha-batching.mmd"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert edit.messages() == []
