"""主要预期目标: the year's targets of a report, as a table, and last year's achieved figures.

A report states its targets in one sentence: "今年发展主要预期目标是：国内生产总值增长5%左右；
城镇新增就业1200万人以上，……". That sentence is split into clauses; a clause with a figure
becomes a numeric target (indicator, value, range, unit, qualifier), one without becomes a
qualitative target ("居民收入增长和经济增长同步"). Clauses that only comment on the one before
("在实际工作中争取更好结果", "力争达到6%以上") are kept in that target's text.

Achieved figures come from the review part (the paragraphs before the targets): for each numeric
target, the first place where its indicator is named and followed closely by a figure in the same
unit ("全省生产总值增长6%", "城镇调查失业率平均为5.2%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from reader.core.document import Document, Paragraph

# "主要预期目标是：", "主要预期目标建议为：", "主要目标是：" (2007), "预期目标是：" (2008) — the colon
# ends the lead-in. Reports without one (2020) are read by the shape of their targets sentence.
_LEAD_RE = re.compile(r"(?:主要预期目标|主要目标|预期目标)[^：:。；]{0,6}[：:]")
# "在优化结构、提高效益……的基础上": the condition the targets are set under, not a target.
_PREAMBLE_RE = re.compile(r"^在.{2,40}(?:基础上|前提下|条件下)$")
_QUALIFIED_FIGURE_RE = re.compile(r"\d(?:\.\d+)?(?:%|％|[万亿]?[^\d，；。]{0,3})(?:左右|以上|以内|以下)")
_FIGURES_FOR_A_TARGETS_SENTENCE = 3
# Full-width digits and percent are folded before parsing ("6％左右").
_WIDTH = str.maketrans("０１２３４５６７８９％．～", "0123456789%.~")
_MULTIPLIERS = "万亿千百"
_MEASURES = (
    "千瓦时|平方米|立方米|公里|千米|千瓦|标准箱|人次|元/人|"
    "个百分点|斤|吨|人|元|户|套|个|家|天|亩|项|所|张|辆|座|条|次|倍|岁|小时|公顷"
)
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = rf"%|‰|(?:[{_MULTIPLIERS}]*(?:{_MEASURES}))|[{_MULTIPLIERS}]+"
_SUFFIX_QUALIFIERS = ("及以上", "以上", "以内", "以下", "左右", "上下")
_PREFIX_QUALIFIERS = ("不低于", "不高于", "不超过", "不少于", "低于", "高于", "超过", "力争")
# One figure: a number, an optional range ("6.5%—7%", "4.5—5%"), its unit and qualifier.
_VALUE_RE = re.compile(
    rf"(?P<prefix>{'|'.join(_PREFIX_QUALIFIERS)})?"
    rf"(?<![\d.])(?P<value>{_NUMBER})(?P<unit1>{_UNIT})?"
    rf"(?:\s*[—–\-~至到]\s*(?P<max>{_NUMBER})(?P<unit2>{_UNIT})?)?"
    rf"(?P<suffix>{'|'.join(_SUFFIX_QUALIFIERS)})?"
)
# Words between an indicator and its figure that are not part of the indicator's name.
_TRAILING_VERBS = ("全年控制在", "控制在", "保持在", "稳定在", "达到", "实现", "保持", "在", "为", "是")
# A scope before the indicator ("全省地区生产总值") says nothing the report does not.
_LEADING_SCOPES = ("其中", "全省", "全市", "全区", "全国", "我省", "我市", "我区", "今年", "年内")
# Clauses that qualify the target before them instead of stating one.
_COMMENT_RE = re.compile(r"^(?:在实际工作中|力争|努力|并|争取|确保)")
_QUALITATIVE_MIN = 4  # shorter clauses without a figure are fragments, not targets


@dataclass(frozen=True)
class Target:
    """One target (or achieved figure) of a report.

    Attributes:
        indicator: What is measured ("国内生产总值增长", "城镇新增就业").
        value: The figure, or None for a qualitative target.
        value_max: The upper end of a range ("6.5%—7%"), else None.
        unit: "%", "万人", "万亿斤"…; empty when the figure has none.
        qualifier: 左右, 以上, 以内, 以下, 上下, 低于…; empty when there is none.
        text: The clause as the report words it.
        paragraph: Id of the paragraph it comes from.
    """

    indicator: str
    value: float | None
    value_max: float | None
    unit: str
    qualifier: str
    text: str
    paragraph: str

    @property
    def numeric(self) -> bool:
        """Whether the target has a figure."""
        return self.value is not None

    def figure(self) -> str:
        """The figure as a person writes it: "5%左右", "6.5%—7%", "1200万人以上"."""
        if self.value is None:
            return ""
        low = _format_number(self.value)
        if self.value_max is not None:
            low = f"{low}{self.unit}—{_format_number(self.value_max)}"
        prefix = self.qualifier if self.qualifier in _PREFIX_QUALIFIERS else ""
        suffix = self.qualifier if self.qualifier in _SUFFIX_QUALIFIERS else ""
        return f"{prefix}{low}{self.unit}{suffix}"

    def to_json(self) -> dict[str, Any]:
        """As the CLI's JSON prints it (``key``: the indicator's name across years and regions)."""
        return {
            "indicator": self.indicator,
            "key": indicator_key(self.indicator),
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "text": self.text,
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True)
class Targets:
    """A report's targets and the figures its review part reports as achieved."""

    targets: tuple[Target, ...]
    achieved: tuple[Target, ...]
    passage: str = ""  # the targets sentence, as found
    paragraph: str = ""

    def to_json(self, doc_id: str) -> dict[str, Any]:
        """As ``report-reader targets DOC --json`` prints it."""
        return {
            "doc": doc_id,
            "targets": [t.to_json() for t in self.targets],
            "achieved": [t.to_json() for t in self.achieved],
        }


