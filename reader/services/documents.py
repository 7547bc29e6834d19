"""Open documents on a worker thread and announce the outcome."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.loader import load_source
from reader.services.tasks import TaskRunner


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
        loaded(object, str): the Document and the source string it came from.
        failed(str, str): the source and a one-line message.
    """

    loading = Signal(str)
    loaded = Signal(object, str)
    failed = Signal(str, str)

    def __init__(
        self,
        runner: TaskRunner,
        loader: Callable[[str], Document] = load_source,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._loader = loader
        self._busy = 0

    @property
    def busy(self) -> bool:
        """Whether a load is in progress."""
        return self._busy > 0

    def open(self, source: str) -> None:
        """Start loading ``source``; a newer ``open`` supersedes an unfinished one."""
        self._busy += 1
        self.loading.emit(source)
        self._runner.submit(
            self._loader,
            source,
            on_done=lambda document: self._done(document, source),
            on_error=lambda error: self._error(error, source),
            channel="open",
        )

    def _done(self, document: Document, source: str) -> None:
        self._busy = 0
        self.loaded.emit(document, source)

    def _error(self, error: Exception, source: str) -> None:
        self._busy = 0
        self.failed.emit(source, describe_error(error))
