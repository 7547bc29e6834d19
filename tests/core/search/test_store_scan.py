"""A scan in passes finds exactly what one pass finds, matches across a pass's edge included."""

from __future__ import annotations

import random

import numpy as np

from reader.core.search import scan as scan_module
from reader.core.search.store import TextStore


def _random_store(folder, rng: random.Random, alphabet: str, longest: int, count: int) -> tuple[list[str], TextStore]:
    """A saved text store of ``count`` random texts (and the texts)."""
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, longest))) for _ in range(count)]
    store = TextStore(folder)
    store.append(texts, 0)
    store.save()
    return texts, store


def test_a_scan_in_small_passes_finds_every_occurrence_once(tmp_path, monkeypatch):
    texts, store = _random_store(tmp_path, random.Random(9), "稳中求进稳进求", 30, 300)
    for term in ("稳", "稳中", "求进稳", "稳稳", "进求进"):
        whole = store.occurrences(term, None, 0)
        monkeypatch.setattr(scan_module, "SCAN_CHUNK", 7)
        passes = store.occurrences(term, None, len(term) - 1)
        monkeypatch.setattr(scan_module, "SCAN_CHUNK", 1 << 24)
        expected = [(k, t.count(term)) for k, t in enumerate(texts) if term in t]
        assert list(zip(whole.keys.tolist(), whole.counts.tolist(), strict=True)) == expected
        assert np.array_equal(passes.keys, whole.keys) and np.array_equal(passes.counts, whole.counts)


def test_counting_chosen_paragraphs_agrees_with_the_whole_scan(tmp_path, monkeypatch):
    rng = random.Random(4)
    _texts, store = _random_store(tmp_path, rng, "稳中求进稳进求ab", 40, 500)
    chosen = np.array(sorted(rng.sample(range(500), 300)), dtype=np.int64)
    for term in ("稳", "稳中", "求进稳", "进求进", "ab"):
        whole = store.occurrences(term, None, 0)
        expected = [
            (k, c) for k, c in zip(whole.keys.tolist(), whole.counts.tolist(), strict=True) if k in set(chosen.tolist())
        ]
        for one_by_one, gather in ((1000, 1 << 21), (0, 1 << 21), (0, 9)):  # one by one; gathered; in small passes
            monkeypatch.setattr(scan_module, "COUNT_ONE_BY_ONE", one_by_one)
            monkeypatch.setattr(scan_module, "GATHER_CHUNK", gather)
            got = store.occurrences_in(term, chosen, len(term) - 1)
            assert list(zip(got.keys.tolist(), got.counts.tolist(), strict=True)) == expected, (term, gather)
