"""Walk an HTML element and cut it into paragraphs with bold/plain runs.

Block elements and ``<br>`` end a paragraph; inline elements add runs. Tables
become one paragraph per row. Widgets (scripts, players, buttons, hidden
elements) are skipped.
"""

from __future__ import annotations

import re

from bs4 import Comment, NavigableString, Tag
from bs4.element import Declaration, Doctype, ProcessingInstruction

from reader.core.document import Run
from reader.core.formats.raw import RawParagraph, normalize_runs
from reader.core.text_utils import normalize_space

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "center",
        "pre",
        "address",
        "figure",
        "figcaption",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "hr",
        "form",
        "fieldset",
        "details",
        "summary",
    ]
)
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "iframe",
        "button",
        "audio",
        "video",
        "source",
        "select",
        "option",
        "input",
        "textarea",
        "object",
        "embed",
        "svg",
        "canvas",
        "template",
        "head",
        "map",
        "area",
        "link",
        "meta",
        "title",
    ]
)
BOLD_TAGS = frozenset(("strong", "b", "h1", "h2", "h3", "h4", "h5", "h6"))
_BOLD_STYLE_RE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_PLAIN_STYLE_RE = re.compile(r"font-weight\s*:\s*(normal|[1-4]00)", re.IGNORECASE)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CENTER_STYLE_RE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_HEADING_RE = re.compile(r"^h([1-6])$")


def is_hidden(tag: Tag) -> bool:
    """Whether an element is hidden by an inline style or the ``hidden`` attribute."""
    style = tag.get("style") or ""
    return bool(_HIDDEN_STYLE_RE.search(style)) or tag.has_attr("hidden")


def _bold_state(tag: Tag, inherited: bool) -> bool:
    style = tag.get("style") or ""
    if _PLAIN_STYLE_RE.search(style):
        return False
    return inherited or tag.name in BOLD_TAGS or bool(_BOLD_STYLE_RE.search(style))


def _is_centered(tag: Tag) -> bool:
    align = (tag.get("align") or "").lower()
    return tag.name == "center" or align == "center" or bool(_CENTER_STYLE_RE.search(tag.get("style") or ""))


class BlockWalker:
    """Collect paragraphs from an element tree.

    Args:
        skip: Extra predicate deciding which tags to drop entirely (page chrome).

    """

    def __init__(self, skip=None) -> None:
        self._skip = skip
        self._paragraphs: list[RawParagraph] = []
        self._runs: list[Run] = []
        self._centered = False
        self._heading = 0

    def walk(self, root: Tag) -> list[RawParagraph]:
        """Return the paragraphs found under ``root`` in document order."""
        self._visit_children(root, bold=False, centered=_is_centered(root), heading=0)
        self._flush()
        return self._paragraphs

    def _visit_children(self, tag: Tag, bold: bool, centered: bool, heading: int) -> None:
        for child in tag.children:
            self._visit(child, bold, centered, heading)

    def _visit(self, node, bold: bool, centered: bool, heading: int) -> None:
        if isinstance(node, (Comment, Doctype, Declaration, ProcessingInstruction)):
            return
        if isinstance(node, NavigableString):
            if not self._runs:
                self._centered, self._heading = centered, heading
            self._runs.append(Run(str(node), bold))
            return
        if not isinstance(node, Tag):
            return
        name = node.name
        if name in SKIP_TAGS or is_hidden(node) or (self._skip is not None and self._skip(node)):
            return
        if name == "br":
            self._flush()
            return
        if name == "table":
            self._flush()
            self._visit_table(node)
            return
        child_bold = _bold_state(node, bold)
        if name in BLOCK_TAGS:
            self._flush()
            match = _HEADING_RE.match(name)
            child_heading = int(match.group(1)) if match else heading
            self._visit_children(node, child_bold, centered or _is_centered(node), child_heading)
            self._flush()
        else:
            self._visit_children(node, child_bold, centered or _is_centered(node), heading)

    def _visit_table(self, table: Tag) -> None:
        rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
        if self._is_layout_table(table, rows):
            for cell in table.find_all(["td", "th"]):
                if cell.find_parent("table") is table:
                    self._visit_children(cell, False, _is_centered(cell), 0)
                    self._flush()
            return
        for row in rows:
            if is_hidden(row):
                continue
            cells = []
            for cell in row.find_all(["td", "th"]):
                if cell.find_parent("tr") is not row or is_hidden(cell):
                    continue
                inner = BlockWalker(self._skip).walk(cell)
                cells.append(normalize_space(" ".join(p.text for p in inner)))
            if any(cells):
                text = " | ".join(cells)
                self._paragraphs.append(RawParagraph([Run(text)], cells=tuple(cells)))

    @staticmethod
    def _is_layout_table(table: Tag, rows: list[Tag]) -> bool:
        """A one-column table, or one holding further tables, is page layout, not data."""
        if table.find("table") is not None:
            return True
        widths = {len([c for c in row.find_all(["td", "th"]) if c.find_parent("tr") is row]) for row in rows}
        return widths <= {0, 1}

    def _flush(self) -> None:
        if self._runs:
            runs = normalize_runs(self._runs)
            if runs:
                self._paragraphs.append(RawParagraph(list(runs), self._centered, self._heading))
        self._runs = []
        self._centered = False
        self._heading = 0
