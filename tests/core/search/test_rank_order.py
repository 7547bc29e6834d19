"""A first page picked without sorting everything is the first page of the full order."""

from __future__ import annotations

import numpy as np

from reader.core.search.matching import rank_order


def test_the_first_page_is_the_full_orders_first_page():
    rng = np.random.default_rng(3)
    for size, limit in ((1000, 20), (1000, 1), (50, 20), (5000, 200)):
        keys = rng.permutation(size * 3)[:size].astype(np.int64)
        scores = rng.integers(0, 12, size).astype(np.float64) / 4  # many ties at the page's edge
        for phrase in (rng.random(size) < 0.01, rng.random(size) < 0.5, np.zeros(size, bool), np.ones(size, bool)):
            full = np.lexsort((keys, -scores, ~phrase))
            assert np.array_equal(rank_order(keys, scores, phrase, limit), full[:limit])
            assert np.array_equal(rank_order(keys, scores, phrase, 0), full)
