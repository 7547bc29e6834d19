"""Parse a saved government web page into a ``RawDocument``.

The steps, each in its own module:

1. ``html_tree``: the element tree (lxml), scripts and styles dropped.
2. ``html_templates`` proposes a body for known CMS templates; ``html_body`` scores
   every block of the page and keeps the template's body only if it fits.
3. ``html_meta``: metadata from labelled tables (anywhere; a table inside the body is
   taken out of it), the info lines around the body, the template, the head tags.
4. ``html_blocks`` cuts the body into paragraphs; ``html_chrome`` takes page furniture
   off its edges and marks image captions.
5. The title: the page's own heading, else what the template, the metadata table or
   the head tags say, else ``<title>`` without the site's name.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.errors import InputTooLargeError, NoBodyTextError
from reader.core.formats.html_blocks import BlockWalker
from reader.core.formats.html_body import BodyFinder, is_chrome, word_count
from reader.core.formats.html_chrome import drop_pagers, mark_captions, split_edges
from reader.core.formats.html_meta import (
    boundary_text,
    date_in,
    head_metadata,
    is_info_line,
    is_metadata_table,
    label_pairs,
    pairs_to_meta,
    plain,
    table_metadata,
)
from reader.core.formats.html_templates import match_template, page_url
from reader.core.formats.html_tree import PageIndex, classes, drop_unreadable, parse_tree
from reader.core.formats.raw import RawDocument, RawParagraph
from reader.core.text_utils import clean_title, normalize_space

# Widgets some templates put inside the body container.
_WIDGET_CLASS_RE = re.compile(r"^(yybb|bdsharebuttonbox|share.*|print.*|fontzoom)$", re.IGNORECASE)
# Lines that are page furniture even in the middle of a body container.
_FURNITURE_RE = re.compile(
    r"^(【?(打印|关闭|关闭窗口|打印本页|字体|字号)[】：:]?.{0,12}|扫一扫在手机打开当前页|分享到?[:：]?)$"
)
_TITLE_CLASS_RE = re.compile(r"(^|[\s_-])(title|tit|bt|wzbt|biaoti|headline|subject|article-title|arc-title)", re.I)
_SITE_NAME_RE = re.compile(r"(人民政府|政府网|门户网站?|网站|官网|平台|首页)$")
_TITLE_SEPARATOR_RE = re.compile(r"\s*(?:__|_|\||｜|－| - | — )\s*")
# Where a site may have appended its own or a column's name to a <title> (kept in the split).
_WINDOW_SEPARATOR_RE = re.compile(r"(\s*(?:__|_|\||｜|－|-|—|--)\s*)")
_BYLINE_RE = re.compile(
    r"(?:来源|作者|发布时间|发布日期|发文日期|发稿时间|时间|日期|浏览次数|点击数|阅读次数|访问量|字号|责任编辑|编辑)\s*[:：]"
)
_INFO_SCAN_LIMIT = 160
# Real report and policy pages hold a few thousand tags; the largest (a law with its tables)
# some tens of thousands. A page beyond this is refused with a message, not parsed for minutes.
MAX_TAGS = 400_000
_ARTICLE_BOX_LEVELS = 4
_INFO_SIBLINGS = 3


def _is_widget(element: HtmlElement) -> bool:
    return any(_WIDGET_CLASS_RE.match(name) for name in (element.get("class") or "").split())


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
    tags = text.count("<")
    if tags > MAX_TAGS:  # refused before lxml builds a tree of millions of elements (seconds and GBs)
        raise InputTooLargeError(
            f"the page holds {tags:,} tags, more than {MAX_TAGS:,}: too much markup to be one document"
        )
    root = parse_tree(text)
    drop_unreadable(root)
    page = PageIndex(root)
    match = match_template(page)
    finder = BodyFinder(root)
    bodies = finder.choose(match.body if match else [])
    if not bodies:
        raise NoBodyTextError("the page has no readable body text")
    from_template = match is not None and bodies == match.body
    table_meta, table_title = _tables_metadata(page, bodies)
    skip = _is_widget if from_template else (lambda e: is_chrome(e) or _is_widget(e))
    walker = BlockWalker(skip=skip)
    paragraphs = [p for body in bodies for p in walker.walk(body)]
    paragraphs = [p for p in paragraphs if p.cells or not _FURNITURE_RE.match(p.text)]
    paragraphs, pages = drop_pagers(paragraphs)
    paragraphs, edge_meta = split_edges(paragraphs)
    mark_captions(paragraphs)
    if not any(_has_words(p) for p in paragraphs):
        raise NoBodyTextError("the page has no readable body text")
    body_text = "".join(p.text for p in paragraphs)
    meta = dict(table_meta)
    rejected = match.body if match is not None and not from_template else []
    for found in (_info_around(bodies, finder, rejected), edge_meta, match.meta if match else {}):
        for key, value in found.items():
            meta.setdefault(key, value)
    head = head_metadata(page.tags("meta"), body_text)
    for key in ("published", "source_org", "author", "keywords", "description"):
        if head.get(key):
            meta.setdefault(key, head[key])
    stated = [match.title if match else "", table_title, head.get("title", "")]
    title, byline = _title(page, bodies, finder, stated, body_text)
    for key, value in byline.items():
        meta.setdefault(key, value)
    if not title:
        title = paragraphs[0].text[:60]
    attachments = _attachments(bodies)
    raw = RawDocument(title=title, meta=meta, paragraphs=paragraphs, url=page_url(page), attachments=attachments)
    if pages:
        raw.notes.append(f"this is page {pages[0]} of {pages[1]} of the article; the other pages are not in this file")
        raw.continuations = _continuations(root)
    return raw


_CONTINUATION_RE = re.compile(
    r"(?:_(\d{1,3})\.(?:s?html?|jsp|php|aspx?)|[?&](?:page|pageno|p|pn)=(\d{1,3}))(?:$|[&#])", re.I
)


def _continuations(root: HtmlElement) -> list[str]:
    """The pager's links to the article's pages 2, 3, … (``…_2.html``, ``?page=2``), once each, by number."""
    found: dict[int, str] = {}
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        match = _CONTINUATION_RE.search(href)
        if match is None:
            continue
        number = int(match.group(1) or match.group(2))
        if number >= 2 and number not in found:
            found[number] = href
    return [found[number] for number in sorted(found)]


def _attachments(bodies: list[HtmlElement]) -> list[tuple[str, str]]:
    """Links from the article to documents (PDF, Word, OFD), once each, in page order.

    The article's own box is searched, not only the body: the 附件 list often sits just under it.
    """
    from reader.core.formats.registry import FORMATS

    suffixes = tuple(suffix for fmt in FORMATS if fmt.binary for suffix in fmt.suffixes)
    scope = _article_box(bodies)
    containers = [scope] if scope is not None else bodies
    found: dict[str, str] = {}
    for container in containers:
        for link in container.iter("a"):
            href = (link.get("href") or "").strip()
            path = href.split("?", 1)[0].split("#", 1)[0].lower()
            if not href or not path.endswith(suffixes) or href in found:
                continue
            text = re.sub(r"\s+", " ", link.text_content() or "").strip()
            found[href] = text or path.rsplit("/", 1)[-1]
    return [(title, href) for href, title in found.items()]


def _has_words(paragraph: RawParagraph) -> bool:
    return sum(1 for ch in paragraph.text if ch.isalnum()) >= 2


# Metadata ---------------------------------------------------------------------------------
def _tables_metadata(page: PageIndex, bodies: list[HtmlElement]) -> tuple[dict[str, str], str]:
    """Metadata tables anywhere on the page; one inside the body is read and taken out of it."""
    meta: dict[str, str] = {}
    title = ""
    for table in page.tags("table"):
        if table.getparent() is None or not is_metadata_table(table):
            continue
        found, found_title = table_metadata(table)
        for key, value in found.items():
            meta.setdefault(key, value)
        title = title or found_title
        if any(_inside(table, body) for body in bodies):
            table.drop_tree()
    return meta, title


def _inside(element: HtmlElement, container: HtmlElement) -> bool:
    return element is container or any(ancestor is container for ancestor in element.iterancestors())


def _article_box(bodies: list[HtmlElement]) -> HtmlElement | None:
    """The element around the body that also holds its title and info bar (a few levels up)."""
    box = bodies[0]
    for _level in range(_ARTICLE_BOX_LEVELS):
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        box = parent
    return box


def _info_around(bodies: list[HtmlElement], finder: BodyFinder, rejected: list[HtmlElement]) -> dict[str, str]:
    """Metadata from the info lines around the body ("来源：… 发布时间：…"), nearest first.

    Looked for in the article box, in the few elements just before it, and in a template
    container that turned out not to hold the body (such a container is often the info bar).
    """
    box = _article_box(bodies)
    meta: dict[str, str] = {}
    if box is None:
        return meta
    before = list(box.itersiblings(preceding=True))[:_INFO_SIBLINGS]
    stack = [*reversed(rejected), *before, box]
    bare_dates: list[str] = []
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or finder.excluded.get(element, False) or element in bodies:
            continue
        if len(element.text_content()) <= _INFO_SCAN_LIMIT * 2:  # cheap test first: most of the box is long
            text = boundary_text(element)
            if word_count(text) <= _INFO_SCAN_LIMIT and is_info_line(text):
                found = pairs_to_meta(label_pairs(text))
                if not found and date_in(text) and not _in_a_list(element, box):
                    bare_dates.append(date_in(text))
                for key, value in found.items():
                    meta.setdefault(key, value)
                continue  # its parts were read with it
        stack.extend(reversed(list(element)))
    if bare_dates and "published" not in meta:  # a date alone by the title: when the page was published
        meta["published"] = bare_dates[0]
    return meta


def _in_a_list(element: HtmlElement, box: HtmlElement) -> bool:
    """Whether an element sits in a list or a link (the dates of a "latest documents" list are not the page's)."""
    for ancestor in (element, *element.iterancestors()):
        if ancestor is box:
            return False
        if ancestor.tag in ("li", "a", "ul", "ol", "dl", "dd"):
            return True
    return False


# Title ------------------------------------------------------------------------------------
def _title(
    page: PageIndex, bodies: list[HtmlElement], finder: BodyFinder, stated: list[str], body_text: str
) -> tuple[str, dict[str, str]]:
    """The page's own heading, else a stated title (template, metadata table, head tags), else ``<title>``.

    Returns:
        The title and what a byline glued to the heading said (来源, 作者, 发布时间).
    """
    window = _window_title(page)
    heading, byline = _heading_before(bodies, finder, window)
    if heading:
        return heading, byline
    for candidate in stated:
        candidate = clean_title(plain(candidate))
        if candidate:
            return candidate, {}
    return _confirmed_window_title(window, body_text), {}


def _window_title(page: PageIndex) -> str:
    titles = page.tags("title")
    return clean_title(plain(titles[0].text_content())) if titles else ""


def _first_segment(window: str) -> str:
    parts = [p for p in _TITLE_SEPARATOR_RE.split(window) if p.strip()]
    return parts[0] if parts else ""


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _confirmed_window_title(window: str, body_text: str) -> str:
    """``<title>`` without what a site appends (``_某某市人民政府``, ``-纪检``), cut only where the page agrees.

    The longest beginning of the window title that the body repeats is the title (an
    underscore inside "2023_2024学年" stays); without such evidence only a site's name is
    cut off, and a column name ("-纪检") stays, since nothing says it is not the title's.
    """
    pieces = _WINDOW_SEPARATOR_RE.split(window)
    heads = ["".join(pieces[: 2 * n + 1]) for n in range(len(pieces) // 2 + 1)]
    evidence = _squeezed(body_text[:3000])
    for head in sorted({h.strip() for h in heads if len(h.strip()) >= 4}, key=len, reverse=True):
        if _squeezed(head) in evidence:
            return head
    first = _first_segment(window)
    rest = window[len(first) :].strip(" _|｜－-—")
    return first if first and rest and _SITE_NAME_RE.search(rest) else (window or first)


def _heading_before(bodies: list[HtmlElement], finder: BodyFinder, window: str) -> tuple[str, dict[str, str]]:
    """The nearest heading above the body in its article box: ``<h1>``–``<h3>`` or a title-classed element.

    A heading counts only if the window title or the body agrees with it (it starts the
    ``<title>``, or the ``<title>``'s first part starts it), so a section banner
    ("政策文件") is never taken for the document's title — unless a byline (来源：…
    作者：… 2023-12-01) is glued to it, which only an article's title carries; the byline
    is split off into the metadata.
    """
    box = _article_box(bodies)
    if box is None:
        return "", {}
    first_body = bodies[0]
    found, found_byline = "", {}
    for element in box.iter():
        if element is first_body:
            break
        if not isinstance(element.tag, str) or finder.excluded.get(element, False):
            continue
        if element.tag not in ("h1", "h2", "h3") and not _TITLE_CLASS_RE.search(classes(element)):
            continue
        text, byline = _split_byline(element)
        if 4 <= len(text) <= 150 and not is_info_line(text) and (byline or _agrees(text, window)):
            found, found_byline = text, byline  # the nearest one before the body wins
    return found, found_byline


def _split_byline(element: HtmlElement) -> tuple[str, dict[str, str]]:
    """A heading's text, and the metadata of a byline glued to its end ("…座谈会来源：新华社作者：2023-12-01")."""
    spaced = normalize_space(" ".join(part.strip() for part in element.itertext() if part.strip()))
    match = _BYLINE_RE.search(spaced)
    if match is None or match.start() < 4:
        return clean_title(plain(element.text_content())), {}
    rest = spaced[match.start() :]
    meta = pairs_to_meta(label_pairs(rest))
    if "published" not in meta and date_in(rest):
        meta["published"] = date_in(rest)
    return clean_title(plain(spaced[: match.start()])), meta


def _agrees(heading: str, window: str) -> bool:
    first = _first_segment(window)
    if not window or _SITE_NAME_RE.search(first):
        return len(heading) >= 6  # the window names only the site: any real heading will do
    squeezed, window_squeezed = heading.replace(" ", ""), window.replace(" ", "")
    return window_squeezed.startswith(squeezed) or squeezed.startswith(first.replace(" ", "")[:12])
