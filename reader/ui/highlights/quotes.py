"""Highlights as quotes with citations: copied to the clipboard or saved (Markdown, text, CSV, Word)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.bookmarks.model import Bookmark
from reader.core.document import Document
from reader.ui.window.notifier import Notifier


def ask_quotes_path(parent: QWidget) -> str:
    """Ask where to save quotes ('' when cancelled); the suffix chosen picks the format."""
    kinds = QCoreApplication.translate(
        "HighlightsController", "Markdown (*.md);;Plain text (*.txt);;CSV (*.csv);;Word (*.docx)"
    )
    title = QCoreApplication.translate("HighlightsController", "Export Highlights")
    path, _ = QFileDialog.getSaveFileName(parent, title, "highlights.md", kinds)
    return path


class Quotes:
    """Turns highlights into quotes, each cited from its report (the open one, or the library's).

    Args:
        current: The open document (its highlights cite it directly).
        resolve_document: Finds another report by id (None when it is gone).
        notifier: Says what was copied or saved.
    """

    def __init__(
        self, current: Document | None, resolve_document: Callable[[str], Document | None], notifier: Notifier
    ) -> None:
        self._current = current
        self._resolve_document = resolve_document
        self._notifier = notifier

    def _groups(self, highlights: list[Bookmark]):
        from reader.core.bookmarks.highlights_export import quotes

        current = self._current

        def resolve(doc_id: str) -> Document | None:
            if current is not None and current.id == doc_id:
                return current
            return self._resolve_document(doc_id)

        return quotes(highlights, resolve)

    def copy(self, highlights: list[Bookmark]) -> None:
        """Copy the quotes as plain text."""
        from reader.core.bookmarks.highlights_export import to_text

        if not highlights:
            return
        QGuiApplication.clipboard().setText(to_text(self._groups(highlights)))
        copied = QCoreApplication.translate("HighlightsController", "Copied %1 quotes")
        self._notifier.status(copied.replace("%1", str(len(highlights))), 3000)

    def save(self, highlights: list[Bookmark], path: str) -> None:
        """Write the quotes to ``path`` in the format its suffix names (Markdown by default)."""
        from reader.core.bookmarks.highlights_export import export
        from reader.core.fileutil import write_output

        if not highlights:
            return
        fmt = {".txt": "text", ".csv": "csv", ".docx": "docx"}.get(Path(path).suffix.lower(), "markdown")
        try:
            write_output(Path(path), export(self._groups(highlights), fmt))
        except OSError as error:
            failed = QCoreApplication.translate("HighlightsController", "Could not save %1")
            self._notifier.banner(failed.replace("%1", f"{path}: {error.strerror or error}"))
            return
        saved = QCoreApplication.translate("HighlightsController", "Saved %1")
        self._notifier.status(saved.replace("%1", path), 4000)
