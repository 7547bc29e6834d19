"""Player icons drawn in the palette's own text colour, so they read on light, sepia and dark themes.

The style's standard media pixmaps are fixed dark grey bitmaps: on the dark theme they all but
vanish. Drawing the few simple shapes ourselves (a triangle, two bars, a square…) keeps them
crisp at any device pixel ratio and in the colour the palette gives button text.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPixmap

ICON_KINDS = ("play", "pause", "stop", "previous", "next", "save", "bookmark")
_SIZES = (16, 32)  # 1× and 2× screens; Qt scales between them


def player_icon(kind: str, palette: QPalette) -> QIcon:
    """An icon for a player control, in the palette's button-text colour (and its disabled shade).

    Args:
        kind: One of ``ICON_KINDS``.
        palette: The palette the button is drawn with.

    Returns:
        The icon, with normal and disabled pixmaps at several sizes.
    """
    icon = QIcon()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    for size in _SIZES:
        icon.addPixmap(_draw(kind, size, normal), QIcon.Mode.Normal)
        icon.addPixmap(_draw(kind, size, disabled), QIcon.Mode.Disabled)
    return icon


def paint_shape(painter: QPainter, kind: str, rect: QRectF, colour: QColor) -> None:
    """Draw one of the shapes straight onto a painter (crisp at any scale, e.g. in an item delegate).

    Args:
        painter: Where to draw (its state is kept).
        kind: One of ``ICON_KINDS``.
        rect: The square to fill.
        colour: The fill colour.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.translate(rect.topLeft())
    painter.scale(rect.width() / 16, rect.height() / 16)
    for shape in _shapes(kind):
        painter.drawPath(shape)
    painter.restore()


def _draw(kind: str, size: int, colour: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.scale(size / 16, size / 16)  # the shapes are drawn on a 16 × 16 grid
    for shape in _shapes(kind):
        painter.drawPath(shape)
    painter.end()
    return pixmap


def _polygon(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    path.closeSubpath()
    return path


def _rect(x: float, y: float, width: float, height: float) -> QPainterPath:
    path = QPainterPath()
    path.addRect(QRectF(x, y, width, height))
    return path


def _shapes(kind: str) -> list[QPainterPath]:
    if kind == "play":
        return [_polygon((4, 2.5), (13.5, 8), (4, 13.5))]
    if kind == "pause":
        return [_rect(3.5, 2.5, 3.2, 11), _rect(9.3, 2.5, 3.2, 11)]
    if kind == "stop":
        return [_rect(3, 3, 10, 10)]
    if kind == "previous":
        return [_rect(2.5, 3, 2, 10), _polygon((13.5, 3), (13.5, 13), (5, 8))]
    if kind == "next":
        return [_polygon((2.5, 3), (2.5, 13), (11, 8)), _rect(11.5, 3, 2, 10)]
    if kind == "save":  # an arrow down into a tray: "write to a file"
        arrow = _polygon((6.5, 1.5), (9.5, 1.5), (9.5, 6.5), (12.5, 6.5), (8, 11), (3.5, 6.5), (6.5, 6.5))
        return [arrow, _rect(2, 12.5, 12, 2)]
    if kind == "bookmark":  # a ribbon with a notch: drawn, as the 🔖 emoji needs an emoji font
        return [_polygon((3.5, 1), (12.5, 1), (12.5, 15), (8, 11), (3.5, 15))]
    raise ValueError(f"no icon called {kind!r}")
