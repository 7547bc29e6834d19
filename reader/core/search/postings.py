"""A bigram's postings read as one array of text-store keys, straight from Whoosh's W3 blocks.

The bigram postings carry text-store keys (``bulk.BulkSegmentWriter``). Walking them
through Whoosh's matchers costs a Python call per posting and a translation of every
document number; here each segment's term record is looked up through Whoosh's reader
and its blocks are decoded a block at a time (an inlined term's keys are in its
record), so a term found in 50,000 paragraphs costs a few milliseconds.
"""

from __future__ import annotations

import io
import itertools
import pickle
import struct
import zlib
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.reading import TermNotFound

_BLOCK_LENGTH = struct.Struct("!i")


def segment_readers(searcher: Any) -> list[Any]:
    """The searcher's per-segment readers."""
    return [reader for reader, _offset in searcher.reader().leaf_readers()]


def gram_keys(readers: list[Any], field: str, gram: str) -> np.ndarray:
    """The keys of every paragraph whose text holds ``gram`` (sorted, int64; removed ones included).

    Args:
        readers: The segment readers (``segment_readers``).
        field: The bigram field.
        gram: The bigram (or a one-character text's own term).
    """
    term = gram.encode("utf-8")
    parts = []
    for reader in readers:
        try:
            info = reader.term_info(field, term)
        except TermNotFound:
            continue
        if info.is_inlined():
            parts.append(np.array(info.inlined_postings()[0], dtype=np.int64))
        else:
            offset, length = info.extent()
            if isinstance(length, tuple):  # W3's record reader leaves the length as struct's 1-tuple
                length = length[0]
            parts.append(_decode(reader._terms._postfile.get(offset, length)))  # the segment's .pst part
    if not parts:
        return np.empty(0, dtype=np.int64)
    parts.sort(key=lambda part: int(part[0]) if len(part) else 0)
    keys = np.concatenate(parts)
    # Segments usually hold separate runs of keys: then the parts in order are already sorted.
    disjoint = all(len(a) == 0 or len(b) == 0 or a[-1] < b[0] for a, b in itertools.pairwise(parts))
    return keys if disjoint else np.sort(keys)


def intersect(sorted_a: np.ndarray, sorted_b: np.ndarray) -> np.ndarray:
    """The values in both ascending arrays of distinct values (a binary search each, no merge sort)."""
    small, large = (sorted_a, sorted_b) if len(sorted_a) <= len(sorted_b) else (sorted_b, sorted_a)
    if not len(small) or not len(large):
        return small[:0]
    at = np.minimum(np.searchsorted(large, small), len(large) - 1)
    both: np.ndarray = small[large[at] == small]
    return both


def _decode(data: bytes) -> np.ndarray:
    """The ids of one term's W3 posting blocks: a header tag, then (length, info pickle, zlib'd pickle) each."""
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError("a posting list does not start with its block tag")
    blocks = []
    position = 4
    while position < len(data):
        (length,) = _BLOCK_LENGTH.unpack_from(data, position)
        block = memoryview(data)[position + 4 : position + 4 + abs(length)]
        stream = io.BytesIO(block)
        _count, _last, _weight, compression, _low, _high = pickle.load(stream)
        payload = block[stream.tell() :]
        ids = pickle.loads(zlib.decompress(payload) if compression else payload)[0]
        blocks.append(np.cumsum(np.array(ids, dtype=np.int64)))  # deltas from 0 in each block
        position += 4 + abs(length)
        if length < 0:  # the last block
            break
    return np.concatenate(blocks) if blocks else np.empty(0, dtype=np.int64)
