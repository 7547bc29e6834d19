"""The library's full-text index: Whoosh postings of every character and bigram, verified exactly.

One Whoosh document per paragraph; its gram field holds every character and every
bigram of the folded text, each posting weighted by the gram's count (no positions).
A character or a bigram of two different characters is answered by its postings; a
longer term by counting it in the paragraphs its rarest bigrams name, or by a
vectorised scan of the text store when that costs less (``finding``), so results are
exactly the paragraphs containing the query as a substring. Ranking is BM25 over
exact occurrences, exact-phrase hits first.

One engine, two stores: Whoosh holds the postings (which paragraphs may hold a
term, written by our codec: ``codec``) and the stored fields (ids, section path,
original text); the text store
(``store.py``) holds every paragraph's folded text, which decides. Both are
committed under one write lock, and the manifest names the commit: Whoosh's
generation and file sizes, the store's length and checksums. ``matching.Scorer``
ranks here and in the one-document search alike.

Reading never repairs: a damaged index (a different schema version, a missing or
cut file, a checksum that does not match) is reported by ``open``/``search``
and rebuilt from the library by the next ``sync``, the only writer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.document import Document
from reader.core.search.index_files import (
    INDEX_NAME,
    SCHEMA_VERSION,
    IndexBusyError,
    IndexDamagedError,
    IndexedDocument,
    IndexFiles,
)
from reader.core.search.query import ParsedQuery
from reader.core.search.results import SearchResult
from reader.core.search.searching import IndexReader, TermInDocument
from reader.core.search.store import RESIDENT_BYTES, TextStore

if TYPE_CHECKING:
    from reader.core.search.writer import IndexWriter, SyncReport

__all__ = [
    "INDEX_NAME",
    "SCHEMA_VERSION",
    "IndexBusyError",
    "IndexDamagedError",
    "IndexedDocument",
    "SearchIndex",
    "TermInDocument",
    "opened",
]


class SearchIndex:
    """The on-disk index of a library: one writer and one reader over the same files.

    Args:
        directory: Where the index lives (``DATA/index``).
        resident_bytes: How much of the text store stays mapped between scans: a
            long-running process keeps some (``store.RESIDENT_BYTES``), a one-off one 0.
    """

    def __init__(self, directory: Path, resident_bytes: int = RESIDENT_BYTES) -> None:
        self.files = IndexFiles(directory, resident_bytes)
        self._writer_made: IndexWriter | None = None
        self._reader = IndexReader(self.files)

    @property
    def _writer(self) -> IndexWriter:
        """The writer, made when first needed: a search alone never imports the writing code."""
        if self._writer_made is None:
            from reader.core.search.writer import IndexWriter

            self._writer_made = IndexWriter(self.files)
        return self._writer_made

    @property
    def directory(self) -> Path:
        """Where the index lives."""
        return self.files.directory

    @property
    def store(self) -> TextStore:
        """The folded text of every paragraph (memory-mapped)."""
        return self.files.store

    @property
    def notice(self) -> str:
        """What the person should know about the index ('' when all is well)."""
        return self.files.notice

    @property
    def damage(self) -> str:
        """Why the index cannot be searched ('' when it can)."""
        return self.files.damage

    @property
    def closed(self) -> bool:
        """Whether no index is open (never opened, closed, missing or damaged)."""
        return self.files.closed

    @property
    def documents(self) -> dict[str, IndexedDocument]:
        """Indexed documents by id."""
        return self.files.documents

    def open(self) -> str:
        """Open the index for searching; returns a notice ('' when all was well)."""
        return self.files.open()

    def close(self) -> None:
        """Release the reader, the index and the text map."""
        self.files.close()

    def stale(self, fingerprints: dict[str, str]) -> bool:
        """Whether the index differs from the library's fingerprints (or needs repair)."""
        return self.files.stale(fingerprints)

    def current_for(self, stamp: str) -> bool:
        """Whether the index is known current at this catalogue stamp (``IndexFiles.current_for``)."""
        return self.files.current_for(stamp)

    def sync(
        self,
        fingerprints: dict[str, str],
        load: Callable[[str], Document],
        progress: Callable[[int, int, str], None] | None = None,
        timeout: float = 30.0,
        stamp: str = "",
    ) -> SyncReport:
        """Bring the index in line with the library (see ``IndexWriter.sync``)."""
        return self._writer.sync(fingerprints, load, progress, timeout, stamp)

    def compact(self, timeout: float = 30.0) -> int:
        """Merge small segments, drop removed text (see ``IndexWriter.compact``); returns the segments before."""
        return self._writer.compact(timeout)

    def segment_count(self) -> int:
        """Segments the index is made of."""
        return self._writer.segment_count()

    def search(self, query: str | ParsedQuery, scope: set[str] | None = None, limit: int = 50) -> SearchResult:
        """Search the library or the documents in ``scope`` (see ``IndexReader.search``)."""
        return self._reader.search(query, scope, limit)

    def term_occurrences(self, term: str, scope: set[str] | None = None) -> dict[str, TermInDocument]:
        """Exact occurrences of a word or phrase per document."""
        return self._reader.term_occurrences(term, scope)

    def document_text(self, doc_id: str) -> str:
        """A document's paragraphs as the index holds them (folded), one per line."""
        return self._reader.document_text(doc_id)

    def paragraphs_with(self, term: str, scope: set[str] | None = None) -> list[tuple[str, str, str, str]]:
        """Every paragraph holding ``term``: (document id, paragraph id, text, folded text)."""
        return self._reader.paragraphs_with(term, scope)

    def paragraph_count(self) -> int:
        """Paragraphs indexed (alive)."""
        return self.files.paragraph_count()

    def size_on_disk(self) -> int:
        """Bytes used by the index directory."""
        return self.files.size_on_disk()


@contextlib.contextmanager
def opened(directory: Path) -> Iterator[SearchIndex]:
    """Open an index for the duration of a block."""
    search_index = SearchIndex(directory)
    search_index.open()
    try:
        yield search_index
    finally:
        search_index.close()
