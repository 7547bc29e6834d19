"""Help → Keyboard Shortcuts: every key of the window, read from its actions (never out of date)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def _plain(text: str) -> str:
    """A menu text without its Alt-letter marker and tab-separated key hint."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class ShortcutsDialog(QDialog):
    """A table of the window's keys: the actions' own shortcuts, and the keys that are not actions.

    Args:
        actions: The window's named actions.
        extra: (what it does, keys) for keys handled outside actions (Space in the text…).
        parent: The window.
    """

    def __init__(
        self, actions: dict[str, QAction], extra: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setObjectName("shortcutsDialog")
        rows = [
            (
                _plain(action.text()),
                ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()),
            )
            for action in actions.values()
            if action.shortcuts() and action.text()
        ]
        rows += extra
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            for column, text in enumerate((what, keys)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 640)

    def keys_of(self, what: str) -> str:
        """The keys listed for an action (tests)."""
        for row in range(self.table.rowCount()):
            action, keys = self.table.item(row, 0), self.table.item(row, 1)
            if action is not None and keys is not None and action.text() == what:
                return keys.text()
        return ""


def window_shortcuts_dialog(window: MainWindow) -> ShortcutsDialog:
    """The window's shortcuts dialog: its actions plus the keys that are not actions."""
    extra = [
        (QCoreApplication.translate("MainWindow", "Page down / up (in the text)"), "Space, Shift+Space"),
        (QCoreApplication.translate("MainWindow", "Section menu (in the outline)"), "Shift+F10, Menu"),
        (QCoreApplication.translate("MainWindow", "Every control on screen, in screen order"), "Tab, Shift+Tab"),
        (
            QCoreApplication.translate("MainWindow", "Back / forward (mouse)"),
            QCoreApplication.translate("MainWindow", "Back and forward buttons"),
        ),
    ]
    return ShortcutsDialog(window.named_actions, extra, window)
