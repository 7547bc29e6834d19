"""Metadata from anywhere on a government page: labelled tables, label/value lines, head tags.

Government CMSs show the same facts in many shapes: a table of 索引号/分类/发文机关/
成文日期/发布日期/文号 cells, a strip "来源：… 发布时间：… 浏览次数：", a ``<dl>``, spans
in an info bar, and ``<meta name="PubDate">`` style tags in the head. Every shape is read
here by its labels, never by the template, and every value comes out as plain text.
"""

from __future__ import annotations

import contextlib
import html
import re

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

from reader.core.text_utils import normalize_space

# Labels seen on pages, mapped to the stable JSON keys. Matched after removing spaces
# (``索 引 号``) and the trailing colon.
META_LABELS = {
    "索引号": "index_no",
    "主题分类": "category",
    "分类": "category",
    "信息分类": "category",
    "组配分类": "category",
    "发布机构": "issuer",
    "发文机关": "issuer",
    "发文单位": "issuer",
    "发布单位": "issuer",
    "制发机关": "issuer",
    "公开主体": "issuer",
    "成文日期": "written_date",
    "成文时间": "written_date",
    "发布日期": "published",
    "发布时间": "published",
    "公开日期": "published",
    "公开时间": "published",
    "发文日期": "published",
    "日期": "published",
    "时间": "published",
    "发表时间": "published",
    "来源": "source_org",
    "信息来源": "source_org",
    "稿件来源": "source_org",
    "文章来源": "source_org",
    "发文字号": "doc_no",
    "文号": "doc_no",
    "发文号": "doc_no",
    "主题词": "keywords",
    "关键词": "keywords",
    "作者": "author",
    "撰稿": "author",
    "撰稿人": "author",
}
# Labels that belong to the page, not the document: read and dropped.
CHROME_LABELS = frozenset(
    (
        "浏览次数",
        "浏览量",
        "访问量",
        "阅读量",
        "阅读次数",
        "点击",
        "点击数",
        "点击量",
        "点击次数",
        "字号",
        "字体",
        "分享",
        "分享到",
        "责任编辑",
        "编辑",
        "校对",
        "审核",
        "审校",
        "签发",
        "打印",
        "关闭",
        "有效性",
        "效力状态",
        "体裁分类",
        "所属机构",
        "更新时间",
    )
)
# The title row of a metadata table.
TITLE_LABELS = frozenset(("标题", "名称", "文件名称", "标 题"))

_LABEL_SPACE_RE = re.compile(r"[\s\u3000\u00a0]+")
_ALL_LABELS = sorted({*META_LABELS, *CHROME_LABELS, *TITLE_LABELS}, key=len, reverse=True)
# A label followed by its colon, where a label may be letter-spaced (索 引 号：).
_PAIR_RE = re.compile(
    "(?:^|(?<=[\\s\u3000\u00a0\x1f|｜【\\[（(]))("
    + "|".join("[\\s\u3000]*".join(map(re.escape, label)) for label in _ALL_LABELS if " " not in label)
    + ")[\\s\u3000\u00a0]*[:：]"
)
_DATE_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}[:：]\d{2}(?:[:：]\d{2})?))?"
)
_FURNITURE_WORDS_RE = re.compile(
    r"[【】\[\]（）()|｜>»·•/\s\u3000]|大|中|小|打印本?页?|关闭(?:窗口|本页)?|收藏|分享到?|扫一扫|返回顶部|\d+"
)


# Marks where one element ends and another begins in ``boundary_text``: a label may start there.
SEPARATOR = "\x1f"


def boundary_text(element: HtmlElement) -> str:
    """An element's text with ``SEPARATOR`` between its elements' texts.

    "发布时间：<span>2024-01-31</span>来源：<span>新华社</span>" runs its labels into the
    previous value; the marks let each label be seen, and vanish from the values.
    """
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            parts.append(SEPARATOR + (node.text or ""))
        elif node is not element:
            parts.append(SEPARATOR + (node.tail or ""))
    return "".join(parts)


def clean_label(label: str) -> str:
    """Strip spaces and the trailing colon from a metadata label (``索 引 号：``)."""
    return _LABEL_SPACE_RE.sub("", label).rstrip(":：")


def plain(value: str) -> str:
    """A value as plain text: tags stripped, entities decoded, whitespace normalised."""
    if "&" in value:
        value = html.unescape(value)
    if "<" in value and ">" in value:
        with contextlib.suppress(ValueError, TypeError):  # not markup after all: kept as it is
            value = fragment_fromstring(value, create_parent="div").text_content()
    value = normalize_space(value.replace(SEPARATOR, "").replace("\u3000", " ")).strip(" ：:|｜")
    # A bracket that opens the next item ("来源：新华社 【字号：大 中 小】") is not part of the value.
    return value.rstrip("【[（( ").lstrip("】])） ")


def label_pairs(text: str) -> list[tuple[str, str]]:
    """Every ``label：value`` in a line, in order (values run to the next label).

    ``来源：省政府办公厅 发布时间：2024-01-31 17:01 浏览次数：`` gives three pairs,
    the last with an empty value.
    """
    text = normalize_space(text)
    found = list(_PAIR_RE.finditer(text))
    pairs = []
    for number, match in enumerate(found):
        end = found[number + 1].start() if number + 1 < len(found) else len(text)
        pairs.append((clean_label(match.group(1)), plain(text[match.end() : end])))
    return pairs


