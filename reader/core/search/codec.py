"""The index's codec: Whoosh's own (W3), without per-posting field lengths, taking postings in bulk.

Whoosh's writer asks, for every posting it writes, the length of the field in that
document, to keep length statistics for its BM25 scoring. Our n-gram field keeps no
lengths (ranking is ours: ``matching.Scorer`` over exact occurrences), so every one of
those look-ups was a ``stat()`` of a lengths column that never exists, and answered 0:
43% of an index build. A codec that keeps no length statistics writes the very same
postings (length 0) without them.

Its field writer also takes a term's postings as one array (``bulk.BulkFieldWriter``),
for the bigram field written by ``bulk.BulkSegmentWriter``; the format on disk is W3's.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec

from reader.core.search.bulk import BulkFieldWriter, BulkPostingsWriter

# Terms with fewer postings than this keep them in their term record (``BulkPostingsWriter``).
INLINE_LIMIT = 8
# Postings a block holds. Whoosh's 128 suits its matchers, which skip whole blocks; ours read
# a bigram's postings whole (``postings.gram_keys``), and decoding is mostly a cost per block:
# 1,024 decoded twice as fast and made the postings a third smaller.
BLOCK_LIMIT = 1024


class IndexCodec(W3Codec):  # type: ignore[misc]  # Whoosh is untyped
    """W3 without per-posting field lengths (none of our fields keeps any), with bulk postings."""

    def __init__(self, blocklimit: int = BLOCK_LIMIT, compression: int = 3, inlinelimit: int = INLINE_LIMIT) -> None:
        super().__init__(blocklimit, compression, inlinelimit)

    # Posting blocks stay compressed: plain blocks built 40 reports 9% faster and 2% smaller, but
    # 1,000 reports no faster (the helpers' per-term work dominates) and 5% larger.
    length_stats = False

    def field_writer(self, storage: Any, segment: Any) -> BulkFieldWriter:  # noqa: D102 - Whoosh API
        return BulkFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> BulkPostingsWriter:  # noqa: D102 - Whoosh API
        return BulkPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
