"""Open any supported source (saved page, text report, URL) as a ``Document``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.core.builder import build_document
from reader.core.document import Document
from reader.core.errors import InputTooLargeError, UnsupportedSourceError
from reader.core.formats.charset import decode_bytes_noting
from reader.core.resources import BUNDLED_REPORT_URL, BUNDLED_SOURCE_KEY, is_bundled
from reader.core.sources import is_url, split_fragment

MAX_INPUT_BYTES = 32 * 1024 * 1024
HTML_SUFFIXES = frozenset((".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"))
MARKDOWN_SUFFIXES = frozenset((".md", ".markdown"))
TEXT_SUFFIXES = frozenset((".txt", ".text"))
SUPPORTED_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES


def kind_for_suffix(suffix: str) -> str:
    """Parser kind for a file name suffix: ``html``, ``markdown``, ``text`` or ``auto``."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text" if suffix in TEXT_SUFFIXES else "auto"


def source_key_for_path(path: Path) -> str:
    """Canonical key of a file source: the bundled marker or the resolved path."""
    if is_bundled(path):
        return BUNDLED_SOURCE_KEY
    return str(path.resolve())


def parse_bytes(
    data: bytes, *, name: str, source: str, source_key: str, kind: str = "auto", charset: str | None = None
) -> Document:
    """Parse raw bytes into a document.

    Args:
        data: The file or response body.
        name: File name, used for the fallback title.
        source: Path or URL as shown to the user.
        source_key: Canonical key for the document id.
        kind: ``html``, ``markdown``, ``text`` or ``auto`` (sniff the content).
        charset: Charset declared out of band (HTTP header), if any.

    Returns:
        The parsed document.

    Raises:
        InputError: A subclass saying what is wrong with the input.

    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"the file is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    # The parsers (lxml) are imported here, when a file is parsed, not when
    # this module is: the app opens cached documents without ever loading them.
    from reader.core.formats.html_page import looks_like_html, parse_html
    from reader.core.formats.text_report import parse_text

    text, encoding, replaced = decode_bytes_noting(data, charset)
    if kind == "auto":
        kind = "html" if looks_like_html(text) else "markdown" if "**" in text or "\n#" in text else "text"
    if kind == "html":
        raw = parse_html(text)
    else:
        raw = parse_text(text, markdown=kind == "markdown", fallback_title=Path(name).stem)
    document = build_document(raw, source, source_key)
    if replaced:
        note = f"{replaced} byte{'s' if replaced > 1 else ''} fit no character in {encoding} and were replaced by �"
        document = replace(document, notes=(*document.notes, note))
    return document


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
    if size > MAX_INPUT_BYTES:
        limit_mb = MAX_INPUT_BYTES // (1024 * 1024)
        raise InputTooLargeError(f"the file is {size / (1024 * 1024):.0f} MB; the limit is {limit_mb} MB")
    kind = kind_for_suffix(path.suffix)
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

    fetched = fetch_url(url, timeout=timeout, max_bytes=MAX_INPUT_BYTES)
    kind = "html" if "html" in fetched.content_type else "text" if fetched.content_type == "text/plain" else "auto"
    name = fetched.url.rstrip("/").rsplit("/", 1)[-1] or "page"
    document = parse_bytes(fetched.data, name=name, source=url, source_key=url, kind=kind, charset=fetched.charset)
    return document if document.url else replace(document, url=fetched.url)


def load_source(source: str) -> Document:
    """Open a path, a ``file://`` URI or an http(s) URL (any ``#fragment`` is ignored here)."""
    address, _fragment = split_fragment(source)
    return load_url(address) if is_url(address) else load_path(Path(address).expanduser())
