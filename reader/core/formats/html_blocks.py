"""Walk an HTML element and cut it into paragraphs with bold/plain runs.

Block elements and ``<br>`` end a paragraph; inline elements add runs. Tables
become one paragraph per row. Widgets (scripts, players, buttons, hidden
elements) are skipped. The walk keeps its own stack instead of recursing, so pages
with thousands of nested (or unclosed) elements cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from reader.core.document import Run
from reader.core.formats.html_tree import is_hidden
from reader.core.formats.raw import RawParagraph, normalize_runs
from reader.core.text_utils import normalize_space

BLOCK_TAGS = frozenset(
    (
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "section", "article", "header", "footer", "nav", "aside", "main", "center", "pre", "address", "figure",
        "figcaption", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "hr", "form", "fieldset", "details",
        "summary", "body", "html",
    )
)  # fmt: skip
SKIP_TAGS = frozenset(
    (
        "script", "style", "noscript", "iframe", "button", "audio", "video", "source", "select", "option", "input",
        "textarea", "object", "embed", "svg", "canvas", "template", "head", "map", "area", "link", "meta", "title",
    )
)  # fmt: skip
BOLD_TAGS = frozenset(("strong", "b", "h1", "h2", "h3", "h4", "h5", "h6"))
_BOLD_STYLE_RE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_PLAIN_STYLE_RE = re.compile(r"font-weight\s*:\s*(normal|[1-4]00)", re.IGNORECASE)
_CENTER_STYLE_RE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_RIGHT_STYLE_RE = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
_HEADING_RE = re.compile(r"^h([1-6])$")


def _is_centered(tag: HtmlElement, style: str = "") -> bool:
    align = tag.get("align")
    if tag.tag == "center" or (align is not None and align.lower() == "center"):
        return True
    return "text-align" in style and bool(_CENTER_STYLE_RE.search(style))


def _is_right(tag: HtmlElement, style: str = "") -> bool:
    align = tag.get("align")
    if align is not None and align.lower() == "right":
        return True
    return "text-align" in style and bool(_RIGHT_STYLE_RE.search(style))


@dataclass(frozen=True)
class _State:
    """What an element passes to its content: inline style and block alignment."""

    bold: bool = False
    centered: bool = False
    right: bool = False
    heading: int = 0

    def entering(self, tag: HtmlElement, block: bool) -> _State:
        style = tag.get("style") or ""
        bold = self.bold or tag.tag in BOLD_TAGS
        if "font-weight" in style:  # the regexes only when they can match: most elements have no style
            bold = False if _PLAIN_STYLE_RE.search(style) else (bold or bool(_BOLD_STYLE_RE.search(style)))
        centered = self.centered or _is_centered(tag, style)
        right = (self.right or _is_right(tag, style)) and not centered
        heading = self.heading
        if block and tag.tag[0] == "h":
            match = _HEADING_RE.match(tag.tag)
            heading = int(match.group(1)) if match else heading
        if (bold, centered, right, heading) == (self.bold, self.centered, self.right, self.heading):
            return self
        return _State(bold, centered, right, heading)


_TEXT, _TAIL, _EXIT = 0, 1, 2


class BlockWalker:
    """Collect paragraphs from an element tree.

    Args:
        skip: Extra predicate deciding which elements to drop entirely (page chrome).

    """

    def __init__(self, skip: Callable[[HtmlElement], bool] | None = None) -> None:
        self._skip = skip
        self._paragraphs: list[RawParagraph] = []
        self._runs: list[Run] = []
        self._state = _State()
        self._image_pending = False  # an image was seen: the next paragraph may be its caption
        self._image_in_block = False

    def walk(self, root: HtmlElement) -> list[RawParagraph]:
        """Return the paragraphs found under ``root`` in document order."""
        top = _State().entering(root, block=False)
        work: list[Any] = []  # (step, node, state), popped from the end
        if root.tag == "table":  # the body is a table (a label/value document): read it as rows
            work.append((None, root, top))
        else:
            for child in reversed(list(root)):
                work.append((_TAIL, child, top))
                work.append((None, child, top))
            work.append((_TEXT, root.text or "", top))
        while work:
            kind, node, state = work.pop()
            if kind == _TEXT:
                self._add_text(node, state)
            elif kind == _TAIL:
                self._add_text(node.tail or "", state)
            elif kind == _EXIT:
                self._flush()
            else:
                work.extend(self._visit(node, state))
        self._flush()
        return self._paragraphs

    def _add_text(self, text: str, state: _State) -> None:
        if not text:
            return
        if not self._runs:
            self._state = state
        self._runs.append(Run(text, state.bold))

    def _visit(self, node: HtmlElement, state: _State) -> list[Any]:
        """Handle one element; returns, reversed, what to do next (its text, children, end of block)."""
        name = node.tag
        if not isinstance(name, str):
            return []
        if name == "img":
            self._image_pending = True
            self._image_in_block = True
            return []
        if name in SKIP_TAGS or is_hidden(node) or (self._skip is not None and self._skip(node)):
            return []
        if name == "br":
            self._flush()
            return []
        if name == "table":
            self._flush()
            return self._visit_table(node)
        block = name in BLOCK_TAGS
        inner = state.entering(node, block)
        steps: list[Any] = []
        if block:
            self._flush()
            steps.append((_EXIT, node, inner))
        for child in reversed(list(node)):
            steps.append((_TAIL, child, inner))
            steps.append((None, child, inner))
        steps.append((_TEXT, node.text or "", inner))
        return steps

    def _visit_table(self, table: HtmlElement) -> list[Any]:
        rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        if self._is_layout_table(table, rows):
            steps: list[Any] = []
            for cell in reversed([c for row in rows for c in row.xpath("./td|./th")]):
                steps.append((None, cell, _State()))  # each cell a block of its own
            return steps
        for row in rows:
            if is_hidden(row):
                continue
            cells = []
            for cell in row.xpath("./td|./th"):
                if is_hidden(cell):
                    continue
                inner = BlockWalker(self._skip).walk(cell)
                cells.append(normalize_space(" ".join(p.text for p in inner)))
            if any(cells):
                text = " | ".join(cells)
                self._paragraphs.append(RawParagraph([Run(text)], cells=tuple(cells)))
        return []

    @staticmethod
    def _is_layout_table(table: HtmlElement, rows: list[HtmlElement]) -> bool:
        """A one-column table, or one holding further tables, is page layout, not data."""
        if table.find(".//table") is not None:
            return True
        widths = {len(row.xpath("./td|./th")) for row in rows}
        return widths <= {0, 1}

    def _flush(self) -> None:
        if self._runs:
            runs = normalize_runs(self._runs)
            if runs:
                state = self._state
                near_image = self._image_pending or self._image_in_block
                self._paragraphs.append(
                    RawParagraph(list(runs), state.centered, state.heading, right=state.right, near_image=near_image)
                )
                self._image_pending = False
        self._runs = []
        self._state = _State()
        self._image_in_block = False
