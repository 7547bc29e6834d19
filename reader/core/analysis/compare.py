"""Compare two reports: sections matched, paragraphs aligned, phrases marked, 新提法 and 不再提及.

Reports keep their shape from year to year but move sections around, so paragraphs are
aligned inside matched top-level sections (a monotonic alignment maximising similarity, as
a diff does), and the sections themselves are matched by title and content regardless of
order. Similarity is the Dice coefficient of character bigrams: cheap, and for Chinese a
good measure of shared wording.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.analysis.novelty import formulations_only_in
from reader.core.analysis.terms import TermCount
from reader.core.document import Document, OutlineNode, ParagraphKind
from reader.core.naming import Identity, display_name

SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"
PARAGRAPH_THRESHOLD = 0.3  # below it two paragraphs are different paragraphs, not one changed
SECTION_THRESHOLD = 0.2
TITLE_WEIGHT = 0.4  # sections: how much the title counts against the content
MAX_TERM_LENGTH = 10
MIN_TERM_COUNT = 2
_NUMBERING_RE = re.compile(r"^[（(]?[一二三四五六七八九十百\d]+[)）、.．]\s*")
_TERM_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z]+$")  # figures and years are not terms
_NOT_TERM_START = ("万", "亿", "个", "年")  # "万公里", "亿人": a unit, not a term


@dataclass(frozen=True)
class SectionPair:
    """Two outline nodes that treat the same subject (one side None: only in the other report)."""

    a: str | None
    b: str | None
    similarity: float

    def to_json(self) -> dict[str, Any]:
        """As the CLI's JSON prints it."""
        return {"a": self.a, "b": self.b, "similarity": round(self.similarity, 3)}


@dataclass(frozen=True)
class ParagraphPair:
    """An aligned pair of paragraphs, or a paragraph only in one report."""

    a: str | None
    b: str | None
    op: str
    similarity: float

    def to_json(self) -> dict[str, Any]:
        """As the CLI's JSON prints it."""
        return {"a": self.a, "b": self.b, "op": self.op, "similarity": round(self.similarity, 3)}


@dataclass(frozen=True)
class Comparison:
    """What changed from report ``a`` (the older) to report ``b``."""

    a: Document
    b: Document
    sections: tuple[SectionPair, ...]
    paragraphs: tuple[ParagraphPair, ...]
    new_terms: tuple[TermCount, ...]
    dropped_terms: tuple[TermCount, ...]

    def counts(self) -> dict[str, int]:
        """How many paragraphs are the same, changed, added and removed."""
        result = {SAME: 0, CHANGED: 0, ADDED: 0, REMOVED: 0}
        for pair in self.paragraphs:
            result[pair.op] += 1
        return result

    def to_json(self) -> dict[str, Any]:
        """As ``report-reader compare OLD NEW --json`` prints it."""
        return {
            "a": describe(self.a),
            "b": describe(self.b),
            "sections": [s.to_json() for s in self.sections],
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "new_terms": [t.to_json() for t in self.new_terms],
            "dropped_terms": [t.to_json() for t in self.dropped_terms],
        }


def describe(document: Document) -> dict[str, Any]:
    """A report as the comparison names it."""
    identity = Identity.from_meta(document.meta)
    return {
        "doc": document.id,
        "title": display_name(document),
        "region": identity.region,
        "year": identity.year,
    }


def bigrams(text: str) -> frozenset[str]:
    """The distinct character bigrams of a text (the text itself when it is one character)."""
    if len(text) < 2:
        return frozenset((text,)) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets: 1 identical wording, 0 nothing shared."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _strip_numbering(title: str) -> str:
    return _NUMBERING_RE.sub("", title).strip()


def _body(document: Document) -> list[int]:
    """Indexes of the paragraphs compared: the text, not the title block."""
    return [i for i, p in enumerate(document.paragraphs) if p.kind != ParagraphKind.TITLE]


def _top_sections(document: Document) -> list[tuple[OutlineNode | None, list[int]]]:
    """The body split at the top-level outline nodes; what precedes the first is a section of its own."""
    body = _body(document)
    starts = []
    for node in document.outline:
        index = document.paragraph_index(node.paragraph)
        if index >= 0:
            starts.append((index, node))
    if not starts:
        return [(None, body)]
    starts.sort(key=lambda item: item[0])
    sections: list[tuple[OutlineNode | None, list[int]]] = []
    front = [i for i in body if i < starts[0][0]]
    if front:
        sections.append((None, front))
    for position, (start, node) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(document.paragraphs)
        sections.append((node, [i for i in body if start <= i < end]))
    return sections


