"""The 红头 of an official document: the issuing office ("…人民政府文件") and its number ("浙政发〔2024〕5号").

Printed in red above the title, they are the document's metadata, not its text. A
paged format knows the office line by its large type (``layout``); a Word document
without sizes knows it by its place among the first lines and its wording.
"""

from __future__ import annotations

import re

ISSUER_RE = re.compile(r"^(?P<issuer>.{2,40}?)文件$")
DOC_NO_RE = re.compile(r"^[\u4e00-\u9fff]{1,16}[〔\[［(（][0-9０-９]{4}[〕\]］)）]\s*[0-9０-９]+\s*号$")
_SPACES_RE = re.compile(r"[\s\u3000]+")
_HEAD_LINES = 4


def take_red_head(texts: list[str]) -> tuple[dict[str, str], set[int]]:
    """Find the 红头 among the first lines of a document.

    Args:
        texts: The document's first paragraphs, in order.

    Returns:
        The metadata found (``issuer``, ``doc_no``) and the indexes of the lines it came from.
    """
    meta: dict[str, str] = {}
    used: set[int] = set()
    for index, text in enumerate(texts[:_HEAD_LINES]):
        squeezed = _SPACES_RE.sub("", text)
        issuer = ISSUER_RE.match(squeezed)
        if issuer and "issuer" not in meta:
            meta["issuer"] = issuer.group("issuer")
            used.add(index)
        elif DOC_NO_RE.match(squeezed) and "doc_no" not in meta:
            meta["doc_no"] = squeezed
            used.add(index)
    return meta, used
