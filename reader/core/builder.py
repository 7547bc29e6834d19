"""Turn a parser's ``RawDocument`` into the immutable ``Document``."""

from __future__ import annotations

from reader.core.document import META_KEYS, Document, Paragraph, document_id, paragraph_ids
from reader.core.formats.raw import RawDocument, RawParagraph
from reader.core.formats.text_chrome import HeadLine, classify_head_line
from reader.core.outline import PART_RE, Candidate, build_outline
from reader.core.text_utils import OPENING_ADDRESS_RE

_MAX_TITLE_BLOCK = 8


def detect_title_block(paragraphs: list[RawParagraph]) -> int:
    """Count the leading paragraphs that form the title block.

    Centred lines at the start are the title block (web pages centre title,
    date line and speaker). Without centring, the lines before ``各位代表：``
    that read as title, date or speaker lines are.
    """
    count = 0
    for paragraph in paragraphs[:_MAX_TITLE_BLOCK]:
        if not paragraph.centered or paragraph.cells or PART_RE.match(paragraph.text):
            break
        count += 1
    if count:
        return count
    for index, paragraph in enumerate(paragraphs[:_MAX_TITLE_BLOCK]):
        if OPENING_ADDRESS_RE.match(paragraph.text):
            head = paragraphs[:index]
            if head and all(classify_head_line(p.text) is not HeadLine.OTHER for p in head):
                return index
            break
    return 0


def build_document(raw: RawDocument, source: str, source_key: str) -> Document:
    """Assemble the document: ids, kinds, outline and metadata.

    Args:
        raw: What the parser extracted.
        source: The path or URL as the user gave it.
        source_key: Canonical key the document id is derived from.

    Returns:
        The finished document.

    """
    paragraphs = [p for p in raw.paragraphs if p.runs]
    ids = paragraph_ids(p.text for p in paragraphs)
    title_block = raw.title_block_lines if raw.title_block_lines >= 0 else detect_title_block(paragraphs)
    candidates = [Candidate(p.text, tuple(p.runs), p.centered, p.heading, bool(p.cells)) for p in paragraphs]
    result = build_outline(candidates, ids, min(title_block, len(paragraphs)))
    built = tuple(
        Paragraph(
            id=ids[i],
            text=p.text,
            runs=tuple(p.runs),
            kind=result.kinds[i],
            section=result.sections[i],
            centered=p.centered,
            cells=p.cells,
        )
        for i, p in enumerate(paragraphs)
    )
    meta = {key: raw.meta[key] for key in META_KEYS if raw.meta.get(key)}
    return Document(
        id=document_id(source_key),
        title=raw.title,
        source=source,
        meta=meta,
        paragraphs=built,
        outline=result.outline,
        url=raw.url,
    )
