"""A bookmark or highlight: its record, its limits and its validated JSON form."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from reader.core.errors import ReaderError

EXPORT_FORMAT = "report-reader-bookmarks"
EXPORT_VERSION = 1
SNIPPET_LENGTH = 80
FUZZY_THRESHOLD = 0.6


# An export from a real reader holds hundreds; a million (0.8 GB) is a mistake or an attack,
# and would make every later listing slow.
MAX_IMPORTED = 100_000
MAX_IMPORT_BYTES = 64 * 1024 * 1024


BOOKMARK, HIGHLIGHT = "bookmark", "highlight"
# Five highlight colours, by name; the window draws each in a shade readable on its theme.
HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink", "purple")
HIGHLIGHT_STYLES = ("highlight", "underline")


class BookmarkError(ReaderError):
    """A bookmark operation cannot be done (unknown id, read-only store, bad import file)."""


@dataclass(frozen=True)
class Bookmark:
    """One bookmark.

    Attributes:
        uid: Stable public id (survives export and import).
        doc: Document id.
        paragraph: Paragraph id.
        offset: Character offset of the mark in the paragraph.
        length: Length of the marked text (0 for a whole paragraph).
        snippet: The marked text (or the paragraph's first words), used to re-anchor.
        title: Shown title (default: section path and first words).
        note: The reader's note.
        section_path: Titles of the outline nodes holding the paragraph.
        doc_title: Title of the document (shown even when it is gone).
        created: Creation time (epoch seconds).
        updated: Last change (epoch seconds).
        detached: The paragraph could not be found again after a re-import.
        source: Path or URL the document was opened from (to open it again).
        section: The bookmark marks the whole section its paragraph heads (书签本节), not a place.
        kind: ``bookmark`` (a place) or ``highlight`` (a passage, ``offset``..``offset + length``).
        color: A highlight's colour name (one of ``HIGHLIGHT_COLORS``).
        style: ``highlight`` (a background) or ``underline`` (for people who print).
        tags: The reader's tags.
    """

    uid: str
    doc: str
    paragraph: str
    offset: int = 0
    length: int = 0
    snippet: str = ""
    title: str = ""
    note: str = ""
    section_path: tuple[str, ...] = ()
    doc_title: str = ""
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)
    detached: bool = False
    source: str = ""
    section: bool = False
    kind: str = "bookmark"
    color: str = ""
    style: str = ""
    tags: tuple[str, ...] = ()

    @property
    def is_highlight(self) -> bool:
        """Whether this marks a passage (a highlight), not a place."""
        return self.kind == HIGHLIGHT

    def to_json(self) -> dict[str, Any]:
        """Lossless JSON form (export and CLI)."""
        data = asdict(self)
        data["section_path"] = list(self.section_path)
        data["tags"] = list(self.tags)
        return data

    @staticmethod
    def from_json(data: dict[str, Any]) -> Bookmark:
        """Rebuild from ``to_json`` output.

        Raises:
            BookmarkError: A field is missing or of the wrong type.
        """
        if not isinstance(data, dict):
            raise BookmarkError("a bookmark in the file is not an object")
        return Bookmark(
            uid=_text(data, "uid", required=True, limit=100),
            doc=_text(data, "doc", required=True, limit=100),
            paragraph=_text(data, "paragraph", required=True, limit=100),
            offset=_count(data, "offset"),
            length=_count(data, "length"),
            snippet=_text(data, "snippet"),
            title=_text(data, "title"),
            note=_text(data, "note"),
            section_path=_texts(data, "section_path"),
            doc_title=_text(data, "doc_title"),
            created=_moment(data, "created"),
            updated=_moment(data, "updated"),
            detached=_flag(data, "detached"),
            source=_text(data, "source"),
            section=_flag(data, "section"),
            kind=HIGHLIGHT if data.get("kind") == HIGHLIGHT else BOOKMARK,
            color=_text(data, "color", limit=20),
            style=_text(data, "style", limit=20),
            tags=_texts(data, "tags"),
        )


# Bounds of what an imported bookmark may hold: a file from anywhere is checked field by field.
TEXT_LIMIT = 100_000
_COUNT_LIMIT = 10**9
_LATEST_TIME = 10**11  # seconds since 1970: far beyond any real date


def _malformed(field: str, what: str) -> BookmarkError:
    return BookmarkError(f"a bookmark in the file is malformed: {field} {what}")


def _text(data: dict[str, Any], field: str, required: bool = False, limit: int = TEXT_LIMIT) -> str:
    if field not in data:
        if required:
            raise _malformed(field, "is missing")
        return ""
    value = data[field]
    if not isinstance(value, str):
        raise _malformed(field, f"must be text, not {type(value).__name__}")
    if len(value) > limit:
        raise _malformed(field, f"is longer than {limit} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _malformed(field, "holds an unpaired surrogate") from None
    if required and not value:
        raise _malformed(field, "is empty")
    return value


def _texts(data: dict[str, Any], field: str) -> tuple[str, ...]:
    values = data.get(field, [])
    if not isinstance(values, list) or len(values) > 50:
        raise _malformed(field, "must be a list of at most 50 texts")
    return tuple(_text({field: value}, field, limit=1000) for value in values)


def _count(data: dict[str, Any], field: str) -> int:
    value = data.get(field, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _COUNT_LIMIT:
        raise _malformed(field, f"must be a whole number from 0 to {_COUNT_LIMIT}")
    return value


def _moment(data: dict[str, Any], field: str) -> float:
    value = data.get(field, time.time())
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= _LATEST_TIME:
        raise _malformed(field, "must be a time in seconds (a finite, non-negative number)")
    return float(value)


def _flag(data: dict[str, Any], field: str) -> bool:
    value = data.get(field, False)
    if not isinstance(value, bool):
        raise _malformed(field, "must be true or false")
    return value


def group_for_markdown(bookmarks: Iterable[Bookmark]) -> dict[tuple[str, str], dict[tuple[str, ...], list[Bookmark]]]:
    """Bookmarks grouped by (document id, title), then section path, in reading-ish order."""
    grouped: dict[tuple[str, str], dict[tuple[str, ...], list[Bookmark]]] = {}
    for bookmark in bookmarks:
        grouped.setdefault((bookmark.doc, bookmark.doc_title), {}).setdefault(bookmark.section_path, []).append(
            bookmark
        )
    return grouped
