"""Concordance (KWIC): every occurrence of a term in context, sortable by its left or right context."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import LibraryEntry
from reader.ui.analysis.tables import LinkedTableTab, fill_regions, new_table, table_item


class _ContextItem(QTableWidgetItem):
    """A context cell that sorts by the words nearest the match: a left context read backwards."""

    def __init__(self, text: str, backwards: bool) -> None:
        super().__init__(text)
        self._key = text[::-1] if backwards else text

    def __lt__(self, other: QTableWidgetItem) -> bool:
        key = getattr(other, "_key", other.text())
        return self._key < key


class ConcordanceTab(LinkedTableTab):
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
        self.table = new_table(self.tr("Occurrences in context"))
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

    def run(self) -> None:
        """Look up the term in the box (as pressing Find does)."""
        self._request()

    def search(self, term: str) -> None:
        """Look up a term's occurrences (a term clicked elsewhere): as if typed and Find pressed."""
        self.term.setText(term)
        self._request()

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
            cells = [left, table_item(line.match, link), _ContextItem(line.right, backwards=False)]
            cells += [
                table_item(line.region, link),
                table_item(str(line.year or ""), link, number=True),
                table_item(line.title, link),
            ]
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, link)
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
