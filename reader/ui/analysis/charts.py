"""Charts of the analysis window (pyqtgraph, imported only when a chart is first shown).

pyqtgraph draws with QtGui on NumPy, both already shipped; QtCharts would pull in
PySide6-Addons (a second 200 MB wheel). Labels use the reading view's CJK font and
colours follow the reading theme. Every chart saves itself as PNG and its data as CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.ui.reading.appearance import Theme

# Distinct line colours that read on light, sepia and dark backgrounds.
SERIES_COLOURS = ("#d1495b", "#2e86ab", "#3b8b5a", "#e09f3e", "#7b4ea3", "#5d6d7e", "#c2185b", "#00838f")


def _font(families: Sequence[str], px: int) -> QFont:
    font = QFont()
    if families:
        font.setFamilies(list(families))
    font.setPixelSize(px)
    return font


class Chart(QWidget):
    """A pyqtgraph plot with the app's font and theme, PNG and CSV export.

    Args:
        families: Font families (CJK first) for labels.
        accessible_name: What a screen reader announces.
        parent: Qt parent.
    """

    def __init__(self, families: Sequence[str], accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._families = tuple(families)
        self.plot = pg.PlotWidget(self)
        self.plot.setAccessibleName(accessible_name)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._rows: list[list] = []
        self._header: list[str] = []
        self.theme: Theme | None = None

    def apply_theme(self, theme: Theme) -> None:
        """Colours of the reading theme."""
        self.theme = theme
        self.plot.setBackground(QColor(theme.background))
        font = _font(self._families, 12)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(theme.muted))
            axis.setTextPen(pg.mkPen(theme.text))
            axis.setStyle(tickFont=font)
            axis.label.setFont(font)

    def set_table(self, header: list[str], rows: list[list]) -> None:
        """The data behind the chart, as CSV exports it."""
        self._header, self._rows = header, rows

    def csv_text(self) -> str:
        """The chart's data as CSV (UTF-8 with a header row)."""
        stream = io.StringIO()
        writer = csv.writer(stream)
        writer.writerow(self._header)
        writer.writerows(self._rows)
        return stream.getvalue()

    def save_png(self, path: str) -> bool:
        """Save what the chart shows as a PNG image."""
        return self.plot.grab().save(path, "PNG")

    def _text_item(self, text: str, colour: str, anchor: tuple[float, float]) -> pg.TextItem:
        item = pg.TextItem(text, color=colour, anchor=anchor)
        item.setFont(_font(self._families, 12))
        return item


class BarChart(Chart):
    """Horizontal bars: words and their counts, the most frequent on top.

    Signals:
        barClicked(str): the label of the bar clicked.
    """

    barClicked = Signal(str)

    def __init__(self, families: Sequence[str], accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(families, accessible_name, parent)
        self._labels: list[str] = []
        self.plot.scene().sigMouseClicked.connect(self._clicked)

    def show_bars(self, labels: list[str], values: list[int], value_name: str) -> None:
        """Draw one bar per label (first label on top)."""
        self.plot.clear()
        self._labels = list(labels)
        self.set_table(
            [self.plot.accessibleName(), value_name],
            [[label, value] for label, value in zip(labels, values, strict=True)],
        )
        if not labels:
            return
        theme = self.theme
        colour = theme.heading if theme else SERIES_COLOURS[0]
        count = len(labels)
        ys = [count - 1 - i for i in range(count)]
        bars = pg.BarGraphItem(x0=0, y=ys, height=0.7, width=values, brush=QColor(colour), pen=pg.mkPen(None))
        self.plot.addItem(bars)
        left = self.plot.getAxis("left")
        left.setTicks([[(y, label) for y, label in zip(ys, labels, strict=True)]])
        text_colour = theme.text if theme else "#000"
        for y, value in zip(ys, values, strict=True):
            label = self._text_item(str(value), text_colour, (0, 0.5))
            label.setPos(value, y)
            self.plot.addItem(label)
        self.plot.setXRange(0, max(values) * 1.12 or 1, padding=0)
        self.plot.setYRange(-0.6, count - 0.4, padding=0)

    def _clicked(self, event) -> None:
        if not self._labels or event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.plot.plotItem.vb.mapSceneToView(event.scenePos())
        row = len(self._labels) - 1 - round(point.y())
        if 0 <= row < len(self._labels) and point.x() >= 0:
            self.barClicked.emit(self._labels[row])


class LineChart(Chart):
    """Counts over years, one line per series; a click on a point names it.

    Signals:
        pointClicked(object): the payload given with the point clicked.
    """

    pointClicked = Signal(object)

    def show_series(self, series: dict[str, list[tuple[int, int, object]]], x_name: str, y_name: str) -> None:
        """Draw each series: name → [(year, count, payload)], with a legend when there are several."""
        self.plot.clear()
        if self.plot.plotItem.legend is not None:
            self.plot.plotItem.legend.scene().removeItem(self.plot.plotItem.legend)
            self.plot.plotItem.legend = None
        rows: list[Any] = []
        if len(series) > 1:
            legend = self.plot.addLegend(offset=(10, 10))
            legend.setLabelTextColor(self.theme.text if self.theme else "#000")
        years: set[int] = set()
        for number, (name, points) in enumerate(series.items()):
            colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            years.update(xs)
            item = self.plot.plot(
                xs,
                ys,
                pen=pg.mkPen(colour, width=2),
                symbol="o",
                symbolSize=9,
                symbolBrush=QColor(colour),
                symbolPen=pg.mkPen(colour),
                name=name,
            )
            item.scatter.setData(
                x=xs, y=ys, data=[p[2] for p in points], symbol="o", size=9, brush=QColor(colour), pen=pg.mkPen(colour)
            )
            item.scatter.sigClicked.connect(self._clicked)
            rows.extend([name, x, y] for x, y in zip(xs, ys, strict=True))
        self.set_table(["series", x_name, y_name], rows)
        bottom = self.plot.getAxis("bottom")
        ordered = sorted(years)
        step = max(1, len(ordered) // 12)
        bottom.setTicks([[(year, str(year)) for year in ordered[::step]]])
        self.plot.getAxis("left").setLabel(y_name)
        highest = max((p[1] for points in series.values() for p in points), default=0)
        self.plot.setYRange(0, max(1, highest) * 1.08, padding=0)  # counts start at zero
        if ordered:
            self.plot.setXRange(ordered[0], ordered[-1], padding=0.04)

    def _clicked(self, _scatter, points, _event=None) -> None:
        if len(points):
            self.pointClicked.emit(points[0].data())
