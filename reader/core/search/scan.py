"""Finding a term in the text store's code units: a vectorised scan of all of it, or of chosen paragraphs.

Exact and fast in C: the term's rarest code unit is compared over the whole array (in
passes, so temporaries stay small), and its other units are checked only where that
one matched. A term's candidates from its postings are gathered instead, a run of
neighbouring paragraphs at a time, so a search touches only their pages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from reader.core.search.runs import counted

UNIT = np.dtype("<u2")
# A scan compares this many code units per pass: its temporary arrays stay small (16 MiB of flags)
# and a cold process keeps few of the store's pages at a time.
SCAN_CHUNK = 1 << 24
# Threads a scan's passes run on: the comparisons are bound by memory, and two made a scan 1.5-1.6x
# faster on this 2-core machine.
SCAN_THREADS = min(2, os.cpu_count() or 1)
# Up to this many candidate paragraphs are counted one by one (Python's count); more are gathered
# this many code units at a time.
COUNT_ONE_BY_ONE = 64
GATHER_CHUNK = 1 << 21


def encode_units(text: str) -> np.ndarray:
    """A text as UTF-16-LE code units."""
    return np.frombuffer(text.encode("utf-16-le"), dtype=UNIT)


@dataclass(frozen=True)
class TermHits:
    """Where a term occurs: keys (sorted, unique) and the occurrences in each."""

    keys: np.ndarray
    counts: np.ndarray

    @staticmethod
    def empty() -> TermHits:
        """No occurrence at all."""
        return TermHits(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))


def occurrences(
    units: np.ndarray,
    starts: np.ndarray,
    term: str,
    span: tuple[int, int] | None = None,
    pivot: int = 0,
    release: Callable[[int, int], None] | None = None,
) -> TermHits:
    """Every paragraph holding ``term`` and how often, by a vectorised scan.

    Args:
        units: The store's code units.
        starts: Each key's first unit.
        term: Folded term.
        span: Code-unit range to scan (one document's texts); None for all.
        pivot: Index of the term's rarest code unit: candidates start from it.
        release: Called with each pass's range of units once it is read (``TextStore.release``).

    Returns:
        Keys and per-key occurrence counts (non-overlapping, like ``str.count``).
    """
    needle = encode_units(term)
    if not len(needle) or not len(units):
        return TermHits.empty()
    low, high = span if span is not None else (0, len(units))

    def one_pass(start: int) -> np.ndarray:
        stop = min(start + SCAN_CHUNK, high)
        found = _matches(units, needle, pivot, start, stop, high)
        if release is not None:
            release(start, stop)
        return found

    passes = range(low, high, SCAN_CHUNK)
    if len(passes) > 1 and SCAN_THREADS > 1:  # NumPy compares without the GIL: passes run side by side
        with ThreadPoolExecutor(SCAN_THREADS) as pool:
            parts = list(pool.map(one_pass, passes))
    else:
        parts = [one_pass(start) for start in passes]
    positions = np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
    if not len(positions):
        return TermHits.empty()
    if len(needle) > 1:
        positions = _non_overlapping(positions, len(needle))
    keys, counts = _per_paragraph(starts, positions)
    return TermHits(keys.astype(np.int64), counts.astype(np.int64))


def _per_paragraph(starts: np.ndarray, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The paragraphs holding ascending ``positions`` and how many each holds.

    Paragraphs lie one after another, so either each position's paragraph is searched
    among the starts, or each start of the paragraphs spanned is searched among the
    positions (a count is then the distance to the next): whichever does fewer
    searches. A common character has several times more positions than paragraphs.
    """
    low = int(np.searchsorted(starts, positions[0], side="right")) - 1
    high = int(np.searchsorted(starts, positions[-1], side="right"))
    if len(positions) <= high - low:
        return counted(np.searchsorted(starts, positions, side="right") - 1)
    firsts = np.searchsorted(positions, starts[low:high])  # each paragraph's first position at or after its start
    counts = np.diff(np.append(firsts, len(positions)))
    holding = np.flatnonzero(counts)
    return holding + low, counts[holding]


def occurrences_in(
    units: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    text: Callable[[int], str],
    term: str,
    keys: np.ndarray,
    pivot: int = 0,
    release: Callable[[int, int], None] | None = None,
) -> TermHits:
    """``occurrences`` limited to some paragraphs: a term's candidates from its postings.

    A handful are counted one by one; more are gathered (each text with the 0 unit after
    it, so no match crosses two) and scanned in passes, touching only their pages.

    Args:
        units: The store's code units.
        starts: Each key's first unit.
        ends: Each key's end (one past its last unit).
        text: A key's folded text.
        term: Folded term.
        keys: Candidate keys, ascending.
        pivot: Index of the term's rarest code unit.
        release: Called with the range of units each pass gathered from, once it is read.
    """
    if not len(keys):
        return TermHits.empty()
    if len(keys) <= COUNT_ONE_BY_ONE:
        counted_keys = [(int(k), text(int(k)).count(term)) for k in keys]
        found = [(k, c) for k, c in counted_keys if c]
        return TermHits(
            np.array([k for k, _ in found], dtype=np.int64), np.array([c for _, c in found], dtype=np.int64)
        )
    needle = encode_units(term)
    keys = np.asarray(keys, dtype=np.int64)
    first_units = np.asarray(starts[keys], dtype=np.int64)
    lengths = np.asarray(ends[keys], dtype=np.int64) - first_units + 1  # with the 0 unit after each text
    found_keys, found_counts = [], []
    for first, last in batches(lengths, GATHER_CHUNK, first_units):
        window = gathered(units, keys[first:last], first_units[first:last], lengths[first:last])
        local = lengths[first:last]
        offsets = np.cumsum(local) - local  # where each text starts in the gathered window
        positions = _starts_in(window, needle, pivot, len(window))
        if len(positions):
            if len(needle) > 1:
                positions = _non_overlapping(positions, len(needle))
            owners, counts = _per_paragraph(offsets, positions)
            found_keys.append(keys[first:last][owners])
            found_counts.append(counts)
        if release is not None:
            release(int(first_units[first]), int(first_units[last - 1] + lengths[last - 1]))
    if not found_keys:
        return TermHits.empty()
    return TermHits(np.concatenate(found_keys), np.concatenate(found_counts))


def _matches(units: np.ndarray, needle: np.ndarray, pivot: int, start: int, stop: int, high: int) -> np.ndarray:
    """Where ``needle`` starts in [start, stop), looking up to ``high`` for its end (one pass of a scan)."""
    window = units[start : min(high, stop + len(needle) - 1)]
    return _starts_in(window, needle, pivot, stop - start) + start


def _starts_in(window: np.ndarray, needle: np.ndarray, pivot: int, before: int) -> np.ndarray:
    """Where ``needle`` starts in ``window``, at positions under ``before``: its pivot unit first, then the rest."""
    if len(needle) == 1:  # a common character has millions of positions: no bounds to check on them
        return np.flatnonzero(window[:before] == needle[0])
    positions = np.flatnonzero(window == needle[pivot]) - pivot
    positions = positions[(positions >= 0) & (positions < before) & (positions + len(needle) <= len(window))]
    for offset, unit in enumerate(needle):
        if offset != pivot and len(positions):
            positions = positions[window[positions + offset] == unit]
    return positions


def batches(lengths: np.ndarray, size: int, starts: np.ndarray | None = None) -> Iterator[tuple[int, int]]:
    """Consecutive [first, last) ranges of items whose ``lengths`` add up to about ``size`` (at least one item).

    With ``starts`` (ascending), a range also spans at most ``SCAN_CHUNK`` units of the
    store: the pages a pass maps (the kernel maps a few around each one read) stay
    bounded until the pass lets them go.
    """
    totals = np.cumsum(lengths)
    first = 0
    while first < len(lengths):
        last = int(np.searchsorted(totals, totals[first] - lengths[first] + size, side="right"))
        if starts is not None:
            last = min(last, int(np.searchsorted(starts, starts[first] + SCAN_CHUNK, side="left")))
        last = max(last, first + 1)
        yield first, last
        first = last


def gathered(units: np.ndarray, keys: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The texts of ``keys`` (each with its 0 unit) one after another: a copy of each run of neighbours.

    Neighbouring keys lie one after another in the store, so a run of them is one slice.
    """
    breaks = np.flatnonzero(np.diff(keys) != 1) + 1
    run_first = np.concatenate(([0], breaks))
    run_last = np.append(breaks, len(keys)) - 1
    low = starts[run_first].tolist()
    high = (starts[run_last] + lengths[run_last]).tolist()
    return np.concatenate([units[a:b] for a, b in zip(low, high, strict=True)])


def _non_overlapping(positions: np.ndarray, length: int) -> np.ndarray:
    """Drop occurrences that overlap the previous kept one (``str.count`` semantics)."""
    if len(positions) < 2 or not np.any(np.diff(positions) < length):
        return positions
    kept = [int(positions[0])]
    for position in positions[1:].tolist():
        if position >= kept[-1] + length:
            kept.append(position)
    return np.array(kept, dtype=positions.dtype)
