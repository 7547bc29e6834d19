"""Marks for passages (highlights): a bar in the margin beside their lines, a tick on the scroll bar.

The text itself shows a highlight's colour; these show where highlights are when the text does
not: the margin bar survives a dark selection over the words, and the scroll-bar ticks show the
whole report's highlights at once, as editors show search hits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QTextDocument
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget


@dataclass(frozen=True)
class Mark:
    """A marked passage: document positions (start, end) and its colour."""

    start: int
    end: int
    color: QColor


@dataclass(frozen=True)
class PlacedMark:
    """A mark laid out: its top and bottom in document coordinates."""

    top: float
    bottom: float
    color: QColor


class PassageMarks:
    """The marked passages of one text document, laid out once per layout.

    Args:
        document: Returns the text document currently shown (it changes with each report).
    """

    def __init__(self, document: Callable[[], QTextDocument]) -> None:
        self._document = document
        self._marks: list[Mark] = []
        self._placed: list[PlacedMark] = []
        self._placed_for: tuple = ()

    def set_marks(self, marks: list[Mark]) -> None:
        """Replace the marks."""
        self._marks = list(marks)
        self._placed_for = ()

    def __bool__(self) -> bool:
        return bool(self._marks)

    def placed(self) -> list[PlacedMark]:
        """Every mark's vertical span, recomputed only when the layout or the marks changed."""
        document = self._document()
        size = document.size()
        key = (id(document), document.revision(), size.width(), size.height(), len(self._marks))
        if key != self._placed_for:
            self._placed = [self._place(document, mark) for mark in self._marks]
            self._placed_for = key
        return self._placed

    @staticmethod
    def _place(document: QTextDocument, mark: Mark) -> PlacedMark:
        layout = document.documentLayout()

        def line_span(position: int) -> tuple[float, float]:
            block = document.findBlock(position)
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            line = text_layout.lineForTextPosition(position - block.position()) if text_layout else None
            if line is None or not line.isValid():
                rect = layout.blockBoundingRect(block)
                return rect.top(), rect.bottom()
            return top + line.y(), top + line.y() + line.height()

        top, _ = line_span(mark.start)
        _, bottom = line_span(max(mark.start, mark.end - 1))
        return PlacedMark(top, max(bottom, top + 1), mark.color)


class ScrollBarMarks(QWidget):
    """Ticks drawn over a scroll bar's groove where the marks are (clicks pass through).

    Args:
        bar: The scroll bar to draw on.
        marks: The marks to show.
        height: Returns the document's height, to place a mark along the groove.
    """

    def __init__(self, bar: QScrollBar, marks: PassageMarks, height: Callable[[], float]) -> None:
        super().__init__(bar)
        self.setObjectName("scrollBarMarks")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._bar = bar
        self._marks = marks
        self._height = height
        self.setGeometry(bar.rect())
        bar.installEventFilter(self)
        self.show()  # made after the scroll bar is on screen, a child stays hidden unless shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102 - Qt override
        if watched is self._bar and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._bar.rect())
        return False

    def groove(self) -> QRectF:
        """Where the handle can travel (between the arrow buttons, if the style has them)."""
        bar = self._bar
        option = QStyleOptionSlider()
        option.initFrom(bar)
        option.orientation = bar.orientation()
        option.minimum, option.maximum = bar.minimum(), bar.maximum()
        option.sliderPosition = option.sliderValue = bar.value()
        option.singleStep, option.pageStep = bar.singleStep(), bar.pageStep()
        option.subControls = QStyle.SubControl.SC_All
        rect = bar.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, bar
        )
        return QRectF(rect) if rect.isValid() and rect.height() > 0 else QRectF(self.rect())

    def tick_rects(self) -> list[tuple[QRectF, QColor]]:
        """Where each tick is drawn (this widget's coordinates)."""
        total = self._height()
        if not self._marks or total <= 0:
            return []
        groove = self.groove()
        ticks = []
        for placed in self._marks.placed():
            y = groove.top() + placed.top / total * groove.height()
            ticks.append((QRectF(groove.left() + 2, min(y, groove.bottom() - 3), groove.width() - 4, 3), placed.color))
        return ticks

    def paintEvent(self, event) -> None:  # noqa: D102 - Qt override
        ticks = self.tick_rects()
        if not ticks:
            return
        painter = QPainter(self)
        for rect, color in ticks:
            painter.fillRect(rect, color)
        painter.end()
