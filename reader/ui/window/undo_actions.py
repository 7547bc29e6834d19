"""Edit → Undo / Redo: the undo stack's actions at the top of the Edit menu, with the standard keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QUndoStack

from reader.ui.window.main_window import MainWindow


def add_undo_actions(window: MainWindow, undo_stack: QUndoStack) -> None:
    """Put Undo and Redo (named "undo" and "redo") first in the window's Edit menu."""
    undo = undo_stack.createUndoAction(window, QCoreApplication.translate("MainWindow", "&Undo"))
    redo = undo_stack.createRedoAction(window, QCoreApplication.translate("MainWindow", "&Redo"))
    keys = QKeySequence.StandardKey
    for name, action, key in (("undo", undo, keys.Undo), ("redo", redo, keys.Redo)):
        action.setObjectName(name)
        action.setShortcuts(QKeySequence.keyBindings(key))
        window.addAction(action)
        window.named_actions[name] = action
    first = window.edit_menu.actions()[0]
    window.edit_menu.insertActions(first, [undo, redo])
    window.edit_menu.insertSeparator(first)
