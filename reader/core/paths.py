"""Where stored state lives: one data directory for library, index, bookmarks, caches and the log."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "report-reader"
APP_ID = "io.github.reportreader.ReportReader"
DATA_DIR_ENV = "REPORT_READER_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the data directory.

    Order: the ``--data-dir`` option, then ``$REPORT_READER_DATA_DIR``, then the
    platform's user data location (``~/.local/share/report-reader`` on Linux).

    Args:
        explicit: The value of ``--data-dir``, if given.

    Returns:
        The directory (not created here).

    """
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # imported here: only needed when no directory is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def checked_data_dir(directory: Path) -> Path:
    """The data directory, refused when it names something other than a folder.

    Raises:
        UnsupportedSourceError: It exists and is a file (or a device): using it would lose data
            or show an empty library as if nothing had been imported.
    """
    if directory.exists() and not directory.is_dir():
        from reader.core.errors import UnsupportedSourceError

        raise UnsupportedSourceError(f"the data directory {directory} is not a folder")
    return directory


@dataclass(frozen=True)
class DataLayout:
    """Every place inside the data directory, named once.

    Attributes:
        root: The data directory itself.
    """

    root: Path

    @property
    def library(self) -> Path:
        """Imported reports: originals, parsed JSON and the catalogue."""
        return self.root / "library"

    @property
    def index(self) -> Path:
        """The Whoosh search index and its text store."""
        return self.root / "index"

    @property
    def bookmarks(self) -> Path:
        """The SQLite database of bookmarks."""
        return self.root / "bookmarks.sqlite3"

    @property
    def cache(self) -> Path:
        """Parsed documents opened from files (rebuilt at will)."""
        return self.root / "cache"

    @property
    def jieba(self) -> Path:
        """Jieba's dictionary cache (rebuilt at will)."""
        return self.cache / "jieba"

    @property
    def analysis(self) -> Path:
        """The reader's own word lists for the analyses (stop terms, policy vocabulary, variants)."""
        return self.root / "analysis"

    @property
    def logs(self) -> Path:
        """The rotating log and its older parts."""
        return self.root / "logs"

    @property
    def log(self) -> Path:
        """The current log file."""
        return self.logs / "report-reader.log"

    @property
    def settings(self) -> Path:
        """The window's settings when a data directory is given explicitly."""
        return self.root / "settings.ini"
