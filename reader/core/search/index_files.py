"""One index on disk: Whoosh's segments, the text store and the manifest that names their commit.

Shared by the writer (``writer.py``) and the reader (``searching.py``): opening,
checking that the parts agree, creating, committing, and the current reader.
"""

from __future__ import annotations

import contextlib
import errno
import json
import pickle
import shutil
import struct
import time
import zlib
from pathlib import Path
from typing import Any, TypedDict

from whoosh import fields
from whoosh.reading import TermNotFound

from reader.core.errors import ReaderError
from reader.core.fileutil import write_atomic
from reader.core.search.mapped import MappedStorage
from reader.core.search.ngrams import NGramField
from reader.core.search.store import RESIDENT_BYTES, StoreDamagedError, TextStore
from reader.core.search.stored_fields import ORIGINAL_FIELD

# 6: paragraph ids and unchanged-by-folding flags in the text store; 7: bigrams written in bulk,
# keys without range terms, original text stored only where folding changed it; 8: bigram postings
# carry text-store keys
SCHEMA_VERSION = 11  # 9: bigram postings weighted by their counts; 10: every character too; 11: term tables
INDEX_NAME = "paragraphs"


class IndexBusyError(ReaderError):
    """Another process is writing the index."""


class IndexDamagedError(ValueError):
    """The index's parts disagree, or a file is not what was written."""


# What a damaged segment or store makes a read raise (flipped bytes: a zlib stream that does not
# inflate, a pickle or a struct that does not parse, a posting format Whoosh does not know).
READ_FAILURES = (
    OSError,
    ValueError,
    EOFError,
    KeyError,
    IndexError,
    OverflowError,
    NotImplementedError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
)

# Files in the index directory that are not Whoosh's (their integrity is checked otherwise).
_OWN_FILES = frozenset(
    ("manifest.json", "texts.u16", "starts.npy", "ends.npy", "docs.npy", "paras.npy", "same.npy", "DAMAGED")
)
# Left by a reader that found damage while reading: the next writer rebuilds, whatever the files' dates say.
DAMAGED_MARK = "DAMAGED"


def _file_crc(path: Path) -> int:
    checksum = 0
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            checksum = zlib.crc32(block, checksum)
    return checksum


def _whoosh_files(directory: Path, known: dict[str, Any] | None = None) -> dict[str, list[int]]:
    """Whoosh's files (segments, table of contents) as committed: [size, modification time, CRC-32].

    A file recorded in ``known`` (the last commit) with the same size and time keeps its
    checksum: segments are written once, so a commit reads only the new ones.
    """
    found = {}
    for path in directory.iterdir():
        if (
            path.is_file()
            and path.name not in _OWN_FILES
            and not path.name.startswith(".")
            and not path.name.endswith("LOCK")
        ):
            info = path.stat()
            before = (known or {}).get(path.name)
            unchanged = isinstance(before, list) and before[:2] == [info.st_size, info.st_mtime_ns]
            checksum = int(before[2]) if unchanged and before is not None else _file_crc(path)
            found[path.name] = [info.st_size, info.st_mtime_ns, checksum]
    return found


def _check_files(directory: Path, recorded: dict[str, int | list[int]]) -> None:
    """A segment file deleted, cut short or changed since the commit is damage, found before a search trips on it.

    A file whose size and modification time are as committed is trusted without reading it
    (a cold search must not read the whole index); one written to since — bytes flipped in
    place keep the size — is read and its CRC-32 compared.
    """
    for name, record in recorded.items():
        size, mtime, crc = (record, None, None) if isinstance(record, int) else record
        path = directory / name
        try:
            info = path.stat()
        except FileNotFoundError:
            raise IndexDamagedError(f"{name} is missing") from None
        if info.st_size != size:
            raise IndexDamagedError(f"{name} has {info.st_size} bytes, {size} were written")
        if mtime is not None and info.st_mtime_ns != mtime and _file_crc(path) != crc:
            raise IndexDamagedError(f"{name} was changed since it was written")


# Operating-system errors that say nothing about the index's files: a pipe closed, a call
# interrupted, memory or file handles short for a moment. A read failing so is not marked for repair.
_PASSING_ERRNOS = frozenset({errno.EAGAIN, errno.EINTR, errno.ENOMEM, errno.EMFILE, errno.ENFILE})


