"""A bigram's postings read as arrays of text-store keys and counts, straight from Whoosh's W3 blocks.

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
from collections.abc import Sequence
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.reading import TermNotFound

from reader.core.search.runs import among

_BLOCK_LENGTH = struct.Struct("!i")
_BLOCKS_PER_ARRAY = 64  # blocks decoded into lists before they are made arrays


def segment_readers(searcher: Any) -> list[Any]:
    """The searcher's per-segment readers."""
    return [reader for reader, _offset in searcher.reader().leaf_readers()]


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
            if isinstance(length, tuple):  # W3's record reader leaves the length as struct's 1-tuple
                length = length[0]
            parts.append(_decode(reader._terms._postfile.get(offset, length), weights))  # the segment's .pst part
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


def _weight_list(stored: Any, count: int) -> Sequence[float]:
    """W3's minified weights of ``count`` postings: None or () when all are 1, one number when all are equal."""
    if isinstance(stored, tuple) and stored:
        return stored
    return [float(stored or 1.0)] * count


def _weights(stored: Any, count: int) -> np.ndarray:
    """W3's minified weights as counts."""
    return np.array(_weight_list(stored, count), dtype=np.float64).astype(np.int64)


def intersect(sorted_a: np.ndarray, sorted_b: np.ndarray) -> np.ndarray:
    """The values in both ascending arrays of distinct values (each of the shorter searched in the longer)."""
    small, large = (sorted_a, sorted_b) if len(sorted_a) <= len(sorted_b) else (sorted_b, sorted_a)
    both: np.ndarray = small[among(small, large)]
    return both


def _decode(data: bytes, weights: bool) -> tuple[np.ndarray, np.ndarray]:
    """The ids (and weights) of one term's W3 blocks: a header tag, then (length, info pickle, zlib'd pickle) each.

    The blocks' numbers are gathered in lists and made arrays every ``_BLOCKS_PER_ARRAY``
    blocks: a conversion per block cost as much as the rest of its decoding, and one for
    a whole common term held a Python number per posting (60 MB for a character in most
    paragraphs).
    """
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError("a posting list does not start with its block tag")
    key_parts: list[np.ndarray] = []
    count_parts: list[np.ndarray] = []
    deltas: list[int] = []
    sizes: list[int] = []
    counts: list[float] = []
    position = 4
    while position < len(data):
        (length,) = _BLOCK_LENGTH.unpack_from(data, position)
        block = memoryview(data)[position + 4 : position + 4 + abs(length)]
        stream = io.BytesIO(block)
        _count, _last, _weight, compression, _low, _high = pickle.load(stream)
        payload = block[stream.tell() :]
        ids, stored, _values = pickle.loads(zlib.decompress(payload) if compression else payload)
        deltas.extend(ids)
        sizes.append(len(ids))
        if weights:
            counts.extend(_weight_list(stored, len(ids)))
        position += 4 + abs(length)
        if len(sizes) == _BLOCKS_PER_ARRAY:
            key_parts.append(_absolute(deltas, sizes))
            count_parts.append(np.array(counts, dtype=np.float64).astype(np.int64))
            deltas, sizes, counts = [], [], []
        if length < 0:  # the last block
            break
    if sizes:
        key_parts.append(_absolute(deltas, sizes))
        count_parts.append(np.array(counts, dtype=np.float64).astype(np.int64))
    if not key_parts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    keys = np.concatenate(key_parts)
    return keys, np.concatenate(count_parts) if weights else keys[:0]


def _absolute(deltas: list[int], sizes: list[int]) -> np.ndarray:
    """Ids from blocks of deltas, each block's first from 0."""
    running = np.cumsum(np.array(deltas, dtype=np.int64))
    # Each block's ids are deltas from 0: take off what the blocks before it summed to.
    lengths = np.array(sizes, dtype=np.int64)
    before = np.concatenate(([0], running[np.cumsum(lengths)[:-1] - 1]))
    absolute: np.ndarray = running - np.repeat(before, lengths)
    return absolute
