"""Reading arithmetic without Qt: zoom steps, progress, time left, citations."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.document import Document
from reader.core.naming import citation_source

# Characters per minute a typical adult reads Chinese prose (silent reading
# studies place it between 300 and 500); the middle of that range.
CHINESE_CHARS_PER_MINUTE = 400
# The 大/中/小 buttons of the government page call doZoom(20), doZoom(16), doZoom(14).
PAGE_ZOOM_PRESETS = {"large": 20, "medium": 16, "small": 14}


def zoom_step(sizes: tuple[int, ...], current: int, direction: int) -> int:
    """Next size in ``sizes`` from ``current`` (direction +1 bigger, -1 smaller, 0 reset to 16)."""
    if direction == 0:
        return PAGE_ZOOM_PRESETS["medium"]
    if direction > 0:
        return next((size for size in sizes if size > current), sizes[-1])
    return next((size for size in reversed(sizes) if size < current), sizes[0])


@dataclass(frozen=True)
class Progress:
    """How far a reader is: percent, where, and minutes left."""

    percent: int
    section_path: list[str]
    minutes_left: int
    page: int = 0  # the original file's page (PDF, OFD), 0 when it has none


class ProgressCalculator:
    """Compute reading progress from a paragraph position; prepared once per document."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._starts: list[int] = []
        total = 0
        for paragraph in document.paragraphs:
            self._starts.append(total)
            total += len(paragraph.text)
        self._total = max(total, 1)

    def at(self, paragraph_index: int, offset: int = 0) -> Progress:
        """Progress when the top of the view is at ``offset`` in paragraph ``paragraph_index``."""
        if not self._starts:
            return Progress(0, [], 0)
        index = min(max(paragraph_index, 0), len(self._starts) - 1)
        read = self._starts[index] + max(0, offset)
        percent = round(100 * read / self._total)
        left = (self._total - read) / CHINESE_CHARS_PER_MINUTE
        paragraph = self._document.paragraphs[index]
        minutes = 0 if read >= self._total else max(1, round(left))
        return Progress(min(percent, 100), self._document.section_path(paragraph.id), minutes, paragraph.page)


def citation(document: Document, selection: str, paragraph_id: str | None) -> str:
    """The selection followed by a citation: 浙江省《2024年政府工作报告》, section path, issuer, date, address.

    Args:
        document: The open document.
        selection: The selected text.
        paragraph_id: The paragraph where the selection starts.

    Returns:
        Text ready for the clipboard.
    """
    parts = [citation_source(document)]  # 浙江省《2024年政府工作报告》
    path = document.section_path(paragraph_id) if paragraph_id else []
    if path:
        parts.append(" › ".join(path))
    page = page_reference(document, paragraph_id)
    if page:
        parts.append(page)
    issuer = document.meta.get("issuer") or document.meta.get("source_org")
    if issuer:
        parts.append(issuer)
    date = document.meta.get("written_date") or document.meta.get("published")
    if date:
        parts.append(date)
    address = document.url or document.source
    if address:
        parts.append(address)
    return f"{selection.strip()}\n——{'，'.join(parts)}"


def page_reference(document: Document, paragraph_id: str | None) -> str:
    """``第12页`` for a paragraph of a paged original (PDF, OFD, Word as last printed); '' otherwise."""
    paragraph = document.paragraph(paragraph_id) if paragraph_id else None
    return f"第{paragraph.page}页" if paragraph is not None and paragraph.page else ""


def section_reference(document: Document, node_id: str) -> str:
    """A link to a section that works outside the app: the section path in words, then the page's address.

    The website has no anchor for our outline, so the address is the page's own; the words say
    where on it to look ("浙江 · 2024年政府工作报告 › 二、… › （七）…").
    """
    from reader.core.naming import display_name

    node = document.node(node_id)
    path = document.section_path(node.paragraph) if node is not None else []
    words = " › ".join([display_name(document), *path])
    address = document.url or document.source
    if address and "://" not in address:
        from pathlib import Path

        address = Path(address).resolve().as_uri()
    return f"{words}\n{address}" if address else words


def section_link(document: Document, node_id: str) -> str:
    """An address for a section: the source address with the node id as fragment.

    Report Reader opens such a link at that section; a browser opens the page.
    """
    base = document.url or document.source
    if base and "://" not in base:
        from pathlib import Path

        base = Path(base).resolve().as_uri()
    return f"{base}#{node_id}"
