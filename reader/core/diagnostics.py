"""The application's log: one rotating file in the data directory, for the window and the CLI.

Everything that goes wrong unexpectedly — in a worker thread, on the GUI thread, in a
command — is written here with its traceback, so a person reporting a problem has
something to attach. ``--debug`` lowers the level to DEBUG and echoes to stderr.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
from typing import Any

LOGGER_NAME = "reader"
_MAX_BYTES = 1024 * 1024  # a month of ordinary use; the three older parts keep the history
_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file that creates its folder on first use and never complains on stderr.

    A log that cannot be written (read-only or full disk) must not add a
    "--- Logging error ---" block to the one-line message the person sees.
    """

    def _open(self) -> Any:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """Drop the record: the log is a help, never a new failure."""


def logger(name: str = "") -> logging.Logger:
    """The application's logger, or one of its children (``logger("search")``)."""
    return logging.getLogger(f"{LOGGER_NAME}.{name}" if name else LOGGER_NAME)


def configure_logging(log_file: Path | None, *, debug: bool = False) -> None:
    """Send the application's records to ``log_file`` (and to stderr with ``debug``).

    Safe to call again (the handlers are replaced, e.g. when a test changes the data
    directory). The file is created only when the first record arrives.

    Args:
        log_file: The rotating log's path, or None for no file.
        debug: Record DEBUG and above and echo every record to stderr.

    """
    root = logger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    root.propagate = False
    formatter = logging.Formatter(_FORMAT)
    if log_file is not None:
        to_file = _QuietFileHandler(log_file, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8", delay=True)
        to_file.setFormatter(formatter)
        root.addHandler(to_file)
    if debug:
        to_stderr = logging.StreamHandler()
        to_stderr.setFormatter(formatter)
        root.addHandler(to_stderr)


def log_file() -> Path | None:
    """The file the log goes to, if any (for messages that point a person to it)."""
    for handler in logger().handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def is_expected(error: BaseException) -> bool:
    """Whether ``error`` is about the input or the machine (a message suffices), not a bug."""
    from reader.core.errors import ReaderError

    return isinstance(error, (ReaderError, OSError))


def describe_error(error: BaseException) -> str:
    """One line a person can read for any failure; a bug's line names the log with its traceback."""
    if isinstance(error, OSError):
        return error.strerror or str(error)
    if is_expected(error):
        return str(error)
    where = log_file()
    details = f" (details in {where})" if where else ""
    return f"internal error: {error.__class__.__name__}: {error}{details}"
