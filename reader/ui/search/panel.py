"""The search dock: a query box, the scope, and results grouped by document and section."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.ui.common.widgets import WrappingRow, filter_box, labelled, panel_body, plain_label

if TYPE_CHECKING:
    from reader.core.search.results import SearchHit, SearchResult


HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 250
CACHED_SNIPPETS = 400  # laid-out snippets kept: two widths (paint, size hint) of the 100 hits shown, and then some


def snippet_html(hit: SearchHit, mark: str = "#ffe066") -> str:
    """The snippet as HTML with the matches marked."""
    parts, position = [], 0
    for start, end in hit.highlights:
        parts.append(html.escape(hit.snippet[position:start]))
        parts.append(f"<span style='background:{mark}; color:#000'>{html.escape(hit.snippet[start:end])}</span>")
        position = end
    parts.append(html.escape(hit.snippet[position:]))
    return "".join(parts)


class _HtmlDelegate(QStyledItemDelegate):
    """Draws items that carry HTML (the snippets with their highlights)."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self._cache: dict[tuple, QTextDocument] = {}
        self.documents_built = 0  # tests check that repainting reuses the cache

    def paint(self, painter, option, index: QModelIndex | QPersistentModelIndex) -> None:
        markup = index.data(HTML_ROLE)
        if not markup:
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = self._document(markup, option)
        painter.save()
        painter.translate(options.rect.left() + 2, options.rect.top() + 1)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText))
        else:
            context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        context.clip = QRectF(0, 0, options.rect.width(), options.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index: QModelIndex | QPersistentModelIndex) -> QSize:
        markup = index.data(HTML_ROLE)
        if not markup:
            return super().sizeHint(option, index)
        document = self._document(markup, option, self._available_width(index))
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)

    def _available_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """Width the item gets in its column: the column minus the indentation of its depth."""
        view = self.parent()
        assert isinstance(view, QTreeView)  # a delegate of the results tree
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return max(view.columnWidth(0) - view.indentation() * (depth + 1) - 4, 120)

    def _document(self, markup: str, option, width: int | None = None) -> QTextDocument:
        """The laid-out snippet, from a small cache: painting must not parse HTML again for every frame."""
        width = width if width is not None else max(option.rect.width() - 4, 120)
        key = (markup, width, option.font.key())
        document = self._cache.pop(key, None)
        if document is None:
            document = QTextDocument()
            document.setDefaultFont(option.font)
            document.setDocumentMargin(1)
            document.setTextWidth(width)
            document.setHtml(markup)
            self.documents_built += 1
            if len(self._cache) >= CACHED_SNIPPETS:
                del self._cache[next(iter(self._cache))]  # the least recently used
        self._cache[key] = document  # (re)inserted last: most recently used
        return document


