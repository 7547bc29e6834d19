"""Bookmarks for the GUI: every database operation on one worker thread, results as signals."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.bookmarks.model import Bookmark
from reader.core.bookmarks.store import BookmarkStore
from reader.core.diagnostics import describe_error
from reader.core.document import Document
from reader.services.tasks import TaskRunner

PURGE_AFTER_DAYS = 30


class BookmarkService(QObject):
    """The bookmark store behind a single-thread worker.

    SQLite writes are synchronous on disk (fsync) and must never block the
    GUI thread; one thread also keeps every access to the connection serial.

    Signals:
        listed(object): every live bookmark (list), after ``refresh`` or any change.
        changed(str): a change happened to bookmarks of this document id.
        message(str): a notice or an error for the user (one line).
    """

    listed = Signal(object)
    changed = Signal(str)
    message = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = TaskRunner(self)
        self._path = path
        self._store: BookmarkStore | None = None
        self.bookmarks: list[Bookmark] = []
        self._generation = 0

    def _open(self) -> BookmarkStore:
        if self._store is None:
            self._store = BookmarkStore(self._path)
            if self._store.notice:
                self.message.emit(self._store.notice)
            elif not self._store.read_only:
                # Deleted bookmarks are kept (marked) so undo can bring them back; a month on, no
                # session can undo them any more.
                self._store.purge_deleted(PURGE_AFTER_DAYS)
        return self._store

    def _submit(self, work, on_done=None) -> None:
        def failed(error: Exception) -> None:
            self.message.emit(describe_error(error))

        self._runner.submit(work, on_done=on_done or (lambda _result: None), on_error=failed)

    def refresh(self) -> None:
        """Load every bookmark (the panel and the markers show them)."""
        generation = self._generation

        def done(bookmarks: list[Bookmark]) -> None:
            if generation != self._generation:
                self.refresh()  # changed locally meanwhile: the list read is already old
            else:
                self._deliver(bookmarks)

        self._submit(lambda: self._open().list(), done)

    def _deliver(self, bookmarks: list[Bookmark]) -> None:
        self.bookmarks = bookmarks
        self.listed.emit(bookmarks)

    def _change(self, work, doc: str) -> None:
        """Run a write on the worker; the in-memory list was already updated by the caller."""
        self._submit(lambda: work(self._open()), lambda _result: self.changed.emit(doc))

    def _replace(self, bookmark: Bookmark | None, uid: str) -> None:
        """Put ``bookmark`` in place of ``uid`` in the list shown (None removes it), then tell the views."""
        self._generation += 1
        kept = [b for b in self.bookmarks if b.uid != uid]
        self.bookmarks = [*kept, bookmark] if bookmark is not None else kept
        self.listed.emit(self.bookmarks)

    def add(self, bookmark: Bookmark) -> None:
        """Store a new bookmark (shown at once; written on the worker)."""
        self._replace(bookmark, bookmark.uid)
        self._change(lambda store: store.add(bookmark), bookmark.doc)

    def update(self, bookmark: Bookmark, **changes) -> None:
        """Change a bookmark's title, note or anchoring."""
        current = next((b for b in self.bookmarks if b.uid == bookmark.uid), bookmark)
        self._replace(replace(current, **changes, updated=time.time()), bookmark.uid)
        self._change(lambda store: store.update(bookmark.uid, **changes), bookmark.doc)

    def delete(self, bookmark: Bookmark) -> None:
        """Delete (undoable with ``restore``)."""
        self._replace(None, bookmark.uid)
        self._change(lambda store: store.delete(bookmark.uid), bookmark.doc)

    def restore(self, bookmark: Bookmark) -> None:
        """Undo a delete."""
        self._replace(bookmark, bookmark.uid)
        self._change(lambda store: store.restore(bookmark.uid), bookmark.doc)

    def reanchor(self, document: Document) -> None:
        """Re-find this document's bookmarks whose paragraphs changed; report detached ones."""

        def run():
            store = self._open()
            moved, detached = store.reanchor(document)
            return moved, detached, store.list(document.id) if moved or detached else []

        def done(result) -> None:
            moved, detached, fresh = result
            if fresh:  # patch this document's re-anchored bookmarks, keep everything else as shown
                by_uid = {b.uid: b for b in fresh}
                self._deliver([by_uid.get(b.uid, b) for b in self.bookmarks])
            if moved or detached:
                self.changed.emit(document.id)
            if detached:
                self.message.emit(
                    self.tr("%1 bookmarks no longer match the text; they are kept as detached.").replace(
                        "%1", str(detached)
                    )
                )

        self._submit(run, done)

    def wait(self, msecs: int = 10000) -> None:
        """Wait for pending writes (tests and shutdown)."""
        self._runner.wait(msecs)

    def close(self) -> None:
        """Finish writes and close the database."""
        self.wait()
        if self._store is not None:
            self._store.close()
            self._store = None
