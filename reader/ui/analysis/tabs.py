"""The targets, words and trend tabs of the analysis window."""

from __future__ import annotations

import csv
import io
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.analysis.targets import indicator_key
from reader.core.document import Document
from reader.core.library import LibraryEntry
from reader.ui.analysis.charts import BarChart, LineChart

CHART_TERMS = 20  # bars in the words chart (the table lists more)
TREND_SERIES = 8  # lines in the trend chart when every region is shown


def table_csv(table: QTableWidget) -> str:
    """A table's header and cells as CSV (the rows' header first, when the table shows one)."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    labelled = table.verticalHeader().isVisible()
    header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    writer.writerow([table.tr("Indicator"), *header] if labelled else header)
    for row in range(table.rowCount()):
        cells = [(table.item(row, c).text() if table.item(row, c) else "") for c in range(table.columnCount())]
        if labelled:
            label = table.verticalHeaderItem(row)
            cells.insert(0, label.text() if label is not None else "")
        writer.writerow(cells)
    return stream.getvalue()


def cell_link(table: QTableWidget, row: int, column: int) -> tuple | None:
    """What a cell points at (a document and paragraph), if anything."""
    item = table.item(row, column)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def _item(text: str, link: tuple | None = None, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if link is not None:
        item.setData(Qt.ItemDataRole.UserRole, link)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        try:  # a figure sorts as a number (9 before 10), not as text
            value = float(text)
        except ValueError:
            return item
        item.setData(Qt.ItemDataRole.DisplayRole, int(value) if value.is_integer() else value)
    return item


def _new_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setAccessibleName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_regions(combo: QComboBox, entries: list[LibraryEntry], current: str, all_label: str) -> None:
    """A region chooser: every region of the library (most reports first), and all together first."""
    counts: dict[str, int] = {}
    for entry in entries:
        if entry.region:
            counts[entry.region] = counts.get(entry.region, 0) + 1
    chosen = combo.currentData() if combo.count() else current
    combo.clear()
    combo.addItem(all_label, "")
    for region in sorted(counts, key=lambda r: (-counts[r], r)):
        combo.addItem(f"{region} ({counts[region]})", region)
    index = combo.findData(chosen if chosen is not None else "")
    combo.setCurrentIndex(max(0, index))


class _LinkedTableTab(QWidget):
    """A tab whose table cells point at paragraphs of reports (``self.table``, ``openParagraph``)."""

    openParagraph = Signal(str, str)
    table: QTableWidget

    def _activated(self, row: int, column: int) -> None:
        link = cell_link(self.table, row, column)
        if link:
            self.openParagraph.emit(*link)

    def csv_text(self) -> str:
        """The table as CSV."""
        return table_csv(self.table)


class TargetsTab(_LinkedTableTab):
    """主要预期目标: a region's reports year by year with the achieved figures, or one year's regions.

    The cross-section view puts one year's targets of every region side by side.

    Signals:
        openParagraph(str, str): a document id and paragraph id to show.
        viewChanged(str): "years" or "regions".
    """

    viewChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QComboBox()
        self.view.setAccessibleName(self.tr("Targets view"))
        self.view.addItem(self.tr("This region, year by year"), "years")
        self.view.addItem(self.tr("Every region, this year"), "regions")
        self.view.currentIndexChanged.connect(lambda _i: self.viewChanged.emit(self.view.currentData()))
        view_label = QLabel(self.tr("&Show:"))
        view_label.setBuddy(self.view)
        bar = QHBoxLayout()
        bar.addWidget(view_label)
        bar.addWidget(self.view)
        bar.addStretch(1)
        self.passage = QLabel()
        self.passage.setWordWrap(True)
        self.passage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = _new_table(self.tr("Targets by year"))
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.passage)
        layout.addWidget(self.table, 1)

    def current_view(self) -> str:
        """Which view is chosen: "years" or "regions"."""
        return self.view.currentData() or "years"

    def show_regions(self, regions: list) -> None:
        """Show one year's ``YearTargets`` of every region: a column a region, a row an indicator."""
        regions = [r for r in regions if r.targets.targets]
        year = next((r.year for r in regions if r.year), "")
        self.passage.setText(self.tr("Targets of %1 for every region in the library").replace("%1", str(year)))
        rows: dict[str, dict[int, tuple]] = {}
        for column, item in enumerate(regions):
            for target in item.targets.targets:
                rows.setdefault(indicator_key(target.indicator), {})[column] = (target, item.doc)
        self._fill([item.title for item in regions], rows)

    def _fill(self, headers: list[str], rows: dict[str, dict[int, tuple]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(headers)
        # The indicators are the rows' header: it stays in view when the columns scroll, and is as
        # wide as the longest name (never "国…").
        self.table.setVerticalHeaderLabels(list(rows))
        self.table.verticalHeader().setVisible(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for row, cells in enumerate(rows.values()):
            for column, (target, doc) in cells.items():
                text = target.figure() if target.numeric else "✓"
                cell = _item(text, (doc, target.paragraph), number=target.numeric)
                cell.setToolTip(target.text)
                self.table.setItem(row, column, cell)

    def show_waiting(self) -> None:
        """Say that the targets are being read."""
        self.passage.setText(self.tr("Reading the targets…"))

    def show_targets(self, years: list, current_doc: str) -> None:
        """Show ``YearTargets`` oldest first: a target column per year, an achieved column where known."""
        current = next((y for y in years if y.doc == current_doc), None)
        if current is None or not current.targets.targets:
            self.passage.setText(self.tr("This report states no 主要预期目标 (main targets)."))
        else:
            self.passage.setText(self.tr("Targets as the report states them: ") + current.targets.passage)
        # Only years with data: a report that states no targets and reports no results is no column.
        years = [y for y in years if y.targets.targets or y.targets.achieved or y.doc == current_doc]
        columns: list[tuple[str, str, object]] = []  # (header, kind, YearTargets)
        by_year = {y.year: y for y in years}
        for item in years:
            label = str(item.year) if item.year else item.title
            following = by_year.get(item.year + 1) if item.year else None
            columns.append((self.tr("%1 target").replace("%1", label), "target", item))
            if following is not None and following.targets.achieved:
                columns.append((self.tr("%1 achieved").replace("%1", label), "achieved", following))
        if years and years[0].year and years[0].targets.achieved:  # the year before the first report
            columns.insert(0, (self.tr("%1 achieved").replace("%1", str(years[0].year - 1)), "achieved", years[0]))
        rows: dict[str, dict[int, tuple]] = {}
        order = [current] if current is not None else []
        order += [y for y in reversed(years) if y is not current]
        for item in order:  # rows in the order of the open report, then of the newest others
            for target in item.targets.targets:
                rows.setdefault(indicator_key(target.indicator), {})
        for column, (_header, kind, item) in enumerate(columns):
            source = item.targets.targets if kind == "target" else item.targets.achieved
            for target in source:
                rows.setdefault(indicator_key(target.indicator), {})[column] = (target, item.doc)
        self._fill([c[0] for c in columns], rows)


class TermsTab(QWidget):
    """高频词: a bar chart and a table of a report's (or a section's) most frequent words.

    Signals:
        scopeChanged(str): an outline node id ('' = the whole report).
        searchTerm(str): a word to search in the report (a bar of the chart).
        concordanceTerm(str): a word whose concordance to show (a row of the table).
    """

    scopeChanged = Signal(str)
    searchTerm = Signal(str)
    concordanceTerm = Signal(str)

    def __init__(self, families: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Part of the report"))
        self.scope.currentIndexChanged.connect(lambda _i: self.scopeChanged.emit(self.scope.currentData() or ""))
        scope_label = QLabel(self.tr("&Words of:"))
        scope_label.setBuddy(self.scope)
        bar = QHBoxLayout()
        bar.addWidget(scope_label)
        bar.addWidget(self.scope, 1)
        self.chart = BarChart(families, self.tr("Word"))
        self.chart.barClicked.connect(self.searchTerm)
        self.table = _new_table(self.tr("Word frequencies"))
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.hint = QLabel(self.tr("Click a word to search for it in the report."))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)

    def set_document(self, document: Document, node_id: str | None) -> None:
        """Offer the whole report and its first two outline levels."""
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("The whole report"), "")

        def add(nodes, depth: int) -> None:
            for node in nodes:
                self.scope.addItem("　" * depth + node.title[:40], node.id)
                if depth < 1:
                    add(node.children, depth + 1)

        add(document.outline, 0)
        index = self.scope.findData(node_id or "")
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)

    def show_terms(self, terms: list) -> None:
        """Show ``TermCount`` items, most frequent first."""
        top = terms[:CHART_TERMS]
        self.chart.show_bars([t.term for t in top], [t.count for t in top], self.tr("Count"))
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(4)
        self.table.setRowCount(len(terms))
        # Count: at word boundaries; In search: every occurrence, as search finds it; Keyness: against
        # general Chinese (how much more this report uses the word than the language does).
        self.table.setHorizontalHeaderLabels(
            [self.tr("Word"), self.tr("Count"), self.tr("In search"), self.tr("Keyness")]
        )
        for row, term in enumerate(terms):
            self.table.setItem(row, 0, _item(term.term, (term.term,)))
            self.table.setItem(row, 1, _item(str(term.count), (term.term,), number=True))
            self.table.setItem(row, 2, _item(str(term.occurrences or term.count), (term.term,), number=True))
            self.table.setItem(row, 3, _item(f"{term.score:g}", (term.term,), number=True))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)

    def _activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.concordanceTerm.emit(item.text())


