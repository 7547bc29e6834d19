"""Export a document as the stable JSON interface, Markdown or plain text."""

from __future__ import annotations

from typing import Any

from reader.core.document import Document, OutlineNode, Paragraph, ParagraphKind
from reader.core.safetext import markdown_text

META_LABELS_ZH = {
    "index_no": "索引号",
    "category": "主题分类",
    "issuer": "发布机构",
    "written_date": "成文日期",
    "published": "日期",
    "source_org": "来源",
    "doc_no": "发文字号",
    "keywords": "主题词",
    "author": "作者",
    "description": "摘要",
    "region": "地区",
    "level": "级别",
    "year": "年份",
    "kind": "类型",
    "speaker": "报告人",
    "speaker_role": "职务",
    "meeting": "会议",
    "delivered": "报告日期",
}


def _node_json(node: OutlineNode) -> dict[str, Any]:
    return {
        "id": node.id,
        "level": node.level,
        "title": node.title,
        "paragraph": node.paragraph,
        "children": [_node_json(child) for child in node.children],
    }


def _meta_json(meta: dict[str, str]) -> dict[str, Any]:
    """Metadata for JSON: ``year`` is a number, everything else text."""
    return {key: int(value) if key == "year" and value.isdigit() else value for key, value in meta.items()}


def to_json(document: Document) -> dict[str, Any]:
    """The document as the stable JSON structure other tools read.

    Keys and their meaning never change; new keys may only be added.
    """
    return {
        "id": document.id,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "meta": _meta_json(document.meta),
        "outline": [_node_json(node) for node in document.outline],
        "paragraphs": [_paragraph_json(p) for p in document.paragraphs],
        **(
            {"attachments": [{"title": title, "href": href} for title, href in document.attachments]}
            if document.attachments
            else {}
        ),
    }


def _paragraph_json(paragraph: Paragraph) -> dict[str, Any]:
    """A paragraph's stable keys, plus ``cells`` (table row), ``page`` (paged file), ``target`` (contents entry)."""
    found: dict[str, Any] = {
        "id": paragraph.id,
        "kind": paragraph.kind.value,
        "text": paragraph.text,
        "section": paragraph.section,
    }
    if paragraph.cells:
        found["cells"] = list(paragraph.cells)
    if paragraph.page:
        found["page"] = paragraph.page
    if paragraph.target:
        found["target"] = paragraph.target
    return found


def _markdown_inline(paragraph: Any) -> str:
    parts = []
    for run in paragraph.runs:
        text = markdown_text(run.text)
        if run.bold and text.strip():
            core = text.strip()
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            parts.append(f"{lead}**{core}**{trail}")
        else:
            parts.append(text)
    return "".join(parts)


def to_markdown(document: Document) -> str:
    """Markdown: title, a metadata list, parts as ``##``, sections as ``###``."""
    lines = [f"# {markdown_text(document.title)}", ""]
    for key, value in document.meta.items():
        lines.append(f"- {META_LABELS_ZH.get(key, key)}：{markdown_text(value)}")
    if document.meta:
        lines.append("")
    for paragraph in document.paragraphs:
        if paragraph.kind is ParagraphKind.PART:
            lines.append(f"## {markdown_text(paragraph.text)}")
        elif paragraph.kind is ParagraphKind.SECTION and paragraph.lead_text == paragraph.text:
            lines.append(f"### {markdown_text(paragraph.text)}")
        elif paragraph.kind is ParagraphKind.TABLE:
            lines.append("| " + " | ".join(markdown_text(cell).replace("|", "\\|") for cell in paragraph.cells) + " |")
            lines.append("")
            continue
        else:
            lines.append(_markdown_inline(paragraph))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_text(document: Document) -> str:
    """Plain text: title, metadata lines, then one paragraph per line."""
    lines = [document.title, ""]
    for key, value in document.meta.items():
        lines.append(f"{META_LABELS_ZH.get(key, key)}：{value}")
    if document.meta:
        lines.append("")
    lines.extend(paragraph.text for paragraph in document.paragraphs)
    return "\n".join(lines) + "\n"
