"""The library's catalogue in SQLite: one row per document, changed one row at a time.

A JSON catalogue rewritten whole on every import costs more with every entry (193 ms per
import at 1,000 entries, 961 ms at 5,000: quadratic over a big import). Here adding or
replacing one entry is one row, whatever the size, and duplicate checks look up the new
document's paragraph wordings in an index instead of reading every entry's wordings.

Crash safety as for the bookmarks: WAL, ``synchronous=FULL``, one transaction per change.
A damaged file (``DatabaseError`` other than ``OperationalError``) is moved aside and the
catalogue rebuilt from the per-document ``entry.json`` files; a locked or full disk
(``OperationalError``) is a message, never damage.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.errors import ReaderError
from reader.core.sqlite_writes import immediate_transaction

if TYPE_CHECKING:
    from reader.core.library_entry import LibraryEntry

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    entry TEXT NOT NULL,
    characters INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_source ON entries(source);
CREATE TABLE IF NOT EXISTS wording (
    doc TEXT NOT NULL,
    key TEXT NOT NULL,
    length INTEGER NOT NULL,
    PRIMARY KEY (doc, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS wording_key ON wording(key);
CREATE TABLE IF NOT EXISTS stamp (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    instance TEXT NOT NULL,
    changes INTEGER NOT NULL
);
INSERT INTO stamp SELECT 1, lower(hex(randomblob(16))), 0 WHERE NOT EXISTS (SELECT 1 FROM stamp);
CREATE TRIGGER IF NOT EXISTS entries_added AFTER INSERT ON entries BEGIN UPDATE stamp SET changes = changes + 1; END;
CREATE TRIGGER IF NOT EXISTS entries_changed AFTER UPDATE ON entries BEGIN UPDATE stamp SET changes = changes + 1; END;
CREATE TRIGGER IF NOT EXISTS entries_removed AFTER DELETE ON entries BEGIN UPDATE stamp SET changes = changes + 1; END;
"""


class CatalogueError(ReaderError):
    """The catalogue cannot be used now (locked too long, disk full, read-only)."""


