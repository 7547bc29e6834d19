"""The main toolbar: open, print, PDF; the 大/中/小 size buttons as on the web page; zoom, find, theme."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QToolBar, QToolButton

from reader.services.settings import THEMES


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> tuple[QToolBar, dict[str, QToolButton]]:
    """Add the toolbar to the window; returns it and the size buttons by preset name."""
    toolbar = window.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for name in ("open", "print", "pdf"):
        toolbar.addAction(actions[name])
    toolbar.addSeparator()
    toolbar.addWidget(QLabel(QCoreApplication.translate("MainWindow", "Text size:") + " ", window))
    size_buttons = {}
    for name in ("large", "medium", "small"):
        button = QToolButton(window)
        button.setDefaultAction(actions[name])
        button.setCheckable(True)
        button.setObjectName(f"size_{name}")
        button.setAccessibleName(actions[name].text())
        toolbar.addWidget(button)
        size_buttons[name] = button
    toolbar.addSeparator()
    for name in ("zoom_out", "zoom_in", "-", "find"):
        toolbar.addSeparator() if name == "-" else toolbar.addAction(actions[name])
    theme_button = QToolButton(window)
    theme_button.setText(QCoreApplication.translate("MainWindow", "Theme"))
    theme_button.setAccessibleName(QCoreApplication.translate("MainWindow", "Theme"))
    theme_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    theme_menu = QMenu(theme_button)
    for name in THEMES:
        theme_menu.addAction(actions[f"theme_{name}"])
    theme_button.setMenu(theme_menu)
    toolbar.addWidget(theme_button)
    return toolbar, size_buttons
