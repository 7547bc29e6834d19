"""Find the main text block of a page no template knows.

A readability-style scorer: every text-bearing block scores by its length and
Chinese punctuation, passes the score to its parent (and half to its
grandparent), and the best-scoring container wins. Elements whose class or id
names page chrome (navigation, breadcrumbs, share bars, footers) are skipped.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from reader.core.formats.html_blocks import SKIP_TAGS, is_hidden
from reader.core.formats.html_templates import clean_title, head_meta, page_title

_CHROME_RE = re.compile(
    r"nav|menu|breadcrumb|crumb|share|footer|foot|header|topbar|toolbar|sidebar|side-bar|"
    r"related|xg-?list|recommend|print|comment|copyright|location|position|login|search|"
    r"banner|qrcode|ewm|weixin|wechat|weibo|pagination|page-?box|pager|zoom-?btn|font-?size",
    re.IGNORECASE,
)
_CHROME_TAGS = frozenset(("nav", "footer", "header", "aside", "form"))
_SCORED_TAGS = ("p", "div", "td", "section", "article", "li", "span", "font")
_CONTAINER_TAGS = frozenset(("div", "td", "article", "section", "main", "body"))


def is_chrome(tag: Tag) -> bool:
    """Whether an element looks like page chrome by tag, class or id."""
    if tag.name in _CHROME_TAGS:
        return True
    names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
    return bool(names.strip()) and bool(_CHROME_RE.search(names))


def _own_text(tag: Tag) -> str:
    return "".join(str(s) for s in tag.find_all(string=True, recursive=False))


def _link_density(tag: Tag) -> float:
    text_length = len(tag.get_text(strip=True)) or 1
    link_length = sum(len(a.get_text(strip=True)) for a in tag.find_all("a"))
    return link_length / text_length


def _excluded(tag: Tag) -> bool:
    for node in [tag, *tag.parents]:
        if not isinstance(node, Tag) or node.name in ("[document]", "html", "body"):
            continue
        if node.name in SKIP_TAGS or is_hidden(node) or is_chrome(node):
            return True
    return False


def find_main_block(soup: BeautifulSoup) -> Tag | None:
    """Return the element that most likely holds the article text."""
    scores: dict[int, float] = {}
    elements: dict[int, Tag] = {}
    for block in soup.find_all(_SCORED_TAGS):
        text = _own_text(block).strip()
        if len(text) < 20 or _excluded(block):
            continue
        score = 1 + text.count("，") + text.count("。") * 2 + text.count(",") + min(len(text) / 80, 4)
        parent = block if block.name in _CONTAINER_TAGS else block.parent
        for weight, ancestor in ((1.0, parent), (0.5, parent.parent if parent else None)):
            while ancestor is not None and ancestor.name not in _CONTAINER_TAGS:
                ancestor = ancestor.parent
            if ancestor is None:
                continue
            scores[id(ancestor)] = scores.get(id(ancestor), 0.0) + score * weight
            elements[id(ancestor)] = ancestor
    if not scores:
        return soup.body
    ranked = sorted(scores, key=lambda key: scores[key] * (1 - _link_density(elements[key])), reverse=True)
    return elements[ranked[0]]


def generic_title(soup: BeautifulSoup, body: Tag | None) -> str:
    """Title of an unknown page: meta tags, then ``<h1>``, then ``<title>``."""
    for candidate in (head_meta(soup, "ArticleTitle", "og:title", "title"),):
        if candidate:
            return clean_title(candidate)
    for heading in soup.find_all(["h1", "h2"]):
        if not _excluded(heading) and heading.get_text(strip=True):
            return clean_title(heading.get_text())
    return page_title(soup)
