"""Who delivered a report, where and when: region, level, year, kind, speaker, meeting, date.

Read from what the document says about itself — the title block ("——2024年1月23日
在浙江省第十四届人民代表大会第二次会议上" / "浙江省省长　王浩"), the title, the
metadata, the opening ("我代表国务院"), the page's host (zj.gov.cn) — never from the
file name. Every key is optional: an unknown fact stays empty.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from reader.core.document import Document, ParagraphKind
from reader.core.naming import Identity
from reader.core.outline import chinese_number
from reader.core.regions import CITIES, NATIONAL, PROVINCES, full_name, level_of, npc_year, region_of_host

IDENTITY_KEYS = ("region", "level", "year", "kind", "speaker", "speaker_role", "meeting", "delivered")

_NUM = "〇一二三四五六七八九十零○"
_DATE_RE = re.compile(rf"(\d{{4}}|[{_NUM}]{{4}})年(\d{{1,2}}|[{_NUM}]{{1,3}})月(\d{{1,2}}|[{_NUM}]{{1,3}})日")
_MEETING_RE = re.compile(
    r"((?:中华人民共和国)?(?P<place>[\u4e00-\u9fff]{2,12}?(?:省|市|自治区|特别行政区|州|县|区))?"
    rf"第(?P<term>[{_NUM}\d]{{1,3}})届(?P<national>全国)?人民代表大会(?:常务委员会)?"
    rf"第(?P<session>[{_NUM}\d]{{1,3}})次(?:全体)?会议)"
)
_ROLE = r"(?:国务院)?(?:副总理|总理|代省长|省长|代市长|市长|代主席|主席|区长|县长|州长|盟长)"
_SPEAKER_RE = re.compile(
    rf"(?:^|[）)（(上])(?P<role>[\u4e00-\u9fff]{{0,16}}?{_ROLE})(?P<name>[\u4e00-\u9fff·]{{2,8}})[）)]?$"
)
_TITLES = ("主席", "代主席", "省长", "代省长", "市长", "代市长")
_NAME_LINE_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_SPEAKER_BEFORE_RE = re.compile(rf"(?P<role>[\u4e00-\u9fff]{{2,12}}?{_ROLE})(?P<name>[\u4e00-\u9fff]{{2,3}})在")
_NAME_BEFORE_ROLE_RE = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,3}})(?P<role>{_ROLE})在")
_YEAR_RE = re.compile(r"(19[4-9]\d|20\d\d)年")
_REVIEW_RE = re.compile(r"^[一1][、.]\s*(\d{4})年.{0,16}(回顾|总结)")
_KINDS = (
    "政府工作报告", "决议", "公报", "规划纲要", "规划", "纲要", "通知", "意见", "条例", "决定", "办法",
    "方案", "批复", "通告", "公告", "规定", "细则", "报告",
)  # fmt: skip
_REPORT_MARKS = ("报告工作", "报告政府工作", "作政府工作报告")


_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _number(text: str) -> int | None:
    """2024, 二〇二四 (digit by digit), 二十三 (a count)."""
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _DIGITS for c in text):
        return int("".join(str(_DIGITS[c]) for c in text))
    return chinese_number(text.replace("○", "〇"))


def _iso_date(match: re.Match[str]) -> str:
    year = _number(match.group(1))
    month, day = _number(match.group(2)), _number(match.group(3))
    if not (year and month and day and 1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def _head_lines(document: Document) -> list[str]:
    """The title block's lines (or, without one, the first few short lines), spaces squeezed out."""
    lines = [p.text for p in document.paragraphs if p.kind is ParagraphKind.TITLE]
    if not lines:
        lines = [p.text for p in document.paragraphs[:6] if len(p.text) <= 80]
    return [re.sub(r"[\s\u3000]+", " ", line).strip() for line in lines]


def _region_in(text: str) -> str:
    """A region named in a text (the first one mentioned)."""
    found: list[tuple[int, str]] = []
    for short, full, _host in PROVINCES:
        for name in (full, short):
            position = text.find(name)
            if position >= 0:
                found.append((position, short))
                break
    for city, _host in CITIES:
        position = text.find(city + "市")
        if position >= 0:
            found.append((position, city))
    if "国务院" in text or "全国人民代表大会" in text or "中华人民共和国" in text:
        found.append((text.find("国") if "国" in text else 0, NATIONAL))
    return min(found)[1] if found else ""


