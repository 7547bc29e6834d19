"""The window's panels: one record each (its dock and the widget class that fills it).

A new panel is its module plus one line in ``PANELS``. The panel modules are imported
only in the second stage of the start (``second_stage_classes``), after the first paint.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QWidget

from reader.ui.window.main_window import DockSpec

_LEFT, _RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


@dataclass(frozen=True)
class PanelSpec:
    """A panel: its dock and the widget class that fills it (``module:Class``)."""

    dock: DockSpec
    widget: str

    @property
    def key(self) -> str:
        """The panel's name (``app.panel(key)``)."""
        return self.dock.key

    def widget_class(self) -> type[QWidget]:
        """The panel's class (importing its module: slow the first time)."""
        module, name = self.widget.split(":")
        return getattr(importlib.import_module(module), name)


# The panels, in their default arrangement. A new panel: write its module, add its line.
# (Dock texts are English source texts, translated by the window in context MainWindow.)
PANELS = (
    PanelSpec(DockSpec("outline", QT_TRANSLATE_NOOP("MainWindow", "Outline"), "outlineDock", _LEFT, False,
                       QT_TRANSLATE_NOOP("MainWindow", "O&utline"), "F9"),
              "reader.ui.reading.outline_panel:OutlinePanel"),
    PanelSpec(DockSpec("library_panel", QT_TRANSLATE_NOOP("MainWindow", "Library"), "libraryDock", _LEFT, True,
                       QT_TRANSLATE_NOOP("MainWindow", "&Library")),
              "reader.ui.library.panel:LibraryPanel"),
    PanelSpec(DockSpec("bookmarks_panel", QT_TRANSLATE_NOOP("MainWindow", "Bookmarks"), "bookmarksDock", _LEFT, True,
                       QT_TRANSLATE_NOOP("MainWindow", "&Bookmarks")),
              "reader.ui.bookmarks.panel:BookmarksPanel"),
    PanelSpec(DockSpec("highlights_panel", QT_TRANSLATE_NOOP("MainWindow", "Highlights"), "highlightsDock", _LEFT,
                       True, QT_TRANSLATE_NOOP("MainWindow", "Highli&ghts")),
              "reader.ui.highlights.panel:HighlightsPanel"),
    PanelSpec(DockSpec("search_panel", QT_TRANSLATE_NOOP("MainWindow", "Search"), "searchDock", _RIGHT, False,
                       QT_TRANSLATE_NOOP("MainWindow", "Searc&h Panel")),
              "reader.ui.search.panel:SearchPanel"),
)  # fmt: skip


def second_stage_classes() -> tuple[type, dict[str, type]]:
    """The player's class and each panel's; the first call loads their modules (slow)."""
    from reader.ui.narration.player_bar import PlayerBar

    return PlayerBar, {spec.key: spec.widget_class() for spec in PANELS}
