"""A term's exact hits: its rarest bigrams' postings give candidates, which alone are counted.

A single character has no postings, and a term whose rarest bigram is in a large share
of the paragraphs would cost more to gather than to scan: both are answered by a scan
of the whole text store (``scan.occurrences``). Every other term reads its rarest
bigrams' postings as arrays of keys (``postings.gram_keys``), intersects them, and counts
the term in those paragraphs only (``scan.occurrences_in``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from reader.core.search.index_files import IndexFiles
from reader.core.search.ngrams import ngrams
from reader.core.search.postings import gram_keys, intersect, segment_readers
from reader.core.search.scan import TermHits

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
        """Exact hits of every term of a group: its postings' candidates counted, or the whole store scanned.

        A term whose rarest bigram is in more than ``SCAN_SHARE`` of the paragraphs is scanned
        (reading its postings would cost more than the scan); so is a single character.
        """
        result = {}
        store = self.files.store
        for term in group:
            if len(term) == 1 or self.estimate(searcher, term) > SCAN_SHARE * max(1, store.size):
                result[term] = self.scan(searcher, term, spans)
                continue
            keys = self._candidates(searcher, term)
            keys = keys[keys < store.size]  # written by a commit this reader has not loaded yet
            if spans is not None:
                starts = store.starts[keys]
                inside = np.zeros(len(keys), dtype=bool)
                for low, high in spans:
                    inside |= (starts >= low) & (starts < high)
                keys = keys[inside]
            result[term] = store.occurrences_in(term, keys, self._pivot(searcher, term))
        return result
