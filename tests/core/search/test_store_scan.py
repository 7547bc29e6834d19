"""A scan in passes finds exactly what one pass finds, matches across a pass's edge included."""

from __future__ import annotations

import os
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


def test_positions_are_counted_per_paragraph_both_ways():
    rng = random.Random(12)
    lengths = [rng.randrange(1, 20) for _ in range(400)]
    starts = np.cumsum([0, *[n + 1 for n in lengths[:-1]]]).astype(np.int64)  # each text and its 0 unit
    for share in (0.01, 0.9):  # fewer positions than paragraphs (each looked up), and more (each start looked up)
        positions = np.array(
            sorted(int(s) + i for s, n in zip(starts, lengths, strict=True) for i in range(n) if rng.random() < share),
            dtype=np.int64,
        )
        keys, counts = scan_module._per_paragraph(starts, positions)
        owners = [int(np.searchsorted(starts, p, side="right")) - 1 for p in positions.tolist()]
        expected = sorted({k: owners.count(k) for k in owners}.items())
        assert list(zip(keys.tolist(), counts.tolist(), strict=True)) == expected
        spanned = owners[-1] - owners[0] + 1
        assert (len(positions) > spanned) == (share > 0.5)  # both ways taken


def test_texts_read_in_runs_are_the_texts_read_one_by_one(tmp_path):
    rng = random.Random(6)
    texts, store = _random_store(tmp_path, rng, "稳中求进𠀀ab", 12, 200)  # empty texts and surrogate pairs too
    chosen = np.array(sorted(rng.sample(range(200), 120)), dtype=np.int64)
    assert store.texts(chosen) == [texts[k] for k in chosen.tolist()]
    assert store.texts(np.arange(200)) == texts
    assert store.texts(np.empty(0, dtype=np.int64)) == []


def _mapped_kib(path) -> int:
    """This process's resident KiB of the file mapped at ``path`` (from /proc/self/smaps)."""
    resident, inside = 0, False
    with open("/proc/self/smaps", encoding="utf-8") as smaps:
        for line in smaps:
            if "-" in line.split(" ", 1)[0]:  # a mapping's header line
                inside = line.rstrip().endswith(str(path))
            elif inside and line.startswith("Rss:"):
                resident += int(line.split()[1])
    return resident


def test_a_scan_leaves_the_store_unmapped_behind_it(tmp_path):
    import pytest

    if not os.path.exists("/proc/self/smaps"):
        pytest.skip("needs Linux's /proc/self/smaps")
    store = TextStore(tmp_path, resident_bytes=0)
    store.append(["稳中求进" * 250 + "，" for _ in range(4000)], 0)  # 4,000 texts of 1,001 units: 8 MB
    store.save()
    texts = tmp_path / "texts.u16"
    whole = store.occurrences("，")
    assert len(whole.keys) == 4000 and set(whole.counts.tolist()) == {1}
    assert _mapped_kib(texts) < 1024  # the 8 MB read, then let go
    chosen = np.arange(0, 4000, 2, dtype=np.int64)
    assert store.occurrences_in("求进，", chosen).keys.tolist() == chosen.tolist()
    assert _mapped_kib(texts) < 1024
    assert store.text(5) == "稳中求进" * 250 + "，"  # read again from the cache
    keeping = TextStore(tmp_path, resident_bytes=4 << 20)  # a long-running process keeps the first 4 MB
    keeping.load()
    keeping.occurrences("，")
    assert 3 * 1024 < _mapped_kib(texts) < 5 * 1024