class SearchPanel(QWidget):
    """Search box, scope and grouped results.

    Signals:
        searchRequested(str, str, str, int): the query (debounced), the scope ("document",
            "region", "year", "library"), and a region and year to narrow to ('' and 0: none).
        hitActivated(object): the SearchHit a person opened.
        cleared(): the query was cleared (Esc or the clear button).
        orderChanged(str): the hits are now shown in "text" (reading) or "relevance" order.
    """

    searchRequested = Signal(str, str, str, int)
    jumpRequested = Signal()  # Enter in the box: go to the first match after the reading position
    hitActivated = Signal(object)
    cleared = Signal()
    orderChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        body, layout = panel_body(self)
        self.box = filter_box(body, self.tr('Search: words, "exact phrase", A OR B, -exclude'), self.tr("Search text"))
        self.box.setObjectName("searchBox")
        self.scope = QComboBox(body)
        for text, scope in (
            (self.tr("This document"), "document"),
            (self.tr("Same region"), "region"),
            (self.tr("Same year"), "year"),
            (self.tr("Whole library"), "library"),
        ):
            self.scope.addItem(text, scope)
        self.scope.setAccessibleName(self.tr("Search scope"))
        self.section = ""  # the outline node searched in the "section" scope
        self._narrow: tuple[str, int] = ("", 0)  # a region and year clicked in the counts
        row = WrappingRow(body)  # in a narrow dock the scope goes under the box, which keeps its width
        row.add_group([self.box], 1, self.box)
        row.add_group([labelled(self.tr("&In:"), self.scope, body), self.scope])
        layout.addWidget(row)
        self.status = plain_label("", body)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.order = QComboBox(body)
        self.order.setObjectName("searchOrder")
        self.order.addItem(self.tr("In text order"), "text")
        self.order.addItem(self.tr("By relevance"), "relevance")
        self.order.setAccessibleName(self.tr("Order of the results"))
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(labelled(self.tr("Sor&t:"), self.order, body))
        status_row.addWidget(self.order, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(status_row)
        self._result: SearchResult | None = None  # the answer shown, re-sorted when the order changes
        self.facets = QLabel(body)  # counts per region and year, each a link that narrows the search
        self.facets.setObjectName("searchFacets")
        self.facets.setTextFormat(Qt.TextFormat.RichText)
        self.facets.setWordWrap(True)
        self.facets.setAccessibleName(self.tr("Matches per region and year"))
        self.facets.linkActivated.connect(self._narrow_to)
        self.facets.hide()
        layout.addWidget(self.facets)
        self.results = QTreeWidget(body)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setHeaderHidden(True)
        self.results.setColumnCount(1)
        self.results.setTextElideMode(Qt.TextElideMode.ElideLeft)  # section paths: keep their ends
        self.results.viewport().installEventFilter(self)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setItemDelegate(_HtmlDelegate(self.results))
        layout.addWidget(self.results, 1)
        self.setFocusProxy(self.box)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.submit)
        self.box.textChanged.connect(self._on_text_changed)
        self.box.returnPressed.connect(self.submit)
        self.box.returnPressed.connect(self.jumpRequested)
        self.scope.currentIndexChanged.connect(lambda _i: self._reset_narrowing())
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        self.order.currentIndexChanged.connect(self._on_order_changed)

    @property
    def result_order(self) -> str:
        """How hits are listed: "text" (each document top to bottom) or "relevance" (best first)."""
        return self.order.currentData()

    def set_result_order(self, order: str) -> None:
        """Choose the order of the hits ("text" or "relevance"); unknown values keep reading order."""
        self.order.setCurrentIndex(max(self.order.findData(order), 0))

    def _on_order_changed(self, _index: int) -> None:
        if self._result is not None:
            self.show_result(self._result)
        self.orderChanged.emit(self.result_order)

    def eventFilter(self, watched, event) -> bool:  # noqa: D102 - Qt override
        if watched is self.results.viewport() and event.type() == QEvent.Type.Resize:
            self.results.doItemsLayout()  # snippets re-wrap to the new width
        return False

    @property
    def whole_library(self) -> bool:
        """Whether the library's index answers (any scope but this document or one of its sections)."""
        return self.scope.currentData() not in ("document", "section")

    def set_scope(self, scope: str) -> None:
        """Choose the scope: "document", "section", "region", "year" or "library"."""
        self.scope.setCurrentIndex(max(self.scope.findData(scope), 0))

    def set_section(self, node_id: str, title: str) -> None:
        """Offer (and choose) the scope "this section": one outline node with its sub-sections."""
        self.section = node_id
        label = self.tr("Section: %1").replace("%1", title[:16] + ("…" if len(title) > 16 else ""))
        index = self.scope.findData("section")
        if index < 0:
            self.scope.insertItem(1, label, "section")
            index = 1
        else:
            self.scope.setItemText(index, label)
        self.scope.setItemData(index, title, Qt.ItemDataRole.ToolTipRole)
        blocker = self.scope.blockSignals(True)
        self.scope.setCurrentIndex(index)
        self.scope.blockSignals(blocker)

    def forget_section(self) -> None:
        """Another document: its sections are not this one's."""
        index = self.scope.findData("section")
        if index >= 0:
            if self.scope.currentIndex() == index:
                self.scope.setCurrentIndex(0)
            self.scope.removeItem(index)
        self.section = ""

    def _reset_narrowing(self) -> None:
        self._narrow = ("", 0)
        self.submit()

    def _narrow_to(self, link: str) -> None:
        kind, _sep, value = link.partition(":")
        region, year = self._narrow
        if kind == "region":
            region = value
        elif kind == "year":
            year = int(value)
        else:
            region, year = "", 0
        self._narrow = (region, year)
        self.submit()

    def _on_text_changed(self, text: str) -> None:
        self._narrow = ("", 0)
        if text.strip():
            self._debounce.start()
        else:
            self._debounce.stop()
            self._result = None
            self.results.clear()
            self.status.clear()
            self.cleared.emit()

    def submit(self) -> None:
        """Search now (Enter, scope change, or the debounce expiring)."""
        self._debounce.stop()
        text = self.box.text().strip()
        if text:
            self.status.setText(self.tr("Searching…"))
            self.searchRequested.emit(text, self.scope.currentData(), *self._narrow)

    def query(self) -> str:
        """The query as typed (stripped)."""
        return self.box.text().strip()

    def set_query(self, text: str) -> None:
        """Put a query in the box (not yet searched)."""
        self.box.setText(text)

    def focus_box(self) -> None:
        """Ctrl+F: put the cursor in the box, text selected (the window shows the dock first)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def keyPressEvent(self, event) -> None:  # noqa: D102 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.box.clear()
            return
        super().keyPressEvent(event)

    def show_result(self, result: SearchResult) -> None:
        """Fill the results: document → section path → hits, in the chosen order."""
        self._result = result
        self.results.clear()
        shown = len(result.hits)
        if result.total == 0:
            self.status.setText(self.tr("No paragraph matches."))
        elif shown < result.total:
            self.status.setText(
                self.tr("%1 paragraphs match · the best %2 shown · %3 ms")
                .replace("%1", str(result.total))
                .replace("%2", str(shown))
                .replace("%3", f"{result.elapsed_ms:.0f}")
            )
        else:
            self.status.setText(
                self.tr("%1 paragraphs match · %2 ms")
                .replace("%1", str(result.total))
                .replace("%2", f"{result.elapsed_ms:.0f}")
            )
        self._show_facets(result)
        documents: dict[str, QTreeWidgetItem] = {}
        sections: dict[tuple[str, tuple[str, ...]], QTreeWidgetItem] = {}
        counts: dict[str, int] = {}
        # Documents newest first, then by region; within one, hits top to bottom or best first.
        from reader.core.search.results import by_document, in_reading_order  # not at start-up

        hits = in_reading_order(result.hits) if self.result_order == "text" else by_document(result.hits)
        previous = None
        for hit in hits:
            doc_item = documents.get(hit.doc)
            if doc_item is None:
                doc_item = QTreeWidgetItem([hit.display or hit.title])
                font = doc_item.font(0)
                font.setBold(True)
                doc_item.setFont(0, font)
                self.results.addTopLevelItem(doc_item)
                documents[hit.doc] = doc_item
            key = (hit.doc, hit.section_path)
            if self.result_order == "text" and previous != key:
                sections.pop(key, None)  # a section met again after a sub-section: a new group keeps the order
            previous = key
            section_item = sections.get(key)
            if section_item is None:
                section_item = QTreeWidgetItem([" › ".join(hit.section_path) or self.tr("(opening)")])
                section_item.setToolTip(0, section_item.text(0))
                doc_item.addChild(section_item)
                sections[key] = section_item
            hit_item = QTreeWidgetItem([hit.snippet])
            hit_item.setData(0, HIT_ROLE, hit)
            badge = self.tr("%1×").replace("%1", str(hit.matches)) if hit.matches > 1 else ""
            hit_item.setData(0, HTML_ROLE, snippet_html(hit) + (f" <small>{badge}</small>" if badge else ""))
            hit_item.setToolTip(0, hit.snippet)
            section_item.addChild(hit_item)
            counts[hit.doc] = counts.get(hit.doc, 0) + 1
        for doc_id, item in documents.items():
            item.setText(0, f"{item.text(0)} ({counts[doc_id]})")
        self.results.expandAll()

    def _show_facets(self, result: SearchResult) -> None:
        """Counts per region and year above the results; each narrows the search when clicked."""
        if not self.whole_library or (len(result.regions) < 2 and len(result.years) < 2 and self._narrow == ("", 0)):
            self.facets.hide()
            return
        region, year = self._narrow

        def link(kind: str, value, count: int, chosen: bool) -> str:
            label = html.escape(f"{value} {count}")
            return f"<b>{label}</b>" if chosen else f'<a href="{kind}:{html.escape(str(value))}">{label}</a>'

        parts = [" · ".join(link("region", name, count, name == region) for name, count in result.regions)]
        parts.append(" · ".join(link("year", value, count, value == year) for value, count in result.years))
        if self._narrow != ("", 0):
            parts.append(f'<a href="all:">{html.escape(self.tr("All"))}</a>')
        self.facets.setText("<br>".join(part for part in parts if part))
        self.facets.show()

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hitActivated.emit(hit)

    def show_message(self, text: str) -> None:
        """Show a notice in the status line."""
        self.status.setText(text)
