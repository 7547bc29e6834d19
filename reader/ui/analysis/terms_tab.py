"""高频词 / 关键词: the words a report stresses, each opening its concordance."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Document
from reader.ui.analysis.charts import BarChart
from reader.ui.analysis.tables import CHART_TERMS, new_table, table_csv, table_item


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

    def csv_text(self) -> str:
        """The word table as CSV."""
        return table_csv(self.table)

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
        self.table = new_table(self.tr("Word frequencies"))
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
            self.table.setItem(row, 0, table_item(term.term, (term.term,)))
            self.table.setItem(row, 1, table_item(str(term.count), (term.term,), number=True))
            self.table.setItem(row, 2, table_item(str(term.occurrences or term.count), (term.term,), number=True))
            self.table.setItem(row, 3, table_item(f"{term.score:g}", (term.term,), number=True))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)

    def _activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.concordanceTerm.emit(item.text())
