"""PDF files with a text layer, read through PDFium (pypdfium2).

Why PDFium: it is the engine of Chrome's viewer, reads the damaged and unusual files
governments publish, maps CJK fonts without language packs, and is fast — the text,
the positions and the font of every character of a 100-page report in a few tenths of
a second, where pdfminer.six (pure Python) takes many seconds. Lines come from
PDFium's own line breaks; ``layout`` rebuilds the paragraphs.

The PDF's bookmarks, where it has them, decide the outline's headings; its document
information (title, author, keywords, dates) fills the metadata unless it contradicts
the first page (a stale "Microsoft Word - 新建文档.docx" loses).
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.core.document import Run
from reader.core.errors import DamagedFileError, EncryptedFileError, InputTooLargeError, ScannedDocumentError
from reader.core.formats.layout import Line, cells_of, read_pages
from reader.core.formats.raw import RawDocument, RawParagraph
from reader.core.text_utils import clean_title

MAX_PAGES = 5000
# PDFium is not thread-safe: the document service and the library's thread may both parse.
_PDFIUM_LOCK = threading.Lock()
_BOLD_FONT_RE = re.compile(r"bold|black|heavy|hei|黑|demi|semibold|xbs|小标宋|fzdbs|fzxbs|fzht", re.I)
_STALE_TITLE_RE = re.compile(r"^(?:microsoft\s+word\s*-|untitled|无标题|新建|文档\d*|document\d*)", re.I)
_PLACEHOLDER_AUTHORS = {
    "anonymous",
    "administrator",
    "admin",
    "user",
    "unknown",
    "微软用户",
    "微软中国",
    "lenovo",
    "pc",
}
_FILL_STROKE = 2  # FPDF_TEXTRENDERMODE_FILL_STROKE: how a "bold" is faked with a regular font


@dataclass(frozen=True)
class _Face:
    """What PDFium says of a text object's font."""

    name: str
    weight: int
    fill_stroke: bool


def _bolder(face: _Face, body: _Face) -> bool:
    if face == body:
        return False
    if face.fill_stroke and not body.fill_stroke:
        return True
    if face.weight >= body.weight + 150:
        return True
    return bool(_BOLD_FONT_RE.search(face.name)) and not _BOLD_FONT_RE.search(body.name)


class _Faces:
    """The faces of one document: each character carries an index; the body face is never bold."""

    def __init__(self) -> None:
        self.faces: list[_Face] = []
        self._index: dict[_Face, int] = {}
        self.chars: Counter[int] = Counter()

    def add(self, face: _Face) -> int:
        if face not in self._index:
            self._index[face] = len(self.faces)
            self.faces.append(face)
        return self._index[face]

    def bold(self) -> set[int]:
        """Faces bolder than the body's (the face most characters are set in), whatever their names say."""
        if not self.chars:
            return set()
        body = self.faces[self.chars.most_common(1)[0][0]]
        return {index for index, face in enumerate(self.faces) if _bolder(face, body)}


def parse_pdf(data: bytes, name: str) -> RawDocument:
    """Read a PDF's text into a ``RawDocument``.

    Args:
        data: The file's bytes.
        name: Its file name (the title when nothing better is found).

    Raises:
        EncryptedFileError: It needs a password to open.
        DamagedFileError: PDFium cannot read it.
        ScannedDocumentError: Its pages hold no text (a scan).
        InputTooLargeError: More than ``MAX_PAGES`` pages.

    """
    import pypdfium2 as pdfium

    faces = _Faces()
    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if "password" in str(error).lower():
                raise EncryptedFileError("the PDF is protected by a password") from None
            raise DamagedFileError(f"the PDF is damaged or incomplete ({error})") from None
        try:
            count = len(pdf)
            if count > MAX_PAGES:
                raise InputTooLargeError(f"the PDF has {count} pages; the limit is {MAX_PAGES}")
            printed = [_page_lines(pdf, index, faces) for index in range(count)]
            info = pdf.get_metadata_dict(skip_empty=True)
            bookmarks = _bookmarks(pdf)
        except pdfium.PdfiumError as error:
            raise DamagedFileError(f"the PDF is damaged ({error})") from None
        finally:
            pdf.close()
    if not any(printed):
        raise ScannedDocumentError(
            "the PDF has no text layer (scanned pages): it needs text recognition (OCR) first"
            if count
            else "the PDF has no pages"
        )
    bold = faces.bold()
    pages = [[line.finish(bold) for line in page] for page in printed]
    text = read_pages(pages)
    if bookmarks:
        _apply_bookmarks(text.paragraphs, bookmarks)
    first_page = "".join(p.text for p in text.paragraphs if p.page == 1)
    title = _choose_title(text.title, info.get("Title", ""), first_page, name)
    meta = {**_info_meta(info), **text.meta}
    return RawDocument(title=title, meta=meta, paragraphs=text.paragraphs)


