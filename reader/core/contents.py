"""A table of contents inside a page's text: recognised, kept out of the outline, linked to its headings.

Long documents published as web pages (plans, 白皮书, laws) often open with their own contents:
short lines that repeat the headings below them, sometimes with dot leaders and page numbers.
Read as headings they would put every heading in the outline twice. An entry is recognised by
what it is — a short line whose words come back later as the start of a heading-like line, in
the same order as the entries — never by a site's markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# "目录", "目　录", "CONTENTS": the heading of a contents block.
_CONTENTS_HEADING_RE = re.compile(r"^(目\s*录|contents|table of contents)$", re.IGNORECASE)
# Dot leaders and the page number at the end of an entry: "一、总则……1", "第一章 总则 ·········· 3".
_LEADER_AND_PAGE_RE = re.compile(r"[\s.．·…⋯。-]{2,}\s*(?:\d+|[—-]\s*\d+\s*[—-])?$|\s+\d+$")
_SPACE_RE = re.compile(r"[\s\u3000]+")
MAX_ENTRY = 60  # an entry is a line; a paragraph of text is not one
MAX_LINE = 200  # longer paragraphs are neither entries nor headings
MIN_ENTRIES = 3
SEARCHED_LINES = 400
PREFIX_WINDOW = 3000


def entry_key(text: str) -> str:
    """What an entry and its heading share: the words without leaders, page number and spaces."""
    return _SPACE_RE.sub("", _LEADER_AND_PAGE_RE.sub("", text.strip()))


def find_contents(texts: Sequence[str]) -> dict[int, int]:
    """The paragraphs that form tables of contents, each with the paragraph it points to.

    Args:
        texts: The document's paragraphs, in order.

    Returns:
        Entry index → index of the later paragraph it names; a "目录" heading maps to the
        first entry's target. Empty when the text has no contents block.
    """
    opening = [entry_key(t) if len(t) <= MAX_LINE else "" for t in texts[: SEARCHED_LINES + 1]]
    firsts = {key[0] for key in opening if key and len(key) <= MAX_ENTRY}
    if not firsts:
        return {}
    # Only a line that starts as some entry does can be a heading one names: the rest stay unread.
    keys = opening + [
        entry_key(t) if len(t) <= MAX_LINE and t.lstrip()[:1] in firsts else "" for t in texts[SEARCHED_LINES + 1 :]
    ]
    positions: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if key:
            positions.setdefault(key, []).append(index)
    found: dict[int, int] = {}
    index = 0
    # Contents open a document: only its first lines can start a block (and a long text stays linear).
    while index < min(len(texts), SEARCHED_LINES):
        run = _entries_from(keys, positions, index)
        if len(run) >= MIN_ENTRIES:
            if index > 0 and _CONTENTS_HEADING_RE.match(keys[index - 1]):
                found[index - 1] = run[0][1]
            found.update(run)
            index = run[-1][0] + 1
        else:
            index += 1
    return found


def _entries_from(keys: list[str], positions: dict[str, list[int]], start: int) -> list[tuple[int, int]]:
    """The run of consecutive entries starting at ``start``, each found later in order, with its target."""
    run: list[tuple[int, int]] = []
    index = start
    while index < len(keys):
        key = keys[index]
        if not key or len(key) > MAX_ENTRY or _CONTENTS_HEADING_RE.match(key):
            break
        after = run[-1][1] + 1 if run else index + 1  # targets follow one another in the entries' order
        target = _heading_named(keys, positions, key, after)
        if target is None:
            break
        run.append((index, target))
        index += 1
    # The block ends where its entries end: its own lines cannot be its targets.
    while run and run[0][1] <= run[-1][0]:
        run.pop(0)
    return run


def _heading_named(keys: list[str], positions: dict[str, list[int]], key: str, start: int) -> int | None:
    """The first paragraph from ``start`` on that is the named heading: the same words, or more after them."""
    exact = next((i for i in positions.get(key, ()) if i >= start), None)
    window = range(start, min(len(keys), start + PREFIX_WINDOW, exact if exact is not None else len(keys)))
    for index in window:  # a heading the contents cut short
        other = keys[index]
        if other.startswith(key) and len(other) <= len(key) + 40:
            return index
    return exact
