"""What the library's catalogue knows about one imported document, and the year filter it answers.

Kept apart from ``reader.core.library`` so that the catalogue, which stores these records, and the
library, which writes them, both depend on it and not on each other.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LibraryEntry:
    """What the catalog knows about one imported document."""

    id: str
    title: str
    source: str
    kind: str
    original: str  # file name of the stored original bytes
    paragraphs: int
    characters: int
    sha1: str
    imported: float
    parser: str = ""
    bundled: bool = False
    # Identity (reader.core.identity), as the catalogue shows and filters it.
    region: str = ""
    level: str = ""
    year: int | None = None
    doc_kind: str = ""
    speaker: str = ""
    delivered: str = ""
    display: str = ""

    def to_json(self) -> dict[str, Any]:
        """The entry as ``library list --json`` prints it."""
        return {
            "id": self.id,
            "title": self.title,
            "display_name": self.display or self.title,
            "source": self.source,
            "paragraphs": self.paragraphs,
            "characters": self.characters,
            "imported": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(self.imported)),
            "bundled": self.bundled,
            "region": self.region,
            "level": self.level,
            "year": self.year,
            "kind": self.doc_kind,
            "speaker": self.speaker,
            "delivered": self.delivered,
        }

    def matches(self, region: str = "", years: tuple[int, int] | None = None, kind: str = "") -> bool:
        """Whether the entry is of this region, in this year range and of this kind (empty: any)."""
        if region and self.region != region:
            return False
        if years and (self.year is None or not years[0] <= self.year <= years[1]):
            return False
        return not kind or self.doc_kind == kind


def parse_years(text: str) -> tuple[int, int]:
    """``2024`` → (2024, 2024); ``2015-2026`` → (2015, 2026).

    Raises:
        ValueError: Not a year or a range of years.
    """
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-–~至]\s*(\d{4}))?\s*", text)
    if not match:
        raise ValueError(f"{text!r} is not a year or a range of years (2024, 2015-2026)")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return (first, last) if first <= last else (last, first)
