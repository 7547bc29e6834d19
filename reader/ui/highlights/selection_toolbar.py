"""The small toolbar that appears over a selection made with the mouse: highlight it in a colour.

What Foliate and calibre's viewer offer: a selection is usually made to be marked, so the
colours are one click away. It never takes the focus (the keyboard has Ctrl+H and the context
menu) and goes away when the selection does, on a scroll, a key or Esc.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton

from reader.ui.highlights.panel import color_names
from reader.ui.reading.appearance import HIGHLIGHT_MARK_COLORS
from reader.ui.reading.reading_view import ReadingView

_SWATCH = 18


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(_SWATCH, _SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#00000040"))
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, _SWATCH - 2, _SWATCH - 2)
    painter.end()
    return QIcon(pixmap)


class SelectionToolbar(QFrame):
    """Colour buttons, underline and "with a note", floating over the text above a selection.

    Args:
        view: The reading view whose selections it serves (it lives on its viewport); it shows
            when the mouse finishes a selection there.

    Signals:
        highlightRequested(str, str, bool): colour, style ("highlight" or "underline") and whether
            to ask for a note.
    """

    highlightRequested = Signal(str, str, bool)

    def __init__(self, view: ReadingView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("selectionToolbar")
        self.setAccessibleName(self.tr("Highlight the selection"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        names = color_names()
        for key, color in HIGHLIGHT_MARK_COLORS.items():
            label = self.tr("Highlight in %1").replace("%1", names[key])
            self.buttons[key] = self._button(label, lambda _checked=False, c=key: self._chosen(c, "highlight", False))
            self.buttons[key].setIcon(_swatch(color))
        self.buttons["underline"] = self._button(
            self.tr("Underline"), lambda _checked=False: self._chosen("yellow", "underline", False), "U̲"
        )
        self.buttons["note"] = self._button(
            self.tr("Highlight with a Note…"), lambda _checked=False: self._chosen("", "highlight", True), "✎"
        )
        for button in self.buttons.values():
            layout.addWidget(button)
        self.hide()
        view.selectionChanged.connect(self._selection_changed)
        view.selectionMade.connect(self.show_near)
        view.verticalScrollBar().valueChanged.connect(lambda _value: self.hide())
        view.installEventFilter(self)

    def _button(self, label: str, slot, text: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setAccessibleName(label)
        button.setToolTip(label)
        button.setText(text)
        button.setIconSize(QSize(_SWATCH, _SWATCH))
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus stays in the text
        button.clicked.connect(slot)
        return button

    def _chosen(self, color: str, style: str, with_note: bool) -> None:
        self.hide()
        self.highlightRequested.emit(color, style, with_note)

    def show_near(self, point: QPoint) -> None:
        """Show above the selection's end, where the mouse let go (below it near the top)."""
        self.adjustSize()
        parent = self.parentWidget()
        if parent is None:
            return
        area = parent.rect()
        end = self._view.cursorRect(self._view.textCursor())
        x = min(max(0, point.x() - self.width() // 2), max(0, area.width() - self.width()))
        y = end.top() - self.height() - 6
        if y < 0:
            y = end.bottom() + 6
        self.move(x, min(y, max(0, area.height() - self.height())))
        self.show()
        self.raise_()

    def _selection_changed(self) -> None:
        if not self._view.textCursor().hasSelection():
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102 - Qt override
        # ShortcutOverride too: a key bound to an action (Esc) never arrives as a KeyPress.
        keys = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.FocusOut)
        if watched is self._view and event.type() in keys:
            if event.type() == QEvent.Type.FocusOut and self.underMouse():
                return False  # a click on the toolbar itself
            self.hide()
        return False
