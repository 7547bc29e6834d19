"""Bookmarks as Markdown: grouped by document and section, with notes and citations."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from reader.core.bookmarks.model import Bookmark, group_for_markdown
from reader.core.document import Document
from reader.core.naming import citation_source
from reader.core.safetext import markdown_text


def citation_of(bookmark: Bookmark, document: Document | None) -> str:
    """Where a bookmark or highlight is: 浙江省《2024年政府工作报告》，section path, page, issuer, date, address."""
    source = citation_source(document) if document is not None else f"《{bookmark.doc_title or bookmark.doc}》"
    parts = [source]  # 浙江省《2024年政府工作报告》
    if bookmark.section_path:
        parts.append(" › ".join(bookmark.section_path))
    if document is not None:
        from reader.core.reading import page_reference

        page = page_reference(document, bookmark.paragraph)
        if page:
            parts.append(page)
        issuer = document.meta.get("issuer") or document.meta.get("source_org")
        date = document.meta.get("written_date") or document.meta.get("published")
        parts.extend(x for x in (issuer, date, document.url or document.source) if x)
    return "，".join(parts)


def bookmarks_markdown(bookmarks: Iterable[Bookmark], resolve: Callable[[str], Document | None]) -> str:
    """Render bookmarks as Markdown.

    Args:
        bookmarks: The bookmarks to write.
        resolve: Returns the document of an id (for issuer, date and address), or None.

    Returns:
        The Markdown text.
    """
    lines = ["# 书签 · Bookmarks", "", f"_{time.strftime('%Y-%m-%d %H:%M')}_", ""]
    for (doc_id, doc_title), sections in group_for_markdown(bookmarks).items():
        document = resolve(doc_id)
        lines += [f"## {markdown_text(doc_title or (document.title if document else doc_id))}", ""]
        for section_path, items in sections.items():
            heading = " › ".join(section_path) if section_path else "（正文开头）"
            lines += [f"### {markdown_text(heading)}", ""]
            for bookmark in items:
                flag = " ⚠ detached" if bookmark.detached else ""
                lines.append(f"- **{markdown_text(bookmark.title)}**{flag}")
                lines.append("")
                lines.append(f"  > {markdown_text(bookmark.snippet)}")
                lines.append("")
                if bookmark.note.strip():  # notes come from export files too: shown, never run as markup
                    for note_line in bookmark.note.strip().splitlines():
                        lines.append(f"  {markdown_text(note_line)}")
                    lines.append("")
                lines.append(f"  —— {markdown_text(citation_of(bookmark, document))}")
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"
