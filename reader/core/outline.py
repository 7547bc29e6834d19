"""Build the outline of a report from its own numbering and bold lead sentences.

Headings are ranked: parts (一、, 附件, 第X编) 1, sections (（一）, 第X章) 2, groups (a
whole-bold paragraph, the paragraph introducing a numbered list, 第X节, a list that
restarts its numbering inside a part) 3, leads (a bold lead sentence, 一是…, ——…, 1、,
第X条) 4. A stack of open nodes places each heading under the nearest open node of a
smaller rank, so the tree follows the document even when a level is skipped.
``各位代表`` addresses close everything below the part: in reports they mark a turn of
the speech, not a sub-point.

Three passes read the document as a whole before the tree is built:

- a law (three or more 第X条) is read by its legal structure, and its （一）/一、 items
  inside articles are items, not headings;
- a numbered sequence is consistent: when most of （一）（二）… (or 一、二、…) read as
  headings, all of them are, however long (a heading may run on into its first sentence);
- a numbering that starts again at 一、 inside a part (the ten 民生实事 after part 三、)
  is a list nested in that part, not a run of new parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.document import OutlineNode, ParagraphKind, Run
from reader.core.text_utils import ADDRESS_RE, CHINESE_NUMERALS, short_title

PART_RE = re.compile(rf"^([{CHINESE_NUMERALS}]{{1,3}})、")
SECTION_RE = re.compile(rf"^[（(]([{CHINESE_NUMERALS}]{{1,3}})[）)]")
ORDINAL_LEAD_RE = re.compile(rf"^[{CHINESE_NUMERALS}]{{1,3}}是")
DASH_LEAD_RE = re.compile(r"^(——|－－|--)")
NUMBERED_RE = re.compile(r"^(\d{1,2})[、.．]")
ANNEX_RE = re.compile(rf"^附\s*件\s*([0-9{CHINESE_NUMERALS}]{{0,3}})\s*[：:]?$")
_LEGAL_RE = re.compile(rf"^第([0-9{CHINESE_NUMERALS}]{{1,5}})(编|章|节|条)(?=[\s\u3000　]|$|[^\s])")
_LEGAL_RANKS = {"编": 1, "章": 2, "节": 3, "条": 4}
_COUNT_CLAUSE_RE = re.compile(rf"[^，。；：]*[\d{CHINESE_NUMERALS}]+(?:个)?(?:方面|件|项|条)[^，。；：]*")

RANK_PART, RANK_SECTION, RANK_GROUP, RANK_LEAD = 1, 2, 3, 4
_TITLE_LIMIT = 40
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGITS.update({"〇": 0, "两": 2})


def chinese_number(text: str) -> int | None:
    """The value of a Chinese or Arabic numeral up to 999 (一 1, 十二 12, 二十 20, 一百零五 105)."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@dataclass
class Candidate:
    """A paragraph handed to the outline builder."""

    text: str
    runs: tuple[Run, ...]
    centered: bool = False
    heading: int = 0
    table: bool = False
    fixed_kind: ParagraphKind | None = None  # caption, signature, date: never a heading


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


def _legal_title(text: str, unit: str) -> str:
    """第一条 for an article; 第一章 总则 for a chapter (letter spacing removed)."""
    match = _LEGAL_RE.match(text)
    assert match is not None  # only called on text the pattern recognised
    number = f"第{match.group(1)}{unit}"
    if unit == "条":
        return number
    rest = re.sub(r"[\s\u3000]+", "", text[match.end() :])
    return _clip(f"{number} {rest}" if rest and _is_heading_line(rest) else number)


