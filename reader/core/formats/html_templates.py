"""Known CMS templates: where their body is, and what only they say.

A template only proposes: ``html_page`` checks its body against the best block a
template-free scorer finds, and metadata is read from the whole page by label
(``html_meta``), so two pages of one site are read alike whether or not a template
recognises them. Order matters: the most specific template is tried first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from reader.core.formats.html_meta import head_tags
from reader.core.formats.html_tree import PageIndex


@dataclass
class TemplateMatch:
    """Where a template keeps its parts.

    Attributes:
        name: Template name (for diagnostics and tests).
        body: Elements holding the body text, in order.
        title: Title text found by the template ('' when it has none).
        meta: Metadata only this template knows how to read.
    """

    name: str
    body: list[HtmlElement]
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)


def _text(element: HtmlElement | None) -> str:
    return element.text_content() if element is not None else ""


def _hanweb(page: PageIndex) -> TemplateMatch | None:
    """Hanweb/大汉 jcms article page like the seed: ``div#zoom``, ``td.wzbt`` or ``table.xxgk``."""
    zoom = page.id("zoom")
    title_cell = page.cls("wzbt")
    if zoom is None or (title_cell is None and page.cls("xxgk", "table") is None):
        return None
    return TemplateMatch("hanweb", [zoom], _text(title_cell))


def _hanweb_old(page: PageIndex) -> TemplateMatch | None:
    """Older Hanweb template: ``<meta name=ContentStart>``/``ContentEnd`` markers, ``p.con-title``."""
    start = next((m for m in page.tags("meta") if m.get("name") == "ContentStart"), None)
    title_tag = page.cls("con-title")
    if start is None and title_tag is None:
        return None
    body = _between_markers(start) if start is not None else page.id("zoom")
    if body is None:
        return None
    site = head_tags(page.tags("meta")).get("sitename")
    meta = {"issuer": site[0][1]} if site else {}
    return TemplateMatch("hanweb-old", [body], _text(title_tag), meta)


def _between_markers(start: HtmlElement) -> HtmlElement | None:
    """Wrap the content between ``<meta name=ContentStart>`` and ``ContentEnd`` in one element, in place."""
    from lxml.html import Element

    container = Element("div")
    following = list(start.itersiblings())
    container.text = start.tail
    start.tail = None
    start.addnext(container)  # where the markers were: the page around it stays as it is
    for sibling in following:
        if sibling.tag == "meta" and sibling.get("name") == "ContentEnd":
            break
        container.append(sibling)  # moves it (with its tail)
    return container if len(container) or (container.text or "").strip() else start.getparent()


def _govcn_policy(page: PageIndex) -> TemplateMatch | None:
    """gov.cn 国务院文件 page: ``table.bd1`` metadata, body in ``#UCAP-CONTENT``."""
    body = page.id("UCAP-CONTENT")
    if body is None or not page.all_cls("bd1", "table"):
        return None
    return TemplateMatch("govcn-policy", [body])


def _govcn_gongbao(page: PageIndex) -> TemplateMatch | None:
    """gov.cn 国务院公报 template: ``div.pages_content``; the issue number in ``<meta name=lanmu>``."""
    body = page.cls("pages_content", "div")
    if body is None:
        return None
    lanmu = head_tags(page.tags("meta")).get("lanmu")
    return TemplateMatch("govcn-gongbao", [body], meta={"source_org": f"国务院公报{lanmu[0][1]}"} if lanmu else {})


def _trs(page: PageIndex) -> TemplateMatch | None:
    """TRS WCM article page: body in ``div.TRS_Editor`` (or a TRS_UEDITOR body), title in an ``h2``."""
    body = page.cls("TRS_Editor", "div")
    if body is None:
        body = page.cls("TRS_UEDITOR", "div")
    if body is None:
        return None
    title_box = page.cls("detail-article-title")
    heading = title_box.find(".//h2") if title_box is not None else None
    return TemplateMatch("trs", [body], _text(heading))


TEMPLATES: tuple[Callable[[PageIndex], TemplateMatch | None], ...] = (
    _hanweb,
    _govcn_policy,
    _govcn_gongbao,
    _trs,
    _hanweb_old,
)

_URL_RE = re.compile(r"^https?://", re.IGNORECASE)


def match_template(page: PageIndex) -> TemplateMatch | None:
    """Return the first template that recognises the page, or None."""
    for template in TEMPLATES:
        found = template(page)
        if found is not None:
            return found
    return None


def page_url(page: PageIndex) -> str:
    """The page's public address, when the page names it absolutely."""
    tags = head_tags(page.tags("meta"))
    for name in ("url", "og:url"):
        for _position, value in tags.get(name, ()):
            if _URL_RE.match(value):
                return value
    canonical = next((link.get("href") for link in page.tags("link") if link.get("rel") == "canonical"), "")
    return canonical if canonical and _URL_RE.match(canonical) else ""
