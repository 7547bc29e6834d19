"""Distinct values and counts by sorting agree with NumPy's ``unique``."""

from __future__ import annotations

import numpy as np

from reader.core.search.runs import counted, distinct


def test_distinct_and_counted_agree_with_unique_on_random_keys():
    rng = np.random.default_rng(5)
    for size in (0, 1, 2, 17, 5000):
        values = rng.integers(0, 40, size).astype(np.int64)
        expected, expected_counts = np.unique(values, return_counts=True)
        got, got_counts = counted(values)
        assert np.array_equal(got, expected) and np.array_equal(got_counts, expected_counts)
        assert np.array_equal(distinct(values), expected)
        assert got.dtype == values.dtype


def test_intersect_agrees_with_numpy():
    from reader.core.search.postings import intersect

    rng = np.random.default_rng(6)
    for size_a, size_b in ((0, 5), (5, 0), (1, 1), (50, 400), (400, 50)):
        a = np.unique(rng.integers(0, 300, size_a))
        b = np.unique(rng.integers(0, 300, size_b))
        assert np.array_equal(intersect(a, b), np.intersect1d(a, b))


def test_among_is_isin_for_a_sorted_second_array():
    from reader.core.search.runs import among

    rng = np.random.default_rng(8)
    for size in (0, 1, 50, 5000):
        ascending = np.unique(rng.integers(0, 3000, size))
        values = rng.integers(-5, 3005, 4000)
        assert np.array_equal(among(values, ascending), np.isin(values, ascending))
