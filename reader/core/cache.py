"""A cache of parsed documents in the data directory.

Parsing a page costs an HTML parser import (~120 ms) plus the parse; reading the
cached JSON costs a few milliseconds. Entries are keyed by the source, its size
and modification time, and a fingerprint of the parser code, so a changed file
or a new parser version is parsed again. A damaged entry is ignored and replaced.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from reader.core.document import Document
from reader.core.fileutil import write_atomic
from reader.core.serialize import dump_document, load_document

# Where a Document's shape comes from: the loader (bytes → Document) and the serializer (the
# cached JSON → Document). Every reader.core module they import, directly or not, is part of the
# fingerprint, so a change to any rule that shapes a Document (identity, regions, a parser)
# invalidates the cache and the library's stored documents without a list to keep up to date.
_FINGERPRINT_ROOTS = ("loader", "serialize")
_CORE_IMPORT_RE = re.compile(
    r"^[ \t]*(?:from[ \t]+reader\.core\.([\w.]+)[ \t]+import|import[ \t]+reader\.core\.([\w.]+))", re.M
)


def document_modules(core: Path | None = None) -> list[Path]:
    """The source files of every ``reader.core`` module a Document depends on, sorted.

    Follows ``reader.core`` imports (at module level and inside functions) from the
    loader and the serializer. A regular expression rather than ``ast``: this runs at
    start-up, and reading ~25 small files with a regex costs about a millisecond.

    Args:
        core: The ``reader/core`` folder (default: this module's folder).

    Returns:
        The files found; empty in a frozen build without sources.

    """
    core = core or Path(__file__).resolve().parent
    seen: dict[str, Path] = {}
    pending = list(_FINGERPRINT_ROOTS)
    while pending:
        module = pending.pop()
        if module in seen:
            continue
        relative = module.replace(".", "/")
        path = core / f"{relative}.py"
        if not path.is_file():
            path = core / relative / "__init__.py"
        try:
            source = path.read_text(encoding="utf-8")
        except OSError:
            continue
        seen[module] = path
        pending.extend(direct or plain for direct, plain in _CORE_IMPORT_RE.findall(source))
    return sorted(seen.values())


def fingerprint_of(core: Path) -> str:
    """A hash of the Document-shaping modules under ``core`` (their names and contents)."""
    checksum = 0
    files = document_modules(core)
    for path in files:
        checksum = zlib.crc32(path.relative_to(core).as_posix().encode(), checksum)
        checksum = zlib.crc32(path.read_bytes(), checksum)
    if not files:  # a frozen build without sources: the build itself is the version
        import reader

        checksum = zlib.crc32(f"{getattr(sys, '_MEIPASS', '')}\x00{reader.__version__}".encode())
    return f"{checksum:08x}"


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """A hash of the code that turns bytes into a Document (changes invalidate the cache)."""
    return fingerprint_of(Path(__file__).resolve().parent)


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
