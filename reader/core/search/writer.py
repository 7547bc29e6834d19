"""The index's only writer: brings it in line with the library under the write lock."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh.index import LockError

from reader.core.document import Document
from reader.core.naming import Identity, display_name
from reader.core.search.bulk import BulkSegmentWriter
from reader.core.search.codec import IndexCodec
from reader.core.search.index_files import IndexBusyError, IndexFiles, describe_damage
from reader.core.search.ngrams import fold
from reader.core.search.segments import SEGMENT_UNITS, compact_groups, small_segments_policy, take_in
from reader.core.search.stored_fields import ORIGINAL_FIELD


@dataclass
class SyncReport:
    """What ``SearchIndex.sync`` did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: str = ""
    seconds: float = 0.0


class IndexWriter:
    """Adds, replaces and removes documents; repairs a damaged index by rebuilding it.

    Args:
        files: The index it writes.
    """

    def __init__(self, files: IndexFiles) -> None:
        self.files = files

    @contextlib.contextmanager
    def _write_lock(self, timeout: float) -> Iterator[Any]:
        """The writers' lock: a file beside the directory, so a rebuild cannot delete it (portable)."""
        from filelock import FileLock, Timeout

        self.files.directory.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.files.directory) + ".lock", timeout=timeout)
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
            self.files.load()
        except FileNotFoundError:
            reason = "the index is incomplete" if self.files.directory.exists() else ""
            self.files.create()
        except Exception as error:  # any damage: rebuilt from the library
            reason = describe_damage(error)
            self.files.create()
        self.files.store.discard_unreferenced()  # text an interrupted writer appended and never committed
        self.files.damage = ""
        self.files.notice = f"Rebuilt the search index: {reason}." if reason else ""
        return self.files.notice

    def sync(
        self,
        fingerprints: dict[str, str],
        load: Callable[[str], Document],
        progress: Callable[[int, int, str], None] | None = None,
        timeout: float = 30.0,
        stamp: str = "",
    ) -> SyncReport:
        """Bring the index in line with the library: add new, replace changed, drop removed documents.

        The only writer: it takes the write lock, repairs a damaged index by rebuilding
        it, and commits Whoosh, the text store and the manifest in that order.

        Args:
            fingerprints: Library document id -> fingerprint.
            load: Returns the parsed document of an id.
            progress: Called with (done, total, title).
            timeout: Seconds to wait for another writer.
            stamp: The catalogue's stamp, read before ``fingerprints`` (``Catalogue.stamp``):
                kept once the index matches them, so that a reader at the same stamp need not
                compare. Commits made on the way carry none (an interrupted sync is not current).

        Returns:
            What changed.

        Raises:
            IndexBusyError: Another process kept the write lock longer than ``timeout``.
        """
        started = time.perf_counter()
        with self._write_lock(timeout):
            report = SyncReport(rebuilt=self._open_for_writing())
            on_disk = self.files.manifest.pop("catalogue", None)  # the stamp the committed manifest holds
            finishing = self.files.manifest.get("complete") is False
            indexed = {d: info["fingerprint"] for d, info in self.files.documents.items()}
            wanted = [d for d, f in fingerprints.items() if indexed.get(d) != f]
            gone = [d for d in self.files.documents if d not in fingerprints]
            if wanted or gone:
                self._write(report, wanted, gone, fingerprints, load, progress, timeout)
                on_disk = None  # its commits carry no stamp
            self.files.manifest["complete"] = True
            if stamp:
                self.files.manifest["catalogue"] = stamp
            if finishing or self.files.manifest.get("catalogue") != on_disk:
                self.files.write_manifest()
        self.files.refresh_reader()
        if progress and (wanted or gone):
            progress(len(wanted), len(wanted), "")
        report.seconds = time.perf_counter() - started
        return report

    def segment_count(self) -> int:
        """Whoosh segments the index is made of now (each import batch adds one; a compact makes one)."""
        return len(self.files.ix._segments()) if self.files.ix is not None else 0

    def compact(self, timeout: float = 30.0) -> int:
        """Merge small segments and drop deleted documents and removed text; returns the segments before.

        Segments are packed into as few as their size limit allows (``segments.SEGMENT_UNITS``).
        Safe beside readers: they keep the commit they opened until they refresh. Meant for
        the background, when idle.

        Raises:
            IndexBusyError: Another process kept the write lock longer than ``timeout``.
        """
        with self._write_lock(timeout):
            self._open_for_writing()
            before = self.segment_count()
            ix, store = self.files.ix, self.files.store
            for group in compact_groups(ix._segments(), store):
                writer = self._new_writer(timeout)
                try:
                    for segment in group:
                        take_in(writer, segment, store.text)
                    merged = {segment.segment_id() for segment in group}
                    self._commit(writer, mergetype=lambda _w, segments, merged=merged: [
                        s for s in segments if s.segment_id() not in merged
                    ])  # fmt: skip
                except BaseException:
                    writer.cancel()
                    raise
                self.files.commit_manifest()
            if store.dead_fraction() > 0:
                store.compact()
                self.files.commit_manifest()
        self.files.refresh_reader()
        return before

    def _commit(self, writer: BulkSegmentWriter, **how: Any) -> None:
        """Commit a segment to Whoosh and note its range of keys (``commit_manifest`` records both)."""
        writer.commit(**how)
        self.files.note_segment(writer.newsegment.segment_id(), writer.id_range())

    def _new_writer(self, timeout: float) -> BulkSegmentWriter:
        try:
            return BulkSegmentWriter(self.files.ix, "bi", "key", timeout=timeout, limitmb=64, codec=IndexCodec())
        except LockError:
            raise IndexBusyError("the search index is being updated by another process; try again shortly") from None

    def _write(
        self,
        report: SyncReport,
        wanted: list[str],
        gone: list[str],
        fingerprints: dict[str, str],
        load: Callable[[str], Document],
        progress: Callable[[int, int, str], None] | None,
        timeout: float,
    ) -> None:
        """Remove and add documents, committing a segment whenever one is full (and at the end).

        Each commit is complete (Whoosh, the text store, the manifest): an interrupted sync
        keeps what it committed, and the next one goes on from there.
        """
        writer = self._new_writer(timeout)
        try:
            for doc_id in gone:
                self._remove(writer, doc_id)
                report.removed += 1
            for number, doc_id in enumerate(wanted):
                document = load(doc_id)
                if progress:
                    progress(number, len(wanted), document.title)
                if doc_id in self.files.documents:
                    self._remove(writer, doc_id)
                    report.updated += 1
                else:
                    report.added += 1
                self._add(writer, document, fingerprints[doc_id])
                if writer.units >= SEGMENT_UNITS:
                    self._commit(writer, merge=False)
                    self.files.commit_manifest()
                    writer = self._new_writer(timeout)
            room = max(0, SEGMENT_UNITS - writer.units)
            self._commit(writer, mergetype=small_segments_policy(self.files.store, room))
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            self.files.manifest = self.files.read_manifest()
            self.files.store.load(self.files.manifest.get("store"))
            self.files.store.discard_unreferenced()
            raise
        if self.files.store.dead_fraction() > 0.5:
            self.files.store.compact()
        self.files.commit_manifest()

    def _add(self, writer: Any, document: Document, fingerprint: str) -> None:
        ordinal = self.files.manifest["next_ordinal"]
        self.files.manifest["next_ordinal"] = ordinal + 1
        texts = [fold(p.text) for p in document.paragraphs]
        keys = self.files.store.append(
            texts, ordinal, [p.id for p in document.paragraphs], [p.text for p in document.paragraphs]
        )
        for key, paragraph, folded in zip(keys, document.paragraphs, texts, strict=True):
            # The original text is stored only where folding changed it: elsewhere the store has it.
            original = {ORIGINAL_FIELD: paragraph.text} if folded != paragraph.text else {}
            writer.add_document(
                key=key,
                doc=document.id,
                para=paragraph.id,
                section=document.section_path(paragraph.id),
                bi=folded,
                **original,
            )
        identity = Identity.from_meta(document.meta)
        self.files.manifest["documents"][document.id] = {
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

    def _remove(self, writer: Any, doc_id: str) -> None:
        info = self.files.manifest["documents"].pop(doc_id, None)
        writer.delete_by_term("doc", doc_id)
        if info:
            self.files.store.kill(range(info["first"], info["first"] + info["count"]))
