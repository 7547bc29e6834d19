"""The spoken form of a piece: what the speech engine is given (ranges stay on the written text)."""

from __future__ import annotations

import re

_PERCENT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_PLUS_RE = re.compile(r"(?<=\d)\s*[+＋]\s*(?=\d)")
_SILENT = str.maketrans({ch: None for ch in "“”‘’「」『』《》〈〉【】\"'*"})
_PAUSES = re.compile(r"——|—|\s\|\s|…{1,2}")


def spoken(text: str) -> str:
    """Rewrite symbols the way a Chinese reader says them (5.2% → 百分之5.2, 8+4 → 8加4)."""
    text = _PERCENT_RE.sub(r"百分之\1", text)
    text = _PLUS_RE.sub("加", text)
    text = _PAUSES.sub("，", text)
    return text.translate(_SILENT).strip(" ，") or text.strip()
