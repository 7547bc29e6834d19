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