class TrendTab(_LinkedTableTab):
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
        self.table = _new_table(self.tr("Occurrences per report"))
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
                self.table.setItem(row, column, _item(text, link, number=column == 0 or column >= 3))
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)

    def _point_clicked(self, payload) -> None:
        doc, paragraph = payload
        if paragraph:
            self.openParagraph.emit(doc, paragraph)


class _ContextItem(QTableWidgetItem):
    """A context cell that sorts by the words nearest the match: a left context read backwards."""

    def __init__(self, text: str, backwards: bool) -> None:
        super().__init__(text)
        self._key = text[::-1] if backwards else text

    def __lt__(self, other: QTableWidgetItem) -> bool:
        key = getattr(other, "_key", other.text())
        return self._key < key


class ConcordanceTab(_LinkedTableTab):
    """A concordance (KWIC): every occurrence of a term across the library, the match centred.

    Sorting a column sorts the lines: by the left context read from the match outwards (the
    words just before the term group together), by the right context, by region or by year.

    Signals:
        concordanceRequested(str, str): the term and a region ('' = every region).
        openParagraph(str, str): a document id and paragraph id to show.
    """

    concordanceRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
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
        self.go = QPushButton(self.tr("&Find"))
        self.go.clicked.connect(self._request)
        bar = QHBoxLayout()
        for widget in (term_label, self.term, region_label, self.region, self.go):
            bar.addWidget(widget)
        self.summary = QLabel()
        self.table = _new_table(self.tr("Occurrences in context"))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def set_regions(self, entries: list[LibraryEntry], current: str) -> None:
        """Offer every region of the library (most reports first) and all of them together."""
        fill_regions(self.region, entries, current, self.tr("All regions"))

    def _request(self) -> None:
        term = self.term.text().strip()
        if term:
            self.summary.setText(self.tr("Looking…"))
            self.concordanceRequested.emit(term, self.region.currentData() or "")

    def show_lines(self, result) -> None:
        """Show a ``ConcordanceResult``, one row per occurrence, in the library's reading order."""
        lines = result.lines
        reports = len({line.doc for line in lines})
        self.summary.setText(
            self.tr("“%1”: %2 occurrences in %3 reports")
            .replace("%1", result.term)
            .replace("%2", str(len(lines)))
            .replace("%3", str(reports))
        )
        self.table.setSortingEnabled(False)
        self.table.clear()
        headers = [self.tr("Left"), self.tr("Match"), self.tr("Right"), self.tr("Region"), self.tr("Year")]
        headers.append(self.tr("Report"))
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(lines))
        self.table.setHorizontalHeaderLabels(headers)
        for row, line in enumerate(lines):
            link = (line.doc, line.paragraph)
            left = _ContextItem(line.left, backwards=True)
            left.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = [left, _item(line.match, link), _ContextItem(line.right, backwards=False)]
            cells += [_item(line.region, link), _item(str(line.year or ""), link, number=True), _item(line.title, link)]
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, link)
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
