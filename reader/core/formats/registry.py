"""Every document format the reader opens, described once.

The loader picks a parser from this table; the file dialogs, ``--help``, the library's
folder import, the error for an unknown file and the desktop file's MIME types (checked
by a test) all read their lists from it. Adding a format is one module with a
``parse(data, name) -> RawDocument`` function and one entry below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.formats.raw import RawDocument


@dataclass(frozen=True)
class DocumentFormat:
    """One kind of file the reader opens.

    Attributes:
        name: Short name, also the parser kind (``html``, ``pdf``…).
        label: What the file dialogs call it (English; the window translates it).
        suffixes: File name suffixes, lower case with the dot, the usual one first.
        mime_types: MIME types (the desktop file declares them).
        parser: ``module:function`` of a ``parse(data: bytes, name: str) -> RawDocument``
            for binary formats; empty for text formats, which are decoded first.
        binary: Whether files of this kind are binary (not decoded as text).
    """

    name: str
    label: str
    suffixes: tuple[str, ...]
    mime_types: tuple[str, ...]
    parser: str = ""
    binary: bool = False

    def parse_function(self) -> Callable[[bytes, str], RawDocument]:
        """The parser, imported on first use (PDF and Word libraries load only when needed)."""
        module, _, function = self.parser.partition(":")
        parse: Callable[[bytes, str], RawDocument] = getattr(importlib.import_module(module), function)
        return parse


HTML = DocumentFormat(
    "html",
    "Web pages",
    (".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"),
    ("text/html", "application/xhtml+xml"),
)
MARKDOWN = DocumentFormat("markdown", "Markdown", (".md", ".markdown"), ("text/markdown",))
TEXT = DocumentFormat("text", "Plain text", (".txt", ".text"), ("text/plain",))
PDF = DocumentFormat("pdf", "PDF", (".pdf",), ("application/pdf",), "reader.core.formats.pdf:parse_pdf", True)
DOCX = DocumentFormat(
    "docx",
    "Word",
    (".docx",),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
    "reader.core.formats.docx:parse_docx",
    True,
)
DOC = DocumentFormat(
    "doc",
    "Word 97–2003",
    (".doc", ".wps"),
    ("application/msword", "application/vnd.ms-works"),
    "reader.core.formats.word97:parse_doc",
    True,
)
OFD = DocumentFormat("ofd", "OFD", (".ofd",), ("application/ofd",), "reader.core.formats.ofd:parse_ofd", True)

FORMATS: tuple[DocumentFormat, ...] = (HTML, PDF, DOCX, DOC, OFD, TEXT, MARKDOWN)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def format_named(name: str) -> DocumentFormat | None:
    """The format whose ``name`` is given (``"pdf"``), or None."""
    return next((fmt for fmt in FORMATS if fmt.name == name), None)


def format_for_suffix(suffix: str) -> DocumentFormat | None:
    """The format a file name suffix (``.PDF``, ``pdf``) stands for, or None."""
    suffix = suffix.lower()
    if suffix and not suffix.startswith("."):
        suffix = "." + suffix
    return next((fmt for fmt in FORMATS if suffix in fmt.suffixes), None)


def supported_suffixes() -> frozenset[str]:
    """Every suffix of every format."""
    return frozenset(suffix for fmt in FORMATS for suffix in fmt.suffixes)


def supported_mime_types() -> tuple[str, ...]:
    """Every MIME type, in table order."""
    return tuple(mime for fmt in FORMATS for mime in fmt.mime_types)


def patterns(fmt: DocumentFormat) -> str:
    """A dialog's name patterns for one format: ``*.pdf``."""
    return " ".join(f"*{suffix}" for suffix in fmt.suffixes)


def all_patterns() -> str:
    """Name patterns of every format, for an "all reports" filter."""
    return " ".join(patterns(fmt) for fmt in FORMATS)


def suffix_summary() -> str:
    """One line for help texts: ``web pages (.html .htm …), PDF (.pdf), …``."""
    return ", ".join(f"{fmt.label} ({' '.join(fmt.suffixes)})" for fmt in FORMATS)


def sniff_format(data: bytes) -> DocumentFormat | None:
    """Recognise a binary format by its content (a file may be misnamed or come from a URL).

    Returns:
        PDF, DOCX, DOC or OFD, or None for anything else (text formats are told apart later).
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if head.startswith(_OLE_MAGIC):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        import zipfile  # here: the window's start never sniffs a file
        from io import BytesIO

        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = {name.lower() for name in archive.namelist()}
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "word/document.xml" in names:
            return DOCX
        if "ofd.xml" in names:
            return OFD
    return None
