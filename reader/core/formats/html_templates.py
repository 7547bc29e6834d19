"""Template-specific extractors for government web pages.

Each extractor recognises one CMS template and returns where the body is, the
title and the metadata. The generic extractor in ``html_generic`` handles the
rest. Order matters: the most specific template is tried first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from reader.core.text_utils import normalize_space

# Labels seen in metadata tables, mapped to the stable JSON keys.
META_LABELS = {
    "索引号": "index_no",
    "主题分类": "category",
    "发布机构": "issuer",
    "发文机关": "issuer",
    "成文日期": "written_date",
    "发布日期": "published",
    "日期": "published",
    "时间": "published",
    "发表时间": "published",
    "来源": "source_org",
    "信息来源": "source_org",
    "发文字号": "doc_no",
    "文号": "doc_no",
    "主题词": "keywords",
}
_LABEL_SPACE_RE = re.compile(r"[\s\u3000\u00a0]+")
_TITLE_SPLIT_RE = re.compile(r"\s*(?:__|_|\||－|—|-)\s*")


@dataclass
class TemplateMatch:
    """Where a template keeps its parts.

    Attributes:
        name: Template name (for diagnostics and tests).
        body: Elements holding the body text, in order.
        title: Title text found by the template.
        meta: Metadata by stable key.
        url: The page's public address when the page names it.

    """

    name: str
    body: list[Tag]
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    url: str = ""


def clean_label(label: str) -> str:
    """Strip spaces and the trailing colon from a metadata label (``索 引 号：``)."""
    return _LABEL_SPACE_RE.sub("", label).rstrip(":：")


def split_label_value(text: str) -> tuple[str, str] | None:
    """Split ``日期：2024-01-31`` into ``("日期", "2024-01-31")``."""
    text = normalize_space(text)
    for colon in ("：", ":"):
        if colon in text:
            label, value = text.split(colon, 1)
            return clean_label(label), normalize_space(value)
    return None


def clean_title(text: str) -> str:
    """Normalise a title: collapse spaces, drop spaces wedged between CJK characters."""
    text = normalize_space(text).replace("\u3000", " ")
    return re.sub(r"(?<=[\u4e00-\u9fff\d）】])\s+(?=[\u4e00-\u9fff\d（【])", "", text)


def head_meta(soup: BeautifulSoup, *names: str) -> str:
    """Value of the first non-empty ``<meta name=...>`` among ``names`` (case-insensitive)."""
    wanted = [n.lower() for n in names]
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("name") or tag.get("property") or "").lower()
        if key in wanted and key not in found and (tag.get("content") or "").strip():
            found[key] = normalize_space(tag["content"])
    return next((found[n] for n in wanted if n in found), "")


def page_title(soup: BeautifulSoup) -> str:
    """The ``<title>`` without the site name that CMSs append after ``_`` or ``|``."""
    if soup.title is None or not soup.title.get_text(strip=True):
        return ""
    parts = [p for p in _TITLE_SPLIT_RE.split(soup.title.get_text()) if p.strip()]
    return clean_title(parts[0]) if parts else ""


def _meta_from_label_cells(cells: list[Tag]) -> dict[str, str]:
    """Read label/value pairs from cells laid out ``label value label value``."""
    meta: dict[str, str] = {}
    for index, cell in enumerate(cells[:-1]):
        key = META_LABELS.get(clean_label(cell.get_text()))
        if key and key not in meta:
            value = normalize_space(cells[index + 1].get_text())
            if value and clean_label(value) not in META_LABELS:
                meta[key] = value
    return meta


def _hanweb(soup: BeautifulSoup) -> TemplateMatch | None:
    """Hanweb/大汉 jcms article page like the seed: ``table.xxgk``, ``td.wzbt``, ``div#zoom``."""
    zoom = soup.find(id="zoom")
    title_cell = soup.find(class_="wzbt")
    if zoom is None or (title_cell is None and soup.find("table", class_="xxgk") is None):
        return None
    meta: dict[str, str] = {}
    table = soup.find("table", class_="xxgk") or soup.find("table", class_="xxgk1")
    if table is not None:
        meta.update(_meta_from_label_cells(table.find_all(["th", "td"])))
    for item in soup.find_all("li"):
        pair = split_label_value(item.get_text())
        if pair and pair[0] in ("日期", "来源") and pair[1]:
            meta.setdefault(META_LABELS[pair[0]], pair[1])
    title = clean_title(title_cell.get_text()) if title_cell else head_meta(soup, "ArticleTitle")
    return TemplateMatch("hanweb", [zoom], title, meta, head_meta(soup, "url"))


