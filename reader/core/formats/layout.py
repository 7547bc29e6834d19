"""Printed pages (PDF, OFD) read as a person reads them: lines rebuilt into paragraphs.

A format module turns each page into ``Line``s (text, position, size, boldness); this
module does the rest, the same way for every paged format:

1. running headers and footers (a line repeated at the top or bottom of many pages,
   digits aside) and page numbers (``- 3 -``, ``第3页 共98页``, ``3/98``) are removed;
2. a table of contents (a 目录 heading, dot leaders, page numbers) is removed;
3. lines are joined into paragraphs: a paragraph starts at a first-line indent, after a
   line that stops short of the right margin, at a change of size, after extra space,
   at a centred or right-aligned line, or at the report's own numbering after a full
   stop; Chinese lines are joined without spaces, Latin words with one;
4. the 红头 of an official document (the issuing office "…文件" in large type and the
   document number "浙政发〔2024〕5号") goes to the metadata.

Coordinates are in points with y growing downwards (the top of the page is 0).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from reader.core.document import Run
from reader.core.formats.raw import RawParagraph, normalize_runs
from reader.core.formats.red_head import DOC_NO_RE

_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—－–‐~～·•\s]*[0-9０-９]{1,4}[-—－–‐~～·•\s]*"
    r"|第\s*[0-9０-９]+\s*页(?:\s*[，,/／]?\s*共\s*[0-9０-９]+\s*页)?"
    r"|共\s*[0-9０-９]+\s*页\s*[，,]?\s*第\s*[0-9０-９]+\s*页"
    r"|[0-9０-９]+\s*[/／]\s*[0-9０-９]+"
    r"|(?i:page)\s*\d+(?:\s*(?i:of)\s*\d+)?"
    r"|[-—－–]\s*[一二三四五六七八九十百零〇]+\s*[-—－–])$"
)
_CONTENTS_HEAD_RE = re.compile(r"^(?:目\s*录|目\s*次|(?i:contents))$")
# "一、总体要求……………3", "第一章 总则 .......... 1", "附件 2": a title, a leader, a page number.
_LEADER_RE = re.compile(
    r"^(?P<title>\S.*?)\s*(?:[.．·…‥⋯・]{2,}|[-—_]{4,}|\s{2,})\s*(?P<page>[0-9]{1,4}|[ivxlcIVXLC]{1,6})$"
)
_ENDS_WITH_PAGE_RE = re.compile(r"^(?P<title>\S.{0,60}?)\s*(?P<page>[0-9]{1,4})$")
_HEADING_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十百零〇0-9]{1,5}[编章节条]"
    r"|[0-9]{1,2}[、.．](?![0-9])|附\s*件)"
)
_SENTENCE_END = "。！？；：」』”’）)"
_RED_HEAD_RE = re.compile(r"^(?P<issuer>.{2,40}?)(?:文件|公报|令)$")
_LATIN_END_RE = re.compile(r"[A-Za-z]$")
_LATIN_START_RE = re.compile(r"^[A-Za-z]")
_SPACES_RE = re.compile(r"[\s\u3000]+")


@dataclass
class Line:
    """One printed line of a page.

    Attributes:
        runs: The line's text in runs (bold where the font is bold or a heavy face).
        page: 1-based page number.
        x0: Left edge of the first visible character.
        x1: Right edge of the last visible character.
        top: Top of the line (y grows downwards).
        bottom: Bottom of the line.
        size: Font size of the line's first characters, in points.
        page_width: Width of the page.
        page_height: Height of the page.
        cells: The texts of a table row, when wide gaps part the line into columns.
    """

    runs: list[Run]
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page_width: float
    page_height: float
    cells: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The line's text."""
        return "".join(run.text for run in self.runs)

    @property
    def squeezed(self) -> str:
        """The text without any whitespace (letter-spaced headings read as one word)."""
        return _SPACES_RE.sub("", self.text)


