"""The reading view's highlight layers: character ranges shaded or underlined under a key (search, current, notes)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

# Ranges (paragraph index, start, end), their colour, and whether they are underlined rather than shaded.
HighlightGroup = tuple[list[tuple[int, int, int]], str, bool]


class HighlightLayers(QTextBrowser):
    """A text browser whose highlights are kept in named layers, redrawn together as Qt's extra selections.

    Args:
        parent: The Qt parent.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._highlights: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._highlight_ranges: dict[str, HighlightGroup] = {}

    def paragraph_position(self, index: int) -> int:
        """The document position where a paragraph starts (-1 when it is not shown); the view knows."""
        raise NotImplementedError

    def set_highlights(self, key: str, ranges: list[tuple[int, int, int]], color: str, underline: bool = False) -> None:
        """Highlight character ranges ``(paragraph index, start, end)`` under a key (or underline them)."""
        self._store_highlights(key, ranges, color, underline)
        self.setExtraSelections([s for group in self._highlights.values() for s in group])

    def replace_highlights_under(
        self, prefix: str, groups: dict[str, tuple[list[tuple[int, int, int]], str, bool]]
    ) -> None:
        """Every highlight whose key starts with ``prefix`` replaced by ``groups`` (key → ranges, colour, underline).

        One update of the view for all of them: each ``set_highlights`` hands Qt every selection again.
        """
        for key in [key for key in self._highlight_ranges if key.startswith(prefix)]:
            self._highlight_ranges.pop(key, None)
            self._highlights.pop(key, None)
        for key, (ranges, color, underline) in groups.items():
            self._store_highlights(key, ranges, color, underline)
        self.setExtraSelections([s for group in self._highlights.values() for s in group])

    def _store_highlights(self, key: str, ranges: list[tuple[int, int, int]], color: str, underline: bool) -> None:
        selections = []
        for index, start, end in ranges:
            base = self.paragraph_position(index)
            if base < 0:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(base + start)
            cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            if underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(color))
            else:
                fmt.setBackground(QColor(color))
            selection.format = fmt
            selections.append(selection)
        self._highlight_ranges[key] = (ranges, color, underline)
        self._highlights[key] = selections

    def highlight_ranges(self, key: str) -> list[tuple[int, int, int]]:
        """The ranges highlighted under a key ([] when none)."""
        return list(self._highlight_ranges.get(key, ([], "", False))[0])

    def clear_highlights_under(self, prefix: str) -> None:
        """Remove every kind of highlight whose key starts with ``prefix``."""
        keys = [key for key in self._highlight_ranges if key.startswith(prefix)]
        for key in keys:
            self._highlight_ranges.pop(key, None)
            self._highlights.pop(key, None)
        if keys:
            self.setExtraSelections([s for group in self._highlights.values() for s in group])

    def clear_highlights(self, key: str) -> None:
        """Remove one kind of highlight."""
        self._highlight_ranges.pop(key, None)
        if self._highlights.pop(key, None) is not None:
            self.setExtraSelections([s for group in self._highlights.values() for s in group])
