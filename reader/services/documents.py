"""Open documents on a worker thread and announce the outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.cache import DocumentCache
from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.sources import is_url
from reader.services.tasks import TaskRunner


def _cacheable_file(source: str, cache: DocumentCache | None) -> Path | None:
    """The local file behind ``source`` when the parsed cache can serve it, else None."""
    if cache is None or is_url(source):
        return None
    path = Path(source).expanduser()
    return path if path.is_file() else None


def load_in_worker(source: str, cache: DocumentCache | None = None) -> Document:
    """Open a source on a worker thread, from the parsed cache when it is fresh.

    The parser stack (bs4, lxml, soupsieve) is imported here, on the worker, and
    only when a file really has to be parsed, so it never delays the first paint.
    """
    path = _cacheable_file(source, cache)
    if path is not None:
        return replace(cache.load(path), source=source)
    from reader.core.loader import load_source

    return load_source(source)


def describe_error(error: BaseException) -> str:
    """One line a person can read, for any failure while opening."""
    if isinstance(error, ReaderError):
        return str(error)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return f"unexpected error: {error.__class__.__name__}: {error}"


class DocumentService(QObject):
    """Loads sources in the background.

    Signals:
        loading(str): a source started loading.
        loaded(object, str, object): the Document, the source string it came from,
            and what the ``prepare`` callable made of it on the worker (or None).
        failed(str, str, str): the source, a one-line message (English) and the error's class name.
    """

    loading = Signal(str)
    loaded = Signal(object, str, object)
    failed = Signal(str, str, str)

    def __init__(
        self,
        runner: TaskRunner,
        loader: Callable[[str], Document] | None = None,
        cache: DocumentCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cache = cache
        self._loader = loader or partial(load_in_worker, cache=cache)
        self._busy = 0

    @property
    def busy(self) -> bool:
        """Whether a load is in progress."""
        return self._busy > 0

    def open(self, source: str, prepare: Callable[[Document], object] | None = None) -> None:
        """Start loading ``source``; a newer ``open`` supersedes an unfinished one.

        Args:
            source: Path or URL.
            prepare: Further work on the loaded document to do on the same worker
                (the view's typesetting); its result travels with ``loaded``.
        """
        self._busy += 1
        self.loading.emit(source)
        self._runner.submit(
            self._load_and_prepare,
            source,
            prepare,
            on_done=lambda result: self._done(result, source),
            on_error=lambda error: self._error(error, source),
            channel="open",
        )

    def open_from_cache(self, source: str, prepare: Callable[[Document], object] | None = None) -> bool:
        """Show a file at once, on this thread, when its parsed form is cached and fresh.

        Reading the cached JSON and typesetting take a few milliseconds; a worker
        would only compete with this thread for the interpreter. Emits ``loaded``
        and returns True; returns False (and does nothing) otherwise.
        """
        path = _cacheable_file(source, self._cache)
        document = self._cache.get(path) if path is not None else None
        if document is None:
            return False
        document = replace(document, source=source)
        self.loaded.emit(document, source, prepare(document) if prepare is not None else None)
        return True

    def _load_and_prepare(self, source: str, prepare: Callable[[Document], object] | None) -> tuple:
        document = self._loader(source)
        return document, (prepare(document) if prepare is not None else None)

    def _done(self, result: tuple, source: str) -> None:
        self._busy = 0
        document, prepared = result
        self.loaded.emit(document, source, prepared)

    def _error(self, error: Exception, source: str) -> None:
        self._busy = 0
        self.failed.emit(source, describe_error(error), error.__class__.__name__)
