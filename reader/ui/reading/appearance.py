"""Fonts and colour themes for the reading view."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette

# Simplified-Chinese families first: with only Noto CJK installed, Qt otherwise
# falls back to Noto Sans CJK JP and draws Japanese glyph shapes.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimSun",
    "Droid Sans Fallback",
)


def chinese_font_families() -> list[str]:
    """Installed Simplified-Chinese families in order of preference (may be empty)."""
    installed = set(QFontDatabase.families())
    return [family for family in CJK_FAMILIES if family in installed]


@dataclass(frozen=True)
class Theme:
    """Colours of the reading view."""

    name: str
    background: str
    text: str
    heading: str
    muted: str
    rule: str
    search_hit: str
    narration: str
    card: str


THEMES = {
    "light": Theme("light", "#ffffff", "#1f1f1f", "#8c1c13", "#6b6b6b", "#e3e3e3", "#ffe066", "#cfe8ff", "#f6f7f9"),
    "sepia": Theme("sepia", "#f6efdf", "#3b2f22", "#7a2c13", "#7d6b55", "#e2d6bd", "#f3c969", "#e6d3a8", "#efe5cf"),
    "dark": Theme("dark", "#1d1f21", "#d8d8d8", "#f0a58c", "#9a9a9a", "#3a3d41", "#7a6520", "#24476b", "#26292c"),
}


# Highlight colours per theme: pale on light paper, deep on dark, each readable under the
# theme's own text colour (contrast ≥ 4.5 : 1 against it, checked by a test).
HIGHLIGHT_PALETTES = {
    "light": {"yellow": "#fff3a0", "green": "#c8f0c0", "blue": "#cfe3ff", "pink": "#ffd3e0", "purple": "#e3d5ff"},
    "sepia": {"yellow": "#f5e08a", "green": "#cfe3b0", "blue": "#cddbe8", "pink": "#f2cfc7", "purple": "#ddd0ea"},
    "dark": {"yellow": "#5c5010", "green": "#1f4d2a", "blue": "#1d3d66", "pink": "#5e2139", "purple": "#3f2a66"},
}


# The same five colours, saturated, for the margin bars and scroll-bar ticks: thin marks must stand
# out from the paper and from a scroll bar on light and dark themes alike.
HIGHLIGHT_MARK_COLORS = {
    "yellow": "#d4a000",
    "green": "#2e9e44",
    "blue": "#2f6fd6",
    "pink": "#d6457a",
    "purple": "#8a4fd0",
}


def highlight_palette(theme: Theme) -> dict[str, str]:
    """The five highlight colours as drawn on a theme."""
    return HIGHLIGHT_PALETTES.get(theme.name, HIGHLIGHT_PALETTES["light"])


def resolve_theme(name: str) -> Theme:
    """Map a setting (``system`` included) to a concrete theme."""
    if name == "system":
        hints = QGuiApplication.styleHints()
        dark = hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark
        return THEMES["dark" if dark else "light"]
    return THEMES.get(name, THEMES["light"])


def qcolor(value: str) -> QColor:
    """A QColor from a hex string."""
    return QColor(value)


def chrome_palette(theme: Theme, system: QPalette) -> QPalette | None:
    """The palette for menus, docks and dialogs under ``theme``.

    Sepia tints the panels too (a sepia page framed by white panels looks pasted on); dark
    darkens them unless the desktop is dark already. Returns None when the platform's own
    palette fits (light, or dark on a dark desktop), so the desktop's colours are kept.
    """
    system_is_dark = system.color(QPalette.ColorRole.Window).lightness() < 128
    if theme.name == "sepia":
        return _palette(system, _sepia_colours(theme), disabled="#a3937a")
    if theme.name != "dark" or system_is_dark:
        return None
    return _palette(system, _dark_colours(theme), disabled="#6b6b6b")


def _palette(system: QPalette, colours: dict, disabled: str) -> QPalette:
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette(system)
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor(disabled))
    return palette


def _theme_roles(theme: Theme) -> dict:
    """The roles every tinted palette takes straight from the reading theme."""
    role = QPalette.ColorRole
    return {
        role.Window: theme.card,
        role.WindowText: theme.text,
        role.Base: theme.background,
        role.AlternateBase: theme.card,
        role.Text: theme.text,
        role.ButtonText: theme.text,
        role.BrightText: "#ffffff",
        role.ToolTipText: theme.text,
        role.PlaceholderText: theme.muted,
        role.HighlightedText: "#ffffff",
    }


def _sepia_colours(theme: Theme) -> dict:
    role = QPalette.ColorRole
    return {
        **_theme_roles(theme),
        role.Button: "#e8dcc2",
        role.ToolTipBase: theme.background,
        role.Highlight: "#9c6b3c",
        role.Link: "#7a2c13",
        role.LinkVisited: "#6b4a8a",
        role.Light: "#fbf6ea",
        role.Midlight: "#efe5cf",
        role.Mid: "#c9b99a",
        role.Dark: "#a3937a",
        role.Shadow: "#5a4a36",
    }


def _dark_colours(theme: Theme) -> dict:
    role = QPalette.ColorRole
    return {
        **_theme_roles(theme),
        role.Button: "#2f3236",
        role.ToolTipBase: theme.card,
        role.Highlight: "#3d6fa5",
        role.Link: "#7fb2e5",
        role.LinkVisited: "#b59ad8",
        role.Light: "#45484d",
        role.Midlight: "#3a3d41",
        role.Mid: "#2a2d30",
        role.Dark: "#151617",
        role.Shadow: "#000000",
    }
