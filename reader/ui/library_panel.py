"""The library dock: imported documents, import (files, folder, URL) with progress, open, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.ui.widgets import filter_box, panel_body

if TYPE_CHECKING:
    from reader.core.library import LibraryEntry


ID_ROLE = Qt.ItemDataRole.UserRole


class LibraryPanel(QWidget):
    """List of library documents with import and remove.

    Signals:
        openRequested(str): a document id to open.
        removeRequested(str): a document id to remove.
        importFilesRequested(), importFolderRequested(), importUrlRequested()
    """

    openRequested = Signal(str)
    removeRequested = Signal(str)
    importFilesRequested = Signal()
    importFolderRequested = Signal()
    importUrlRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        body, layout = panel_body(self)
        self.filter_box = filter_box(body, self.tr("Filter library"), self.tr("Filter library"))
        layout.addWidget(self.filter_box)
        self.list = QTreeWidget(body)
        self.list.setObjectName("libraryList")
        self.list.setAccessibleName(self.tr("Library documents"))
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Title"), self.tr("Paragraphs")])
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(False)
        self.list.setRootIsDecorated(False)
        self.list.setSortingEnabled(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.list, 1)
        self.progress = QProgressBar(body)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.hide()
        layout.addWidget(self.progress)
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
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(lambda item, _c: self._emit(self.openRequested, item))
        self.open_button.clicked.connect(lambda: self._emit(self.openRequested, self.list.currentItem()))
        self.remove_button.clicked.connect(lambda: self._emit(self.removeRequested, self.list.currentItem()))
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.filter_box.textChanged.connect(self._filter)
        self._update_buttons()

    def _emit(self, signal, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            signal.emit(item.data(0, ID_ROLE))

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.open_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None and not item.data(1, ID_ROLE))

    def show_entries(self, entries: list[LibraryEntry]) -> None:
        """Show the catalog."""
        current = self.list.currentItem().data(0, ID_ROLE) if self.list.currentItem() else None
        self.list.setSortingEnabled(False)
        self.list.clear()
        for entry in entries:
            item = QTreeWidgetItem([entry.title, ""])
            item.setData(1, Qt.ItemDataRole.DisplayRole, entry.paragraphs)
            item.setData(0, ID_ROLE, entry.id)
            item.setData(1, ID_ROLE, entry.bundled)
            item.setToolTip(0, f"{entry.title}\n{entry.source}\n{entry.id}")
            self.list.addTopLevelItem(item)
            if entry.id == current:
                self.list.setCurrentItem(item)
        self.list.setSortingEnabled(True)
        self._filter(self.filter_box.text())
        self._update_buttons()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            item.setHidden(bool(needle) and needle not in item.text(0).lower() and needle not in item.toolTip(0))

    def show_progress(self, done: int, total: int, _current: str) -> None:
        """Import progress (hidden when done)."""
        if total <= 1 or done >= total:
            self.progress.hide()
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()

    def _context_menu(self, position) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        menu = QMenu(self.list)
        menu.addAction(self.tr("Open"), lambda: self._emit(self.openRequested, item))
        remove = menu.addAction(self.tr("Remove"), lambda: self._emit(self.removeRequested, item))
        remove.setEnabled(not item.data(1, ID_ROLE))
        menu.exec(self.list.viewport().mapToGlobal(position))
