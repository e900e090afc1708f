"""Placeholders and unsafe contributed content are refused; code examples are not."""

from __future__ import annotations

import pytest

from conftest import Editor

P = "patterns/alpha-batching.md"
LINE = "Clients send requests to the API frontend, which places them in the request queue. The"


@pytest.mark.parametrize("insert, expected", [
    ("TODO: finish", "placeholder 'TODO'"),
    ("This is TBD.", "placeholder 'TBD'"),
    ("fixme later", "placeholder 'fixme'"),
    ("XXX check", "placeholder 'XXX'"),
    ("Lorem ipsum dolor.", "placeholder 'Lorem ipsum'"),
    ("...", "a line of only '...' is a placeholder"),
    ("<script>alert(1)</script>", "raw <script> is not allowed"),
    ("<IFRAME src='https://example.com'></IFRAME>", "raw <iframe> is not allowed"),
    ("<object data='x.swf'></object>", "raw <object> is not allowed"),
    ("<embed src='x.swf'>", "raw <embed> is not allowed"),
    ("<style>body{display:none}</style>", "raw <style> is not allowed"),
    ("<b onclick=\"steal()\">bold</b>", "inline event handler in <b> is not allowed"),
    ("<span>text</span>", "raw HTML tag <span> is not allowed; use Markdown instead"),
    ("<b style=\"background:url(https://x/y)\">b</b>", "style attribute in <b> is not allowed"),
    ("[click](javascript:alert(1))", "javascript:, vbscript: and data: URLs are not allowed"),
    ("[click](JaVaScRiPt&#58;alert(1))", "javascript:, vbscript: and data: URLs are not allowed"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "javascript:, vbscript: and data: URLs are not allowed"),
    ("![chart](https://example.com/chart.png)", "remote image or media"),
    ("![chart](//example.com/chart.png)", "remote image or media"),
    ("![chart][c]\n\n[c]: https://example.com/c.png", "image reference [c] points to a remote URL"),
])
def test_refused_content(edit: Editor, insert: str, expected: str) -> None:
    messages = edit.replace(LINE, insert + "\n\n" + LINE)
    assert any(m.startswith(f"{P}:38: {expected}") for m in messages), messages


def test_scaffold_hint_reports_its_section_once(edit: Editor) -> None:
    messages = edit.replace(LINE, "<fill: explain the scheduler>\n\n" + LINE)
    assert messages == [f"{P}:36: section '## Architecture' is not written yet; replace the hint <fill: explain the scheduler>"]


@pytest.mark.parametrize("insert", [
    "Use `<script>` tags only in templates.",
    "```html\n<script>alert(1)</script>\n```",
    "Training data: web text, code and books.",
    "See [the docs](https://docs.vllm.ai/) and <https://docs.vllm.ai/>.",
    "Line one<br>line two, <kbd>Ctrl</kbd>, H<sub>2</sub>O and <abbr title=\"time to first token\">TTFT</abbr>.",
    "Batch sizes < 32 and > 8 are both fine.",
])
def test_allowed_content(edit: Editor, insert: str) -> None:
    assert edit.replace(LINE, insert + "\n\n" + LINE) == []
