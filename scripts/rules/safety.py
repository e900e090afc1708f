"""Safety and completeness of raw text: no placeholders, no active or remote content."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from scripts.parse import scan
from scripts.schema import Finding

HINT_RE = re.compile(r"<fill\b[^>]*>")
PLACEHOLDER_RE = re.compile(r"\b(TODO|TBD|FIXME)\b|\bXXX\b|lorem ipsum|<fill\b[^>]*>", re.I)
ELLIPSIS_LINE_RE = re.compile(r"^\s*(\.\.\.|…)\s*$")
DANGEROUS_TAGS = ("script", "iframe", "object", "embed", "style", "link", "meta", "base", "form",
                  "frame", "frameset", "applet", "svg", "math", "template", "noscript")
TAG_RE = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:-]*)([^>]*)>?")
# Plain-HTML tags harmless enough to allow in prose, without style or handler attributes.
ALLOWED_TAGS = ("abbr", "b", "br", "code", "del", "details", "em", "i", "kbd", "mark", "small",
                "strong", "sub", "summary", "sup", "u")
HANDLER_RE = re.compile(r"\bon[a-z]+\s*=", re.I)
STYLE_ATTR_RE = re.compile(r"\bstyle\s*=", re.I)
BAD_URL_RE = re.compile(
    r"(?:\]\(\s*<?|\]:\s*<?|\b(?:href|src|action|formaction|xlink:href|poster|background)\s*=\s*[\"']?|<)"
    r"\s*(javascript|vbscript|data)\s*:", re.I)
REMOTE_IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(?:https?:)?//", re.I)
REMOTE_SRC_RE = re.compile(r"\b(?:src|srcset|poster|data)\s*=\s*[\"']?\s*(?:https?:)?//", re.I)
IMAGE_REF_RE = re.compile(r"!\[[^\]]*\]\[([^\]]*)\]")
REF_DEF_RE = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")
CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")


PLACEHOLDER_WORDS = ("todo", "tbd", "fixme", "xxx", "lorem ipsum", "<fill", "...", "…")


def check_placeholders(name: str, lines: list[str]) -> Iterator[Finding]:
    """No placeholder anywhere: TODO, TBD, FIXME, XXX, lorem ipsum, <fill ...>, lines of '...'."""
    folded = "\n".join(lines).lower()
    if not any(word in folded for word in PLACEHOLDER_WORDS):
        return  # the usual case, decided by substring search instead of a regex per line
    for number, text in enumerate(lines, start=1):
        match = PLACEHOLDER_RE.search(text)
        if match:
            yield Finding(name, number, f"placeholder '{match.group(0)}' left in the file; replace it with real content")
        elif ELLIPSIS_LINE_RE.match(text):
            yield Finding(name, number, "a line of only '...' is a placeholder; replace it with real content")


def check_safety(name: str, lines: list[str]) -> Iterator[Finding]:
    """No raw active HTML, inline handlers, script or data URLs, or remote images."""
    remote_refs = {m.group(1).lower() for t in lines if (m := REF_DEF_RE.match(t)) and re.match(r"(?:https?:)?//", m.group(2))}
    for number, raw, in_code in scan(lines):
        if in_code:
            continue
        if "<" not in raw and "&" not in raw and "=" not in raw and "]" not in raw:  # no tag, entity or link
            continue
        text = html.unescape(CODE_SPAN_RE.sub("", raw))
        for match in TAG_RE.finditer(text):
            tag, attrs = match.group(2).lower(), match.group(3)
            if tag.startswith("fill"):
                continue  # a scaffold hint, reported by check_placeholders
            if tag in DANGEROUS_TAGS:
                yield Finding(name, number, f"raw <{tag}> is not allowed in a pattern; remove it (the site serves no contributed HTML, scripts or styles)")
            elif tag not in ALLOWED_TAGS and not re.match(r"https?:|mailto:", tag + attrs):
                yield Finding(name, number, f"raw HTML tag <{tag}> is not allowed; use Markdown instead (allowed tags: {', '.join(ALLOWED_TAGS)})")
            if HANDLER_RE.search(attrs):
                yield Finding(name, number, f"inline event handler in <{tag}> is not allowed; remove the on...= attribute")
            if STYLE_ATTR_RE.search(attrs):
                yield Finding(name, number, f"style attribute in <{tag}> is not allowed; the theme styles the page")
        if BAD_URL_RE.search(text):
            yield Finding(name, number, "javascript:, vbscript: and data: URLs are not allowed; link to an https page instead")
        if REMOTE_IMAGE_RE.search(text) or REMOTE_SRC_RE.search(text):
            yield Finding(name, number, "remote image or media: the site must work offline and send no request elsewhere; drop it or use a Mermaid diagram")
        for ref in IMAGE_REF_RE.findall(text):
            if ref.lower() in remote_refs:
                yield Finding(name, number, f"image reference [{ref}] points to a remote URL; the site must work offline")
