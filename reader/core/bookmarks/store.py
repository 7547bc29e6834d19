"""Bookmarks with notes, in SQLite, built so they are never lost.

- WAL journal, ``synchronous=FULL`` and one transaction per change: a crash or a
  killed process leaves the last committed state; two processes can write at
  once (``BEGIN IMMEDIATE`` plus a busy timeout).
- The schema carries a version (``PRAGMA user_version``) and migrates forward.
- A bookmark is anchored to a paragraph id, an offset and a snippet of the marked
  text; when the paragraph id disappears on re-import it is re-found by its
  snippet (exact, then the closest fuzzy match) or kept as *detached*.
- Deleting is a soft delete, so it can be undone; nothing is dropped silently.
- A corrupt database file is moved aside (and named to the user) and a fresh one
  started; a read-only data directory opens the database read-only.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import sqlite3
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.core.bookmarks.anchors import find_anchor
from reader.core.bookmarks.model import EXPORT_FORMAT, EXPORT_VERSION, MAX_IMPORTED, Bookmark, BookmarkError
from reader.core.document import Document
from reader.core.naming import display_name
from reader.core.sqlite_writes import immediate_transaction

SCHEMA_VERSION = 5


# Schema history: each entry upgrades from version i to i+1.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE bookmarks (
            uid TEXT PRIMARY KEY,
            doc TEXT NOT NULL,
            paragraph TEXT NOT NULL,
            offset INTEGER NOT NULL DEFAULT 0,
            length INTEGER NOT NULL DEFAULT 0,
            snippet TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            section_path TEXT NOT NULL DEFAULT '[]',
            doc_title TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL,
            updated REAL NOT NULL,
            detached INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX bookmarks_doc ON bookmarks(doc)",
    ),
    (
        "ALTER TABLE bookmarks ADD COLUMN deleted REAL",
        "CREATE INDEX bookmarks_updated ON bookmarks(updated)",
    ),
    ("ALTER TABLE bookmarks ADD COLUMN source TEXT NOT NULL DEFAULT ''",),
    ("ALTER TABLE bookmarks ADD COLUMN section INTEGER NOT NULL DEFAULT 0",),
    (  # highlights: passages in a colour, with tags, kept beside the bookmarks
        "ALTER TABLE bookmarks ADD COLUMN kind TEXT NOT NULL DEFAULT 'bookmark'",
        "ALTER TABLE bookmarks ADD COLUMN color TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE bookmarks ADD COLUMN style TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE bookmarks ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
    ),
)
_COLUMNS = (
    "uid, doc, paragraph, offset, length, snippet, title, note, section_path, doc_title, created, updated, detached, "
    "source, section, kind, color, style, tags"
)
_PLACEHOLDERS = ", ".join("?" * 19)
_ASSIGNMENTS = ", ".join(f"{column.strip()}=?" for column in _COLUMNS.split(",")[1:])  # every column but uid


def _row_to_bookmark(row: tuple[Any, ...]) -> Bookmark:
    return Bookmark(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        tuple(json.loads(row[8])),
        row[9],
        row[10],
        row[11],
        bool(row[12]),
        row[13],
        bool(row[14]),
        row[15],
        row[16],
        row[17],
        tuple(json.loads(row[18])),
    )


def _bookmark_values(bookmark: Bookmark) -> tuple[Any, ...]:
    return (
        bookmark.uid,
        bookmark.doc,
        bookmark.paragraph,
        bookmark.offset,
        bookmark.length,
        bookmark.snippet,
        bookmark.title,
        bookmark.note,
        json.dumps(list(bookmark.section_path), ensure_ascii=False),
        bookmark.doc_title,
        bookmark.created,
        bookmark.updated,
        int(bookmark.detached),
        bookmark.source,
        int(bookmark.section),
        bookmark.kind,
        bookmark.color,
        bookmark.style,
        json.dumps(list(bookmark.tags), ensure_ascii=False),
    )


class BookmarkStore:
    """The bookmarks database.

    Args:
        path: The SQLite file (created with its folder when missing).

    Attributes:
        notice: A message for the user after opening ('' when all was well): a
            recovered corrupt file, or a read-only store.
        read_only: Whether changes are refused.
    """

    def __init__(self, path: Path, timeout: float = 30.0) -> None:
        self.path = path
        self.notice = ""
        self.read_only = False
        self._timeout = timeout
        self._db = self._open()

    # Opening ------------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if not _writable(self.path):
            return self._open_read_only()
        try:
            db = self._connect()
            self._check(db)
            self._migrate(db)
            return db
        except sqlite3.OperationalError as error:
            # Locked longer than the timeout, disk full, an I/O error: the file may be perfectly
            # healthy, so it stays where it is and nothing is started over.
            raise BookmarkError(f"the bookmarks database cannot be opened now ({error}); nothing was changed") from None
        except sqlite3.DatabaseError as error:  # the file itself is damaged
            moved = self._move_aside()
            self.notice = (
                f"The bookmarks database was damaged ({error}); it was moved to {moved.name} and a new one was started."
            )
            db = self._connect()
            self._migrate(db)
            return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False)
        db.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        return db

    def _open_read_only(self) -> sqlite3.Connection:
        self.read_only = True
        self.notice = f"The data directory is read-only: bookmarks can be read but not changed ({self.path.parent})."
        if not self.path.exists():
            db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            self._migrate(db)
            return db
        # immutable: in a directory we cannot write, SQLite could not create the WAL's -shm file to read.
        uri = f"{self.path.as_uri()}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)

    @staticmethod
    def _check(db: sqlite3.Connection) -> None:
        result = db.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {result[0] if result else 'no answer'}")

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        moved = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{self.path.suffix}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(self.path) + suffix)
            if source.exists():
                source.replace(Path(str(moved) + suffix))
        return moved

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise BookmarkError(f"the bookmarks database was written by a newer version (schema {version})")
        while version < SCHEMA_VERSION:
            with _transaction(db):
                current = db.execute("PRAGMA user_version").fetchone()[0]
                if current != version:  # another process migrated meanwhile
                    version = current
                    continue
                for statement in _MIGRATIONS[version]:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")
            version += 1

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def _writing(self) -> Any:
        if self.read_only:
            raise BookmarkError(self.notice or "the bookmarks database is read-only")
        return _transaction(self._db)

    # Reading ----------------------------------------------------------------------------------
    def list(self, doc: str | None = None, include_deleted: bool = False) -> list[Bookmark]:
        """Bookmarks of one document (or all), oldest first."""
        where, params = [], []
        if doc is not None:
            where.append("doc = ?")
            params.append(doc)
        if not include_deleted:
            where.append("deleted IS NULL")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM bookmarks{clause} ORDER BY created, uid", params)
        return [_row_to_bookmark(row) for row in rows]

    def get(self, uid: str) -> Bookmark | None:
        """A bookmark by uid, or by an unambiguous uid prefix (at least 4 characters)."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM bookmarks WHERE uid = ? AND deleted IS NULL", (uid,)).fetchone()
        if row is None and len(uid) >= 4:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM bookmarks WHERE uid LIKE ? ESCAPE '\\' AND deleted IS NULL LIMIT 2",
                (_like_prefix(uid),),
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return _row_to_bookmark(row) if row else None

    def count(self) -> int:
        """Number of live bookmarks."""
        return int(self._db.execute("SELECT count(*) FROM bookmarks WHERE deleted IS NULL").fetchone()[0])

    def highlights(self, doc: str | None = None, color: str = "", tag: str = "") -> builtins.list[Bookmark]:
        """Highlights (of one document, one colour, one tag), in reading order of each document."""
        found = [
            b
            for b in self.list(doc)
            if b.is_highlight and (not color or b.color == color) and (not tag or tag in b.tags)
        ]
        return sorted(found, key=lambda b: (b.doc_title, b.doc, b.created))

    # Changing ---------------------------------------------------------------------------------
    def add(self, bookmark: Bookmark) -> Bookmark:
        """Store a new bookmark."""
        with self._writing():
            self._db.execute(f"INSERT INTO bookmarks ({_COLUMNS}) VALUES ({_PLACEHOLDERS})", _bookmark_values(bookmark))
        return bookmark

    def update(self, uid: str, **changes: Any) -> Bookmark:
        """Change fields (title, note, anchoring) of a bookmark.

        Raises:
            BookmarkError: Unknown uid.
        """
        current = self.get(uid)
        if current is None:
            raise BookmarkError(f"no bookmark {uid}")
        changed = replace(current, **changes, updated=time.time())
        with self._writing():
            self._db.execute(
                f"UPDATE bookmarks SET {_ASSIGNMENTS} WHERE uid=?", (*_bookmark_values(changed)[1:], changed.uid)
            )
        return changed

    def delete(self, uid: str) -> Bookmark:
        """Delete (softly: ``restore`` undoes it).

        Raises:
            BookmarkError: Unknown uid.
        """
        current = self.get(uid)
        if current is None:
            raise BookmarkError(f"no bookmark {uid}")
        with self._writing():
            self._db.execute("UPDATE bookmarks SET deleted = ? WHERE uid = ?", (time.time(), current.uid))
        return current

    def restore(self, uid: str) -> None:
        """Undo a delete."""
        with self._writing():
            self._db.execute("UPDATE bookmarks SET deleted = NULL WHERE uid = ?", (uid,))

    def purge_deleted(self, older_than_days: float = 30) -> int:
        """Forget bookmarks deleted long ago; returns how many."""
        limit = time.time() - older_than_days * 86400
        with self._writing():
            return self._db.execute(
                "DELETE FROM bookmarks WHERE deleted IS NOT NULL AND deleted < ?", (limit,)
            ).rowcount

    # Anchoring ----------------------------------------------------------------------------------
    def move_document(self, old_id: str, document: Document) -> tuple[int, int]:
        """Bookmarks and highlights of a document that was replaced by another copy (a new id): moved, re-anchored.

        Returns:
            (re-anchored, detached) counts, as ``reanchor``.
        """
        if self.read_only or old_id == document.id:
            return self.reanchor(document)
        with self._writing():
            self._db.execute(
                "UPDATE bookmarks SET doc = ?, source = ? WHERE doc = ?", (document.id, document.source, old_id)
            )
        return self.reanchor(document)

    def reanchor(self, document: Document) -> tuple[int, int]:
        """Re-find bookmarks whose paragraph vanished from a re-imported document.

        Exact snippet first, then the closest fuzzy match; otherwise the bookmark
        is kept, marked detached. Bookmarks found again lose the detached mark.

        Returns:
            (re-anchored, detached) counts.
        """
        if self.read_only:
            return 0, 0
        moved = detached = 0
        ids = {p.id for p in document.paragraphs}
        for bookmark in self.list(document.id):
            if bookmark.paragraph in ids and not bookmark.detached:
                continue
            if bookmark.paragraph in ids:
                self.update(bookmark.uid, detached=False)
                moved += 1
                continue
            found = find_anchor(document, bookmark.snippet)
            if found is not None and bookmark.is_highlight:
                # A highlight marks exact words: a fuzzy place would colour other text. Its words
                # changed: it is kept, marked, and still listed with the words it had.
                paragraph = document.paragraph(found[0])
                if paragraph is None or paragraph.text[found[1] : found[1] + bookmark.length] != bookmark.snippet:
                    found = None
            if found is None:
                if not bookmark.detached:
                    self.update(bookmark.uid, detached=True)
                detached += 1
                continue
            paragraph_id, offset = found
            self.update(
                bookmark.uid,
                paragraph=paragraph_id,
                offset=offset,
                detached=False,
                section_path=tuple(document.section_path(paragraph_id)),
                doc_title=display_name(document),
            )
            moved += 1
        return moved, detached

    # Portability --------------------------------------------------------------------------------
    def export_json(self) -> dict[str, Any]:
        """Every live bookmark in a versioned envelope (lossless)."""
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "bookmarks": [bookmark.to_json() for bookmark in self.list()],
        }

    def import_json(self, data: dict[str, Any]) -> tuple[int, int]:
        """Merge an export: new uids are added, known ones keep the newer version.

        Returns:
            (added, updated) counts.

        Raises:
            BookmarkError: Not a bookmarks export, or from a newer version.
        """
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise BookmarkError("the file is not a Report Reader bookmarks export")
        version = data.get("version", 0)
        if isinstance(version, bool) or not isinstance(version, int):
            raise BookmarkError("the export's version is not a whole number")
        if version > EXPORT_VERSION:
            raise BookmarkError(f"the export is version {version}, newer than this program reads")
        items = data.get("bookmarks", [])
        if not isinstance(items, list):
            raise BookmarkError("the export's bookmarks are not a list")
        if len(items) > MAX_IMPORTED:
            raise BookmarkError(
                f"the export holds {len(items):,} bookmarks; at most {MAX_IMPORTED:,} are imported at once"
            )
        incoming = [Bookmark.from_json(item) for item in items]
        added = updated = 0
        with self._writing():
            for bookmark in incoming:
                row = self._db.execute(
                    "SELECT updated, deleted FROM bookmarks WHERE uid = ?", (bookmark.uid,)
                ).fetchone()
                if row is None:
                    self._db.execute(
                        f"INSERT INTO bookmarks ({_COLUMNS}) VALUES ({_PLACEHOLDERS})", _bookmark_values(bookmark)
                    )
                    added += 1
                elif bookmark.updated > row[0] or row[1] is not None:
                    self._db.execute(
                        f"UPDATE bookmarks SET {_ASSIGNMENTS}, deleted=NULL WHERE uid=?",
                        (*_bookmark_values(bookmark)[1:], bookmark.uid),
                    )
                    updated += 1
        return added, updated


def _transaction(db: sqlite3.Connection) -> Any:
    """One change to the bookmarks, all or nothing; a full disk or a long-held lock is a message."""
    return immediate_transaction(
        db, lambda error: BookmarkError(f"the bookmarks could not be saved ({error}); nothing was changed")
    )


def _like_prefix(text: str) -> str:
    """A LIKE pattern matching ``text`` literally as a prefix (``_`` and ``%`` are not wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _writable(path: Path) -> bool:
    import os

    folder = path.parent
    if path.exists():
        return os.access(path, os.W_OK) and os.access(folder, os.W_OK)
    return folder.exists() and os.access(folder, os.W_OK)
