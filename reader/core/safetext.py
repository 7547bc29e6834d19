"""Text from pages and file names on its way out: to a terminal, into Markdown, onto one line.

A page is written by strangers. Its text may hold terminal escape sequences (ESC, BEL:
retitle or clear the terminal), bidirectional overrides (make a line read backwards),
HTML (``<script>``, ``<img onerror>``) and link syntax (``[x](javascript:…)``). Each
output gets it escaped for what it is: shown as text, never run as markup or commands.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, lone surrogates (a file name that is not UTF-8).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and marks that steer them.
_BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_MARKDOWN_INLINE_RE = re.compile(r"([\\`*\[\]<>])")
_MARKDOWN_LINE_START_RE = re.compile(r"^(\s*)([#>+\-=|]|\d+[.)])")


def for_terminal(text: str) -> str:
    """Text safe to print: controls and bidi overrides shown as U+FFFD (tabs and newlines kept)."""
    return _BIDI_RE.sub("\ufffd", _CONTROL_RE.sub("\ufffd", text))


def one_line(text: str) -> str:
    """A value printed on one line of a listing: a newline inside it (a crafted file name) cannot start a new one."""
    return for_terminal(text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " "))


def markdown_text(text: str) -> str:
    """Page text as Markdown that shows it literally: no HTML, no links, no emphasis of its own.

    ``<script>`` stays the characters ``<script>`` (backslash-escaped, as CommonMark allows for
    ``<``), link brackets lose their meaning, and a line cannot become a heading or a quote.
    """
    text = _CONTROL_RE.sub("\ufffd", text)
    escaped = _MARKDOWN_INLINE_RE.sub(r"\\\1", text).replace("&", "&amp;")
    return _MARKDOWN_LINE_START_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
