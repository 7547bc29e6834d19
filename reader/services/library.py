"""The library and its search index for the GUI: imports, index updates and searches on workers.

Writes (imports, removals, index updates) run one at a time on their own
thread; searches run on another, with their own index reader, so a long import
never delays a search. Search requests supersede each other: only the newest
result is delivered.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.library import ImportOutcome, Library, LibraryEntry
from reader.core.search.results import SearchResult
from reader.services.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.search.index import SearchIndex


@dataclass(frozen=True)
class SearchRequest:
    """What to search: the query, and either one document or the whole library."""

    query: str
    whole_library: bool
    document: Document | None = None


@dataclass(frozen=True)
class SearchOutcome:
    """A search answer: the ranked first page, and every hit in the open document."""

    request: SearchRequest
    page: SearchResult
    in_document: SearchResult | None


class LibraryService(QObject):
    """Imports, removals, index upkeep and searches, off the GUI thread.

    Signals:
        entriesChanged(list): the catalog (list of LibraryEntry) after any change.
        importProgress(int, int, str): done, total, current source.
        importFinished(list): ImportOutcome per source.
        indexProgress(int, int, str): done, total, current title while indexing.
        indexReady(): the index matches the library.
        searchFinished(object): a SearchOutcome for the newest request.
        message(str): a one-line notice or error for the status bar.
    """

    entriesChanged = Signal(list)
    importProgress = Signal(int, int, str)
    importFinished = Signal(list)
    indexProgress = Signal(int, int, str)
    indexReady = Signal()
    searchFinished = Signal(object)
    message = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = Library(data_dir)
        self._index_dir = data_dir / "index"
        # Created on the workers: the index brings Whoosh and NumPy, which the first paint does not need.
        self._writer_index: SearchIndex | None = None
        self._reader_index: SearchIndex | None = None
        self._writes = TaskRunner(self)
        self._reads = TaskRunner(self)
        self.entries: list[LibraryEntry] = []

    # Catalog and index ------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the catalog and bring the index up to date."""
        self._writes.submit(self._list_and_sync, on_done=self._listed, on_error=self._failed)

    def _list_and_sync(self) -> list[LibraryEntry]:
        entries = self.library.entries()
        self._sync_index()
        return entries

    def _sync_index(self) -> None:
        from reader.core.search.index import IndexBusyError, SearchIndex

        if self._writer_index is None:
            self._writer_index = SearchIndex(self._index_dir)
        try:
            report = self._writer_index.sync(
                self.library.fingerprints(), self.library.document, self.indexProgress.emit, processes=1
            )
            if report.rebuilt:
                self.message.emit(report.rebuilt)
        except IndexBusyError as error:
            self.message.emit(str(error))
        except OSError as error:
            self.message.emit(f"cannot update the search index: {error.strerror or error}")

    def _listed(self, entries: list[LibraryEntry]) -> None:
        self.entries = entries
        self.entriesChanged.emit(entries)
        self.indexReady.emit()

    def _failed(self, error: Exception) -> None:
        self.message.emit(str(error) if isinstance(error, (ReaderError, OSError)) else repr(error))

    def import_sources(self, sources: list[str]) -> None:
        """Import files, folders and URLs, then update the index."""
        self._writes.submit(self._import, sources, on_done=self._imported, on_error=self._failed)

    def _import(self, sources: list[str]) -> tuple[list[ImportOutcome], list[LibraryEntry]]:
        outcomes = self.library.add_many(sources, self.importProgress.emit)
        entries = self.library.entries()
        self._sync_index()
        return outcomes, entries

    def _imported(self, result) -> None:
        outcomes, entries = result
        self.importFinished.emit(outcomes)
        self._listed(entries)

    def remove(self, document_id: str) -> None:
        """Remove a document from the library and the index."""

        def work() -> list[LibraryEntry]:
            self.library.remove(document_id)
            entries = self.library.entries()
            self._sync_index()
            return entries

        self._writes.submit(work, on_done=self._listed, on_error=self._failed)

    def contains(self, document_id: str) -> bool:
        """Whether a document id is in the (last listed) library."""
        return any(entry.id == document_id for entry in self.entries)

    # Search -------------------------------------------------------------------------
    def search(self, request: SearchRequest) -> None:
        """Search on the read thread; an older unfinished search is dropped."""
        self._reads.submit(
            self._search, request, on_done=self.searchFinished.emit, on_error=self._failed, channel="search"
        )

    def cancel_search(self) -> None:
        """Forget any running search (its result will not be delivered)."""
        self._reads.cancel_channel("search")

    def _search(self, request: SearchRequest) -> SearchOutcome:
        from reader.core.search.query import parse_query
        from reader.core.search.results import search_document

        parsed = parse_query(request.query)
        document = request.document
        in_document = search_document(document, parsed, limit=0) if document is not None else None
        if request.whole_library:
            if self._reader_index is None:
                from reader.core.search.index import SearchIndex

                self._reader_index = SearchIndex(self._index_dir)
            if self._reader_index.damage or self._reader_index.closed:
                self._reader_index.open()  # never repairs: the writer does, under its lock
            page = self._reader_index.search(parsed, None, limit=100)
        else:
            page = in_document if in_document is not None else SearchResult(request.query, 0)
        return SearchOutcome(request, page, in_document)

    def wait(self, msecs: int = 10000) -> None:
        """Wait for running work (tests and shutdown)."""
        self._writes.wait(msecs)
        self._reads.wait(msecs)

    def close(self) -> None:
        """Release the indexes."""
        self.wait(3000)
        for index in (self._writer_index, self._reader_index):
            if index is not None:
                index.close()
