"""新提法 and 不再提及: the wording a report uses that its region's earlier reports never did (and back).

What an analyst means by a new formulation is a term — a word the segmenter keeps whole,
or a run of two or three words that belong together (新质 + 生产力) — that

- the region's earlier reports never use, in any wording (自贸试验区 and 自由贸易试验区 are
  one; 经营主体 replacing 市场主体 is a rename, shown as such);
- is not filler, ceremony or a fragment cut across word boundaries (an editable stop
  list, shipped as data; runs made only of real words, none of them a function word);
- and is counted at word boundaries (加注 is never counted inside 更加注重).

Ranked by how much the report leans on it and how far it spreads: its count, raised for
each other report of the same year or later that also takes it up (新质生产力 in 2024
spreads to every province), and for policy vocabulary the reader's dictionary names.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.analysis.vocabulary import Vocabulary, vocabulary

MAX_TERM_LENGTH = 10
MAX_RUN = 3
SPREAD_CANDIDATES = 3000  # the spread is looked up for this many leading candidates (a substring scan each)
SHORT_TERM = 3  # a term this short may sit inside a longer word of another report (两新 in 两新一重)
POLICY_WEIGHT = 1.5
_TERM_TOKEN_RE = re.compile(r"^(?:[\u4e00-\u9fff]+|[A-Za-z]+\+?)$")
_NUMERAL_RE = re.compile(r"^[一二三四五六七八九十百千万亿零两〇]+$")
_NOT_TERM_START = ("万", "亿", "个", "年", "多", "余")  # "万公里", "亿人": a quantity, not a term


@dataclass(frozen=True)
class Formulation:
    """A term and what is known of it."""

    term: str
    count: int  # occurrences at word boundaries in the report
    score: float  # the ranking: count, spread and policy vocabulary together
    spread: int = 0  # other reports (of the same year or later) that use it
    renamed_from: str = ""  # the old name it replaced, when it is a rename


def _usable(token: str, stop: frozenset[str]) -> bool:
    if not _TERM_TOKEN_RE.match(token) or token in stop or _NUMERAL_RE.match(token):
        return False
    # Two stop words written as one (切实增强, 全面完成, 积极探索) are no more a term than each.
    return not any(token[:cut] in stop and token[cut:] in stop for cut in range(1, len(token)))


def term_counts(
    text: str, vocab: Vocabulary, cache_dir: Path | None = None, keep_everyday: bool = False
) -> tuple[Counter[str], dict[str, int]]:
    """Candidate terms of a text, counted at word boundaries, and how many words each is made of.

    A candidate is one word (two characters or more, not everyday language unless it is
    policy vocabulary or ``keep_everyday``) or a run of two or three words of two characters
    or more, no word and no run on the stop list.
    """
    from reader.core.analysis.segment import NOT_TERM_TAGS, everyday, part_of_speech, words

    counts: Counter[str] = Counter()
    sizes: dict[str, int] = {}
    usable: dict[str, bool] = {}
    for line in text.split("\n"):
        tokens = words(line, cache_dir)
        for token in tokens:
            if token not in usable:
                usable[token] = _usable(token, vocab.stop)
        for start, token in enumerate(tokens):
            if not usable[token]:
                continue
            if (
                len(token) >= 2
                and not token.startswith(_NOT_TERM_START)
                and (
                    token in vocab.policy
                    or ((keep_everyday or not everyday(token)) and part_of_speech(token) not in NOT_TERM_TAGS)
                )
            ):
                counts[token] += 1
                sizes[token] = 1
            if len(token) < 2 or token.startswith(_NOT_TERM_START):
                continue
            run = token
            for size in range(2, MAX_RUN + 1):
                end = start + size
                if end > len(tokens):
                    break
                following = tokens[end - 1]
                if not usable[following] or len(following) < 2:
                    break
                run += following
                if len(run) > MAX_TERM_LENGTH:
                    break
                # A run ends on a noun-like word: 房地产市场止跌 and 增加值分别 are cut mid-phrase.
                if run not in vocab.stop and part_of_speech(following) not in NOT_TERM_TAGS:
                    counts[run] += 1
                    sizes[run] = size
    return counts, sizes


class _Spread:
    """How many of some reports use a term: one scan of their joined text per term."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._starts: list[int] = []
        position = 0
        for text in texts:
            self._starts.append(position)
            position += len(text) + 1
        self._joined = "\x00".join(texts)

    def documents(self, term: str) -> int:
        found: set[int] = set()
        start = self._joined.find(term)
        while start >= 0:
            document = bisect.bisect_right(self._starts, start) - 1
            found.add(document)
            # On to the next document: one occurrence decides this one.
            following = self._starts[document + 1] if document + 1 < len(self._starts) else len(self._joined)
            start = self._joined.find(term, following)
        return len(found)


