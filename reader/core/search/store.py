"""Folded paragraph texts as one array of UTF-16 code units, for exact verification and scans.

Whoosh finds candidate paragraphs through the n-gram postings; whether a
candidate really contains the query is decided on its folded text. For a
common term, walking postings and checking candidates one by one in Python
costs more than scanning all the text at once, so the store also answers
"which paragraphs contain this term, how often" with vectorised NumPy over the
whole array (or over one document's slice of it).

Files (beside the Whoosh index)::

    texts.u16    folded texts as UTF-16-LE code units, each followed by a 0 unit
    starts.npy   per key: first code unit        (int64)
    ends.npy     per key: one past the last unit (int64)
    docs.npy     per key: document ordinal, or DEAD (uint32)
    paras.npy    per key: the paragraph id's 40 bits (``p`` + 10 hex digits), or NO_ID (uint64)
    same.npy     per key: 1 when the folded text is the original text (uint8)

The last two let a concordance name each paragraph and show its words without a
Whoosh lookup per hit (most Chinese paragraphs fold to themselves).

Keys are allocated sequentially and never reused; a document's keys are
contiguous. A removed document's keys get the ordinal ``DEAD``; ``compact``
rewrites the texts without dead ones while keeping every key's number, so the
Whoosh documents that carry the keys stay valid.
"""

from __future__ import annotations

import contextlib
import io
import mmap
import os
import re
import tempfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from reader.core.fileutil import write_atomic
from reader.core.search import scan
from reader.core.search.scan import UNIT, TermHits

DEAD = np.uint32(0xFFFFFFFF)
NO_ID = np.uint64(0xFFFFFFFFFFFFFFFF)
_PARAGRAPH_ID_RE = re.compile(r"p[0-9a-f]{10}")
_COLUMNS = ("starts", "ends", "docs", "paras", "same")
_FILE_NAMES = {"texts": "texts.u16", **{name: f"{name}.npy" for name in _COLUMNS}}


def encode_paragraph_id(paragraph_id: str) -> int:
    """A paragraph id of the usual shape as a number; ``NO_ID`` for any other id."""
    if _PARAGRAPH_ID_RE.fullmatch(paragraph_id):
        return int(paragraph_id[1:], 16)
    return int(NO_ID)


def decode_paragraph_id(number: int) -> str | None:
    """The id ``encode_paragraph_id`` made, or None for ``NO_ID``."""
    return None if number == int(NO_ID) else f"p{number:010x}"


class StoreDamagedError(ValueError):
    """The store's files disagree with each other or with what was written."""


# How much of the text a long-running process keeps mapped between scans (``TextStore.release``).
RESIDENT_BYTES = 256 << 20


