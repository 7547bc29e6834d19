"""The analysis window's tables: helpers every tab shares (CSV, links, regions) and the base of a linked table."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from reader.core.library import LibraryEntry

CHART_TERMS = 20  # bars in the words chart (the table lists more)
TREND_SERIES = 8  # lines in the trend chart when every region is shown


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def table_csv(table: QTableWidget) -> str:
    """A table's header and cells as CSV (the rows' header first, when the table shows one)."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    labelled = table.verticalHeader().isVisible()
    header = [_text(table.horizontalHeaderItem(c)) for c in range(table.columnCount())]
    writer.writerow([table.tr("Indicator"), *header] if labelled else header)
    for row in range(table.rowCount()):
        cells = [_text(table.item(row, c)) for c in range(table.columnCount())]
        if labelled:
            label = table.verticalHeaderItem(row)
            cells.insert(0, label.text() if label is not None else "")
        writer.writerow(cells)
    return stream.getvalue()


def cell_link(table: QTableWidget, row: int, column: int) -> tuple | None:
    """What a cell points at (a document and paragraph), if anything."""
    item = table.item(row, column)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def table_item(text: str, link: tuple | None = None, number: bool = False) -> QTableWidgetItem:
    """A read-only cell; ``link`` is where a double click goes, ``number`` right-aligns and sorts numerically."""
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


def new_table(name: str) -> QTableWidget:
    """A read-only, sortable table with an accessible name."""
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


class LinkedTableTab(QWidget):
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
