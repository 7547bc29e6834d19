"""Open documents on a worker thread and announce the outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.cache import DocumentCache
from reader.core.diagnostics import describe_error
from reader.core.document import Document
from reader.core.sources import is_url, split_fragment
from reader.services.tasks import TaskRunner


@dataclass(frozen=True)
class OpenRequest:
    """What to open and where to land in it; travels with the load and comes back with the result.

    Attributes:
        source: Path, URL or ``library:ID`` to load.
        paragraph: Land on this paragraph (a search hit, a bookmark elsewhere).
        node: Land on this outline node (a ``#n…`` section link).
        restore: Otherwise land where the reader left off (False: at the top).
    """

    source: str
    paragraph: str = ""
    node: str = ""
    restore: bool = True

    @classmethod
    def parse(cls, source: str, restore: bool = True) -> OpenRequest:
        """A request from what a person gave: a ``#node`` fragment says where to land."""
        address, fragment = split_fragment(source)
        return cls(address, node=fragment, restore=restore and not fragment)


def _cacheable_file(source: str, cache: DocumentCache | None) -> Path | None:
    """The local file behind ``source`` when the parsed cache can serve it, else None."""
    if cache is None or is_url(source):
        return None
    path = Path(source).expanduser()
    return path if path.is_file() else None


def load_in_worker(source: str, cache: DocumentCache | None = None) -> Document:
    """Open a source on a worker thread, from the parsed cache when it is fresh.

    The parser stack (lxml) is imported here, on the worker, and
    only when a file really has to be parsed, so it never delays the first paint.
    """
    path = _cacheable_file(source, cache)
    if path is not None and cache is not None:
        return replace(cache.load(path), source=source)
    from reader.core.loader import load_source

    return load_source(source)


class DocumentService(QObject):
    """Loads sources in the background.

    Signals:
        loading(object): an ``OpenRequest`` started loading.
        loaded(object, object, object): the Document, its ``OpenRequest``, and what the
            ``prepare`` callable made of it on the worker (or None).
        failed(object, str, str): the ``OpenRequest``, a one-line message (English) and
            the error's class name.
    """

    loading = Signal(object)
    loaded = Signal(object, object, object)
    failed = Signal(object, str, str)

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

    def open(self, request: OpenRequest, prepare: Callable[[Document], object] | None = None) -> None:
        """Start loading; a newer ``open`` supersedes an unfinished one.

        Args:
            request: What to open and where to land.
            prepare: Further work on the loaded document to do on the same worker
                (the view's typesetting); its result travels with ``loaded``.
        """
        self._busy += 1
        self.loading.emit(request)
        self._runner.submit(
            self._load_and_prepare,
            request.source,
            prepare,
            on_done=lambda result: self._done(result, request),
            on_error=lambda error: self._error(error, request),
            channel="open",
        )

    def open_from_cache(self, request: OpenRequest, prepare: Callable[[Document], object] | None = None) -> bool:
        """Show a file at once, on this thread, when its parsed form is cached and fresh.

        Reading the cached JSON and typesetting take a few milliseconds; a worker
        would only compete with this thread for the interpreter. Emits ``loaded``
        and returns True; returns False (and does nothing) otherwise.
        """
        path = _cacheable_file(request.source, self._cache)
        document = self._cache.get(path) if path is not None and self._cache is not None else None
        if document is None:
            return False
        document = replace(document, source=request.source)
        self.loaded.emit(document, request, prepare(document) if prepare is not None else None)
        return True

    def _load_and_prepare(self, source: str, prepare: Callable[[Document], object] | None) -> tuple:
        document = self._loader(source)
        return document, (prepare(document) if prepare is not None else None)

    def _done(self, result: tuple, request: OpenRequest) -> None:
        self._busy = 0
        document, prepared = result
        self.loaded.emit(document, request, prepared)

    def _error(self, error: Exception, request: OpenRequest) -> None:
        self._busy = 0
        self.failed.emit(request, describe_error(error), error.__class__.__name__)
