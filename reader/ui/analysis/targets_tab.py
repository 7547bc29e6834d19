"""主要预期目标: a report's targets beside last year's achieved figures, across years or regions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reader.core.analysis.targets import indicator_key
from reader.ui.analysis.tables import LinkedTableTab, new_table, table_item

if TYPE_CHECKING:
    from reader.services.analysis import YearTargets


class TargetsTab(LinkedTableTab):
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
        self.table = new_table(self.tr("Targets by year"))
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
                cell = table_item(text, (doc, target.paragraph), number=target.numeric)
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
        columns: list[tuple[str, str, YearTargets]] = []  # (header, kind, the year)
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
