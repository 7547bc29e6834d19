"""Exact matching, BM25 ranking and snippets, shared by the index and the one-document search.

Everything here works on folded text (``ngrams.fold``), which has the same
length as the original, so spans found in folded text apply to the original.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from reader.core.search.query import ParsedQuery

K1, B = 1.2, 0.75
SNIPPET_RADIUS = 40


def matches(text: str, query: ParsedQuery) -> bool:
    """Whether a folded paragraph satisfies the query (every group, no exclusion)."""
    if query.is_empty:
        return False
    for excluded in query.excluded:
        if excluded in text:
            return False
    return all(any(term in text for term in group) for group in query.groups)


def match_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping character spans of every occurrence of the terms, merged and sorted."""
    spans = []
    for term in terms:
        if not term:
            continue
        start = text.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = text.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass
class Scorer:
    """BM25 over exact term occurrences, with statistics of the hit set.

    Args:
        total_paragraphs: Paragraphs in the searched scope (N).
        average_length: Their mean length (in the same unit as the lengths given later).
        document_frequency: For each term, how many hits contain it.
    """

    total_paragraphs: int
    average_length: float
    document_frequency: dict[str, int] = field(default_factory=dict)

    def idf(self, term: str) -> float:
        """Inverse document frequency of a term (BM25's, never negative)."""
        df = self.document_frequency.get(term, 0)
        return math.log(1 + (self.total_paragraphs - df + 0.5) / (df + 0.5))

    def score(self, counts: dict[str, Any], length: Any) -> Any:
        """BM25 score from term counts and length.

        Works on one paragraph (ints and a float) or on many at once (NumPy arrays of
        counts and lengths, element-wise): the index and the one-document search rank
        with this one formula.
        """
        norm = K1 * (1 - B + B * length / max(self.average_length, 1e-9))
        return sum(self.idf(term) * tf * (K1 + 1) / (tf + norm) for term, tf in counts.items())


def rank_order(keys: np.ndarray, scores: np.ndarray, phrase: np.ndarray, limit: int) -> np.ndarray:
    """Positions in rank order (phrase matches first, then higher score, then lower key); the first ``limit``.

    A first page of a large result is picked without sorting it all: each part (phrase
    matches, the rest) keeps what scores at least its ``limit``-th best, ties included,
    and only those are sorted. ``limit`` 0 orders everything.
    """
    if limit <= 0 or len(keys) <= 4 * limit:
        order = np.lexsort((keys, -scores, ~phrase))
        return order[:limit] if limit > 0 else order
    chosen: list[np.ndarray] = []
    for part in (np.flatnonzero(phrase), np.flatnonzero(~phrase)):
        need = limit - sum(len(c) for c in chosen)
        if need <= 0:
            break
        if len(part) > need:
            bar = np.partition(-scores[part], need - 1)[need - 1]
            part = part[-scores[part] <= bar]
        chosen.append(part[np.lexsort((keys[part], -scores[part]))][:need])
    return np.concatenate(chosen)


@dataclass(frozen=True)
class Snippet:
    """About ±40 characters around the first match, with the match spans inside it."""

    text: str
    spans: tuple[tuple[int, int], ...]


def make_snippet(original: str, spans: Sequence[tuple[int, int]], radius: int = SNIPPET_RADIUS) -> Snippet:
    """Cut a snippet around the first span; mark cuts with an ellipsis.

    Args:
        original: The paragraph's original text.
        spans: Match spans in that text.
        radius: Characters kept on each side of the first match.

    Returns:
        The snippet and the spans relative to it.
    """
    if not spans:
        cut = original[: 2 * radius]
        return Snippet(cut + ("…" if len(original) > len(cut) else ""), ())
    first_start, first_end = spans[0]
    start = max(0, first_start - radius)
    end = min(len(original), first_end + radius)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(original) else ""
    inside = tuple(
        (max(s, start) - start + len(prefix), min(e, end) - start + len(prefix))
        for s, e in spans
        if s < end and e > start
    )
    return Snippet(prefix + original[start:end] + suffix, inside)
