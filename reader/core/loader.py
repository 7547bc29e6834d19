"""Open any supported source (saved page, text report, PDF, Word, OFD, URL) as a ``Document``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.core.builder import build_document
from reader.core.document import Document
from reader.core.errors import InputTooLargeError, UnsupportedSourceError
from reader.core.formats.charset import decode_bytes_noting
from reader.core.formats.raw import RawDocument
from reader.core.formats.registry import FORMATS, format_for_suffix, format_named, sniff_format, supported_suffixes
from reader.core.resources import BUNDLED_REPORT_URL, BUNDLED_SOURCE_KEY, is_bundled
from reader.core.sources import is_url, split_fragment

MAX_INPUT_BYTES = 32 * 1024 * 1024  # a page or a text: the longest report is under 1 MB
MAX_BINARY_BYTES = 256 * 1024 * 1024  # PDFs carry fonts and images: a text PDF of 2,000 pages fits
SUPPORTED_SUFFIXES = supported_suffixes()


def kind_for_suffix(suffix: str) -> str:
    """Parser kind for a file name suffix: a format's name (``html``, ``pdf``…) or ``auto``."""
    found = format_for_suffix(suffix)
    return found.name if found else "auto"


def size_limit(kind: str) -> int:
    """The largest file of this kind the reader accepts, in bytes."""
    found = format_named(kind)
    return MAX_BINARY_BYTES if found is not None and found.binary else MAX_INPUT_BYTES


def source_key_for_path(path: Path) -> str:
    """Canonical key of a file source: the bundled marker or the resolved path."""
    if is_bundled(path):
        return BUNDLED_SOURCE_KEY
    return str(path.resolve())


def parse_raw(
    data: bytes, *, name: str, kind: str = "auto", charset: str | None = None
) -> tuple[RawDocument, list[str]]:
    """Parse raw bytes with the parser their format calls for, before the document is assembled.

    Args:
        data: The file or response body.
        name: File name, used for the fallback title.
        kind: A format's name (``html``, ``pdf``…) or ``auto`` (sniff the content).
        charset: Charset declared out of band (HTTP header), if any.

    Returns:
        What the parser found, and notes on how the bytes were read.

    Raises:
        InputError: A subclass saying what is wrong with the input.

    """
    binary = sniff_format(data) or _binary_format(kind)
    limit = MAX_BINARY_BYTES if binary else MAX_INPUT_BYTES
    if len(data) > limit:
        raise InputTooLargeError(f"the file is larger than {limit // (1024 * 1024)} MB")
    if binary is not None:
        return binary.parse_function()(data, name), []
    # The parsers (lxml) are imported here, when a file is parsed, not when
    # this module is: the app opens cached documents without ever loading them.
    from reader.core.formats.html_page import looks_like_html, parse_html
    from reader.core.formats.text_report import parse_text

    text, encoding, replaced = decode_bytes_noting(data, charset)
    if kind not in ("html", "markdown", "text"):
        kind = "html" if looks_like_html(text) else "markdown" if "**" in text or "\n#" in text else "text"
    if kind == "html":
        raw = parse_html(text)
    else:
        raw = parse_text(text, markdown=kind == "markdown", fallback_title=Path(name).stem)
    notes = []
    if replaced:
        notes.append(
            f"{replaced} byte{'s' if replaced > 1 else ''} fit no character in {encoding} and were replaced by �"
        )
    return raw, notes


def parse_bytes(
    data: bytes, *, name: str, source: str, source_key: str, kind: str = "auto", charset: str | None = None
) -> Document:
    """Parse raw bytes into a document.

    Args:
        data: The file or response body.
        name: File name, used for the fallback title.
        source: Path or URL as shown to the user.
        source_key: Canonical key for the document id.
        kind: A format's name (``html``, ``pdf``…) or ``auto`` (sniff the content).
        charset: Charset declared out of band (HTTP header), if any.

    Returns:
        The parsed document.

    Raises:
        InputError: A subclass saying what is wrong with the input.

    """
    raw, notes = parse_raw(data, name=name, kind=kind, charset=charset)
    document = build_document(raw, source, source_key)
    return replace(document, notes=(*document.notes, *notes)) if notes else document


def _binary_format(kind: str) -> Any:
    """The binary format a parser kind names, if any (a misnamed or damaged file goes to its parser)."""
    found = format_named(kind)
    return found if found is not None and found.binary else None


