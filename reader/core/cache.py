"""A cache of parsed documents in the data directory.

Parsing a page costs an HTML parser import (~120 ms) plus the parse; reading the
cached JSON costs a few milliseconds. Entries are keyed by the source, its size
and modification time, and a fingerprint of the parser code, so a changed file
or a new parser version is parsed again. A damaged entry is ignored and replaced.
"""

from __future__ import annotations

import json
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from reader.core.document import Document
from reader.core.fileutil import write_atomic
from reader.core.serialize import dump_document, load_document

_PARSER_MODULES = ("document.py", "builder.py", "outline.py", "text_utils.py", "loader.py", "serialize.py")


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """A hash of the code that turns bytes into a Document (changes invalidate the cache)."""
    core = Path(__file__).resolve().parent
    files = [core / name for name in _PARSER_MODULES] + sorted((core / "formats").glob("*.py"))
    checksum, found = 0, False
    for path in files:
        try:
            checksum = zlib.crc32(path.read_bytes(), checksum)
            found = True
        except OSError:
            continue
    if not found:  # a frozen build without sources: the build itself is the version
        import reader

        checksum = zlib.crc32(f"{getattr(sys, '_MEIPASS', '')}\x00{reader.__version__}".encode())
    return f"{checksum:08x}"


class DocumentCache:
    """Parsed documents stored as JSON files under ``directory``.

    Args:
        directory: Where entries live (created on first store).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _entry(self, path: Path) -> tuple[Path, str] | None:
        """The entry file for a source file and the key it must carry (None if the file is gone).

        The name is a CRC of the key (no hashlib to import at start-up); the entry
        stores the whole key, so two keys sharing a name can never be confused.
        """
        try:
            stat = path.stat()
        except OSError:
            return None
        key = f"{path.resolve()}\x00{stat.st_size}\x00{stat.st_mtime_ns}\x00{parser_fingerprint()}"
        return self.directory / f"{zlib.crc32(key.encode('utf-8', 'surrogateescape')):08x}.json", key

    def get(self, path: Path) -> Document | None:
        """The cached document for a file, or None when absent, stale or unreadable."""
        found = self._entry(path)
        if found is None or not found[0].exists():
            return None
        entry, key = found
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            if data.get("key") != key:
                return None
            return load_document(data["document"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entry.unlink(missing_ok=True)
            return None

    def put(self, path: Path, document: Document) -> None:
        """Store a parsed document (atomically; failures to write are not errors)."""
        found = self._entry(path)
        if found is None:
            return
        entry, key = found
        envelope = {"key": key, "document": dump_document(document)}
        data = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "backslashreplace")
        try:
            write_atomic(entry, data, durable=False)  # a cache: losing it to a power cut costs a parse
        except OSError:
            return

    def load(self, path: Path) -> Document:
        """Return the cached document or parse the file and cache it."""
        document = self.get(path)
        if document is None:
            from reader.core.loader import load_path  # the parser stack, only when needed

            document = load_path(path)
            self.put(path, document)
        return document
