"""Typeset a ``Document`` into a ``QTextDocument``.

The document is built block by block with explicit formats instead of HTML:
QTextDocument ignores ``text-indent: 2em``, and building blocks lets every
block carry its paragraph index (``QTextBlock.userState``), which is how the
view maps scroll positions, selections and highlights back to paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from reader.core.document import Document, Paragraph, ParagraphKind
from reader.ui.reading.appearance import Theme, resolve_theme

NO_PARAGRAPH = -1


@dataclass(frozen=True)
class TypeStyle:
    """Everything that decides how the text looks.

    Attributes:
        font_px: Body text size in pixels.
        line_spacing: Line height in percent.
        families: Font families, most preferred first.
        theme: Colours.
    """

    font_px: int
    line_spacing: int
    families: tuple[str, ...]
    theme: Theme

    def font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        """A font of this style at ``scale`` times the body size."""
        font = QFont()
        if self.families:
            font.setFamilies(list(self.families))
        font.setPixelSize(max(1, round(self.font_px * scale)))
        font.setBold(bold)
        return font


def _gui_thread() -> QThread:
    """The application's (GUI) thread, where a typeset document must end up."""
    app = QCoreApplication.instance()
    assert app is not None, "typesetting needs the application object"
    return app.thread()


def _char_format(style: TypeStyle, scale: float = 1.0, bold: bool = False, color: str | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(style.font(scale, bold), QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
    fmt.setForeground(QBrush(QColor(color or style.theme.text)))
    return fmt


def _block_format(style: TypeStyle, paragraph: Paragraph, index_in_title: int) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(float(style.line_spacing), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    px = style.font_px
    fmt.setBottomMargin(px * 0.55)
    kind = paragraph.kind
    if kind is ParagraphKind.TITLE:
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setBottomMargin(px * (0.9 if index_in_title == 0 else 0.25))
        fmt.setTopMargin(px * (1.2 if index_in_title == 0 else 0))
    elif kind is ParagraphKind.PART:
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setTopMargin(px * 1.6)
        fmt.setBottomMargin(px * 0.9)
    elif kind in (ParagraphKind.SIGNATURE, ParagraphKind.DATE):
        fmt.setAlignment(Qt.AlignmentFlag.AlignRight)  # like the printed document: signed at the right
        fmt.setRightMargin(px * 2)
        fmt.setTopMargin(px * (1.2 if kind is ParagraphKind.SIGNATURE else 0))
        fmt.setBottomMargin(px * 0.2)
    elif kind is ParagraphKind.CAPTION or paragraph.centered:
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    elif kind is ParagraphKind.CONTENTS:
        # A contents entry: a link on a line of its own, indented like a list, lines close together.
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        fmt.setLeftMargin(px * 2)
        fmt.setBottomMargin(px * 0.2)
    else:
        fmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
        # Two characters of first-line indent, in pixels: QTextDocument has no em unit.
        fmt.setTextIndent(2 * px)
    if kind is ParagraphKind.SECTION:
        fmt.setTopMargin(px * 0.6)
    return fmt


def _run_format(style: TypeStyle, paragraph: Paragraph, bold: bool, index_in_title: int) -> QTextCharFormat:
    theme = style.theme
    if paragraph.kind is ParagraphKind.TITLE:
        scale = 1.6 if index_in_title == 0 else 1.05
        return _char_format(style, scale, True, theme.heading if index_in_title == 0 else theme.text)
    if paragraph.kind is ParagraphKind.PART:
        return _char_format(style, 1.25, True, theme.heading)
    if paragraph.kind is ParagraphKind.SECTION and bold:
        return _char_format(style, 1.0, True, theme.heading)
    if paragraph.kind is ParagraphKind.CAPTION:
        return _char_format(style, 0.88, bold, theme.muted)
    if paragraph.kind is ParagraphKind.CONTENTS and paragraph.target:
        fmt = _char_format(style, 0.95, bold, theme.heading)
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"#{paragraph.target}")  # the reading view follows it to the heading
        fmt.setFontUnderline(False)
        return fmt
    return _char_format(style, 1.0, bold)


def typeset(
    document: Document,
    style: TypeStyle,
    prelude: Callable[[QTextCursor], None] | None = None,
    viewport_width: int | None = None,
) -> QTextDocument:
    """Build the reading document.

    Args:
        document: What to show.
        style: How to show it.
        prelude: Inserts content before the first paragraph (the print header).
        viewport_width: The width the view will give the text: the column is
            centred for it before any text goes in, so no layout has to be redone.

    Returns:
        A QTextDocument whose blocks carry their paragraph index as user state
        (table cells included; ``NO_PARAGRAPH`` for spacer blocks).
    """
    text_document = QTextDocument()
    text_document.setDefaultFont(style.font())
    text_document.setDocumentMargin(style.font_px * 1.5)
    text_document.setUndoRedoEnabled(False)
    if viewport_width is not None:
        center_column(text_document, style.font_px, viewport_width)
        text_document.setTextWidth(viewport_width)
    cursor = QTextCursor(text_document)
    cursor.beginEditBlock()
    if prelude is not None:
        prelude(cursor)
        cursor.movePosition(QTextCursor.MoveOperation.End)
    paragraphs = document.paragraphs
    first_block = True
    title_line = 0
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if paragraph.kind is ParagraphKind.TABLE:
            end = index
            while end < len(paragraphs) and paragraphs[end].kind is ParagraphKind.TABLE:
                end += 1
            if not first_block:
                cursor.insertBlock()
            _insert_table(cursor, style, paragraphs, index, end)
            first_block = False
            index = end
            continue
        block_format = _block_format(style, paragraph, title_line)
        if first_block:
            cursor.setBlockFormat(block_format)
            first_block = False
        else:
            cursor.insertBlock(block_format)
        for run in paragraph.runs:
            cursor.insertText(run.text, _run_format(style, paragraph, run.bold, title_line))
        cursor.block().setUserState(index)
        if paragraph.kind is ParagraphKind.TITLE:
            title_line += 1
        index += 1
    cursor.endEditBlock()
    return text_document


def _insert_table(cursor: QTextCursor, style: TypeStyle, paragraphs, start: int, end: int) -> None:
    rows = paragraphs[start:end]
    columns = max(len(row.cells) for row in rows) or 1
    table_format = QTextTableFormat()
    table_format.setBorder(0.5)
    table_format.setBorderBrush(QBrush(QColor(style.theme.rule)))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setCellPadding(style.font_px * 0.3)
    table_format.setCellSpacing(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setBottomMargin(style.font_px)
    table = cursor.insertTable(len(rows), columns, table_format)
    small = _char_format(style, 0.9)
    for row_number, row in enumerate(rows):
        cells = list(row.cells)
        # Rows with fewer cells (merged cells in the source) fill from the right,
        # which keeps the detailed columns aligned.
        offset = columns - len(cells)
        for column, text in enumerate(cells):
            cell_cursor = table.cellAt(row_number, column + offset).firstCursorPosition()
            cell_cursor.insertText(text, small)
            cell_cursor.block().setUserState(start + row_number)
    cursor.movePosition(QTextCursor.MoveOperation.End)


# A comfortable line of Chinese holds about 36-40 characters.
COLUMN_CHARACTERS = 38


def center_column(text_document: QTextDocument, font_px: int, viewport_width: int) -> None:
    """Narrow the text to a readable column centred in the viewport (root frame side margins).

    A side margin replaces the document margin rather than adding to it, so a narrow
    view keeps the document margin on both sides instead of text touching its edges.
    """
    column = COLUMN_CHARACTERS * font_px
    side = max(text_document.documentMargin(), (viewport_width - column) / 2)
    root = text_document.rootFrame()
    fmt = root.frameFormat()
    if abs(fmt.leftMargin() - side) > 0.5:
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        root.setFrameFormat(fmt)


def prepare(
    document: Document,
    style: TypeStyle,
    viewport_width: int | None,
    target: QThread | None,
    lay_out: bool = True,
) -> QTextDocument:
    """Typeset (and lay out, when the width is known) a document; safe on a worker thread.

    Args:
        document: What to show.
        style: How to show it.
        viewport_width: The width the view will give the text; None when the
            window is not laid out yet (the view then lays the text out itself).
        target: Thread the finished QTextDocument must belong to (the GUI thread);
            None keeps it on the calling thread.
        lay_out: Lay the whole text out now (on a worker); False leaves it to the
            view, which lays out what is on screen first and the rest in steps.

    Returns:
        A typeset QTextDocument, laid out for ``viewport_width`` when given and asked.
    """
    text_document = typeset(document, style, viewport_width=viewport_width)
    if viewport_width is not None and lay_out:
        text_document.documentLayout().documentSize()  # forces the layout here, not at the first paint
    if target is not None and target is not text_document.thread():
        text_document.moveToThread(target)
    return text_document


def preparer(style: TypeStyle, width: int | None, lay_out: bool = True):
    """A callable that typesets a document for the GUI thread (on a worker or on it).

    Laid out for ``width`` when it is known and ``lay_out`` is asked; otherwise the view lays it out.
    """
    return partial(prepare, style=style, viewport_width=width, target=_gui_thread(), lay_out=lay_out)


def type_style_from(settings, families: tuple[str, ...]) -> TypeStyle:
    """The reading style a ``Settings`` object asks for."""
    return TypeStyle(settings.font_px, settings.line_spacing, families, resolve_theme(settings.theme))
