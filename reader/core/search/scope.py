"""The documents a search looks in, with what every search of them needs, made once per library state.

At 10,000 reports, walking the manifest's documents for each search (their ordinals,
paragraph and character totals, the region and year of each for the facets) cost about
ten milliseconds; the whole library's scope is kept until a document is added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from reader.core.search.runs import counted


@dataclass(frozen=True)
class Scope:
    """Documents searched (id → the manifest's record), their ordinals ascending, and their totals."""

    documents: dict[str, Any]
    ordinals: np.ndarray
    paragraphs: int
    average_units: float
    by_ordinal: dict[int, str] = field(repr=False)

    @staticmethod
    def of(documents: dict[str, Any], chosen: set[str] | None) -> Scope:
        """The scope of the ``chosen`` document ids (None: all of ``documents``)."""
        inside = documents if chosen is None else {d: info for d, info in documents.items() if d in chosen}
        paragraphs = sum(info["count"] for info in inside.values()) or 1
        return Scope(
            inside,
            np.array(sorted(info["ordinal"] for info in inside.values()), dtype=np.uint32),
            paragraphs,
            sum(info["units"] for info in inside.values()) / paragraphs,
            {info["ordinal"]: doc for doc, info in inside.items()},
        )

    def facets(self, documents_of_keys: np.ndarray) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """Matching paragraphs per region and per year, from the ordinal of each matching paragraph."""
        ordinals, per_ordinal = counted(documents_of_keys)
        regions: dict[str, int] = {}
        years: dict[int, int] = {}
        for ordinal, count in zip(ordinals.tolist(), per_ordinal.tolist(), strict=True):
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
