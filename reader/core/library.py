"""The library: imported documents under the data directory (original bytes + parsed cache).

Layout::

    DATA/library/catalog.json          id -> entry (title, source, kind, sizes, times)
    DATA/library/<id>/original.<ext>   the bytes as imported
    DATA/library/<id>/document.json    the parsed document (lossless JSON)

Every write goes through a temporary file and ``os.replace``, under an
exclusive lock on ``DATA/library/.lock``, so the CLI and the app can import at
the same time without losing entries. Importing the same source again keeps the
document id and replaces the entry in place. The bundled report is always there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from reader.core.cache import parser_fingerprint
from reader.core.document import Document
from reader.core.errors import ReaderError, UnsupportedSourceError
from reader.core.fileutil import write_atomic
from reader.core.loader import MAX_INPUT_BYTES, SUPPORTED_SUFFIXES, kind_for_suffix, parse_bytes, source_key_for_path
from reader.core.resources import BUNDLED_REPORT_URL, BUNDLED_SOURCE_KEY, bundled_report_path
from reader.core.serialize import dump_document, load_document
from reader.core.sources import is_url


class LibraryError(ReaderError):
    """A library operation cannot be done (unknown id, removing the bundled report...)."""


@dataclass(frozen=True)
class LibraryEntry:
    """What the catalog knows about one imported document."""

    id: str
    title: str
    source: str
    kind: str
    original: str  # file name of the stored original bytes
    paragraphs: int
    characters: int
    sha1: str
    imported: float
    parser: str = ""
    bundled: bool = False

    def to_json(self) -> dict:
        """The entry as ``library list --json`` prints it."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "paragraphs": self.paragraphs,
            "characters": self.characters,
            "imported": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(self.imported)),
            "bundled": self.bundled,
        }


@dataclass(frozen=True)
class ImportOutcome:
    """One source's fate in a batch import."""

    source: str
    document_id: str = ""
    title: str = ""
    error: str = ""
    updated: bool = False


