"""The window's actions: one enum member and one spec each (text, keys, what it does).

A new action is one member and one line in ``ACTION_SPECS``; the window builds it
(text, shortcuts, checkable), the shortcuts dialog lists it, and the composition
root connects it to its handler. Texts are source texts translated in the context
``MainWindow``. Families of actions generated from settings (themes, line spacings)
are built by the window from ``THEMES`` and ``LINE_SPACINGS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence

from reader.core.reading import PAGE_ZOOM_PRESETS

_KEY = QKeySequence.StandardKey

# What an action does, given the application (``reader.ui.application.Application``; named
# here as Any because the application's modules import this one) and whether it is now checked.
Handler = Callable[[Any, bool], object]


class WindowAction(StrEnum):
    """Every named window action (``window.action(WindowAction.FIND)``; the value is its object name)."""

    OPEN = "open"
    OPEN_URL = "open_url"
    ADD_TO_LIBRARY = "add_to_library"
    PRINT = "print"
    PDF = "pdf"
    QUIT = "quit"
    COPY = "copy"
    CITE = "cite"
    SECTION_LINK = "section_link"
    SELECT_ALL = "select_all"
    FIND = "find"
    FIND_NEXT = "find_next"
    FIND_PREVIOUS = "find_previous"
    CLEAR_HIGHLIGHTS = "clear_highlights"
    BOOKMARK = "bookmark"
    HIGHLIGHT = "highlight"
    NEXT_BOOKMARK = "next_bookmark"
    PREVIOUS_BOOKMARK = "previous_bookmark"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"
    METADATA = "metadata"
    FULLSCREEN = "fullscreen"
    PLAY_PAUSE = "play_pause"
    NEXT_DOCK_TAB = "next_dock_tab"
    PREVIOUS_DOCK_TAB = "previous_dock_tab"
    NEXT_PANEL = "next_panel"
    BACK = "back"
    FORWARD = "forward"
    NEXT_HEADING = "next_heading"
    PREVIOUS_HEADING = "previous_heading"
    NEXT_PARAGRAPH = "next_paragraph"
    PREVIOUS_PARAGRAPH = "previous_paragraph"
    READ_PARAGRAPH = "read_paragraph"
    ANALYSIS_COMPARE = "analysis_compare"
    ANALYSIS_TARGETS = "analysis_targets"
    ANALYSIS_TERMS = "analysis_terms"
    ANALYSIS_TREND = "analysis_trend"
    ANALYSIS_CONCORDANCE = "analysis_concordance"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    """One action: its menu text, its shortcuts, whether it toggles, and what it does."""

    text: object  # a QT_TRANSLATE_NOOP source text (context MainWindow); PySide types it as object
    keys: tuple[str | QKeySequence.StandardKey, ...] = ()
    handler: Handler | None = None
    checkable: bool = False


def _analysis(tab: str) -> Handler:
    return lambda app, _checked: app.analysis_ui.show(tab)


def _size(name: str) -> Handler:
    return lambda app, _checked: app.style.set_font_px(PAGE_ZOOM_PRESETS[name])


A = WindowAction
ACTION_SPECS: dict[WindowAction, ActionSpec] = {
    A.OPEN: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Open…"), (_KEY.Open,), lambda app, _: app.opening.open_file_dialog()
    ),
    A.OPEN_URL: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Open &URL…"), ("Ctrl+L",), lambda app, _: app.opening.open_url_dialog()
    ),
    A.ADD_TO_LIBRARY: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Add to Library"), (), lambda app, _: app.library_ui.add_current()
    ),
    A.PRINT: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Print…"), (_KEY.Print,), lambda app, _: app.actions_ui.print_document()
    ),
    A.PDF: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Export as P&DF…"),
        ("Ctrl+Shift+E",),
        lambda app, _: app.actions_ui.export_pdf_dialog(),
    ),
    A.QUIT: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Quit"), (_KEY.Quit,), lambda app, _: app.window.close()),
    A.COPY: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Copy"), (_KEY.Copy,), lambda app, _: app.view.copy()),
    A.CITE: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Copy with Ci&tation"),
        ("Ctrl+Shift+C",),
        lambda app, _: app.actions_ui.copy_with_citation(),
    ),
    A.SECTION_LINK: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Copy &Section Link"),
        ("Ctrl+Shift+L",),
        lambda app, _: app.actions_ui.copy_section_link(),
    ),
    A.SELECT_ALL: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Select &All"), (_KEY.SelectAll,), lambda app, _: app.view.selectAll()
    ),
    A.FIND: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Find…"), (_KEY.Find,), lambda app, _: app.focus_search()),
    A.FIND_NEXT: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Find &Next"), (_KEY.FindNext,), lambda app, _: app.search_ui.step_match(1)
    ),
    A.FIND_PREVIOUS: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Find Pre&vious"),
        (_KEY.FindPrevious,),
        lambda app, _: app.search_ui.step_match(-1),
    ),
    A.CLEAR_HIGHLIGHTS: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Clear Highlights"), ("Esc",), lambda app, _: app.escape()
    ),
    A.BOOKMARK: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Bookmark This Place…"), ("Ctrl+D",), lambda app, _: app.bookmarks_ui.add()
    ),
    A.HIGHLIGHT: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Highlight Selection"),
        ("Ctrl+H",),
        lambda app, _: app.highlights_ui.highlight(),
    ),
    A.NEXT_BOOKMARK: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Next Bookmark"), ("F2",), lambda app, _: app.bookmarks_ui.step(1)
    ),
    A.PREVIOUS_BOOKMARK: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Previous Bookmark"), ("Shift+F2",), lambda app, _: app.bookmarks_ui.step(-1)
    ),
    A.ZOOM_IN: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"), (_KEY.ZoomIn, "Ctrl+="), lambda app, _: app.style.zoom(1)
    ),
    A.ZOOM_OUT: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"), (_KEY.ZoomOut,), lambda app, _: app.style.zoom(-1)
    ),
    A.ZOOM_RESET: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Normal Size"), ("Ctrl+0",), lambda app, _: app.style.zoom(0)
    ),
    A.LARGE: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Large"), (), _size("large")),
    A.MEDIUM: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Medium"), (), _size("medium")),
    A.SMALL: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Small"), (), _size("small")),
    A.METADATA: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Document Information"),
        ("Ctrl+I",),
        lambda app, checked: app.window.metadata.set_collapsed(not checked),
        checkable=True,
    ),
    # QKeySequence.FullScreen is empty on some desktops: F11 is bound explicitly too. The window
    # follows the action's checked state itself (Esc and closing uncheck it).
    A.FULLSCREEN: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Full Screen Reading"), (_KEY.FullScreen, "F11"), None, checkable=True
    ),
    A.PLAY_PAUSE: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Play/Pause Narration"),
        ("Ctrl+Shift+Space", "Media Play"),
        lambda app, _: app.narration_ui.toggle(),
    ),
    A.NEXT_DOCK_TAB: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Next Panel &Tab"), ("Ctrl+Tab",), lambda app, _: app.window.next_dock_tab(1)
    ),
    A.PREVIOUS_DOCK_TAB: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Previous Panel Tab"),
        ("Ctrl+Shift+Tab",),
        lambda app, _: app.window.next_dock_tab(-1),
    ),
    A.NEXT_PANEL: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Next Panel"), ("F6",), lambda app, _: app.window.focus_next_panel()
    ),
    A.BACK: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Back"), (_KEY.Back, "Alt+Left"), lambda app, _: app.navigator.back()
    ),
    A.FORWARD: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Forward"), (_KEY.Forward, "Alt+Right"), lambda app, _: app.navigator.forward()
    ),
    A.NEXT_HEADING: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Next &Heading"), ("Ctrl+Down",), lambda app, _: app.structure.heading(1)
    ),
    A.PREVIOUS_HEADING: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "Previous H&eading"), ("Ctrl+Up",), lambda app, _: app.structure.heading(-1)
    ),
    A.NEXT_PARAGRAPH: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Next Paragraph"), ("Alt+Down",), lambda app, _: app.structure.paragraph(1)
    ),
    A.PREVIOUS_PARAGRAPH: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Previous Paragraph"), ("Alt+Up",), lambda app, _: app.structure.paragraph(-1)
    ),
    A.READ_PARAGRAPH: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Read This Paragraph Aloud"),
        ("Ctrl+Shift+R",),
        lambda app, _: app.narration_ui.read_paragraph(app.structure.caret_paragraph()),
    ),
    A.ANALYSIS_COMPARE: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Compare with Previous Year"), (), _analysis("compare")
    ),
    A.ANALYSIS_TARGETS: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Main &Targets"), (), _analysis("targets")),
    A.ANALYSIS_TERMS: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Word Frequencies"), (), _analysis("terms")),
    A.ANALYSIS_TREND: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Term Across the &Years…"), (), _analysis("trend")),
    A.ANALYSIS_CONCORDANCE: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Co&ncordance…"), (), _analysis("concordance")),
    A.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"),
        (_KEY.HelpContents,),
        lambda app, _: app.show_shortcuts(),
    ),
    A.ABOUT: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&About Report Reader"), (), lambda app, _: app.show_about()),
}
