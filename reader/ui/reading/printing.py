"""Print and PDF export: title, metadata table and the typeset text, with page numbers.

Everything here can run on a worker thread: it touches no widget, only a
QTextDocument and a QPrinter/QPdfWriter painting into a file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from reader.core.document import Document, ParagraphKind
from reader.core.export import META_LABELS_ZH
from reader.core.naming import display_name
from reader.ui.reading.appearance import THEMES
from reader.ui.reading.typesetter import TypeStyle, typeset

PRINT_FONT_PT = 11
_RESOLUTION = 300
# Noto Sans/Serif CJK map the Kangxi radicals (U+2F00…) to the same glyphs as the
# ideographs, and Qt's PDF writer then writes the radical into the ToUnicode map:
# text copied or searched in the PDF reads ⼯ for 工 (1,505 such characters in the
# seed). WenQuanYi's glyphs are not shared, so it goes first on paper when installed.
_PDF_FIRST = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei")


def print_families(families: tuple[str, ...]) -> tuple[str, ...]:
    """Font families for PDF and print: those with a clean ToUnicode mapping first."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    first = tuple(f for f in _PDF_FIRST if f in installed)
    return first + tuple(f for f in families if f not in first)


def print_document(document: Document, families: tuple[str, ...], resolution: int = _RESOLUTION) -> QTextDocument:
    """A QTextDocument laid out for paper: light theme, point-sized text, a metadata table first."""
    # Pixel sizes are device pixels: at the printer's resolution 11 pt is 11/72 inch.
    pixel = round(PRINT_FONT_PT * resolution / 72)
    style = TypeStyle(pixel, 160, print_families(families), THEMES["light"])
    prelude = (lambda cursor: _insert_metadata(cursor, document, style)) if document.meta else None
    text_document = typeset(document, style, prelude)
    text_document.setDocumentMargin(0)
    return text_document