@dataclass
class _PrintedLine:
    """A line as PDFium gives it, before the document's bold faces are known."""

    segments: list[tuple[str, int]]  # (text, face index)
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    width: float
    height: float
    cells: tuple[str, ...] = ()

    def finish(self, bold: set[int]) -> Line:
        runs: list[Run] = []
        for text, face in self.segments:
            heavy = face in bold
            if runs and runs[-1].bold == heavy:
                runs[-1] = Run(runs[-1].text + text, heavy)
            else:
                runs.append(Run(text, heavy))
        return Line(
            runs, self.page, self.x0, self.x1, self.top, self.bottom, self.size, self.width, self.height, self.cells
        )


# Where a line's face is looked up: its start and after each of these, since a bold lead
# sentence (一是……。) or a bold heading ends there. Looking up every character would cost
# two foreign calls each, several times the whole text extraction.
_RUN_BREAKS = re.compile(r"(?<=[。：；！？:;])")


class _FaceLookup:
    """Faces of a page's characters, cached by the PDFium font they use."""

    def __init__(self, raw: Any, textpage: Any, faces: _Faces) -> None:
        self._raw = raw
        self._textpage = textpage
        self.faces = faces
        self._by_font: dict[tuple[int | None, bool], int] = {}
        self._buffer = ctypes.create_string_buffer(256)

    def at(self, index: int) -> int:
        raw = self._raw
        text_object = raw.FPDFText_GetTextObject(self._textpage, index)
        if not text_object:
            return -1
        font = raw.FPDFTextObj_GetFont(text_object)
        fill_stroke = raw.FPDFTextObj_GetTextRenderMode(text_object) == _FILL_STROKE
        key = (ctypes.cast(font, ctypes.c_void_p).value if font else None, fill_stroke)
        found = self._by_font.get(key)
        if found is None:
            found = self._by_font[key] = self.faces.add(_face(raw, font, fill_stroke, self._buffer))
        return found


def _page_lines(pdf: Any, index: int, faces: _Faces) -> list[_PrintedLine]:
    """One page's lines in reading order (top to bottom, then left to right)."""
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            if count <= 0:
                return []
            text = textpage.get_text_range(0, count)
            lookup = _FaceLookup(raw, textpage, faces)
            lines = []
            start = 0
            for position in range(len(text) + 1):
                if position == len(text) or text[position] == "\n":
                    line = _line(raw, textpage, text, lookup, (start, position), index + 1, (width, height))
                    if line is not None:
                        lines.append(line)
                    start = position + 1
            lines.sort(key=lambda line: (round(line.top / 3), line.x0))
            return lines
        finally:
            textpage.close()
    finally:
        page.close()


def _face(raw: Any, font: Any, fill_stroke: bool, buffer: Any) -> _Face:
    if not font:
        return _Face("", 400, fill_stroke)
    length = raw.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
    name = bytes(buffer.raw[: max(0, min(length, len(buffer)) - 1)])
    return _Face(_font_name(name), int(raw.FPDFFont_GetWeight(font) or 400), fill_stroke)


