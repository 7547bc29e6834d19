"""A gram's postings read as arrays of text-store keys and counts, straight from the segments' runs.

The gram postings carry text-store keys (``bulk.BulkSegmentWriter``). Walking them
through Whoosh's matchers costs a Python call per posting and a translation of every
document number; here each segment's term record is looked up through Whoosh's reader
and its run is decoded by numpy (``posting_runs``; an inlined term's keys are in its
record), so a character found in 600,000 paragraphs costs a few milliseconds.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
from whoosh.reading import TermNotFound

from reader.core.search import posting_runs
from reader.core.search.runs import among


def segment_readers(index_reader: Any) -> list[Any]:
    """The index_reader's per-segment readers."""
    return [reader for reader, _offset in index_reader.leaf_readers()]


def gram_keys(readers: list[Any], field: str, gram: str) -> np.ndarray:
    """The keys of every paragraph whose text holds ``gram`` (sorted, int64; removed ones included).

    Args:
        readers: The segment readers (``segment_readers``).
        field: The gram field.
        gram: A character or a bigram.
    """
    return _postings(readers, field, gram, weights=False)[0]


def gram_counts(readers: list[Any], field: str, gram: str) -> tuple[np.ndarray, np.ndarray]:
    """``gram_keys`` with the gram's count in each paragraph (its posting's weight), int64 both."""
    return _postings(readers, field, gram, weights=True)


def _postings(readers: list[Any], field: str, gram: str, weights: bool) -> tuple[np.ndarray, np.ndarray]:
    """A gram's keys across segments, ascending, and (when ``weights``) its counts, else an empty array."""
    term = gram.encode("utf-8")
    parts = []
    for reader in readers:
        try:
            info = reader.term_info(field, term)
        except TermNotFound:
            continue
        if info.is_inlined():
            ids, counts, _values = info.inlined_postings()
            keys = np.array(ids, dtype=np.int64)
            parts.append((keys, _weights(counts, len(keys)) if weights else keys[:0]))
        else:
            offset, length = info.extent()
            keys, counts = posting_runs.decode(reader._terms._postfile.get(offset, length), weights)  # its .pst part
            parts.append((keys, counts.astype(np.int64)))
    if not parts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    parts.sort(key=lambda part: int(part[0][0]) if len(part[0]) else 0)
    keys = np.concatenate([part[0] for part in parts])
    counts = np.concatenate([part[1] for part in parts])
    # Segments usually hold separate runs of keys: then the parts in order are already sorted.
    disjoint = all(len(a) == 0 or len(b) == 0 or a[-1] < b[0] for (a, _), (b, _) in itertools.pairwise(parts))
    if disjoint:
        return keys, counts
    order = np.argsort(keys, kind="stable")
    return keys[order], counts[order] if weights else counts


def _weights(stored: Any, count: int) -> np.ndarray:
    """An inlined term's weights as counts: W3 keeps () when all are 1."""
    return np.array(stored or [1.0] * count, dtype=np.float64).astype(np.int64)


def intersect(sorted_a: np.ndarray, sorted_b: np.ndarray) -> np.ndarray:
    """The values in both ascending arrays of distinct values (each of the shorter searched in the longer)."""
    small, large = (sorted_a, sorted_b) if len(sorted_a) <= len(sorted_b) else (sorted_b, sorted_a)
    both: np.ndarray = small[among(small, large)]
    return both
