"""The search normal form and character n-grams (no Whoosh import: cheap to load)."""

from __future__ import annotations

from reader.core.text_utils import fold_width


def fold(text: str) -> str:
    """Search normal form: full-width forms folded, Latin lower-cased, same length."""
    return fold_width(text)


def ngrams(text: str, n: int) -> set[str]:
    """The distinct n-grams of a folded text (the text itself when shorter than n)."""
    if len(text) < n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}
