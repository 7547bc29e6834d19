"""The documents a search looks in, with what every search of them needs, made once per library state.

At 10,000 reports, walking the manifest's documents for each search (their ordinals,
paragraph and character totals, the region and year of each for the facets) cost about
ten milliseconds; the whole library's scope is kept until a document is added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Scope:
    """Documents searched (id → the manifest's record), their ordinals ascending, and their totals."""

    documents: dict[str, Any]
    ordinals: np.ndarray
    paragraphs: int
    average_units: float
    by_ordinal: dict[int, str] = field(repr=False)
    # True at each chosen ordinal; one False past the last, where any larger ordinal is clipped.
    chosen: np.ndarray = field(repr=False)

    @staticmethod
    def of(documents: dict[str, Any], chosen: set[str] | None) -> Scope:
        """The scope of the ``chosen`` document ids (None: all of ``documents``)."""
        inside = documents if chosen is None else {d: info for d, info in documents.items() if d in chosen}
        paragraphs = sum(info["count"] for info in inside.values()) or 1
        ordinals = np.array(sorted(info["ordinal"] for info in inside.values()), dtype=np.uint32)
        chosen_ordinals = np.zeros(int(ordinals[-1]) + 2 if len(ordinals) else 1, dtype=bool)
        chosen_ordinals[ordinals] = True
        return Scope(
            inside,
            ordinals,
            paragraphs,
            sum(info["units"] for info in inside.values()) / paragraphs,
            {info["ordinal"]: doc for doc, info in inside.items()},
            chosen_ordinals,
        )

    def holds(self, documents_of_keys: np.ndarray) -> np.ndarray:
        """Which paragraphs, by their document's ordinal, are in the scope (a removed one's ``DEAD`` is not).

        A look-up in a table by ordinal: a binary search of each in the ordinals took 10 ms
        for the 600,000 paragraphs holding 的.
        """
        inside: np.ndarray = np.take(self.chosen, documents_of_keys, mode="clip")
        return inside

    def facets(self, documents_of_keys: np.ndarray) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """Matching paragraphs per region and per year, from the ordinal of each matching paragraph."""
        # Counted by ordinal in one pass (ordinals are small numbers; a sort took 8 ms for 的). Only the
        # scope's ordinals are counted: a removed paragraph's DEAD would ask for a table of 4 billion.
        inside = documents_of_keys[documents_of_keys < len(self.chosen)].astype(np.int64)
        per_ordinal = np.bincount(inside, minlength=len(self.chosen))
        ordinals = np.flatnonzero(per_ordinal)
        regions: dict[str, int] = {}
        years: dict[int, int] = {}
        for ordinal, count in zip(ordinals.tolist(), per_ordinal[ordinals].tolist(), strict=True):
            doc = self.by_ordinal.get(ordinal)
            info = self.documents[doc] if doc is not None else {}
            if info.get("region"):
                regions[info["region"]] = regions.get(info["region"], 0) + count
            if info.get("year"):
                years[info["year"]] = years.get(info["year"], 0) + count
        return (
            tuple(sorted(regions.items(), key=lambda item: (-item[1], item[0]))),
            tuple(sorted(years.items(), reverse=True)),
        )


class ScopeCache:
    """The whole library's ``Scope``, made again only when the manifest's documents change."""

    def __init__(self) -> None:
        self._made: tuple[tuple[int, int, Any], Scope] | None = None

    def scope(self, manifest: dict[str, Any], chosen: set[str] | None) -> Scope:
        """The scope of ``chosen`` (None: the whole library, from the cache when unchanged)."""
        documents: dict[str, Any] = manifest.get("documents", {})
        if chosen is not None:
            return Scope.of(documents, chosen)
        # A sync adds and removes documents in place; each added one takes a new ordinal.
        state = (id(documents), len(documents), manifest.get("next_ordinal"))
        if self._made is None or self._made[0] != state:
            self._made = (state, Scope.of(documents, None))
        return self._made[1]