def _hanweb_old(soup: BeautifulSoup) -> TemplateMatch | None:
    """Older Hanweb template: ``ContentStart``/``ContentEnd`` markers, ``p.con-title``."""
    start = soup.find("meta", attrs={"name": "ContentStart"})
    title_tag = soup.find(class_="con-title")
    if start is None and title_tag is None:
        return None
    body = _between_markers(start) if start is not None else soup.find(id="zoom")
    if body is None:
        return None
    meta: dict[str, str] = {}
    info = soup.find(class_="small-title")
    if info is not None:
        for span in info.find_all("span"):
            pair = split_label_value(span.get_text())
            if pair and pair[0] in META_LABELS and pair[1]:
                meta.setdefault(META_LABELS[pair[0]], pair[1])
    if "published" not in meta and head_meta(soup, "PubDate"):
        meta["published"] = head_meta(soup, "PubDate")
    if "source_org" not in meta and head_meta(soup, "contentSource"):
        meta["source_org"] = head_meta(soup, "contentSource")
    site = head_meta(soup, "SiteName")
    if site:
        meta.setdefault("issuer", site)
    title = clean_title(title_tag.get_text()) if title_tag else head_meta(soup, "ArticleTitle")
    return TemplateMatch("hanweb-old", [body], title or page_title(soup), meta, head_meta(soup, "url"))


def _between_markers(start: Tag) -> Tag | None:
    """Gather the siblings between ``<meta name=ContentStart>`` and ``ContentEnd``."""
    container = BeautifulSoup("<div></div>", "lxml").div
    for sibling in list(start.next_siblings):
        if isinstance(sibling, Tag) and sibling.name == "meta" and sibling.get("name") == "ContentEnd":
            break
        container.append(sibling.extract())
    return container if container.contents else start.parent


def _govcn_policy(soup: BeautifulSoup) -> TemplateMatch | None:
    """gov.cn 国务院文件 page: ``table.bd1`` metadata, body in ``#UCAP-CONTENT``."""
    tables = soup.find_all("table", class_="bd1")
    body = soup.find(id="UCAP-CONTENT")
    if not tables or body is None:
        return None
    meta: dict[str, str] = {}
    title = ""
    for table in tables:
        cells = table.find_all("td")
        meta.update({k: v for k, v in _meta_from_label_cells(cells).items() if k not in meta})
        for index, cell in enumerate(cells[:-1]):
            if clean_label(cell.get_text()) == "标题":
                title = clean_title(cells[index + 1].get_text())
    return TemplateMatch("govcn-policy", [body], title or page_title(soup), meta, head_meta(soup, "url"))


def _govcn_gongbao(soup: BeautifulSoup) -> TemplateMatch | None:
    """gov.cn 国务院公报 template: ``div.pages_content``."""
    body = soup.find("div", class_="pages_content")
    if body is None:
        return None
    meta: dict[str, str] = {}
    published = head_meta(soup, "firstpublishedtime")
    if published:
        meta["published"] = re.sub(r"-(\d\d:\d\d:\d\d)$", r" \1", published)
    lanmu = head_meta(soup, "lanmu")
    if lanmu:
        meta["source_org"] = f"国务院公报{lanmu}"
    return TemplateMatch("govcn-gongbao", [body], page_title(soup), meta, head_meta(soup, "url"))


def _trs(soup: BeautifulSoup) -> TemplateMatch | None:
    """TRS WCM article page: body in ``div.TRS_Editor``."""
    body = soup.find("div", class_="TRS_Editor")
    if body is None:
        return None
    title = head_meta(soup, "ArticleTitle")
    title_box = soup.find(class_="detail-article-title")
    if not title and title_box is not None and title_box.find("h2"):
        title = title_box.find("h2").get_text()
    meta: dict[str, str] = {}
    for span in soup.select(".detail-article-infos span, .article-infos-source span"):
        pair = split_label_value(span.get_text())
        if pair and pair[0] in META_LABELS and pair[1]:
            meta.setdefault(META_LABELS[pair[0]], pair[1])
    for key, names in (("published", ("PubDate",)), ("source_org", ("ContentSource", "contentSource"))):
        if key not in meta and head_meta(soup, *names):
            meta[key] = head_meta(soup, *names)
    url = head_meta(soup, "Url", "url")
    return TemplateMatch(
        "trs", [body], clean_title(title) or page_title(soup), meta, url if url.startswith("http") else ""
    )


TEMPLATES: tuple[Callable[[BeautifulSoup], TemplateMatch | None], ...] = (
    _hanweb,
    _govcn_policy,
    _govcn_gongbao,
    _trs,
    _hanweb_old,
)


def match_template(soup: BeautifulSoup) -> TemplateMatch | None:
    """Return the first template that recognises the page, or None."""
    for template in TEMPLATES:
        found = template(soup)
        if found is not None:
            return found
    return None
