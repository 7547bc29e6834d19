"""The window's side of search: queries, matches in the open text, their counts per section, F3.

The library service searches on its workers; this controller asks it, shows the answer
in the search panel, highlights the open document's matches and counts them per outline
node, and steps through them (F3 / Shift+F3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from reader.services.library_links import library_source
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.outline_panel import OutlinePanel
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.reading_view import ReadingView
from reader.ui.search.panel import SearchPanel
from reader.ui.window.notifier import Notifier

if TYPE_CHECKING:
    from reader.services.library import LibraryService, SearchOutcome


class SearchController(QObject):
    """Full-text search of the open document, one of its sections or the library.

    Args:
        navigator: The open document; opens hits elsewhere.
        view: Highlights the open document's matches.
        search_panel: The query box and results.
        outline: Shows how many matches each section holds.
        style: The theme's highlight colours.
        notifier: Messages and the match counter.
        parent: The Qt parent.

    Attributes:
        matches: The open document's matches in reading order: (paragraph, start, end).
        match_index: The current match for F3 / Shift+F3 (-1: none yet).
    """

    def __init__(
        self,
        navigator: Navigator,
        view: ReadingView,
        search_panel: SearchPanel,
        outline: OutlinePanel,
        style: ReadingStyle,
        notifier: Notifier,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._navigator = navigator
        self._view = view
        self._search_panel = search_panel
        self._outline = outline
        self._style = style
        self._notifier = notifier
        self.service: LibraryService | None = None
        self.matches: list[tuple[int, int, int]] = []
        self.match_index = -1
        self._jump_pending = False  # Enter was pressed: go to the first match once the answer is in
        search_panel.searchRequested.connect(self.run_search)
        search_panel.jumpRequested.connect(self._jump_after_reading_position)
        search_panel.hitActivated.connect(self.open_hit)
        search_panel.cleared.connect(self.clear_highlights)
        navigator.documentShown.connect(lambda _document: self.document_changed())

    def attach(self, service: LibraryService) -> None:
        """Search through a library service (it answers on its worker)."""
        self.service = service
        service.searchFinished.connect(self._on_search_finished)

    def document_changed(self) -> None:
        """Another document is on screen: forget the old matches, search the new one for the same query."""
        self.matches, self.match_index = [], -1
        self._outline.set_badges({})
        self._search_panel.forget_section()
        if self._search_panel.query():
            self._search_panel.submit()

    def search_section(self, node_id: str) -> None:
        """在本节中搜索: the search box, scoped to one outline section of the open document."""
        document = self._navigator.document
        node = document.node(node_id) if document is not None else None
        if node is None:
            return
        self._search_panel.set_section(node_id, node.title)
        self._search_panel.focus_box()
        self._search_panel.submit()

    def run_search(self, query: str, scope: str = "document", region: str = "", year: int = 0) -> None:
        """Search the open document or the library on a worker (stale answers are dropped)."""
        if self.service is None:
            return
        from reader.services.library import SearchRequest

        section = self._search_panel.section if scope == "section" else ""
        self.service.search(SearchRequest(query, scope, self._navigator.document, region, year or None, section))

    def _on_search_finished(self, outcome: SearchOutcome) -> None:
        if (
            outcome.request.document is not self._navigator.document
            or outcome.request.query != self._search_panel.query()
        ):
            return  # typed on, or opened another document, meanwhile
        self._search_panel.show_result(outcome.page)
        if outcome.page.notice:
            self._notifier.status(outcome.page.notice, 8000)
        self._show_document_matches(outcome.in_document)

    def _show_document_matches(self, result) -> None:
        """Highlight every match in the view and count hits per outline node."""
        document = self._navigator.document
        if document is None or result is None:
            return
        matches: list[tuple[int, int, int]] = []
        for hit in result.hits:
            index = document.paragraph_index(hit.paragraph)
            matches.extend((index, start, end) for start, end in hit.spans)
        counts = document.paragraphs_per_node(match[0] for match in matches)
        matches.sort()
        self.matches, self.match_index = matches, -1
        self._view.set_highlights("search", matches, self._style.theme.search_hit)
        self._view.clear_highlights("current")
        self._outline.set_badges(counts, self.tr("%1 matching paragraphs").replace("%1", "{count}"))
        if self._jump_pending and matches:
            self._jump_pending = False
            self.step_match(1)

    def _jump_after_reading_position(self) -> None:
        self._jump_pending = True
        self.match_index = -1  # counted from where the reader is, not from an earlier match

    def step_match(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous match from the reading position.

        While the current match is on screen, the step is from it; once the reader has scrolled
        away, it is from where they are now.
        """
        if not self.matches:
            return
        if self.match_index >= 0:
            index, start, _end = self.matches[self.match_index]
            if not self._view.is_position_visible(index, start):
                self.match_index = -1  # the reader scrolled away: count from where they are now
        if self.match_index < 0:
            top = self._view.top_position()
            after = [i for i, match in enumerate(self.matches) if (match[0], match[1]) >= top]
            self.match_index = (after[0] if after else 0) if direction > 0 else ((after[0] - 1) if after else -1)
            self.match_index %= len(self.matches)
        else:
            self.match_index = (self.match_index + direction) % len(self.matches)
        self._show_current_match()

    def _show_current_match(self) -> None:
        index, start, end = self.matches[self.match_index]
        if not self._view.is_position_visible(index, start):
            self._navigator.leave_here()  # a match off screen is a jump: Alt+Left comes back
        self._view.ensure_paragraph_visible(index, start)
        self._view.set_highlights("current", [(index, start, end)], self._style.theme.narration)
        self._notifier.status(
            self.tr("Match %1 of %2").replace("%1", str(self.match_index + 1)).replace("%2", str(len(self.matches))),
            3000,
        )

    def clear_highlights(self) -> None:
        """Esc: remove search highlights and outline counts (the query stays)."""
        self._view.clear_highlights("search")
        self._view.clear_highlights("current")
        self._outline.set_badges({})
        self.matches, self.match_index = [], -1
        self._notifier.clear_status()  # the "match 3 of 8" counter goes with the highlights

    def open_hit(self, hit) -> None:
        """Go to a search hit, opening its document first when needed."""
        document = self._navigator.document
        if document is not None and hit.doc == document.id:
            index = document.paragraph_index(hit.paragraph)
            if index < 0:
                return
            self._navigator.go_to_index(index)
            for number, match in enumerate(self.matches):
                if match[0] == index:
                    self.match_index = number
                    self._show_current_match()
                    break
            return
        self._navigator.open_at_paragraph(library_source(hit.doc), hit.paragraph)
