"""Character n-grams for exact substring search over Chinese, digits and Latin alike.

Whoosh pickles a schema's analyzers and field types into the index, so these
classes must live in an importable module (a class defined in ``__main__``
could not be unpickled by another process).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import Token, Tokenizer

from reader.core.search.folding import fold, gram_counts, ngrams

__all__ = ["NGramField", "NGramTokenizer", "fold", "gram_counts", "ngrams"]


class NGramTokenizer(Tokenizer):  # type: ignore[misc]  # Whoosh is untyped
    """Yield the distinct grams of one to n characters of a text (folded), one token each.

    Args:
        n: The longest gram (2 for the index's gram field).
    """

    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NGramTokenizer) and other.n == self.n

    def __hash__(self) -> int:
        return hash(("NGramTokenizer", self.n))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        """Yield one token per distinct n-gram of the folded value (Whoosh's tokenizer protocol)."""
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for gram in sorted(gram_counts(fold(value), self.n)):
            token.text = gram
            token.boost = 1.0
            yield token


class NGramField(fields.FieldType):  # type: ignore[misc]  # Whoosh is untyped
    """An indexed-only field of every character and every n-gram, each posting weighted by its count.

    Positions are not needed: a longer match is verified against the stored
    text, which is both exact and faster than positional phrase matching in
    pure Python. The weight is the gram's count in the text: a one- or two-character
    term's occurrences then come from its postings alone. ``index`` counts the grams
    directly instead of building a Token object per character, which makes indexing
    several times faster.
    """

    def __init__(self, n: int) -> None:
        # Not scorable: ranking is our own BM25 over exact counts, and Whoosh would look up a
        # field length for every posting it writes (a quarter of the indexing time).
        super().__init__(formats.Existence(), NGramTokenizer(n), scorable=False, stored=False)
        self.n = n

    def index(self, value: Any, **kwargs: Any) -> Iterator[Any]:  # noqa: D102 - Whoosh API
        for gram, count in gram_counts(fold(value), self.n).items():
            yield gram.encode("utf-8"), count, float(count), b""
