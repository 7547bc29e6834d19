"""The search normal form and character n-grams (no Whoosh import: cheap to load)."""

from __future__ import annotations

from collections import Counter

from reader.core.text_utils import fold_width


def fold(text: str) -> str:
    """Search normal form: full-width forms folded, Latin lower-cased, same length."""
    return fold_width(text)


def ngrams(text: str, n: int) -> set[str]:
    """The distinct n-grams of a folded text (the text itself when shorter than n)."""
    if len(text) < n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def gram_counts(text: str, n: int) -> Counter[str]:
    """Every distinct gram of one to ``n`` characters of a folded text and how often it starts there.

    Overlaps count: a gram of two different characters cannot overlap itself, so its
    count is ``str.count``'s; so is a single character's.
    """
    counts: Counter[str] = Counter()
    for size in range(1, n + 1):
        counts.update(text[i : i + size] for i in range(len(text) - size + 1))
    return counts
