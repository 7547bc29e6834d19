"""The outline dock: the report's own structure, live with the reading position."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.core.document import Document, OutlineNode
from reader.ui.widgets import filter_box, panel_body

NODE_ID_ROLE = Qt.ItemDataRole.UserRole
PARAGRAPH_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlinePanel(QWidget):
    """Outline tree with a filter box, expand/collapse all and per-node badges.

    Signals:
        nodeActivated(str): the paragraph id of a clicked or Enter-activated node.
        sectionAction(str, str): an action of the section menu ("bookmark", "narrate", "search",
            "copy", "export", "compare") and the node id it is for.
    """

    nodeActivated = Signal(str)
    sectionAction = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        body, layout = panel_body(self)
        row = QHBoxLayout()
        self.filter_box = filter_box(body, self.tr("Filter outline"), self.tr("Filter outline"))
        self.expand_button = QToolButton(body, text="⊞", toolTip=self.tr("Expand all"))
        self.expand_button.setAccessibleName(self.tr("Expand all"))
        self.collapse_button = QToolButton(body, text="⊟", toolTip=self.tr("Collapse all"))
        self.collapse_button.setAccessibleName(self.tr("Collapse all"))
        row.addWidget(self.filter_box, 1)
        row.addWidget(self.expand_button)
        row.addWidget(self.collapse_button)
        layout.addLayout(row)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("outlineTree")
        self.tree.setAccessibleName(self.tr("Outline"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderHidden(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._document: Document | None = None
        self.tree.itemClicked.connect(self._activate)
        self.tree.itemActivated.connect(self._activate)
        self.filter_box.textChanged.connect(self.apply_filter)
        self.expand_button.clicked.connect(self.tree.expandAll)
        self.collapse_button.clicked.connect(self.tree.collapseAll)
        # The section menu: right click, the Menu key (Qt sends it as a context-menu request) and Shift+F10.
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu_at)
        menu_key = QShortcut(QKeySequence("Shift+F10"), self.tree, self._menu_for_current)
        menu_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.section_menu = QMenu(self)
        self.section_menu.setObjectName("sectionMenu")

    def _section_actions(self) -> list[tuple[str, str]]:
        return [
            ("bookmark", self.tr("&Bookmark This Section…")),
            ("narrate", self.tr("&Read This Section Aloud")),
            ("search", self.tr("&Search in This Section")),
            ("copy", self.tr("&Copy Section with Citation")),
            ("export", self.tr("&Export This Section…")),
            ("compare", self.tr("Compare with &Previous Year")),
        ]

    def _menu_for_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            rect = self.tree.visualItemRect(item)
            self._menu_at(QPoint(rect.left() + 16, rect.bottom()))

    def _menu_at(self, position: QPoint) -> None:
        item = self.tree.itemAt(position) or self.tree.currentItem()
        if item is None:
            return
        self.tree.setCurrentItem(item)
        node_id = item.data(0, NODE_ID_ROLE)
        menu = self.section_menu
        menu.clear()
        menu.setAccessibleName(self.tr("Section: %1").replace("%1", item.text(0)))
        for name, text in self._section_actions():
            action = menu.addAction(text)
            action.setObjectName(f"section_{name}")
            action.triggered.connect(lambda _checked=False, n=name: self.sectionAction.emit(n, node_id))
        menu.popup(self.tree.viewport().mapToGlobal(position))

    def show_outline(self, document: Document) -> None:
        """Fill the tree with a document's outline (parts expanded)."""
        self._document = document
        self.tree.clear()
        self._items = {}
        for node in document.outline:
            item = self._add(node, None)
            item.setExpanded(True)
        if self.filter_box.text():
            self.apply_filter(self.filter_box.text())

    def _add(self, node: OutlineNode, parent: QTreeWidgetItem | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node.title, "", ""])
        item.setData(0, NODE_ID_ROLE, node.id)
        item.setData(0, PARAGRAPH_ROLE, node.paragraph)
        item.setToolTip(0, node.title)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self._items[node.id] = item
        for child in node.children:
            self._add(child, item)
        return item

    def item_for(self, node_id: str) -> QTreeWidgetItem | None:
        """The tree item of an outline node."""
        return self._items.get(node_id)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.nodeActivated.emit(item.data(0, PARAGRAPH_ROLE))

    def follow_paragraph(self, paragraph_index: int) -> None:
        """Select the node holding a paragraph, expand its ancestors, keep focus where it is."""
        if self._document is None or not 0 <= paragraph_index < len(self._document.paragraphs):
            return
        if self.tree.hasFocus() or (self.section_menu is not None and self.section_menu.isVisible()):
            return  # the reader is moving through the outline: the reading position must not move the choice
        node_id = self._document.paragraphs[paragraph_index].section
        item = self._items.get(node_id) if node_id else None
        if item is None:
            self.tree.clearSelection()
            return
        if self.tree.currentItem() is item:
            return
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        blocker = self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(blocker)
        self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def current_node_id(self) -> str | None:
        """Id of the selected node."""
        item = self.tree.currentItem()
        return item.data(0, NODE_ID_ROLE) if item else None

    SEARCH_COLUMN, BOOKMARK_COLUMN = 1, 2

    def set_badges(
        self, counts: dict[str, int], tooltip: str = "", column: int = SEARCH_COLUMN, prefix: str = ""
    ) -> None:
        """Show a count beside nodes (search hits in column 1, bookmarks in column 2)."""
        for node_id, item in self._items.items():
            count = counts.get(node_id, 0)
            item.setText(column, f"{prefix}{count}" if count else "")
            item.setToolTip(column, tooltip.format(count=count) if count and tooltip else "")

    def apply_filter(self, text: str) -> None:
        """Show only nodes whose title contains ``text`` (and their ancestors)."""
        needle = text.strip().lower()

        def visit(item: QTreeWidgetItem) -> bool:
            own = not needle or needle in item.text(0).lower()
            shown_child = False
            for index in range(item.childCount()):
                shown_child = visit(item.child(index)) or shown_child
            visible = own or shown_child
            item.setHidden(not visible)
            if needle and shown_child:
                item.setExpanded(True)
            return visible

        for index in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(index))
