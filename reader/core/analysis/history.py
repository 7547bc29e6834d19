"""The reports a comparison is read against: a region's recent history, and who else takes a term up.

新提法 are terms the region's reports of the last few years never used (a term back after a
long absence, like 适度宽松 in 2025 after 2010, is news again); a new term ranks higher
the more other reports of its year or later use it, a dropped one the more earlier
reports had used it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reader.core.naming import Identity

HISTORY_YEARS = 5  # a five-year plan's span
SPREAD_LIMIT = 200  # other reports read for the spread of terms (the nearest years first)


@dataclass(frozen=True)
class ComparisonContext:
    """Texts a comparison reads besides its two reports."""

    history: list[str]
    spread_new: list[str]
    spread_old: list[str]


def comparison_context(
    entries: Iterable[Any], new_meta: dict[str, str], exclude: set[str], text_of: Callable[[str], str]
) -> ComparisonContext:
    """The region's recent earlier reports, and the other reports before and after, as texts.

    Args:
        entries: The library's entries (``LibraryEntry``).
        new_meta: The newer report's metadata (its region, year and kind decide).
        exclude: Ids of the two reports compared (never read twice).
        text_of: Returns a report's text by id (the search index's copy is fastest).
    """
    identity = Identity.from_meta(new_meta)
    year = identity.year
    if year is None:
        return ComparisonContext([], [], [])
    chosen = [e for e in entries if e.id not in exclude and e.year is not None]
    same_kind = [e for e in chosen if not identity.kind or e.doc_kind == identity.kind]
    history = [
        e
        for e in same_kind
        if identity.region and e.region == identity.region and year - HISTORY_YEARS <= e.year < year
    ]
    later = sorted((e for e in same_kind if e.year >= year and e not in history), key=lambda e: e.year)
    earlier = sorted((e for e in same_kind if e.year < year and e not in history), key=lambda e: -e.year)

    def texts(picked: list[Any]) -> list[str]:
        return [text for text in (text_of(e.id) for e in picked) if text]

    return ComparisonContext(texts(history), texts(later[:SPREAD_LIMIT]), texts(earlier[:SPREAD_LIMIT]))
