"""Cut report text into speakable pieces, each mapped to its exact range in its paragraph.

Sentences end at 。！？；… (and their ASCII forms when followed by a space or
the end); closing quotes and brackets stay with their sentence; numbers such as
3.76万, 5.2% and 8+4 are never cut. A sentence longer than the limit is cut at
a comma, and if it has none there, at the limit. Every character of a
paragraph lands in exactly one piece, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.document import Document, ParagraphKind

MAX_PIECE = 160  # characters: short enough for fast synthesis, long enough for natural phrasing
_END = "。！？；…"
_CLOSERS = "”’」』）)】》〉\"'"
_SOFT_BREAKS = "，、：,:"
_ASCII_END_RE = re.compile(r"[!?;](?=\s|$)")


def _sentence_ends(text: str) -> list[int]:
    """Indexes just past each sentence end, closers included."""
    ends = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        is_end = char in _END or (char in "!?;" and _ASCII_END_RE.match(text, index))
        if is_end:
            index += 1
            while index < length and (text[index] in _END or text[index] in _CLOSERS):
                index += 1
            ends.append(index)
            continue
        index += 1
    if not ends or ends[-1] != length:
        ends.append(length)
    return ends


def _cut_long(start: int, end: int, text: str, limit: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(mark) for mark in _SOFT_BREAKS)
        if cut < limit // 3:
            cut = limit - 1
            while cut > limit // 2 and (text[start + cut].isdigit() or text[start + cut - 1].isdigit()):
                cut -= 1  # do not split a number
        cut += 1
        while start + cut < end and text[start + cut] in _CLOSERS:
            cut += 1
        pieces.append((start, start + cut))
        start += cut
    if end > start:
        pieces.append((start, end))
    return pieces


def split_sentences(text: str, limit: int = MAX_PIECE) -> list[tuple[int, int]]:
    """Character ranges of the pieces of a paragraph; they tile the text exactly."""
    ranges = []
    start = 0
    for end in _sentence_ends(text):
        ranges.extend(_cut_long(start, end, text, limit))
        start = end
    return [(s, e) for s, e in ranges if e > s]


@dataclass(frozen=True)
class Piece:
    """One unit of narration.

    Attributes:
        paragraph: Paragraph index in the document, -1 for the spoken title/metadata.
        start: First character in the paragraph.
        end: One past the last character.
        text: The characters (``paragraph.text[start:end]``, or the metadata sentence).
        node: Outline node the paragraph belongs to ('' outside the outline).
    """

    paragraph: int
    start: int
    end: int
    text: str
    node: str = ""


META_SPOKEN = (
    ("index_no", "索引号"),
    ("category", "主题分类"),
    ("issuer", "发布机构"),
    ("written_date", "成文日期"),
    ("source_org", "来源"),
    ("published", "发布日期"),
)


def header_pieces(document: Document) -> list[Piece]:
    """The title and metadata read first, as the page's narration does."""
    pieces = [Piece(-1, 0, 0, document.title + "。")]
    for key, label in META_SPOKEN:
        value = document.meta.get(key)
        if value:
            pieces.append(Piece(-1, 0, 0, f"{label}：{value}。"))
    return pieces


def document_pieces(document: Document, first: int = 0, last: int | None = None, start_offset: int = 0) -> list[Piece]:
    """Pieces for paragraphs ``first``..``last`` (inclusive), starting at ``start_offset`` in the first."""
    last = len(document.paragraphs) - 1 if last is None else last
    pieces = []
    for index in range(max(first, 0), min(last, len(document.paragraphs) - 1) + 1):
        paragraph = document.paragraphs[index]
        text = paragraph.text
        for start, end in split_sentences(text):
            if index == first and end <= start_offset:
                continue
            pieces.append(Piece(index, start, end, text[start:end], paragraph.section or ""))
    return pieces


def whole_document(document: Document) -> list[Piece]:
    """Title and metadata, then every paragraph but the document's own contents (its headings come in turn)."""
    pieces = document_pieces(document)
    return header_pieces(document) + [
        piece for piece in pieces if document.paragraphs[piece.paragraph].kind is not ParagraphKind.CONTENTS
    ]


def from_position(document: Document, paragraph: int, offset: int = 0) -> list[Piece]:
    """From a reading position to the end (the piece holding ``offset`` first)."""
    return document_pieces(document, paragraph, None, offset)


def section(document: Document, node_id: str) -> list[Piece]:
    """One outline section with everything under it.

    Raises:
        KeyError: Unknown node id.
    """
    if document.node(node_id) is None:
        raise KeyError(node_id)
    first, end = document.node_paragraph_range(node_id)
    return document_pieces(document, first, end - 1)


def passages(document: Document, ranges: list[tuple[int, int, int]]) -> list[Piece]:
    """The passages (paragraph index, first character, one past the last) one after another, as given.

    "Read my highlights": each passage is cut into sentences like any selection; a range outside
    the document is skipped.
    """
    pieces: list[Piece] = []
    for index, start, end in ranges:
        if 0 <= index < len(document.paragraphs) and end > start:
            pieces.extend(selection(document, (index, start), (index, end)))
    return pieces


def selection(document: Document, start: tuple[int, int], end: tuple[int, int]) -> list[Piece]:
    """Exactly the selected characters: (paragraph, offset) to (paragraph, offset), pieces cut at both ends."""
    pieces = []
    for piece in document_pieces(document, start[0], end[0]):
        low = start[1] if piece.paragraph == start[0] else 0
        high = end[1] if piece.paragraph == end[0] else piece.end
        cut_start, cut_end = max(piece.start, low), min(piece.end, high)
        if cut_end > cut_start:
            text = document.paragraphs[piece.paragraph].text
            pieces.append(Piece(piece.paragraph, cut_start, cut_end, text[cut_start:cut_end], piece.node))
    return pieces
