"""The index's codec: Whoosh's W3 segments with a compact term table, postings runs and stored-field blocks.

- No per-posting field lengths. Whoosh's writer asks, for every posting it writes, the
  length of the field in that document, to keep length statistics for its BM25
  scoring. Our n-gram field keeps none (ranking is ours: ``matching.Scorer`` over exact
  occurrences), so each of those look-ups was a ``stat()`` of a lengths column that
  never exists: 43% of an index build.
- A term's postings are one compressed run (``posting_runs``), written in bulk for the
  bigram field (``bulk.BulkSegmentWriter``) and one by one for the others; rare terms
  keep them in their record.
- The term dictionary is a table of our own (``term_table``), a quarter of W3's hash file.
- The stored fields but the original text are compressed in blocks (``stored_fields``).

Whoosh's own searcher reads all of it through this codec (``postings_reader`` gives its
matchers a run as a list); our searches read the runs directly (``postings``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter
from whoosh.matching import ListMatcher

from reader.core.search import posting_runs
from reader.core.search.stored_fields import SplitPerDocReader, SplitPerDocWriter
from reader.core.search.term_table import TermTableReader

if TYPE_CHECKING:
    from reader.core.search.bulk import BulkFieldWriter

# Terms with fewer postings than this keep them in their term record (``posting_runs.RunPostingsWriter``).
INLINE_LIMIT = 8


class IndexCodec(W3Codec):  # type: ignore[misc]  # Whoosh is untyped
    """W3 with our term table, postings runs and stored-field blocks, and no field lengths."""

    TERMS_EXT = ".rtt"  # the term table (W3's hash file was ".trm")
    length_stats = False

    def __init__(self, inlinelimit: int = INLINE_LIMIT) -> None:
        super().__init__(inlinelimit=inlinelimit)

    def per_document_writer(self, storage: Any, segment: Any) -> SplitPerDocWriter:  # noqa: D102 - Whoosh API
        return SplitPerDocWriter(self, storage, segment)

    def per_document_reader(self, storage: Any, segment: Any) -> SplitPerDocReader:  # noqa: D102 - Whoosh API
        return SplitPerDocReader(storage, segment)

    def field_writer(self, storage: Any, segment: Any) -> BulkFieldWriter:  # noqa: D102 - Whoosh API
        from reader.core.search.bulk import BulkFieldWriter  # writing only: a search never loads it

        return BulkFieldWriter(self, storage, segment, self.TERMS_EXT)

    def terms_reader(self, storage: Any, segment: Any) -> TermTableReader:  # noqa: D102 - Whoosh API
        name = segment.make_filename(self.TERMS_EXT)
        size = storage.file_length(name)
        table = storage.open_file(name)
        if hasattr(table, "read_at"):  # a part of a mapped compound file (``mapped.ViewFile``): read by position
            read = table.read_at
        else:
            data = table.read(size)
            table.close()

            def read(position: int, length: int) -> bytes:
                return bytes(data[position : position + length])

        return TermTableReader(self, read, size, segment.open_file(storage, self.POSTS_EXT))

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:  # noqa: D102 - Whoosh API
        if byteids:  # term vectors (none of our fields keeps any): W3's blocks, as W3 reads them
            return W3PostingsWriter(dbfile, self._blocklimit, True, self._compression, self._inlinelimit)
        return posting_runs.RunPostingsWriter(dbfile, self._inlinelimit)

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None) -> Any:  # noqa: D102
        if not terminfo.is_inlined():
            offset, length = terminfo.extent()
            data = dbfile.get(offset, length)
            if posting_runs.is_run(data):
                ids, weights = posting_runs.decode(data)
                return ListMatcher(
                    ids.tolist(), weights.tolist(), (), format_, scorer=scorer, term=term, terminfo=terminfo
                )
        return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