def align(
    a_sets: list[frozenset[str]], b_sets: list[frozenset[str]], threshold: float
) -> list[tuple[int | None, int | None, float]]:
    """Monotonic alignment of two sequences maximising the summed similarity of the pairs.

    Returns:
        (index in a or None, index in b or None, similarity) in reading order.
    """
    n, m = len(a_sets), len(b_sets)
    similarity = [[0.0] * m for _ in range(n)]
    for i, a in enumerate(a_sets):
        row = similarity[i]
        for j, b in enumerate(b_sets):
            value = dice(a, b)
            row[j] = value if value >= threshold else 0.0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = score[i], score[i + 1]
        sim = similarity[i]
        for j in range(m - 1, -1, -1):
            best = below[j] if below[j] > row[j + 1] else row[j + 1]
            if sim[j] and below[j + 1] + sim[j] > best:
                best = below[j + 1] + sim[j]
            row[j] = best
    pairs: list[tuple[int | None, int | None, float]] = []
    i = j = 0
    while i < n and j < m:
        if similarity[i][j] and score[i][j] == score[i + 1][j + 1] + similarity[i][j]:
            pairs.append((i, j, similarity[i][j]))
            i, j = i + 1, j + 1
        elif score[i + 1][j] >= score[i][j + 1]:
            pairs.append((i, None, 0.0))
            i += 1
        else:
            pairs.append((None, j, 0.0))
            j += 1
    pairs.extend((k, None, 0.0) for k in range(i, n))
    pairs.extend((None, k, 0.0) for k in range(j, m))
    return pairs


def _section_text(document: Document, indexes: list[int]) -> str:
    return "".join(document.paragraphs[i].text for i in indexes)


def match_sections(
    a_sections: list[tuple[OutlineNode | None, list[int]]],
    b_sections: list[tuple[OutlineNode | None, list[int]]],
    a: Document,
    b: Document,
) -> list[tuple[int | None, int | None, float]]:
    """Pairs of sections (indexes into the lists), best matches first taken, in ``b``'s order.

    The unnumbered front matter pairs with the other front matter only.
    """

    def features(document: Any, sections: Any) -> Any:
        return [
            (node is None, bigrams(_strip_numbering(node.title) if node else ""), bigrams(_section_text(document, idx)))
            for node, idx in sections
        ]

    a_features, b_features = features(a, a_sections), features(b, b_sections)
    candidates = []
    for i, (a_front, a_title, a_body) in enumerate(a_features):
        for j, (b_front, b_title, b_body) in enumerate(b_features):
            if a_front != b_front:
                continue
            title = dice(a_title, b_title) if not a_front else 1.0
            score = TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * dice(a_body, b_body)
            if score >= SECTION_THRESHOLD:
                candidates.append((score, i, j))
    candidates.sort(reverse=True)
    a_taken: dict[int, tuple[int, float]] = {}
    b_taken: dict[int, tuple[int, float]] = {}
    for score, i, j in candidates:
        if i not in a_taken and j not in b_taken:
            a_taken[i] = (j, score)
            b_taken[j] = (i, score)
    pairs: list[tuple[int | None, int | None, float]] = []
    placed_a: set[int] = set()
    for j in range(len(b_sections)):
        if j in b_taken:
            i, score = b_taken[j]
            # Sections of ``a`` with no partner go just before the next matched one, in a's order.
            for k in range(i):
                if k not in a_taken and k not in placed_a:
                    pairs.append((k, None, 0.0))
                    placed_a.add(k)
            pairs.append((i, j, score))
            placed_a.add(i)
        else:
            pairs.append((None, j, 0.0))
    pairs.extend((k, None, 0.0) for k in range(len(a_sections)) if k not in placed_a)
    return pairs


def _node_pairs(a: Document, b: Document, a_top: list[Any], b_top: list[Any], matched: list[Any]) -> list[SectionPair]:
    """Sections of the outline (first and second level) matched by title and content."""
    result = []
    for i, j, score in matched:
        a_node = a_top[i][0] if i is not None else None
        b_node = b_top[j][0] if j is not None else None
        if a_node is None and b_node is None:
            continue
        result.append(SectionPair(a_node.id if a_node else None, b_node.id if b_node else None, score))
        if a_node is not None and b_node is not None and (a_node.children or b_node.children):
            a_sub = [(child, _child_range(a, a_node, child)) for child in a_node.children]
            b_sub = [(child, _child_range(b, b_node, child)) for child in b_node.children]
            for k, m, sub_score in match_sections(a_sub, b_sub, a, b):
                result.append(
                    SectionPair(
                        a_sub[k][0].id if k is not None else None,
                        b_sub[m][0].id if m is not None else None,
                        sub_score,
                    )
                )
    return result


