"""Small text helpers shared by parsers, ids, search and speech."""

from __future__ import annotations

import re

# Spaces that government pages use for indentation and layout.
_SPACE_CHARS = " \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff"
_INNER_SPACE_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b\ufeff]+")

CHINESE_NUMERALS = "一二三四五六七八九十百零〇两"

# How a report speaks to the congress: 各位代表： opens the speech, 各位代表！ marks a turn
# (and the closing). Both end the sub-points of the outline; only the first starts the body.
OPENING_ADDRESS_RE = re.compile(r"^各位代表[：:，,]")
CLOSING_ADDRESS_RE = re.compile(r"^各位代表[！!]")
ADDRESS_RE = re.compile(r"^各位代表[：:，,！!]")


def normalize_space(text: str) -> str:
    """Collapse runs of layout whitespace and strip indentation at both ends.

    Ideographic spaces (U+3000) inside a line are kept, because reports use them
    between a title and a name (``国务院总理　李强``); at the ends they are
    indentation and go.

    Args:
        text: Raw text from a page or file.

    Returns:
        The text with inner whitespace runs reduced to one ASCII space.

    """
    return _INNER_SPACE_RE.sub(" ", text).strip(_SPACE_CHARS)


def fold_width(text: str) -> str:
    """Fold full-width ASCII forms to half width and lower-case Latin letters.

    ``ＰＭ２．５`` becomes ``pm2.5``. CJK characters are left alone; unlike NFKC
    this does not touch CJK compatibility ideographs or punctuation such as
    ``，`` and ``：``, so the folded text keeps its length and offsets.

    Args:
        text: Any text.

    Returns:
        Text of the same length with full-width forms folded and Latin lower-cased.

    """
    return text.translate(_FOLD_TABLE).lower()


def _build_fold_table() -> dict[int, int]:
    table = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    # Keep CJK punctuation that readers expect to stay distinct from ASCII.
    for keep in "，：；！？（）":
        table.pop(ord(keep), None)
    table[0x3000] = 0x20
    return table


_FOLD_TABLE = _build_fold_table()


def is_cjk(char: str) -> bool:
    """Tell whether a character is a CJK ideograph."""
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF


_IMPLAUSIBLE_RE = re.compile(
    "[^\x20-\x7e\t\r\n\u00a0\u00b7\u00d7\u00c0-\u024f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\ufeff]"
)


def plausible_text_ratio(text: str) -> float:
    """Share of characters that look like real Chinese/Latin prose.

    Used to reject a decoding that "succeeds" on binary data: GB18030 maps almost
    any byte sequence to some character, but mostly to rare ones.

    Args:
        text: Decoded text.

    Returns:
        A ratio between 0 and 1; real pages score above 0.95.
    """
    if not text:
        return 0.0
    return 1 - len(_IMPLAUSIBLE_RE.findall(text)) / len(text)


_SENTENCE_END = "。！？；"


def short_title(text: str, limit: int = 28) -> str:
    """Make a short outline title from a heading sentence or a long paragraph.

    Args:
        text: The heading text (a bold lead, a whole-bold paragraph...).
        limit: Longest title kept whole.

    Returns:
        The first clause or sentence, without its closing punctuation, cut with
        an ellipsis when still longer than ``limit``.

    """
    text = text.strip()
    for end_chars in (_SENTENCE_END + "：", _SENTENCE_END + "：，"):
        cut = _first_index(text, end_chars)
        if cut is not None and cut > 0:
            candidate = text[:cut]
            if len(candidate) <= limit:
                return candidate
    stripped = text.rstrip(_SENTENCE_END + "：，、")
    if len(stripped) <= limit:
        return stripped
    return stripped[: limit - 1] + "…"


def _first_index(text: str, chars: str) -> int | None:
    positions = [text.find(c) for c in chars if c in text]
    return min(positions) if positions else None


def clean_title(text: str) -> str:
    """Normalise a title: collapse spaces, drop spaces wedged between CJK characters (``几 个 问 题``)."""
    text = normalize_space(text).replace("\u3000", " ")
    return re.sub(r"(?<=[\u4e00-\u9fff\d）】])\s+(?=[\u4e00-\u9fff\d（【])", "", text)
