"""Moving through the report by its structure, with the keyboard, and hearing where you are.

Next/previous heading and next/previous paragraph move the text caret (a screen reader
reads the line at the caret) and announce the section path (二、… › （三）…), in the
status bar and to assistive technology. Qt's rich-text view cannot give a block the
"heading" role or a level, so the headings are reached by these keys instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor

from reader.ui.common.widgets import announce
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.reading_view import ReadingView
from reader.ui.window.notifier import Notifier


class StructureKeys(QObject):
    """Keys that move through the text: by heading and by paragraph (announcing the section path), Space pages.

    Args:
        navigator: The open document.
        view: The reading view (its caret moves).
        notifier: The status bar line that shows where the caret went.
    """

    def __init__(self, navigator: Navigator, view: ReadingView, notifier: Notifier) -> None:
        super().__init__(view)
        self._navigator = navigator
        self._view = view
        self._notifier = notifier
        self._add_paging_keys()

    def _add_paging_keys(self) -> None:
        """Space pages, as in every reader; narration has its own key (Ctrl+Shift+Space) and the player's."""
        bar = self._view.verticalScrollBar()
        for key, step in (
            (QKeySequence(Qt.Key.Key_Space), bar.SliderAction.SliderPageStepAdd),
            (QKeySequence("Shift+Space"), bar.SliderAction.SliderPageStepSub),
        ):
            paging = QShortcut(key, self._view, lambda s=step: bar.triggerAction(s))
            paging.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def caret_paragraph(self) -> int:
        """The paragraph at the caret, or at the top of the view when the caret is off screen."""
        view = self._view
        index, _offset = view.paragraph_at(view.textCursor())
        if not view.is_position_visible(index):
            index = view.top_position()[0]
        return index

    def heading(self, direction: int) -> int | None:
        """Move to the next (1) or previous (-1) heading of the outline; returns its paragraph index."""
        document = self._navigator.document
        if document is None:
            return None
        headings = sorted(
            index for index in (document.paragraph_index(n.paragraph) for n in document.nodes()) if index >= 0
        )
        here = self.caret_paragraph()
        ahead = [i for i in headings if i > here] if direction > 0 else [i for i in reversed(headings) if i < here]
        if not ahead:
            self._say(self.tr("No more headings"))
            return None
        return self._move_to(ahead[0])

    def paragraph(self, direction: int) -> int | None:
        """Move to the next (1) or previous (-1) paragraph; returns its index."""
        document = self._navigator.document
        if document is None:
            return None
        target = self.caret_paragraph() + (1 if direction > 0 else -1)
        if not 0 <= target < len(document.paragraphs):
            return None
        return self._move_to(target)

    def _move_to(self, index: int) -> int:
        view = self._view
        position = view.paragraph_position(index)
        if position < 0:
            return index
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        view.setTextCursor(cursor)
        view.ensure_paragraph_visible(index)
        view.setFocus()
        document = self._navigator.document
        if document is None:
            return index
        path = " › ".join(document.section_path(document.paragraphs[index].id)) or document.title
        self._say(path)
        return index

    def _say(self, text: str) -> None:
        self._notifier.status(text, 4000)
        announce(self._view, text)
