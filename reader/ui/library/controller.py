"""The window's side of the library: imports (files, folders, URLs), their progress, removal.

The library service imports and indexes on its workers; this controller asks it and
shows what it reports in the library panel. Search has its own controller
(``reader.ui.search.controller``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from reader.services.library_links import LIBRARY_SCHEME, library_source
from reader.ui.library.panel import LibraryPanel
from reader.ui.reading.navigator import Navigator
from reader.ui.window.file_filters import report_filters
from reader.ui.window.notifier import Notifier

if TYPE_CHECKING:
    from reader.services.library import LibraryService


class LibraryController(QObject):
    """Library imports through a library service (attached once it has started).

    Args:
        navigator: The open document (added to the library on request); opens imported ones.
        library_panel: The imported documents.
        notifier: Messages.
        dialog_parent: Parent of the import dialogs.
    """

    def __init__(
        self,
        navigator: Navigator,
        library_panel: LibraryPanel,
        notifier: Notifier,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._navigator = navigator
        self._library_panel = library_panel
        self._notifier = notifier
        self._dialog_parent = dialog_parent
        self.service: LibraryService | None = None
        self.ask_replace = self._ask_replace_dialog  # tests answer it
        library_panel.openRequested.connect(lambda doc_id: navigator.open(library_source(doc_id)))
        library_panel.removeRequested.connect(self.remove)
        library_panel.cancelImportRequested.connect(lambda: self.service and self.service.cancel_import())
        library_panel.importFilesRequested.connect(self.import_files_dialog)
        library_panel.importFolderRequested.connect(self.import_folder_dialog)
        library_panel.importUrlRequested.connect(self.import_url_dialog)

    # Wiring ---------------------------------------------------------------------------
    def attach(self, service: LibraryService) -> None:
        """Show what a library service reports: entries, import and index progress, messages."""
        self.service = service
        service.entriesChanged.connect(self._library_panel.show_entries)
        service.importProgress.connect(self._library_panel.show_progress)
        service.importPace.connect(self._library_panel.show_pace)
        service.importFinished.connect(self._on_imported)
        service.indexProgress.connect(self._on_index_progress)
        service.message.connect(lambda text: self._notifier.status(text, 8000))

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