class _Classifier:
    """Decide whether one paragraph is a heading, and of which rank and title."""

    def __init__(self, body_has_bold: bool, legal: bool) -> None:
        self.body_has_bold = body_has_bold
        self.legal = legal
        self.in_article = False  # legal: after the first 第X条, numbered lines are items
        self.in_chapter = False  # legal: after the first 第X章, numbered sentences are items

    def classify(self, c: Candidate) -> tuple[int, str] | None:
        text, lead = c.text, _lead(c.runs)
        if c.table or c.fixed_kind is not None or ADDRESS_RE.match(text):
            return None
        legal = _LEGAL_RE.match(text) if self.legal else None
        if legal:
            unit = legal.group(2)
            self.in_article = self.in_article or unit == "条"
            self.in_chapter = self.in_chapter or unit in ("编", "章")
            if unit != "条" and not _is_heading_line(text):
                return None
            return _LEGAL_RANKS[unit], _legal_title(text, unit)
        numbered = PART_RE.match(text) or SECTION_RE.match(text)
        sentence = not _is_heading_line(text) or text.rstrip().endswith("。") or "，" in text
        if self.legal and numbered and (self.in_article or (self.in_chapter and sentence)):
            return None
        if ANNEX_RE.match(text.replace(" ", "")):
            return RANK_PART, _clip(text)
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
            first = _first_sentence(text)
            if len(first) <= _TITLE_LIMIT + 4:
                return RANK_LEAD, _clip(first)
        return None


def _numbering(text: str) -> tuple[str, int] | None:
    """The numbering family and value a paragraph starts with: ("part", 3) for 三、, ("section", 2) for （二）."""
    for family, pattern in (("part", PART_RE), ("section", SECTION_RE)):
        match = pattern.match(text)
        if match:
            value = chinese_number(match.group(1))
            return (family, value) if value else None
    return None


def _consistent_sequences(candidates: list[Candidate], found: list[tuple[int, str] | None], start: int) -> None:
    """Make every member of a numbered sequence a heading when most of its members are.

    A sequence is 一、二、三… (or （一）（二）…) counting up by one; other paragraphs may
    stand between its members. Members that did not read as headings on their own (too
    long: the heading runs on into its first sentence) take the rank the others have.
    """
    open_runs: dict[str, list[int]] = {}
    runs: list[tuple[str, list[int]]] = []
    for index in range(start, len(candidates)):
        candidate = candidates[index]
        if candidate.table or candidate.fixed_kind is not None:
            continue
        numbered = _numbering(candidate.text)
        if numbered is None:
            continue
        family, value = numbered
        current = open_runs.get(family)
        before = _numbering(candidates[current[-1]].text) if current is not None else None
        if current is not None and before is not None and before[1] + 1 == value:
            current.append(index)
        else:
            current = [index]
            open_runs[family] = current
            runs.append((family, current))
    for family, members in runs:
        ranks = [entry[0] for entry in (found[i] for i in members) if entry is not None]
        if len(members) < 3 or len(ranks) * 2 < len(members):
            continue
        rank = max(set(ranks), key=ranks.count)
        wanted = RANK_PART if family == "part" else RANK_SECTION
        if rank != wanted:
            continue
        for index in members:
            if found[index] is None:
                text = candidates[index].text
                found[index] = (rank, _clip(_lead(candidates[index].runs) or _first_sentence(text)))


def _nest_restarts(candidates: list[Candidate], found: list[tuple[int, str] | None], start: int) -> None:
    """A 一、 list that starts again inside a part is nested in it (rank of a group), not new parts.

    Every 一、-numbered paragraph counts, heading or not: the report's parts run 一、二、三、
    and a list in part 三、 runs 一、二、… again, its items often long paragraphs. The outer
    count goes on after the list (四、), an annex (附件) starts a list of its own.
    """
    outer_next: int | None = None
    inner_next: int | None = None
    inner_headings = False
    outer_stop = False  # whether the report's parts end with a full stop (a heading style)
    for index in range(start, len(candidates)):
        candidate = candidates[index]
        if candidate.table or candidate.fixed_kind is not None:
            continue
        numbered = _numbering(candidate.text)
        if numbered is None or numbered[0] != "part":
            if found[index] is not None and ANNEX_RE.match(candidate.text.replace(" ", "")):
                inner_next, inner_headings = 1, False  # an annex: a 一、 list after it is nested in it
            continue
        value = numbered[1]
        entry = found[index]
        heading = entry is not None and entry[0] == RANK_PART
        continues_outer = outer_next is None or value == outer_next
        # Both counts expect this number: it is the part's if it looks like the parts did.
        like_parts = heading and not inner_headings and candidate.text.rstrip().endswith("。") == outer_stop
        if inner_next is not None and value == inner_next and not (continues_outer and like_parts):
            inner_next += 1
            inner_headings = inner_headings or heading
        elif continues_outer and (heading or outer_next is None):
            if heading:
                outer_next, inner_next = value + 1, None
                outer_stop = candidate.text.rstrip().endswith("。")
            continue
        elif value == 1:
            inner_next, inner_headings = 2, heading
        elif heading:
            outer_next, inner_next = value + 1, None
            outer_stop = candidate.text.rstrip().endswith("。")
            continue
        else:
            continue
        if heading and entry is not None:
            found[index] = (RANK_GROUP, entry[1])


