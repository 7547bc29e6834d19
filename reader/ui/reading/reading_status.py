"""Where the reader is, in words: percent read, the section path and the minutes left."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.core.document import Document
from reader.core.reading import ProgressCalculator


class ReadingStatus(QObject):
    """Turns the paragraph at the top of the view into the status bar's progress text.

    Signals:
        textChanged(str): "37% · 二、2024年工作安排 › （三）… · about 21 min left".
    """

    textChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._progress: ProgressCalculator | None = None

    def set_document(self, document: Document) -> None:
        """A document is on screen."""
        self._document = document
        self._progress = ProgressCalculator(document)

    def update(self, index: int, offset: int = 0) -> None:
        """The paragraph at the top of the view changed."""
        if self._document is None or self._progress is None:
            return
        progress = self._progress.at(index, offset)
        path = " › ".join(progress.section_path) or self._document.title
        text = (
            self.tr("%1% · %2 · about %3 min left")
            .replace("%1", str(progress.percent))
            .replace("%2", path if len(path) < 60 else path[:58] + "…")
            .replace("%3", str(progress.minutes_left))
        )
        if progress.page:  # where this is in the printed original
            text = self.tr("page %1").replace("%1", str(progress.page)) + " · " + text
        self.textChanged.emit(text)
