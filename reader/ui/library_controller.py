"""The window's side of the library and search: imports, queries, matches in the text, F3.

The library service imports, indexes and searches on its workers; this controller
asks it, shows the answers in the panels, highlights the open document's matches
and counts them per outline node.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.services.paths import library_source

if TYPE_CHECKING:
    from reader.services.library import LibraryService, SearchOutcome
    from reader.ui.library_panel import LibraryPanel
    from reader.ui.main_window import MainWindow
    from reader.ui.search_panel import SearchPanel


class LibraryController(QObject):
    """Library imports and full-text search through the window's library service.

    Args:
        window: The main window (its view, panels, outline and service).

    Attributes:
        matches: The open document's matches in reading order: (paragraph, start, end).
        match_index: The current match for F3 / Shift+F3 (-1: none yet).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.matches: list[tuple[int, int, int]] = []
        self.match_index = -1

    # Wiring ---------------------------------------------------------------------------
    def connect_panels(self, search: SearchPanel, library: LibraryPanel) -> None:
        """Requests from the search and library panels (built in the window's second stage)."""
        search.searchRequested.connect(self.run_search)
        search.hitActivated.connect(self.open_hit)
        search.cleared.connect(self.clear_highlights)
        library.openRequested.connect(lambda doc_id: self._window.open_source(library_source(doc_id)))
        library.removeRequested.connect(self.remove)
        library.importFilesRequested.connect(self.import_files_dialog)
        library.importFolderRequested.connect(self.import_folder_dialog)
        library.importUrlRequested.connect(self.import_url_dialog)

    def attach(self, service: LibraryService) -> None:
        """Show what a library service reports: entries, import and index progress, search answers."""
        window = self._window
        service.entriesChanged.connect(window.library_panel.show_entries)
        service.importProgress.connect(window.library_panel.show_progress)
        service.importFinished.connect(self._on_imported)
        service.indexProgress.connect(self._on_index_progress)
        service.searchFinished.connect(self._on_search_finished)
        service.message.connect(lambda text: window.statusBar().showMessage(text, 8000))

    def document_changed(self) -> None:
        """Another document is on screen: forget the old matches, search the new one for the same query."""
        self.matches, self.match_index = [], -1
        window = self._window
        if window.is_complete:
            window.outline.set_badges({})
            if window.search_panel.box.text().strip():
                window.search_panel.submit()

    # Search ---------------------------------------------------------------------------
    def run_search(self, query: str, whole_library: bool) -> None:
        """Search the open document or the library on a worker (stale answers are dropped)."""
        window = self._window
        if window.library is None:
            return
        from reader.services.library import SearchRequest

        window.library.search(SearchRequest(query, whole_library, window.document))

    def _on_search_finished(self, outcome: SearchOutcome) -> None:
        window = self._window
        if (
            outcome.request.document is not window.document
            or outcome.request.query != window.search_panel.box.text().strip()
        ):
            return  # typed on, or opened another document, meanwhile
        window.search_panel.show_result(outcome.page)
        if outcome.page.notice:
            window.statusBar().showMessage(outcome.page.notice, 8000)
        self._show_document_matches(outcome.in_document)

    def _show_document_matches(self, result) -> None:
        """Highlight every match in the view and count hits per outline node."""
        window = self._window
        document = window.document
        if document is None or result is None:
            return
        matches = []
        for hit in result.hits:
            index = document.paragraph_index(hit.paragraph)
            matches.extend((index, start, end) for start, end in hit.spans)
        counts = document.paragraphs_per_node(match[0] for match in matches)
        matches.sort()
        self.matches, self.match_index = matches, -1
        window.view.set_highlights("search", matches, window.type_style().theme.search_hit)
        window.view.clear_highlights("current")
        window.outline.set_badges(counts, self.tr("%1 matching paragraphs").replace("%1", "{count}"))

    def step_match(self, direction: int) -> None:
        """F3 / Shift+F3: go to the next or previous match in the open document."""
        if not self.matches:
            return
        if self.match_index < 0:
            top = self._window.view.top_position()
            after = [i for i, match in enumerate(self.matches) if (match[0], match[1]) >= top]
            self.match_index = (after[0] if after else 0) if direction > 0 else ((after[0] - 1) if after else -1)
            self.match_index %= len(self.matches)
        else:
            self.match_index = (self.match_index + direction) % len(self.matches)
        self._show_current_match()

    def _show_current_match(self) -> None:
        window = self._window
        index, start, end = self.matches[self.match_index]
        window.view.ensure_paragraph_visible(index, start)
        window.view.set_highlights("current", [(index, start, end)], window.type_style().theme.narration)
        window.statusBar().showMessage(
            self.tr("Match %1 of %2").replace("%1", str(self.match_index + 1)).replace("%2", str(len(self.matches))),
            3000,
        )

    def clear_highlights(self) -> None:
        """Esc: remove search highlights and outline counts (the query stays)."""
        window = self._window
        window.view.clear_highlights("search")
        window.view.clear_highlights("current")
        window.outline.set_badges({})
        self.matches, self.match_index = [], -1

    def open_hit(self, hit) -> None:
        """Go to a search hit, opening its document first when needed."""
        window = self._window
        document = window.document
        if document is not None and hit.doc == document.id:
            index = document.paragraph_index(hit.paragraph)
            if index < 0:
                return
            window.view.scroll_to_paragraph(index)
            for number, match in enumerate(self.matches):
                if match[0] == index:
                    self.match_index = number
                    self._show_current_match()
                    break
            return
        window.open_at_paragraph(library_source(hit.doc), hit.paragraph)

    # Library ----------------------------------------------------------------------------
    def add_current(self) -> None:
        """File → Add to Library: import the open document's source."""
        window = self._window
        document = window.document
        if document is not None and window.library is not None and not document.source.startswith("library:"):
            window.library.import_sources([document.source])

    def import_files_dialog(self) -> None:
        """Library → Import files."""
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import Reports"),
            "",
            self.tr("Reports (*.html *.htm *.shtml *.txt *.md);;All files (*)"),
        )
        if paths and self._window.library is not None:
            self._window.library.import_sources(paths)

    def import_folder_dialog(self) -> None:
        """Library → Import folder (recursively)."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Import a Folder of Reports"))
        if folder and self._window.library is not None:
            self._window.library.import_sources([folder])

    def import_url_dialog(self) -> None:
        """Library → Import URL."""
        from PySide6.QtWidgets import QInputDialog

        url, ok = QInputDialog.getText(self._window, self.tr("Import URL"), self.tr("Address of a report page:"))
        if ok and url.strip() and self._window.library is not None:
            self._window.library.import_sources([url.strip()])

    def remove(self, document_id: str) -> None:
        """Library → Remove."""
        if self._window.library is not None:
            self._window.library.remove(document_id)

    def _on_imported(self, outcomes: list) -> None:
        window = self._window
        errors = [o for o in outcomes if o.error]
        done = len(outcomes) - len(errors)
        window.statusBar().showMessage(self.tr("Imported %1 documents").replace("%1", str(done)), 6000)
        if errors:
            first = errors[0]
            more = self.tr(" (and %1 more)").replace("%1", str(len(errors) - 1)) if len(errors) > 1 else ""
            window.banner.show_message(
                self.tr("Could not import %1: %2").replace("%1", first.source).replace("%2", first.error) + more
            )

    def _on_index_progress(self, done: int, total: int, _title: str) -> None:
        status = self._window.statusBar()
        if total > 1 and done < total:
            status.showMessage(self.tr("Indexing %1 of %2…").replace("%1", str(done + 1)).replace("%2", str(total)))
        elif total > 1:
            status.showMessage(self.tr("Search index up to date"), 3000)
