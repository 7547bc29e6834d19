"""Typeset a comparison: the two reports side by side, one table row per aligned pair of paragraphs.

One table keeps both sides in step (a row is as tall as its taller side) and scrolls as
one. Within a changed pair, what the newer report added is marked on the right, what it
dropped is struck through on the left, and the wording both share is dimmed; identical
paragraphs are dimmed whole. Every cell is a link (``a:ID`` / ``b:ID``) to its paragraph.
Built on a worker like the reading text (``typesetter.prepare``), then moved to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QThread
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from reader.core.analysis.compare import ADDED, CHANGED, REMOVED, SAME, Comparison, phrase_changes
from reader.core.document import ParagraphKind
from reader.ui.reading.appearance import Theme

_HEADING_KINDS = (ParagraphKind.PART, ParagraphKind.SECTION)


@dataclass(frozen=True)
class CompareColours:
    """How changes are marked under a theme."""

    added: str
    removed: str

    @staticmethod
    def for_theme(theme: Theme) -> CompareColours:
        """Green for added, red for dropped: pale on light themes, deep on the dark one."""
        if theme.name == "dark":
            return CompareColours("#1f4d2a", "#5c2626")
        return CompareColours("#d3f2d3", "#f9d3d3")


def _format(
    font: QFont, colour: str, background: str = "", strike: bool = False, bold: bool = False, anchor: str = ""
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(font)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setForeground(QColor(colour))
    if background:
        fmt.setBackground(QColor(background))
    fmt.setFontStrikeOut(strike)
    if anchor:
        fmt.setAnchor(True)
        fmt.setAnchorHref(anchor)
    return fmt


def typeset_comparison(
    comparison: Comparison, theme: Theme, font: QFont, width: int | None, target: QThread | None
) -> QTextDocument:
    """The comparison as a two-column table; safe on a worker thread.

    Args:
        comparison: What to show.
        theme: Reading theme (colours).
        font: Body font.
        width: Width of the view, to lay the text out now (None: the view lays it out).
        target: Thread the document must belong to (the GUI thread).

    Returns:
        The typeset document; row ``i`` of its table is ``comparison.paragraphs[i]`` (after a header row).
    """
    colours = CompareColours.for_theme(theme)
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    table_format = QTextTableFormat()
    table_format.setBorder(0)
    table_format.setCellPadding(font.pixelSize() * 0.35)
    table_format.setCellSpacing(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, 50), QTextLength(QTextLength.Type.PercentageLength, 50)]
    )
    table_format.setHeaderRowCount(1)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
    pairs = comparison.paragraphs
    table = cursor.insertTable(len(pairs) + 1, 2, table_format)
    heading = _format(font, theme.heading, bold=True)
    from reader.core.naming import display_name

    for column, report in enumerate((comparison.a, comparison.b)):
        table.cellAt(0, column).firstCursorPosition().insertText(display_name(report), heading)
    a, b = comparison.a, comparison.b
    for row, pair in enumerate(pairs, start=1):
        old = a.paragraph(pair.a) if pair.a else None
        new = b.paragraph(pair.b) if pair.b else None
        bold = any(p is not None and p.kind in _HEADING_KINDS for p in (old, new))
        left = table.cellAt(row, 0).firstCursorPosition()
        right = table.cellAt(row, 1).firstCursorPosition()
        if pair.op == SAME and old is not None and new is not None:
            left.insertText(old.text, _format(font, theme.muted, bold=bold, anchor=f"a:{old.id}"))
            right.insertText(new.text, _format(font, theme.muted, bold=bold, anchor=f"b:{new.id}"))
        elif pair.op == CHANGED and old is not None and new is not None:
            old_spans, new_spans = phrase_changes(old.text, new.text)
            for cursor, paragraph, spans, side, mark in (
                (left, old, old_spans, "a", REMOVED),
                (right, new, new_spans, "b", ADDED),
            ):
                background = colours.removed if mark == REMOVED else colours.added
                for span in spans:
                    changed = span.kind == mark
                    fmt = _format(
                        font,
                        theme.text if changed else theme.muted,
                        background if changed else "",
                        strike=changed and mark == REMOVED,
                        bold=bold,
                        anchor=f"{side}:{paragraph.id}",
                    )
                    cursor.insertText(paragraph.text[span.start : span.end], fmt)
        elif pair.op == REMOVED and old is not None:
            left.insertText(old.text, _format(font, theme.text, colours.removed, bold=bold, anchor=f"a:{old.id}"))
        elif new is not None:
            right.insertText(new.text, _format(font, theme.text, colours.added, bold=bold, anchor=f"b:{new.id}"))
    if width is not None:
        document.setTextWidth(width)
        document.documentLayout().documentSize()
    if target is not None and target is not document.thread():
        document.moveToThread(target)
    return document


def row_of_paragraph(comparison: Comparison, side: str, paragraph_id: str) -> int:
    """The table row (header excluded: first pair is 0) showing a paragraph of side ``a`` or ``b``."""
    for row, pair in enumerate(comparison.paragraphs):
        if getattr(pair, side) == paragraph_id:
            return row
    return -1
