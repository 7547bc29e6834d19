"""The reading view: a typeset report in a centred column, with position tracking."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QWidget

from reader.core.document import Document
from reader.ui.reading.margin_marks import MarginMarks
from reader.ui.reading.typesetter import NO_PARAGRAPH, TypeStyle, center_column, prepare


class ReadingView(MarginMarks):
    """Shows one document and reports where the reader is.

    Signals:
        topParagraphChanged(int, int): paragraph index and offset at the top of
            the view, after scrolling settles.
        zoomRequested(int): +1 / -1 from Ctrl+wheel.
        paragraphClicked(int, int): a plain click (no selection) on a paragraph.
        paragraphLinkActivated(str): a link to a paragraph of this document (a contents entry) was followed.
        selectionMade(QPoint): the mouse let go of a selection, at this point (viewport coordinates).
    """

    topParagraphChanged = Signal(int, int)
    zoomRequested = Signal(int)
    paragraphClicked = Signal(int, int)
    paragraphLinkActivated = Signal(str)
    selectionMade = Signal(QPoint)
    historyRequested = Signal(int)  # the mouse's back (-1) or forward (+1) button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setAccessibleName(self.tr("Report text"))
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Always shown: a scroll bar appearing with the text would narrow it and force a second layout.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Links (a contents entry) by mouse only: by keyboard, Tab would stop at each link instead of
        # moving to the next control; the outline (F9) reaches the same headings.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self._document: Document | None = None
        self._owned_document: QTextDocument | None = None
        self._background = ""
        self._extra_actions: list[QAction] = []
        self._context_providers: list = []
        self._settle = QTimer(self, singleShot=True, interval=60)
        self._settle.timeout.connect(self._emit_top)
        self.anchorClicked.connect(self._follow_link)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._settle.start())

    # Content --------------------------------------------------------------
    @property
    def current_document(self) -> Document | None:
        """The document shown."""
        return self._document

    @property
    def type_style(self) -> TypeStyle | None:
        """The style the document is typeset with."""
        return self._style

    @property
    def settling(self) -> bool:
        """Whether a scroll has not been reported yet (``topParagraphChanged`` comes 60 ms after it stops)."""
        return self._settle.isActive()

    def text_width(self) -> int:
        """The width the view gives its text (what ``typesetter.prepare`` lays out for)."""
        return self.viewport().width()

    def show_document(self, document: Document, style: TypeStyle, position: tuple[int, int] | None = None) -> None:
        """Typeset (on this thread) and show a document, optionally at a paragraph position."""
        self.install(document, prepare(document, style, self.text_width(), None), style, position)

    def install(
        self,
        document: Document,
        text_document: QTextDocument,
        style: TypeStyle,
        position: tuple[int, int] | None = None,
    ) -> None:
        """Show a prepared (typeset, laid out) document at a paragraph position."""
        if document is not self._document:
            self._highlights.clear()
            self._highlight_ranges.clear()
            self._mark_ranges = []
            self.setExtraSelections([])
        self._document = document
        self._style = style
        previous = self._owned_document
        text_document.setParent(self)
        self.setDocument(text_document)
        self._owned_document = text_document
        if previous is not None and previous is not text_document:
            previous.deleteLater()
        self._index_blocks()
        if self._background != style.theme.background:
            # A palette, not a style sheet: style sheets re-polish the widget on every change.
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Base, QColor(style.theme.background))
            palette.setColor(QPalette.ColorRole.Text, QColor(style.theme.text))
            self.setPalette(palette)
            self._background = style.theme.background
        self._center_column()
        self.reapply_highlights()
        self.scroll_to_paragraph(*(position or (0, 0)))

    def restyle(self, style: TypeStyle) -> None:
        """Change font size, spacing or theme synchronously, keeping the top paragraph in place."""
        if self._document is None:
            self._style = style
            return
        self.install(
            self._document, prepare(self._document, style, self.text_width(), None), style, self.top_position()
        )

    def _index_blocks(self) -> None:
        self._block_of_paragraph = {}
        block = self.document().begin()
        while block.isValid():
            state = block.userState()
            if state != NO_PARAGRAPH and state not in self._block_of_paragraph:
                self._block_of_paragraph[state] = block.blockNumber()
            block = block.next()

    # Geometry ------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: D102 - Qt override
        anchor = self.top_position() if self._document is not None else None
        super().resizeEvent(event)
        self._center_column()
        if anchor is not None:
            self.scroll_to_paragraph(*anchor)

    def _center_column(self) -> None:
        if self._style is not None:
            center_column(self.document(), self._style.font_px, self.viewport().width())

    # Positions -----------------------------------------------------------
    def paragraph_at(self, cursor: QTextCursor) -> tuple[int, int]:
        """Paragraph index and offset of a cursor position."""
        block = cursor.block()
        state = block.userState()
        probe = block
        while state == NO_PARAGRAPH and probe.previous().isValid():
            probe = probe.previous()
            state = probe.userState()
        if state == NO_PARAGRAPH:
            return 0, 0
        offset = cursor.position() - block.position() if probe == block else 0
        return state, offset

    def top_position(self) -> tuple[int, int]:
        """Paragraph index and character offset of the first visible line."""
        if self._document is None:
            return 0, 0
        margin = int(self.document().documentMargin())
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, min(margin // 2 + 2, 8)))
        index, offset = self.paragraph_at(cursor)
        block = cursor.block()
        layout = block.layout()
        line = layout.lineForTextPosition(cursor.position() - block.position()) if layout else None
        if line is not None and line.isValid():
            offset = line.textStart()
        return index, offset

    def paragraph_position(self, index: int) -> int:
        """Absolute document position where a paragraph starts (-1 if unknown)."""
        number = self._block_of_paragraph.get(index)
        if number is None:
            return -1
        return self.document().findBlockByNumber(number).position()

    def scroll_to_paragraph(self, index: int, offset: int = 0) -> None:
        """Put paragraph ``index`` (at ``offset``) at the top of the view."""
        number = self._block_of_paragraph.get(index)
        if number is None:
            return
        block = self.document().findBlockByNumber(number)
        layout_rect = self.document().documentLayout().blockBoundingRect(block)
        y = layout_rect.top()
        layout = block.layout()
        if offset > 0 and layout is not None and layout.lineCount() > 0:
            line = layout.lineForTextPosition(min(offset, max(0, block.length() - 1)))
            if line.isValid():
                y += line.y()
        if block.userState() != NO_PARAGRAPH and index == 0:
            y = 0.0
        self.verticalScrollBar().setValue(round(y))
        self._settle.start()

    def ensure_paragraph_visible(self, index: int, start: int = 0) -> None:
        """Scroll only if the position is not already on screen."""
        position = self.paragraph_position(index)
        if position < 0:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(position + start)
        rect = self.cursorRect(cursor)
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            self.scroll_to_paragraph(index, start)
            bar = self.verticalScrollBar()
            bar.setValue(max(0, bar.value() - self.viewport().height() // 4))
            # A jump's destination is known now: said at once, so that the outline and a citation
            # follow it before the scroll settles (a key pressed right after a step cites the new place).
            self._settle.stop()
            self._emit_top()

    def is_position_visible(self, index: int, start: int = 0) -> bool:
        """Whether a paragraph position is on screen."""
        position = self.paragraph_position(index)
        if position < 0:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(position + start)
        rect = self.cursorRect(cursor)
        return rect.bottom() >= 0 and rect.top() <= self.viewport().height()

    def _emit_top(self) -> None:
        if self._document is not None:
            self.topParagraphChanged.emit(*self.top_position())

    # Selection -------------------------------------------------------------
    def selection_paragraph(self) -> int | None:
        """Index of the paragraph where the selection (or the cursor) starts."""
        cursor = self.textCursor()
        start = QTextCursor(self.document())
        start.setPosition(cursor.selectionStart())
        return self.paragraph_at(start)[0] if self._document else None

    def reapply_highlights(self) -> None:
        """Rebuild highlights for a new layout (after zoom or theme changes)."""
        for key, (ranges, color, underline) in list(self._highlight_ranges.items()):
            self.set_highlights(key, ranges, color, underline)
        self.set_passage_marks(self._mark_ranges)

    def _follow_link(self, url) -> None:
        """A link inside the text: ``#p…`` names a paragraph of this document; nothing else is followed."""
        fragment = url.fragment() if not url.scheme() and not url.path() else ""
        if fragment and self._document is not None and self._document.paragraph_index(fragment) >= 0:
            self.paragraphLinkActivated.emit(fragment)

    # Input -------------------------------------------------------------------
    def set_context_actions(self, actions: list[QAction]) -> None:
        """Extra actions shown in the context menu (copy with citation, bookmark...)."""
        self._extra_actions = actions

    def add_context_provider(self, provider) -> None:
        """A callable giving actions for the menu at the moment it opens (what the selection or caret allows)."""
        self._context_providers.append(provider)

    def contextMenuEvent(self, event) -> None:  # noqa: D102 - Qt override
        menu = self.createStandardContextMenu(event.pos())
        if self._extra_actions:
            menu.addSeparator()
            for action in self._extra_actions:
                menu.addAction(action)
        for provider in self._context_providers:
            actions = provider()
            if actions:
                menu.addSeparator()
                for action in actions:
                    menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def wheelEvent(self, event) -> None:  # noqa: D102 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: D102 - Qt override
        if event.button() in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton):
            self.historyRequested.emit(-1 if event.button() == Qt.MouseButton.BackButton else 1)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: D102 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not self._document:
            return
        if self.textCursor().hasSelection():
            self.selectionMade.emit(event.position().toPoint())
        else:
            cursor = self.cursorForPosition(event.position().toPoint())
            self.paragraphClicked.emit(*self.paragraph_at(cursor))
