"""A search's scope: the whole library's made once per library state, a chosen one each time."""

from __future__ import annotations

import numpy as np

from reader.core.search.scope import Scope, ScopeCache


def _manifest() -> dict:
    documents = {
        "a": {"ordinal": 2, "count": 3, "units": 30, "region": "浙江", "year": 2024},
        "b": {"ordinal": 0, "count": 1, "units": 50, "region": "广东", "year": 2024},
        "c": {"ordinal": 5, "count": 4, "units": 40, "region": "浙江", "year": 2023},
    }
    return {"documents": documents, "next_ordinal": 6}


def test_the_whole_library_is_made_again_only_when_a_document_comes_or_goes():
    manifest, cache = _manifest(), ScopeCache()
    whole = cache.scope(manifest, None)
    assert whole.ordinals.tolist() == [0, 2, 5] and whole.paragraphs == 8 and whole.average_units == 15.0
    assert cache.scope(manifest, None) is whole
    manifest["documents"]["d"] = {"ordinal": 6, "count": 2, "units": 2, "region": "", "year": None}
    manifest["next_ordinal"] = 7  # a sync adds in place and takes a new ordinal
    grown = cache.scope(manifest, None)
    assert grown is not whole and grown.ordinals.tolist() == [0, 2, 5, 6]
    manifest["documents"].pop("a")
    assert cache.scope(manifest, None).ordinals.tolist() == [0, 5, 6]


def test_a_chosen_scope_holds_only_its_documents():
    manifest, cache = _manifest(), ScopeCache()
    chosen = cache.scope(manifest, {"a", "c", "gone"})
    assert sorted(chosen.documents) == ["a", "c"] and chosen.ordinals.tolist() == [2, 5]
    assert chosen.by_ordinal == {2: "a", 5: "c"}
    assert cache.scope(manifest, {"a", "c", "gone"}) is not chosen


def test_facets_count_matching_paragraphs_per_region_and_year():
    whole = Scope.of(_manifest()["documents"], None)
    regions, years = whole.facets(np.array([2, 2, 0, 5, 7], dtype=np.uint32))  # 7: no longer in the library
    assert regions == (("浙江", 3), ("广东", 1))
    assert years == ((2024, 3), (2023, 1))


def test_a_scope_holds_its_ordinals_and_never_a_removed_or_unknown_one():
    from reader.core.search.store import DEAD

    chosen = Scope.of(_manifest()["documents"], {"a", "c"})
    ordinals = np.array([0, 2, 5, 6, 9, DEAD, 2], dtype=np.uint32)
    assert chosen.holds(ordinals).tolist() == [False, True, True, False, False, False, True]
    assert chosen.facets(np.array([2, 5, DEAD], dtype=np.uint32)) == ((("浙江", 2),), ((2024, 1), (2023, 1)))
    empty = Scope.of({}, None)
    assert empty.holds(ordinals).tolist() == [False] * len(ordinals) and empty.facets(ordinals) == ((), ())
