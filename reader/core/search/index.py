"""The library's full-text index: Whoosh postings over character n-grams, verified exactly.

One Whoosh document per paragraph, with a character-bigram field (distinct
grams, no positions). A query term of two characters is a bigram Term, of more
an And of its rarest bigrams, of one a vectorised scan; every candidate is then
checked against the paragraph's folded text, so results are exactly the paragraphs containing the query as a
substring. When the postings to walk would be long (a very common term), the
memory-mapped text store is scanned in C instead, which is faster than walking
postings in Python. Ranking is BM25 over exact occurrences, exact-phrase hits
first.

One engine, two stores: Whoosh holds the postings (which paragraphs may hold a
term) and the stored fields (ids, section path, original text); the text store
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
import json
import os
import pickle
import shutil
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh import fields, index
from whoosh.index import LockError
from whoosh.query import And, Term

from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.fileutil import write_atomic
from reader.core.naming import Identity, display_name
from reader.core.search.matching import Scorer, make_snippet, match_spans
from reader.core.search.ngrams import NGramField, fold, ngrams
from reader.core.search.query import ParsedQuery, parse_query
from reader.core.search.results import SearchHit, SearchResult
from reader.core.search.store import StoreDamagedError, TermHits, TextStore

SCHEMA_VERSION = 6  # 6: paragraph ids and unchanged-by-folding flags in the text store
INDEX_NAME = "paragraphs"
# Above this many postings to walk, scanning the text store in C is faster.
POSTINGS_LIMIT = 600
# How many of a long term's rarest bigrams narrow the candidates.
BIGRAMS_PER_TERM = 3
BATCH_FOR_PROCESSES = 20
# Up to this many candidates, the other terms are checked paragraph by paragraph.
VERIFY_LIMIT = 800
# A scope of at most this many documents is scanned document by document.
SCAN_SPANS_LIMIT = 50


class IndexBusyError(ReaderError):
    """Another process is writing the index."""


class IndexDamagedError(ValueError):
    """The index's parts disagree, or a file is not what was written."""


