"""The query language for people, parsed without ever raising.

- space-separated terms must all occur in the same paragraph;
- ``"quoted text"`` is one exact term, spaces included; so are “…”, 「…」, 『…』 and ‘…’, the
  quotation marks a Chinese input method types;
- ``A OR B`` (also ``A | B``) matches either; OR binds tighter than the implicit AND;
- ``-term`` excludes paragraphs containing the term;
- Latin letters match case-insensitively, full-width forms match half-width ones;
- punctuation inside a term is part of it (``8+4``, ``3.76万``, ``PM2.5``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.search.folding import fold

# Chinese quotation marks, as input methods type them, open and close a phrase like '"'.
_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’"}
_TOKEN_RE = re.compile(r'-?"[^"]*"?|-?“[^”]*”?|-?「[^」]*」?|-?『[^』]*』?|-?‘[^’]*’?|\S+')
_OR_WORDS = frozenset(("or", "|", "或"))


@dataclass(frozen=True)
class ParsedQuery:
    """A query as a conjunction of disjunctions, plus exclusions (all terms folded).

    Attributes:
        groups: Every group must match; a group matches when any of its terms occurs.
        excluded: Terms that must not occur.
        text: The query as typed.
    """

    groups: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()
    text: str = ""
    phrase: str = field(default="", compare=False)

    @property
    def is_empty(self) -> bool:
        """Whether nothing positive is asked (an empty or exclusion-only query matches nothing)."""
        return not self.groups

    @property
    def terms(self) -> tuple[str, ...]:
        """Every positive term, in order, without duplicates."""
        seen: dict[str, None] = {}
        for group in self.groups:
            for term in group:
                seen.setdefault(term, None)
        return tuple(seen)


def _unquote(token: str) -> tuple[str, bool]:
    close = '"' if token.startswith('"') else _QUOTES.get(token[:1])
    if close is not None:
        return token[1:-1] if token.endswith(close) and len(token) > 1 else token[1:], True
    return token, False


def parse_query(text: str) -> ParsedQuery:
    """Parse what a person typed. Never raises; odd input gives an empty query.

    Args:
        text: The query string.

    Returns:
        The parsed query.
    """
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for raw in _TOKEN_RE.findall(text or ""):
        if raw.lower() in _OR_WORDS:
            pending_or = bool(groups)
            continue
        negative = raw.startswith("-") and len(raw) > 1
        body, quoted = _unquote(raw[1:] if negative else raw)
        term = fold(body if quoted else body.strip())
        if not term.strip():
            pending_or = False
            continue
        if negative:
            excluded.append(term)
            pending_or = False
        elif pending_or and groups:
            if term not in groups[-1]:
                groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    # The whole query as one phrase: paragraphs holding the terms side by side rank first.
    phrase = "".join(group[0] for group in groups) if len(groups) > 1 and all(len(g) == 1 for g in groups) else ""
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(dict.fromkeys(excluded)), text, phrase)
