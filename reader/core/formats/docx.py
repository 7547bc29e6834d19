"""Word documents (.docx, as Word and WPS write them), read with python-docx.

python-docx opens the package (relationships, styles, numbering, core properties);
the body is walked here, in order, because what a reader needs is what Word prints:

- automatic numbering turned into its text (一、 （一） 1. ①, as ``numbering.xml``
  defines it), so the outline sees the report's own numbering;
- heading styles and outline levels as headings; bold resolved through the run, its
  character style and the paragraph style's chain;
- tables as rows of cells; footnotes after the paragraph that cites them;
- what is not body text left out: headers and footers, a table of contents (its field,
  its content control or its TOC styles), deleted revisions and field instructions;
- core properties as metadata, the title only when the first page agrees with it.

Word's last rendered page breaks, where the file has them, give each paragraph its page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from reader.core.document import Run
from reader.core.errors import DamagedFileError
from reader.core.formats.containers import Container
from reader.core.formats.raw import RawDocument, RawParagraph
from reader.core.formats.red_head import take_red_head
from reader.core.formats.word_numbering import Numbering
from reader.core.text_utils import clean_title

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_TOC_STYLE_RE = re.compile(r"^(?:toc|目录)\s*\d|^toc heading$|^目录标题$", re.I)
_TITLE_STYLES = {"title", "标题"}


def parse_docx(data: bytes, name: str) -> RawDocument:
    """Read a .docx into a ``RawDocument``.

    Raises:
        DamagedFileError: Not a readable Word document.
        InputTooLargeError: Its parts would expand beyond the container limits.
    """
    Container(data, "Word document").close()  # the size limits, before python-docx expands anything
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise DamagedFileError(f"the Word document is damaged or incomplete ({error})") from None
    except Exception as error:  # lxml's XMLSyntaxError and friends: a broken part
        raise DamagedFileError(f"the Word document cannot be read ({error.__class__.__name__})") from None
    paragraphs = list(_BodyReader(document).paragraphs())
    red_head, used = take_red_head([p.text for p in paragraphs])
    paragraphs = [p for index, p in enumerate(paragraphs) if index not in used]
    properties = document.core_properties
    title = _title(paragraphs, properties.title or "", name)
    meta = red_head | {
        key: value.strip()
        for key, value in (
            ("author", properties.author or ""),
            ("keywords", properties.keywords or ""),
            ("description", properties.subject or ""),
        )
        if value and value.strip()
    }
    return RawDocument(title=title, meta=meta, paragraphs=paragraphs)


@dataclass
class _StyleInfo:
    bold: bool | None = None
    outline: int | None = None  # 0-based outline level
    align: str = ""
    num: tuple[str, int] | None = None  # (numId, ilvl)
    size: float = 0.0
    toc: bool = False
    title: bool = False


@dataclass
class _Styles:
    """Paragraph and character styles, each resolved through its ``basedOn`` chain."""

    raw: dict[str, Any] = field(default_factory=dict)  # lxml elements
    resolved: dict[str, _StyleInfo] = field(default_factory=dict)
    default_paragraph: str = ""

    @classmethod
    def load(cls, document: Any) -> _Styles:
        styles = cls()
        try:
            element = document.part.styles.element
        except (KeyError, AttributeError, ValueError):
            return styles
        for style in element.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId") or ""
            styles.raw[style_id] = style
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                styles.default_paragraph = style_id
        return styles

    def info(self, style_id: str, depth: int = 0) -> _StyleInfo:
        if style_id in self.resolved:
            return self.resolved[style_id]
        style = self.raw.get(style_id)
        if style is None or depth > 20:
            return _StyleInfo()
        based = style.find(f"{W}basedOn")
        base = self.info(based.get(f"{W}val") or "", depth + 1) if based is not None else _StyleInfo()
        name_element = style.find(f"{W}name")
        name = (name_element.get(f"{W}val") or "") if name_element is not None else ""
        info = _StyleInfo(base.bold, base.outline, base.align, base.num, base.size, base.toc, base.title)
        heading = _HEADING_STYLE_RE.match(name) or _HEADING_STYLE_RE.match(style_id)
        if heading:
            info.outline = int(heading.group(1)) - 1
        info.toc = info.toc or bool(_TOC_STYLE_RE.match(name) or _TOC_STYLE_RE.match(style_id))
        info.title = info.title or name.lower() in _TITLE_STYLES or style_id.lower() == "title"
        _apply_paragraph_properties(info, style.find(f"{W}pPr"))
        _apply_run_properties(info, style.find(f"{W}rPr"))
        self.resolved[style_id] = info
        return info


def _on(element: Any) -> bool:
    value = element.get(f"{W}val")
    return value is None or value.lower() not in ("0", "false", "off", "none")


def _apply_paragraph_properties(info: _StyleInfo, properties: Any) -> None:
    if properties is None:
        return
    outline = properties.find(f"{W}outlineLvl")
    if outline is not None and (outline.get(f"{W}val") or "").isdigit():
        level = int(outline.get(f"{W}val"))
        info.outline = level if level < 9 else None
    align = properties.find(f"{W}jc")
    if align is not None:
        info.align = align.get(f"{W}val") or ""
    numbering = properties.find(f"{W}numPr")
    if numbering is not None:
        num_id = numbering.find(f"{W}numId")
        level = numbering.find(f"{W}ilvl")
        if num_id is not None:
            ilvl = int(level.get(f"{W}val") or 0) if level is not None else 0
            info.num = (num_id.get(f"{W}val") or "0", ilvl)


def _apply_run_properties(info: _StyleInfo, properties: Any) -> None:
    if properties is None:
        return
    bold = properties.find(f"{W}b")
    if bold is not None:
        info.bold = _on(bold)
    size = properties.find(f"{W}sz")
    if size is not None and (size.get(f"{W}val") or "").isdigit():
        info.size = int(size.get(f"{W}val")) / 2


class _BodyReader:
    """Walks the body in order, keeping the state Word keeps: numbering counters, fields, pages."""

    def __init__(self, document: Any) -> None:
        self._document = document
        self._styles = _Styles.load(document)
        try:
            numbering_element = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError, ValueError):
            numbering_element = None
        self._numbering = Numbering(numbering_element)
        self._footnotes = _notes(document, "footnotes")
        # The open fields, outermost first: [instruction, whether its result part has begun].
        # Text is shown only in the result part of every open field (never an instruction).
        self._fields: list[list[Any]] = []
        self._contents_seen = False  # a TOC field was met in the paragraph being read
        self._page = 1
        self._paged = False
        self._notes_cited = 0

    def paragraphs(self) -> Iterator[RawParagraph]:
        """The body's paragraphs and table rows in order (pages only where Word recorded them)."""
        body = self._document.element.body
        self._paged = body.find(f".//{W}lastRenderedPageBreak") is not None
        for paragraph in self._blocks(body):
            if not self._paged:
                paragraph.page = 0
            yield paragraph

    def _blocks(self, container: Any) -> Iterator[RawParagraph]:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                yield from self._paragraph(child)
            elif tag == f"{W}tbl":
                yield from self._table(child)
            elif tag == f"{W}sdt":
                if not _is_contents_control(child):
                    content = child.find(f"{W}sdtContent")
                    if content is not None:
                        yield from self._blocks(content)
            elif tag in (f"{W}ins", f"{W}customXml", f"{W}smartTag"):
                yield from self._blocks(child)

    def _table(self, table: Any) -> Iterator[RawParagraph]:
        for row in table.iter(f"{W}tr"):
            if row.getparent() is not None and _closest_table(row) is not table:
                continue  # a nested table's rows: their text is inside the outer cell already
            cells = []
            for cell in row.findall(f"{W}tc"):
                texts = [self._plain_text(p) for p in cell.iter(f"{W}p")]
                cells.append(" ".join(text for text in texts if text).strip())
            if any(cells):
                yield RawParagraph([Run(" | ".join(cells))], cells=tuple(cells), page=self._page)

    def _plain_text(self, paragraph: Any) -> str:
        return "".join(text for text, _bold in self._runs(paragraph, _StyleInfo()))

    def _paragraph(self, paragraph: Any) -> Iterator[RawParagraph]:
        properties = paragraph.find(f"{W}pPr")
        style_id = ""
        if properties is not None:
            style_element = properties.find(f"{W}pStyle")
            if style_element is not None:
                style_id = style_element.get(f"{W}val") or ""
        style = self._styles.info(style_id or self._styles.default_paragraph)
        info = _StyleInfo(style.bold, style.outline, style.align, style.num, style.size, style.toc, style.title)
        _apply_paragraph_properties(info, properties)
        page_at_start = self._page
        self._contents_seen = self._in_contents()
        runs = list(self._runs(paragraph, info))
        notes = self._cited_notes(paragraph)
        if info.toc or self._contents_seen:
            return
        number = self._numbering.label(*info.num) if info.num else ""
        texts = [Run(text, bold) for text, bold in runs]
        if not "".join(run.text for run in texts).strip():
            return
        if number:
            texts.insert(0, Run(number, texts[0].bold if texts else False))
        heading = 0
        if info.outline is not None and info.outline < 6:
            heading = info.outline + 2
        raw = RawParagraph(
            texts,
            centered=info.align == "center",
            heading=heading,
            right=info.align in ("right", "end"),
            page=page_at_start,
        )
        if info.title:
            raw.centered = True
            raw.heading = 0
        yield raw
        for note in notes:
            yield RawParagraph([Run(note)], page=self._page)

    def _runs(self, paragraph: Any, info: _StyleInfo) -> Iterator[tuple[str, bool]]:
        # Every run, inside hyperlinks, insertions and simple fields too; a deleted run holds
        # w:delText, never w:t, so revisions marked deleted say nothing.
        for element in paragraph.iter(f"{W}r"):
            bold = self._run_bold(element, info)
            for piece in element:
                tag = piece.tag
                if tag == f"{W}fldChar":
                    self._field_char(piece.get(f"{W}fldCharType") or "")
                elif tag == f"{W}instrText":
                    if self._fields:
                        self._fields[-1][0] = (self._fields[-1][0] + (piece.text or "")).lstrip()
                        self._contents_seen = self._contents_seen or self._in_contents()
                elif any(not separated for _instruction, separated in self._fields):
                    continue
                elif tag == f"{W}t":
                    yield piece.text or "", bold
                elif tag == f"{W}tab":
                    yield "\u3000", bold
                elif tag in (f"{W}br", f"{W}cr"):
                    if piece.get(f"{W}type") == "page":
                        self._page += 1
                    else:
                        yield " ", bold
                elif tag == f"{W}lastRenderedPageBreak":
                    self._page += 1
                elif tag == f"{W}noBreakHyphen":
                    yield "-", bold

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self._fields.append(["", False])
        elif kind == "separate" and self._fields:
            self._fields[-1][1] = True
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _in_contents(self) -> bool:
        return any(instruction.upper().startswith("TOC") for instruction, _separated in self._fields)

    def _run_bold(self, run: Any, info: _StyleInfo) -> bool:
        properties = run.find(f"{W}rPr")
        bold = info.bold
        if properties is not None:
            style = properties.find(f"{W}rStyle")
            if style is not None:
                character = self._styles.info(style.get(f"{W}val") or "")
                if character.bold is not None:
                    bold = character.bold
            direct = properties.find(f"{W}b")
            if direct is not None:
                bold = _on(direct)
        return bool(bold)

    def _cited_notes(self, paragraph: Any) -> list[str]:
        found = []
        for reference in paragraph.iter(f"{W}footnoteReference"):
            note_id = reference.get(f"{W}id") or ""
            text = self._footnotes.get(note_id, "")
            if text:
                self._notes_cited += 1
                found.append(f"注{self._notes_cited}：{text}")
        return found


