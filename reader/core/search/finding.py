"""A term's exact hits: from its own postings, or its rarest bigrams' postings give candidates, which alone are counted.

Every character and every bigram is a term of the index, and its postings carry its
count in each paragraph (the posting's weight). For a character, and for a bigram of
two different characters, that count is ``str.count``'s: such a term is answered from
its postings alone. A longer term reads its rarest bigrams' postings as arrays of keys
(``postings.gram_keys``), intersects them, and counts the term in those paragraphs only
(``scan.occurrences_in``), unless a scan of the whole text store costs less
(``scan.occurrences``): a cost model of decoding, gathering and scanning decides.

Being exact does not depend on the choice: the held-out queries are checked each way
(``tests/core/search/test_exactness.py``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from reader.core.search.index_files import IndexFiles
from reader.core.search.ngrams import ngrams
from reader.core.search.postings import gram_counts, gram_keys, intersect, segment_readers
from reader.core.search.runs import among
from reader.core.search.scan import TermHits
from reader.core.search.store import DEAD

# What a term costs, in nanoseconds, measured at 10,000 reports on this 2-core machine: reading a
# gram's record and run in each of 25 segments, decoding a posting (a run: 6-12 ns; W3's pickled blocks
# took 90), gathering a unit of a candidate's text and comparing it, comparing a unit in a scan (its
# passes on two threads).
READ_NS = 250_000.0
DECODE_NS = 10.0
GATHER_NS = 3.0
SCAN_NS = 0.25
# How much longer than the average a paragraph holding a searched term is (``_average_units``).
HOLDING_LENGTH = 1.5
# A scanned unit beyond what the store keeps mapped (``TextStore.resident_units``; none in a one-off
# command) is mapped again from the page cache first: a scan of 195 M units took 105 ms in a new
# process that keeps none, 45 ms where they stayed mapped.
MAP_NS = 0.3
# Counting chosen paragraphs costs more than a scan once they are this share of the store.
SCAN_SHARE = SCAN_NS / GATHER_NS
# A character in more than this share of the paragraphs would be scanned. Its postings won at every
# share measured at 10,000 reports (的, in 60% of paragraphs: 7 ms to read against a 117 ms scan; ，, in
# 85%: 9 against 413), so none is.
CHARACTER_POSTINGS_SHARE = 1.0
# How many of a long term's rarest bigrams narrow the candidates.
BIGRAMS_PER_TERM = 3


class TermFinder:
    """Finds terms exactly in one index.

    Args:
        files: The index it reads.
    """

    def __init__(self, files: IndexFiles) -> None:
        self.files = files

    def estimate(self, index_reader: Any, term: str) -> int:
        """Upper bound of the paragraphs holding a term (exact for one or two characters), from the postings."""
        return int(min(index_reader.doc_frequency("bi", gram) for gram in ngrams(term, 2)))

    def _from_postings(self, index_reader: Any, term: str) -> bool:
        """Whether the term's own postings answer it: a bigram of two different characters, or a character."""
        if len(term) == 2:
            return term[0] != term[1]  # the same character twice overlaps itself: its count is not str.count's
        share = CHARACTER_POSTINGS_SHARE * max(1, self.files.store.size)
        return len(term) == 1 and index_reader.doc_frequency("bi", term) <= share

    def _average_units(self) -> float:
        """Code units in a paragraph holding a term, estimated for the cost model.

        A long paragraph is likelier to hold a given term: the paragraphs holding 高质量发展
        were 1.5 times the store's average (removed ones included in it).
        """
        store = self.files.store
        return HOLDING_LENGTH * store.known_units / max(1, store.size)

    def _pivot(self, index_reader: Any, term: str) -> int:
        """Where a scan starts comparing: the term's rarest character (the fewest positions to check)."""
        if len(term) < 2 or len(term) != len(term.encode("utf-16-le")) // 2:  # a unit beyond one character
            return 0
        frequencies = [index_reader.doc_frequency("bi", character) for character in term]
        return frequencies.index(min(frequencies))

    def _narrowing(self, index_reader: Any, term: str) -> tuple[list[str], float]:
        """The bigrams whose postings narrow a term's candidates, rarest first, and what counting those costs (ns).

        A further bigram is read only while decoding it costs less than the gathering it
        would save if it halved the candidates: a common bigram (经济 in a third of the
        paragraphs) narrows little and decodes slowly. The cost counts the rarest bigram's
        paragraphs as gathered: a term's bigrams often come together (高质, 质量).
        """
        average = self._average_units()
        ranked = sorted((index_reader.doc_frequency("bi", gram), gram) for gram in ngrams(term, 2))
        used, decoding, expected = [ranked[0][1]], _decoding(ranked[0][0]), float(ranked[0][0])
        for frequency, gram in ranked[1:BIGRAMS_PER_TERM]:
            if _decoding(frequency) > GATHER_NS * average * expected / 2:
                break
            used.append(gram)
            decoding += _decoding(frequency)
            expected /= 2
        return used, decoding + GATHER_NS * average * ranked[0][0]

    def _candidates(self, index_reader: Any, term: str) -> np.ndarray:
        """Keys of the paragraphs holding the term's narrowing bigrams (``_narrowing``)."""
        grams, _cost = self._narrowing(index_reader, term)
        readers = segment_readers(index_reader)
        keys = gram_keys(readers, "bi", grams[0])
        for gram in grams[1:]:
            if not len(keys):
                break
            keys = intersect(keys, gram_keys(readers, "bi", gram))
        return keys

    def _scan_is_cheaper(self, index_reader: Any, term: str, spans: list[tuple[int, int]] | None) -> bool:
        """Whether scanning (the store, or ``spans``) costs less than decoding and counting the term's candidates."""
        store = self.files.store
        _grams, counting = self._narrowing(index_reader, term)
        scanned = store.known_units if spans is None else sum(high - low for low, high in spans)
        unmapped = max(0, scanned - store.resident_units)
        return SCAN_NS * scanned + MAP_NS * unmapped < counting

    def scan(self, index_reader: Any, term: str, spans: list[tuple[int, int]] | None) -> TermHits:
        """A term's hits by a scan of the whole store, or of ``spans`` (code-unit ranges) only."""
        pivot = self._pivot(index_reader, term)
        if spans is None:
            return self.files.store.occurrences(term, None, pivot)
        parts = [self.files.store.occurrences(term, span, pivot) for span in spans]
        parts = [p for p in parts if len(p.keys)]
        if not parts:
            return TermHits.empty()
        return TermHits(np.concatenate([p.keys for p in parts]), np.concatenate([p.counts for p in parts]))

    def hits(self, index_reader: Any, group: tuple[str, ...], spans: Any) -> dict[str, TermHits]:
        """Exact hits of every term of a group, in paragraphs still in the library.

        A character or a bigram comes from its postings (``_from_postings``). A character in
        more than ``CHARACTER_POSTINGS_SHARE`` of the paragraphs is scanned, and so is a
        longer term whose candidates would cost more to decode and count than a scan
        (``_scan_is_cheaper``); the others' candidates are counted.
        """
        result = {}
        store = self.files.store
        for term in group:
            if self._from_postings(index_reader, term):
                keys, counts = gram_counts(segment_readers(index_reader), "bi", term)
                keep = self._kept(keys, spans)
                result[term] = TermHits(keys[keep], counts[keep])
            elif len(term) == 1 or self._scan_is_cheaper(index_reader, term, spans):
                found = self.scan(index_reader, term, spans)
                keep = store.docs[found.keys] != DEAD
                result[term] = TermHits(found.keys[keep], found.counts[keep])
            else:
                keys = self._candidates(index_reader, term)
                result[term] = store.occurrences_in(
                    term, keys[self._kept(keys, spans)], self._pivot(index_reader, term)
                )
        return result

    def hits_among(self, index_reader: Any, term: str, keys: np.ndarray) -> TermHits:
        """A term's hits among some paragraphs only (ascending ``keys``): a later term, an exclusion, the phrase.

        Whatever costs least: the term's own postings; ``keys`` counted, first narrowed by
        its rarest bigram's postings when those are short; or, when that would gather a
        large share of the store, a scan.
        """
        store = self.files.store
        if self._from_postings(index_reader, term):
            found = self.hits(index_reader, (term,), None)[term]
        else:
            candidates = keys
            if len(term) > 1:
                frequency, rarest = min((index_reader.doc_frequency("bi", gram), gram) for gram in ngrams(term, 2))
                gathering = GATHER_NS * self._average_units()  # per paragraph
                if _decoding(frequency) + gathering * min(frequency, len(keys)) < gathering * len(keys):
                    candidates = intersect(gram_keys(segment_readers(index_reader), "bi", rarest), keys)
            if len(candidates) <= SCAN_SHARE * max(1, store.size):
                return store.occurrences_in(term, candidates, self._pivot(index_reader, term))
            found = self.scan(index_reader, term, None)
        inside = among(found.keys, keys)
        return TermHits(found.keys[inside], found.counts[inside])

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


def _decoding(postings: int) -> float:
    """What reading a gram's postings costs (ns): its records and runs in every segment, then each posting."""
    return READ_NS + DECODE_NS * postings
