"""How many segments the index is made of, and how big: merging by re-adding from the text store.

Each write makes a segment. Whoosh's own merge re-reads every posting of the merged
segments and writes it again one at a time, the slowest path there is; here a merged
segment's documents are added again to the new one, their stored fields from Whoosh
and their text from the text store, and the bigram postings are computed in bulk
like any new ones. A segment holds at most ``SEGMENT_UNITS`` characters, which bounds
the memory a write takes (about 20 bytes a character while its postings are sorted).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from whoosh.reading import SegmentReader

from reader.core.search.store import DEAD, TextStore

SEGMENT_UNITS = 8_000_000  # characters in one segment at most (~400 reports)
SMALL_UNITS = SEGMENT_UNITS // 16  # a segment under this is taken in by the next write


def average_units(store: TextStore) -> float:
    """Characters in a live paragraph, on average (what sizes a segment by its paragraphs)."""
    alive = store.docs != DEAD
    return float((store.ends - store.starts)[alive].sum()) / max(1, int(np.count_nonzero(alive)))


def segment_units(segment: Any, average: float) -> int:
    """About how many characters a segment's live documents hold: its paragraphs times the average.

    An estimate on purpose: counting exactly would read every document's key, a second or
    more for a library's worth of segments, at every write.
    """
    return int(segment.doc_count() * average)


def take_in(writer: Any, segment: Any, text: Callable[[int], str]) -> None:
    """Add a segment's live documents to ``writer`` (a ``BulkSegmentWriter``) again.

    Args:
        writer: The writer of the new segment.
        segment: The segment whose documents move into it.
        text: The folded text of a text-store key.
    """
    reader = SegmentReader(writer.storage, writer.schema, segment)
    try:
        for docnum in reader.all_doc_ids():
            stored = reader.stored_fields(docnum)
            writer.add_document(**stored, **{writer.bulk_field: text(stored["key"])})
    finally:
        reader.close()


def small_segments_policy(store: TextStore, room: int) -> Callable[[Any, list[Any]], list[Any]]:
    """A Whoosh merge policy: segments under ``SMALL_UNITS`` move into the new one while it has room.

    Args:
        store: The text store (what each segment holds, and the texts to re-add).
        room: Characters the new segment may still take.

    Returns:
        Whoosh's ``mergetype`` function: it moves the chosen segments' documents into the
        writer and returns the segments to keep.
    """

    def policy(writer: Any, segments: list[Any]) -> list[Any]:
        kept, left = [], room
        average = average_units(store)
        for segment in segments:
            units = segment_units(segment, average)
            if units < SMALL_UNITS and units <= left:
                take_in(writer, segment, store.text)
                left -= units
            else:
                kept.append(segment)
        return kept

    return policy


def compact_groups(segments: list[Any], store: TextStore) -> list[list[Any]]:
    """Segments to merge together, each group a new segment of at most ``SEGMENT_UNITS`` characters.

    A segment already at least half full and without deletions is left alone; the rest
    are packed in order. A group of one segment without deletions is not worth rewriting.
    """
    groups: list[list[Any]] = []
    group: list[Any] = []
    filled = 0
    average = average_units(store)
    for segment in segments:
        units = segment_units(segment, average)
        if units >= SEGMENT_UNITS // 2 and not segment.has_deletions():
            continue
        if group and filled + units > SEGMENT_UNITS:
            groups.append(group)
            group, filled = [], 0
        group.append(segment)
        filled += units
    if group:
        groups.append(group)
    return [g for g in groups if len(g) > 1 or g[0].has_deletions()]
