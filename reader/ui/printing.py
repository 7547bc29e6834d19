"""Print and PDF export: title, metadata table and the typeset text, with page numbers.

Everything here can run on a worker thread: it touches no widget, only a
QTextDocument and a QPrinter/QPdfWriter painting into a file.
"""

from __future__ import annotations

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
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from reader.core.document import Document
from reader.core.export import META_LABELS_ZH
from reader.core.identity import display_name
from reader.ui.appearance import THEMES
from reader.ui.typesetter import TypeStyle, typeset

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


def paint_pages(
    text_document: QTextDocument, painter: QPainter, page_rect: QRectF, footer_font: QFont, new_page
) -> int:
    """Paint a laid-out document page by page with a centred page number in the footer.

    Args:
        text_document: The document (its page size is set here).
        painter: Painter on the printer or PDF writer.
        page_rect: The printable area in device pixels.
        footer_font: Font of the page numbers.
        new_page: Callable that starts the next page.

    Returns:
        The number of pages painted.
    """
    footer_height = footer_font.pixelSize() * 2.5
    body_height = page_rect.height() - footer_height
    text_document.setPageSize(QSizeF(page_rect.width(), body_height))
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


def _paint_document(document: Document, device, resolution: int, families: tuple[str, ...]) -> int:
    """Lay the document out for ``device`` (a PDF writer or a printer) and paint every page."""
    text_document = print_document(document, families, resolution)
    painter = QPainter(device)
    try:
        rect = QRectF(device.pageLayout().paintRectPixels(resolution))
        rect.moveTo(0, 0)
        footer_font = QFont()
        if families:
            footer_font.setFamilies(list(families))
        footer_font.setPixelSize(round(9 * resolution / 72))
        return paint_pages(text_document, painter, rect, footer_font, device.newPage)
    finally:
        painter.end()


def export_pdf(document: Document, path: Path, families: tuple[str, ...]) -> int:
    """Write the document as a PDF (A4, fonts embedded by Qt as subsets).

    Returns:
        The number of pages written.
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(_RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 18, 20, 16), QPageLayout.Unit.Millimeter)
    writer.setTitle(display_name(document))
    writer.setCreator("Report Reader")
    return _paint_document(document, writer, _RESOLUTION, families)


def print_to_printer(document: Document, printer, families: tuple[str, ...]) -> int:
    """Print through a configured QPrinter (from the print dialog).

    Returns:
        The number of pages printed.
    """
    return _paint_document(document, printer, printer.resolution(), families)
