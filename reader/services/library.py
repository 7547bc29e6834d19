"""The library and its search index for the GUI: imports, index updates and searches on workers.

Writes (imports, removals, index updates) run one at a time on their own
thread; searches run on another, with their own index reader, so a long import
never delays a search. Search requests supersede each other: only the newest
result is delivered.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.core.diagnostics import describe_error
from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.library import ImportOutcome, Library, LibraryEntry
from reader.core.naming import Identity
from reader.core.paths import DataLayout
from reader.core.search.results import SearchResult
from reader.services.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.search.index import SearchIndex


SCOPES = ("document", "region", "year", "library")
# During a long import the index is brought up to date after this many stored documents, so that
# what is in is searchable while the rest comes (and an interrupted import keeps it indexed).
SEARCHABLE_EVERY = 200
# After an import the index is compacted in the background once it is made of this many segments
# (each batch above adds one; a search looks in every one of them).
COMPACT_FROM = 8
CANCELLED = "not imported: the import was cancelled"


@dataclass(frozen=True)
class SearchRequest:
    """What to search.

    Attributes:
        query: What the person typed.
        scope: "document" (the open one), "region" or "year" (the library's reports of the
            open document's region or year), or "library".
        document: The open document.
        region: Narrow to this region (a click on a facet count); '' for all.
        year: Narrow to this year; None for all.
        section: With scope "section": the outline node of the open document searched (its sub-nodes too).
    """

    query: str
    scope: str = "document"
    document: Document | None = None
    region: str = ""
    year: int | None = None
    section: str = ""

    @property
    def whole_library(self) -> bool:
        """Whether the library's index answers (any scope but the open document or one of its sections)."""
        return self.scope not in ("document", "section")


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
        importPace(float, float): documents per second, and seconds left (-1 while unknown).
        importFinished(list): ImportOutcome per source.
        indexProgress(int, int, str): done, total, current title while indexing.
        indexReady(): the index matches the library.
        searchFinished(object): a SearchOutcome for the newest request.
        message(str): a one-line notice or error for the status bar.
    """

    entriesChanged = Signal(list)
    importProgress = Signal(int, int, str)
    importPace = Signal(float, float)
    importFinished = Signal(list)
    indexProgress = Signal(int, int, str)
    indexReady = Signal()
    searchFinished = Signal(object)
    message = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = Library(data_dir)
        self._index_dir = DataLayout(data_dir).index
        # Created on the workers: the index brings Whoosh and NumPy, which the first paint does not need.
        self._writer_index: SearchIndex | None = None
        self._reader_index: SearchIndex | None = None
        self._writes = TaskRunner(self)
        self._reads = TaskRunner(self)
        self._cancelled = threading.Event()
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
            stamp = self.library.change_stamp()  # before the fingerprints it vouches for
            report = self._writer_index.sync(
                self.library.fingerprints(), self.library.document, self.indexProgress.emit, stamp=stamp
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
        self.message.emit(describe_error(error))

    def import_sources(self, sources: list[str], replace_duplicates: bool = False) -> None:
        """Import files, folders and URLs, then update the index (``cancel_import`` stops it)."""
        self._cancelled.clear()
        self._writes.submit(self._import, sources, replace_duplicates, on_done=self._imported, on_error=self._failed)

    def cancel_import(self) -> None:
        """Stop an import after the document being stored (what is stored stays)."""
        self._cancelled.set()

    def _import(self, sources: list[str], replace: bool) -> tuple[list[ImportOutcome], list[LibraryEntry]]:
        """Parse in spawned worker processes (every core, and no fork of this Qt process), store here."""
        from reader.core.import_pace import ImportPace
        from reader.core.library import ImportOutcome, expand_sources, prepare_source
        from reader.core.parallel_parse import in_order

        expanded = expand_sources(sources)
        outcomes: list[ImportOutcome] = []
        self.importProgress.emit(0, len(expanded), "")
        self.library.clean_temporaries()
        pace = ImportPace(len(expanded))
        worker = functools.partial(prepare_source, self.library.data_dir)
        with in_order(worker, expanded, here=self.library.prepare_or_outcome) as prepared_items:
            for number, (source, prepared) in enumerate(zip(expanded, prepared_items, strict=True)):
                if self._cancelled.is_set():
                    outcomes.extend(ImportOutcome(s, error=CANCELLED) for s in expanded[number:])
                    break
                outcomes.append(prepared if isinstance(prepared, ImportOutcome) else self._store(prepared, replace))
                self.importProgress.emit(number + 1, len(expanded), source)
                rate, left = pace.update(number + 1)
                self.importPace.emit(rate, -1.0 if left is None else left)
                if (number + 1) % SEARCHABLE_EVERY == 0 and number + 1 < len(expanded):
                    self._sync_index()  # what is stored so far becomes searchable now
                    self.indexReady.emit()
        entries = self.library.entries()
        self._sync_index()
        if self._writer_index is not None and self._writer_index.segment_count() >= COMPACT_FROM:
            self._writes.submit(self._compact, on_done=lambda _none: None, on_error=self._failed)  # after this import
        return outcomes, entries

    def _compact(self) -> None:
        from reader.core.search.index import IndexBusyError

        if self._writer_index is None:
            return
        try:
            self._writer_index.compact()
        except IndexBusyError as error:
            self.message.emit(str(error))
        else:
            self.indexReady.emit()

    def _store(self, prepared, replace: bool) -> ImportOutcome:
        from reader.core.library import ImportOutcome

        try:
            return self.library.store_prepared(prepared, replace)
        except (ReaderError, OSError) as error:
            return ImportOutcome(prepared.source, error=str(error))

    def _imported(self, result) -> None:
        outcomes, entries = result
        self.importFinished.emit(outcomes)
        self._listed(entries)

    def remove(self, document_ids: list[str] | str) -> None:
        """Remove documents from the library and the index."""
        ids = [document_ids] if isinstance(document_ids, str) else list(document_ids)

        def work() -> list[LibraryEntry]:
            for document_id in ids:
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
        if request.scope == "section" and document is not None and document.node(request.section) is not None:
            within = document.node_paragraph_range(request.section)
            page = search_document(document, parsed, limit=0, within=within)
            return SearchOutcome(request, page, page)
        if request.whole_library:
            if self._reader_index is None:
                from reader.core.search.index import SearchIndex

                self._reader_index = SearchIndex(self._index_dir)
            if self._reader_index.damage or self._reader_index.closed:
                self._reader_index.open()  # never repairs: the writer does, under its lock
            page = self._reader_index.search(parsed, self._scope_ids(request), limit=100)
        else:
            page = in_document if in_document is not None else SearchResult(request.query, 0)
        return SearchOutcome(request, page, in_document)

    def _scope_ids(self, request: SearchRequest) -> set[str] | None:
        """The library documents a request searches (None: all of them)."""
        identity = Identity.from_meta(request.document.meta) if request.document is not None else Identity()
        region = request.region or (identity.region if request.scope == "region" else "")
        year = request.year or (identity.year if request.scope == "year" else None)
        if not region and not year:
            return None
        entries = self.library.entries()
        return {e.id for e in entries if (not region or e.region == region) and (not year or e.year == year)}

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
