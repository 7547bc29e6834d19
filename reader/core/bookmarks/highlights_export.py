"""A quote collection: highlights taken out as Markdown, plain text, CSV or Word, each with its citation.

A quote reads as it stands in the report, followed by the reader's note and the citation
(``——浙江省《2024年政府工作报告》，二、… › （三）…，第12页，https://…``), in reading order
(report by report, top to bottom) or grouped by tag.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.core.bookmarks.export import citation_of
from reader.core.bookmarks.model import Bookmark
from reader.core.document import Document
from reader.core.safetext import markdown_text

FORMATS = ("markdown", "text", "csv", "docx")
ORDERS = ("text", "tag")


@dataclass(frozen=True)
class Quote:
    """One highlight as it is quoted."""

    highlight: Bookmark
    citation: str
    position: tuple[int, int]  # (paragraph index, offset): the reading order within its report

    @property
    def text(self) -> str:
        """The quoted words."""
        return self.highlight.snippet


def quotes(
    highlights: Iterable[Bookmark], resolve: Callable[[str], Document | None], order: str = "text"
) -> list[tuple[str, list[Quote]]]:
    """Highlights as quotes, in groups: one per report (reading order) or one per tag.

    Args:
        highlights: The highlights to quote.
        resolve: A document by id (None when it is gone: the quote keeps its words and its report's name).
        order: ``text`` (reports, each top to bottom) or ``tag`` (a group per tag, untagged last).
    """
    documents: dict[str, Document | None] = {}
    made = []
    for highlight in highlights:
        if highlight.doc not in documents:
            documents[highlight.doc] = resolve(highlight.doc)
        document = documents[highlight.doc]
        index = document.paragraph_index(highlight.paragraph) if document is not None else -1
        made.append(Quote(highlight, citation_of(highlight, document), (index, highlight.offset)))
    made.sort(key=lambda q: (q.highlight.doc_title, q.highlight.doc, q.position, q.highlight.created))
    groups: dict[str, list[Quote]] = {}
    for quote in made:
        if order == "tag":
            for tag in quote.highlight.tags or ("",):
                groups.setdefault(tag, []).append(quote)
        else:
            groups.setdefault(quote.highlight.doc_title or quote.highlight.doc, []).append(quote)
    if order == "tag" and "" in groups:  # untagged quotes last
        groups[""] = groups.pop("")
    return list(groups.items())


def to_markdown(groups: list[tuple[str, list[Quote]]], untagged: str = "（无标签）") -> str:
    """Quotes as Markdown: a heading per group, each quote a block quote, its note and its citation."""
    lines = ["# 摘录 · Highlights", ""]
    for name, group in groups:
        lines += [f"## {markdown_text(name or untagged)}", ""]
        for quote in group:
            flag = " ⚠ 原文已改动" if quote.highlight.detached else ""
            lines.append(f"> {markdown_text(quote.text)}{flag}")
            lines.append("")
            for line in quote.highlight.note.strip().splitlines():
                lines.append(markdown_text(line))
            if quote.highlight.note.strip():
                lines.append("")
            lines.append(f"——{markdown_text(quote.citation)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_text(groups: list[tuple[str, list[Quote]]], untagged: str = "（无标签）") -> str:
    """Quotes as plain text, ready to paste into a briefing."""
    lines = []
    for name, group in groups:
        lines += [name or untagged, ""]
        for quote in group:
            lines.append(f"“{quote.text}”")
            if quote.highlight.note.strip():
                lines.append(quote.highlight.note.strip())
            lines.append(f"——{quote.citation}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_csv(groups: list[tuple[str, list[Quote]]]) -> str:
    """Quotes as CSV: one row a quote, with its group, colour, tags, note, citation and place."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["group", "quote", "note", "color", "tags", "citation", "doc", "paragraph", "start", "end", "uid"])
    for name, group in groups:
        for quote in group:
            h = quote.highlight
            writer.writerow(
                [
                    name,
                    h.snippet,
                    h.note,
                    h.color,
                    " ".join(h.tags),
                    quote.citation,
                    h.doc,
                    h.paragraph,
                    h.offset,
                    h.offset + h.length,
                    h.uid,
                ]
            )
    return stream.getvalue()


def to_docx(groups: list[tuple[str, list[Quote]]], untagged: str = "（无标签）") -> bytes:
    """Quotes as a Word document (python-docx): a heading per group, each quote, note and citation."""
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_heading("摘录 · Highlights", level=1)
    for name, group in groups:
        word.add_heading(name or untagged, level=2)
        for quote in group:
            word.add_paragraph(f"“{quote.text}”", style="Quote" if "Quote" in [s.name for s in word.styles] else None)
            if quote.highlight.note.strip():
                word.add_paragraph(quote.highlight.note.strip())
            citation = word.add_paragraph()
            citation.add_run(f"——{quote.citation}").italic = True
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def export(groups: list[tuple[str, list[Quote]]], fmt: str) -> bytes:
    """The collection in one of ``FORMATS``, as the bytes of the file."""
    if fmt == "docx":
        return to_docx(groups)
    if fmt == "csv":
        return ("\ufeff" + to_csv(groups)).encode("utf-8")
    if fmt == "text":
        return to_text(groups).encode("utf-8")
    return to_markdown(groups).encode("utf-8")