@dataclass
class Layout:
    """What the lines of a document say about its typesetting.

    Attributes:
        body_size: The size most characters are set in.
        left: Left margin per page.
        right: Right margin per page.
        pitch: The usual distance between the tops of two lines of a paragraph.
    """

    body_size: float
    left: dict[int, float] = field(default_factory=dict)
    right: dict[int, float] = field(default_factory=dict)
    pitch: float = 0.0

    @property
    def char_width(self) -> float:
        """The width of one Chinese character at the body size."""
        return self.body_size


@dataclass
class PagedText:
    """What a paged document's lines become.

    Attributes:
        paragraphs: The body in reading order.
        meta: Metadata found on the pages (``issuer``, ``doc_no``).
        title: The first page's title ('' when none stands out).
        removed: How many header, footer, page-number and contents lines were removed.
    """

    paragraphs: list[RawParagraph]
    meta: dict[str, str]
    title: str
    removed: int


def read_pages(pages: list[list[Line]]) -> PagedText:
    """Rebuild the paragraphs of a document from its pages' lines.

    Args:
        pages: Each page's lines, in reading order (top to bottom).

    Returns:
        Paragraphs with their page numbers, metadata, the title and a count of removed lines.

    """
    pages = [[line for line in page if line.text.strip()] for page in pages]
    removed = _remove_running_lines(pages)
    lines = [line for page in pages for line in page]
    before = len(lines)
    lines = _remove_contents(lines)
    removed += before - len(lines)
    if not lines:
        return PagedText([], {}, "", removed)
    layout = measure(lines)
    meta, lines = _red_head(lines, layout)
    title = _title(lines, layout)
    return PagedText(join_lines(lines, layout), meta, title, removed)


def measure(lines: list[Line]) -> Layout:
    """The body size, the margins of every page and the usual line pitch."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.squeezed)
    body_size = sizes.most_common(1)[0][0] or 12.0
    layout = Layout(body_size)
    body = [line for line in lines if abs(line.size - body_size) <= 1]
    everywhere_left = _mode([line.x0 for line in body], 1.0)
    everywhere_right = _percentile([line.x1 for line in body], 0.9)
    by_page: dict[int, list[Line]] = {}
    for line in body:
        by_page.setdefault(line.page, []).append(line)
    for page in {line.page for line in lines}:
        on_page = by_page.get(page, [])
        if len(on_page) >= 4:  # margins of its own (odd and even pages may mirror them)
            layout.left[page] = min(_mode([line.x0 for line in on_page], 1.0), everywhere_left + body_size * 3)
            layout.right[page] = _percentile([line.x1 for line in on_page], 0.9)
        else:
            layout.left[page] = everywhere_left
            layout.right[page] = everywhere_right
    pitches = [
        round(b.top - a.top)
        for a, b in itertools.pairwise(body)
        if a.page == b.page and 0 < b.top - a.top < body_size * 3
    ]
    layout.pitch = float(Counter(pitches).most_common(1)[0][0]) if pitches else body_size * 1.5
    return layout


def _mode(values: list[float], step: float) -> float:
    if not values:
        return 0.0
    counts = Counter(round(value / step) for value in values)
    best = max(counts.values())
    # Of the values seen most often, the leftmost: a margin, not an indent.
    return min(key for key, count in counts.items() if count == best) * step


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


# Headers, footers, page numbers ---------------------------------------------------------------
def _edge_lines(page: list[Line]) -> list[Line]:
    """The lines a running header or footer could be: the first and last few of a page, near its edge."""
    if not page:
        return []
    height = page[0].page_height or 842.0
    head = [line for line in page[:3] if line.top < height * 0.15]
    foot = [line for line in page[-3:] if line.bottom > height * 0.85]
    return head + [line for line in foot if line not in head]


def _running_key(line: Line) -> str:
    """What a running header or footer repeats, its page numbers aside ('' for a line of the text).

    A sentence is text however often its wording recurs (第1条…。 at the top of every page).
    """
    squeezed = line.squeezed
    if len(squeezed) > 40 or squeezed.endswith(("。", "；", "！", "？")):
        return ""
    return re.sub(r"[0-9０-９]+", "#", squeezed)


def _remove_running_lines(pages: list[list[Line]]) -> int:
    """Remove page numbers and lines repeated at the edge of many pages; returns how many."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_running_key(line) for line in _edge_lines(page)})
    needed = max(2, math.ceil(len(pages) * 0.3))
    removed = 0
    for page in pages:
        doomed = {
            id(line)
            for line in _edge_lines(page)
            if _PAGE_NUMBER_RE.match(line.text.strip())
            or (len(pages) >= 2 and _running_key(line) and counts[_running_key(line)] >= needed)
        }
        if doomed:
            removed += len(doomed)
            page[:] = [line for line in page if id(line) not in doomed]
    return removed


