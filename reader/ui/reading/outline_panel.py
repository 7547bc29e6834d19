"""The outline dock: the report's own structure, live with the reading position."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.core.document import Document, OutlineNode
from reader.ui.common.widgets import filter_box, panel_body
from reader.ui.window.icons import paint_shape

NODE_ID_ROLE = Qt.ItemDataRole.UserRole
PARAGRAPH_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2  # {"hits": n, "bookmarks": n, "texts": {kind: "3 matching paragraphs"}}
BADGE_KINDS = ("hits", "bookmarks")


class _BadgeDelegate(QStyledItemDelegate):
    """The title elided to the panel's width, the counts (search hits, bookmarks) at its right end.

    One column: no empty cells for a screen reader, and the title gets all the width the
    counts do not use. A bookmark count has a drawn ribbon before it (an emoji would need
    an emoji font).
    """

    def paint(self, painter, option, index) -> None:
        badges = index.data(BADGE_ROLE) or {}
        parts = [(kind, str(badges[kind])) for kind in BADGE_KINDS if badges.get(kind)]
        if not parts:
            super().paint(painter, option, index)
            return
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, full, painter, widget)
        metrics = full.fontMetrics
        mark = round(metrics.height() * 0.7)  # the ribbon's size
        gap = metrics.horizontalAdvance("  ")
        widths = [metrics.horizontalAdvance(count) + (mark + 2 if kind == "bookmarks" else 0) for kind, count in parts]
        used = sum(widths) + gap * (len(parts) - 1)
        titled = QStyleOptionViewItem(option)
        titled.rect = option.rect.adjusted(0, 0, -(used + 10), 0)
        super().paint(painter, titled, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        colour = option.palette.color(role)
        rect = option.rect
        x = rect.right() - 4 - used
        painter.save()
        painter.setPen(colour)
        for kind, count in parts:
            if kind == "bookmarks":
                paint_shape(painter, "bookmark", QRectF(x, rect.center().y() - mark / 2, mark, mark), colour)
                x += mark + 2
            text_width = metrics.horizontalAdvance(count)
            area = QRectF(x, rect.top(), text_width + 1, rect.height())
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, count)
            x += text_width + gap
        painter.restore()


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
        self.expand_button = QToolButton(body)
        self.expand_button.setText("⊞")
        self.expand_button.setToolTip(self.tr("Expand all"))
        self.expand_button.setAccessibleName(self.tr("Expand all"))
        self.collapse_button = QToolButton(body)
        self.collapse_button.setText("⊟")
        self.collapse_button.setToolTip(self.tr("Collapse all"))
        self.collapse_button.setAccessibleName(self.tr("Collapse all"))
        row.addWidget(self.filter_box, 1)
        row.addWidget(self.expand_button)
        row.addWidget(self.collapse_button)
        layout.addLayout(row)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("outlineTree")
        self.tree.setAccessibleName(self.tr("Outline"))
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(_BadgeDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.tree, 1)
        # Where F6 lands (not a focus proxy: a proxy would make Tab skip the controls above it).
        self.focus_target = self.tree
        self._items: dict[str, QTreeWidgetItem] = {}
        self._auto_expanded: list[QTreeWidgetItem] = []  # opened by following the reading position
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
        self._auto_expanded = []
        for node in document.outline:
            item = self._add(node, None)
            item.setExpanded(True)
        if self.filter_box.text():
            self.apply_filter(self.filter_box.text())

    def _add(self, node: OutlineNode, parent: QTreeWidgetItem | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node.title])
        item.setData(0, NODE_ID_ROLE, node.id)
        item.setData(0, PARAGRAPH_ROLE, node.paragraph)
        item.setToolTip(0, node.title)
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
        if item is None:  # above the first heading: no section is current (a copied link is the report's)
            self.tree.setCurrentItem(None)  # type: ignore[call-overload]  # Qt takes nullptr: no current item
            self.tree.clearSelection()
            return
        if self.tree.currentItem() is item:
            return
        # The section read now is opened; the ones opened for the reader and left are closed again
        # (not those the reader opened by hand).
        keep = set()
        parent = item.parent()
        while parent is not None:
            keep.add(id(parent))
            if not parent.isExpanded():
                parent.setExpanded(True)
                self._auto_expanded.append(parent)
            parent = parent.parent()
        if item.childCount() and not item.isExpanded():
            item.setExpanded(True)
            self._auto_expanded.append(item)
        keep.add(id(item))
        for opened in [o for o in self._auto_expanded if id(o) not in keep]:
            opened.setExpanded(False)
            self._auto_expanded.remove(opened)
        blocker = self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(blocker)
        self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def current_node_id(self) -> str | None:
        """Id of the selected node."""
        item = self.tree.currentItem()
        return item.data(0, NODE_ID_ROLE) if item else None

    def set_badges(self, counts: dict[str, int], description: str = "", kind: str = "hits") -> None:
        """Show a count at the right of nodes: search hits ("hits") or bookmarks ("bookmarks").

        Args:
            counts: Node id → count (nodes not named have none).
            description: How a screen reader says a count, "{count}" standing for it.
            kind: Which count.
        """
        for node_id, item in self._items.items():
            badges = dict(item.data(0, BADGE_ROLE) or {})
            texts = dict(badges.get("texts", {}))
            count = counts.get(node_id, 0)
            badges[kind] = count
            texts[kind] = description.format(count=count) if count and description else ""
            badges["texts"] = texts
            item.setData(0, BADGE_ROLE, badges)
            said = "，".join(t for t in (texts.get(k, "") for k in BADGE_KINDS) if t)
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, said)
            item.setToolTip(0, f"{item.text(0)}\n{said}" if said else item.text(0))

    def badge(self, node_id: str, kind: str = "hits") -> int:
        """The count shown beside a node (0: none shown)."""
        item = self._items.get(node_id)
        return int((item.data(0, BADGE_ROLE) or {}).get(kind, 0)) if item is not None else 0

    def apply_filter(self, text: str) -> None:
        """Show only nodes whose title contains ``text`` (and their ancestors)."""
        needle = text.strip().lower()

        def visit(item: QTreeWidgetItem | None) -> bool:
            if item is None:
                return False
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
