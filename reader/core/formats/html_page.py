"""Parse a saved government web page into a ``RawDocument``."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from reader.core.errors import NoBodyTextError
from reader.core.formats.html_blocks import BlockWalker
from reader.core.formats.html_generic import find_main_block, generic_title, is_chrome
from reader.core.formats.html_templates import match_template
from reader.core.formats.raw import RawDocument, RawParagraph

# Widgets some templates put inside the body container.
_WIDGET_CLASS_RE = re.compile(r"^(yybb|bdsharebuttonbox|share.*|print.*|fontzoom)$", re.IGNORECASE)
# Lines that are page furniture even when they sit inside the body container.
_FURNITURE_RE = re.compile(
    r"^(【?(打印|关闭|关闭窗口|打印本页|字体|字号)[】：:]?.{0,12}|扫一扫在手机打开当前页|分享到?[:：]?)$"
)


def _is_widget(tag: Tag) -> bool:
    return any(_WIDGET_CLASS_RE.match(name) for name in tag.get("class") or [])


def looks_like_html(text: str) -> bool:
    """Whether text is markup rather than a plain-text report."""
    head = text[:4096].lower()
    return bool(re.search(r"<(html|body|div|p|table|meta|head|!doctype)[\s>/]", head))


def parse_html(text: str) -> RawDocument:
    """Extract title, metadata and body paragraphs from a page.

    Args:
        text: The decoded page.

    Returns:
        The raw document.

    Raises:
        NoBodyTextError: Nothing readable was found.

    """
    soup = BeautifulSoup(text, "lxml")
    match = match_template(soup)
    if match is not None:
        walker = BlockWalker(skip=_is_widget)
        paragraphs = [p for body in match.body for p in walker.walk(body)]
        title, meta, url = match.title, match.meta, match.url
    else:
        body = find_main_block(soup)
        paragraphs = BlockWalker(skip=lambda tag: is_chrome(tag) or _is_widget(tag)).walk(body) if body else []
        title, meta, url = generic_title(soup, body), {}, ""
    paragraphs = [p for p in paragraphs if not _FURNITURE_RE.match(p.text)]
    if not any(_has_words(p) for p in paragraphs):
        raise NoBodyTextError("the page has no readable body text")
    if not title:
        title = paragraphs[0].text[:60]
    return RawDocument(title=title, meta=meta, paragraphs=paragraphs, url=url)


def _has_words(paragraph: RawParagraph) -> bool:
    return sum(1 for ch in paragraph.text if ch.isalnum()) >= 2
