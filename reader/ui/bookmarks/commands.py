"""Undoable changes to bookmarks and highlights (both live in the bookmark service)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from reader.core.bookmarks.model import Bookmark
from reader.services.bookmarks import BookmarkService


class AddCommand(QUndoCommand):
    """Add a bookmark or highlight; undo deletes it, redo restores the same one."""

    def __init__(self, service: BookmarkService, bookmark: Bookmark, text: str) -> None:
        super().__init__(text)
        self._service, self._bookmark, self._done_once = service, bookmark, False

    def redo(self) -> None:  # noqa: D102 - Qt override
        if self._done_once:
            self._service.restore(self._bookmark)
        else:
            self._service.add(self._bookmark)
            self._done_once = True

    def undo(self) -> None:  # noqa: D102 - Qt override
        self._service.delete(self._bookmark)


class DeleteCommand(QUndoCommand):
    """Delete a bookmark or highlight; undo restores it."""

    def __init__(self, service: BookmarkService, bookmark: Bookmark, text: str) -> None:
        super().__init__(text)
        self._service, self._bookmark = service, bookmark

    def redo(self) -> None:  # noqa: D102 - Qt override
        self._service.delete(self._bookmark)

    def undo(self) -> None:  # noqa: D102 - Qt override
        self._service.restore(self._bookmark)


class ChangeCommand(QUndoCommand):
    """Change fields of a bookmark or highlight (title, note, colour…); undo puts the old values back."""

    def __init__(self, service: BookmarkService, bookmark: Bookmark, changes: dict, text: str) -> None:
        super().__init__(text)
        self._service, self._bookmark, self._changes = service, bookmark, changes
        self._before = {key: getattr(bookmark, key) for key in changes}

    def redo(self) -> None:  # noqa: D102 - Qt override
        self._service.update(self._bookmark, **self._changes)

    def undo(self) -> None:  # noqa: D102 - Qt override
        self._service.update(self._bookmark, **self._before)