# Contents ---------------------------------------------------------------------------------------
def _remove_contents(lines: list[Line]) -> list[Line]:
    """Remove tables of contents: a 目录 heading and its entries, or a run of dot-leader lines."""
    kept: list[Line] = []
    index = 0
    while index < len(lines):
        end = _contents_end(lines, index)
        if end > index:
            index = end
            continue
        kept.append(lines[index])
        index += 1
    return kept


def _contents_end(lines: list[Line], start: int) -> int:
    """Where a table of contents starting at ``start`` ends (``start`` when there is none)."""
    headed = bool(_CONTENTS_HEAD_RE.match(lines[start].squeezed))
    index = start + 1 if headed else start
    entries = 0
    while index < len(lines):
        text = lines[index].text.strip()
        if _LEADER_RE.match(text) or (headed and _ENDS_WITH_PAGE_RE.match(text) and not text.endswith("。")):
            entries += 1
            index += 1
            continue
        # An entry wrapped over two lines: the title's first line, then the rest with its page number.
        following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
        if entries and len(text) <= 40 and _LEADER_RE.match(following):
            index += 1
            continue
        break
    if entries >= (1 if headed else 3):
        return index
    return start


# The 红头 and the title -----------------------------------------------------------------------------
def _red_head(lines: list[Line], layout: Layout) -> tuple[dict[str, str], list[Line]]:
    """Take the issuing office (large "…文件") and the document number off the first page."""
    meta: dict[str, str] = {}
    kept = []
    for position, line in enumerate(lines):
        if line.page != 1 or position > 6:
            kept.append(line)
            continue
        text = line.squeezed
        issuer = _RED_HEAD_RE.match(text)  # large type also marks …公报 and …令 as the head
        if issuer and line.size >= layout.body_size + 4 and "issuer" not in meta:
            meta["issuer"] = issuer.group("issuer")
            continue
        if DOC_NO_RE.match(text) and "doc_no" not in meta:
            meta["doc_no"] = text
            continue
        kept.append(line)
    return meta, kept


def _title(lines: list[Line], layout: Layout) -> str:
    """The first page's title: its largest type near the top, several lines joined."""
    first = [line for line in lines if line.page == lines[0].page][:12]
    largest = max((line.size for line in first), default=0.0)
    if largest < layout.body_size + 1.5:
        centred = [line for line in first if _centred(line, layout)]
        return centred[0].text.strip() if centred else ""
    parts, started = [], False
    for line in first:
        if abs(line.size - largest) <= 0.5:
            parts.append(line.text.strip())
            started = True
        elif started:
            break
    return _join_texts(parts)


def cells_of(pieces: list[tuple[str, float, float]], size: float) -> tuple[str, ...]:
    """A line's columns: its pieces (text, left, right) parted wherever the gap exceeds 1.3 characters.

    Returns:
        The cell texts, or () when the line is one stretch of text.
    """
    cells: list[str] = []
    current, last_right = "", None
    for text, left, right in pieces:
        if last_right is not None and left - last_right > 1.3 * size and current.strip():
            cells.append(current.strip())
            current = ""
        current += text
        last_right = right
    if current.strip():
        cells.append(current.strip())
    return tuple(cells) if len(cells) >= 2 else ()


# Paragraphs ---------------------------------------------------------------------------------------
def _centred(line: Line, layout: Layout) -> bool:
    left, right, width = layout.left[line.page], layout.right[line.page], layout.char_width
    before, after = line.x0 - left, right - line.x1
    return before >= 2 * width and after >= 1.5 * width and abs(before - after) <= 2.5 * width


