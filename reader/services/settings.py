"""UI state in QSettings: zoom, theme, spacing, recent files, session, positions.

With an explicit data directory (``--data-dir`` or the environment variable)
the settings file lives there, so a whole profile can be moved or tested in
isolation; otherwise Qt's native per-user location is used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from reader.core.paths import APP_NAME
from reader.services.options import Option, flag, float_in, int_in, int_of, one_of, text

FONT_SIZES = (10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 48)
DEFAULT_FONT_PX = 16
THEMES = ("system", "light", "sepia", "dark")
LINE_SPACINGS = (140, 160, 180, 200)
MAX_RECENT = 10
SEARCH_ORDERS = ("text", "relevance")
# The settings file's layout; a newer version migrates an older file in ``Settings._migrate``.
VERSION = 1


@dataclass(frozen=True)
class ReadingPosition:
    """Where a reader was in a document: a paragraph id and a character offset in it."""

    paragraph: str
    offset: int = 0


class Settings(QObject):
    """Typed access to the application's QSettings.

    A table of options (see ``options.py``), plus the lists and maps that are not single
    values: recent files, reading positions, the window's layout.

    Args:
        settings_file: An ini file to use instead of the native location.
        parent: The Qt parent.

    Signals:
        changed(str): an option was given a new value (its attribute name).
    """

    changed = Signal(str)

    def __init__(self, settings_file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if settings_file is not None:
            settings_file.parent.mkdir(parents=True, exist_ok=True)
            self._qs = QSettings(str(settings_file), QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
        self._migrate()

    def _migrate(self) -> None:
        """Bring a file written by an older version up to ``VERSION`` (version 1: the first with a version)."""
        found = self._int("meta/version", 0)
        if found < VERSION:
            self._qs.setValue("meta/version", VERSION)

    @property
    def file_name(self) -> str:
        """Where the settings are stored."""
        return self._qs.fileName()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()

    def _int(self, key: str, default: int) -> int:
        try:
            return int(cast(Any, self._qs.value(key, default)))
        except (TypeError, ValueError):
            return default

    # The options: one line each (key, default, reader, what it is) ----------------------
    font_px = Option(
        "view/font_px", DEFAULT_FONT_PX, int_in(FONT_SIZES[0], FONT_SIZES[-1]), "Body font size in pixels."
    )
    theme = Option("view/theme", "system", one_of(THEMES), "One of ``THEMES``.")
    search_order = Option(
        "search/order", "text", one_of(SEARCH_ORDERS), 'Search hits in reading order ("text") or by "relevance".'
    )
    line_spacing = Option("view/line_spacing", 160, int_of(LINE_SPACINGS), "Line height in percent of the font size.")
    metadata_collapsed = Option("view/metadata_collapsed", False, flag, "Whether the metadata card is folded.")
    narration_voice = Option("narration/voice", "", text, "The voice id the reader chose ('' when none was).")
    narration_speed = Option("narration/speed", 1.0, float_in(0.5, 3.0), "Player speed (1.0 = the engine's rate).")
    narration_volume = Option("narration/volume", 1.0, float_in(0.0, 1.0), "Narration volume from 0 to 1.")
    last_source = Option("session/source", "", text, "The document open when the app last closed.")
    open_folder = Option("session/open_folder", "", text, "The folder File → Open last opened a file from.")

    @classmethod
    def options(cls) -> list[Option[Any]]:
        """Every option, in the order they are declared."""
        return [value for value in vars(cls).values() if isinstance(value, Option)]

    def stored(self, key: str, default: object) -> object:
        """The raw stored value of a key (``default`` when there is none)."""
        return self._qs.value(key, default)

    def store(self, option: Option[Any], value: object) -> None:
        """Keep an option's (parsed) value and say that it changed."""
        before = self.stored(option.key, option.default)
        stored: object = ("true" if value else "false") if isinstance(value, bool) else value
        self._qs.setValue(option.key, stored)
        if option.read(before) != value:
            self.changed.emit(option.name)

    # Files and session ---------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        """Recently opened sources, newest first."""
        value = self._qs.value("files/recent", [])
        return [str(v) for v in (value if isinstance(value, list) else [value] if value else [])]

    def add_recent(self, source: str, name: str = "") -> None:
        """Put a source at the top of the recent list (``name``: how the menu shows it)."""
        recent = [source, *[s for s in self.recent_files if s != source]][:MAX_RECENT]
        self._qs.setValue("files/recent", recent)
        if name:
            names = {s: n for s, n in self.recent_names.items() if s in recent}
            names[source] = name
            self._qs.setValue("files/recentNames", json.dumps(names, ensure_ascii=False))

    @property
    def recent_names(self) -> dict[str, str]:
        """Display names of recent sources ("浙江 · 2024年政府工作报告")."""
        try:
            names = json.loads(str(self._qs.value("files/recentNames", "{}")))
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {}

    @property
    def open_dialog_state(self) -> QByteArray:
        """The open dialog's saved view (its size, columns and widths as the reader left them)."""
        value = self._qs.value("session/open_dialog_state")
        return value if isinstance(value, QByteArray) else QByteArray()

    @open_dialog_state.setter
    def open_dialog_state(self, value: QByteArray) -> None:
        self._qs.setValue("session/open_dialog_state", value)

    def position(self, document_id: str) -> ReadingPosition | None:
        """The saved reading position of a document, if any."""
        paragraph = self._qs.value(f"positions/{document_id}/paragraph")
        if not paragraph:
            return None
        return ReadingPosition(str(paragraph), self._int(f"positions/{document_id}/offset", 0))

    def set_position(self, document_id: str, position: ReadingPosition) -> None:
        """Remember where the reader is in a document."""
        self._qs.setValue(f"positions/{document_id}/paragraph", position.paragraph)
        self._qs.setValue(f"positions/{document_id}/offset", int(position.offset))

    # Window layout -------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved geometry and dock/toolbar state."""
        geometry = self._qs.value("window/geometry")
        state = self._qs.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember window geometry and dock layout."""
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)
