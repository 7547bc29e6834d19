"""A report's neighbours in time: the same region's and kind's report of an earlier year."""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.document import Document
from reader.core.library_entry import LibraryEntry
from reader.core.naming import Identity


def previous_report(entries: Iterable[LibraryEntry], document: Document) -> LibraryEntry | None:
    """The library's latest report before ``document``'s year, of its region and kind.

    Returns:
        That entry, or None when the document has no region or year, or the library holds none.
    """
    identity = Identity.from_meta(document.meta)
    if not identity.region or identity.year is None:
        return None
    earlier = [
        entry
        for entry in entries
        if entry.id != document.id
        and entry.region == identity.region
        and entry.doc_kind == identity.kind
        and entry.year is not None
        and entry.year < identity.year
    ]
    return max(earlier, key=lambda e: (e.year, e.imported), default=None)


def same_region(entries: Iterable[LibraryEntry], document: Document) -> list[LibraryEntry]:
    """The library's reports of ``document``'s region and kind, oldest first (the document's own included)."""
    identity = Identity.from_meta(document.meta)
    if not identity.region:
        return []
    chosen = [e for e in entries if e.region == identity.region and e.doc_kind == identity.kind]
    return sorted(chosen, key=lambda e: (e.year is None, e.year or 0, e.imported))
