"""Where stored state lives: one data directory for library, index and bookmarks."""

from __future__ import annotations

import os
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
