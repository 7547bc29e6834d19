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

from PySide6.QtCore import QByteArray, QSettings

from reader.core.paths import APP_NAME

FONT_SIZES = (10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 48)
DEFAULT_FONT_PX = 16
THEMES = ("system", "light", "sepia", "dark")
LINE_SPACINGS = (140, 160, 180, 200)
MAX_RECENT = 10
SEARCH_ORDERS = ("text", "relevance")


@dataclass(frozen=True)
class ReadingPosition:
    """Where a reader was in a document: a paragraph id and a character offset in it."""

    paragraph: str
    offset: int = 0


class Settings:
    """Typed access to the application's QSettings.

    Args:
        settings_file: An ini file to use instead of the native location.
    """

    def __init__(self, settings_file: Path | None = None) -> None:
        if settings_file is not None:
            settings_file.parent.mkdir(parents=True, exist_ok=True)
            self._qs = QSettings(str(settings_file), QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)

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

    def _float(self, key: str, default: float) -> float:
        try:
            value = float(cast(Any, self._qs.value(key, default)))
        except (TypeError, ValueError):
            return default
        return value if value == value else default  # NaN from a hand-edited file

    # Reading appearance -------------------------------------------------
    @property
    def font_px(self) -> int:
        """Body font size in pixels, clamped to the zoom range."""
        return min(max(self._int("view/font_px", DEFAULT_FONT_PX), FONT_SIZES[0]), FONT_SIZES[-1])

    @font_px.setter
    def font_px(self, value: int) -> None:
        self._qs.setValue("view/font_px", int(value))

    @property
    def theme(self) -> str:
        """One of ``THEMES``."""
        value = str(self._qs.value("view/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qs.setValue("view/theme", value if value in THEMES else "system")

    @property
    def search_order(self) -> str:
        """How search hits are listed: "text" (reading order, the default) or "relevance"."""
        value = str(self._qs.value("search/order", "text"))
        return value if value in SEARCH_ORDERS else "text"

    @search_order.setter
    def search_order(self, value: str) -> None:
        self._qs.setValue("search/order", value if value in SEARCH_ORDERS else "text")

    @property
    def line_spacing(self) -> int:
        """Line height in percent of the font size."""
        value = self._int("view/line_spacing", 160)
        return value if value in LINE_SPACINGS else 160

    @line_spacing.setter
    def line_spacing(self, value: int) -> None:
        self._qs.setValue("view/line_spacing", int(value))

    @property
    def metadata_collapsed(self) -> bool:
        """Whether the metadata card is folded."""
        return str(self._qs.value("view/metadata_collapsed", "false")).lower() == "true"

    @metadata_collapsed.setter
    def metadata_collapsed(self, value: bool) -> None:
        self._qs.setValue("view/metadata_collapsed", "true" if value else "false")

    # Narration -----------------------------------------------------------
    @property
    def narration_voice(self) -> str:
        """The voice id the reader chose ('' when none was chosen)."""
        return str(self._qs.value("narration/voice", "") or "")

    @narration_voice.setter
    def narration_voice(self, value: str) -> None:
        self._qs.setValue("narration/voice", value)

    @property
    def narration_speed(self) -> float:
        """Player speed (1.0 = the engine's default rate), clamped to 0.5–3."""
        return min(max(self._float("narration/speed", 1.0), 0.5), 3.0)

    @narration_speed.setter
    def narration_speed(self, value: float) -> None:
        self._qs.setValue("narration/speed", float(value))

    @property
    def narration_volume(self) -> float:
        """Narration volume from 0 to 1."""
        return min(max(self._float("narration/volume", 1.0), 0.0), 1.0)

    @narration_volume.setter
    def narration_volume(self, value: float) -> None:
        self._qs.setValue("narration/volume", float(value))

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
    def last_source(self) -> str:
        """The document open when the app last closed ('' on first run)."""
        return str(self._qs.value("session/source", "") or "")

    @last_source.setter
    def last_source(self, value: str) -> None:
        self._qs.setValue("session/source", value)

    @property
    def open_folder(self) -> str:
        """The folder File → Open last opened a file from ('' before the first time)."""
        return str(self._qs.value("session/open_folder", "") or "")

    @open_folder.setter
    def open_folder(self, value: str) -> None:
        self._qs.setValue("session/open_folder", value)

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