def _format_number(value: float) -> str:
    return f"{value:g}"


def find_passage(document: Document) -> tuple[Paragraph, int, int] | None:
    """The paragraph holding the targets sentence, and where in it the targets run (after the colon).

    Without a lead-in, the first sentence after the report's review that states three or more
    figures with a qualifier (左右, 以上, 以内) is the targets sentence, from its first figure's clause.
    """
    for paragraph in document.paragraphs:
        match = _LEAD_RE.search(paragraph.text)
        if match:
            end = paragraph.text.find("。", match.end())
            return paragraph, match.end(), end if end >= 0 else len(paragraph.text)
    start = len(document.paragraphs) // 5  # past the title block and the opening of the review
    for paragraph in document.paragraphs[start:]:
        text = paragraph.text
        sentence_start = 0
        for sentence_end in [i for i, char in enumerate(text) if char == "。"] + [len(text)]:
            sentence = text[sentence_start:sentence_end]
            figures = list(_QUALIFIED_FIGURE_RE.finditer(sentence))
            if len(figures) >= _FIGURES_FOR_A_TARGETS_SENTENCE and "今年" in text[:sentence_end]:
                first = figures[0].start()
                clause_start = max(sentence.rfind(mark, 0, first) for mark in "，；：") + 1
                return paragraph, sentence_start + clause_start, sentence_end
            sentence_start = sentence_end + 1
    return None


def extract_targets(document: Document) -> Targets:
    """The targets of a report (none when it states none) and the achieved figures of its review."""
    found = find_passage(document)
    if found is None:
        return Targets((), ())
    paragraph, start, end = found
    passage = paragraph.text[start:end]
    targets = tuple(parse_targets(passage, paragraph.id))
    review = document.paragraphs[: document.paragraph_index(paragraph.id)]
    return Targets(targets, tuple(find_achieved(targets, review)), passage, paragraph.id)


def _clauses(passage: str) -> list[str]:
    """The clauses of a targets sentence (split at ；and ，, not inside brackets)."""
    clauses: list[str] = []
    current: list[str] = []
    depth = 0
    for char in passage:
        if char in "（(“‘《":
            depth += 1
        elif char in "）)”’》" and depth:
            depth -= 1
        if char in "；，;," and depth == 0:
            clauses.append("".join(current))
            current = []
        else:
            current.append(char)
    clauses.append("".join(current))
    return [c.strip() for c in clauses if c.strip()]


def _values(clause: str) -> list[re.Match[str]]:
    """The figures of a clause (a bare number without unit counts only when it is not inside a word)."""
    found = []
    for match in _VALUE_RE.finditer(clause.translate(_WIDTH)):
        unit = match.group("unit1") or match.group("unit2")
        if not unit and not match.group("suffix"):
            continue  # "十四五", "5G", a year: not a target figure
        found.append(match)
    return found


def _clean_indicator(text: str) -> str:
    text = text.strip(" 、，,：:")
    changed = True
    while changed:
        changed = False
        for scope in _LEADING_SCOPES:
            if text.startswith(scope) and len(text) > len(scope) + 1:
                text, changed = text[len(scope) :], True
        for verb in _TRAILING_VERBS:
            if text.endswith(verb) and len(text) > len(verb) + 1:
                text, changed = text[: -len(verb)], True
    return text.strip(" 、，,")


def _unit(match: re.Match[str]) -> str:
    return (match.group("unit1") or match.group("unit2") or "").replace("％", "%")