def _closest_table(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def _is_contents_control(sdt: Any) -> bool:
    """A content control that holds a table of contents (Word's "Table of Contents" building block)."""
    properties = sdt.find(f"{W}sdtPr")
    if properties is None:
        return False
    gallery = properties.find(f".//{W}docPartGallery")
    return gallery is not None and "table of contents" in (gallery.get(f"{W}val") or "").lower()


def _notes(document: Any, kind: str) -> dict[str, str]:
    """Footnote (or endnote) texts by id, from their part when the document has one."""
    from lxml import etree

    found: dict[str, str] = {}
    for relationship in document.part.rels.values():
        if not relationship.reltype.endswith(f"/{kind}"):
            continue
        try:
            root = etree.fromstring(relationship.target_part.blob, etree.XMLParser(resolve_entities=False))
        except (etree.XMLSyntaxError, ValueError, AttributeError):
            continue
        for note in root.iter(f"{W}{kind[:-1]}"):
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
            if text:
                found[note.get(f"{W}id") or ""] = text
    return found


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _title(paragraphs: list[RawParagraph], property_title: str, name: str) -> str:
    """The title the first page shows; the core property only when that page agrees with it."""
    head = paragraphs[:8]
    for paragraph in head:  # a Title-style or centred first line
        if paragraph.centered and paragraph.text.strip() and not paragraph.cells:
            return clean_title(paragraph.text)
    prop = clean_title(property_title)
    if prop and _squeeze(prop)[:10] in _squeeze("".join(p.text for p in head)):
        return prop
    for paragraph in head:
        if paragraph.heading and paragraph.text.strip():
            return clean_title(paragraph.text)
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
    return stem or (clean_title(paragraphs[0].text) if paragraphs else "")
