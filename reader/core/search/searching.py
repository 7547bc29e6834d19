"""Answering from the index: exact hits, BM25 ranking, facets, a term's occurrences and paragraphs."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from reader.core.search.finding import TermFinder
from reader.core.search.index_files import READ_FAILURES, IndexFiles
from reader.core.search.matching import Scorer, make_snippet, match_spans, rank_order
from reader.core.search.ngrams import fold
from reader.core.search.query import ParsedQuery, parse_query
from reader.core.search.results import SearchHit, SearchResult
from reader.core.search.runs import among, distinct
from reader.core.search.scan import TermHits
from reader.core.search.scope import Scope, ScopeCache
from reader.core.search.store import decode_paragraph_id
from reader.core.search.stored_fields import ORIGINAL_FIELD

# Up to this many candidates, the other terms are checked paragraph by paragraph.
VERIFY_LIMIT = 800
# A scope of at most this many documents is scanned document by document.
SCAN_SPANS_LIMIT = 50


@dataclass(frozen=True)
class TermInDocument:
    """How a document uses a term: occurrences, paragraphs holding it, and the first of those."""

    count: int
    paragraphs: int
    first_paragraph: str


class IndexReader:
    """Searches one index (never writes it; damage found while reading is marked for the writer).

    Args:
        files: The index it reads.
    """

    def __init__(self, files: IndexFiles) -> None:
        self.files = files
        self.finder = TermFinder(files)
        self.scopes = ScopeCache()

    def search(self, query: str | ParsedQuery, scope: set[str] | None = None, limit: int = 50) -> SearchResult:
        """Search the library (or the documents in ``scope``).

        Args:
            query: What the person typed, or a parsed query.
            scope: Document ids to search; None for the whole library.
            limit: Hits to return in rank order (0 = all); ``total`` is always exact.

        Returns:
            The first page of hits and the exact total.
        """
        started = time.perf_counter()
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)

        def finish(total: int = 0, hits: tuple[Any, ...] = (), facets: tuple[Any, ...] = ((), ())) -> SearchResult:
            elapsed = (time.perf_counter() - started) * 1000
            regions, years = facets
            notice = self.files.notice
            return SearchResult(parsed.text, total, hits, elapsed, notice=notice, regions=regions, years=years)

        if parsed.is_empty or self.files.ix is None:
            return finish()
        try:
            return self._search(parsed, scope, limit, finish)
        except READ_FAILURES as error:  # a segment or the store broke under us: the writer repairs it
            self.files.found_damaged(error)
            return finish()

    def _scan_spans(self, scope: set[str] | None, in_scope: dict[str, Any]) -> list[tuple[int, int]] | None:
        """The text store's slices of a few chosen documents (a scan then reads only those); None: all."""
        if scope is None or len(in_scope) > SCAN_SPANS_LIMIT:
            return None
        return [
            (int(self.files.store.starts[i["first"]]), int(self.files.store.ends[i["first"] + i["count"] - 1]))
            for i in in_scope.values()
            if i["count"]
        ]

    def _search(
        self, parsed: ParsedQuery, scope: set[str] | None, limit: int, finish: Callable[..., SearchResult]
    ) -> SearchResult:
        index_reader = self.files.current_reader()
        chosen = self.scopes.scope(self.files.manifest, scope)
        if not chosen.documents:
            return finish()
        spans = self._scan_spans(scope, chosen.documents)
        # Most selective group first; the others are checked on its candidates only.
        order = sorted(parsed.groups, key=lambda g: sum(self.finder.estimate(index_reader, t) for t in g))
        first = self.finder.hits(index_reader, order[0], spans)
        found = [h.keys for h in first.values()]
        candidates = found[0] if len(found) == 1 else distinct(np.concatenate(found))  # one term's: distinct already
        candidates = candidates[chosen.holds(self.files.store.docs[candidates])]
        texts = {int(k): self.files.store.text(int(k)) for k in candidates} if len(candidates) <= VERIFY_LIMIT else None
        counts: dict[str, TermHits] = dict(first)
        for group in order[1:]:
            if texts is not None:
                keep = [k for k, text in texts.items() if any(term in text for term in group)]
            else:
                # Counted among the candidates only: as the paragraph-by-paragraph check does.
                hits = {term: self.finder.hits_among(index_reader, term, candidates) for term in group}
                counts.update(hits)
                union = distinct(np.concatenate([h.keys for h in hits.values()]))
                keep = candidates[among(candidates, union)].tolist()
            candidates = np.array(sorted(keep), dtype=np.int64)
            if texts is not None:
                texts = {k: texts[k] for k in keep}
        for term in parsed.excluded:
            if texts is not None:
                keep = [k for k, text in texts.items() if term not in text]
                texts = {k: texts[k] for k in keep}
                candidates = np.array(sorted(keep), dtype=np.int64)
            else:
                banned = self.finder.hits_among(index_reader, term, candidates).keys
                candidates = candidates[~among(candidates, banned)]
        if not len(candidates):
            return finish()
        ranked = self._rank(parsed, candidates, counts, texts, chosen, limit, index_reader)
        return finish(len(candidates), ranked, chosen.facets(self.files.store.docs[candidates]))

    def term_occurrences(self, term: str, scope: set[str] | None = None) -> dict[str, TermInDocument]:
        """Exact occurrences of a word or phrase per document (for a term across the years).

        Args:
            term: The word or phrase (folded as the index folds paragraphs).
            scope: Document ids to count in; None for the whole library.

        Returns:
            Per document id that uses the term: occurrences, paragraphs and the first of them.
            Empty when the index is damaged (``notice`` says so).
        """
        folded = fold(term.strip())
        if not folded or self.files.ix is None:
            return {}
        try:
            index_reader = self.files.current_reader()
            chosen = self.scopes.scope(self.files.manifest, scope)
            if not chosen.documents:
                return {}
            hits = self.finder.hits(index_reader, (folded,), self._scan_spans(scope, chosen.documents))[folded]
            by_ordinal = chosen.by_ordinal
            ordinals = self.files.store.docs[hits.keys].astype(np.int64)
            order = np.argsort(ordinals, kind="stable")  # each document's hits together, in key order
            ordered = ordinals[order]
            starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1]))) if len(ordered) else order
            totals = np.add.reduceat(hits.counts[order], starts) if len(starts) else starts
            ends = np.append(starts[1:], len(order))
            result: dict[str, TermInDocument] = {}
            for start, end, total in zip(starts.tolist(), ends.tolist(), totals.tolist(), strict=True):
                doc = by_ordinal.get(int(ordered[start]))
                if doc is not None:
                    first = self._paragraph_id(index_reader, int(hits.keys[order[start]]))
                    result[doc] = TermInDocument(int(total), end - start, first)
            return result
        except READ_FAILURES as error:
            self.files.found_damaged(error)
            return {}

    def _paragraph_id(self, index_reader: Any, key: int) -> str:
        """A key's paragraph id: from the text store, or Whoosh's stored fields when it is of another shape."""
        paragraph = self.files.store.paragraph_id(key)
        if paragraph is not None:
            return paragraph
        stored = self.files.stored_of(index_reader, key)
        return str(stored.get("para", "")) if stored is not None else ""

    def document_text(self, doc_id: str) -> str:
        """A document's paragraphs as the index holds them (folded), one per line ('' when not indexed)."""
        info = self.files.documents.get(doc_id)
        if info is None or self.files.ix is None or not info.get("count"):
            return ""
        first, count = int(info["first"]), int(info["count"])
        return "\n".join(self.files.store.text(key) for key in range(first, first + count))

    def paragraphs_with(self, term: str, scope: set[str] | None = None) -> list[tuple[str, str, str, str]]:
        """Every paragraph holding ``term``: (document id, paragraph id, its text, its folded text), in key order.

        The folded text (what matching uses) has the original's length, so an occurrence's
        offsets in one are its offsets in the other.

        Key order is each document's reading order. Empty when the index is damaged
        (``damage`` says so).
        """
        folded = fold(term.strip())
        if not folded or self.files.ix is None:
            return []
        try:
            index_reader = self.files.current_reader()
            chosen = self.scopes.scope(self.files.manifest, scope)
            if not chosen.documents:
                return []
            hits = self.finder.hits(index_reader, (folded,), self._scan_spans(scope, chosen.documents))[folded]
            by_ordinal = chosen.by_ordinal
            store = self.files.store
            owners = [by_ordinal.get(ordinal) for ordinal in store.docs[hits.keys].tolist()]
            keys = hits.keys[np.array([doc is not None for doc in owners], dtype=bool)]
            docs = [doc for doc in owners if doc is not None]
            texts, paras, same = store.texts(keys), store.paras[keys].tolist(), store.same[keys].tolist()
            rows = zip(keys.tolist(), docs, texts, paras, same, strict=True)
            found = []
            for key, doc, folded_text, number, unchanged in rows:
                paragraph = decode_paragraph_id(number)
                original = folded_text if unchanged else None
                if paragraph is None:  # an id of another shape: Whoosh's stored fields have it
                    paragraph = str((self.files.stored_of(index_reader, key) or {}).get("para", ""))
                if original is None:  # the rare paragraph folding changed: Whoosh has its original
                    original = self.files.original_of(index_reader, key) or folded_text
                found.append(
                    (doc, paragraph, original if len(original) == len(folded_text) else folded_text, folded_text)
                )
            return found
        except READ_FAILURES as error:
            self.files.found_damaged(error)
            return []

    def _term_counts(
        self, term: str, keys: np.ndarray, counts: dict[str, TermHits], texts: Any, index_reader: Any
    ) -> np.ndarray:
        """Occurrences of ``term`` in each of ``keys`` (a term not searched yet, the phrase, among them only)."""
        if texts is not None:
            return np.array([texts[int(k)].count(term) for k in keys], dtype=np.int64)
        hits = counts.get(term)
        if hits is None:
            hits = self.finder.hits_among(index_reader, term, keys)
        if len(hits.keys) == len(keys) and np.array_equal(hits.keys, keys):  # one term: its own hits
            return hits.counts
        found = np.zeros(len(keys), dtype=np.int64)
        if len(hits.keys):
            at = np.searchsorted(hits.keys, keys)
            at = np.minimum(at, len(hits.keys) - 1)
            match = hits.keys[at] == keys
            found[match] = hits.counts[at[match]]
        return found

    def _rank(
        self,
        parsed: ParsedQuery,
        keys: np.ndarray,
        counts: Any,
        texts: Any,
        chosen: Scope,
        limit: int,
        index_reader: Any,
    ) -> Any:
        store = self.files.store
        paragraphs, average = chosen.paragraphs, chosen.average_units
        lengths = (store.ends[keys] - store.starts[keys]).astype(np.float64)
        frequencies, document_frequency = {}, {}
        for term in parsed.terms:
            tf = self._term_counts(term, keys, counts, texts, index_reader).astype(np.float64)
            hits = counts.get(term)
            exact = hits is not None and texts is None
            document_frequency[term] = len(hits.keys) if exact else int(np.count_nonzero(tf))
            frequencies[term] = tf
        scores = Scorer(paragraphs, average, document_frequency).score(frequencies, lengths) + np.zeros(len(keys))
        phrase = np.zeros(len(keys), dtype=bool)
        if parsed.phrase:
            phrase = self._term_counts(parsed.phrase, keys, counts, texts, index_reader) > 0
        order = rank_order(keys, scores, phrase, limit)
        documents = self.files.documents
        result = []
        for position in order.tolist():
            key = int(keys[position])
            stored = self.files.stored_of(index_reader, key)
            if stored is None:
                continue
            spans = match_spans(store.text(key), parsed.terms)
            # The original is stored where folding changed it.
            snippet = make_snippet(stored.get(ORIGINAL_FIELD) or store.text(key), spans)
            info: dict[str, Any] = dict(documents.get(stored["doc"], {}))
            result.append(
                SearchHit(
                    stored["doc"],
                    info.get("title", ""),
                    stored["para"],
                    tuple(stored["section"]),
                    len(spans),
                    snippet.text,
                    float(scores[position]),
                    snippet.spans,
                    tuple(spans),
                    info.get("display", ""),
                    info.get("region", ""),
                    info.get("year"),
                    key - info["first"] if "first" in info else -1,
                )
            )
        return tuple(result)
