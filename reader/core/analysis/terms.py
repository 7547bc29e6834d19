"""高频词: the words and phrases a report (or one section) stresses.

Counted at word boundaries (jieba, with the policy vocabulary kept whole), without the
stop list's filler (function words, the verbs every report uses, ceremony), parts of
speech that never make a term (verbs, adverbs, time words), place names and quantities.
Phrases count too: policy vocabulary (现代化产业体系, 扩大内需) and runs of words that
recur together. Each term also carries ``occurrences``, the substring count search gives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.analysis.vocabulary import vocabulary
from reader.core.document import Document

STOP_WORDS = vocabulary().stop
MIN_PHRASE_COUNT = 3
PHRASE_ASSOCIATION = 0.5  # a run counts as a phrase when it holds this share of its rarer word's uses
_PLACE_TAGS = frozenset(("ns", "nr", "nrt", "nrfg"))


@dataclass(frozen=True)
class TermCount:
    """A word and how often it occurs (with its ranking score, and the old name it replaced, when known)."""

    term: str
    count: int
    score: float = 0.0
    renamed_from: str = ""
    occurrences: int = 0  # as search counts it: every substring occurrence

    def to_json(self) -> dict[str, Any]:
        """As the CLI's JSON prints it (``score``, ``renamed_from`` and ``occurrences`` only when known)."""
        found: dict[str, Any] = {"term": self.term, "count": self.count}
        if self.occurrences:
            found["occurrences"] = self.occurrences
        if self.score:
            found["score"] = self.score
        if self.renamed_from:
            found["renamed_from"] = self.renamed_from
        return found


def section_text(document: Document, node_id: str | None = None) -> str:
    """The text of the document, or of one outline node and its children (title block excluded)."""
    if node_id:
        start, end = document.node_paragraph_range(node_id)
        chosen = document.paragraphs[start:end]
    else:
        chosen = tuple(p for p in document.paragraphs if p.kind.value != "title")
    return "\n".join(p.text for p in chosen)


def top_terms(
    document: Document,
    top: int = 50,
    node_id: str | None = None,
    cache_dir: Path | None = None,
    user_dir: Path | None = None,
    order: str = "count",
) -> list[TermCount]:
    """The terms of a report or section, most frequent (or most distinctive) first.

    Args:
        document: The report.
        top: How many (0: all).
        node_id: Only this outline node and its children.
        cache_dir: jieba's cache.
        user_dir: The reader's own word lists.
        order: ``count`` (高频词) or ``keyness`` (关键词: against general Chinese); every
            term carries both figures.

    Raises:
        KeyError: ``node_id`` is not a node of the document.
    """
    from reader.core.analysis.novelty import term_counts
    from reader.core.analysis.segment import part_of_speech

    if node_id and document.node(node_id) is None:
        raise KeyError(node_id)
    text = section_text(document, node_id)
    vocab = vocabulary(user_dir)
    counts, sizes = term_counts(text, vocab, cache_dir, keep_everyday=True)
    words = {
        term: count
        for term, count in counts.items()
        if sizes[term] == 1 and (term in vocab.policy or part_of_speech(term) not in _PLACE_TAGS)
    }
    phrases = {
        term: count
        for term, count in counts.items()
        if sizes[term] > 1 and count >= MIN_PHRASE_COUNT and _associated(term, count, counts)
    }
    found = {**words, **phrases}
    total = sum(counts[t] for t, size in sizes.items() if size == 1) or 1
    keyness = {term: general_keyness(term, count, total) for term, count in found.items()}
    if order == "keyness":
        ranked = sorted(found.items(), key=lambda item: (-keyness[item[0]], -item[1], item[0]))
    else:
        ranked = sorted(found.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
    chosen = ranked[: top if top > 0 else None]
    return [TermCount(term, count, round(keyness[term], 1), occurrences=text.count(term)) for term, count in chosen]


def general_keyness(term: str, count: int, total: int) -> float:
    """Log-likelihood of a term's use in a report against general Chinese (jieba's dictionary counts).

    Dunning's G²: how surprising ``count`` uses in ``total`` words are, given how often the
    language at large uses the term. 高质量发展 and 新质生产力 score high, 工作 and 中心 low.
    A word the dictionary never saw counts as seen once.
    """
    from reader.core.analysis.segment import tokenizer

    reference = tokenizer().FREQ.get(term, 0) or 1
    reference_total = tokenizer().total
    expected = total * (count + reference) / (total + reference_total)
    expected_reference = reference_total * (count + reference) / (total + reference_total)
    score = count * math.log(count / expected) + reference * math.log(reference / expected_reference)
    return 2 * score if count / total > reference / reference_total else 0.0


def _associated(phrase: str, count: int, counts: Any) -> bool:
    """Whether a run's words occur together often enough to be one phrase (扩大有效需求, not 加快发展)."""
    parts = [counts.get(phrase[:cut], 0) for cut in range(2, len(phrase) - 1)]
    rarer = min((p for p in parts if p), default=count)
    return count >= PHRASE_ASSOCIATION * rarer
