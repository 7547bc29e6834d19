"""The library dock as a catalogue: 地区, 年份, 类型, 标题, 报告人, 日期, 字数 — sorted, grouped, filtered.

A tree view over a virtual model (``catalogue_model``): sorting any column, grouping by
region or year (collapsible group rows) and a filter that matches every column reorder
row numbers, and the view makes only the rows it paints, so 10,000 reports stay immediate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeView,
    QWidget,
)

from reader.ui.common.widgets import WrappingRow, filter_box, fit_button, labelled, panel_body
from reader.ui.library.catalogue_model import GROUPINGS, ID_ROLE, CatalogueModel
from reader.ui.library.import_progress import ImportProgress

if TYPE_CHECKING:
    from reader.core.library import LibraryEntry

__all__ = ["GROUPINGS", "LibraryPanel"]


class LibraryPanel(QWidget):
    """The catalogue of imported reports, with import (progress, cancel), open and remove.

    Signals:
        openRequested(str): a document id to open.
        removeRequested(list): document ids to remove.
        importFilesRequested(), importFolderRequested(), importUrlRequested()
        cancelImportRequested()
    """

    openRequested = Signal(str)
    removeRequested = Signal(list)
    importFilesRequested = Signal()
    importFolderRequested = Signal()
    importUrlRequested = Signal()
    cancelImportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        body, layout = panel_body(self)
        row = WrappingRow(body)  # in a narrow dock the grouping goes under the filter box
        self.filter_box = filter_box(body, self.tr("Filter library"), self.tr("Filter library"))
        self.grouping = QComboBox(body)
        choices = ((self.tr("No groups"), "none"), (self.tr("By region"), "region"), (self.tr("By year"), "year"))
        for text, key in choices:
            self.grouping.addItem(text, key)
        self.grouping.setAccessibleName(self.tr("Group the library"))
        row.add_group([self.filter_box], 1, self.filter_box)
        row.add_group([labelled(self.tr("&Group:"), self.grouping, body), self.grouping])
        layout.addWidget(row)
        self.model = CatalogueModel(
            self._headers(),
            lambda label, count: self.tr("%1 (%2)").replace("%1", label).replace("%2", str(count)),
            self.tr("(unknown)"),
            self,
        )
        self.proxy = self.model  # sorted and filtered in the model itself
        self.list = QTreeView(body)
        self.list.setObjectName("libraryList")
        self.list.setAccessibleName(self.tr("Library documents"))
        self.list.setModel(self.proxy)
        self.list.setUniformRowHeights(True)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.list.header()
        header.setStretchLastSection(False)
        # Fixed starting widths: sizing columns to their contents would measure every row on every change.
        for column, characters in enumerate((5, 5, 7, 0, 5, 7, 6)):
            if column == 3:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, self.fontMetrics().horizontalAdvance("国") * characters + 12)
        layout.addWidget(self.list, 1)
        self.import_progress = ImportProgress(body)
        layout.addWidget(self.import_progress)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import"), body)
        self.import_button.setAccessibleName(self.tr("Import documents"))
        menu = QMenu(self.import_button)
        menu.addAction(self.tr("Files…"), self.importFilesRequested.emit)
        menu.addAction(self.tr("Folder…"), self.importFolderRequested.emit)
        menu.addAction(self.tr("URL…"), self.importUrlRequested.emit)
        self.import_button.setMenu(menu)
        self.open_button = QPushButton(self.tr("Open"), body)
        self.remove_button = QPushButton(self.tr("Remove"), body)
        for button in (self.import_button, self.open_button, self.remove_button):
            buttons.addWidget(fit_button(button))
        layout.addLayout(buttons)
        # Where F6 lands (not a focus proxy: a proxy would make Tab skip the controls above it).
        self.focus_target = self.list
        self._bundled_ids: set[str] = set()
        self._kept_selection: tuple[set[str], str | None] = (set(), None)
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._after_reset)
        self.list.activated.connect(self._open_index)
        self.open_button.clicked.connect(lambda: self._open_index(self.list.currentIndex()))
        self.remove_button.clicked.connect(self._remove_selected)
        self.import_progress.cancelRequested.connect(self.cancelImportRequested.emit)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.filter_box.textChanged.connect(self.model.set_filter)
        self.grouping.currentIndexChanged.connect(lambda _i: self.model.set_grouping(self.grouping.currentData()))
        self._update_buttons()

    def _headers(self) -> list[str]:
        return [
            self.tr("Region"),
            self.tr("Year"),
            self.tr("Kind"),
            self.tr("Title"),
            self.tr("Speaker"),
            self.tr("Date"),
            self.tr("Characters"),
        ]

    # Showing -----------------------------------------------------------------------
    def show_entries(self, entries: list[LibraryEntry]) -> None:
        """Show the catalog."""
        self._bundled_ids = {entry.id for entry in entries if entry.bundled}
        self.model.set_entries(entries)

    def set_grouping(self, grouping: str) -> None:
        """Group by "region", "year", or "none"."""
        self.grouping.setCurrentIndex(max(self.grouping.findData(grouping), 0))

    def _keep_selection(self) -> None:
        """Before the rows change: the selected and current reports, to select them again after."""
        current = self.list.currentIndex()
        self._kept_selection = (set(self.selected_ids()), current.data(ID_ROLE) if current.isValid() else None)

    def _after_reset(self) -> None:
        """After the rows changed: groups open, the same reports selected and current."""
        selected, current = self._kept_selection
        self.list.setUpdatesEnabled(False)
        for group in self.model.group_indexes():
            self.list.setExpanded(group, True)
        if selected:
            self._select(selected)
        if current:
            index = self.model.index_of(current)
            if index.isValid():
                self.list.selectionModel().setCurrentIndex(index, self.list.selectionModel().SelectionFlag.NoUpdate)
        self.list.setUpdatesEnabled(True)
        self._update_buttons()

    def visible_ids(self) -> list[str]:
        """Ids of the reports the view shows now (filtered, sorted, in groups), top to bottom."""
        return self.model.ids_in_view_order()

    def select_id(self, document_id: str) -> None:
        """Make a report the current and only selected row."""
        self.list.clearSelection()
        index = self.model.index_of(document_id)
        if index.isValid():
            self._select({document_id})
            self.list.setCurrentIndex(index)

    # Selection -------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """Ids of the selected reports (group rows select nothing)."""
        ids: list[str] = []
        for index in self.list.selectionModel().selectedRows(0) if self.list.selectionModel() else []:
            document_id = index.data(ID_ROLE)
            if document_id and document_id not in ids:
                ids.append(document_id)
        return ids

    def _select(self, ids: set[str]) -> None:
        selection = self.list.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows  # type: ignore[attr-defined]
        for document_id in ids:
            index = self.model.index_of(document_id)
            if index.isValid():
                selection.select(index, flags)

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        current = self.list.currentIndex().data(ID_ROLE)
        self.open_button.setEnabled(bool(current or ids))
        removable = [i for i in ids if not self._bundled(i)]
        self.remove_button.setEnabled(bool(removable))

    def _bundled(self, document_id: str) -> bool:
        return document_id in self._bundled_ids

    def _open_index(self, index: QModelIndex) -> None:
        document_id = index.data(ID_ROLE) if index.isValid() else None
        if not document_id and self.selected_ids():
            document_id = self.selected_ids()[0]
        if document_id:
            self.openRequested.emit(document_id)

    def _remove_selected(self) -> None:
        ids = [i for i in self.selected_ids() if not self._bundled(i)]
        if ids:
            self.removeRequested.emit(ids)

    def show_progress(self, done: int, total: int, _current: str) -> None:
        """Import progress with a cancel button (hidden when done)."""
        self.import_progress.show_progress(done, total)

    def show_pace(self, per_second: float, seconds_left: float) -> None:
        """How fast the import goes and the time it has left."""
        self.import_progress.show_pace(per_second, seconds_left)

    def _context_menu(self, position) -> None:
        index = self.list.indexAt(position)
        if not index.isValid() or not index.data(ID_ROLE):
            return
        menu = QMenu(self.list)
        menu.addAction(self.tr("Open"), lambda: self._open_index(index))
        remove = menu.addAction(self.tr("Remove"), self._remove_selected)
        remove.setEnabled(bool([i for i in self.selected_ids() if not self._bundled(i)]))
        menu.exec(self.list.viewport().mapToGlobal(position))
