"""Tab order in screen order: the window read as a page, the same both ways."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget


def tab_stops_in_screen_order(window: QMainWindow) -> list[QWidget]:
    """The window's Tab stops: what is on screen and takes Tab, in reading order.

    The toolbar first, then the left docks, the middle (document information, the text,
    the player), the right docks; each top to bottom, left to right.
    """
    middle = window.centralWidget()
    central = middle.geometry() if middle is not None else window.rect()
    found = []
    for widget in window.findChildren(QWidget):
        if (
            widget.window() is not window
            or not widget.isVisible()
            or not widget.isEnabled()
            or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            or widget.focusProxy() is not None
            or widget.visibleRegion().isEmpty()
        ):
            continue
        corner = widget.mapTo(window, QPoint(0, 0))
        if isinstance(widget.parentWidget(), QToolBar) or corner.y() < central.top() - 2:
            band = 0
        elif corner.x() + widget.width() <= central.left():
            band = 1
        elif corner.x() >= central.right():
            band = 3
        else:
            band = 2
        found.append((band, corner.y(), corner.y() + widget.height(), corner.x(), widget))
    found.sort(key=lambda item: item[:2])
    # Rows: widgets side by side (a player's buttons, slider and combo differ in height) are read left
    # to right; a widget is in the row of the one above when its middle lies within that one's height.
    ordered: list[tuple[int, int, int, int, QWidget]] = []
    row: list[tuple[int, int, int, int, QWidget]] = []
    for item in found:
        band, top, bottom, _x, _widget = item
        if row and (band != row[0][0] or not row[0][1] <= (top + bottom) / 2 <= row[0][2]):
            ordered.extend(sorted(row, key=lambda entry: entry[3]))
            row = []
        row.append(item)
    ordered.extend(sorted(row, key=lambda entry: entry[3]))
    return [entry[4] for entry in ordered]
