"""A term across the years: occurrences per report, as a table and a chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import LibraryEntry
from reader.ui.analysis.charts import LineChart
from reader.ui.analysis.tables import TREND_SERIES, LinkedTableTab, fill_regions, new_table, table_item


class TrendTab(LinkedTableTab):
    """A word or phrase across the library's reports: a line per region, a table of counts.

    Signals:
        trendRequested(str, str): the term and a region ('' = every region).
        openParagraph(str, str): a document id and paragraph id to show.
    """

    trendRequested = Signal(str, str)

    def __init__(self, families: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.term = QLineEdit()
        self.term.setAccessibleName(self.tr("Word or phrase"))
        self.term.setPlaceholderText(self.tr("数字经济, 新质生产力, 营商环境…"))
        self.term.returnPressed.connect(self._request)
        term_label = QLabel(self.tr("&Term:"))
        term_label.setBuddy(self.term)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Region"))
        region_label = QLabel(self.tr("&Region:"))
        region_label.setBuddy(self.region)
        self.go = QPushButton(self.tr("&Count"))
        self.go.clicked.connect(self._request)
        bar = QHBoxLayout()
        for widget in (term_label, self.term, region_label, self.region, self.go):
            bar.addWidget(widget)
        self.chart = LineChart(families, self.tr("Occurrences per year"))
        self.chart.pointClicked.connect(self._point_clicked)
        self.table = new_table(self.tr("Occurrences per report"))
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        self.summary = QLabel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def set_regions(self, entries: list[LibraryEntry], current: str) -> None:
        """Offer every region of the library (most reports first) and all of them together."""
        fill_regions(self.region, entries, current, self.tr("All regions"))

    def run(self) -> None:
        """Count the term in the box (as pressing the button does)."""
        self._request()

    def _request(self) -> None:
        term = self.term.text().strip()
        if term:
            self.summary.setText(self.tr("Counting…"))
            self.trendRequested.emit(term, self.region.currentData() or "")

    def show_trend(self, result) -> None:
        """Show a ``TrendResult``: the chart by region, the table by report."""
        points = result.points
        terms = result.series or {result.term: points}
        total = sum(p.count for p in points)
        using = sum(1 for p in points if p.count)
        text = self.tr("“%1” occurs %2 times in %3 of %4 reports")
        for number, value in enumerate((result.term, total, using, len(points)), start=1):
            text = text.replace(f"%{number}", str(value))
        self.summary.setText(text)
        series: dict[str, list] = {}
        if len(terms) > 1:  # several terms: a line each, per 10,000 characters, so years of any length compare
            for name, term_points in terms.items():
                by_year: dict[int, list] = {}
                for point in term_points:
                    if point.year is not None:
                        by_year.setdefault(point.year, []).append(point)
                series[name] = [
                    (
                        year,
                        round(sum(p.count for p in group) * 10_000 / max(1, sum(p.characters for p in group)), 2),
                        (group[0].doc, next((p.first_paragraph for p in group if p.count), "")),
                    )
                    for year, group in sorted(by_year.items())
                ]
            y_name = self.tr("Per 10,000 characters")
        else:
            for point in points:
                if point.year is not None:
                    series.setdefault(point.region or self.tr("Unknown region"), []).append(
                        (point.year, point.count, (point.doc, point.first_paragraph))
                    )
            y_name = self.tr("Occurrences")
        ranked = sorted(series, key=lambda r: -sum(p[1] for p in series[r]))[:TREND_SERIES]
        self.chart.show_series({r: sorted(series[r]) for r in ranked}, self.tr("Year"), y_name)
        self.table.setSortingEnabled(False)
        self.table.clear()
        headers = [self.tr("Year"), self.tr("Region"), self.tr("Report")]
        for name in terms:
            prefix = f"{name} " if len(terms) > 1 else ""
            headers += [prefix + self.tr("Occurrences"), prefix + self.tr("Per 10,000 characters")]
        headers.append(self.tr("Paragraphs"))
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(points))
        self.table.setHorizontalHeaderLabels(headers)
        for row, point in enumerate(points):
            link = (point.doc, point.first_paragraph) if point.count else None
            cells = [str(point.year or ""), point.region, point.title]
            for term_points in terms.values():
                cells += [str(term_points[row].count), f"{term_points[row].per_10k or 0:g}"]
            cells.append(str(point.paragraphs))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, table_item(text, link, number=column == 0 or column >= 3))
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)

    def _point_clicked(self, payload) -> None:
        doc, paragraph = payload
        if paragraph:
            self.openParagraph.emit(doc, paragraph)