def formulations_only_in(
    text: str,
    absent_from: Iterable[str],
    spread_in: Sequence[str] = (),
    min_count: int = 1,
    cache_dir: Path | None = None,
    user_dir: Path | None = None,
) -> list[Formulation]:
    """Terms of ``text`` that none of ``absent_from`` uses in any wording, best first.

    Args:
        text: The report whose terms are listed (the new one for 新提法, the old one for 不再提及).
        absent_from: The reports the terms must be absent from (the region's earlier reports,
            or the new report for 不再提及).
        spread_in: Other reports whose use of a term raises its rank (same year or later for
            新提法; earlier for 不再提及: an established term that is dropped).
        min_count: Fewest occurrences in ``text``.
        cache_dir: jieba's cache.
        user_dir: The reader's own word lists (``analysis/`` in the data directory).
    """
    vocab = vocabulary(user_dir)
    counts, sizes = term_counts(text, vocab, cache_dir)
    others = "\x00".join(absent_from)
    fresh = {
        term: count
        for term, count in counts.items()
        if count >= min_count
        and _absent(term, others, cache_dir)
        and not any(v in others for v in vocab.variants(term))
    }
    kept = _without_fragments(fresh, counts, sizes)
    spread = _Spread(spread_in) if spread_in else None
    leading = sorted(kept, key=lambda t: (-fresh[t], -len(t), t))[:SPREAD_CANDIDATES]
    spreads = {term: spread.documents(term) for term in leading} if spread else {}
    found = []
    for term in kept:
        reach = spreads.get(term, 0)
        score = fresh[term] * (1 + math.log1p(reach)) * (POLICY_WEIGHT if term in vocab.policy else 1.0)
        renamed = vocab.renamed_from(term)
        found.append(Formulation(term, fresh[term], round(score, 3), reach, renamed if renamed in others else ""))
    found.sort(key=lambda f: (-f.score, -f.count, -len(f.term), f.term))
    return found


def _absent(term: str, others: str, cache_dir: Path | None) -> bool:
    """Whether ``others`` never use ``term`` as a word (a short term inside a longer word does not count)."""
    if term not in others:
        return True
    if len(term) > SHORT_TERM:
        return False
    from reader.core.analysis.segment import words

    start, looked = others.find(term), 0
    while start >= 0 and looked < 20:
        window = others[max(0, start - 8) : start + len(term) + 8]
        if term in words(window, cache_dir):
            return False
        start, looked = others.find(term, start + len(term)), looked + 1
    return start < 0  # more occurrences than looked at: take it as used


def _without_fragments(fresh: dict[str, int], counts: Counter[str], sizes: dict[str, int]) -> list[str]:
    """Drop what is only a piece of a longer new term, and longer runs new only through a shorter one.

    新质 that only ever occurs in 新质生产力 is that term; 地方债务风险 is new only because
    地方债务 is, which is listed (and more often); of two runs that overlap (统筹安排专项资金,
    财政每年统筹安排) the more frequent one stands for both.
    """
    terms = sorted(fresh, key=lambda t: (-len(t), t))
    absorbed: set[str] = set()
    for term in terms:
        for other in terms:
            if other != term and term in other and fresh[other] >= counts[term]:
                absorbed.add(term)  # every occurrence of term is inside other
                break
    kept = [t for t in terms if t not in absorbed]
    kept_set = set(kept)
    kept = [
        t
        for t in kept
        if sizes.get(t, 1) == 1 or not any(p in kept_set and fresh[p] > fresh[t] for p in _pieces(t) if p != t)
    ]
    kept.sort(key=lambda t: (-fresh[t], -len(t), t))
    accepted: list[str] = []
    for term in kept:
        if sizes.get(term, 1) > 1 and any(_overlap(term, other) for other in accepted):
            continue
        accepted.append(term)
    return accepted


def _pieces(term: str) -> set[str]:
    size = len(term)
    return {term[i:j] for i in range(size) for j in range(i + 2, size + 1) if j - i < size}


def _overlap(a: str, b: str) -> bool:
    """One contains the other, or one ends with at least two characters the other begins with."""
    if a in b or b in a:
        return True
    return any(a.endswith(b[:size]) or b.endswith(a[:size]) for size in range(2, min(len(a), len(b))))