class Catalogue:
    """Library entries and their paragraph wordings.

    Args:
        path: The SQLite file.
        entry_type: ``LibraryEntry`` (passed in: the library module imports this one).
        recover: Returns every entry, from the per-document files, when the file is new or damaged.
        wording_of: A document's paragraph wordings (``content_key`` → length), for entries migrated
            without them.
    """

    def __init__(
        self,
        path: Path,
        entry_type: type,
        recover: Callable[[], Iterable[LibraryEntry]],
        wording_of: Callable[[str], dict[str, int]],
    ) -> None:
        self.path = path
        self._entry_type = entry_type
        self._names = {f.name for f in fields(entry_type)}
        self._recover = recover
        self._wording_of = wording_of
        self._db: sqlite3.Connection | None = None
        self.notice = ""

    # Opening ----------------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        fresh = not self.path.exists()
        try:
            self._db = self._open()
        except sqlite3.OperationalError as error:
            raise CatalogueError(f"the library catalogue cannot be opened now ({error})") from None
        except sqlite3.DatabaseError as error:
            moved = self._move_aside()
            self.notice = f"The library catalogue was damaged ({error}); it was moved to {moved.name} and rebuilt."
            self._db = self._open()
            fresh = True
        if fresh:
            self._fill_from(self._recover())
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("SELECT count(*) FROM entries").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        moved = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{self.path.suffix}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                part.replace(Path(str(moved) + suffix))
        return moved

    def _fill_from(self, entries: Iterable[LibraryEntry]) -> None:
        with self._writing() as db:
            for entry in entries:
                self._put(db, entry, self._wording_of(entry.id))

    def close(self) -> None:
        """Release the database."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _writing(self) -> Any:
        db = self._db if self._db is not None else self._connection()
        return immediate_transaction(
            db,
            lambda error: CatalogueError(f"the library catalogue could not be saved ({error}); nothing was changed"),
        )

    # Reading ---------------------------------------------------------------------------
    def _entry(self, text: str) -> LibraryEntry | None:
        try:
            values = json.loads(text)
            entry: LibraryEntry = self._entry_type(**{k: v for k, v in values.items() if k in self._names})
            return entry
        except (ValueError, TypeError):
            return None

    def _rows(self, sql: str) -> list[Any]:
        """Every row of a query over the whole catalogue (a lock or I/O error is a ``CatalogueError``)."""
        try:
            return self._connection().execute(sql).fetchall()
        except sqlite3.OperationalError as error:
            raise CatalogueError(f"the library catalogue cannot be read now ({error})") from None

    def all(self) -> dict[str, LibraryEntry]:
        """Every entry by id."""
        rows = self._rows("SELECT entry FROM entries")
        found = (self._entry(text) for (text,) in rows)
        return {entry.id: entry for entry in found if entry is not None}

    def fingerprints(self) -> dict[str, str]:
        """Every entry's id → "sha1:parser", read by SQLite without decoding the entries in Python."""
        rows = self._rows("SELECT id, json_extract(entry, '$.sha1'), json_extract(entry, '$.parser') FROM entries")
        return {doc: f"{sha1}:{parser or ''}" for doc, sha1, parser in rows if sha1 is not None}

    def stamp(self) -> str:
        """What changes whenever an entry is added, changed or removed, by any process (or the file is new).

        Counted by triggers in the database itself, so every writer counts, and prefixed by
        a random name the file gets when it is made: a rebuilt catalogue never repeats a
        stamp. The search index keeps the stamp it was brought up to date at, and is not
        compared entry by entry again while the stamp stays (``cli.common.sync_index``).
        """
        rows = self._rows("SELECT instance, changes FROM stamp")
        return f"{rows[0][0]}:{rows[0][1]}" if rows else ""

    def has_bundled(self) -> bool:
        """Whether an entry is the bundled report."""
        return bool(self._rows("SELECT 1 FROM entries WHERE json_extract(entry, '$.bundled') = 1 LIMIT 1"))

    def get(self, document_id: str) -> LibraryEntry | None:
        """One entry, or None."""
        row = self._connection().execute("SELECT entry FROM entries WHERE id = ?", (document_id,)).fetchone()
        return self._entry(row[0]) if row else None

    def by_source(self, source: str) -> str | None:
        """The id of the entry imported from ``source``, or None."""
        row = self._connection().execute("SELECT id FROM entries WHERE source = ?", (json.dumps(source),)).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        """How many entries."""
        return int(self._connection().execute("SELECT count(*) FROM entries").fetchone()[0])

    def sharing(self, wording: dict[str, int], probe: list[str] | None = None) -> list[tuple[str, int, int]]:
        """Entries that share paragraph wordings with a document: (id, shared characters, their characters).

        Args:
            wording: The document's paragraph wordings and their lengths.
            probe: The wordings an entry must share one of to be counted (default: any). Shared
                characters are then counted over all of ``wording``.

        The cost follows the document and the entries found, not the library: a wording every
        report has (各位代表：) is left out of ``probe`` by the caller.
        """
        db = self._connection()
        keys = list(wording if probe is None else probe)
        candidates: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            candidates.update(
                doc for (doc,) in db.execute(f"SELECT DISTINCT doc FROM wording WHERE key IN ({marks})", chunk)
            )
        found = []
        for doc in sorted(candidates):
            rows = db.execute("SELECT key, length FROM wording WHERE doc = ?", (doc,)).fetchall()
            found.append((doc, sum(wording[key] for key, _length in rows if key in wording), sum(n for _k, n in rows)))
        return found

    # Changing (the library's lock held) -------------------------------------------------
    def _put(self, db: sqlite3.Connection, entry: LibraryEntry, wording: dict[str, int]) -> None:
        # ASCII JSON: a file name that is not UTF-8 (surrogates) is stored escaped, and read back as it was.
        text = json.dumps(asdict(entry))
        db.execute(
            "INSERT OR REPLACE INTO entries (id, source, entry, characters) VALUES (?, ?, ?, ?)",
            (entry.id, json.dumps(entry.source), text, entry.characters),
        )
        db.execute("DELETE FROM wording WHERE doc = ?", (entry.id,))
        db.executemany(
            "INSERT OR REPLACE INTO wording (doc, key, length) VALUES (?, ?, ?)",
            [(entry.id, key, length) for key, length in wording.items()],
        )

    def put(self, entry: LibraryEntry, wording: dict[str, int]) -> None:
        """Add or replace one entry and its wordings."""
        with self._writing() as db:
            self._put(db, entry, wording)

    def remove(self, document_id: str) -> None:
        """Forget one entry."""
        with self._writing() as db:
            db.execute("DELETE FROM entries WHERE id = ?", (document_id,))
            db.execute("DELETE FROM wording WHERE doc = ?", (document_id,))