def _child_range(document: Document, parent: OutlineNode, child: OutlineNode) -> list[int]:
    start, end = document.node_paragraph_range(child.id)
    return list(range(start, end))


def compare(
    a: Document,
    b: Document,
    min_term_count: int = 1,
    history: Sequence[str] = (),
    spread_new: Sequence[str] = (),
    spread_old: Sequence[str] = (),
) -> Comparison:
    """Compare an older report ``a`` with a newer report ``b``.

    Args:
        a: The earlier report.
        b: The later report.
        min_term_count: How often a term must occur to be listed as new or dropped.
        history: Texts of the region's other earlier reports: a new term is new to all of them too.
        spread_new: Texts of other reports of ``b``'s year or later (a new term they take up ranks higher).
        spread_old: Texts of other reports before ``b`` (a dropped term they used ranks higher).

    Returns:
        Sections matched, paragraphs aligned, new and dropped terms.
    """
    a_sets = [bigrams(p.text) for p in a.paragraphs]
    b_sets = [bigrams(p.text) for p in b.paragraphs]
    a_top, b_top = _top_sections(a), _top_sections(b)
    matched = match_sections(a_top, b_top, a, b)
    pairs: list[ParagraphPair] = []
    for i, j, _score in matched:
        a_idx = a_top[i][1] if i is not None else []
        b_idx = b_top[j][1] if j is not None else []
        for x, y, similarity in align([a_sets[k] for k in a_idx], [b_sets[k] for k in b_idx], PARAGRAPH_THRESHOLD):
            a_para = a.paragraphs[a_idx[x]] if x is not None else None
            b_para = b.paragraphs[b_idx[y]] if y is not None else None
            if a_para is not None and b_para is not None:
                op = SAME if a_para.text == b_para.text else CHANGED
                pairs.append(ParagraphPair(a_para.id, b_para.id, op, 1.0 if op == SAME else similarity))
            elif a_para is not None:
                pairs.append(ParagraphPair(a_para.id, None, REMOVED, 0.0))
            elif b_para is not None:
                pairs.append(ParagraphPair(None, b_para.id, ADDED, 0.0))
    a_text, b_text = _full_text(a), _full_text(b)
    new = formulations_only_in(b_text, [a_text, *history], spread_new, min_term_count)
    dropped = formulations_only_in(a_text, [b_text], spread_old, min_term_count)
    return Comparison(
        a,
        b,
        tuple(_node_pairs(a, b, a_top, b_top, matched)),
        tuple(pairs),
        tuple(TermCount(f.term, f.count, f.score, f.renamed_from) for f in new),
        tuple(TermCount(f.term, f.count, f.score) for f in dropped),
    )


def _full_text(document: Document) -> str:
    return "\n".join(document.paragraphs[i].text for i in _body(document))


def occurrences(document: Document, term: str) -> list[str]:
    """Ids of the paragraphs that use a term, in reading order."""
    return [p.id for p in document.paragraphs if term in p.text]


@dataclass(frozen=True)
class Span:
    """Characters ``start``–``end`` of a paragraph, marked ``added``/``removed`` or ``same``."""

    start: int
    end: int
    kind: str


_MIN_SAME_RUN = 2  # a shared single character between two changes is noise: part of the change


def phrase_changes(old: str, new: str) -> tuple[list[Span], list[Span]]:
    """Where two versions of a paragraph differ, phrase by phrase.

    Returns:
        Spans over ``old`` (same / removed) and over ``new`` (same / added), covering each text.
    """
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= _MIN_SAME_RUN]
    old_spans: list[Span] = []
    new_spans: list[Span] = []
    i = j = 0
    for block in blocks:
        if block.a > i:
            old_spans.append(Span(i, block.a, REMOVED))
        if block.b > j:
            new_spans.append(Span(j, block.b, ADDED))
        old_spans.append(Span(block.a, block.a + block.size, SAME))
        new_spans.append(Span(block.b, block.b + block.size, SAME))
        i, j = block.a + block.size, block.b + block.size
    if i < len(old):
        old_spans.append(Span(i, len(old), REMOVED))
    if j < len(new):
        new_spans.append(Span(j, len(new), ADDED))
    return old_spans, new_spans