def load_path(path: Path) -> Document:
    """Open a file from disk.

    Raises:
        UnsupportedSourceError: Missing file or a directory.
        InputError: See ``parse_bytes``.

    """
    if not path.exists():
        raise UnsupportedSourceError(f"no such file: {path}")
    if not path.is_file():
        raise UnsupportedSourceError(f"not a file: {path}")
    size = path.stat().st_size
    kind = kind_for_suffix(path.suffix)
    if size > MAX_BINARY_BYTES or (size > MAX_INPUT_BYTES and kind in ("html", "text", "markdown")):
        limit_mb = size_limit(kind) // (1024 * 1024)
        raise InputTooLargeError(f"the file is {size / (1024 * 1024):.0f} MB; the limit is {limit_mb} MB")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnsupportedSourceError(f"cannot read {path}: {error.strerror or error}") from None
    document = parse_bytes(data, name=path.name, source=str(path), source_key=source_key_for_path(path), kind=kind)
    if source_key_for_path(path) == BUNDLED_SOURCE_KEY and not document.url:
        document = replace(document, url=BUNDLED_REPORT_URL)
    return document


def load_url(url: str, timeout: float = 15.0) -> Document:
    """Fetch and parse a page; the document id derives from the URL as given."""
    from reader.core.formats.fetch import fetch_url

    fetched = fetch_url(url, timeout=timeout, max_bytes=MAX_BINARY_BYTES)
    kind = kind_for_content_type(fetched.content_type, url)
    name = fetched.url.rstrip("/").rsplit("/", 1)[-1] or "page"
    raw, notes = parse_raw(fetched.data, name=name, kind=kind, charset=fetched.charset)
    if raw.continuations:
        notes += join_continuations(raw, fetched.url, timeout)
    document = build_document(raw, url, url)
    document = replace(document, notes=(*document.notes, *notes)) if notes else document
    return document if document.url else replace(document, url=fetched.url)


MAX_ARTICLE_PAGES = 30


def join_continuations(raw: RawDocument, address: str, timeout: float) -> list[str]:
    """Fetch an article's other pages and append their bodies, each paragraph keeping its page number.

    Each page is fetched with the same limits as any fetch; a page that fails ends the
    joining with a note, never the document.

    Returns:
        Notes on what was joined.
    """
    from urllib.parse import urljoin

    from reader.core.errors import InputError
    from reader.core.formats.fetch import fetch_url

    for paragraph in raw.paragraphs:
        paragraph.page = 1
    seen_texts = {raw.title, *(p.text for p in raw.paragraphs[:3])}
    joined = 1
    for number, href in enumerate(raw.continuations[: MAX_ARTICLE_PAGES - 1], start=2):
        try:
            fetched = fetch_url(urljoin(address, href), timeout=timeout, max_bytes=MAX_INPUT_BYTES)
            page, _notes = parse_raw(fetched.data, name=href, kind="html", charset=fetched.charset)
        except InputError as error:
            return [f"pages 1–{joined} of the article were joined; page {number} could not be read: {error}"]
        for paragraph in page.paragraphs:
            if paragraph.text in seen_texts and paragraph is page.paragraphs[0]:
                continue  # the title repeated at the top of every page
            paragraph.page = number
            raw.paragraphs.append(paragraph)
        joined = number
    raw.notes = [note for note in raw.notes if "other pages are not in this file" not in note]
    return [f"the article's {joined} pages were joined"]


def kind_for_content_type(content_type: str, url: str = "") -> str:
    """The parser kind for an HTTP response: by MIME type, else by the address's suffix, else ``auto``."""
    for fmt in FORMATS:
        if content_type in fmt.mime_types:
            return fmt.name
    if "html" in content_type:
        return "html"
    path = url.split("?", 1)[0].split("#", 1)[0]
    suffix = path.rsplit("/", 1)[-1]
    return kind_for_suffix("." + suffix.rsplit(".", 1)[-1]) if "." in suffix else "auto"


def load_source(source: str) -> Document:
    """Open a path, a ``file://`` URI or an http(s) URL (any ``#fragment`` is ignored here)."""
    address, _fragment = split_fragment(source)
    return load_url(address) if is_url(address) else load_path(Path(address).expanduser())
