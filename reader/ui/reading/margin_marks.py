"""The reading view's marks beside the text: bookmark ribbons and highlight bars in the margin, scroll-bar ticks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QWidget

from reader.ui.reading.highlight_layers import HighlightLayers
from reader.ui.reading.typesetter import TypeStyle

if TYPE_CHECKING:
    from reader.ui.highlights.passage_marks import PassageMarks, ScrollBarMarks


class MarginMarks(HighlightLayers):
    """Highlight layers plus what is drawn in the margin: ribbons (bookmarks) and bars (highlighted passages).

    Args:
        parent: The Qt parent.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style: TypeStyle | None = None
        self._block_of_paragraph: dict[int, int] = {}
        self._markers: set[int] = set()
        self._marker_color = QColor("#d9822b")
        self._mark_ranges: list[tuple[int, int, int, str]] = []
        # Made with the first marks (highlights): their module is not needed for the first paint.
        self.passage_marks: PassageMarks | None = None
        self.scroll_bar_marks: ScrollBarMarks | None = None

    def set_passage_marks(self, ranges: list[tuple[int, int, int, str]]) -> None:
        """Mark passages ``(paragraph index, start, end, colour)`` in the margin and on the scroll bar."""
        self._mark_ranges = list(ranges)
        if self.passage_marks is None or self.scroll_bar_marks is None:
            if not ranges:
                return
            from reader.ui.highlights.passage_marks import PassageMarks, ScrollBarMarks

            self.passage_marks = PassageMarks(self.document)
            self.scroll_bar_marks = ScrollBarMarks(
                self.verticalScrollBar(), self.passage_marks, lambda: self.document().size().height()
            )
        from reader.ui.highlights.passage_marks import Mark

        marks = []
        for index, start, end, color in ranges:
            base = self.paragraph_position(index)
            if base >= 0:
                marks.append(Mark(base + start, base + end, QColor(color)))
        self.passage_marks.set_marks(marks)
        self.viewport().update()
        self.scroll_bar_marks.update()

    def margin_mark_rects(self) -> list[tuple[QRectF, QColor]]:
        """Where the margin bars of the marked passages on screen are drawn (viewport coordinates)."""
        if not self.passage_marks or self._style is None:
            return []
        offset = self.verticalScrollBar().value()
        height = self.viewport().height()
        x = self.document().rootFrame().frameFormat().leftMargin() - self._style.font_px * 0.5
        return [
            (QRectF(max(1.0, x), placed.top - offset, 3.0, placed.bottom - placed.top), placed.color)
            for placed in self.passage_marks.placed()
            if placed.bottom > offset and placed.top < offset + height
        ]

    def set_markers(self, paragraph_indexes: set[int], color: str = "#d9822b") -> None:
        """Mark paragraphs (bookmarks) with a ribbon in the margin left of the column."""
        self._markers = set(paragraph_indexes)
        self._marker_color = QColor(color)
        self.viewport().update()

    def marker_rects(self) -> dict[int, QRectF]:
        """Where each visible marker is drawn (viewport coordinates)."""
        if not self._markers or self._style is None:
            return {}
        layout = self.document().documentLayout()
        offset = self.verticalScrollBar().value()
        root = self.document().rootFrame().frameFormat()
        x = root.leftMargin() - self._style.font_px * 1.3  # in the gutter, left of the column
        size = self._style.font_px * 0.7
        rects = {}
        height = self.viewport().height()
        for index in self._markers:
            number = self._block_of_paragraph.get(index)
            if number is None:
                continue
            top = layout.blockBoundingRect(self.document().findBlockByNumber(number)).top() - offset
            if -size * 2 < top < height:
                rects[index] = QRectF(max(2.0, x), top + size * 0.4, size, size * 1.4)
        return rects

    def paintEvent(self, event) -> None:  # noqa: D102 - Qt override
        super().paintEvent(event)
        bars = self.margin_mark_rects()
        if bars:
            painter = QPainter(self.viewport())
            for rect, color in bars:
                painter.fillRect(rect, color)
            painter.end()
        rects = self.marker_rects()
        if not rects:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._marker_color)
        for rect in rects.values():
            ribbon = QPolygonF(
                [
                    QPointF(rect.left(), rect.top()),
                    QPointF(rect.right(), rect.top()),
                    QPointF(rect.right(), rect.bottom()),
                    QPointF(rect.center().x(), rect.bottom() - rect.width() * 0.45),
                    QPointF(rect.left(), rect.bottom()),
                ]
            )
            painter.drawPolygon(ribbon)
        painter.end()
