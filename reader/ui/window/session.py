"""The window's state across sessions: restored at start, saved when the window closes."""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader.core.reading import PAGE_ZOOM_PRESETS
from reader.services.settings import Settings
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.window.main_window import MainWindow


class WindowSession(QObject):
    """Restores the layout, the information card and the reading style; saves them and the position.

    Args:
        settings: Where the state is kept.
        window: The frame whose layout and checked actions it restores.
        style: The reading style (the chrome follows it).
        navigator: Saves the reading position.
    """

    def __init__(self, settings: Settings, window: MainWindow, style: ReadingStyle, navigator: Navigator) -> None:
        super().__init__(window)
        self._settings = settings
        self._window = window
        self._style = style
        self._navigator = navigator
        window.metadata.collapsedChanged.connect(self._on_metadata_collapsed)
        window.closing.connect(self.save)

    def restore(self) -> None:
        """Put the window as it was left: layout, information card, theme, spacing and size checked."""
        settings, window = self._settings, self._window
        self._style.apply_chrome()
        window.metadata.apply_theme(self._style.theme)
        window.restore_layout(*settings.window_state())
        window.metadata.set_collapsed(settings.metadata_collapsed)
        window.action("metadata").setChecked(not settings.metadata_collapsed)
        window.check_style(settings.theme, settings.line_spacing)
        window.show_size(PAGE_ZOOM_PRESETS, settings.font_px)

    def save(self) -> None:
        """Keep the layout (with its panels, not full screen) and the reading position."""
        window = self._window
        if window.full_screen_reading:  # the layout to keep is the one with its panels
            window.action("fullscreen").setChecked(False)
        self._navigator.save_position()
        self._settings.set_window_state(window.saveGeometry(), window.saveState())
        self._settings.sync()

    def _on_metadata_collapsed(self, collapsed: bool) -> None:
        self._settings.metadata_collapsed = collapsed
        self._window.action("metadata").setChecked(not collapsed)