def _font_name(name: bytes) -> str:
    """A base font name as text: subset prefix dropped, ``#XX`` escapes of GBK bytes (``#BA#DA#CC#E5``) decoded."""
    decoded = name.decode("latin-1")
    decoded = re.sub(r"#([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), decoded)
    raw_bytes = decoded.encode("latin-1", "replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            decoded = raw_bytes.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return decoded.split("+", 1)[-1]


def _line(
    raw: Any, textpage: Any, text: str, lookup: _FaceLookup, span: tuple[int, int], page: int, size_of_page: Any
) -> Any:
    """The line of characters ``span`` (None when it holds only spaces)."""
    start, end = span
    content = text[start:end].rstrip("\r\n")
    stripped = content.strip()
    if not stripped:
        return None
    first = start + (len(content) - len(content.lstrip()))
    last = start + len(content.rstrip()) - 1
    width, height = size_of_page
    left, first_bottom, _, first_top = _box(raw, textpage, first)
    _, last_bottom, right, last_top = _box(raw, textpage, last)
    size = raw.FPDFText_GetFontSize(textpage, first) or (first_top - first_bottom)
    segments = []
    offset = start
    for piece in _RUN_BREAKS.split(content):
        if piece:
            face = lookup.at(offset + (len(piece) - len(piece.lstrip())) if piece.strip() else offset)
            segments.append((piece, face))
            if piece.strip():
                lookup.faces.chars[face] += len(piece.strip())
        offset += len(piece)
    top, bottom = height - max(first_top, last_top), height - min(first_bottom, last_bottom)
    cells = _cells(raw, textpage, content, start, float(size)) if " " in stripped else ()
    return _PrintedLine(segments, page, left, right, top, bottom, float(size), float(width), float(height), cells)


def _cells(raw: Any, textpage: Any, content: str, start: int, size: float) -> tuple[str, ...]:
    """Columns of a table row: the line's stretches of text parted by wide gaps."""
    pieces = []
    for match in re.finditer(r"\S+", content):
        left = _box(raw, textpage, start + match.start())[0]
        right = _box(raw, textpage, start + match.end() - 1)[2]
        pieces.append((match.group(0), left, right))
    return cells_of(pieces, size)


def _box(raw: Any, textpage: Any, index: int) -> tuple[float, float, float, float]:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    raw.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
    return left.value, bottom.value, right.value, top.value


def _bookmarks(pdf: Any) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks as (level, title, 1-based page), in order."""
    found = []
    try:
        for item in pdf.get_toc(max_depth=6):
            title = clean_title(item.get_title() or "") if hasattr(item, "get_title") else ""
            page_index = item.get_dest().get_index() if hasattr(item, "get_dest") and item.get_dest() else None
            if not title:
                continue
            found.append((int(getattr(item, "level", 0)), title, (page_index or 0) + 1))
    except Exception:
        return []
    return found


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _apply_bookmarks(paragraphs: list[RawParagraph], bookmarks: list[tuple[int, str, int]]) -> None:
    """Make the paragraph each bookmark points at a heading of the bookmark's level."""
    position = 0
    levels = sorted({level for level, _title, _page in bookmarks})
    for level, title, page in bookmarks:
        wanted = _squeeze(title)
        for index in range(position, len(paragraphs)):
            paragraph = paragraphs[index]
            if page and paragraph.page and paragraph.page < page:
                continue
            if _squeeze(paragraph.text).startswith(wanted[: max(4, len(wanted) - 2)]):
                paragraph.heading = min(2 + levels.index(level), 4)
                position = index + 1
                break


def _info_meta(info: dict[str, str]) -> dict[str, str]:
    """Metadata keys from the PDF's document information."""
    meta: dict[str, str] = {}
    if info.get("Author") and info["Author"].strip().lower() not in _PLACEHOLDER_AUTHORS:
        meta["author"] = info["Author"].strip()
    if info.get("Keywords"):
        meta["keywords"] = info["Keywords"].strip()
    if info.get("Subject") and info["Subject"].strip().lower() not in ("unspecified", "none"):
        meta["description"] = info["Subject"].strip()
    return meta


def _choose_title(from_page: str, from_info: str, first_page: str, name: str) -> str:
    """The title printed on the first page, else the document information's unless stale, else the name."""
    if from_page:
        return clean_title(from_page)
    info = clean_title(from_info or "")
    if info and not _STALE_TITLE_RE.match(info) and _squeeze(info)[:8] in _squeeze(first_page):
        return info
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
