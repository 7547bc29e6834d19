"""A term's exact hits: from its postings, or its rarest bigrams' postings give candidates, which alone are counted.

A term of two different characters is its own bigram: its postings carry its count in
each paragraph (the posting's weight), which is ``str.count``'s, so it is answered from
them alone. A single character has no postings, and a longer term whose rarest bigram
is in a large share of the paragraphs would cost more to gather than to scan: both are
answered by a scan of the whole text store (``scan.occurrences``). Every other term
reads its rarest bigrams' postings as arrays of keys (``postings.gram_keys``),
intersects them, and counts the term in those paragraphs only (``scan.occurrences_in``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from reader.core.search.index_files import IndexFiles
from reader.core.search.ngrams import ngrams
from reader.core.search.postings import gram_counts, gram_keys, intersect, segment_readers
from reader.core.search.scan import TermHits
from reader.core.search.store import DEAD

# A term whose rarest bigram is in more than this share of the paragraphs is answered by a scan of
# the whole store (it compares ~0.4 ns a character; gathering the candidates' texts costs ~3).
SCAN_SHARE = 0.12
# How many of a long term's rarest bigrams narrow the candidates.
BIGRAMS_PER_TERM = 3


class TermFinder:
    """Finds terms exactly in one index.

    Args:
        files: The index it reads.
    """

    def __init__(self, files: IndexFiles) -> None:
        self.files = files

    def estimate(self, searcher: Any, term: str) -> int:
        """Upper bound of the paragraphs holding a term, from the bigram postings.

        One character has no postings (indexing every character doubled the index's size
        and time): it is always answered by the vectorised scan, which is exact and fast.
        """
        if len(term) == 1:
            return self.files.store.size
        return int(min(searcher.doc_frequency("bi", gram) for gram in ngrams(term, 2)))

    def _pivot(self, searcher: Any, term: str) -> int:
        """Where a scan starts comparing: the first character of the term's rarest bigram."""
        if len(term) == 1:
            return 0
        frequencies = [searcher.doc_frequency("bi", term[i : i + 2]) for i in range(len(term) - 1)]
        return frequencies.index(min(frequencies))

    def _candidates(self, searcher: Any, term: str) -> np.ndarray:
        """Keys of the paragraphs holding the term's rarest bigrams (all of a two-character term's)."""
        grams = sorted(ngrams(term, 2), key=lambda g: searcher.doc_frequency("bi", g))[:BIGRAMS_PER_TERM]
        readers = segment_readers(searcher)
        keys = gram_keys(readers, "bi", grams[0])
        for gram in grams[1:]:
            if not len(keys):
                break
            keys = intersect(keys, gram_keys(readers, "bi", gram))
        return keys

    def scan(self, searcher: Any, term: str, spans: list[tuple[int, int]] | None) -> TermHits:
        """A term's hits by a scan of the whole store, or of ``spans`` (code-unit ranges) only."""
        pivot = self._pivot(searcher, term)
        if spans is None:
            return self.files.store.occurrences(term, None, pivot)
        parts = [self.files.store.occurrences(term, span, pivot) for span in spans]
        parts = [p for p in parts if len(p.keys)]
        if not parts:
            return TermHits.empty()
        return TermHits(np.concatenate([p.keys for p in parts]), np.concatenate([p.counts for p in parts]))

    def hits(self, searcher: Any, group: tuple[str, ...], spans: Any) -> dict[str, TermHits]:
        """Exact hits of every term of a group, in paragraphs still in the library.

        A term of two different characters comes from its postings. Of a longer one, a
        term whose rarest bigram is in more than ``SCAN_SHARE`` of the paragraphs is
        scanned (reading its postings would cost more than the scan), as is a single
        character; the others' candidates are counted.
        """
        result = {}
        store = self.files.store
        for term in group:
            if len(term) == 2 and term[0] != term[1]:  # the same character twice overlaps itself: counted
                keys, counts = gram_counts(segment_readers(searcher), "bi", term)
                keep = self._kept(keys, spans)
                result[term] = TermHits(keys[keep], counts[keep])
            elif len(term) == 1 or self.estimate(searcher, term) > SCAN_SHARE * max(1, store.size):
                found = self.scan(searcher, term, spans)
                keep = store.docs[found.keys] != DEAD
                result[term] = TermHits(found.keys[keep], found.counts[keep])
            else:
                keys = self._candidates(searcher, term)
                result[term] = store.occurrences_in(term, keys[self._kept(keys, spans)], self._pivot(searcher, term))
        return result

    def hits_among(self, searcher: Any, term: str, keys: np.ndarray) -> TermHits:
        """A term's hits among some paragraphs only (ascending ``keys``): for a phrase's bonus in ranking.

        Whatever touches least: the term's own postings, its rarest bigrams' candidates
        among ``keys``, ``keys`` themselves counted, or (when they are a large share) a scan.
        """
        store = self.files.store
        if len(term) == 2 and term[0] != term[1]:
            found = self.hits(searcher, (term,), None)[term]
        elif len(term) > 1 and self.estimate(searcher, term) < len(keys):
            candidates = intersect(self._candidates(searcher, term), keys)
            return store.occurrences_in(term, candidates, self._pivot(searcher, term))
        elif len(keys) <= SCAN_SHARE * max(1, store.size):
            return store.occurrences_in(term, keys, self._pivot(searcher, term))
        else:
            found = self.scan(searcher, term, None)
        among = np.isin(found.keys, keys)
        return TermHits(found.keys[among], found.counts[among])

    def _kept(self, keys: np.ndarray, spans: list[tuple[int, int]] | None) -> np.ndarray:
        """Which keys from postings count: committed ones this reader loaded, not removed, inside ``spans``."""
        store = self.files.store
        keep = keys < store.size  # a key written by a commit this reader has not loaded yet is left out
        keep[keep] = store.docs[keys[keep]] != DEAD
        if spans is not None:
            starts = store.starts[keys[keep]]
            inside = np.zeros(len(starts), dtype=bool)
            for low, high in spans:
                inside |= (starts >= low) & (starts < high)
            keep[keep] = inside
        return keep
