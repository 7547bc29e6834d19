"""The document model every capability reads: paragraphs, runs, outline, metadata.

The model is made of frozen dataclasses so a parsed document can be shared
between threads (the GUI, the indexer, the narrator) without copying.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from reader.core.text_utils import fold_width


class ParagraphKind(StrEnum):
    """What role a paragraph plays in the report."""

    TITLE = "title"  # the centred title block (title, date line, speaker)
    PART = "part"  # 一、2023年工作回顾
    SECTION = "section"  # （一）聚焦聚力……
    LEAD = "lead"  # a paragraph opening with a bold lead sentence, 一是, ——, 1、
    BODY = "body"
    TABLE = "table"  # one row of a table, cells joined by TABLE_CELL_SEPARATOR
    CAPTION = "caption"  # the caption of an image
    SIGNATURE = "signature"  # who signs the document (国务院, 总理　李克强), set right-aligned
    DATE = "date"  # the date under the signature, set right-aligned
    CONTENTS = "contents"  # an entry of the document's own table of contents (target: its heading)


TABLE_CELL_SEPARATOR = " | "

# Metadata keys of the stable JSON interface, in display order.
META_KEYS = (
    "index_no",
    "category",
    "issuer",
    "written_date",
    "published",
    "source_org",
    "doc_no",
    "keywords",
    "author",
    "description",
    # Identity (reader.core.identity): who delivered the report, where and when.
    "region",
    "level",
    "year",
    "kind",
    "speaker",
    "speaker_role",
    "meeting",
    "delivered",
)


@dataclass(frozen=True)
class Run:
    """A stretch of paragraph text with one inline style."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the report.

    Attributes:
        id: Stable id derived from the normalised text and its occurrence.
        text: The paragraph's text, whitespace normalised.
        runs: Inline runs whose texts concatenate to ``text``.
        kind: The paragraph's role.
        section: Id of the outline node the paragraph belongs to, or None for
            front matter outside every node.
        centered: Whether the source centred the paragraph.
        cells: For table rows, the cell texts.
        page: The page of the original file the paragraph starts on (PDF, OFD), 1-based;
            0 when the source has no pages.
        target: For a contents entry, the id of the paragraph it names; else empty.

    """

    id: str
    text: str
    runs: tuple[Run, ...]
    kind: ParagraphKind = ParagraphKind.BODY
    section: str | None = None
    centered: bool = False
    cells: tuple[str, ...] = ()
    page: int = 0
    target: str = ""

    @property
    def lead_text(self) -> str:
        """The bold text at the start of the paragraph ('' when it opens plain)."""
        if self.runs and self.runs[0].bold:
            return self.runs[0].text
        return ""


@dataclass(frozen=True)
class OutlineNode:
    """A node of the outline tree.

    Attributes:
        id: Stable id (derived from the heading paragraph's id).
        level: Depth, 1 for parts.
        title: Short title shown in the outline panel.
        paragraph: Id of the paragraph where the node starts.
        children: Child nodes in document order.

    """

    id: str
    level: int
    title: str
    paragraph: str
    children: tuple[OutlineNode, ...] = ()

    def walk(self) -> Iterator[OutlineNode]:
        """Yield this node and every descendant in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Document:
    """A parsed report.

    Attributes:
        id: Stable id of the source (same path or URL gives the same id).
        title: The report's title.
        source: Path or URL the document was read from.
        meta: Metadata by the keys of ``META_KEYS`` (only those present).
        paragraphs: Paragraphs in reading order.
        outline: Top-level outline nodes.
        url: The public address of the original page, when known (for citations).
        notes: What the reader should know about how the source was read (bytes replaced…).
        attachments: The files a page links to as attachments (PDF, Word, OFD): (title, address
            as the page wrote it; ``attachment_address`` makes it absolute).

    """

    id: str
    title: str
    source: str
    meta: dict[str, str] = field(default_factory=dict)
    paragraphs: tuple[Paragraph, ...] = ()
    outline: tuple[OutlineNode, ...] = ()
    url: str = ""
    notes: tuple[str, ...] = ()
    attachments: tuple[tuple[str, str], ...] = ()

    def paragraph_index(self, paragraph_id: str) -> int:
        """Return the position of a paragraph, or -1 when the id is unknown."""
        return self._index().get(paragraph_id, -1)

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        """Return the paragraph with this id, or None."""
        index = self.paragraph_index(paragraph_id)
        return self.paragraphs[index] if index >= 0 else None

    def nodes(self) -> Iterator[OutlineNode]:
        """Yield every outline node in document order."""
        for node in self.outline:
            yield from node.walk()

    def node(self, node_id: str) -> OutlineNode | None:
        """Return the outline node with this id, or None."""
        return next((n for n in self.nodes() if n.id == node_id), None)

    def section_path(self, paragraph_id: str) -> list[str]:
        """Titles of the outline nodes that contain a paragraph, outermost first."""
        paragraph = self.paragraph(paragraph_id)
        if paragraph is None or paragraph.section is None:
            return []
        return [node.title for node in self._node_path(paragraph.section)]

    def paragraphs_per_node(self, indexes: Iterable[int]) -> dict[str, int]:
        """How many of the given paragraphs each outline node holds, its sub-nodes' included.

        Args:
            indexes: Paragraph indexes, each counted once.
        """
        counts: dict[str, int] = {}
        for index in set(indexes):
            for node in self._node_path(self.paragraphs[index].section or ""):
                counts[node.id] = counts.get(node.id, 0) + 1
        return counts

    def node_paragraph_range(self, node_id: str) -> tuple[int, int]:
        """Half-open range of paragraph indexes covered by a node and its children.

        Returns:
            ``(start, end)``; ``(0, 0)`` when the node is unknown.

        """
        ordered = list(self.nodes())
        for position, node in enumerate(ordered):
            if node.id != node_id:
                continue
            start = self.paragraph_index(node.paragraph)
            end = len(self.paragraphs)
            for later in ordered[position + 1 :]:
                if later.level <= node.level:
                    end = self.paragraph_index(later.paragraph)
                    break
            return start, end
        return 0, 0

    @property
    def body_text_length(self) -> int:
        """Number of characters of paragraph text."""
        return sum(len(p.text) for p in self.paragraphs)

    def _index(self) -> dict[str, int]:
        cached = self.__dict__.get("_index_cache")
        if cached is None:
            cached = {p.id: i for i, p in enumerate(self.paragraphs)}
            object.__setattr__(self, "_index_cache", cached)
        return cached

    def _node_path(self, node_id: str) -> list[OutlineNode]:
        def search(nodes: Iterable[OutlineNode], trail: list[OutlineNode]) -> list[OutlineNode]:
            for node in nodes:
                here = [*trail, node]
                if node.id == node_id:
                    return here
                found = search(node.children, here)
                if found:
                    return found
            return []

        return search(self.outline, [])


def normalize_for_id(text: str) -> str:
    """Normalise text for id derivation: full-width forms folded, no whitespace at all."""
    return "".join(fold_width(text).split())


def paragraph_ids(texts: Iterable[str]) -> list[str]:
    """Derive stable paragraph ids from texts in document order.

    The id hashes the normalised text together with how many earlier paragraphs
    had the same text, so importing the same text again yields the same ids, and
    an edit elsewhere in the document does not move them.

    Args:
        texts: Paragraph texts in order.

    Returns:
        One id per text, like ``p3f9a01c2d4``.

    """
    import hashlib  # here: loading a cached document (the start-up path) computes no ids

    seen: dict[str, int] = {}
    ids = []
    for text in texts:
        key = normalize_for_id(text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha1(f"{key}\x00{occurrence}".encode()).hexdigest()
        ids.append("p" + digest[:10])
    return ids


def document_id(source_key: str) -> str:
    """Derive a document id from a canonical source key (resolved path or URL)."""
    import hashlib

    # surrogateescape: a file name that is not UTF-8 (a GBK name on Linux) hashes as its own bytes
    return "d" + hashlib.sha1(source_key.encode("utf-8", "surrogateescape")).hexdigest()[:12]
