"""The bookmarks dock and the small bookmark editor."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common.widgets import WrappingRow, filter_box, labelled, panel_body, plain_label

if TYPE_CHECKING:
    from reader.core.bookmarks.model import Bookmark


BOOKMARK_ROLE = Qt.ItemDataRole.UserRole


class BookmarkModel(QAbstractTableModel):
    """Bookmarks as rows (title, then note or marked text), sorted and filtered in Python.

    Filtering is a list comprehension over precomputed lower-case strings, not a
    proxy model calling Python once per row: 10,000 rows filter in a few
    milliseconds. A change of a few bookmarks updates only their rows.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[Bookmark] = []
        self._rows: list[Bookmark] = []
        self._text: dict[str, str] = {}
        self._keys: dict[str, tuple[tuple, Bookmark]] = {}
        self._needle = ""
        self._context: object = None
        self.headers = ("", "")

    @staticmethod
    def _search_text(bookmark: Bookmark) -> str:
        return f"{bookmark.title}\n{bookmark.note}\n{bookmark.snippet}\n{bookmark.doc_title}".lower()

    def _matches(self, bookmark: Bookmark) -> bool:
        if not self._needle:
            return True
        text = self._text.get(bookmark.uid)
        if text is None:
            text = self._text[bookmark.uid] = self._search_text(bookmark)
        return self._needle in text

    def set_rows(self, rows: list[Bookmark], key: Callable[[Bookmark], tuple], context: object = None) -> None:
        """Show ``rows`` sorted by ``key``; when few changed in the same context, update only those rows.

        Sort keys are cached per bookmark object, so a change to one bookmark
        among 10,000 costs a dictionary pass, not 10,000 key computations.
        """
        if context != self._context:
            self._keys.clear()
        keys = self._keys
        for bookmark in rows:
            cached = keys.get(bookmark.uid)
            if cached is None or cached[1] is not bookmark:
                keys[bookmark.uid] = (key(bookmark), bookmark)
        ordered = sorted(rows, key=lambda b: keys[b.uid][0])
        live = {b.uid for b in rows}
        for uid in [u for u in keys if u not in live]:
            del keys[uid]
            self._text.pop(uid, None)
        previous = {b.uid: b for b in self._all}
        changed = {b.uid for b in rows if previous.get(b.uid) is not b}
        removed = previous.keys() - live
        same_context = context == self._context
        self._context = context
        self._all = ordered
        visible = [b for b in ordered if self._matches(b)]
        if not same_context or len(changed) + len(removed) > 20:
            self.beginResetModel()
            self._rows = visible
            self.endResetModel()
            return
        if changed or removed:
            self._patch(visible, changed | removed)

    def _patch(self, visible: list[Bookmark], touched: set[str]) -> None:
        """Remove the touched rows, then insert their new versions where the order puts them."""
        for row in sorted((i for i, b in enumerate(self._rows) if b.uid in touched), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        for position, bookmark in enumerate(visible):
            if bookmark.uid in touched:
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, bookmark)
                self.endInsertRows()

    def set_filter(self, needle: str) -> None:
        """Keep only bookmarks whose title, note, text or document title contains ``needle``."""
        self._needle = needle.strip().lower()
        self.beginResetModel()
        self._rows = [b for b in self._all if self._matches(b)]
        self.endResetModel()

    @property
    def total(self) -> int:
        """Bookmarks in scope before filtering."""
        return len(self._all)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: D102 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102 - Qt API
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
            return "\n".join(lines)
        if role == BOOKMARK_ROLE:
            return bookmark
        return None


class BookmarksPanel(QWidget):
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
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        body, layout = panel_body(self)
        row = WrappingRow(body)  # one line when the dock is wide enough, two when narrow
        self.scope = QComboBox(body)
        self.scope.addItems([self.tr("This document"), self.tr("All documents")])
        self.scope.setAccessibleName(self.tr("Bookmark scope"))
        self.sort = QComboBox(body)
        self.sort.addItems([self.tr("By position"), self.tr("By time")])
        self.sort.setAccessibleName(self.tr("Bookmark order"))
        row.add_group([labelled(self.tr("&Show:"), self.scope, body), self.scope], 1, self.scope)
        row.add_group([labelled(self.tr("O&rder:"), self.sort, body), self.sort], 1, self.sort)
        layout.addWidget(row)
        self.filter_box = filter_box(body, self.tr("Filter bookmarks (title, note, text)"), self.tr("Filter bookmarks"))
        layout.addWidget(self.filter_box)
        self.model = BookmarkModel(self)
        self.model.headers = (self.tr("Title"), self.tr("Note"))
        self.proxy = self.model  # rows are filtered in the model itself
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
        self.count_label = plain_label("", body)
        layout.addWidget(self.count_label)
        # Where F6 lands (not a focus proxy: a proxy would make Tab skip the controls above it).
        self.focus_target = self.view
        # A click selects (and shows the note); Enter or a double click goes there, as in the outline's list.
        self.view.doubleClicked.connect(lambda index: self._emit(self.activated, index))
        self.view.installEventFilter(self)
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

    def show_bookmarks(
        self, bookmarks: list[Bookmark], position: Callable[[Bookmark], tuple], context: object = None
    ) -> None:
        """Show bookmarks in the chosen order.

        Args:
            bookmarks: What to show (already restricted to the scope).
            position: Sort key of a bookmark in reading order.
            context: What the order depends on (the open document); while it is
                unchanged, a small change updates rows instead of resetting the list.
        """
        key = (lambda b: (-b.created, b.uid)) if self.by_time else position
        self.model.set_rows(bookmarks, key, (context, self.by_time, self.whole_library))
        self._update_count()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        text = self.tr("%1 bookmarks").replace("%1", str(total))
        if shown != total:
            text = self.tr("%1 of %2 bookmarks").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)

    def eventFilter(self, watched, event) -> bool:  # noqa: D102 - Qt override
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._emit(self.activated, self.view.currentIndex())
            return True
        return super().eventFilter(watched, event)

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
            quoted = plain_label(f"“{context[:120]}{'…' if len(context) > 120 else ''}”", self)
            quoted.setWordWrap(True)
            layout.addWidget(quoted)
        form = QFormLayout()
        self.title = QLineEdit(title, self)
        self.title.setAccessibleName(self.tr("Bookmark title"))
        self.note = QPlainTextEdit(note, self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why this passage matters…"))
        self.note.setTabChangesFocus(True)  # Tab leaves the note for Save and Cancel; it never types a tab
        self.note.installEventFilter(self)  # Ctrl+Enter saves from inside the note
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 260)
        self.title.selectAll()

    def eventFilter(self, watched, event) -> bool:  # noqa: D102 - Qt override
        if (
            watched is self.note
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)
