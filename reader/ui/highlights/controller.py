"""Highlights in the window: a selection marked in a colour, drawn in the text, listed, quoted.

Ctrl+H (or the text's context menu) marks the selection in the last colour used; the
context menu offers the five colours,
underline for people who print, and a note with tags. A highlight under the caret is
announced to screen readers with its colour and note; the panel lists, filters and
exports them as quotes with citations. Every change can be undone.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QTextCursor, QUndoStack
from PySide6.QtWidgets import QWidget

from reader.core.bookmarks.model import HIGHLIGHT_COLORS, Bookmark
from reader.services.bookmarks import BookmarkService
from reader.ui.bookmarks.commands import AddCommand, ChangeCommand, DeleteCommand
from reader.ui.common.widgets import announce
from reader.ui.highlights.details import ask_highlight_details
from reader.ui.highlights.panel import HighlightsPanel, color_names
from reader.ui.highlights.quotes import Quotes, ask_quotes_path
from reader.ui.highlights.selection_toolbar import SelectionToolbar
from reader.ui.reading.appearance import HIGHLIGHT_MARK_COLORS, highlight_palette
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.reading_view import ReadingView
from reader.ui.window.notifier import Notifier

_KEY = "highlight:"


class HighlightsController(QObject):
    """Marks, shows, reads aloud and exports highlights.

    Args:
        navigator: The open document and jumps.
        view: The reading view.
        panel: The highlights panel.
        toolbar: The colours shown over a selection made with the mouse.
        undo_stack: Every change can be undone.
        style: The reading theme (colours readable on it).
        notifier: Messages.
        dialog_parent: Parent of the note dialog and the file dialog.

    Attributes:
        ask_details: Asks for a note and tags: ``(note, tags, quote)`` → ``(accepted, note, tags)``.
            A dialog; tests replace it.
        ask_export_path: Asks where to save quotes (the suffix picks the format); tests replace it.

    Signals:
        readPassages(object): passages of the open report to read aloud, one after another:
            a list of (paragraph index, first character, one past the last).
    """

    readPassages = Signal(object)

    def __init__(
        self,
        navigator: Navigator,
        view: ReadingView,
        panel: HighlightsPanel,
        toolbar: SelectionToolbar,
        undo_stack: QUndoStack,
        style: ReadingStyle,
        notifier: Notifier,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._navigator = navigator
        self._view = view
        self._panel = panel
        self._undo = undo_stack
        self._style = style
        self._notifier = notifier
        self._dialog_parent = dialog_parent
        self.service: BookmarkService | None = None
        self.resolve_document = lambda _doc_id: None
        self.color = "yellow"
        self.ask_details = lambda note, tags, quote: ask_highlight_details(note, tags, quote, dialog_parent)
        self.ask_export_path = lambda: ask_quotes_path(self._dialog_parent)
        self._announced = ""
        panel.activated.connect(self.go_to)
        panel.editRequested.connect(self.edit)
        panel.deleteRequested.connect(self.remove)
        panel.colorRequested.connect(self.recolor)
        panel.exportRequested.connect(self.export_dialog)
        panel.copyRequested.connect(self.copy_quotes)
        panel.readRequested.connect(self.read_aloud)
        toolbar.highlightRequested.connect(
            lambda color, style, with_note: self.highlight(color or None, style, with_note)
        )
        panel.scopeChanged.connect(self.refresh)
        navigator.documentShown.connect(lambda _document: self.refresh())
        style.themeChanged.connect(lambda _theme: self.refresh())
        view.cursorPositionChanged.connect(self._announce_under_caret)

    def attach(self, service: BookmarkService) -> None:
        """Show what the bookmark service holds (highlights live beside bookmarks)."""
        self.service = service
        service.listed.connect(lambda _items: self.refresh())
        self.refresh()

    # The items ---------------------------------------------------------------------------
    def highlights(self) -> list[Bookmark]:
        """Every live highlight the service holds."""
        return [b for b in self.service.bookmarks if b.is_highlight] if self.service is not None else []

    def _mine(self) -> list[Bookmark]:
        document = self._navigator.document
        return [h for h in self.highlights() if document is not None and h.doc == document.id]

    def at_caret(self) -> Bookmark | None:
        """The highlight under the caret, if any."""
        document = self._navigator.document
        if document is None:
            return None
        index, offset = self._view.paragraph_at(self._view.textCursor())
        if not 0 <= index < len(document.paragraphs):
            return None
        paragraph = document.paragraphs[index].id
        return next(
            (h for h in self._mine() if h.paragraph == paragraph and h.offset <= offset < h.offset + h.length), None
        )

    # Marking -------------------------------------------------------------------------------
    def _selection(self) -> tuple[str, int, int] | None:
        """The selection as (paragraph id, start, end), clipped to the paragraph it starts in."""
        document, view = self._navigator.document, self._view
        cursor = view.textCursor()
        if document is None or not cursor.hasSelection():
            return None
        start = QTextCursor(view.document())
        start.setPosition(cursor.selectionStart())
        index, offset = view.paragraph_at(start)
        if not 0 <= index < len(document.paragraphs):
            return None
        text = document.paragraphs[index].text
        end = min(offset + cursor.selectionEnd() - cursor.selectionStart(), len(text))
        while offset < end and text[offset].isspace():
            offset += 1
        while end > offset and text[end - 1].isspace():
            end -= 1
        return (document.paragraphs[index].id, offset, end) if end > offset else None

    def highlight(self, color: str | None = None, style: str = "highlight", with_note: bool = False) -> None:
        """Mark the selection (Ctrl+H: in the last colour used)."""
        chosen = self._selection()
        document = self._navigator.document
        if chosen is None or self.service is None or document is None:
            self._notifier.status(self.tr("Select the words to highlight first"), 3000)
            return
        from reader.core.bookmarks.anchors import make_highlight

        color = color if color in HIGHLIGHT_COLORS else self.color
        self.color = color
        highlight = make_highlight(document, *chosen, color=color, style=style)
        if with_note:
            accepted, note, tags = self.ask_details("", [], highlight.snippet)
            if not accepted:
                return
            highlight = replace(highlight, note=note, tags=tuple(tags))
        self._undo.push(AddCommand(self.service, highlight, self.tr("Highlight")))
        cursor = self._view.textCursor()
        cursor.clearSelection()
        self._view.setTextCursor(cursor)
        name = color_names().get(color, color)
        self._notifier.status(self.tr("Highlighted in %1").replace("%1", name), 3000)

    def edit(self, highlight: Bookmark) -> None:
        """Change a highlight's note and tags."""
        if self.service is None:
            return
        accepted, note, tags = self.ask_details(highlight.note, list(highlight.tags), highlight.snippet)
        if accepted and (note, tuple(tags)) != (highlight.note, highlight.tags):
            changes = {"note": note, "tags": tuple(tags)}
            self._undo.push(ChangeCommand(self.service, highlight, changes, self.tr("Edit Highlight")))

    def recolor(self, highlight: Bookmark, color: str) -> None:
        """Give a highlight another colour."""
        if self.service is not None and color in HIGHLIGHT_COLORS and color != highlight.color:
            self.color = color
            self._undo.push(
                ChangeCommand(self.service, highlight, {"color": color}, self.tr("Change Highlight Colour"))
            )

    def restyle(self, highlight: Bookmark, style: str) -> None:
        """Switch a highlight between a background and an underline."""
        if self.service is not None and style != highlight.style:
            self._undo.push(ChangeCommand(self.service, highlight, {"style": style}, self.tr("Change Highlight Style")))

    def remove(self, highlight: Bookmark) -> None:
        """Remove a highlight (Ctrl+Z brings it back)."""
        if self.service is not None:
            self._undo.push(DeleteCommand(self.service, highlight, self.tr("Remove Highlight")))
            self._notifier.status(self.tr("Highlight removed — Ctrl+Z to undo"), 5000)

    # Context menu of the text -------------------------------------------------------------
    def context_actions(self) -> list[QAction]:
        """What the text's context menu offers: on a selection the colours; on a highlight, its changes."""
        actions: list[QAction] = []
        names = color_names()
        if self._view.textCursor().hasSelection():
            for key in HIGHLIGHT_COLORS:
                action = QAction(self.tr("Highlight in %1").replace("%1", names[key]), self._view)
                action.triggered.connect(lambda _c=False, k=key: self.highlight(k))
                actions.append(action)
            underline = QAction(self.tr("Underline"), self._view)
            underline.triggered.connect(lambda: self.highlight(style="underline"))
            noted = QAction(self.tr("Highlight with Note…"), self._view)
            noted.triggered.connect(lambda: self.highlight(with_note=True))
            return [*actions, underline, noted]
        current = self.at_caret()
        if current is None:
            return []
        edit = QAction(self.tr("Edit Highlight Note…"), self._view)
        edit.triggered.connect(lambda: self.edit(current))
        actions.append(edit)
        for key in HIGHLIGHT_COLORS:
            if key != current.color:
                action = QAction(self.tr("Colour: %1").replace("%1", names[key]), self._view)
                action.triggered.connect(lambda _c=False, k=key: self.recolor(current, k))
                actions.append(action)
        other = "highlight" if current.style == "underline" else "underline"
        restyle = QAction(
            self.tr("Show as Background") if other == "highlight" else self.tr("Show as Underline"), self._view
        )
        restyle.triggered.connect(lambda: self.restyle(current, other))
        remove = QAction(self.tr("Remove Highlight"), self._view)
        remove.triggered.connect(lambda: self.remove(current))
        return [*actions, restyle, remove]

    # Showing -------------------------------------------------------------------------------
    def _position_key(self, highlight: Bookmark) -> tuple:
        document = self._navigator.document
        if document is not None and highlight.doc == document.id:
            return (0, "", document.paragraph_index(highlight.paragraph), highlight.offset)
        return (1, highlight.doc_title, 0, highlight.created)

    def refresh(self) -> None:
        """Draw this report's highlights in the text and list them in the panel."""
        palette = highlight_palette(self._style.theme)
        document = self._navigator.document
        items = self.highlights()
        mine = [h for h in items if document is not None and h.doc == document.id]
        self._panel.show_highlights(items if self._panel.whole_library else mine, self._position_key, palette)
        if document is None:
            self._view.clear_highlights_under(_KEY)
            return
        groups: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        for highlight in mine:
            if highlight.detached:
                continue
            index = document.paragraph_index(highlight.paragraph)
            if index >= 0:
                style = highlight.style or "highlight"
                groups.setdefault((highlight.color, style), []).append(
                    (index, highlight.offset, highlight.offset + highlight.length)
                )
        drawn = {}
        for (color, style), ranges in groups.items():
            underline = style == "underline"
            shade = self._style.theme.heading if underline and color == "yellow" else palette.get(color, "#fff3a0")
            drawn[f"{_KEY}{color}:{style}"] = (ranges, shade, underline)
        self._view.replace_highlights_under(_KEY, drawn)
        self._view.set_passage_marks(
            [
                (index, start, end, HIGHLIGHT_MARK_COLORS.get(color, HIGHLIGHT_MARK_COLORS["yellow"]))
                for (color, _style), ranges in groups.items()
                for index, start, end in ranges
            ]
        )

    def read_aloud(self, highlights: list[Bookmark]) -> None:
        """Read my highlights: those of the open report among ``highlights``, in reading order."""
        from reader.core.bookmarks.anchors import highlight_passages

        document = self._navigator.document
        ranges = highlight_passages(document, highlights) if document is not None else []
        if not ranges:
            self._notifier.status(self.tr("This report has no highlights to read"), 4000)
            return
        self.readPassages.emit(ranges)

    def _announce_under_caret(self) -> None:
        """Say a highlight's colour and note when the caret enters it (screen readers hear it)."""
        current = self.at_caret() if self._view.hasFocus() else None
        uid = current.uid if current is not None else ""
        if uid == self._announced:
            return
        self._announced = uid
        if current is not None:
            said = self.tr("Highlighted in %1").replace("%1", color_names().get(current.color, current.color))
            if current.note.strip():
                said += self.tr(", note: %1").replace("%1", current.note.strip())
            announce(self._view, said)

    def go_to(self, highlight: Bookmark) -> None:
        """Jump to a highlight (a jump: Alt+Left returns), opening its report first when needed."""
        document = self._navigator.document
        if document is not None and highlight.doc == document.id:
            index = document.paragraph_index(highlight.paragraph)
            if index < 0:
                self._notifier.banner(
                    self.tr("The report's words changed here: this highlight's text was not found."), error=False
                )
                return
            self._navigator.go_to_index(index, highlight.offset)
            return
        if highlight.source:
            self._navigator.open_at_paragraph(highlight.source, highlight.paragraph)

    # Quotes ----------------------------------------------------------------------------------
    def _quotes(self) -> Quotes:
        return Quotes(self._navigator.document, self.resolve_document, self._notifier)

    def copy_quotes(self, highlights: list[Bookmark]) -> None:
        """Copy the highlights as quotes with their citations (plain text, ready to paste)."""
        self._quotes().copy(highlights)

    def export_dialog(self, highlights: list[Bookmark]) -> None:
        """Save the highlights as quotes; the file name's suffix picks the format."""
        path = self.ask_export_path()
        if path:
            self._quotes().save(highlights, path)
