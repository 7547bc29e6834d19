"""One write to an SQLite store (bookmarks, the library catalogue): all or nothing, failures as messages."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def immediate_transaction(
    db: sqlite3.Connection, failed: Callable[[sqlite3.OperationalError], Exception]
) -> Iterator[sqlite3.Connection]:
    """Run the block as one transaction that takes the write lock at once.

    ``OperationalError`` (disk full, locked, I/O) is not damage: the file stays as it is, the
    change is simply not made, and ``failed(error)`` — the store's own error with a line saying
    why — is raised instead of a crash.

    Args:
        db: A connection in autocommit mode (``isolation_level=None``).
        failed: Makes the exception to raise when SQLite could not write.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    except sqlite3.OperationalError as error:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise failed(error) from None
