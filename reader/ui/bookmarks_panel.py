"""The bookmarks dock and the small bookmark editor."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.bookmarks import Bookmark

BOOKMARK_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class BookmarkModel(QAbstractTableModel):
    """Bookmarks as rows: title, then the note (or the marked text)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Bookmark] = []
        self._search_text: list[str] = []
        self.headers = ("", "")

    def set_rows(self, rows: list[Bookmark]) -> None:
        """Replace the rows (cheap for 10,000: the view lays rows out lazily)."""
        self.beginResetModel()
        self._rows = rows
        self._search_text = [f"{b.title}\n{b.note}\n{b.snippet}\n{b.doc_title}".lower() for b in rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: D102 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):  # noqa: D102 - Qt API
        if not index.isValid():
            return None
        bookmark = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return ("⚠ " if bookmark.detached else "") + bookmark.title
            return (bookmark.note or bookmark.snippet).replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [bookmark.title, bookmark.doc_title, " › ".join(bookmark.section_path), "", bookmark.snippet]
            if bookmark.note:
                lines += ["", bookmark.note]
            lines.append(time.strftime("%Y-%m-%d %H:%M", time.localtime(bookmark.updated)))
            return "\n".join(line for line in lines if line is not None)
        if role == BOOKMARK_ROLE:
            return bookmark
        if role == SEARCH_ROLE:
            return self._search_text[index.row()]
        return None


class _Filter(QSortFilterProxyModel):
    """Filter on title, note and marked text (one precomputed string per row)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self._needle = text.strip().lower()
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self._needle:
            return True
        return self._needle in self.sourceModel().index(row, 0, parent).data(SEARCH_ROLE)


class BookmarksPanel(QDockWidget):
    """The bookmarks of this document or the whole library: sort, filter, jump, edit, delete.

    Signals:
        activated(object): a Bookmark to go to.
        editRequested(object): a Bookmark to edit (title and note).
        deleteRequested(object): a Bookmark to delete.
        scopeChanged(): the scope or the sort order changed.
    """

    activated = Signal(object)
    editRequested = Signal(object)
    deleteRequested = Signal(object)
    scopeChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bookmarks"), parent)
        self.setObjectName("bookmarksDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.scope = QComboBox(body)
        self.scope.addItems([self.tr("This document"), self.tr("All documents")])
        self.scope.setAccessibleName(self.tr("Bookmark scope"))
        self.sort = QComboBox(body)
        self.sort.addItems([self.tr("By position"), self.tr("By time")])
        self.sort.setAccessibleName(self.tr("Bookmark order"))
        row.addWidget(self.scope, 1)
        row.addWidget(self.sort, 1)
        layout.addLayout(row)
        self.filter_box = QLineEdit(body)
        self.filter_box.setPlaceholderText(self.tr("Filter bookmarks (title, note, text)"))
        self.filter_box.setAccessibleName(self.tr("Filter bookmarks"))
        self.filter_box.setClearButtonEnabled(True)
        layout.addWidget(self.filter_box)
        self.model = BookmarkModel(self)
        self.model.headers = (self.tr("Title"), self.tr("Note"))
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView(body)
        self.view.setObjectName("bookmarksView")
        self.view.setAccessibleName(self.tr("Bookmarks"))
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.header().setStretchLastSection(True)
        self.view.setColumnWidth(0, 180)
        layout.addWidget(self.view, 1)
        self.count_label = QLabel(body)
        layout.addWidget(self.count_label)
        self.setWidget(body)
        self.setFocusProxy(self.view)
        self.view.activated.connect(lambda index: self._emit(self.activated, index))
        self.view.doubleClicked.connect(lambda index: self._emit(self.activated, index))
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.filter_box.textChanged.connect(self._filter)
        self.scope.currentIndexChanged.connect(lambda _i: self.scopeChanged.emit())
        self.sort.currentIndexChanged.connect(lambda _i: self.scopeChanged.emit())

    @property
    def whole_library(self) -> bool:
        """Whether every document's bookmarks are shown."""
        return self.scope.currentIndex() == 1

    @property
    def by_time(self) -> bool:
        """Whether the newest come first (else reading order)."""
        return self.sort.currentIndex() == 1

    def show_bookmarks(self, bookmarks: list[Bookmark], position: Callable[[Bookmark], tuple]) -> None:
        """Show bookmarks in the chosen order.

        Args:
            bookmarks: What to show (already restricted to the scope).
            position: Sort key of a bookmark in reading order.
        """
        ordered = sorted(bookmarks, key=lambda b: -b.created) if self.by_time else sorted(bookmarks, key=position)
        self.model.set_rows(ordered)
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%1 bookmarks").replace("%1", str(total))
        if shown != total:
            text = self.tr("%1 of %2 bookmarks").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)

    def _emit(self, signal, index: QModelIndex) -> None:
        bookmark = index.data(BOOKMARK_ROLE) if index.isValid() else None
        if bookmark is not None:
            signal.emit(bookmark)

    def current_bookmark(self) -> Bookmark | None:
        """The selected bookmark."""
        index = self.view.currentIndex()
        return index.data(BOOKMARK_ROLE) if index.isValid() else None

    def keyPressEvent(self, event) -> None:  # noqa: D102 - Qt override
        if event.matches(QKeySequence.StandardKey.Delete) and self.current_bookmark() is not None:
            self.deleteRequested.emit(self.current_bookmark())
            return
        super().keyPressEvent(event)

    def _context_menu(self, point) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self.view)
        menu.addAction(self.tr("Go To"), lambda: self._emit(self.activated, index))
        menu.addAction(self.tr("Edit Title and Note…"), lambda: self._emit(self.editRequested, index))
        menu.addAction(self.tr("Delete"), lambda: self._emit(self.deleteRequested, index))
        menu.exec(self.view.viewport().mapToGlobal(point))


class BookmarkEditor(QDialog):
    """A small dialog for a bookmark's title and note."""

    def __init__(self, title: str, note: str, context: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bookmark"))
        self.setObjectName("bookmarkEditor")
        layout = QVBoxLayout(self)
        if context:
            quoted = QLabel(f"“{context[:120]}{'…' if len(context) > 120 else ''}”", self)
            quoted.setWordWrap(True)
            layout.addWidget(quoted)
        form = QFormLayout()
        self.title = QLineEdit(title, self)
        self.title.setAccessibleName(self.tr("Bookmark title"))
        self.note = QPlainTextEdit(note, self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why this passage matters…"))
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 260)
        self.title.selectAll()