# What reading a damaged segment or store raises (Whoosh reads with struct, mmap and pickle).
# What a damaged segment or store makes a read raise (flipped bytes: a zlib stream that does not
# inflate, a pickle or a struct that does not parse, a posting format Whoosh does not know).
_READ_FAILURES = (
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
_OWN_FILES = frozenset(("manifest.json", "texts.u16", "starts.npy", "ends.npy", "docs.npy", "DAMAGED"))
# Left by a reader that found damage while reading: the next writer rebuilds, whatever the files' dates say.
_DAMAGED_MARK = "DAMAGED"


@dataclass(frozen=True)
class TermInDocument:
    """How a document uses a term: occurrences, paragraphs holding it, and the first of those."""

    count: int
    paragraphs: int
    first_paragraph: str


def _file_crc(path: Path) -> int:
    checksum = 0
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            checksum = zlib.crc32(block, checksum)
    return checksum


def _whoosh_files(directory: Path) -> dict[str, list[int]]:
    """Whoosh's files (segments, table of contents) as committed: [size, modification time, CRC-32]."""
    found = {}
    for path in directory.iterdir():
        if (
            path.is_file()
            and path.name not in _OWN_FILES
            and not path.name.startswith(".")
            and not path.name.endswith("LOCK")
        ):
            info = path.stat()
            found[path.name] = [info.st_size, info.st_mtime_ns, _file_crc(path)]
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


def _describe_damage(error: BaseException) -> str:
    if isinstance(error, (IndexDamagedError, StoreDamagedError)):
        return str(error)
    return f"the index is damaged ({error.__class__.__name__})"


def make_schema() -> fields.Schema:
    """The Whoosh schema: ids and display fields stored, n-gram fields indexed."""
    return fields.Schema(
        key=fields.NUMERIC(int, bits=64, stored=True, sortable=True, unique=True),
        doc=fields.ID(stored=True),
        para=fields.STORED,
        section=fields.STORED,
        text=fields.STORED,
        bi=NGramField(2),
    )


@dataclass
class SyncReport:
    """What ``SearchIndex.sync`` did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: str = ""
    seconds: float = 0.0


class SearchIndex:
    """The on-disk index of a library.

    Args:
        directory: Where the index lives (``DATA/index``).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.store = TextStore(directory)
        self._ix = None
        self._searcher = None
        self._manifest: dict = {}
        self._key_column = None
        self.notice = ""
        self.damage = ""  # why the index cannot be searched ('' when it can)

    # Opening ------------------------------------------------------------------------
    def _manifest_path(self) -> Path:
        return self.directory / "manifest.json"

    def _read_manifest(self) -> dict:
        return json.loads(self._manifest_path().read_text(encoding="utf-8"))

    def _write_manifest(self) -> None:
        write_atomic(self._manifest_path(), json.dumps(self._manifest, ensure_ascii=False).encode("utf-8"))

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
            self._load()
        except FileNotFoundError:
            self.damage = "the index is incomplete" if self.directory.exists() else ""
        except Exception as error:  # any damage: reported, repaired by the next sync
            self.damage = _describe_damage(error)
        if self.damage:
            self.close()
        self.notice = (
            f"The search index needs repair ({self.damage}); it is rebuilt at the next update." if self.damage else ""
        )
        return self.notice

    def _load(self) -> None:
        """Open Whoosh, the manifest and the text store, and check that they agree.

        A writer in another process may commit while this reads; a disagreement is
        damage only if the manifest stayed the same meanwhile.

        Raises:
            FileNotFoundError: There is no index (or a part of it is missing).
            IndexDamagedError: The parts disagree, or a file is shorter or different than written.
        """
        for attempt in range(5):
            self.close()
            manifest = self._read_manifest()
            if manifest.get("schema") != SCHEMA_VERSION:
                raise IndexDamagedError(
                    f"the index has schema version {manifest.get('schema')}, this version uses {SCHEMA_VERSION}"
                )
            if manifest.get("complete") is False:
                raise IndexDamagedError("the last update of the index did not finish")
            if (self.directory / _DAMAGED_MARK).exists():
                raise IndexDamagedError("a search found the index damaged")
            try:
                self._ix = index.open_dir(str(self.directory), indexname=INDEX_NAME)
                self._manifest = self._settled_manifest(manifest)
                _check_files(self.directory, self._manifest.get("files", {}))
                self.store.load(self._manifest.get("store"))
                if self.store.size != self._manifest.get("keys"):
                    raise IndexDamagedError("the text store does not match the index")
                return
            except (IndexDamagedError, StoreDamagedError, FileNotFoundError):
                if attempt == 4 or self._read_manifest().get("generation") == manifest.get("generation"):
                    raise

    def _settled_manifest(self, manifest: dict) -> dict:
        """The manifest of the index's latest commit.

        A writer commits Whoosh first and the manifest right after; a reader
        arriving in between waits a moment. A manifest that never catches up
        means a writer died between the two: the index needs a rebuild.
        """
        for _attempt in range(10):
            if manifest.get("generation") == self._ix.latest_generation():
                return manifest
            time.sleep(0.1)
            manifest = self._read_manifest()
        raise IndexDamagedError("the index and its manifest disagree")

    def _create(self) -> None:
        """Start an empty index (the writer, under the write lock, only)."""
        self.close()
        if self.directory.exists():
            shutil.rmtree(self.directory)
        self.directory.mkdir(parents=True)
        self._ix = index.create_in(str(self.directory), make_schema(), indexname=INDEX_NAME)
        self._manifest = {
            "schema": SCHEMA_VERSION,
            "keys": 0,
            "next_ordinal": 0,
            "documents": {},
            "generation": self._ix.latest_generation(),
            # False until the sync that started it finishes: a rebuild interrupted (disk full, a
            # kill) leaves an index that would answer 0 for everything, and is never searched.
            "complete": False,
        }
        self.store = TextStore(self.directory)
        self._commit_manifest()

    def _commit_manifest(self) -> None:
        """Save the text store and the manifest that names it, Whoosh's files and their sizes."""
        self._manifest["store"] = self.store.save()
        self._manifest["keys"] = self.store.size
        self._manifest["generation"] = self._ix.latest_generation()
        self._manifest["files"] = _whoosh_files(self.directory)
        self._write_manifest()

    @property
    def closed(self) -> bool:
        """Whether no index is open (never opened, closed, missing or damaged)."""
        return self._ix is None

    def close(self) -> None:
        """Release the searcher, the index and the text map."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self.store.close()
        self._ix = None

    # Keeping in sync with the library ---------------------------------------------------------
    @property
    def documents(self) -> dict[str, dict]:
        """Indexed documents: id -> {ordinal, fingerprint, title, first, count, chars}."""
        return self._manifest.get("documents", {})

    def stale(self, fingerprints: dict[str, str]) -> bool:
        """Whether the index differs from the library's fingerprints (or needs repair)."""
        indexed = {doc_id: info["fingerprint"] for doc_id, info in self.documents.items()}
        return bool(self.damage) or indexed != fingerprints

    @contextlib.contextmanager
    def _write_lock(self, timeout: float):
        """The writers' lock: a file beside the directory, so a rebuild cannot delete it (portable)."""
        from filelock import FileLock, Timeout

        self.directory.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.directory) + ".lock", timeout=timeout)
        try:
            lock.acquire()
        except Timeout:
            raise IndexBusyError("the search index is being updated by another process; try again shortly") from None
        try:
            yield
        finally:
            lock.release()

    def _open_for_writing(self) -> str:
        """Open under the write lock, rebuilding a missing or damaged index; returns why it was rebuilt."""
        reason = ""
        try:
            self._load()
        except FileNotFoundError:
            reason = "the index is incomplete" if self.directory.exists() else ""
            self._create()
        except Exception as error:  # any damage: rebuilt from the library
            reason = _describe_damage(error)
            self._create()
        self.store.discard_unreferenced()  # text an interrupted writer appended and never committed
        self.damage = ""
        self.notice = f"Rebuilt the search index: {reason}." if reason else ""
        return self.notice

    def sync(
        self,
        fingerprints: dict[str, str],
        load: Callable[[str], Document],
        progress: Callable[[int, int, str], None] | None = None,
        timeout: float = 30.0,
        processes: int | None = None,
    ) -> SyncReport:
        """Bring the index in line with the library: add new, replace changed, drop removed documents.

        The only writer: it takes the write lock, repairs a damaged index by rebuilding
        it, and commits Whoosh, the text store and the manifest in that order.

        Args:
            fingerprints: Library document id -> fingerprint.
            load: Returns the parsed document of an id.
            progress: Called with (done, total, title).
            timeout: Seconds to wait for another writer.
            processes: Writer processes; None chooses (two for a big batch). A GUI
                passes 1: forking a process that runs Qt threads is not safe.

        Returns:
            What changed.

        Raises:
            IndexBusyError: Another process kept the write lock longer than ``timeout``.
        """
        started = time.perf_counter()
        with self._write_lock(timeout):
            report = SyncReport(rebuilt=self._open_for_writing())
            wanted = [d for d, f in fingerprints.items() if self.documents.get(d, {}).get("fingerprint") != f]
            gone = [d for d in self.documents if d not in fingerprints]
            if wanted or gone:
                self._write(report, wanted, gone, fingerprints, load, progress, timeout, processes)
            if self._manifest.get("complete") is False:
                self._manifest["complete"] = True
                self._write_manifest()
        self._refresh_searcher()
        if progress and (wanted or gone):
            progress(len(wanted), len(wanted), "")
        report.seconds = time.perf_counter() - started
        return report

    def _write(self, report, wanted, gone, fingerprints, load, progress, timeout, processes) -> None:
        # Whoosh's own multi-process writer tokenises and writes segments in parallel:
        # about four times faster for a big import; small updates stay in-process.
        if processes is None:
            processes = min(2, os.cpu_count() or 1) if len(wanted) >= BATCH_FOR_PROCESSES else 1
        try:
            if processes > 1:
                from reader.core.search.spawn_writer import SpawningMpWriter

                writer = SpawningMpWriter(self._ix, procs=processes, timeout=timeout, limitmb=256)
            else:
                writer = self._ix.writer(timeout=timeout, limitmb=256)
        except LockError:
            raise IndexBusyError("the search index is being updated by another process; try again shortly") from None
        try:
            for doc_id in gone:
                self._remove(writer, doc_id)
                report.removed += 1
            for number, doc_id in enumerate(wanted):
                document = load(doc_id)
                if progress:
                    progress(number, len(wanted), document.title)
                if doc_id in self.documents:
                    self._remove(writer, doc_id)
                    report.updated += 1
                else:
                    report.added += 1
                self._add(writer, document, fingerprints[doc_id])
            writer.commit() if processes > 1 else writer.commit(merge=True)
        except BaseException:
            writer.cancel()
            self._manifest = self._read_manifest()
            self.store.load(self._manifest.get("store"))
            self.store.discard_unreferenced()
            raise
        if self.store.dead_fraction() > 0.5:
            self.store.compact()
        self._commit_manifest()

    def _add(self, writer, document: Document, fingerprint: str) -> None:
        ordinal = self._manifest["next_ordinal"]
        self._manifest["next_ordinal"] = ordinal + 1
        texts = [fold(p.text) for p in document.paragraphs]
        keys = self.store.append(
            texts, ordinal, [p.id for p in document.paragraphs], [p.text for p in document.paragraphs]
        )
        for key, paragraph in zip(keys, document.paragraphs, strict=True):
            writer.add_document(
                key=key,
                doc=document.id,
                para=paragraph.id,
                section=document.section_path(paragraph.id),
                text=paragraph.text,
                bi=paragraph.text,
            )
        identity = Identity.from_meta(document.meta)
        self._manifest["documents"][document.id] = {
            "ordinal": ordinal,
            "fingerprint": fingerprint,
            "title": document.title,
            "display": display_name(document),
            "region": identity.region,
            "year": identity.year,
            "first": keys.start,
            "count": len(keys),
            "units": sum(len(t.encode("utf-16-le")) // 2 for t in texts),
        }

    def _remove(self, writer, doc_id: str) -> None:
        info = self._manifest["documents"].pop(doc_id, None)
        writer.delete_by_term("doc", doc_id)
        if info:
            self.store.kill(range(info["first"], info["first"] + info["count"]))

    # Searching ------------------------------------------------------------------------
    def _refresh_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = self._ix.searcher()
        self._key_column = None

    def _get_searcher(self):
        """The searcher, refreshed when another writer (thread or process) has committed.

        A writer commits Whoosh before it writes the manifest; until the manifest
        names the searcher's generation, the reader keeps checking on every search.
        """
        if self._searcher is None:
            self._refresh_searcher()
        elif not self._searcher.up_to_date() or self._manifest.get("generation") != self._ix.latest_generation():
            with contextlib.suppress(OSError, ValueError):
                self._manifest = self._read_manifest()
                self.store.load(self._manifest.get("store"))
            self._refresh_searcher()
        return self._searcher

    def _keys_of(self, searcher, docnums) -> list[int]:
        if self._key_column is None:
            self._key_column = searcher.reader().column_reader("key")
        column = self._key_column
        return [column[docnum] for docnum in docnums]

    def _estimate(self, searcher, term: str) -> int:
        """Upper bound of the paragraphs holding a term, from the bigram postings.

        One character has no postings (indexing every character doubled the index's size
        and time): it is always answered by the vectorised scan, which is exact and fast.
        """
        if len(term) == 1:
            return self.store.size
        return min(searcher.doc_frequency("bi", gram) for gram in ngrams(term, 2))

    def _term_query(self, searcher, term: str):
        if len(term) == 2:
            return Term("bi", term)
        grams = sorted(ngrams(term, 2), key=lambda g: searcher.doc_frequency("bi", g))[:BIGRAMS_PER_TERM]
        return And([Term("bi", g) for g in grams])

    def _pivot(self, searcher, term: str) -> int:
        """Where the vectorised scan starts comparing: the first character of the term's rarest bigram."""
        if len(term) == 1:
            return 0
        frequencies = [searcher.doc_frequency("bi", term[i : i + 2]) for i in range(len(term) - 1)]
        return frequencies.index(min(frequencies))

    def _scan_term(self, searcher, term: str, spans: list[tuple[int, int]] | None) -> TermHits:
        pivot = self._pivot(searcher, term)
        if spans is None:
            return self.store.occurrences(term, None, pivot)
        parts = [self.store.occurrences(term, span, pivot) for span in spans]
        parts = [p for p in parts if len(p.keys)]
        if not parts:
            return TermHits.empty()
        return TermHits(np.concatenate([p.keys for p in parts]), np.concatenate([p.counts for p in parts]))

    def _group_hits(self, searcher, group: tuple[str, ...], spans) -> dict[str, TermHits]:
        """Exact hits of every term of a group: postings walk or vectorised scan, whichever is cheaper."""
        result = {}
        for term in group:
            if len(term) > 1 and spans is None and self._estimate(searcher, term) <= POSTINGS_LIMIT:
                keys = self._keys_of(searcher, searcher.docs_for_query(self._term_query(searcher, term)))
                counted = sorted((key, self.store.text(key).count(term)) for key in keys if key < self.store.size)
                counted = [(k, c) for k, c in counted if c]
                result[term] = TermHits(
                    np.array([k for k, _ in counted], dtype=np.int64), np.array([c for _, c in counted], dtype=np.int64)
                )
            else:
                result[term] = self._scan_term(searcher, term, spans)
        return result

    def search(self, query: str | ParsedQuery, scope: set[str] | None = None, limit: int = 50) -> SearchResult:
        """Search the library (or the documents in ``scope``).

        Args:
            query: What the person typed, or a parsed query.
            scope: Document ids to search; None for the whole library.
            limit: Hits to return in rank order (0 = all); ``total`` is always exact.

        Returns:
            The first page of hits and the exact total.
        """
        started = time.perf_counter()
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)

        def finish(total: int = 0, hits: tuple = (), facets: tuple = ((), ())) -> SearchResult:
            elapsed = (time.perf_counter() - started) * 1000
            regions, years = facets
            return SearchResult(parsed.text, total, hits, elapsed, notice=self.notice, regions=regions, years=years)

        if parsed.is_empty or self._ix is None:
            return finish()
        try:
            return self._search(parsed, scope, limit, finish)
        except _READ_FAILURES as error:  # a segment or the store broke under us: the writer repairs it
            self._found_damaged(error)
            return finish()

    def _found_damaged(self, error: BaseException) -> None:
        """A read tripped on damage: say so, close, and leave a mark so that the next writer rebuilds."""
        self.damage = _describe_damage(error)
        self.notice = f"The search index needs repair ({self.damage}); it is rebuilt at the next update."
        self.close()
        with contextlib.suppress(OSError):
            (self.directory / _DAMAGED_MARK).write_text(self.damage, encoding="utf-8")

    def _scan_spans(self, scope: set[str] | None, in_scope: dict) -> list[tuple[int, int]] | None:
        """The text store's slices of a few chosen documents (a scan then reads only those); None: all."""
        if scope is None or len(in_scope) > SCAN_SPANS_LIMIT:
            return None
        return [
            (int(self.store.starts[i["first"]]), int(self.store.ends[i["first"] + i["count"] - 1]))
            for i in in_scope.values()
            if i["count"]
        ]

    def _search(self, parsed: ParsedQuery, scope: set[str] | None, limit: int, finish) -> SearchResult:
        searcher = self._get_searcher()
        in_scope = {d: info for d, info in self.documents.items() if scope is None or d in scope}
        if not in_scope:
            return finish()
        ordinals = np.array(sorted(info["ordinal"] for info in in_scope.values()), dtype=np.uint32)
        spans = self._scan_spans(scope, in_scope)
        # Most selective group first; the others are checked on its candidates only.
        order = sorted(parsed.groups, key=lambda g: sum(self._estimate(searcher, t) for t in g))
        first = self._group_hits(searcher, order[0], spans)
        candidates = np.unique(np.concatenate([h.keys for h in first.values()])) if first else np.empty(0, np.int64)
        candidates = candidates[np.isin(self.store.docs[candidates], ordinals)]
        texts = {int(k): self.store.text(int(k)) for k in candidates} if len(candidates) <= VERIFY_LIMIT else None
        counts: dict[str, TermHits] = dict(first)
        for group in order[1:]:
            if texts is not None:
                keep = [k for k, text in texts.items() if any(term in text for term in group)]
            else:
                hits = self._group_hits(searcher, group, spans)
                counts.update(hits)
                union = np.unique(np.concatenate([h.keys for h in hits.values()]))
                keep = candidates[np.isin(candidates, union)].tolist()
            candidates = np.array(sorted(keep), dtype=np.int64)
            if texts is not None:
                texts = {k: texts[k] for k in keep}
        for term in parsed.excluded:
            if texts is not None:
                keep = [k for k, text in texts.items() if term not in text]
                texts = {k: texts[k] for k in keep}
                candidates = np.array(sorted(keep), dtype=np.int64)
            else:
                banned = self._scan_term(searcher, term, spans).keys
                candidates = candidates[~np.isin(candidates, banned)]
        if not len(candidates):
            return finish()
        ranked = self._rank(parsed, candidates, counts, texts, in_scope, limit, searcher)
        return finish(len(candidates), ranked, self._facets(candidates, in_scope))

    def term_occurrences(self, term: str, scope: set[str] | None = None) -> dict[str, TermInDocument]:
        """Exact occurrences of a word or phrase per document (for a term across the years).

        Args:
            term: The word or phrase (folded as the index folds paragraphs).
            scope: Document ids to count in; None for the whole library.

        Returns:
            Per document id that uses the term: occurrences, paragraphs and the first of them.
            Empty when the index is damaged (``notice`` says so).
        """
        folded = fold(term.strip())
        if not folded or self._ix is None:
            return {}
        try:
            searcher = self._get_searcher()
            in_scope = {d: info for d, info in self.documents.items() if scope is None or d in scope}
            if not in_scope:
                return {}
            spans = self._scan_spans(scope, in_scope)
            hits = self._group_hits(searcher, (folded,), spans)[folded]
            by_ordinal = {info["ordinal"]: doc for doc, info in in_scope.items()}
            ordinals = self.store.docs[hits.keys].astype(np.int64)
            result: dict[str, TermInDocument] = {}
            for ordinal in np.unique(ordinals).tolist():
                doc = by_ordinal.get(ordinal)
                if doc is None:
                    continue
                chosen = ordinals == ordinal
                keys = hits.keys[chosen]
                docnum = searcher.document_number(key=int(keys[0]))
                first = searcher.stored_fields(docnum)["para"] if docnum is not None else ""
                result[doc] = TermInDocument(int(hits.counts[chosen].sum()), len(keys), first)
            return result
        except _READ_FAILURES as error:
            self._found_damaged(error)
            return {}

    def document_text(self, doc_id: str) -> str:
        """A document's paragraphs as the index holds them (folded), one per line ('' when not indexed)."""
        info = self.documents.get(doc_id)
        if info is None or self._ix is None or not info.get("count"):
            return ""
        first, count = int(info["first"]), int(info["count"])
        return "\n".join(self.store.text(key) for key in range(first, first + count))

    def paragraphs_with(self, term: str, scope: set[str] | None = None) -> list[tuple[str, str, str, str]]:
        """Every paragraph holding ``term``: (document id, paragraph id, its text, its folded text), in key order.

        The folded text (what matching uses) has the original's length, so an occurrence's
        offsets in one are its offsets in the other.

        Key order is each document's reading order. Empty when the index is damaged
        (``damage`` says so).
        """
        folded = fold(term.strip())
        if not folded or self._ix is None:
            return []
        try:
            searcher = self._get_searcher()
            in_scope = {d: info for d, info in self.documents.items() if scope is None or d in scope}
            if not in_scope:
                return []
            hits = self._group_hits(searcher, (folded,), self._scan_spans(scope, in_scope))[folded]
            by_ordinal = {info["ordinal"]: doc for doc, info in in_scope.items()}
            found = []
            for key in hits.keys.tolist():
                doc = by_ordinal.get(int(self.store.docs[key]))
                if doc is None:
                    continue
                folded_text = self.store.text(key)
                paragraph = self.store.paragraph_id(key)
                original = folded_text if self.store.unchanged_by_folding(key) else None
                if paragraph is None or original is None:  # the rare paragraph folding changed: Whoosh has it
                    docnum = searcher.document_number(key=key)
                    stored = searcher.stored_fields(docnum) if docnum is not None else {}
                    paragraph = paragraph or stored.get("para", "")
                    original = stored.get("text", folded_text)
                found.append(
                    (doc, paragraph, original if len(original) == len(folded_text) else folded_text, folded_text)
                )
            return found
        except _READ_FAILURES as error:
            self._found_damaged(error)
            return []

    def _facets(self, keys: np.ndarray, in_scope: dict) -> tuple[tuple, tuple]:
        """Matching paragraphs per region and per year (by each document's identity)."""
        ordinals, per_ordinal = np.unique(self.store.docs[keys], return_counts=True)
        by_ordinal = {info["ordinal"]: info for info in in_scope.values()}
        regions: dict[str, int] = {}
        years: dict[int, int] = {}
        for ordinal, count in zip(ordinals.tolist(), per_ordinal.tolist(), strict=True):
            info = by_ordinal.get(ordinal, {})
            if info.get("region"):
                regions[info["region"]] = regions.get(info["region"], 0) + count
            if info.get("year"):
                years[info["year"]] = years.get(info["year"], 0) + count
        return (
            tuple(sorted(regions.items(), key=lambda item: (-item[1], item[0]))),
            tuple(sorted(years.items(), reverse=True)),
        )

    def _term_counts(self, term: str, keys: np.ndarray, counts: dict[str, TermHits], texts) -> np.ndarray:
        """Occurrences of ``term`` in each of ``keys``."""
        if texts is not None:
            return np.array([texts[int(k)].count(term) for k in keys], dtype=np.int64)
        hits = counts.get(term)
        if hits is None:
            hits = self.store.occurrences(term)
            counts[term] = hits
        found = np.zeros(len(keys), dtype=np.int64)
        if len(hits.keys):
            at = np.searchsorted(hits.keys, keys)
            at = np.minimum(at, len(hits.keys) - 1)
            match = hits.keys[at] == keys
            found[match] = hits.counts[at[match]]
        return found

    def _rank(self, parsed: ParsedQuery, keys: np.ndarray, counts, texts, in_scope: dict, limit: int, searcher):
        store = self.store
        paragraphs = sum(info["count"] for info in in_scope.values()) or 1
        average = sum(info["units"] for info in in_scope.values()) / paragraphs
        lengths = (store.ends[keys] - store.starts[keys]).astype(np.float64)
        frequencies, document_frequency = {}, {}
        for term in parsed.terms:
            tf = self._term_counts(term, keys, counts, texts).astype(np.float64)
            hits = counts.get(term)
            exact = hits is not None and texts is None
            document_frequency[term] = len(hits.keys) if exact else int(np.count_nonzero(tf))
            frequencies[term] = tf
        scores = Scorer(paragraphs, average, document_frequency).score(frequencies, lengths) + np.zeros(len(keys))
        phrase = np.zeros(len(keys), dtype=bool)
        if parsed.phrase:
            phrase = self._term_counts(parsed.phrase, keys, counts, texts) > 0
        order = np.lexsort((keys, -scores, ~phrase))
        if limit > 0:
            order = order[:limit]
        documents = self.documents
        result = []
        for position in order.tolist():
            key = int(keys[position])
            docnum = searcher.document_number(key=key)
            if docnum is None:
                continue
            stored = searcher.stored_fields(docnum)
            spans = match_spans(store.text(key), parsed.terms)
            snippet = make_snippet(stored["text"], spans)
            info = documents.get(stored["doc"], {})
            result.append(
                SearchHit(
                    stored["doc"],
                    info.get("title", ""),
                    stored["para"],
                    tuple(stored["section"]),
                    len(spans),
                    snippet.text,
                    float(scores[position]),
                    snippet.spans,
                    tuple(spans),
                    info.get("display", ""),
                    info.get("region", ""),
                    info.get("year"),
                    key - info["first"] if "first" in info else -1,
                )
            )
        return tuple(result)

    def paragraph_count(self) -> int:
        """Paragraphs indexed (alive)."""
        return sum(info["count"] for info in self.documents.values())

    def size_on_disk(self) -> int:
        """Bytes used by the index directory."""
        return sum(p.stat().st_size for p in self.directory.iterdir() if p.is_file())


@contextlib.contextmanager
def opened(directory: Path):
    """Open an index for the duration of a block."""
    search_index = SearchIndex(directory)
    search_index.open()
    try:
        yield search_index
    finally:
        search_index.close()
