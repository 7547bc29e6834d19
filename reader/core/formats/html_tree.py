"""Parse a page into an lxml tree, and the small questions every page reader asks of an element.

lxml builds the tree in C (a 300 KB page in ~4 ms, about a tenth of what
BeautifulSoup takes on top of the same parser), and its trees have no recursion
limit on the Python side, so the rest of the HTML reader can afford to look at the
whole page: metadata anywhere, candidate bodies, hidden copies.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from reader.core.errors import NoBodyTextError

# Content that is never text to read.
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head")
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# libxml2 stops reading at </html>; saved pages carry stray ones (an included header's), so they go.
_DOCUMENT_END_RE = re.compile(r"</\s*(?:html|body)\s*>", re.IGNORECASE)
# Characters XML (and so lxml) refuses anywhere in text; a page may hold a stray one.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_INLINE_TAG_RE = re.compile(r"</?(?:span|font|a|em|i|u|s|small|big|sub|sup|label|abbr|strong|b)(?:\s[^>]*)?>", re.I)
_ANY_TAG_RE = re.compile(r"<(?!/?(?:p|br|div|table|tr|td|th|h[1-6])\b)[^>]*>", re.IGNORECASE)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HIDING_CLASS_RE = re.compile(
    r"(?:^|\s)(?:ng-hide|ng-cloak|d-none|hidden|hide|invisible|sr-only|visually-hidden|screen-reader-text|"
    r"element-invisible)(?:\s|$)",
    re.IGNORECASE,
)


def _parse(text: str) -> tuple[HtmlElement, bool]:
    parser = HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    root = document_fromstring(text, parser=parser)
    too_deep = any("depth" in str(error.message).lower() for error in parser.error_log)
    return root, too_deep


def parse_tree(text: str) -> HtmlElement:
    """The page's element tree.

    libxml2 gives up on elements nested more than 2,048 deep (sloppy pages leave
    thousands of ``<span>``/``<font>`` unclosed); such a page is parsed again with
    its inline formatting tags removed, then, if need be, with only its paragraph
    structure kept, so the text survives.

    Raises:
        NoBodyTextError: Nothing parseable.
    """
    text = _CONTROL_RE.sub(" ", _DOCUMENT_END_RE.sub("", _XML_DECLARATION_RE.sub("", text, count=1)))
    try:
        root, too_deep = _parse(text)
        if too_deep:
            root, too_deep = _parse(_INLINE_TAG_RE.sub("", text))
        if too_deep:
            root, _too_deep = _parse(_ANY_TAG_RE.sub("", _INLINE_TAG_RE.sub("", text)))
    except (etree.ParserError, ValueError) as error:
        raise NoBodyTextError(f"the page cannot be parsed ({error})") from None
    return root


def head_of(root: HtmlElement) -> HtmlElement | None:
    """The ``<head>`` element, if the page has one."""
    return root.find("head")


def drop_unreadable(root: HtmlElement) -> None:
    """Remove scripts, styles and other non-text content (keeping the text that follows them)."""
    for element in list(root.iter(*DROP_TAGS)):
        if element.tag == "head":
            continue
        element.drop_tree()


def classes(element: HtmlElement) -> str:
    """The element's class and id, as one lower-case string of names."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip().lower()


def is_hidden(element: HtmlElement) -> bool:
    """Whether a reader of the page never sees the element.

    Hidden by an inline style, the ``hidden`` attribute, ``aria-hidden``, a class that
    hides (Angular's ``ng-hide``, Bootstrap's ``d-none``, the screen-reader-only copies
    of menus), or an unrendered template (``{{item.title}}``): all decided before any
    scoring, so a hidden disclaimer can never win as the body.
    """
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    names = element.get("class")
    if names and _HIDING_CLASS_RE.search(names):
        return True
    text = element.text
    if text and "{{" in text and "}}" in text:
        return True
    style = element.get("style")
    return style is not None and ("none" in style or "hidden" in style) and bool(_HIDDEN_STYLE_RE.search(style))


def own_text(element: HtmlElement) -> str:
    """The text directly inside an element (its own text and its children's tails)."""
    parts = [element.text or ""]
    parts.extend(child.tail or "" for child in element)
    return "".join(parts)


def visible_text(element: HtmlElement) -> str:
    """All text under an element except what hidden descendants hold."""
    if not any(is_hidden(e) for e in element.iter()):
        return str(element.text_content())
    parts: list[str] = []
    stack: list[Any] = [(element, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            parts.append(node.tail or "")
            continue
        if not isinstance(node.tag, str):
            continue
        if node is not element and is_hidden(node):
            continue
        parts.append(node.text or "")
        for child in reversed(node):
            stack.append((child, True))
            stack.append((child, False))
    return "".join(parts)


class PageIndex:
    """Elements by id and by class name, from one pass over the tree (templates look things up here)."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.by_id: dict[str, HtmlElement] = {}
        self.by_class: dict[str, list[HtmlElement]] = {}
        self.by_tag: dict[str, list[HtmlElement]] = {}
        for element in root.iter():
            tag = element.tag
            if not isinstance(tag, str):
                continue
            self.by_tag.setdefault(tag, []).append(element)
            ident = element.get("id")
            if ident and ident not in self.by_id:
                self.by_id[ident] = element
            for name in (element.get("class") or "").split():
                self.by_class.setdefault(name, []).append(element)

    def id(self, ident: str) -> HtmlElement | None:
        """The first element with this id."""
        return self.by_id.get(ident)

    def cls(self, name: str, tag: str | None = None) -> HtmlElement | None:
        """The first element with this class name (and tag)."""
        return next((e for e in self.by_class.get(name, ()) if tag is None or e.tag == tag), None)

    def all_cls(self, name: str, tag: str | None = None) -> list[HtmlElement]:
        """Every element with this class name (and tag), in document order."""
        return [e for e in self.by_class.get(name, ()) if tag is None or e.tag == tag]

    def tags(self, *names: str) -> list[HtmlElement]:
        """Every element with one of these tag names (each name's elements in document order)."""
        return [e for name in names for e in self.by_tag.get(name, ())]