def _insert_metadata(cursor: QTextCursor, document: Document, style: TypeStyle) -> None:
    table_format = QTextTableFormat()
    table_format.setBorder(0.5)
    table_format.setBorderBrush(QBrush(QColor("#999999")))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setCellPadding(style.font_px * 0.25)
    table_format.setCellSpacing(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setBottomMargin(style.font_px)
    items = list(document.meta.items())
    rows = (len(items) + 1) // 2
    table = cursor.insertTable(rows, 4, table_format)
    label_format = QTextCharFormat()
    label_format.setFont(style.font(0.85, True), QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
    value_format = QTextCharFormat()
    value_format.setFont(style.font(0.85), QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
    for number, (key, value) in enumerate(items):
        row, column = number // 2, (number % 2) * 2
        table.cellAt(row, column).firstCursorPosition().insertText(META_LABELS_ZH.get(key, key) + "：", label_format)
        table.cellAt(row, column + 1).firstCursorPosition().insertText(value, value_format)


@dataclass(frozen=True)
class OutlineEntry:
    """Where an outline node landed on paper: its page (0-based) and its top on that page (device pixels)."""

    title: str
    level: int
    page: int
    top: float


def paginate(text_document: QTextDocument, document: Document, page_size: QSizeF) -> tuple[int, list[OutlineEntry]]:
    """Lay a document out on pages, keeping each heading with the text it introduces.

    QTextDocument breaks pages between any two lines; a heading such as （四） can end up alone
    at the foot of a page with its first paragraph overleaf. Such a heading (with any headings
    right above it) gets a page break before it, page by page from the top, since each move
    shifts everything after it.

    Args:
        text_document: The typeset print document (blocks carry their paragraph index as user state).
        document: The document it was typeset from.
        page_size: The body area of one page, in device pixels.

    Returns:
        The number of headings moved to the next page, and where every outline node landed.
    """
    text_document.setPageSize(page_size)
    height = page_size.height()
    headings = {
        index
        for index, paragraph in enumerate(document.paragraphs)
        if paragraph.kind in (ParagraphKind.PART, ParagraphKind.SECTION)
    }
    moved = 0
    block = text_document.begin()
    while block.isValid():
        if block.userState() not in headings:
            block = block.next()
            continue
        following = block.next()
        while following.isValid() and following.userState() in headings:
            following = following.next()  # a run of headings (一、 then （一）) moves as one
        if following.isValid() and page_of(following, height) > page_of(block, height):
            block_format = block.blockFormat()
            if block_format.pageBreakPolicy() == QTextFormat.PageBreakFlag.PageBreak_Auto:
                block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(block_format)
                moved += 1
        block = following
    return moved, _outline_entries(text_document, document, height)


def _first_line_top(block: QTextBlock) -> float:
    """The top of a block's first line in document coordinates (after any page break before it)."""
    block.document().documentLayout().blockBoundingRect(block)  # lays the block out if it is not yet
    layout = block.layout()
    top = layout.position().y()
    return top + layout.lineAt(0).y() if layout.lineCount() else top


def _page_at(top: float, page_height: float) -> int:
    return int((top + 1) // page_height)  # a pixel of slack: a line starting on a page's first row is on it


def page_of(block: QTextBlock, page_height: float) -> int:
    """The page (0-based) a laid-out block's first line is on."""
    return _page_at(_first_line_top(block), page_height)


def _outline_entries(text_document: QTextDocument, document: Document, page_height: float) -> list[OutlineEntry]:
    blocks: dict[int, QTextBlock] = {}
    block = text_document.begin()
    while block.isValid():
        if block.userState() >= 0:
            blocks.setdefault(block.userState(), block)
        block = block.next()
    entries = []

    def visit(nodes, level: int) -> None:
        for node in nodes:
            found = blocks.get(document.paragraph_index(node.paragraph))
            if found is not None:
                top = _first_line_top(found)
                page = _page_at(top, page_height)
                entries.append(OutlineEntry(node.title, level, page, top - page * page_height))
            visit(node.children, level + 1)

    visit(document.outline, 1)
    return entries


def paint_pages(
    text_document: QTextDocument, painter: QPainter, page_rect: QRectF, footer_font: QFont, new_page
) -> int:
    """Paint a paginated document page by page with a centred page number in the footer.

    Args:
        text_document: The document, already paginated for ``page_rect`` (see ``body_size``).
        painter: Painter on the printer or PDF writer.
        page_rect: The printable area in device pixels.
        footer_font: Font of the page numbers.
        new_page: Callable that starts the next page.

    Returns:
        The number of pages painted.
    """
    body_height = text_document.pageSize().height()
    footer_height = page_rect.height() - body_height
    layout = text_document.documentLayout()
    pages = max(1, layout.pageCount())
    for page in range(pages):
        if page:
            new_page()
        painter.save()
        painter.translate(page_rect.left(), page_rect.top() - page * body_height)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, page * body_height, page_rect.width(), body_height)
        painter.setClipRect(context.clip)
        layout.draw(painter, context)
        painter.restore()
        painter.save()
        painter.setFont(footer_font)
        painter.setPen(QColor("#555555"))
        footer = QRectF(page_rect.left(), page_rect.top() + body_height, page_rect.width(), footer_height)
        painter.drawText(
            footer, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, f"— {page + 1} / {pages} —"
        )
        painter.restore()
    return pages


def body_size(page_rect: QRectF, footer_font: QFont) -> QSizeF:
    """The area of a page the text fills: the printable area less the footer's band."""
    return QSizeF(page_rect.width(), page_rect.height() - footer_font.pixelSize() * 2.5)


def _paint_document(document: Document, device, resolution: int, families: tuple[str, ...]) -> PrintedPages:
    """Lay the document out for ``device`` (a PDF writer or a printer) and paint every page."""
    text_document = print_document(document, families, resolution)
    rect = QRectF(device.pageLayout().paintRectPixels(resolution))
    rect.moveTo(0, 0)
    footer_font = QFont()
    if families:
        footer_font.setFamilies(list(families))
    footer_font.setPixelSize(round(9 * resolution / 72))
    moved, outline = paginate(text_document, document, body_size(rect, footer_font))
    painter = QPainter(device)
    try:
        pages = paint_pages(text_document, painter, rect, footer_font, device.newPage)
    finally:
        painter.end()
    return PrintedPages(pages, moved, outline)


@dataclass(frozen=True)
class PrintedPages:
    """What painting produced: pages, headings moved to keep them with their text, the outline's places."""

    pages: int
    headings_moved: int
    outline: list[OutlineEntry]


def export_pdf(document: Document, path: Path, families: tuple[str, ...]) -> int:
    """Write the document as a PDF (A4, fonts embedded by Qt as subsets) with its outline as bookmarks.

    Qt's PDF writer has no outline API, so the pages are painted to a temporary file and pypdf
    (pure Python, well kept) adds the bookmarks while writing the final file.

    Returns:
        The number of pages written.
    """
    path = Path(path)
    painted = path.with_name(f".{path.name}.painting")
    try:
        writer = QPdfWriter(str(painted))
        writer.setResolution(_RESOLUTION)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(20, 18, 20, 16), QPageLayout.Unit.Millimeter)
        writer.setTitle(display_name(document))
        writer.setCreator("Report Reader")
        printed = _paint_document(document, writer, _RESOLUTION, families)
        layout = writer.pageLayout()
        del writer  # finishes the file
        add_pdf_outline(painted, path, printed.outline, layout, _RESOLUTION)
        return printed.pages
    finally:
        painted.unlink(missing_ok=True)


def add_pdf_outline(source: Path, target: Path, outline: list[OutlineEntry], layout: QPageLayout, resolution: int):
    """Copy a PDF, adding the outline as nested bookmarks that open at each heading (shown on opening)."""
    from pypdf import PdfWriter
    from pypdf.generic import Fit

    from reader.core.fileutil import write_atomic

    pdf = PdfWriter(clone_from=str(source))
    page_height = layout.fullRectPoints().height()
    margin_top = layout.paintRectPoints().top()
    parents: list = []  # the open bookmark of each level above the current one
    for entry in outline:
        del parents[entry.level - 1 :]
        parent = parents[-1] if parents else None
        top = page_height - (margin_top + entry.top * 72 / resolution)
        item = pdf.add_outline_item(
            title=entry.title,
            page_number=min(entry.page, len(pdf.pages) - 1),
            parent=parent,
            bold=entry.level == 1,
            fit=Fit.xyz(left=0, top=top),
        )
        parents.extend([item] * (entry.level - len(parents)))
    if outline:
        pdf.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    pdf.write(buffer)
    write_atomic(target, buffer.getvalue())


def print_to_printer(document: Document, printer, families: tuple[str, ...]) -> int:
    """Print through a configured QPrinter (from the print dialog).

    Returns:
        The number of pages printed.
    """
    return _paint_document(document, printer, printer.resolution(), families).pages
