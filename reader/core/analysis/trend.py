"""A term across the years: how often each report of the library uses a word or phrase."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the index pulls in Whoosh; callers already hold one
    from reader.core.library_entry import LibraryEntry
    from reader.core.search.index import SearchIndex


@dataclass(frozen=True)
class TrendPoint:
    """One report's use of the term.

    Attributes:
        doc: Library id of the report.
        title: Its display name.
        region: Its region (全国, 浙江…), or empty.
        year: Its year, or None.
        count: Occurrences (what a substring count over its paragraphs gives).
        paragraphs: Paragraphs holding the term.
        first_paragraph: Id of the first of them (empty when the count is 0).
    """

    doc: str
    title: str
    region: str
    year: int | None
    count: int
    paragraphs: int
    first_paragraph: str = ""
    characters: int = 0  # the report's length, for a rate that compares reports of any length

    @property
    def per_10k(self) -> float | None:
        """Occurrences per 10,000 characters of the report (None when its length is unknown)."""
        return round(self.count * 10_000 / self.characters, 2) if self.characters else None

    def to_json(self) -> dict[str, Any]:
        """As ``report-reader trend --json`` prints it."""
        return {
            "doc": self.doc,
            "title": self.title,
            "region": self.region,
            "year": self.year,
            "count": self.count,
            "paragraphs": self.paragraphs,
            "first_paragraph": self.first_paragraph or None,
            "per_10k": self.per_10k,
        }


def term_trend(search_index: SearchIndex, term: str, entries: Iterable[LibraryEntry]) -> list[TrendPoint]:
    """Occurrences of ``term`` in each of ``entries`` (reports not using it count 0), oldest first.

    Args:
        search_index: The library's index, up to date with the entries.
        term: A word or phrase, matched exactly.
        entries: The reports to count in (a region's, a kind's, or the whole library).

    Returns:
        One point per entry, by year (undated last), then region and title.
    """
    chosen = list(entries)
    found = search_index.term_occurrences(term, {e.id for e in chosen}) if chosen else {}
    points = []
    for entry in chosen:
        hit = found.get(entry.id)
        points.append(
            TrendPoint(
                entry.id,
                entry.display or entry.title,
                entry.region,
                entry.year,
                hit.count if hit else 0,
                hit.paragraphs if hit else 0,
                hit.first_paragraph if hit else "",
                entry.characters,
            )
        )
    points.sort(key=lambda p: (p.year is None, p.year or 0, p.region, p.title))
    return points


def trend_json(
    term: str, points: list[TrendPoint], others: dict[str, list[TrendPoint]] | None = None
) -> dict[str, Any]:
    """As ``report-reader trend TERM --json`` prints it (``terms``: each further term's points, when asked)."""
    found: dict[str, Any] = {"term": term, "points": [p.to_json() for p in points]}
    if others:
        found["terms"] = {name: [p.to_json() for p in more] for name, more in others.items()}
    return found


def split_terms(text: str) -> list[str]:
    """Several terms typed in one box: 数字经济，新质生产力 / 数字经济, 新质生产力 / 数字经济 新质生产力."""
    import re

    return list(dict.fromkeys(part for part in re.split(r"[,，、;；\s]+", text) if part))