def _right_aligned(line: Line, layout: Layout) -> bool:
    left, right, width = layout.left[line.page], layout.right[line.page], layout.char_width
    return line.x1 >= right - 2.5 * width and line.x0 - left >= 6 * width and len(line.squeezed) <= 30


def _full(line: Line, layout: Layout) -> bool:
    """Whether the line runs to the right margin (so the paragraph goes on)."""
    return line.x1 >= layout.right[line.page] - 1.6 * layout.char_width


def _indented(line: Line, layout: Layout) -> bool:
    return line.x0 - layout.left[line.page] >= 1.2 * layout.char_width or line.text.startswith(("\u3000", "  "))


def _starts_paragraph(previous: Line, line: Line, layout: Layout) -> bool:
    if line.cells or previous.cells:
        return True
    if _title_continues(previous, line, layout):
        return False
    if abs(line.size - previous.size) > 1 or _centred(line, layout) or _centred(previous, layout):
        return True
    if _right_aligned(line, layout) or _right_aligned(previous, layout):
        return True
    if _indented(line, layout) or not _full(previous, layout):
        return True
    if line.page == previous.page and line.top - previous.top > max(layout.pitch * 1.45, layout.pitch + 6):
        return True
    return bool(_HEADING_START_RE.match(line.squeezed) and previous.text.rstrip().endswith(tuple(_SENTENCE_END)))


def _title_continues(previous: Line, line: Line, layout: Layout) -> bool:
    """A title in large type set over two centred lines is one paragraph."""
    return (
        line.page == previous.page
        and previous.size >= layout.body_size + 2
        and abs(line.size - previous.size) <= 0.5
        and _centred(previous, layout)
        and _centred(line, layout)
        and line.top - previous.top <= previous.size * 2
    )


def _join_texts(parts: list[str]) -> str:
    joined = ""
    for part in parts:
        joined = _joined(joined, part)
    return joined


def _joined(text: str, more: str) -> str:
    """Chinese lines join without a space; two Latin words get one."""
    if _LATIN_END_RE.search(text) and _LATIN_START_RE.match(more):
        return f"{text} {more}"
    return text + more


def join_lines(lines: list[Line], layout: Layout) -> list[RawParagraph]:
    """Join printed lines into paragraphs (see the module's description)."""
    paragraphs: list[RawParagraph] = []
    current: list[Line] = []
    notes: list[Line] = []  # small type at the foot of a page: footnotes, emitted after the paragraph

    def flush() -> None:
        if current:
            paragraphs.append(_paragraph(current, layout))
            current.clear()
        for note in notes:
            paragraphs.append(_paragraph([note], layout))
        notes.clear()

    for line in lines:
        if current and line.size < layout.body_size - 1.5 and line.page == current[-1].page and _footnote(line):
            notes.append(line)
            continue
        if current and _starts_paragraph(current[-1], line, layout):
            flush()
        current.append(line)
    flush()
    return paragraphs


def _footnote(line: Line) -> bool:
    return line.top > line.page_height * 0.6


def _paragraph(lines: list[Line], layout: Layout) -> RawParagraph:
    if lines[0].cells:
        return RawParagraph([Run(" | ".join(lines[0].cells))], cells=lines[0].cells, page=lines[0].page)
    runs: list[Run] = []
    for line in lines:
        line_runs = [Run(run.text.strip("\u3000 ") if len(line.runs) == 1 else run.text, run.bold) for run in line.runs]
        if runs and line_runs:
            joined = _joined(runs[-1].text, line_runs[0].text)
            if len(joined) > len(runs[-1].text) + len(line_runs[0].text):  # a space between two Latin words
                runs.append(Run(" ", runs[-1].bold))
        runs.extend(line_runs)
    first = lines[0]
    centred = all(_centred(line, layout) for line in lines)
    right = len(lines) == 1 and _right_aligned(first, layout)
    heading = 2 if first.size >= layout.body_size + 1.5 and len(lines) <= 2 and not centred else 0
    return RawParagraph(list(normalize_runs(runs)), centered=centred, heading=heading, right=right, page=first.page)
