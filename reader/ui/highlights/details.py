"""A highlight's note and tags, asked for in the bookmark editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def ask_highlight_details(note: str, tags: list[str], quote: str, parent: QWidget) -> tuple[bool, str, list[str]]:
    """Ask for a highlight's note and tags: (accepted, note, tags)."""
    from reader.ui.bookmarks.panel import BookmarkEditor

    editor = BookmarkEditor(" ".join(tags), note, quote, parent)
    editor.setWindowTitle(QCoreApplication.translate("HighlightsController", "Highlight Note and Tags"))
    editor.title.setAccessibleName(QCoreApplication.translate("HighlightsController", "Tags (separated by spaces)"))
    editor.title.setPlaceholderText(QCoreApplication.translate("HighlightsController", "Tags, separated by spaces"))
    accepted = editor.exec() == editor.DialogCode.Accepted
    return accepted, editor.note.toPlainText(), editor.title.text().split()
