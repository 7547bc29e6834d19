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
    found = []
    for reader in readers:
        try:
            info = reader.term_info(field, term)
        except TermNotFound:
            continue
        if info.doc_frequency():
            found.append((reader, info))
    # Segments usually hold separate runs of keys: in the order of their first, they are sorted already.
    found.sort(key=lambda part: part[1].min_id())
    total = sum(info.doc_frequency() for _reader, info in found)
    keys = np.empty(total, dtype=np.int64)
    counts = np.empty(total if weights else 0, dtype=np.int64)
    at = 0
    for reader, info in found:
        end = at + info.doc_frequency()
        if info.is_inlined():
            ids, stored, _values = info.inlined_postings()
            keys[at:end] = ids
            if weights:
                counts[at:end] = _weights(stored, end - at)
        else:
            offset, length = info.extent()
            run = _read(reader._terms._postfile, offset, length)  # the segment's .pst part
            posting_runs.decode_into(run, keys[at:end], counts[at:end] if weights else None)
        at = end
    infos = [info for _reader, info in found]
    if all(a.max_id() < b.min_id() for a, b in itertools.pairwise(infos)):
        return keys, counts
    order = np.argsort(keys, kind="stable")
    return keys[order], counts[order] if weights else counts


def _read(postfile: Any, offset: int, length: int) -> bytes:
    """A run's bytes: read from the file where it can be (``mapped.ViewFile.read_at``), else through Whoosh's file."""
    read = getattr(postfile, "read_at", None)
    data: bytes = read(offset, length) if read is not None else postfile.get(offset, length)
    return data


def _weights(stored: Any, count: int) -> np.ndarray:
    """An inlined term's weights as counts: W3 keeps () when all are 1."""
    return np.array(stored or [1.0] * count, dtype=np.float64).astype(np.int64)


def intersect(sorted_a: np.ndarray, sorted_b: np.ndarray) -> np.ndarray:
    """The values in both ascending arrays of distinct values (each of the shorter searched in the longer)."""
    small, large = (sorted_a, sorted_b) if len(sorted_a) <= len(sorted_b) else (sorted_b, sorted_a)
    both: np.ndarray = small[among(small, large)]
    return both