def expand_sources(sources: list[str]) -> list[str]:
    """Expand folders into the supported files they hold (sorted); keep files and URLs."""
    expanded: list[str] = []
    for source in sources:
        path = Path(source).expanduser()
        if not is_url(source) and path.is_dir():
            expanded.extend(
                str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            expanded.append(source)
    return expanded


# A path that is not UTF-8 (a GBK file name) holds lone surrogates: written as JSON's \udcXX escapes.
_JSON_SAFE = "backslashreplace"
_DOCUMENT_ID_RE = re.compile(r"^d[0-9a-f]{12}$")


def _is_document_id(text: str) -> bool:
    return bool(_DOCUMENT_ID_RE.match(text))


class Library:
    """Imported documents in ``data_dir/library``.

    Args:
        data_dir: The application's data directory.
    """

    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / "library"
        self._bundled_checked = False

    # Locking and atomic files -------------------------------------------------
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock  # portable (Windows and macOS builds too), unlike fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.root / ".lock")):
            yield

    def _read_catalog(self) -> dict[str, LibraryEntry]:
        try:
            raw = json.loads((self.root / "catalog.json").read_text(encoding="utf-8"))
            entries = {key: LibraryEntry(**value) for key, value in raw.get("documents", {}).items()}
            # An id names a folder under the library: anything else (``../../x``) is not ours to touch.
            return {key: entry for key, entry in entries.items() if _is_document_id(key) and entry.id == key}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, TypeError):
            return self._rebuild_catalog()

    def _write_catalog(self, catalog: dict[str, LibraryEntry]) -> None:
        payload = {"version": 1, "documents": {key: asdict(entry) for key, entry in sorted(catalog.items())}}
        write_atomic(
            self.root / "catalog.json", json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8", _JSON_SAFE)
        )

    def _rebuild_catalog(self) -> dict[str, LibraryEntry]:
        """Recover a damaged catalog from the per-document folders (nothing imported is lost)."""
        catalog: dict[str, LibraryEntry] = {}
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()) if self.root.exists() else []:
            entry_file = folder / "entry.json"
            try:
                entry = LibraryEntry(**json.loads(entry_file.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError):
                continue
            if _is_document_id(folder.name) and entry.id == folder.name:
                catalog[folder.name] = entry
        return catalog

    # Queries -------------------------------------------------------------------
    def entries(self) -> list[LibraryEntry]:
        """Every document, bundled report first, then by title."""
        self.ensure_bundled()
        catalog = self._read_catalog()
        return sorted(catalog.values(), key=lambda e: (not e.bundled, e.title, e.id))

    def entry(self, document_id: str) -> LibraryEntry | None:
        """The catalog entry of a document id, or None."""
        self.ensure_bundled()
        return self._read_catalog().get(document_id)

    def document(self, document_id: str) -> Document:
        """The parsed document; parsed again from the stored original if the parser changed.

        Raises:
            LibraryError: Unknown id.
        """
        entry = self.entry(document_id)
        if entry is None:
            raise LibraryError(f"no document with id {document_id} in the library")
        folder = self.root / document_id
        if entry.parser == parser_fingerprint():
            try:
                return load_document(json.loads((folder / "document.json").read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, TypeError):
                pass  # damaged cache: parse the original again below
        data = (folder / entry.original).read_bytes()
        document = self._parse(data, entry.source, entry.kind)
        with self._locked():
            self._store(document, data, entry.source, entry.kind, entry.original.rsplit(".", 1)[-1], entry.bundled)
        return document

    def resolve(self, reference: str) -> str | None:
        """Map a document id, or the path/URL it was imported from, to its id."""
        self.ensure_bundled()
        catalog = self._read_catalog()
        if reference in catalog:
            return reference
        if is_url(reference):
            return next((e.id for e in catalog.values() if e.source == reference), None)
        path = Path(reference).expanduser()
        if path.exists():
            key = source_key_for_path(path)
            return next((e.id for e in catalog.values() if self._source_key(e) == key), None)
        return None

    @staticmethod
    def _source_key(entry: LibraryEntry) -> str:
        if entry.bundled:
            return BUNDLED_SOURCE_KEY
        return entry.source if is_url(entry.source) else str(Path(entry.source).resolve())

    # Changes ---------------------------------------------------------------------
    def ensure_bundled(self) -> None:
        """Import the bundled report if it is missing (it cannot be removed)."""
        if self._bundled_checked:
            return
        self._bundled_checked = True
        catalog = self._read_catalog() if (self.root / "catalog.json").exists() else {}
        if any(entry.bundled for entry in catalog.values()):
            return
        path = bundled_report_path()
        if path.is_file():
            try:
                self._import_path(path, bundled=True)
            except OSError:
                return  # a read-only data directory: the library still lists what it has

    def add(self, source: str) -> ImportOutcome:
        """Import one file or URL (re-importing updates in place).

        Raises:
            ReaderError: Bad input (typed), or a folder (use ``add_many``).
        """
        if is_url(source):
            from reader.core.formats.fetch import fetch_url

            fetched = fetch_url(source, max_bytes=MAX_INPUT_BYTES)
            kind = "html" if "html" in fetched.content_type else "auto"
            document = parse_bytes(
                fetched.data,
                name=source.rsplit("/", 1)[-1],
                source=source,
                source_key=source,
                kind=kind,
                charset=fetched.charset,
            )
            if not document.url:
                document = replace(document, url=fetched.url)
            with self._locked():
                updated = document.id in self._read_catalog()
                self._store(document, fetched.data, source, kind, "html")
            return ImportOutcome(source, document.id, document.title, updated=updated)
        path = Path(source).expanduser()
        if path.is_dir():
            raise UnsupportedSourceError(f"{source} is a folder")
        document, updated = self._import_path(path)
        return ImportOutcome(source, document.id, document.title, updated=updated)

    def _import_path(self, path: Path, bundled: bool = False) -> tuple[Document, bool]:
        from reader.core.loader import load_path

        document = load_path(path)
        data = path.read_bytes()
        suffix = path.suffix.lower().lstrip(".") or "txt"
        source = str(path.resolve())
        document = replace(document, source=source, url=document.url or (BUNDLED_REPORT_URL if bundled else ""))
        with self._locked():
            updated = document.id in self._read_catalog()
            self._store(document, data, source, kind_for_suffix(path.suffix), suffix, bundled)
        return document, updated

    def add_many(
        self, sources: list[str], progress: Callable[[int, int, str], None] | None = None
    ) -> list[ImportOutcome]:
        """Import files, folders (recursively) and URLs; one bad source does not stop the rest.

        Args:
            sources: Paths, folders or URLs.
            progress: Called with (done, total, current source).

        Returns:
            One outcome per file or URL.
        """
        expanded = expand_sources(sources)
        outcomes = []
        for number, source in enumerate(expanded):
            if progress:
                progress(number, len(expanded), source)
            try:
                outcomes.append(self.add(source))
            except ReaderError as error:
                outcomes.append(ImportOutcome(source, error=str(error)))
            except OSError as error:
                outcomes.append(ImportOutcome(source, error=error.strerror or str(error)))
            except Exception as error:  # one file that trips a bug must not cost the rest of the batch
                outcomes.append(ImportOutcome(source, error=f"could not be read ({error.__class__.__name__})"))
        if progress:
            progress(len(expanded), len(expanded), "")
        return outcomes

    def _parse(self, data: bytes, source: str, kind: str) -> Document:
        if source == str(bundled_report_path().resolve()):
            key = BUNDLED_SOURCE_KEY
        else:
            key = source if is_url(source) else str(Path(source).resolve())
        document = parse_bytes(data, name=Path(source).name, source=source, source_key=key, kind=kind)
        if key == BUNDLED_SOURCE_KEY and not document.url:
            document = replace(document, url=BUNDLED_REPORT_URL)
        return document

    def _store(
        self, document: Document, data: bytes, source: str, kind: str, suffix: str, bundled: bool = False
    ) -> None:
        """Write original, parsed document and entry, then the catalog (lock held by the caller)."""
        folder = self.root / document.id
        original = f"original.{suffix}"
        write_atomic(folder / original, data)
        write_atomic(
            folder / "document.json",
            json.dumps(dump_document(document), ensure_ascii=False, separators=(",", ":")).encode("utf-8", _JSON_SAFE),
        )
        entry = LibraryEntry(
            id=document.id,
            title=document.title,
            source=source,
            kind=kind,
            original=original,
            paragraphs=len(document.paragraphs),
            characters=document.body_text_length,
            sha1=hashlib.sha1(data).hexdigest(),
            imported=time.time(),
            parser=parser_fingerprint(),
            bundled=bundled,
        )
        write_atomic(folder / "entry.json", json.dumps(asdict(entry), ensure_ascii=False).encode("utf-8", _JSON_SAFE))
        catalog = self._read_catalog()
        catalog[document.id] = entry
        self._write_catalog(catalog)

    def remove(self, document_id: str) -> LibraryEntry:
        """Remove a document and its files.

        Raises:
            LibraryError: Unknown id, or the bundled report.
        """
        with self._locked():
            catalog = self._read_catalog()
            entry = catalog.get(document_id)
            if entry is None:
                raise LibraryError(f"no document with id {document_id} in the library")
            if entry.bundled:
                raise LibraryError("the bundled report is always in the library and cannot be removed")
            del catalog[document_id]
            self._write_catalog(catalog)
            folder = self.root / document_id
            if _is_document_id(document_id) and folder.resolve().parent == self.root.resolve():
                shutil.rmtree(folder, ignore_errors=True)
        return entry

    def fingerprints(self) -> dict[str, str]:
        """Id -> content fingerprint (what the search index compares to stay in sync)."""
        return {entry.id: f"{entry.sha1}:{entry.parser}" for entry in self.entries()}
