"""The library: imported documents under the data directory (original bytes + parsed cache).

Layout::

    DATA/library/catalog.sqlite3       id -> entry (title, source, kind, sizes, times), paragraph wordings
    DATA/library/<id>/original.<ext>   the bytes as imported
    DATA/library/<id>/document.json    the parsed document (lossless JSON)
    DATA/library/<id>/entry.json       the entry again: the catalogue is rebuilt from these if damaged

Every file write goes through a temporary file and ``os.replace``, and every change
happens under an exclusive lock on ``DATA/library/.lock``, so the CLI and the app can
import at the same time without losing entries. The catalogue (``reader.core.catalogue``)
changes one row per document, so an import costs the same at 10 entries and at 10,000.
Importing the same source again keeps the document id and replaces the entry in place.
The bundled report is always there. An older ``catalog.json`` is read once, into the new file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from reader.core.cache import parser_fingerprint
from reader.core.catalogue import Catalogue
from reader.core.document import Document
from reader.core.duplicates import duplicate_in, paragraph_lengths
from reader.core.errors import ReaderError, UnsupportedSourceError
from reader.core.fileutil import remove_stale_temporaries, write_atomic
from reader.core.formats.registry import format_named, sniff_format
from reader.core.library_entry import LibraryEntry
from reader.core.library_recovery import CONTENT_FILE, is_document_id, recovered_entries, stored_wording
from reader.core.naming import Identity, display_name
from reader.core.paths import DataLayout
from reader.core.resources import BUNDLED_REPORT_URL, BUNDLED_SOURCE_KEY, bundled_report_path
from reader.core.serialize import dump_document, load_document
from reader.core.sources import is_url

Done = TypeVar("Done")


class LibraryError(ReaderError):
    """A library operation cannot be done (unknown id, removing the bundled report...)."""


@dataclass(frozen=True)
class ImportOutcome:
    """One source's fate in a batch import.

    Attributes:
        duplicate_of: The id of an entry holding the same text, when nothing was imported
            (``duplicate_name`` is its display name).
        replaced: The id of the entry this import replaced (asked to replace duplicates).
    """

    source: str
    document_id: str = ""
    title: str = ""
    error: str = ""
    updated: bool = False
    duplicate_of: str = ""
    duplicate_name: str = ""
    replaced: str = ""


@dataclass(frozen=True)
class Prepared:
    """A source read and parsed, ready to be stored."""

    source: str
    document: Document
    data: bytes
    kind: str
    suffix: str
    bundled: bool = False


def prepare_source(data_dir: Path, source: str) -> Prepared | ImportOutcome:
    """Read and parse one source for ``data_dir``'s library (in a worker process); errors as outcomes."""
    return Library(data_dir).prepare_or_outcome(source)


def failure_as_outcome(source: str, failing: str, step: Callable[[], Done]) -> Done | ImportOutcome:
    """What ``step`` returns, or the source's outcome when it fails (one bad file never stops a batch).

    Args:
        source: The file or URL.
        failing: Words for a failure that is a bug ("could not be read"), before its kind.
        step: Prepares or stores the source.
    """
    try:
        return step()
    except ReaderError as error:
        return ImportOutcome(source, error=str(error))
    except OSError as error:
        return ImportOutcome(source, error=error.strerror or str(error))
    except Exception as error:  # one file that trips a bug must not cost the rest of the batch
        return ImportOutcome(source, error=f"{failing} ({error.__class__.__name__})")


def _parsers() -> ModuleType:
    """The loader and every parser, imported when a document is parsed: a search or a list never needs them.

    They were a tenth of a one-off CLI search's start.
    """
    from reader.core import loader

    return loader


def parse_stored(data: bytes, source: str, kind: str) -> Document:
    """A stored original parsed again (the bundled report keeps its key and its address)."""
    from reader.core.loader import parse_bytes

    if source == str(bundled_report_path().resolve()):
        key = BUNDLED_SOURCE_KEY
    else:
        key = source if is_url(source) else str(Path(source).resolve())
    document = parse_bytes(data, name=Path(source).name, source=source, source_key=key, kind=kind)
    if key == BUNDLED_SOURCE_KEY and not document.url:
        document = replace(document, url=BUNDLED_REPORT_URL)
    return document


def expand_sources(sources: list[str]) -> list[str]:
    """Expand folders into the supported files they hold (sorted); keep files and URLs."""
    expanded: list[str] = []
    for source in sources:
        path = Path(source).expanduser()
        if not is_url(source) and path.is_dir():
            suffixes = _parsers().SUPPORTED_SUFFIXES
            expanded.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in suffixes)
        else:
            expanded.append(source)
    return expanded


# A path that is not UTF-8 (a GBK file name) holds lone surrogates: written as JSON's \udcXX escapes.
_JSON_SAFE = "backslashreplace"