def pairs_to_meta(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The document metadata among label/value pairs (the first value of each key wins)."""
    meta: dict[str, str] = {}
    for label, value in pairs:
        key = META_LABELS.get(label)
        if key and value and clean_label(value) not in META_LABELS and key not in meta:
            meta[key] = value
    return meta


def is_info_line(text: str) -> bool:
    """Whether a line is only page information: label/value pairs, a date, counters, print/close buttons.

    "来源：新华社 2024-03-12 16:28 【字号：大 中 小】【打印】" is; a sentence that
    happens to hold a colon is not.
    """
    text = normalize_space(text)
    if not text or len(text) > 160:
        return False
    matches = list(_PAIR_RE.finditer(text))
    rest = _PAIR_RE.sub("", text)
    if matches:
        labels = [clean_label(m.group(1)) for m in matches]
        # Each value must be short (a name, a date, a number), not a sentence.
        values = [v for _label, v in label_pairs(text)]
        if any(len(v) > 60 or "。" in v for v in values):
            return False
        return bool(labels)
    # A bare date is the page's when written the web's way (2024-01-31, with a time); a document
    # ends with its own date written 二〇二四年一月三十一日 or 2024年1月31日.
    date = _DATE_RE.search(text)
    if date is None or ("年" in date.group(0) and not date.group(4)):
        return False
    rest = _DATE_RE.sub("", rest)
    return len(text) <= 40 and not _FURNITURE_WORDS_RE.sub("", rest)


def date_in(text: str) -> str:
    """The first date (and time) in a text, as written (``2024-01-31 17:01``), or ''."""
    match = _DATE_RE.search(text)
    return normalize_space(match.group(0)) if match else ""


# Head tags, in order of preference per key.
_HEAD_TAGS = {
    "title": ("ArticleTitle", "og:title", "dc.title"),
    "published": ("PubDate", "publishdate", "pubdate", "firstpublishedtime", "article:published_time", "dc.date"),
    "source_org": ("ContentSource", "source", "dc.source"),
    "author": ("Author", "dc.creator"),
    "keywords": ("Keywords",),
    "description": ("Description", "og:description"),
    "url": ("Url", "og:url"),
    "site": ("SiteName", "og:site_name"),
}


def head_tags(metas: list[HtmlElement]) -> dict[str, list[tuple[int, str]]]:
    """Every non-empty ``<meta name|property=…>``: lower-cased name → [(position, plain value)]."""
    found: dict[str, list[tuple[int, str]]] = {}
    for position, tag in enumerate(metas):
        name = (tag.get("name") or tag.get("property") or "").strip().lower()
        value = plain(tag.get("content") or "")
        if name and value:
            found.setdefault(name, []).append((position, value))
    return found


def head_metadata(metas: list[HtmlElement], body_text: str) -> dict[str, str]:
    """What the head tags say about the article.

    Keywords and descriptions are kept only when they belong to this article — a
    site-wide description (the portal's blurb, repeated on every page) shares nothing
    with the body, the article's own summary does.
    """
    tags = head_tags(metas)
    meta: dict[str, str] = {}
    for key, names in _HEAD_TAGS.items():
        for name in names:
            values = tags.get(name.lower())
            if not values:
                continue
            if key in ("keywords", "description"):
                # The last article-level one: CMSs put the site's tags first and the article's after.
                fitting = [v for _p, v in values if _belongs_to(v, body_text, key)]
                if fitting:
                    meta[key] = fitting[-1]
                    break
                continue
            value = values[0][1]
            if key == "published":
                value = re.sub(r"^(\d{4}-\d{2}-\d{2})[-T ](\d{2}:\d{2}(?::\d{2})?).*$", r"\1 \2", value)
            meta[key] = value
            break
    return meta


def _belongs_to(value: str, body_text: str, key: str) -> bool:
    if not body_text:
        return False
    if key == "keywords":
        terms = [t for t in re.split(r"[,，;；、\s]+", value) if t]
        return bool(terms) and sum(t in body_text for t in terms) * 2 >= len(terms)
    probe = re.sub(r"\s+", "", value)[:12]
    return len(probe) >= 6 and probe in re.sub(r"\s+", "", body_text)


def table_metadata(table: HtmlElement) -> tuple[dict[str, str], str]:
    """Metadata and title from a table of label cells and value cells (any layout of pairs).

    Returns:
        The metadata, and the title when a 标题/名称 row holds one.
    """
    meta: dict[str, str] = {}
    title = ""
    cells = [c for c in table.iter("th", "td") if c.find(".//table") is None]
    for index, cell in enumerate(cells):
        text = normalize_space(_cell_text(cell))
        pairs = label_pairs(text)
        if pairs and pairs[0][1]:  # "索引号：000014349/2024-792209" in one cell
            for label, value in pairs:
                if label in TITLE_LABELS:
                    title = title or value
            for key, value in pairs_to_meta(pairs).items():
                meta.setdefault(key, value)
            continue
        label = clean_label(text)
        if index + 1 >= len(cells) or (label not in META_LABELS and label not in TITLE_LABELS):
            continue
        value = plain(_cell_text(cells[index + 1]))
        if not value or clean_label(value) in META_LABELS or clean_label(value) in TITLE_LABELS:
            continue
        if label in TITLE_LABELS:
            title = title or value
        else:
            meta.setdefault(META_LABELS[label], value)
    return meta, title


def _cell_text(cell: HtmlElement) -> str:
    return str(cell.text_content())


def is_metadata_table(table: HtmlElement) -> bool:
    """A table whose cells are mostly labels and values (at least two known labels)."""
    labels = 0
    for cell in table.iter("th", "td"):
        text = normalize_space(_cell_text(cell))
        if len(text) > 40:
            continue
        label = clean_label(text)
        pairs = label_pairs(text)
        if label in META_LABELS or label in TITLE_LABELS or (pairs and pairs[0][0] in META_LABELS):
            labels += 1
    return labels >= 2
