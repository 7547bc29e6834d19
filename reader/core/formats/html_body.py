"""Find the element that holds the article, on any page.

A readability-style scorer: every text-bearing block scores by its length and
Chinese punctuation, passes the score to its parent (and half to its grandparent),
and the best container, discounted by its link density, wins. Page chrome (navigation,
breadcrumbs, share bars, footers, by class, id or tag) and hidden elements never
score. When a page carries the article twice (a desktop and a mobile copy), the
winner is never a container of both: the first visible copy is taken.

A known template's body is trusted only if it holds about as much text as the
scorer's best block: a template container that is empty, a one-line info strip, or
far smaller than another visible block is a template that did not fit this page.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.formats.html_blocks import SKIP_TAGS
from reader.core.formats.html_tree import classes, is_hidden, own_text
from reader.core.text_utils import normalize_space

CHROME_RE = re.compile(
    r"nav|menu|breadcrumb|crumb|share|footer|foot|header|topbar|toolbar|sidebar|side-bar|"
    r"related|xg-?list|recommend|print|comment|copyright|location|position|login|search|"
    r"banner|qrcode|ewm|weixin|wechat|weibo|pagination|page-?box|pager|zoom-?btn|font-?size|"
    r"fontzoom|bdshare|jiathis|yybb|gotop|back-?top",
    re.IGNORECASE,
)
# (Not <form>: VSB and ASP.NET pages wrap the whole article in one.)
_CHROME_TAGS = frozenset(("nav", "footer", "header", "aside"))
# Copies meant for phones only (shown by CSS we do not run).
_MOBILE_RE = re.compile(r"(^|[\s_-])(mobile|wap|phone|sj|m)([\s_-]|$)|visible-xs|hidden-(md|lg)|d-md-none", re.I)
_SCORED_TAGS = ("p", "div", "td", "section", "article", "li", "span", "font", "center", "pre")
_CONTAINER_TAGS = frozenset(("div", "td", "article", "section", "main", "body", "center", "font", "table"))
_SPACES = (" ", "\n", "\t", "\r", "\u3000", "\xa0")
# A template body with less than this share of the best block's text did not fit the page.
TEMPLATE_SHARE = 0.5


_chrome_names: dict[str, bool] = {}  # class/id strings seen → chrome? (pages repeat a few names a lot)


def is_chrome(element: HtmlElement) -> bool:
    """Whether an element looks like page chrome by tag, class or id."""
    if element.tag in _CHROME_TAGS:
        return True
    names = classes(element)
    if not names:
        return False
    found = _chrome_names.get(names)
    if found is None:
        found = bool(CHROME_RE.search(names))
        if len(_chrome_names) < 10_000:
            _chrome_names[names] = found
    return found


def word_count(text: str) -> int:
    """Characters that are not white space (a fast measure of how much there is to read)."""
    return len(text) - sum(map(text.count, _SPACES))


def _skipped(element: HtmlElement) -> bool:
    if element.tag in SKIP_TAGS or is_hidden(element):
        return True
    return element.tag not in ("html", "body") and is_chrome(element)


class BodyFinder:
    """Scores a page's blocks once and answers where its article is."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        # Top-down, one pass: inside something never read (chrome, hidden, scripts)?
        self.excluded: dict[HtmlElement, bool] = {}
        for element in root.iter():
            if isinstance(element.tag, str):
                parent = element.getparent()
                self.excluded[element] = self.excluded.get(parent, False) or _skipped(element)
        self._words: dict[HtmlElement, tuple[int, int]] = {}
        self._scores: dict[HtmlElement, float] = {}
        for block in root.iter(*_SCORED_TAGS):
            if self.excluded.get(block, False):
                continue
            text = own_text(block).strip()
            if len(text) < 20:
                continue
            score = 1 + text.count("，") + text.count("。") * 2 + text.count(",") + min(len(text) / 80, 4)
            parent = block if block.tag in _CONTAINER_TAGS else block.getparent()
            for weight, ancestor in ((1.0, parent), (0.5, parent.getparent() if parent is not None else None)):
                while ancestor is not None and ancestor.tag not in _CONTAINER_TAGS:
                    ancestor = ancestor.getparent()
                if ancestor is not None:
                    self._scores[ancestor] = self._scores.get(ancestor, 0.0) + score * weight
        for table in root.iter("table"):
            if not self.excluded.get(table, False):
                record = _record_score(table)
                if record:  # a document that is a table of labels and values (行政处罚信息公开表)
                    self._scores[table] = self._scores.get(table, 0.0) + record

    def _counts(self, element: HtmlElement) -> tuple[int, int]:
        """Readable words and link words under an element (computed when first asked)."""
        found = self._words.get(element)
        if found is None:
            total = word_count(element.text_content())
            links = sum(word_count(a.text_content()) for a in element.iter("a"))
            hidden = 0
            for node in element.iterdescendants():
                if isinstance(node.tag, str) and self.excluded.get(node, False):
                    parent = node.getparent()
                    if parent is element or not self.excluded.get(parent, False):  # the top of an excluded part
                        hidden += word_count(node.text_content())
            found = (max(total - links - hidden, 0), links)
            self._words[element] = found
        return found

    def best(self) -> HtmlElement | None:
        """The element that most likely holds the article (the page's body when nothing scores)."""
        if not self._scores:
            return self.root.find("body")
        leading = sorted(self._scores, key=self._scores.__getitem__, reverse=True)[:12]
        return self._one_copy(max(leading, key=self._ranking))

    def _ranking(self, element: HtmlElement) -> float:
        words, links = self._counts(element)
        return self._scores[element] * (1 - min(links / max(words + links, 1), 1.0))

    def _one_copy(self, element: HtmlElement) -> HtmlElement:
        """When a container holds the article twice (desktop and mobile), the first non-mobile copy."""
        total = self.words(element)
        while True:
            children = [
                (child, self.words(child))
                for child in element
                if isinstance(child.tag, str) and not self.excluded.get(child, False)
            ]
            big = [(child, words) for child, words in children if words >= 0.35 * total]
            if len(big) < 2 or not _same_text(big[0][0], big[1][0]):
                return element
            plain = [child for child, _words in big if not _MOBILE_RE.search(classes(child))]
            element = plain[0] if plain else big[0][0]
            total = self.words(element)

    def words(self, element: HtmlElement) -> int:
        """Readable words in an element: not in chrome or hidden parts, not in links."""
        return self._counts(element)[0]

    def choose(self, template_body: list[HtmlElement]) -> list[HtmlElement]:
        """The template's body when it fits the page, else the scorer's best block."""
        best = self.best()
        if not template_body:
            return [best] if best is not None else []
        template_words = sum(self.words(element) for element in template_body)
        best_words = self.words(best) if best is not None else 0
        if best is None or template_words >= TEMPLATE_SHARE * best_words or template_words >= 20 * 1000:
            return template_body
        if any(_contains(element, best) for element in template_body):
            return template_body  # the scorer chose a part of the template's body
        return [best]


