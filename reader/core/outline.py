"""Build the outline of a report from its own numbering and bold lead sentences.

Headings are ranked: parts (一、) 1, sections (（一）) 2, groups (a whole-bold
paragraph, or the paragraph introducing a numbered list) 3, leads (a bold lead
sentence, 一是…, ——…, 1、…) 4. A stack of open nodes places each heading under
the nearest open node of a smaller rank, so the tree follows the document even
when a level is skipped. ``各位代表`` addresses close everything below the part:
in reports they mark a turn of the speech, not a sub-point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.document import OutlineNode, ParagraphKind, Run
from reader.core.text_utils import ADDRESS_RE, CHINESE_NUMERALS, short_title

PART_RE = re.compile(rf"^[{CHINESE_NUMERALS}]{{1,3}}、")
SECTION_RE = re.compile(rf"^[（(][{CHINESE_NUMERALS}]{{1,3}}[）)]")
ORDINAL_LEAD_RE = re.compile(rf"^[{CHINESE_NUMERALS}]{{1,3}}是")
DASH_LEAD_RE = re.compile(r"^(——|－－|--)")
NUMBERED_RE = re.compile(r"^(\d{1,2})[、.．]")
_COUNT_CLAUSE_RE = re.compile(rf"[^，。；：]*[\d{CHINESE_NUMERALS}]+(?:个)?(?:方面|件|项|条)[^，。；：]*")

RANK_PART, RANK_SECTION, RANK_GROUP, RANK_LEAD = 1, 2, 3, 4
_TITLE_LIMIT = 40


@dataclass
class Candidate:
    """A paragraph handed to the outline builder."""

    text: str
    runs: tuple[Run, ...]
    centered: bool = False
    heading: int = 0
    table: bool = False


@dataclass
class _Open:
    rank: int
    node_id: str
    title: str
    paragraph: str
    level: int
    children: list[_Open] = field(default_factory=list)

    def freeze(self) -> OutlineNode:
        return OutlineNode(
            self.node_id, self.level, self.title, self.paragraph, tuple(c.freeze() for c in self.children)
        )


@dataclass
class OutlineResult:
    """Kinds, owning nodes and the tree for a list of paragraphs."""

    kinds: list[ParagraphKind]
    sections: list[str | None]
    outline: tuple[OutlineNode, ...]


def _lead(runs: tuple[Run, ...]) -> str:
    return runs[0].text if runs and runs[0].bold else ""


def _whole_bold(runs: tuple[Run, ...]) -> bool:
    return bool(runs) and all(run.bold for run in runs)


def _is_heading_line(text: str) -> bool:
    """A short line without sentence punctuation inside reads as a heading."""
    return len(text) <= _TITLE_LIMIT and "。" not in text.rstrip("。") and "；" not in text


def _first_sentence(text: str) -> str:
    match = re.match(r"^(.+?[。！？])", text)
    return match.group(1) if match else text


def _clip(text: str) -> str:
    text = text.strip().rstrip("。：:；;，,")
    return text if len(text) <= _TITLE_LIMIT else short_title(text, _TITLE_LIMIT)


def _group_title(text: str) -> str:
    body = ADDRESS_RE.sub("", text)
    match = _COUNT_CLAUSE_RE.search(body)
    if match and 4 <= len(match.group(0).strip()) <= _TITLE_LIMIT:
        return match.group(0).strip()
    return short_title(body)


class _Classifier:
    """Decide whether one paragraph is a heading, and of which rank and title."""

    def __init__(self, body_has_bold: bool) -> None:
        self.body_has_bold = body_has_bold

    def classify(self, c: Candidate) -> tuple[int, str] | None:
        text, lead = c.text, _lead(c.runs)
        if c.table or ADDRESS_RE.match(text):
            return None
        if c.heading:
            return (RANK_PART if c.heading <= 2 else RANK_SECTION if c.heading == 3 else RANK_LEAD), _clip(text)
        whole_bold = _whole_bold(c.runs)
        if PART_RE.match(text):
            if c.centered or whole_bold or _is_heading_line(text):
                return RANK_PART, _clip(text)
            if lead and PART_RE.match(lead):
                return RANK_PART, _clip(lead)
        if SECTION_RE.match(text):
            if lead and SECTION_RE.match(lead) and not whole_bold:
                return RANK_SECTION, _clip(lead)
            if _is_heading_line(text) or whole_bold:
                return RANK_SECTION, _clip(text)
            if not self.body_has_bold and len(_first_sentence(text)) <= _TITLE_LIMIT + 2:
                return RANK_SECTION, _clip(_first_sentence(text))
            return None
        if whole_bold:
            return RANK_GROUP, short_title(text) if len(text) > _TITLE_LIMIT else _clip(text)
        if lead:
            return RANK_LEAD, _clip(lead)
        if not self.body_has_bold and (ORDINAL_LEAD_RE.match(text) or DASH_LEAD_RE.match(text)):
            sentence = _first_sentence(text)
            if len(sentence) <= _TITLE_LIMIT + 4:
                return RANK_LEAD, _clip(sentence)
        return None


def build_outline(candidates: list[Candidate], ids: list[str], title_block: int) -> OutlineResult:
    """Classify paragraphs and build the outline tree.

    Args:
        candidates: Paragraphs in order.
        ids: Their paragraph ids.
        title_block: How many leading paragraphs form the title block.

    Returns:
        Kinds, the owning node of every paragraph, and the tree.

    """
    body = candidates[title_block:]
    body_has_bold = any(run.bold for c in body for run in c.runs)
    classifier = _Classifier(body_has_bold)
    kinds = [ParagraphKind.TITLE] * title_block
    sections: list[str | None] = [None] * title_block
    roots: list[_Open] = []
    stack: list[_Open] = []
    previous_plain: int | None = None  # index of the last body paragraph, if it directly follows a part/section

    def push(rank: int, title: str, index: int) -> _Open:
        while stack and stack[-1].rank >= rank:
            stack.pop()
        node = _Open(rank, "n" + ids[index][1:], title, ids[index], len(stack) + 1)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        return node

    for index in range(title_block, len(candidates)):
        candidate = candidates[index]
        if ADDRESS_RE.match(candidate.text):
            while stack and stack[-1].rank > RANK_PART:
                stack.pop()
        found = classifier.classify(candidate)
        numbered = NUMBERED_RE.match(candidate.text)
        if found and found[0] == RANK_LEAD and numbered and int(numbered.group(1)) == 1 and previous_plain is not None:
            # A numbered list introduced by a plain paragraph: that paragraph heads the list.
            group = push(RANK_GROUP, _group_title(candidates[previous_plain].text), previous_plain)
            kinds[previous_plain] = ParagraphKind.LEAD
            sections[previous_plain] = group.node_id
        if found:
            rank, title = found
            node = push(rank, title, index)
            kinds.append(
                {RANK_PART: ParagraphKind.PART, RANK_SECTION: ParagraphKind.SECTION}.get(rank, ParagraphKind.LEAD)
            )
            sections.append(node.node_id)
            previous_plain = None
            continue
        kinds.append(ParagraphKind.TABLE if candidate.table else ParagraphKind.BODY)
        sections.append(stack[-1].node_id if stack else None)
        top_rank = stack[-1].rank if stack else 0
        previous_plain = index if top_rank <= RANK_SECTION and not candidate.table else None
    return OutlineResult(kinds, sections, tuple(node.freeze() for node in roots))
