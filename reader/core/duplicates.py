"""The same report imported twice: paragraphs compared by their wording, looked up through the catalogue's index."""

from __future__ import annotations

import hashlib
import re

from reader.core.catalogue import Catalogue
from reader.core.document import Document

# Two imports are one document when this share of their text lies in paragraphs both have.
DUPLICATE_SHARE = 0.98


# Each entry's paragraph wordings for duplicate checks (a new name: the older paragraphs.json keyed by id).
_NOT_WORDING_RE = re.compile(r"[\W_]+")


def content_key(text: str) -> str:
    """A paragraph's wording, whatever its typography: NFKC, no spaces, no punctuation, Latin lower case.

    Two copies of one report from two sites differ in exactly these (— and －, ＋ and +,
    李强 and 李　强); as duplicates they must be one.
    """
    import unicodedata

    wording = _NOT_WORDING_RE.sub("", unicodedata.normalize("NFKC", text)).lower()
    return hashlib.sha1(wording.encode("utf-8")).hexdigest()[:12]


def paragraph_lengths(document: Document) -> dict[str, int]:
    """Paragraph wording (``content_key``) → its length: what duplicate detection compares."""
    lengths: dict[str, int] = {}
    for paragraph in document.paragraphs:
        key = content_key(paragraph.text)
        lengths[key] = lengths.get(key, 0) + len(paragraph.text)
    return lengths


def duplicate_in(catalogue: Catalogue, document: Document) -> str:
    """An entry holding (almost) the same text: ≥ 98% of the characters in paragraphs both have.

    Only entries sharing one of the document's longest paragraphs are looked at (an index
    look-up), so the check costs the same in a library of 10 and of 10,000. That loses no
    duplicate: the longest paragraphs probed hold more than 2% of the text, so an entry
    sharing none of them shares less than 98%. Boilerplate every report has (各位代表：) is short and
    never probed, or every import would look at every entry.
    """
    ours = paragraph_lengths(document)
    total = sum(ours.values()) or 1
    probe: list[str] = []
    covered = 0
    for key, length in sorted(ours.items(), key=lambda item: -item[1]):
        probe.append(key)
        covered += length
        if covered > (1 - DUPLICATE_SHARE) * total:
            break
    for doc, shared, theirs in catalogue.sharing(ours, probe):
        if doc != document.id and shared >= DUPLICATE_SHARE * max(total, theirs):
            return doc
    return ""