_LABEL_MAX = 14


def _record_score(table: HtmlElement) -> float:
    """The score of a table whose rows pair a short label with its value, as a body (0 if it is not one).

    Such a table *is* the document on many disclosure pages; scored only cell by cell, its
    short values never add up to a body and a paragraph of the page's chrome wins instead.
    """
    rows = 0
    score = 0.0
    for row in table.iter("tr"):
        cells = [normalize_space(cell.text_content()) for cell in row if cell.tag in ("td", "th")]
        if len(cells) < 2 or len(cells) % 2:
            continue
        pairs = list(zip(cells[::2], cells[1::2], strict=True))
        if not all(label and len(label) <= _LABEL_MAX and value for label, value in pairs):
            continue
        rows += 1
        for _label, value in pairs:
            score += 1 + value.count("，") + value.count("。") * 2 + min(len(value) / 40, 4)
    return score if rows >= 4 else 0.0


def _contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    return any(ancestor is outer for ancestor in inner.iterancestors()) or outer is inner


def _same_text(first: HtmlElement, second: HtmlElement) -> bool:
    """Two blocks that read alike (a page's two copies of one article)."""
    a = re.sub(r"\s+", "", first.text_content())
    b = re.sub(r"\s+", "", second.text_content())
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 0.8 * len(longer) and shorter[:60] in longer
