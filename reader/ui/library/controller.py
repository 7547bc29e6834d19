"""The window's side of the library and search: imports, queries, matches in the text, F3.

The library service imports, indexes and searches on its workers; this controller
asks it, shows the answers in the panels, highlights the open document's matches
and counts them per outline node.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from reader.services.library_links import LIBRARY_SCHEME, library_source
from reader.ui.library.panel import LibraryPanel
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.outline_panel import OutlinePanel
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.reading_view import ReadingView
from reader.ui.search.panel import SearchPanel
from reader.ui.window.file_filters import report_filters
from reader.ui.window.notifier import Notifier

if TYPE_CHECKING:
    from reader.services.library import LibraryService, SearchOutcome


class LibraryController(QObject):
    """Library imports and full-text search through a library service (attached once it has started).

    Args:
        navigator: The open document; opens hits elsewhere.
        view: Highlights the open document's matches.
        search_panel: The query box and results.
        library_panel: The imported documents.
        outline: Shows how many matches each section holds.
        style: The theme's highlight colours.
        notifier: Messages.
        dialog_parent: Parent of the import dialogs.

    Attributes:
        matches: The open document's matches in reading order: (paragraph, start, end).
        match_index: The current match for F3 / Shift+F3 (-1: none yet).
    """

    def __init__(
        self,
        navigator: Navigator,
        view: ReadingView,
        search_panel: SearchPanel,
        library_panel: LibraryPanel,
        outline: OutlinePanel,
        style: ReadingStyle,
        notifier: Notifier,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._navigator = navigator
        self._view = view
        self._search_panel = search_panel
        self._library_panel = library_panel
        self._outline = outline
        self._style = style
        self._notifier = notifier
        self._dialog_parent = dialog_parent
        self.service: LibraryService | None = None
        self.ask_replace = self._ask_replace_dialog  # tests answer it
        self.matches: list[tuple[int, int, int]] = []
        self.match_index = -1
        self._jump_pending = False  # Enter was pressed: go to the first match once the answer is in
        search_panel.searchRequested.connect(self.run_search)
        search_panel.jumpRequested.connect(self._jump_after_reading_position)
        search_panel.hitActivated.connect(self.open_hit)
        search_panel.cleared.connect(self.clear_highlights)
        library_panel.openRequested.connect(lambda doc_id: navigator.open(library_source(doc_id)))
        library_panel.removeRequested.connect(self.remove)
        library_panel.cancelImportRequested.connect(lambda: self.service and self.service.cancel_import())
        library_panel.importFilesRequested.connect(self.import_files_dialog)
        library_panel.importFolderRequested.connect(self.import_folder_dialog)
        library_panel.importUrlRequested.connect(self.import_url_dialog)
        navigator.documentShown.connect(lambda _document: self.document_changed())

    # Wiring ---------------------------------------------------------------------------
    def attach(self, service: LibraryService) -> None:
        """Show what a library service reports: entries, import and index progress, search answers."""
        self.service = service
        service.entriesChanged.connect(self._library_panel.show_entries)
        service.importProgress.connect(self._library_panel.show_progress)
        service.importFinished.connect(self._on_imported)
        service.indexProgress.connect(self._on_index_progress)
        service.searchFinished.connect(self._on_search_finished)
        service.message.connect(lambda text: self._notifier.status(text, 8000))

    def document_changed(self) -> None:
        """Another document is on screen: forget the old matches, search the new one for the same query."""
        self.matches, self.match_index = [], -1
        self._outline.set_badges({})
        self._search_panel.forget_section()
        if self._search_panel.box.text().strip():
            self._search_panel.submit()

    # Search ---------------------------------------------------------------------------
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
            or outcome.request.query != self._search_panel.box.text().strip()
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
        matches = []
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

    # Library ----------------------------------------------------------------------------
    def add_current(self) -> None:
        """File → Add to Library: import the open document's source."""
        document = self._navigator.document
        if document is not None and self.service is not None and not document.source.startswith(LIBRARY_SCHEME):
            self.service.import_sources([document.source])

    def import_files_dialog(self) -> None:
        """Library → Import files."""
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self._dialog_parent,
            self.tr("Import Reports"),
            "",
            report_filters(),
        )
        if paths and self.service is not None:
            self.service.import_sources(paths)

    def import_folder_dialog(self) -> None:
        """Library → Import folder (recursively)."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self._dialog_parent, self.tr("Import a Folder of Reports"))
        if folder and self.service is not None:
            self.service.import_sources([folder])

    def import_url_dialog(self) -> None:
        """Library → Import URL."""
        from PySide6.QtWidgets import QInputDialog

        url, ok = QInputDialog.getText(self._dialog_parent, self.tr("Import URL"), self.tr("Address of a report page:"))
        if ok and url.strip() and self.service is not None:
            self.service.import_sources([url.strip()])

    def remove(self, document_ids: list[str]) -> None:
        """Library → Remove (the selected reports)."""
        if self.service is not None and document_ids:
            self.service.remove(document_ids)

    def _on_imported(self, outcomes: list) -> None:
        errors = [o for o in outcomes if o.error]
        duplicates = [o for o in outcomes if o.duplicate_of]
        done = len(outcomes) - len(errors) - len(duplicates)
        self._notifier.status(self.tr("Imported %1 documents").replace("%1", str(done)), 6000)
        if duplicates:
            self._offer_replace(duplicates)
        if errors:
            first = errors[0]
            more = self.tr(" (and %1 more)").replace("%1", str(len(errors) - 1)) if len(errors) > 1 else ""
            self._notifier.banner(
                self.tr("Could not import %1: %2").replace("%1", first.source).replace("%2", first.error) + more
            )

    def _offer_replace(self, duplicates: list) -> None:
        """The same text is already in the library: say which entry, and offer to replace it."""
        lines = [
            self.tr("%1 holds the same text as %2.").replace("%1", o.source).replace("%2", o.duplicate_name)
            for o in duplicates[:8]
        ]
        if len(duplicates) > 8:
            lines.append(self.tr("(and %1 more)").replace("%1", str(len(duplicates) - 8)))
        answer = self.ask_replace("\n".join(lines))
        if answer and self.service is not None:
            self.service.import_sources([o.source for o in duplicates], replace_duplicates=True)

    def _ask_replace_dialog(self, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        title = self.tr("Already in the Library")
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._dialog_parent)
        box.setInformativeText(self.tr("Replace those entries with the new copies?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _on_index_progress(self, done: int, total: int, _title: str) -> None:
        if total > 1 and done < total:
            self._notifier.status(self.tr("Indexing %1 of %2…").replace("%1", str(done + 1)).replace("%2", str(total)))
        elif total > 1:
            self._notifier.status(self.tr("Search index up to date"), 3000)
