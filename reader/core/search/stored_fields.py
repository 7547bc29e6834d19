"""Stored fields in two parts: the rare original text per paragraph, everything else compressed in blocks.

W3 pickles and compresses each document's stored fields on their own: a paragraph's key,
document id, paragraph id and section path cost ~220 bytes, though the paragraphs of a
document share most of them. Here they are pickled into blocks of ``BLOCK_DOCUMENTS``
paragraphs compressed together (~25 bytes a paragraph). Only the original text, stored
for the paragraphs folding changed (``index_files``), stays a per-document value: a
concordance reads it for thousands of paragraphs, and a block would be decompressed for
each. ``stored_fields`` answers with both parts, as W3's does.

A block column's layout: the blocks (zlib'd pickles of their values), the offset of
each block and of the end (little-endian uint64), then ``_TRAILER``: where the offsets
start and how many documents the column holds.
"""

from __future__ import annotations

import pickle
import struct
import zlib
from typing import Any

import numpy as np
from whoosh import columns
from whoosh.codec.whoosh3 import STORED_COLUMN, W3PerDocReader, W3PerDocWriter

# A search page decompresses up to 50 blocks (~10 µs each at 16), a sequential read one per 16 paragraphs.
BLOCK_DOCUMENTS = 16
_TRAILER = struct.Struct("<QQ")
ORIGINAL_FIELD = "text"  # the one stored field kept per document
_BLOCKED = "_fields"  # the column holding the others


class BlockColumn(columns.Column):  # type: ignore[misc]  # Whoosh is untyped
    """A Whoosh column of byte strings compressed ``BLOCK_DOCUMENTS`` at a time."""

    def __init__(self, documents: int = BLOCK_DOCUMENTS, level: int = 6) -> None:
        self._documents = documents
        self._level = level

    def writer(self, dbfile: Any) -> BlockColumn.Writer:  # noqa: D102 - Whoosh API
        return BlockColumn.Writer(dbfile, self._documents, self._level)

    def reader(self, dbfile: Any, basepos: int, length: int, doccount: int) -> BlockColumn.Reader:  # noqa: D102
        return BlockColumn.Reader(dbfile, basepos, length, doccount)

    class Writer(columns.ColumnWriter):  # type: ignore[misc]  # Whoosh is untyped
        """Collects values and writes each block when full."""

        def __init__(self, dbfile: Any, documents: int, level: int) -> None:
            super().__init__(dbfile)
            self._documents = documents
            self._level = level
            self._start = dbfile.tell()
            self._values: list[bytes] = []
            self._written = 0  # documents in the blocks written
            self._offsets: list[int] = []

        def add(self, docnum: int, value: bytes) -> None:  # noqa: D102 - Whoosh API
            while self._written + len(self._values) < docnum:  # documents without a value
                self._take(b"")
            self._take(value)

        def _take(self, value: bytes) -> None:
            self._values.append(value)
            if len(self._values) == self._documents:
                self._flush()

        def _flush(self) -> None:
            self._offsets.append(self._dbfile.tell() - self._start)
            self._dbfile.write(zlib.compress(pickle.dumps(self._values, 4), self._level))
            self._written += len(self._values)
            self._values = []

        def finish(self, doccount: int) -> None:  # noqa: D102 - Whoosh API
            while self._written + len(self._values) < doccount:
                self._take(b"")
            if self._values:
                self._flush()
            self._offsets.append(self._dbfile.tell() - self._start)
            at = self._dbfile.tell() - self._start
            self._dbfile.write(np.array(self._offsets, dtype="<u8").tobytes())
            self._dbfile.write(_TRAILER.pack(at, doccount))

    class Reader(columns.ColumnReader):  # type: ignore[misc]  # Whoosh is untyped
        """Reads a value by decompressing its block; the last block read is kept."""

        def __init__(self, dbfile: Any, basepos: int, length: int, doccount: int) -> None:
            super().__init__(dbfile, basepos, length, doccount)
            at, written = _TRAILER.unpack(dbfile.get(basepos + length - _TRAILER.size, _TRAILER.size))
            if written != doccount or at + _TRAILER.size > length:
                raise ValueError("a block column does not hold the segment's documents")
            blocks = (length - _TRAILER.size - at) // 8
            self._offsets = np.frombuffer(dbfile.get(basepos + at, blocks * 8), dtype="<u8").tolist()
            self._per_block = 0
            self._cached: tuple[int, list[bytes]] = (-1, [])

        def _block(self, number: int) -> list[bytes]:
            if self._cached[0] != number:
                start, end = self._offsets[number], self._offsets[number + 1]
                packed = self._dbfile.get(self._basepos + start, end - start)
                values: list[bytes] = pickle.loads(zlib.decompress(packed))
                self._cached = (number, values)
            return self._cached[1]

        def __getitem__(self, docnum: int) -> bytes:
            if not 0 <= docnum < self._doccount:
                raise IndexError(docnum)
            if not self._per_block:
                self._per_block = len(self._block(0))  # every block but the last holds as many
            return self._block(docnum // self._per_block)[docnum % self._per_block]

        def __iter__(self) -> Any:
            for number in range(len(self._offsets) - 1):
                yield from self._block(number)


BLOCKED_COLUMN = columns.PickleColumn(BlockColumn())


class SplitPerDocWriter(W3PerDocWriter):  # type: ignore[misc]  # Whoosh is untyped
    """W3's per-document writer, the stored fields but the original text going to a block column."""

    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        super().__init__(codec, storage, segment)
        self._create_column(_BLOCKED, BLOCKED_COLUMN)

    def finish_doc(self) -> None:  # noqa: D102 - Whoosh API
        if not self._indoc:  # W3's ``close`` calls this once more after the last document
            return
        stored = self._storedfields
        original = stored.pop(ORIGINAL_FIELD, None)
        self.add_column_value(_BLOCKED, BLOCKED_COLUMN, dict(stored))
        stored.clear()
        if original is not None:
            stored[ORIGINAL_FIELD] = original
        super().finish_doc()


class SplitPerDocReader(W3PerDocReader):  # type: ignore[misc]  # Whoosh is untyped
    """W3's per-document reader over ``SplitPerDocWriter``'s two parts."""

    def stored_fields(self, docnum: int) -> dict[str, Any]:  # noqa: D102 - Whoosh API
        column = self._cached_reader(_BLOCKED, BLOCKED_COLUMN)
        fields: dict[str, Any] = dict((column[docnum] if column is not None else None) or {})
        fields.update(self.original(docnum))
        return fields

    def original(self, docnum: int) -> dict[str, Any]:
        """Only the per-document part: ``{"text": original}``, or {} where folding changed nothing."""
        column = self._cached_reader("_stored", STORED_COLUMN)
        value: dict[str, Any] | None = column[docnum] if column is not None else None
        return value or {}