def _meeting(texts: list[str]) -> tuple[str, str, int | None]:
    """The congress session that heard the report: (its name, its place's region, the year if national)."""
    for text in texts:
        match = _MEETING_RE.search(text.split("在", 1)[-1] if "在" in text else text)
        if not match:
            continue
        name = match.group(1)
        if match.group("national"):
            term, session = _number(match.group("term")), _number(match.group("session"))
            year = npc_year(term, session) if term and session else None
            return name.removeprefix("中华人民共和国"), NATIONAL, year
        place = match.group("place") or ""
        return name, _region_in(place) if place else "", None
    return "", "", None


def _speaker(lines: list[str], title: str) -> tuple[str, str]:
    for line in lines:
        squeezed = re.sub(r"\s+", "", line)  # 省 长 吴晓军, 浙江省省长 王 浩
        match = _SPEAKER_RE.search(squeezed)
        if match and "会议" not in match.group("role"):
            return match.group("name"), match.group("role")
    for index, line in enumerate(lines[1:], start=1):  # a name alone under the date line
        if _NAME_LINE_RE.match(re.sub(r"\s+", "", line)) and "会议" in lines[index - 1]:
            return re.sub(r"\s+", "", line), ""
    squeezed = re.sub(r"\s+", "", title)
    for pattern in (_SPEAKER_BEFORE_RE, _NAME_BEFORE_ROLE_RE):
        match = pattern.search(squeezed)
        if match:
            return match.group("name"), match.group("role")
    return "", ""


def _kind(document: Document) -> str:
    title = document.title.replace("《", "").replace("》", "")
    for kind in _KINDS:
        if kind != "报告" and title.rstrip("）)").endswith(kind):
            return kind  # 关于政府工作报告的决议 is a 决议
    if "政府工作报告" in title:
        return "政府工作报告"
    if title.rstrip("）)").endswith("报告"):
        return "报告"
    opening = "".join(p.text for p in document.paragraphs[:8])
    if any(mark in opening for mark in _REPORT_MARKS) and document.paragraphs:
        return "政府工作报告"
    return next((kind for kind in _KINDS if kind in title), "")


def identify(document: Document) -> Identity:
    """Read a document's identity from its own text, metadata and address."""
    lines = _head_lines(document)
    opening = [p.text for p in document.paragraphs[:4]]
    # The date line may be split ("2024年1月23日在浙江省" / "第十四届人民代表大会第二次会议上").
    meeting, meeting_region, session_year = _meeting(["".join(lines), *lines, document.title, *opening])
    speaker, role = _speaker(lines, document.title)
    delivered = ""
    for line in sorted(lines, key=lambda text: "会议" not in text):  # the date line first
        match = _DATE_RE.search(line)
        if match:
            delivered = _iso_date(match)
            if delivered:
                break
    host = urlparse(document.url or (document.source if "://" in document.source else "")).hostname or ""
    region = (
        meeting_region
        or _region_in(role)
        or _region_in(document.title)
        or region_of_host(host)
        or _region_in(" ".join(document.meta.get(k, "") for k in ("issuer", "source_org")))
        or (NATIONAL if any("我代表国务院" in text for text in opening) else "")
    )
    if role and region and region != NATIONAL and not _region_in(role):
        role = _with_region(role, region)
    year = int(delivered[:4]) if delivered else session_year
    if year is None:
        year = _year_from(document)
    return Identity(
        region=region,
        level=level_of(region),
        year=year,
        kind=_kind(document),
        speaker=speaker,
        speaker_role=role,
        meeting=meeting,
        delivered=delivered,
    )


def _with_region(role: str, region: str) -> str:
    """省长 → 贵州省省长; 省人民政府省长 → 安徽省人民政府省长; 自治区主席 → 新疆维吾尔自治区主席."""
    full = full_name(region)
    for level in ("自治区", "省", "市"):
        rest = role[len(level) :]
        if role.startswith(level) and full.endswith(level) and (rest.startswith("人民政府") or rest in _TITLES):
            return full + rest
    return full + role


def _meta_year(document: Document, key: str) -> int | None:
    match = re.search(r"(19|20)\d\d", document.meta.get(key, ""))
    return int(match.group(0)) if match else None


def _year_from(document: Document) -> int | None:
    """The year a document was written, else its title's, else after its review's, else its publication's.

    A policy page has a 成文日期; a report's review part looks back on the year before
    ("一、2023年工作回顾" → 2024).
    """
    year = _meta_year(document, "written_date")
    if year:
        return year
    match = _YEAR_RE.search(document.title)
    if match:
        return int(match.group(1))
    for paragraph in document.paragraphs[:40]:
        review = _REVIEW_RE.match(paragraph.text)
        if review:
            return int(review.group(1)) + 1
    return _meta_year(document, "published")
