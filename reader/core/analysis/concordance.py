"""A concordance (KWIC): every occurrence of a term across the library, centred, with its context.

What analysts read in AntConc or Voyant: each occurrence on its own line, the match in the
middle, so the words around it line up and can be sorted. Occurrences are counted as the
trend counts them (non-overlapping, on the index's folded text), so the number of lines
equals the library's exact count of the term.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.core.gc_pause import collector_paused
from reader.core.search.folding import fold

if TYPE_CHECKING:
    from reader.core.library_entry import LibraryEntry
    from reader.core.search.index import SearchIndex

DEFAULT_WIDTH = 30


class ConcordanceLine(NamedTuple):
    """One occurrence: where it is and what surrounds it.

    A named tuple, not a frozen dataclass: a term in 118,000 places makes as many lines,
    and a frozen dataclass took four times as long to make each.
    """

    doc: str
    title: str
    region: str
    year: int | None
    paragraph: str
    left: str
    match: str
    right: str
    offset: int  # where the match starts in its paragraph

    def to_json(self) -> dict[str, Any]:
        """As ``report-reader concordance --json`` prints it."""
        return {
            "doc": self.doc,
            "title": self.title,
            "region": self.region,
            "year": self.year,
            "paragraph": self.paragraph,
            "left": self.left,
            "match": self.match,
            "right": self.right,
        }


def occurrence_offsets(text: str, term: str) -> list[int]:
    """Where ``term`` starts in ``text``, non-overlapping, left to right (``str.count``'s occurrences)."""
    found, start = [], text.find(term)
    while start >= 0:
        found.append(start)
        start = text.find(term, start + len(term))
    return found


def concordance(
    search_index: SearchIndex, term: str, entries: Iterable[LibraryEntry], width: int = DEFAULT_WIDTH
) -> list[ConcordanceLine]:
    """Every occurrence of ``term`` in the reports ``entries``, in the library's reading order.

    Args:
        search_index: The library's index, up to date with the entries.
        term: A word or phrase, matched exactly (full-width and Latin case folded, as search does).
        entries: The reports to look in; their order is the order of the lines (oldest first, then
            region and title), each report top to bottom.
        width: Characters of context on each side.

    Returns:
        One line per occurrence.
    """
    chosen = sorted(entries, key=lambda e: (e.year is None, e.year or 0, e.region, e.display or e.title))
    folded = fold(term.strip())
    if not chosen or not folded:
        return []
    # A common term makes a hundred thousand lines of strings, which cannot form reference cycles:
    # the cyclic collector would walk every object of the process again and again meanwhile (a
    # sixth of a 118,000-line concordance).
    with collector_paused():
        return _lines(search_index, folded, chosen, width)


def _lines(search_index: SearchIndex, folded: str, chosen: list[LibraryEntry], width: int) -> list[ConcordanceLine]:
    """The concordance of a folded term in the ``chosen`` reports, in their order."""
    by_doc: dict[str, list[tuple[str, str, str]]] = {}
    for doc, paragraph, text, folded_text in search_index.paragraphs_with(folded, {e.id for e in chosen}):
        by_doc.setdefault(doc, []).append((paragraph, text, folded_text))
    lines: list[ConcordanceLine] = []
    length = len(folded)
    for entry in chosen:
        found = by_doc.get(entry.id)
        if not found:
            continue
        doc, name, region, year = entry.id, entry.display or entry.title, entry.region, entry.year
        # ``occurrence_offsets`` inlined: a common term makes a hundred thousand lines, a call each told.
        for paragraph, text, folded_text in found:
            start = folded_text.find(folded)
            while start >= 0:
                end = start + length
                left = text[start - width if start > width else 0 : start]
                lines.append(
                    ConcordanceLine(
                        doc, name, region, year, paragraph, left, text[start:end], text[end : end + width], start
                    )
                )
                start = folded_text.find(folded, end)
    return lines


def concordance_json(term: str, lines: list[ConcordanceLine]) -> dict[str, Any]:
    """As ``report-reader concordance TERM --json`` prints it."""
    return {"term": term, "lines": [line.to_json() for line in lines]}
