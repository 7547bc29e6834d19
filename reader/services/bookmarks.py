"""Bookmarks for the GUI: every database operation on one worker thread, results as signals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from reader.core.bookmarks import Bookmark, BookmarkStore
from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.services.tasks import TaskRunner


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
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self._runner = TaskRunner(pool, self)
        self._path = path
        self._store: BookmarkStore | None = None
        self.bookmarks: list[Bookmark] = []

    def _open(self) -> BookmarkStore:
        if self._store is None:
            self._store = BookmarkStore(self._path)
            if self._store.notice:
                self.message.emit(self._store.notice)
        return self._store

    def _submit(self, work, on_done=None) -> None:
        def failed(error: Exception) -> None:
            self.message.emit(str(error) if isinstance(error, (ReaderError, OSError)) else repr(error))

        self._runner.submit(work, on_done=on_done or (lambda _result: None), on_error=failed)

    def refresh(self) -> None:
        """Load every bookmark (the panel and the markers show them)."""
        self._submit(lambda: self._open().list(), self._deliver)

    def _deliver(self, bookmarks: list[Bookmark]) -> None:
        self.bookmarks = bookmarks
        self.listed.emit(bookmarks)

    def _change(self, work, doc: str) -> None:
        def run():
            work(self._open())
            return self._open().list()

        def done(bookmarks: list[Bookmark]) -> None:
            self._deliver(bookmarks)
            self.changed.emit(doc)

        self._submit(run, done)

    def add(self, bookmark: Bookmark) -> None:
        """Store a new bookmark (shown at once; written on the worker)."""
        self.bookmarks = [*self.bookmarks, bookmark]
        self.listed.emit(self.bookmarks)
        self._change(lambda store: store.add(bookmark), bookmark.doc)

    def update(self, bookmark: Bookmark, **changes) -> None:
        """Change a bookmark's title, note or anchoring."""
        self._change(lambda store: store.update(bookmark.uid, **changes), bookmark.doc)

    def delete(self, bookmark: Bookmark) -> None:
        """Delete (undoable with ``restore``)."""
        self.bookmarks = [b for b in self.bookmarks if b.uid != bookmark.uid]
        self.listed.emit(self.bookmarks)
        self._change(lambda store: store.delete(bookmark.uid), bookmark.doc)

    def restore(self, bookmark: Bookmark) -> None:
        """Undo a delete."""
        self._change(lambda store: store.restore(bookmark.uid), bookmark.doc)

    def reanchor(self, document: Document) -> None:
        """Re-find this document's bookmarks whose paragraphs changed; report detached ones."""

        def run():
            store = self._open()
            moved, detached = store.reanchor(document)
            return moved, detached, store.list()

        def done(result) -> None:
            moved, detached, bookmarks = result
            self._deliver(bookmarks)
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
