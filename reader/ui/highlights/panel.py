"""The highlights panel: passages marked in colour, grouped by report and section, filtered, exported.

Each row is a quote with its colour, note and tags; Enter or a double click goes there,
the context menu (or the Menu key) changes its colour, edits its note or removes it.
The panel lists the open report's highlights or the whole library's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.bookmarks.model import Bookmark
from reader.ui.common.widgets import WrappingRow

_ROLE = Qt.ItemDataRole.UserRole


def color_names() -> dict[str, str]:
    """Each highlight colour's name in the UI's language (literal strings for lupdate)."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        "yellow": translate("Highlights", "Yellow"),
        "green": translate("Highlights", "Green"),
        "blue": translate("Highlights", "Blue"),
        "pink": translate("Highlights", "Pink"),
        "purple": translate("Highlights", "Purple"),
    }


class HighlightsPanel(QWidget):
    """Highlights of the open report (or of the library), grouped by report and section.

    Signals:
        activated(object): a highlight to go to.
        editRequested(object): a highlight whose note and tags to edit.
        deleteRequested(object): a highlight to remove.
        colorRequested(object, str): a highlight and its new colour.
        exportRequested(object): the highlights shown (a list), to save as quotes.
        copyRequested(object): the highlights shown (a list), to copy as quotes.
        readRequested(object): the highlights shown (a list), to read aloud.
        scopeChanged(): this report / the whole library.
    """

    activated = Signal(object)
    editRequested = Signal(object)
    deleteRequested = Signal(object)
    colorRequested = Signal(object, str)
    exportRequested = Signal(object)
    copyRequested = Signal(object)
    readRequested = Signal(object)
    scopeChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("highlightsPanel")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by words, note or tag"))
        self.filter.setAccessibleName(self.tr("Filter highlights"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._refill())
        self.color = QComboBox()
        self.color.setAccessibleName(self.tr("Colour"))
        self.color.addItem(self.tr("All colours"), "")
        for key, name in color_names().items():
            self.color.addItem(name, key)
        self.color.currentIndexChanged.connect(lambda _i: self._refill())
        color_label = QLabel(self.tr("Co&lour:"))
        color_label.setBuddy(self.color)
        self.order = QComboBox()
        self.order.setAccessibleName(self.tr("Order"))
        self.order.addItem(self.tr("In reading order"), "position")
        self.order.addItem(self.tr("Newest first"), "date")
        self.order.currentIndexChanged.connect(lambda _i: self._refill())
        order_label = QLabel(self.tr("&Order:"))
        order_label.setBuddy(self.order)
        self.whole_library_box = QCheckBox(self.tr("Whole &library"))
        self.whole_library_box.toggled.connect(lambda _checked: self.scopeChanged.emit())
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Highlights"))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self.shown()))
        self.copy_button = QPushButton(self.tr("Co&py as Quotes"))
        self.copy_button.clicked.connect(lambda: self.copyRequested.emit(self.shown()))
        self.read_button = QPushButton(self.tr("&Read Aloud"))
        self.read_button.setToolTip(self.tr("Read the highlights listed aloud, one after another"))
        self.read_button.clicked.connect(lambda: self.readRequested.emit(self.shown()))
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.tree)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(lambda: self.copyRequested.emit(self.shown()))
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        # One line when the dock is wide enough, a line a group when narrow (the window works at 900×600).
        filters = WrappingRow(self)
        filters.add_group([color_label, self.color])
        filters.add_group([order_label, self.order])
        buttons = WrappingRow(self)
        buttons.add_group([self.whole_library_box])
        buttons.add_group([self.read_button])
        buttons.add_group([self.copy_button])
        buttons.add_group([self.export_button])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self._items: list[Bookmark] = []
        self._position: Callable[[Bookmark], tuple] = lambda b: (b.doc_title, b.created)
        self._palette: dict[str, str] = {}

    @property
    def whole_library(self) -> bool:
        """Whether the whole library's highlights are listed."""
        return self.whole_library_box.isChecked()

    def show_highlights(
        self, highlights: list[Bookmark], position: Callable[[Bookmark], tuple], palette: dict[str, str]
    ) -> None:
        """List highlights; ``position`` orders them in reading order; ``palette`` colours their swatches."""
        self._items = list(highlights)
        self._position = position
        self._palette = palette
        self._refill()

    def shown(self) -> list[Bookmark]:
        """The highlights the filters let through, in the order listed."""
        words = self.filter.text().strip().lower()
        color = self.color.currentData() or ""
        chosen = [
            h
            for h in self._items
            if (not color or h.color == color)
            and (
                not words
                or words in h.snippet.lower()
                or words in h.note.lower()
                or any(words in tag.lower() for tag in h.tags)
            )
        ]
        if self.order.currentData() == "date":
            return sorted(chosen, key=lambda h: -h.created)
        return sorted(chosen, key=self._position)

    def _refill(self) -> None:
        self.tree.clear()
        names = color_names()
        groups: dict[tuple[str, str], QTreeWidgetItem] = {}
        for highlight in self.shown():
            report = highlight.doc_title or highlight.doc
            section = " › ".join(highlight.section_path) or self.tr("(before the first heading)")
            key = (report, section)
            parent = groups.get(key)
            if parent is None:
                tops = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
                top = next((item for item in tops if item is not None and item.text(0) == report), None)
                if top is None:
                    top = QTreeWidgetItem(self.tree, [report])
                    top.setExpanded(True)
                parent = QTreeWidgetItem(top, [section])
                parent.setExpanded(True)
                groups[key] = parent
            text = f"“{highlight.snippet}”"
            if highlight.note.strip():
                text += f"\n{highlight.note.strip()}"
            if highlight.tags:
                text += "\n#" + " #".join(highlight.tags)
            if highlight.detached:
                text += "\n" + self.tr("(the report's words changed here)")
            item = QTreeWidgetItem(parent, [text])
            item.setData(0, _ROLE, highlight.uid)
            swatch = QColor(self._palette.get(highlight.color, "#fff3a0"))
            item.setBackground(0, QBrush(swatch))
            item.setForeground(0, QBrush(QColor("#1f1f1f")))  # dark on every light swatch
            description = names.get(highlight.color, highlight.color)
            if highlight.note.strip():
                description += "：" + highlight.note.strip()
            item.setToolTip(0, description)
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, description)

    def _highlight_of(self, item: QTreeWidgetItem | None) -> Bookmark | None:
        uid = item.data(0, _ROLE) if item is not None else None
        return next((h for h in self._items if h.uid == uid), None)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        highlight = self._highlight_of(item)
        if highlight is not None:
            self.activated.emit(highlight)

    def _delete_current(self) -> None:
        highlight = self._highlight_of(self.tree.currentItem())
        if highlight is not None:
            self.deleteRequested.emit(highlight)

    def _context_menu(self, point) -> None:
        highlight = self._highlight_of(self.tree.itemAt(point))
        if highlight is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("&Go There"), lambda: self.activated.emit(highlight))
        menu.addAction(self.tr("Edit &Note and Tags…"), lambda: self.editRequested.emit(highlight))
        colours = menu.addMenu(self.tr("&Colour"))
        for key, name in color_names().items():
            action = colours.addAction(name)
            action.triggered.connect(lambda _checked=False, k=key: self.colorRequested.emit(highlight, k))
            action.setCheckable(True)
            action.setChecked(key == highlight.color)
        menu.addSeparator()
        menu.addAction(self.tr("&Remove Highlight"), lambda: self.deleteRequested.emit(highlight))
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()
