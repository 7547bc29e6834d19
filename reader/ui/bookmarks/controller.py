"""The window's side of bookmarks: Ctrl+D, the panel, margin ribbons, F2, undo and redo.

The bookmark service stores; this controller decides what gets marked, asks for a
title and a note, keeps the panel, the ribbons and the outline counts current, and
puts every change on the window's undo stack.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QWidget

from reader.services.library_links import library_source
from reader.ui.bookmarks.commands import AddCommand, ChangeCommand, DeleteCommand
from reader.ui.bookmarks.panel import BookmarksPanel
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.outline_panel import OutlinePanel
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.reading_view import ReadingView
from reader.ui.window.notifier import Notifier

if TYPE_CHECKING:
    from reader.core.bookmarks.model import Bookmark
    from reader.core.document import Document
    from reader.services.bookmarks import BookmarkService
    from reader.services.library import LibraryService


class BookmarksController(QObject):
    """Bookmarks of the open document and the library, through a bookmark service (attached later).

    Args:
        navigator: The open document; opens another one for a bookmark elsewhere.
        view: Marks the selection or the reading position; shows the margin ribbons.
        panel: The bookmarks panel.
        outline: Shows how many bookmarks each section holds.
        undo_stack: Every change can be undone.
        style: The theme's highlight colour.
        notifier: Messages.
        dialog_parent: Parent of the title-and-note dialog.

    Attributes:
        ask_details: Asks for a bookmark's title and note: ``(title, note, context)`` →
            ``(accepted, title, note)``. A dialog; tests replace it.
    """

    def __init__(
        self,
        navigator: Navigator,
        view: ReadingView,
        panel: BookmarksPanel,
        outline: OutlinePanel,
        undo_stack: QUndoStack,
        style: ReadingStyle,
        notifier: Notifier,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._navigator = navigator
        self._view = view
        self._panel = panel
        self._outline = outline
        self._undo = undo_stack
        self._style = style
        self._notifier = notifier
        self._dialog_parent = dialog_parent
        self.service: BookmarkService | None = None
        self._library: LibraryService | None = None
        self.ask_details = self._ask_details_dialog
        panel.activated.connect(self.go_to)
        panel.editRequested.connect(self.edit)
        panel.deleteRequested.connect(self.delete)
        panel.scopeChanged.connect(self.refresh)
        navigator.documentShown.connect(self._on_document_shown)

    # Wiring ---------------------------------------------------------------------------
    def attach(self, service: BookmarkService, library: LibraryService | None = None) -> None:
        """Show what a bookmark service holds, now and whenever it changes."""
        self.service = service
        self._library = library
        service.listed.connect(lambda _items: self.refresh())
        service.message.connect(lambda text: self._notifier.banner(text, error=False))
        if self._navigator.document is not None:
            service.reanchor(self._navigator.document)

    def _on_document_shown(self, document: Document) -> None:
        self.refresh()
        if self.service is not None:
            self.service.reanchor(document)

    # Marking ---------------------------------------------------------------------------
    def _ask_details_dialog(self, title: str, note: str, context: str) -> tuple[bool, str, str]:
        from reader.ui.bookmarks.panel import BookmarkEditor

        editor = BookmarkEditor(title, note, context, self._dialog_parent)
        accepted = editor.exec() == BookmarkEditor.DialogCode.Accepted
        return accepted, editor.title.text(), editor.note.toPlainText()

    def mark_at_reading_position(self) -> tuple[str, int, int] | None:
        """The paragraph, offset and length Ctrl+D marks: the selection, else the top of the view."""
        document, view = self._navigator.document, self._view
        if document is None or not document.paragraphs:
            return None
        cursor = view.textCursor()
        if cursor.hasSelection():
            start = QTextCursor(view.document())
            start.setPosition(cursor.selectionStart())
            index, offset = view.paragraph_at(start)
            paragraph = document.paragraphs[index]
            length = min(cursor.selectionEnd() - cursor.selectionStart(), len(paragraph.text) - offset)
            return paragraph.id, offset, max(length, 0)
        index, _offset = view.top_position()
        return document.paragraphs[index].id, 0, 0

    def add(self) -> None:
        """Ctrl+D: bookmark the selection or the paragraph at the top, with a title and a note."""
        mark = self.mark_at_reading_position()
        document = self._navigator.document
        if mark is None or self.service is None or document is None:
            return
        paragraph_id, offset, length = mark
        from reader.core.bookmarks.anchors import make_bookmark

        bookmark = make_bookmark(document, paragraph_id, offset, length)
        accepted, title, note = self.ask_details(bookmark.title, "", bookmark.snippet)
        if not accepted:
            return
        bookmark = replace(bookmark, title=title.strip() or bookmark.title, note=note)
        self._undo.push(AddCommand(self.service, bookmark, self.tr("Add Bookmark")))
        self._notifier.status(self.tr("Bookmarked: %1").replace("%1", bookmark.title), 3000)

    def add_section(self, node_id: str) -> None:
        """书签本节: bookmark a whole section (titled with its path), with a note."""
        document = self._navigator.document
        if document is None or self.service is None or document.node(node_id) is None:
            return
        from reader.core.bookmarks.anchors import make_section_bookmark

        bookmark = make_section_bookmark(document, node_id)
        accepted, title, note = self.ask_details(bookmark.title, "", bookmark.snippet)
        if not accepted:
            return
        bookmark = replace(bookmark, title=title.strip() or bookmark.title, note=note)
        self._undo.push(AddCommand(self.service, bookmark, self.tr("Bookmark Section")))
        self._notifier.status(self.tr("Bookmarked: %1").replace("%1", bookmark.title), 3000)

    def edit(self, bookmark: Bookmark) -> None:
        """Rename or change the note of a bookmark."""
        if self.service is None:
            return
        accepted, title, note = self.ask_details(bookmark.title, bookmark.note, bookmark.snippet)
        if accepted and (title, note) != (bookmark.title, bookmark.note):
            changes = {"title": title.strip() or bookmark.title, "note": note}
            command = ChangeCommand(self.service, bookmark, changes, self.tr("Edit Bookmark"))
            self._undo.push(command)

    def delete(self, bookmark: Bookmark) -> None:
        """Delete a bookmark (Edit → Undo brings it back)."""
        if self.service is not None:
            self._undo.push(DeleteCommand(self.service, bookmark, self.tr("Delete Bookmark")))
            self._notifier.status(self.tr("Bookmark deleted — Ctrl+Z to undo"), 5000)

    # Showing -------------------------------------------------------------------------
    def _position_key(self, bookmark: Bookmark) -> tuple:
        """Sort key: this document's bookmarks in reading order first, then the others by document."""
        document = self._navigator.document
        if document is not None and bookmark.doc == document.id:
            return (0, document.paragraph_index(bookmark.paragraph), bookmark.offset, "")
        return (1, bookmark.doc_title, bookmark.created, bookmark.uid)

    def refresh(self) -> None:
        """Refresh the panel, the margin ribbons and the outline counts."""
        items = [b for b in self.service.bookmarks if not b.is_highlight] if self.service is not None else []
        document = self._navigator.document
        current = document.id if document is not None else None
        panel = self._panel
        shown = items if panel.whole_library else [b for b in items if b.doc == current]
        panel.show_bookmarks(shown, self._position_key, current)
        if document is None:
            return
        mine = [b for b in items if b.doc == current and not b.detached]
        indexes = {document.paragraph_index(b.paragraph) for b in mine} - {-1}
        self._view.set_markers(indexes)
        self._outline.set_badges(
            document.paragraphs_per_node(indexes),
            self.tr("%1 bookmarks").replace("%1", "{count}"),
            kind="bookmarks",
        )

    # Going to bookmarks ------------------------------------------------------------------
    def go_to(self, bookmark: Bookmark) -> None:
        """Jump to a bookmark, opening its document first when needed."""
        document = self._navigator.document
        if document is not None and bookmark.doc == document.id:
            index = document.paragraph_index(bookmark.paragraph)
            if index < 0:
                self._notifier.banner(
                    self.tr("This bookmark is detached: its text was not found in the current version."), error=False
                )
                return
            self._navigator.go_to_index(index, bookmark.offset)
            if bookmark.length:
                end = bookmark.offset + bookmark.length
                self._view.set_highlights("current", [(index, bookmark.offset, end)], self._style.theme.narration)
            return
        in_library = self._library is not None and self._library.library.entry(bookmark.doc) is not None
        source = library_source(bookmark.doc) if in_library else bookmark.source
        if source:
            self._navigator.open_at_paragraph(source, bookmark.paragraph)

    def step(self, direction: int) -> None:
        """F2 / Shift+F2: the next or previous bookmark in this document."""
        document = self._navigator.document
        if document is None or self.service is None:
            return
        marks = sorted(
            (document.paragraph_index(b.paragraph), b.offset, b.uid)
            for b in self.service.bookmarks
            if b.doc == document.id and not b.is_highlight and document.paragraph_index(b.paragraph) >= 0
        )
        if not marks:
            self._notifier.status(self.tr("No bookmarks in this document"), 3000)
            return
        top = self._view.top_position()
        if direction > 0:
            target = next((m for m in marks if (m[0], m[1]) > top), marks[0])
        else:
            target = next((m for m in reversed(marks) if (m[0], m[1]) < top), marks[-1])
        self._navigator.go_to_index(target[0], target[1])
