"""Making bookmarks and highlights from a document, and finding their words again.

A bookmark is anchored to a paragraph id, an offset and a snippet of the marked
text; when the paragraph id disappears on re-import it is re-found by its
snippet (exact, then the closest fuzzy match) or kept as *detached*.
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Iterable
from dataclasses import replace

from reader.core.bookmarks.model import (
    FUZZY_THRESHOLD,
    HIGHLIGHT,
    HIGHLIGHT_COLORS,
    HIGHLIGHT_STYLES,
    SNIPPET_LENGTH,
    TEXT_LIMIT,
    Bookmark,
    BookmarkError,
)
from reader.core.document import Document
from reader.core.naming import display_name


def default_title(document: Document, paragraph_id: str, text: str) -> str:
    """Section path (its last node) plus the first words of the marked text."""
    path = document.section_path(paragraph_id)
    text = text.strip()
    if path and text.startswith(path[-1][:8]):
        return path[-1]  # the mark is on the heading itself
    words = text[:16] + ("…" if len(text) > 16 else "")
    return f"{path[-1]} · {words}" if path else words


def make_section_bookmark(document: Document, node_id: str, title: str = "", note: str = "") -> Bookmark:
    """A bookmark on a whole section (书签本节): anchored at its heading, titled with its path.

    Raises:
        BookmarkError: The document has no outline node of that id.
    """
    node = document.node(node_id)
    if node is None:
        raise BookmarkError(f"no outline section {node_id} in {document.title}")
    path = document.section_path(node.paragraph)
    bookmark = make_bookmark(document, node.paragraph, title=title or " › ".join(path), note=note)
    return replace(bookmark, section=True)


def highlight_passages(document: Document, highlights: Iterable[Bookmark]) -> list[tuple[int, int, int]]:
    """The passages of ``document`` its highlights mark: (paragraph index, start, end), in reading order.

    Highlights of other documents, and those whose words changed (detached), are left out.
    """
    passages = []
    for highlight in highlights:
        index = document.paragraph_index(highlight.paragraph)
        if highlight.doc == document.id and not highlight.detached and index >= 0:
            passages.append((index, highlight.offset, highlight.offset + highlight.length))
    return sorted(passages)


def make_highlight(
    document: Document,
    paragraph_id: str,
    start: int,
    end: int,
    color: str = "yellow",
    note: str = "",
    tags: Iterable[str] = (),
    style: str = "highlight",
) -> Bookmark:
    """A new highlight of the characters ``start``–``end`` of a paragraph.

    Raises:
        BookmarkError: Unknown paragraph, an empty or out-of-range span, an unknown colour or style.
    """
    paragraph = document.paragraph(paragraph_id)
    if paragraph is None:
        raise BookmarkError(f"no paragraph {paragraph_id} in {document.title}")
    if not 0 <= start < end <= len(paragraph.text):
        raise BookmarkError(f"the span {start}–{end} is not inside the paragraph (0–{len(paragraph.text)})")
    if color not in HIGHLIGHT_COLORS:
        raise BookmarkError(f"unknown colour {color!r} (colours: {', '.join(HIGHLIGHT_COLORS)})")
    if style not in HIGHLIGHT_STYLES:
        raise BookmarkError(f"unknown style {style!r} (styles: {', '.join(HIGHLIGHT_STYLES)})")
    marked = paragraph.text[start:end]
    return replace(
        make_bookmark(document, paragraph_id, start, end - start, title=marked[:40], note=note),
        snippet=marked[:TEXT_LIMIT],
        kind=HIGHLIGHT,
        color=color,
        style=style,
        tags=tuple(dict.fromkeys(t.strip() for t in tags if t.strip())),
    )


def make_bookmark(
    document: Document, paragraph_id: str, offset: int = 0, length: int = 0, title: str = "", note: str = ""
) -> Bookmark:
    """A new bookmark on a paragraph (or on ``length`` characters from ``offset``).

    Raises:
        BookmarkError: The paragraph is not in the document.
    """
    paragraph = document.paragraph(paragraph_id)
    if paragraph is None:
        raise BookmarkError(f"no paragraph {paragraph_id} in {document.title}")
    offset = max(0, min(offset, len(paragraph.text)))
    marked = paragraph.text[offset : offset + length] if length else paragraph.text[offset : offset + SNIPPET_LENGTH]
    return Bookmark(
        uid=uuid.uuid4().hex,
        doc=document.id,
        paragraph=paragraph_id,
        offset=offset,
        length=length,
        snippet=marked[:400],
        title=title.strip() or default_title(document, paragraph_id, marked),
        note=note,
        section_path=tuple(document.section_path(paragraph_id)),
        doc_title=display_name(document),
        source=document.source,
    )


def find_anchor(document: Document, snippet: str) -> tuple[str, int] | None:
    """Where a snippet is now: exact match first, then the most similar paragraph.

    Returns:
        (paragraph id, offset) or None when nothing is close enough.
    """
    snippet = snippet.strip()
    if not snippet:
        return None
    for paragraph in document.paragraphs:
        position = paragraph.text.find(snippet)
        if position >= 0:
            return paragraph.id, position
    best, best_ratio, best_offset = None, 0.0, 0
    for paragraph in document.paragraphs:
        text = paragraph.text
        block = difflib.SequenceMatcher(None, snippet, text, autojunk=False).find_longest_match(
            0, len(snippet), 0, len(text)
        )
        if block.size < 2:
            continue
        start = max(0, block.b - block.a)  # align the snippet on its longest surviving run
        ratio = difflib.SequenceMatcher(None, snippet, text[start : start + len(snippet)], autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio, best_offset = paragraph.id, ratio, start
    return (best, best_offset) if best is not None and best_ratio >= FUZZY_THRESHOLD else None
