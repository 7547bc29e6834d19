"""Search results, and the search of one document held in memory."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reader.core.document import Document
from reader.core.naming import Identity, display_name
from reader.core.search.folding import fold
from reader.core.search.matching import Scorer, make_snippet, match_spans, matches
from reader.core.search.query import ParsedQuery, parse_query


@dataclass(frozen=True)
class SearchHit:
    """One matching paragraph.

    Attributes:
        doc: Document id.
        title: Document title.
        paragraph: Paragraph id (as in ``export --format json``).
        section_path: Titles of the outline nodes holding the paragraph.
        matches: Number of query-term occurrences in the paragraph.
        snippet: About ±40 characters around the first match.
        score: Rank score (BM25; exact phrase matches sort first).
        highlights: Match spans inside the snippet.
        spans: Match spans inside the whole paragraph text.
        display: The document's display name ("浙江 · 2024年政府工作报告").
        region: The document's region ('' when unknown).
        year: The document's year (None when unknown).
        position: The paragraph's place in its document (0 = first; -1 when unknown), so hits
            can be shown in reading order.
    """

    doc: str
    title: str
    paragraph: str
    section_path: tuple[str, ...]
    matches: int
    snippet: str
    score: float
    highlights: tuple[tuple[int, int], ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    display: str = ""
    region: str = ""
    year: int | None = None
    position: int = field(default=-1, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The hit as the stable CLI JSON."""
        return {
            "doc": self.doc,
            "title": self.title,
            "paragraph": self.paragraph,
            "section_path": list(self.section_path),
            "matches": self.matches,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "highlights": [list(span) for span in self.highlights],
            "display_name": self.display or self.title,
            "region": self.region,
            "year": self.year,
        }


@dataclass(frozen=True)
class SearchResult:
    """The first page of hits and the exact total."""

    query: str
    total: int
    hits: tuple[SearchHit, ...] = ()
    elapsed_ms: float = 0.0
    # Every matching (document id, paragraph id), for hit counts and stepping through matches.
    all_hits: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    notice: str = ""
    # Matching paragraphs per region and per year, over all hits (not just the page shown).
    regions: tuple[tuple[str, int], ...] = field(default=(), compare=False)
    years: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The result as the stable CLI JSON."""
        return {
            "query": self.query,
            "total": self.total,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "hits": [hit.to_json() for hit in self.hits],
        }


def rank_key(phrase_hit: bool, score: float, order: int) -> tuple[Any, ...]:
    """Sort key: exact-phrase hits first, then by score, then in reading order."""
    return (not phrase_hit, -score, order)


def _document_key(hit: SearchHit) -> tuple[Any, ...]:
    """Where a hit's document comes in a list of results: newest first, then by region and name."""
    return (-(hit.year or 0), hit.region, hit.display or hit.title, hit.doc)


def in_reading_order(hits: Iterable[SearchHit]) -> list[SearchHit]:
    """Hits as a reader meets them: documents newest first (then by region and name), each top to bottom.

    Args:
        hits: Hits in any order (usually rank order).

    Returns:
        The same hits, grouped by document and sorted by their place in it.
    """
    return sorted(hits, key=lambda hit: (*_document_key(hit), hit.position))


def by_document(hits: Iterable[SearchHit]) -> list[SearchHit]:
    """Hits grouped by document in the same document order, keeping their order (rank) within each.

    Args:
        hits: Hits, usually in rank order.

    Returns:
        The same hits, grouped by document.
    """
    return sorted(hits, key=_document_key)  # sorted() is stable: ranks stay in order inside a document


def search_document(
    document: Document, query: str | ParsedQuery, limit: int = 50, within: tuple[int, int] | None = None
) -> SearchResult:
    """Search one document in memory (no index): a document outside the library, or one section.

    Args:
        document: The document.
        query: The query string or a parsed query.
        limit: Hits returned (0 = all).
        within: Only paragraphs with indexes in this half-open range (a section and its sub-sections).

    Returns:
        The result, ranked like the index search.
    """
    started = time.perf_counter()
    parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
    folded = [fold(p.text) for p in document.paragraphs]
    first, last = within if within is not None else (0, len(folded))
    hits_at = [i for i in range(first, last) if matches(folded[i], parsed)]
    terms = parsed.terms
    lengths = [len(text) for text in folded]
    scorer = Scorer(
        len(folded), sum(lengths) / max(len(lengths), 1), {t: sum(1 for i in hits_at if t in folded[i]) for t in terms}
    )
    ranked = []
    for i in hits_at:
        counts = {t: folded[i].count(t) for t in terms}
        phrase_hit = bool(parsed.phrase) and parsed.phrase in folded[i]
        ranked.append((rank_key(phrase_hit, scorer.score(counts, lengths[i]), i), i, counts))
    ranked.sort()
    chosen = ranked if limit <= 0 else ranked[:limit]
    identity = Identity.from_meta(document.meta)
    display = display_name(document)
    hits = []
    for key, i, _counts in chosen:
        paragraph = document.paragraphs[i]
        spans = match_spans(folded[i], terms)
        snippet = make_snippet(paragraph.text, spans)
        hits.append(
            SearchHit(
                document.id,
                document.title,
                paragraph.id,
                tuple(document.section_path(paragraph.id)),
                len(spans),
                snippet.text,
                -key[1],
                snippet.spans,
                tuple(spans),
                display,
                identity.region,
                identity.year,
                i,
            )
        )
    return SearchResult(
        query=parsed.text,
        total=len(hits_at),
        hits=tuple(hits),
        elapsed_ms=(time.perf_counter() - started) * 1000,
        all_hits=tuple((document.id, document.paragraphs[i].id) for i in hits_at),
        regions=((identity.region, len(hits_at)),) if identity.region and hits_at else (),
        years=((identity.year, len(hits_at)),) if identity.year and hits_at else (),
    )