def is_passing(error: BaseException) -> bool:
    """Whether an error is a passing condition of the system rather than damage to the index."""
    if isinstance(error, (ConnectionError, InterruptedError, TimeoutError)):
        return True
    return isinstance(error, OSError) and error.errno in _PASSING_ERRNOS


def describe_damage(error: BaseException) -> str:
    """Why an index cannot be used, in words for a notice."""
    if isinstance(error, (IndexDamagedError, StoreDamagedError)):
        return str(error)
    return f"the index is damaged ({error.__class__.__name__})"


def make_schema() -> fields.Schema:
    """The Whoosh schema: ids and display fields stored (original text where folding changed it), n-grams indexed."""
    return fields.Schema(
        # Looked up by exact value only: no tiered range terms (they were 16 postings a paragraph).
        key=fields.NUMERIC(int, bits=64, stored=True, sortable=True, unique=True, shift_step=0),
        doc=fields.ID(stored=True),
        para=fields.STORED,
        section=fields.STORED,
        text=fields.STORED,
        bi=NGramField(2),
    )


class IndexedDocument(TypedDict):
    """What the manifest records of one indexed document."""

    ordinal: int  # its number in the text store's document column
    fingerprint: str  # the library's fingerprint when it was indexed
    title: str
    display: str  # the display name (region, year, kind)
    region: str
    year: int | None
    first: int  # its first paragraph's key in the text store
    count: int  # its paragraphs
    units: int  # UTF-16 code units of its folded text (BM25's lengths)