class TextStore:
    """The paragraph text store of one index directory.

    Args:
        directory: The index directory.
        resident_bytes: How much of the text (from its start) stays mapped once read; the
            rest is let go after each pass. A one-off process passes 0.
    """

    def __init__(self, directory: Path, resident_bytes: int = RESIDENT_BYTES) -> None:
        self.directory = directory
        self.resident_units = resident_bytes // UNIT.itemsize
        self.starts = np.empty(0, dtype=np.int64)
        self.ends = np.empty(0, dtype=np.int64)
        self.docs = np.empty(0, dtype=np.uint32)
        self.paras = np.empty(0, dtype=np.uint64)
        self.same = np.empty(0, dtype=np.uint8)
        self.units = np.empty(0, dtype=UNIT)
        self.known_units = 0  # the committed length of texts.u16, in units
        self._buffers: dict[str, np.ndarray] = {}  # growth room of the key columns (``_grow``)
        self._texts_crc = (0, 0)  # (units, CRC-32) of the text known to be committed

    # Loading ------------------------------------------------------------------------
    def load(self, expected: dict[str, Any] | None = None) -> None:
        """Map the files (missing files give an empty store).

        Args:
            expected: What ``save`` returned when these files were written (lengths and
                CRC-32 checksums); None skips the check. Text past the recorded length
                (appended by a writer that never committed) is not mapped.

        Raises:
            StoreDamagedError: The files disagree with each other or with ``expected``.
        """
        folder = self.directory
        try:
            if (folder / "starts.npy").exists():  # mapped: a search reads the pages it touches
                # Plain array views of the maps: a memmap's own indexing runs Python code per look-up.
                self.starts = np.load(folder / "starts.npy", mmap_mode="r").view(np.ndarray)
                self.ends = np.load(folder / "ends.npy", mmap_mode="r").view(np.ndarray)
                self.docs = np.load(folder / "docs.npy", mmap_mode="r").view(np.ndarray)
                self.paras = np.load(folder / "paras.npy", mmap_mode="r").view(np.ndarray)
                self.same = np.load(folder / "same.npy", mmap_mode="r").view(np.ndarray)
            else:
                self.starts = np.empty(0, dtype=np.int64)
                self.ends = np.empty(0, dtype=np.int64)
                self.docs = np.empty(0, dtype=np.uint32)
                self.paras = np.empty(0, dtype=np.uint64)
                self.same = np.empty(0, dtype=np.uint8)
        except (ValueError, EOFError, OSError) as error:
            if isinstance(error, FileNotFoundError):
                raise
            raise StoreDamagedError(f"a key array cannot be read ({error.__class__.__name__})") from None
        if not (len(self.starts) == len(self.ends) == len(self.docs) == len(self.paras) == len(self.same)):
            raise StoreDamagedError("the key arrays have different lengths")
        texts = folder / "texts.u16"
        size = texts.stat().st_size // 2 if texts.exists() else 0
        known = int(expected["units"]) if expected else size
        if known > size or (len(self.ends) and int(self.ends[-1]) > known):
            raise StoreDamagedError("texts.u16 is shorter than the keys say")
        self.known_units = known
        self._map()
        self._texts_crc = (0, 0)
        if expected:
            self._check(expected)

    def _check(self, expected: dict[str, Any]) -> None:
        """Compare each file with its recorded checksum, unless it is untouched since it was recorded.

        A file with the size and modification time recorded at the commit is trusted
        without reading it: a cold search must not read the whole store. One written to
        since (bytes flipped in place keep the size; a writer may be appending text past
        the committed length) is read and its checksum compared.
        """
        recorded, stamps = expected.get("crc", {}), expected.get("stamps", {})
        now = self._stamps()
        for name, checksum in recorded.items():
            if stamps.get(name) is not None and stamps.get(name) == now.get(name):
                continue
            if self._checksum(name) != checksum:
                raise StoreDamagedError("the text store's checksums do not match")
        if "texts" in recorded:
            self._texts_crc = (self.known_units, int(recorded["texts"]))

    def _stamps(self) -> dict[str, list[int]]:
        stamps = {}
        for name in (*_COLUMNS, "texts"):
            path = self.directory / _FILE_NAMES[name]
            with contextlib.suppress(FileNotFoundError):
                info = path.stat()
                stamps[name] = [info.st_size, info.st_mtime_ns]
        return stamps

    def _checksum(self, name: str) -> int:
        if name != "texts":
            return zlib.crc32(np.asarray(getattr(self, name)).tobytes())
        # Carried on from the last commit's: text before the committed length is never rewritten
        # (but by ``compact``, which starts the count again).
        counted, checksum = self._texts_crc
        if counted > len(self.units):
            counted, checksum = 0, 0
        for start in range(counted, len(self.units), 1 << 24):
            checksum = zlib.crc32(self.units[start : min(start + (1 << 24), len(self.units))].tobytes(), checksum)
        return checksum

    def _checksums(self) -> dict[str, int]:
        return {name: self._checksum(name) for name in ("texts", *_COLUMNS)}

    def discard_unreferenced(self) -> None:
        """Cut text appended after the last save (an interrupted writer's) off the file.

        Scans read the mapped length only, so such text never counts; cutting it keeps
        the next writer's positions in step with the file (the caller holds the write lock).
        """
        texts = self.directory / "texts.u16"
        if texts.exists() and texts.stat().st_size > self.known_units * 2:
            self.close()
            with texts.open("r+b") as handle:
                handle.truncate(self.known_units * 2)
            self._map()

    def _map(self) -> None:
        texts = self.directory / "texts.u16"
        known = self.known_units
        self.units = np.memmap(texts, dtype=UNIT, mode="r", shape=(known,)) if known else np.empty(0, dtype=UNIT)

    def close(self) -> None:
        """Drop the memory map (the file may be replaced afterwards)."""
        self.units = np.empty(0, dtype=UNIT)

    def release(self, low: int, high: int) -> None:
        """Unmap this process's pages of units [low, high) beyond the resident part, once a pass read them.

        A scan reads the whole text; without this, every page it touched would stay in the
        process's memory (a one-off CLI search would end up holding the whole store). The
        page cache keeps them: a later read maps them again, at ~0.1 ms a megabyte, so a
        long-running process keeps the first ``resident_bytes`` mapped.
        """
        mapped = getattr(self.units, "_mmap", None)
        low = max(low, self.resident_units)
        if mapped is None or high <= low or not hasattr(mmap, "MADV_DONTNEED"):  # Windows has no madvise
            return
        first = (low * UNIT.itemsize) // mmap.PAGESIZE * mmap.PAGESIZE
        last = min(high * UNIT.itemsize, len(mapped))
        if last > first:
            mapped.madvise(mmap.MADV_DONTNEED, first, last - first)

    @property
    def size(self) -> int:
        """Number of keys ever allocated."""
        return len(self.starts)

    def text(self, key: int) -> str:
        """The folded text of a key."""
        # A plain-array view: slicing the memmap itself builds a memmap object per call.
        units = self.units.view(np.ndarray)
        return units[int(self.starts[key]) : int(self.ends[key])].tobytes().decode("utf-16-le")

    def paragraph_id(self, key: int) -> str | None:
        """A key's paragraph id, or None when it was not of the usual shape (ask Whoosh's stored fields)."""
        return decode_paragraph_id(int(self.paras[key]))

    # Finding ----------------------------------------------------------------------------
    def occurrences(self, term: str, span: tuple[int, int] | None = None, pivot: int = 0) -> TermHits:
        """Every paragraph holding ``term`` and how often, by a vectorised scan (``scan.occurrences``)."""
        return scan.occurrences(self.units.view(np.ndarray), self.starts, term, span, pivot, self.release)

    def occurrences_in(self, term: str, keys: np.ndarray, pivot: int = 0) -> TermHits:
        """``occurrences`` limited to some paragraphs (``scan.occurrences_in``)."""
        units = self.units.view(np.ndarray)
        return scan.occurrences_in(units, self.starts, self.ends, self.text, term, keys, pivot, self.release)

    def texts(self, keys: np.ndarray) -> list[str]:
        """The folded texts of ascending ``keys``, gathered and decoded a few million units at a time.

        Each text is followed by its 0 unit in the store, so a gathered stretch splits into
        its texts there; a stretch that does not (a text holding a 0) is read key by key.
        """
        keys = np.asarray(keys, dtype=np.int64)
        units = self.units.view(np.ndarray)
        starts = np.asarray(self.starts[keys], dtype=np.int64)
        lengths = np.asarray(self.ends[keys], dtype=np.int64) - starts + 1  # with the 0 unit after each
        found: list[str] = []
        for first, last in scan.batches(lengths, scan.GATHER_CHUNK):
            stretch = scan.gathered(units, keys[first:last], starts[first:last], lengths[first:last])
            parts = stretch.tobytes().decode("utf-16-le").split("\x00")[:-1]
            if len(parts) != last - first:
                parts = [self.text(int(key)) for key in keys[first:last]]
            found.extend(parts)
        return found

    # Writing (the caller holds the index write lock) --------------------------------------
    def append(
        self, texts: list[str], ordinal: int, paragraph_ids: list[str] | None = None, originals: list[str] | None = None
    ) -> range:
        """Append one document's folded texts; returns their keys.

        Args:
            texts: The paragraphs' folded texts.
            ordinal: The document's ordinal.
            paragraph_ids: The paragraphs' ids (None: unknown, looked up in Whoosh).
            originals: The paragraphs' texts before folding (None: unknown, looked up in Whoosh).
        """
        first = self.size
        path = self.directory / "texts.u16"
        starts, ends = [], []
        with path.open("r+b" if path.exists() else "wb") as handle:
            handle.seek(self.known_units * 2)  # after the text appended so far, over anything uncommitted
            handle.truncate()
            position = self.known_units
            for text in texts:
                data = text.encode("utf-16-le")
                starts.append(position)
                ends.append(position + len(data) // 2)
                handle.write(data + b"\x00\x00")
                position += len(data) // 2 + 1
        self.known_units = position  # made durable by ``save``, before the manifest names it
        ids = [encode_paragraph_id(i) for i in paragraph_ids] if paragraph_ids else [int(NO_ID)] * len(texts)
        same = [o == t for o, t in zip(originals, texts, strict=True)] if originals else [False] * len(texts)
        self.starts = self._grow("starts", self.starts, np.array(starts, dtype=np.int64))
        self.ends = self._grow("ends", self.ends, np.array(ends, dtype=np.int64))
        self.docs = self._grow("docs", self.docs, np.full(len(texts), ordinal, dtype=np.uint32))
        self.paras = self._grow("paras", self.paras, np.array(ids, dtype=np.uint64))
        self.same = self._grow("same", self.same, np.array(same, dtype=np.uint8))
        return range(first, self.size)

    def _grow(self, name: str, column: np.ndarray, more: np.ndarray) -> np.ndarray:
        """``column`` with ``more`` after it, in amortised constant time per value.

        A column lives in a buffer with spare room that doubles when full (concatenating
        a document at a time copied every column for every document: quadratic at
        10,000 reports). The column returned is a view of the buffer's filled part; one
        replaced in between (loaded, killed, compacted) starts a new buffer.
        """
        buffer = self._buffers.get(name)
        if buffer is None or column.base is not buffer or len(column) > len(buffer):
            buffer = np.empty(max(2 * len(column), 1024), dtype=column.dtype)
            buffer[: len(column)] = column
        need = len(column) + len(more)
        if need > len(buffer):
            grown = np.empty(max(2 * len(buffer), need), dtype=column.dtype)
            grown[: len(column)] = column
            buffer = grown
        buffer[len(column) : need] = more
        self._buffers[name] = buffer
        return buffer[:need]

    def kill(self, keys: range) -> None:
        """Mark keys dead (their document was removed or re-imported)."""
        self.docs = np.array(self.docs, copy=True)
        self.docs[keys.start : keys.stop] = DEAD

    def save(self) -> dict[str, Any]:
        """Write the key arrays atomically and map the text written so far.

        Returns:
            The committed text length and the checksums, for the manifest (``load`` checks them).
        """
        arrays = (
            ("starts", self.starts),
            ("ends", self.ends),
            ("docs", self.docs),
            ("paras", self.paras),
            ("same", self.same),
        )
        texts = self.directory / "texts.u16"
        if texts.exists():  # the text the manifest is about to name is on disk first
            with texts.open("rb+") as handle:
                os.fsync(handle.fileno())
        for name, values in arrays:
            _save_atomic(self.directory / f"{name}.npy", values)
        self._map()
        checksums = self._checksums()
        self._texts_crc = (self.known_units, checksums["texts"])
        return {"units": self.known_units, "crc": checksums, "stamps": self._stamps()}

    def dead_fraction(self) -> float:
        """Share of the text taken by dead keys."""
        lengths = self.ends - self.starts
        total = int(lengths.sum()) or 1
        return int(lengths[self.docs == DEAD].sum()) / total

    def compact(self) -> None:
        """Rewrite the texts without dead keys; keys keep their numbers (``save`` commits)."""
        self._map()
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".texts-")
        with os.fdopen(handle, "wb") as out:
            starts, ends, position = _write_alive(out, self.units, self.starts, self.ends, self.docs != DEAD)
            out.flush()
            os.fsync(out.fileno())
        self.close()
        os.replace(temporary, self.directory / "texts.u16")
        self.starts, self.ends = starts, ends
        self.known_units = position
        self._texts_crc = (0, 0)  # the text was rewritten: its checksum is counted again
        self._map()


def _write_alive(
    out: Any, units: np.ndarray, starts: np.ndarray, ends: np.ndarray, alive: np.ndarray
) -> tuple[np.ndarray, np.ndarray, int]:
    """Write the texts of the ``alive`` keys, each with its 0 unit; every key's new start and end, and the length.

    A dead key keeps its number with an empty text where the next one starts.
    """
    new_starts = np.zeros_like(starts)
    new_ends = np.zeros_like(ends)
    position = 0
    for key in range(len(starts)):
        new_starts[key] = position
        if alive[key]:
            data = units[int(starts[key]) : int(ends[key])].tobytes()
            out.write(data + b"\x00\x00")
            position += len(data) // 2
            new_ends[key] = position
            position += 1
        else:
            new_ends[key] = position
    return new_starts, new_ends, position


def _save_atomic(path: Path, values: np.ndarray) -> None:
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(values))
    write_atomic(path, buffer.getvalue())