def _qualifier(match: re.Match[str]) -> str:
    return match.group("suffix") or match.group("prefix") or ""


def _split_subjects(subject: str, count: int) -> list[str]:
    """``城镇、农村常住居民人均可支配收入`` with 2 figures → each subject named in full.

    A short head ("城镇", "一") borrows the tail of the last subject, whose own head
    is assumed to be as long: the parallel wording reports use.
    """
    parts = [p for p in re.split(r"、|和|及", subject) if p]
    if len(parts) != count:
        return [subject] * count
    last = parts[-1]
    named = []
    for part in parts[:-1]:
        if len(part) <= 2 < len(last) - len(part):
            named.append(part + last[len(part) :])
        else:
            named.append(part)
    return [*named, last]


def _respectively(clause: str, paragraph: str) -> list[Target]:
    """A clause with 分别: "城镇、农村居民人均可支配收入分别增长5%、7%左右"."""
    subject, _, figures = clause.partition("分别")
    matches = _values(figures)
    verb = figures[: matches[0].start()].strip() if matches else ""
    verb = "" if verb in ("为", "是", "在") or verb.startswith("控制") or verb.startswith("保持") else verb
    subjects = _split_subjects(_clean_indicator(subject), len(matches))
    last_unit = _unit(matches[-1])
    last_qualifier = _qualifier(matches[-1])
    return [
        Target(
            _clean_indicator(name + verb),
            float(match.group("value")),
            float(match.group("max")) if match.group("max") else None,
            _unit(match) or last_unit,
            _qualifier(match) or last_qualifier,  # "3%和5%以内": the qualifier is said once
            clause,
            paragraph,
        )
        for name, match in zip(subjects, matches, strict=True)
    ]


def _figures_of(clause: str) -> list[str]:
    """A clause naming several figures joined by 、 ("城镇新增就业46万人、城镇调查失业率5.5%以内"), split."""
    matches = _values(clause)
    if len(matches) < 2:
        return [clause]
    pieces, start = [], 0
    for match in matches[:-1]:
        if clause[match.end() : match.end() + 1] in ("、", "和"):
            pieces.append(clause[start : match.end()])
            start = match.end() + 1
    pieces.append(clause[start:])
    return pieces


def parse_targets(passage: str, paragraph: str = "") -> list[Target]:
    """The targets of a targets sentence (the part after "主要预期目标是：").

    Args:
        passage: The sentence after its lead-in, up to its full stop.
        paragraph: Id of the paragraph, carried into every target.

    Returns:
        The targets in the report's order.
    """
    targets: list[Target] = []
    for clause in _clauses(passage):
        if _PREAMBLE_RE.match(clause):
            continue
        if _COMMENT_RE.match(clause) and targets:
            previous = targets[-1]
            targets[-1] = replace(previous, text=f"{previous.text}，{clause}")
            continue
        if "分别" in clause and len(_values(clause.partition("分别")[2])) > 1:
            targets.extend(_respectively(clause, paragraph))
            continue
        for piece in _figures_of(clause):
            targets.extend(_single(piece, paragraph))
    return targets


def _single(clause: str, paragraph: str) -> list[Target]:
    matches = _values(clause)
    if not matches:
        if len(clause) < _QUALITATIVE_MIN:
            return []
        return [Target(clause, None, None, "", "", clause, paragraph)]
    match = matches[0]
    indicator = _clean_indicator(clause.translate(_WIDTH)[: match.start()])
    if not indicator:
        return []
    return [
        Target(
            indicator,
            float(match.group("value")),
            float(match.group("max")) if match.group("max") else None,
            _unit(match),
            _qualifier(match),
            clause,
            paragraph,
        )
    ]


# The verb of an indicator's name, left out when looking for it in the review ("生产总值增长" is
# reported as "生产总值……增长6%"); what stays is the thing measured.
_MEASURE_VERBS = ("增长", "涨幅", "上涨", "降低", "下降", "增速", "增加")
_ACHIEVED_REACH = 40  # characters after the indicator's name in which its figure must follow


def _core_name(indicator: str) -> str:
    for verb in _MEASURE_VERBS:
        if indicator.endswith(verb) and len(indicator) > len(verb) + 1:
            return indicator[: -len(verb)]
    return indicator


def find_achieved(targets: tuple[Target, ...] | list[Target], review: tuple[Paragraph, ...]) -> list[Target]:
    """Last year's figures for this year's indicators, as the review part states them.

    Args:
        targets: This year's targets (only the numeric ones are looked up).
        review: The paragraphs before the targets sentence.

    Returns:
        One achieved figure per indicator found, in the targets' order.
    """
    achieved = []
    for target in targets:
        if not target.numeric:
            continue
        name = _core_name(target.indicator)
        found = _first_figure(name, target.unit, review)
        if found is not None:
            paragraph, match, clause = found
            achieved.append(
                Target(
                    target.indicator,
                    float(match.group("value")),
                    float(match.group("max")) if match.group("max") else None,
                    _unit(match),
                    _qualifier(match),
                    clause,
                    paragraph.id,
                )
            )
    return achieved