class IndexFiles:
    """An index directory and what is open of it.

    Args:
        directory: Where the index lives (``DATA/index``).
        resident_bytes: How much of the text store stays mapped between scans (``TextStore``).
    """

    def __init__(self, directory: Path, resident_bytes: int = RESIDENT_BYTES) -> None:
        self.directory = directory
        self.resident_bytes = resident_bytes
        self.store = TextStore(directory, resident_bytes)
        self.ix: Any = None  # a Whoosh index (untyped)
        self._reader: Any = None
        self.manifest: dict[str, Any] = {}
        self._plan: tuple[Any, list[tuple[Any, float, float, list[Any]]]] | None = None  # ``_segment_plan``'s
        self.notice = ""
        self.damage = ""  # why the index cannot be searched ('' when it can)

    def _manifest_path(self) -> Path:
        return self.directory / "manifest.json"

    def read_manifest(self) -> dict[str, Any]:
        """The manifest as last committed on disk."""
        manifest: dict[str, Any] = json.loads(self._manifest_path().read_text(encoding="utf-8"))
        return manifest

    def write_manifest(self) -> None:
        """Commit the manifest in memory (atomically)."""
        write_atomic(self._manifest_path(), json.dumps(self.manifest, ensure_ascii=False).encode("utf-8"))

    def open(self) -> str:
        """Open the index for searching; returns a notice ('' when all was well).

        Reading never repairs: a damaged index is left as it is (searches find nothing
        and say why) until the writer, ``sync``, rebuilds it under the write lock. A
        reader that deleted and recreated the directory could do so while a writer
        commits into it.
        """
        self.close()
        self.damage = ""
        try:
            self.load()
        except FileNotFoundError:
            self.damage = "the index is incomplete" if self.directory.exists() else ""
        except Exception as error:  # any damage: reported, repaired by the next sync
            self.damage = describe_damage(error)
        if self.damage:
            self.close()
        self.notice = (
            f"The search index needs repair ({self.damage}); it is rebuilt at the next update." if self.damage else ""
        )
        return self.notice

    def load(self) -> None:
        """Open Whoosh, the manifest and the text store, and check that they agree.

        A writer in another process may commit while this reads; a disagreement is
        damage only if the manifest stayed the same meanwhile.

        Raises:
            FileNotFoundError: There is no index (or a part of it is missing).
            IndexDamagedError: The parts disagree, or a file is shorter or different than written.
        """
        for attempt in range(5):
            self.close()
            manifest = self.read_manifest()
            if manifest.get("schema") != SCHEMA_VERSION:
                raise IndexDamagedError(
                    f"the index has schema version {manifest.get('schema')}, this version uses {SCHEMA_VERSION}"
                )
            if manifest.get("complete") is False:
                raise IndexDamagedError("the last update of the index did not finish")
            if (self.directory / DAMAGED_MARK).exists():
                raise IndexDamagedError("a search found the index damaged")
            try:
                self.ix = MappedStorage(str(self.directory)).open_index(INDEX_NAME)
                self.manifest = self._settled_manifest(manifest)
                _check_files(self.directory, self.manifest.get("files", {}))
                self.store.load(self.manifest.get("store"))
                if self.store.size != self.manifest.get("keys"):
                    raise IndexDamagedError("the text store does not match the index")
                return
            except (IndexDamagedError, StoreDamagedError, FileNotFoundError):
                if attempt == 4 or self.read_manifest().get("generation") == manifest.get("generation"):
                    raise

    def _settled_manifest(self, manifest: dict[str, Any]) -> dict[str, Any]:
        """The manifest of the index's latest commit.

        A writer commits Whoosh first and the manifest right after; a reader
        arriving in between waits a moment. A manifest that never catches up
        means a writer died between the two: the index needs a rebuild.
        """
        for _attempt in range(10):
            if manifest.get("generation") == self.ix.latest_generation():
                return manifest
            time.sleep(0.1)
            manifest = self.read_manifest()
        raise IndexDamagedError("the index and its manifest disagree")

    def create(self) -> None:
        """Start an empty index (the writer, under the write lock, only)."""
        self.close()
        if self.directory.exists():
            shutil.rmtree(self.directory)
        self.directory.mkdir(parents=True)
        self.ix = MappedStorage(str(self.directory)).create_index(make_schema(), indexname=INDEX_NAME)
        self.manifest = {
            "schema": SCHEMA_VERSION,
            "keys": 0,
            "next_ordinal": 0,
            "documents": {},
            "generation": self.ix.latest_generation(),
            # False until the sync that started it finishes: a rebuild interrupted (disk full, a
            # kill) leaves an index that would answer 0 for everything, and is never searched.
            "complete": False,
        }
        self.store = TextStore(self.directory, self.resident_bytes)
        self.commit_manifest()

    def note_segment(self, segment_id: str, keys: tuple[int, int] | None) -> None:
        """Remember the range of keys a new segment holds (``stored_of`` looks only there)."""
        if keys is not None:
            self.manifest.setdefault("segments", {})[segment_id] = list(keys)

    def stored_of(self, index_reader: Any, key: int) -> dict[str, Any] | None:
        """A key's stored fields in Whoosh (None when no segment holds it)."""
        found = self._document_of(index_reader, key)
        return dict(found[0].stored_fields(found[1])) if found is not None else None

    def original_of(self, index_reader: Any, key: int) -> str | None:
        """A key's original text, stored where folding changed it (None elsewhere, or when no segment holds it).

        Only the per-document part of the stored fields is read (``stored_fields``): a
        concordance asks for thousands, and the rest of each is compressed in a block.
        """
        found = self._document_of(index_reader, key)
        if found is None:
            return None
        original = found[0]._perdoc.original(found[1]).get(ORIGINAL_FIELD)  # Whoosh's per-segment reader
        return str(original) if original is not None else None

    def _document_of(self, index_reader: Any, key: int) -> tuple[Any, int] | None:
        """The segment reader holding a key and its document number there (None when none does).

        A segment written in one pass holds its keys in order from its lowest, so the
        document at the key's distance from that lowest is tried first, its key read
        from the key column; only otherwise is the key looked up in the segment's terms
        (a concordance reads thousands: the look-up was 40% of each).
        """
        for reader, low, high, keys in self._segment_plan(index_reader):
            if not low <= key <= high:
                continue
            guess = key - int(low) if low != float("-inf") else -1
            if 0 <= guess < reader.doc_count_all():
                if not keys:
                    keys.append(reader.column_reader("key"))
                if keys[0][guess] == key:
                    return reader, guess
            try:
                return reader, reader.first_id("key", key)
            except TermNotFound:
                continue
        return None

    def _segment_plan(self, index_reader: Any) -> list[tuple[Any, float, float, list[Any]]]:
        """Each segment reader, its key range and (once read) its key column; made once per reader."""
        if self._plan is None or self._plan[0] is not index_reader:
            ranges: dict[str, list[int]] = self.manifest.get("segments", {})
            plan: list[tuple[Any, float, float, list[Any]]] = []
            for reader, _offset in index_reader.leaf_readers():
                low, high = ranges.get(reader.segment().segment_id(), (float("-inf"), float("inf")))
                plan.append((reader, low, high, []))
            self._plan = (index_reader, plan)
        return self._plan[1]

    def commit_manifest(self) -> None:
        """Save the text store and the manifest that names it, Whoosh's files and their sizes."""
        live = {segment.segment_id() for segment in self.ix._segments()}
        recorded = self.manifest.get("segments", {})
        self.manifest["segments"] = {name: span for name, span in recorded.items() if name in live}
        self.manifest["store"] = self.store.save()
        self.manifest["keys"] = self.store.size
        self.manifest["generation"] = self.ix.latest_generation()
        self.manifest["files"] = _whoosh_files(self.directory, self.manifest.get("files"))
        self.write_manifest()

    @property
    def closed(self) -> bool:
        """Whether no index is open (never opened, closed, missing or damaged)."""
        return self.ix is None

    def close(self) -> None:
        """Release the reader, the index and the text map."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.store.close()
        self.ix = None

    @property
    def documents(self) -> dict[str, IndexedDocument]:
        """Indexed documents by id."""
        documents: dict[str, IndexedDocument] = self.manifest.get("documents", {})
        return documents

    def current_for(self, stamp: str) -> bool:
        """Whether the index was brought up to date at this catalogue stamp and is sound (no comparing needed)."""
        return bool(stamp) and not self.damage and self.ix is not None and self.manifest.get("catalogue") == stamp

    def stale(self, fingerprints: dict[str, str]) -> bool:
        """Whether the index differs from the library's fingerprints (or needs repair)."""
        indexed = {doc_id: info["fingerprint"] for doc_id, info in self.documents.items()}
        return bool(self.damage) or indexed != fingerprints

    def refresh_reader(self) -> None:
        """A new reader on the latest commit (after this process or another wrote).

        Whoosh's reader, not its searcher: we search with our own code (``searching``), and
        the searcher's module imports Whoosh's query parsing, a tenth of a cold search.
        """
        if self._reader is not None:
            self._reader.close()
        self._reader = self.ix.reader()

    def current_reader(self) -> Any:
        """Whoosh's reader of every segment, refreshed when another writer (thread or process) has committed.

        A writer commits Whoosh before it writes the manifest; until the manifest
        names the reader's generation, the reader keeps checking on every search.
        """
        latest = self.ix.latest_generation() if self._reader is not None else None
        if self._reader is None:
            self.refresh_reader()
        elif self._reader.generation() != latest or self.manifest.get("generation") != latest:
            with contextlib.suppress(OSError, ValueError):
                self.manifest = self.read_manifest()
                self.store.load(self.manifest.get("store"))
            self.refresh_reader()
        return self._reader

    def found_damaged(self, error: BaseException) -> None:
        """A read tripped on damage: say so, close, and leave a mark so that the next writer rebuilds.

        A passing error of the system (``is_passing``) is only said: rebuilding a library's
        index over a closed pipe would cost minutes for nothing.
        """
        if is_passing(error):
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error.__class__.__name__
            self.notice = f"The search could not read the index just now ({reason}); try again."
            return
        self.damage = describe_damage(error)
        self.notice = f"The search index needs repair ({self.damage}); it is rebuilt at the next update."
        self.close()
        with contextlib.suppress(OSError):
            (self.directory / DAMAGED_MARK).write_text(self.damage, encoding="utf-8")

    def paragraph_count(self) -> int:
        """Paragraphs indexed (alive)."""
        return sum(info["count"] for info in self.documents.values())

    def size_on_disk(self) -> int:
        """Bytes used by the index directory."""
        return sum(p.stat().st_size for p in self.directory.iterdir() if p.is_file())
