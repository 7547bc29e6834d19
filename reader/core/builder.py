"""Turn a parser's ``RawDocument`` into the immutable ``Document``."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.contents import find_contents
from reader.core.document import META_KEYS, Document, Paragraph, ParagraphKind, document_id, paragraph_ids
from reader.core.formats.raw import RawDocument, RawParagraph
from reader.core.formats.text_chrome import HeadLine, classify_head_line
from reader.core.identity import identify
from reader.core.outline import PART_RE, Candidate, build_outline
from reader.core.text_utils import ADDRESS_RE

_MAX_TITLE_BLOCK = 8
_HINT_KINDS = {
    "caption": ParagraphKind.CAPTION,
    "signature": ParagraphKind.SIGNATURE,
    "date": ParagraphKind.DATE,
}
_NUMERAL = "0-9０-９一二三四五六七八九十〇○Ｏ零"
# A date on a line of its own, as a document is dated under its signature.
_DATE_LINE_RE = re.compile(rf"^[（(]?[{_NUMERAL}]{{4}}年[{_NUMERAL}]{{1,2}}月[{_NUMERAL}]{{1,3}}日[）)]?$")
# Who signs: an office (…国务院, …人民政府, …办公厅, …委员会) or an office holder and a name.
_SIGNER_RE = re.compile(
    r"(国务院|人民政府|政府|办公厅|办公室|委员会|常务委员会|人大常委会|党委|党组|领导小组|指挥部|"
    r"部|厅|局|署|委|院|会|中心|公司|集团|协会)$|"
    r"^(国务院)?(总理|副总理|省长|市长|县长|区长|主席|部长|主任|局长|厅长|书记)[\s\u3000]*[\u4e00-\u9fff]{2,4}$"
)
_SIGNER_LIMIT = 30


def detect_title_block(paragraphs: list[RawParagraph]) -> int:
    """Count the leading paragraphs that form the title block.

    Centred lines at the start are the title block (web pages centre title,
    date line and speaker). Without centring, the lines before ``各位代表：``
    that read as title, date or speaker lines are.
    """
    count = 0
    for paragraph in paragraphs[:_MAX_TITLE_BLOCK]:
        if not paragraph.centered or paragraph.cells or paragraph.hint or PART_RE.match(paragraph.text):
            break
        count += 1
    if count:
        return count
    for index, paragraph in enumerate(paragraphs[:_MAX_TITLE_BLOCK]):
        if ADDRESS_RE.match(paragraph.text):
            head = paragraphs[:index]
            if head and all(classify_head_line(p.text) is not HeadLine.OTHER for p in head):
                return index
            break
    return 0


def mark_signatures(paragraphs: list[RawParagraph], start: int) -> None:
    """Mark signature and date lines: a date alone on its line, under the office or person that signs.

    The date must close a passage: a right-aligned date, or one under a signer, or the
    document's last line. Anything in the title block (before ``start``) is left alone.
    """
    for index in range(max(start, 0), len(paragraphs)):
        paragraph = paragraphs[index]
        if paragraph.cells or paragraph.hint or not _DATE_LINE_RE.match(_squeezed(paragraph.text)):
            continue
        signers = []
        above = index - 1
        while above >= start and _is_signer(paragraphs[above]):
            signers.append(above)
            above -= 1
        if not (signers or paragraph.right or index == len(paragraphs) - 1):
            continue
        paragraph.hint = "date"
        for signer in signers:
            paragraphs[signer].hint = "signature"


def _squeezed(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _is_signer(paragraph: RawParagraph) -> bool:
    text = paragraph.text.strip()
    if paragraph.cells or paragraph.hint or not text or len(text) > _SIGNER_LIMIT:
        return False
    if any(mark in text for mark in "。，；：！？、"):
        return False
    return paragraph.right or bool(_SIGNER_RE.search(re.sub(r"[\s\u3000]+", " ", text)))


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
    title_block = min(title_block, len(paragraphs))
    # A table of contents in the text: its entries link to their headings and stay out of the outline.
    # Centred under the title, it would pass for more title lines: the title block ends where it starts.
    contents = find_contents([p.text for p in paragraphs])
    if contents:
        title_block = min(title_block, min(contents))
    mark_signatures(paragraphs, title_block)
    candidates = [
        Candidate(
            p.text,
            tuple(p.runs),
            p.centered,
            p.heading,
            bool(p.cells),
            ParagraphKind.CONTENTS if i in contents else _HINT_KINDS.get(p.hint),
        )
        for i, p in enumerate(paragraphs)
    ]
    result = build_outline(candidates, ids, title_block)
    built = tuple(
        Paragraph(
            id=ids[i],
            text=p.text,
            runs=tuple(p.runs),
            kind=result.kinds[i],
            section=result.sections[i],
            centered=p.centered,
            cells=p.cells,
            page=p.page,
            target=ids[contents[i]] if i in contents else "",
        )
        for i, p in enumerate(paragraphs)
    )
    meta = {key: raw.meta[key] for key in META_KEYS if raw.meta.get(key)}
    document = Document(
        id=document_id(source_key),
        title=raw.title,
        source=source,
        meta=meta,
        paragraphs=built,
        outline=result.outline,
        url=raw.url,
        attachments=tuple(raw.attachments),
        notes=tuple(raw.notes),
    )
    identity = identify(document).to_meta()
    ordered = {key: value for key in META_KEYS if (value := {**identity, **meta}.get(key))}
    return replace(document, meta=ordered)
