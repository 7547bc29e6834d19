"""Lossless JSON form of a ``Document`` (for the parsed cache and the library).

Unlike ``export.to_json`` (a stable public interface, without runs), this keeps
everything needed to rebuild the exact object, and carries a format version.
"""

from __future__ import annotations

from typing import Any

from reader.core.document import Document, OutlineNode, Paragraph, ParagraphKind, Run

FORMAT = 1


def _node(node: OutlineNode) -> list[Any]:
    return [node.id, node.level, node.title, node.paragraph, [_node(child) for child in node.children]]


def _unnode(data: list[Any]) -> OutlineNode:
    return OutlineNode(data[0], data[1], data[2], data[3], tuple(_unnode(child) for child in data[4]))


def dump_document(document: Document) -> dict[str, Any]:
    """A JSON-ready dict holding every field of the document."""
    return {
        "format": FORMAT,
        "id": document.id,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "notes": list(document.notes),
        "attachments": [list(pair) for pair in document.attachments],
        "meta": dict(document.meta),
        "outline": [_node(node) for node in document.outline],
        "paragraphs": [
            [
                p.id,
                p.kind.value,
                p.section,
                int(p.centered),
                [[run.text, int(run.bold)] for run in p.runs],
                list(p.cells),
                *([p.page] if p.page or p.target else []),
                *([p.target] if p.target else []),
            ]
            for p in document.paragraphs
        ],
    }


def load_document(data: dict[str, Any]) -> Document:
    """Rebuild a document from ``dump_document`` output.

    Raises:
        ValueError: The data is not of this format.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a serialised document of this version")
    paragraphs = []
    for pid, kind, section, centered, runs, cells, *rest in data["paragraphs"]:
        run_tuple = tuple(Run(text, bool(bold)) for text, bold in runs)
        paragraphs.append(
            Paragraph(
                id=pid,
                text="".join(run.text for run in run_tuple),
                runs=run_tuple,
                kind=ParagraphKind(kind),
                section=section,
                centered=bool(centered),
                cells=tuple(cells),
                page=int(rest[0]) if rest else 0,
                target=str(rest[1]) if len(rest) > 1 else "",
            )
        )
    return Document(
        id=data["id"],
        title=data["title"],
        source=data["source"],
        meta=dict(data["meta"]),
        paragraphs=tuple(paragraphs),
        outline=tuple(_unnode(node) for node in data["outline"]),
        url=data.get("url", ""),
        notes=tuple(data.get("notes", ())),
        attachments=tuple((str(title), str(address)) for title, address in data.get("attachments", ())),
    )