def is_legal_text(candidates: list[Candidate]) -> bool:
    """A law or rules: three or more articles (第X条), or two or more chapters (第X章 as heading lines).

    Rules in chapters may number their items 一、二、… instead of 第X条 (国务院工作规则): the
    chapters are still the outline's top, and the items under them (九、十、十一、) are text.
    """
    articles = chapters = 0
    for candidate in candidates:
        match = _LEGAL_RE.match(candidate.text)
        if not match:
            continue
        if match.group(2) == "条":
            articles += 1
        elif match.group(2) in ("编", "章") and _is_heading_line(candidate.text):
            chapters += 1
        if articles >= 3 or chapters >= 2:
            return True
    return False


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
    classifier = _Classifier(body_has_bold, is_legal_text(body))
    found: list[tuple[int, str] | None] = [None] * len(candidates)
    for index in range(title_block, len(candidates)):
        found[index] = classifier.classify(candidates[index])
    _consistent_sequences(candidates, found, title_block)
    _nest_restarts(candidates, found, title_block)
    continued = _annex_titles(candidates, found, title_block)
    return _tree(candidates, ids, title_block, found, continued)


def _annex_titles(candidates: list[Candidate], found: list[tuple[int, str] | None], start: int) -> set[int]:
    """附件1 on a line of its own names its annex on the next line: the title takes both.

    Returns:
        The indexes of those name lines (they belong to the heading).
    """
    continued: set[int] = set()
    for index in range(start, len(candidates) - 1):
        entry = found[index]
        if entry is None or not ANNEX_RE.match(candidates[index].text.replace(" ", "")):
            continue
        following = candidates[index + 1]
        if found[index + 1] is None and not following.table and _is_heading_line(following.text):
            found[index] = (entry[0], _clip(f"{candidates[index].text.strip()} {following.text.strip()}"))
            continued.add(index + 1)
    return continued


def _tree(
    candidates: list[Candidate],
    ids: list[str],
    title_block: int,
    found: list[tuple[int, str] | None],
    continued: set[int],
) -> OutlineResult:
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
        entry = found[index]
        numbered = NUMBERED_RE.match(candidate.text)
        if entry and entry[0] == RANK_LEAD and numbered and int(numbered.group(1)) == 1 and previous_plain is not None:
            # A numbered list introduced by a plain paragraph: that paragraph heads the list.
            group = push(RANK_GROUP, _group_title(candidates[previous_plain].text), previous_plain)
            kinds[previous_plain] = ParagraphKind.LEAD
            sections[previous_plain] = group.node_id
        if entry:
            rank, title = entry
            node = push(rank, title, index)
            kinds.append(
                {RANK_PART: ParagraphKind.PART, RANK_SECTION: ParagraphKind.SECTION}.get(rank, ParagraphKind.LEAD)
            )
            sections.append(node.node_id)
            previous_plain = None
            continue
        if index in continued:  # the second line of a heading
            kinds.append(kinds[-1])
            sections.append(sections[-1])
            continue
        kind = candidate.fixed_kind or (ParagraphKind.TABLE if candidate.table else ParagraphKind.BODY)
        kinds.append(kind)
        sections.append(stack[-1].node_id if stack else None)
        top_rank = stack[-1].rank if stack else 0
        previous_plain = index if top_rank <= RANK_SECTION and kind is ParagraphKind.BODY else None
    return OutlineResult(kinds, sections, tuple(node.freeze() for node in roots))