# A figure near an indicator's name that is not last year's result for it: a share (占…比重), an
# average or total over the five years a report also reviews (年均, 累计, 从…增加到), a plan's target;
# an estimate (预计增长3%左右) is the result a January report can give, and counts.
_NOT_LAST_YEAR_RE = re.compile(r"占|比重|年均|平均每年|五年|累计|目标|任务|规划|从\d")
_SENTENCE_PERIOD_RE = re.compile(r"五年来|过去五年|五年间|这五年|十[一二三四五]五(?:时期|期间)|年均")
_NEXT_CLAUSE_VERB_RE = re.compile(r"^(?:比上年|同比|较上年)?(?:实际)?(?:增长|下降|上涨|提高|降低)")


def _first_figure(name: str, unit: str, review: tuple[Paragraph, ...]) -> Any:
    """Last year's figure in ``unit`` for ``name``: in the same clause, or a next clause that starts with its verb.

    Never a figure of a sentence about the five years a report also reviews, a share, an
    average, a plan's target, or another indicator's figure in a later clause.
    """
    for paragraph in review:
        text = paragraph.text.translate(_WIDTH)
        start = text.find(name)
        while start >= 0:
            stop = min((i for i in (text.find(c, start) for c in "。；") if i >= 0), default=len(text))
            clause_start = max(text.rfind(mark, 0, start) for mark in "，；。、") + 1
            found = None
            about_five_years = _SENTENCE_PERIOD_RE.search(text[:stop])  # the paragraph so far, or this sentence
            another_indicator = text[max(0, start - 2) : start] == "单位"  # 单位国内生产总值能耗: energy intensity
            averaged = _NOT_LAST_YEAR_RE.search(text[clause_start:start])  # 平均每年城镇新增就业, 占…
            if not (about_five_years or another_indicator or averaged):
                found = _figure_after(text, start + len(name), min(start + len(name) + _ACHIEVED_REACH, stop), unit)
            if found is not None:
                return paragraph, found[0], text[clause_start : found[1]]
            start = text.find(name, start + 1)
    return None


def _figure_after(text: str, begin: int, end: int, unit: str) -> tuple[re.Match[str], int] | None:
    """The figure in ``unit`` after an indicator's name, in its clause or a next clause starting with a verb."""
    window = text[begin:end]
    comma = window.find("，")
    own, following = (window, "") if comma < 0 else (window[:comma], window[comma + 1 :])
    for part, offset in ((own, 0), (following, comma + 1)):
        if not part or (offset and not _NEXT_CLAUSE_VERB_RE.match(part)):
            continue
        for match in _values(part):
            if _unit(match) == unit and not _NOT_LAST_YEAR_RE.search(part[: match.start()]):
                return match, begin + offset + match.end()
        if offset == 0 and any(_unit(m) == unit for m in _values(part)):
            return None  # its clause has such a figure, but not last year's: the next clause is another's
    return None


# One indicator under the names reports give it in different years and places.
_KEY_SCOPE_RE = re.compile(r"^(?:全省|全市|全区|全国|我省|我市|我区|国内|地区|全年)+|地区(?=生产总值)|国内(?=生产总值)")
_KEY_SYNONYMS = (
    (re.compile(r"^(?:经济|国民经济|GDP|生产总值)增长$"), "生产总值增长"),
    (re.compile(r"^居民消费价格(?:总水平)?(?:涨幅|上涨|增幅)$|^物价涨幅$|^CPI涨幅$"), "居民消费价格涨幅"),
    (re.compile(r"^城镇新增就业(?:人数)?$"), "城镇新增就业"),
)
_KEY_FILLERS_RE = re.compile(r"保持|实现|继续|进一步")


def indicator_key(indicator: str) -> str:
    """The name under which an indicator is one row across years and regions.

    地区生产总值增长 (2023), 生产总值增长 (2024) and 经济增长 are one; 国际收支保持基本平衡 and
    国际收支基本平衡 are one; 居民消费价格总水平涨幅 and 居民消费价格涨幅 are one.
    """
    key = _KEY_SCOPE_RE.sub("", indicator.replace(" ", ""))
    key = _KEY_FILLERS_RE.sub("", key) or key
    for pattern, name in _KEY_SYNONYMS:
        if pattern.match(key):
            return name
    return key