def _prepare_url(source: str) -> Prepared:
    """Fetch and parse a URL (``Library.prepare``)."""
    from reader.core.formats.fetch import fetch_url

    parsers = _parsers()
    fetched = fetch_url(source, max_bytes=parsers.MAX_BINARY_BYTES)
    kind = parsers.kind_for_content_type(fetched.content_type, source)
    document = parsers.parse_bytes(
        fetched.data,
        name=source.rsplit("/", 1)[-1],
        source=source,
        source_key=source,
        kind=kind,
        charset=fetched.charset,
    )
    if not document.url:
        document = replace(document, url=fetched.url)
    found = sniff_format(fetched.data) or format_named(kind)
    return Prepared(source, document, fetched.data, kind, found.suffixes[0].lstrip(".") if found else "html")


class Library:
    """Imported documents in ``data_dir/library``.

    Args:
        data_dir: The application's data directory.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.root = DataLayout(data_dir).library
        self._bundled_checked = False
        self.catalogue = Catalogue(
            self.root / "catalog.sqlite3",
            LibraryEntry,
            lambda: recovered_entries(self.root),
            lambda document_id: stored_wording(self.root, document_id),
        )

    # Locking and atomic files -------------------------------------------------
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock  # portable (Windows and macOS builds too), unlike fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.root / ".lock")):
            yield

    def _read_catalog(self) -> dict[str, LibraryEntry]:
        # An id names a folder under the library: anything else (``../../x``) is not ours to touch.
        return {key: entry for key, entry in self.catalogue.all().items() if is_document_id(key)}

    # Queries -------------------------------------------------------------------
    def entries(self) -> list[LibraryEntry]:
        """Every document, bundled report first, then by title."""
        self.ensure_bundled()
        catalog = self._read_catalog()
        return sorted(catalog.values(), key=lambda e: (not e.bundled, e.title, e.id))

    def entry(self, document_id: str) -> LibraryEntry | None:
        """The catalog entry of a document id, or None."""
        self.ensure_bundled()
        return self.catalogue.get(document_id) if is_document_id(document_id) else None

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
        document = parse_stored(data, entry.source, entry.kind)
        with self._locked():
            self._store(document, data, entry.source, entry.kind, entry.original.rsplit(".", 1)[-1], entry.bundled)
        return document

    def resolve(self, reference: str) -> str | None:
        """Map a document id, or the path/URL it was imported from, to its id."""
        self.ensure_bundled()
        if is_document_id(reference) and self.catalogue.get(reference) is not None:
            return reference
        if is_url(reference):
            return self.catalogue.by_source(reference)
        path = Path(reference).expanduser()
        if path.exists():
            key = _parsers().source_key_for_path(path)
            found = self.catalogue.by_source(str(path.resolve()))
            if found is not None:
                return found
            return next((e.id for e in self._read_catalog().values() if self._source_key(e) == key), None)
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
        if self.root.exists() and self.catalogue.has_bundled():
            return
        path = bundled_report_path()
        if path.is_file():
            try:
                self._import_path(path, bundled=True)
            except OSError:
                return  # a read-only data directory: the library still lists what it has

    def add(self, source: str, replace_duplicate: bool = False) -> ImportOutcome:
        """Import one file or URL (re-importing updates in place).

        The same text imported from elsewhere (a saved page and its Markdown copy) is not a
        second entry: the outcome names the entry it duplicates, and nothing is imported
        unless ``replace_duplicate`` asks for the new copy to take that entry's place.

        Raises:
            ReaderError: Bad input (typed), or a folder (use ``add_many``).
        """
        prepared = self.prepare(source)
        return self.store_prepared(prepared, replace_duplicate)

    def prepare_or_outcome(self, source: str) -> Prepared | ImportOutcome:
        """``prepare``, with any failure given as the source's outcome (one bad file never stops a batch)."""
        return failure_as_outcome(source, "could not be read", lambda: self.prepare(source))

    def prepare(self, source: str) -> Prepared:
        """Read and parse one file or URL (no lock: this is the slow part, safe to run in parallel).

        Raises:
            ReaderError: Bad input (typed), or a folder.
        """
        if is_url(source):
            return _prepare_url(source)
        path = Path(source).expanduser()
        if path.is_dir():
            raise UnsupportedSourceError(f"{source} is a folder")
        return self._prepare_path(path)

    def _prepare_path(self, path: Path, bundled: bool = False) -> Prepared:
        from reader.core.loader import load_path

        document = load_path(path)
        data = path.read_bytes()
        suffix = path.suffix.lower().lstrip(".") or "txt"
        source = str(path.resolve())
        document = replace(document, source=source, url=document.url or (BUNDLED_REPORT_URL if bundled else ""))
        return Prepared(source, document, data, _parsers().kind_for_suffix(path.suffix), suffix, bundled)

    def store_prepared(self, prepared: Prepared, replace_duplicate: bool = False) -> ImportOutcome:
        """Put a prepared document in the library (under the lock), unless it duplicates an entry.

        Raises:
            LibraryError: Asked to replace the bundled report.
        """
        document = prepared.document
        self.ensure_bundled()  # the bundled report counts when duplicates are looked for
        with self._locked():
            updated = self.catalogue.get(document.id) is not None
            duplicate = "" if updated else duplicate_in(self.catalogue, document)
            existing = self.catalogue.get(duplicate) if duplicate else None
            if existing is None:
                duplicate = ""
            if existing is not None and not replace_duplicate:
                title = existing.display or existing.title
                return ImportOutcome(
                    prepared.source, document.id, document.title, duplicate_of=duplicate, duplicate_name=title
                )
            if existing is not None:
                if existing.bundled:
                    raise LibraryError("the same text is the bundled report, which always stays in the library")
                self._forget(duplicate)
            self._store(document, prepared.data, prepared.source, prepared.kind, prepared.suffix, prepared.bundled)
        return ImportOutcome(prepared.source, document.id, document.title, updated=updated, replaced=duplicate)

    def _import_path(self, path: Path, bundled: bool = False) -> tuple[Document, bool]:
        prepared = self._prepare_path(path, bundled)
        with self._locked():
            updated = self.catalogue.get(prepared.document.id) is not None
            document = prepared.document
            self._store(document, prepared.data, prepared.source, prepared.kind, prepared.suffix, bundled)
        return document, updated

    # Duplicates --------------------------------------------------------------------

    def _forget(self, document_id: str) -> None:
        """Drop an entry and its folder (the lock held by the caller)."""
        self.catalogue.remove(document_id)
        folder = self.root / document_id
        if is_document_id(document_id) and folder.resolve().parent == self.root.resolve():
            shutil.rmtree(folder, ignore_errors=True)

    def clean_temporaries(self) -> int:
        """Remove the half-written files an import killed earlier left (under the lock: no writer has one open)."""
        with self._locked():
            return remove_stale_temporaries([self.root])

    def add_many(
        self,
        sources: list[str],
        progress: Callable[[int, int, str], None] | None = None,
        replace_duplicate: bool = False,
        workers: int | None = None,
    ) -> list[ImportOutcome]:
        """Import files, folders (recursively) and URLs; one bad source does not stop the rest.

        Parsing runs in worker processes (``parallel_parse``); storing, here, in order.

        Args:
            sources: Paths, folders or URLs.
            progress: Called with (done, total, current source).
            replace_duplicate: A copy of an entry's text replaces that entry (else it is only named).
            workers: Parsing processes; None: one per core.

        Returns:
            One outcome per file or URL.
        """
        from reader.core.parallel_parse import in_order

        expanded = expand_sources(sources)
        self.clean_temporaries()
        outcomes = []
        worker = functools.partial(prepare_source, self.data_dir)
        with in_order(worker, expanded, workers, self.prepare_or_outcome) as prepared_items:
            for number, (source, prepared) in enumerate(zip(expanded, prepared_items, strict=True)):
                if progress:
                    progress(number, len(expanded), source)
                if isinstance(prepared, ImportOutcome):
                    outcomes.append(prepared)
                    continue
                store = functools.partial(self.store_prepared, prepared, replace_duplicate)
                outcomes.append(failure_as_outcome(source, "could not be stored", store))
        if progress:
            progress(len(expanded), len(expanded), "")
        return outcomes

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
        wording = paragraph_lengths(document)
        write_atomic(folder / CONTENT_FILE, json.dumps(wording).encode("utf-8"))
        identity = Identity.from_meta(document.meta)
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
            region=identity.region,
            level=identity.level,
            year=identity.year,
            doc_kind=identity.kind,
            speaker=identity.speaker,
            delivered=identity.delivered,
            display=display_name(document),
        )
        write_atomic(folder / "entry.json", json.dumps(asdict(entry), ensure_ascii=False).encode("utf-8", _JSON_SAFE))
        self.catalogue.put(entry, wording)

    def remove(self, document_id: str) -> LibraryEntry:
        """Remove a document and its files.

        Raises:
            LibraryError: Unknown id, or the bundled report.
        """
        with self._locked():
            entry = self.entry(document_id)
            if entry is None:
                raise LibraryError(f"no document with id {document_id} in the library")
            if entry.bundled:
                raise LibraryError("the bundled report is always in the library and cannot be removed")
            self._forget(document_id)
        return entry

    def change_stamp(self) -> str:
        """What changes whenever the catalogue does (``Catalogue.stamp``); read it before ``fingerprints``."""
        self.ensure_bundled()
        return self.catalogue.stamp()

    def fingerprints(self) -> dict[str, str]:
        """Id -> content fingerprint (what the search index compares to stay in sync)."""
        self.ensure_bundled()
        return {key: value for key, value in self.catalogue.fingerprints().items() if is_document_id(key)}
