"""A section of a report as a unit: its paragraphs, its text with citation, a document of its own.

A section is an outline node with its sub-nodes: （三）深化改革开放 and everything under it.
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.document import Document, OutlineNode
from reader.core.errors import ReaderError
from reader.core.reading import citation


class SectionError(ReaderError):
    """The document has no outline node of that id."""


def _unknown(document: Document, node_id: str) -> SectionError:
    return SectionError(
        f"no outline section {node_id} in {document.title} (export it with --format json to list its sections)"
    )


def section_node(document: Document, node_id: str) -> OutlineNode:
    """The outline node of an id.

    Raises:
        SectionError: The document has no such node.
    """
    node = document.node(node_id)
    if node is None:
        raise _unknown(document, node_id)
    return node


def section_range(document: Document, node_id: str) -> tuple[int, int]:
    """Half-open range of the paragraph indexes a section covers (its heading included).

    Raises:
        SectionError: The document has no such node.
    """
    section_node(document, node_id)
    return document.node_paragraph_range(node_id)


def section_path(document: Document, node_id: str) -> list[str]:
    """The titles from the outermost section down to this one."""
    node = section_node(document, node_id)
    return document.section_path(node.paragraph)


def section_document(document: Document, node_id: str) -> Document:
    """The section alone as a document: its paragraphs, its outline subtree, the report's metadata.

    The paragraphs keep their ids (a bookmark or a search hit in the section names the
    same paragraph as in the whole report); ``meta["section"]`` holds the section path.

    Raises:
        SectionError: The document has no such node.
    """
    node = section_node(document, node_id)
    start, end = document.node_paragraph_range(node_id)
    meta = {**document.meta, "section": " › ".join(document.section_path(node.paragraph))}
    return replace(document, meta=meta, paragraphs=document.paragraphs[start:end], outline=(node,))


def section_text(document: Document, node_id: str) -> str:
    """The section's paragraphs as plain text, one per line."""
    start, end = section_range(document, node_id)
    return "\n".join(p.text for p in document.paragraphs[start:end])


def section_with_citation(document: Document, node_id: str) -> str:
    """The section's text followed by its citation (place, title, section path, issuer, date, address)."""
    node = section_node(document, node_id)
    return citation(document, section_text(document, node_id), node.paragraph)
