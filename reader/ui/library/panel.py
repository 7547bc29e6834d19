"""The library dock as a catalogue: 地区, 年份, 类型, 标题, 报告人, 日期, 字数 — sorted, grouped, filtered.

A tree view over a standard item model behind a sort/filter proxy: sorting any column,
grouping by region or year (collapsible group rows) and a filter that matches every
column all happen in Qt's C++, so a library of a thousand reports stays immediate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
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
from reader.ui.library.import_progress import ImportProgress

if TYPE_CHECKING:
    from reader.core.library import LibraryEntry

ID_ROLE = Qt.ItemDataRole.UserRole
BUNDLED_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
GROUPINGS = ("none", "region", "year")


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
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(self._headers())
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)  # a group stays while one of its reports matches
        self.proxy.setSortRole(SORT_ROLE)
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
        self._entries: list[LibraryEntry] = []
        self._rows: dict[str, list[QStandardItem]] = {}
        self.list.activated.connect(self._open_index)
        self.open_button.clicked.connect(lambda: self._open_index(self.list.currentIndex()))
        self.remove_button.clicked.connect(self._remove_selected)
        self.import_progress.cancelRequested.connect(self.cancelImportRequested.emit)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.filter_box.textChanged.connect(self._filter)
        self.grouping.currentIndexChanged.connect(lambda _i: self._fill())
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
        self._entries = list(entries)
        self._rows = {entry.id: self._row(entry) for entry in self._entries}  # made once, moved when regrouped
        self._fill()

    def set_grouping(self, grouping: str) -> None:
        """Group by "region", "year", or "none"."""
        self.grouping.setCurrentIndex(max(self.grouping.findData(grouping), 0))

    def _detach_rows(self) -> None:
        """Take every report row out of the model (kept for reuse), dropping the group rows."""
        root = self.model.invisibleRootItem()
        for row in range(root.rowCount() - 1, -1, -1):
            first = root.child(row, 0)
            if first is not None and first.data(ID_ROLE) is None:  # a group: its reports first
                for child in range(first.rowCount() - 1, -1, -1):
                    first.takeRow(child)
            root.takeRow(row)

    def _fill(self) -> None:
        selected = set(self.selected_ids())
        grouping = self.grouping.currentData()
        self.list.setUpdatesEnabled(False)
        self.list.setSortingEnabled(False)  # sorted once, after the rows are in
        # The proxy would map every single row moved; detached, it maps the new model once.
        self.proxy.setSourceModel(None)  # type: ignore[arg-type]  # Qt takes nullptr: detached
        self._detach_rows()
        root = self.model.invisibleRootItem()
        if grouping == "none":
            for entry in self._entries:
                root.appendRow(self._rows[entry.id])
        else:
            groups: dict[str | int | None, list[LibraryEntry]] = {}
            for entry in self._entries:
                key: str | int | None = entry.region if grouping == "region" else entry.year
                groups.setdefault(key, []).append(entry)
            for key, members in groups.items():
                label = str(key) if key not in ("", None) else self.tr("(unknown)")
                group = QStandardItem(self.tr("%1 (%2)").replace("%1", label).replace("%2", str(len(members))))
                sort_key = label if grouping == "region" else (key or 0)
                group.setData(sort_key, SORT_ROLE)
                filler = [QStandardItem("") for _ in range(len(self._headers()) - 1)]
                for item in filler:
                    item.setData(sort_key, SORT_ROLE)
                for entry in members:
                    group.appendRow(self._rows[entry.id])
                root.appendRow([group, *filler])
        self.proxy.setSourceModel(self.model)
        self.list.setSortingEnabled(True)
        if grouping != "none":
            self.list.expandAll()
        self.list.setUpdatesEnabled(True)
        if selected:
            self._select(selected)
        self._update_buttons()

    def _row(self, entry: LibraryEntry) -> list[QStandardItem]:
        title = entry.display or entry.title
        values = (
            (entry.region, entry.region),
            (str(entry.year or ""), entry.year or 0),
            (entry.doc_kind, entry.doc_kind),
            (entry.title, entry.title),
            (entry.speaker, entry.speaker),
            (entry.delivered, entry.delivered),
            (f"{entry.characters:,}", entry.characters),
        )
        items = []
        for text, key in values:
            item = QStandardItem(text)
            item.setData(key, SORT_ROLE)
            item.setData(entry.id, ID_ROLE)
            item.setData(entry.bundled, BUNDLED_ROLE)
            items.append(item)
        items[3].setToolTip(f"{title}\n{entry.source}\n{entry.id}")
        return items

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.grouping.currentData() != "none":
            self.list.expandAll()

    def visible_ids(self) -> list[str]:
        """Ids of the reports the view shows now (filtered, sorted, in groups), top to bottom."""
        ids: list[str] = []

        def visit(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if index.data(ID_ROLE):
                    ids.append(index.data(ID_ROLE))
                visit(index)

        visit(QModelIndex())
        return ids

    def select_id(self, document_id: str) -> None:
        """Make a report the current and only selected row."""
        self.list.clearSelection()
        self._select({document_id})
        for row in range(self.proxy.rowCount()):
            index = self._find(self.proxy.index(row, 0), document_id)
            if index is not None:
                self.list.setCurrentIndex(index)
                return

    def _find(self, index: QModelIndex, document_id: str) -> QModelIndex | None:
        if index.data(ID_ROLE) == document_id:
            return index
        for row in range(self.proxy.rowCount(index)):
            found = self._find(self.proxy.index(row, 0, index), document_id)
            if found is not None:
                return found
        return None

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
        for row in range(self.proxy.rowCount()):
            self._select_in(self.proxy.index(row, 0), ids, selection)

    def _select_in(self, index: QModelIndex, ids: set[str], selection) -> None:
        if index.data(ID_ROLE) in ids:
            selection.select(
                index,
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,  # type: ignore[attr-defined]
            )
        for row in range(self.proxy.rowCount(index)):
            self._select_in(self.proxy.index(row, 0, index), ids, selection)

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        current = self.list.currentIndex().data(ID_ROLE)
        self.open_button.setEnabled(bool(current or ids))
        removable = [i for i in ids if not self._bundled(i)]
        self.remove_button.setEnabled(bool(removable))

    def _bundled(self, document_id: str) -> bool:
        return any(entry.id == document_id and entry.bundled for entry in self._entries)

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
