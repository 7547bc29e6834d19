"""The composition root: creates the window, its panels, the controllers and the services, and connects them.

Everything the window does is wired here, in one place, and nowhere else:

- the frame (``MainWindow``): menus, toolbar, docks, status bar, the text;
- the controllers behind its actions, each given exactly what it uses:
  ``Navigator`` (which document, where), ``ReadingStyle`` (size, theme, spacing),
  ``ReadingStatus``, ``OpeningController``, ``DocumentActions``, and — with the panels —
  ``NarrationController``, ``BookmarksController``, ``LibraryController``;
- the panels, listed in ``PANELS``: a new panel is one module plus one line there;
- the background services (library and search, bookmarks, narration), attached
  once they exist.

The start is staged: the frame and the text are painted first; the panels, the
player and their controllers are built right after the first paint (or at once,
when something needs them earlier: ``complete``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QWidget

from reader.core.naming import display_name
from reader.core.reading import PAGE_ZOOM_PRESETS
from reader.services.documents import DocumentService
from reader.services.settings import LINE_SPACINGS, THEMES, Settings
from reader.services.tasks import TaskRunner
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.reading_status import ReadingStatus
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.structure_keys import StructureKeys
from reader.ui.window.document_actions import DocumentActions
from reader.ui.window.main_window import DockSpec, MainWindow
from reader.ui.window.notifier import Notifier
from reader.ui.window.opening import OpeningController

if TYPE_CHECKING:  # loaded in the second stage: they bring the panels, SQLite, Whoosh, the speech engine
    from reader.core.document import Document
    from reader.ui.analysis.controller import AnalysisController
    from reader.ui.bookmarks.controller import BookmarksController
    from reader.ui.library.controller import LibraryController
    from reader.ui.narration.controller import NarrationController
    from reader.ui.narration.player_bar import PlayerBar

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


def _second_stage_classes() -> tuple[type, dict[str, type]]:
    """The player's class and each panel's; the first call loads their modules (slow)."""
    from reader.ui.narration.player_bar import PlayerBar

    return PlayerBar, {spec.key: spec.widget_class() for spec in PANELS}


class ReaderApp(QObject):
    """The assembled application window.

    Args:
        documents: Loads documents.
        settings: UI state.
        runner: Worker for typesetting and exports.
        families: Chinese font families to typeset with.
        staged: Build the panels only after the first paint (the launcher's fast start);
            otherwise at once.

    Signals:
        completed(): the panels, the player and their controllers exist.
    """

    completed = Signal()

    def __init__(
        self,
        documents: DocumentService,
        settings: Settings,
        runner: TaskRunner,
        families: tuple[str, ...],
        staged: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.runner = runner
        self.documents = documents
        self.window = window = MainWindow()
        self.view = window.view
        self.notifier = Notifier(window.statusBar(), window.banner, window.busy)
        self.style = ReadingStyle(settings, self.view, runner, families, self.notifier, self)
        self.navigator = Navigator(documents, self.view, settings, self.style, self)
        self.status = ReadingStatus(self)
        self.opening = OpeningController(self.navigator, settings, self.notifier, window)
        self.actions_ui = DocumentActions(
            self.navigator, self.view, runner, families, self.notifier, window, self._chosen_section
        )
        self.structure = StructureKeys(self.navigator, self.view, self.notifier)
        self.undo_stack = QUndoStack(self)
        self.panels: dict[str, QWidget] = {}
        self._player: PlayerBar | None = None
        self._controllers: dict[str, QObject] = {}
        self._services: dict[str, QObject] = {}
        self._attached: set[str] = set()
        self._completed = False
        window.add_docks(tuple(spec.dock for spec in PANELS))
        window.finish_menus()
        self._add_undo_actions()
        self._connect_frame()
        self._restore()
        self.view.setFocus()  # the reader starts in the text (a screen reader reads from there)
        if staged:
            window.firstPainted.connect(self._finish_after_first_paint)
        else:
            self.complete()

    # What the rest of the app reads -----------------------------------------------------
    @property
    def document(self) -> Document | None:
        """The open document."""
        return self.navigator.document

    def panel(self, key: str) -> QWidget:
        """A panel by its key in ``PANELS`` (building the panels now if they are not yet)."""
        self.complete()
        return self.panels[key]

    @property
    def outline(self):
        """The outline panel."""
        return self.panel("outline")

    @property
    def search_panel(self):
        """The search panel."""
        return self.panel("search_panel")

    @property
    def library_panel(self):
        """The library panel."""
        return self.panel("library_panel")

    @property
    def bookmarks_panel(self):
        """The bookmarks panel."""
        return self.panel("bookmarks_panel")

    @property
    def player(self) -> PlayerBar:
        """The narration player under the text."""
        self.complete()
        return self._player

    @property
    def narration_ui(self) -> NarrationController:
        """Narration's controller."""
        self.complete()
        return self._controllers["narration"]

    @property
    def bookmarks_ui(self) -> BookmarksController:
        """Bookmarks' controller."""
        self.complete()
        return self._controllers["bookmarks"]

    @property
    def highlights_ui(self):
        """Highlights' controller."""
        self.complete()
        return self._controllers["highlights"]

    @property
    def library_ui(self) -> LibraryController:
        """Library and search's controller."""
        self.complete()
        return self._controllers["library"]

    @property
    def analysis_ui(self) -> AnalysisController:
        """Compare and analyse's controller."""
        self.complete()
        return self._controllers["analysis"]

    def service(self, name: str):
        """An attached background service ("library", "bookmarks", "narration"), or None."""
        return self._services.get(name)

    @property
    def is_complete(self) -> bool:
        """Whether the panels and the player have been built."""
        return self._completed

    # First stage: the frame's wiring ------------------------------------------------------
    def _add_undo_actions(self) -> None:
        undo = self.undo_stack.createUndoAction(self.window, QCoreApplication.translate("MainWindow", "&Undo"))
        redo = self.undo_stack.createRedoAction(self.window, QCoreApplication.translate("MainWindow", "&Redo"))
        keys = QKeySequence.StandardKey
        for name, action, key in (("undo", undo, keys.Undo), ("redo", redo, keys.Redo)):
            action.setObjectName(name)
            action.setShortcuts(QKeySequence.keyBindings(key))
            self.window.addAction(action)
            self.window.actions[name] = action
        first = self.window.edit_menu.actions()[0]
        self.window.edit_menu.insertActions(first, [undo, redo])
        self.window.edit_menu.insertSeparator(first)

    def _connect_frame(self) -> None:
        window, actions, style = self.window, self.window.actions, self.style
        slots = {
            "open": self.opening.open_file_dialog,
            "open_url": self.opening.open_url_dialog,
            "add_to_library": lambda: self.library_ui.add_current(),
            "print": self.actions_ui.print_document,
            "pdf": self.actions_ui.export_pdf_dialog,
            "copy": self.view.copy,
            "cite": self.actions_ui.copy_with_citation,
            "section_link": self.actions_ui.copy_section_link,
            "select_all": self.view.selectAll,
            "find": self.focus_search,
            "find_next": lambda: self.library_ui.step_match(1),
            "find_previous": lambda: self.library_ui.step_match(-1),
            "clear_highlights": self._escape,
            "play_pause": lambda: self.narration_ui.toggle(),
            "bookmark": lambda: self.bookmarks_ui.add(),
            "highlight": lambda: self.highlights_ui.highlight(),
            "next_bookmark": lambda: self.bookmarks_ui.step(1),
            "previous_bookmark": lambda: self.bookmarks_ui.step(-1),
            "zoom_in": lambda: style.zoom(1),
            "zoom_out": lambda: style.zoom(-1),
            "zoom_reset": lambda: style.zoom(0),
            "about": self.show_about,
            "shortcuts": self.show_shortcuts,
            "back": self.navigator.back,
            "forward": self.navigator.forward,
            "next_heading": lambda: self.structure.heading(1),
            "previous_heading": lambda: self.structure.heading(-1),
            "next_paragraph": lambda: self.structure.paragraph(1),
            "previous_paragraph": lambda: self.structure.paragraph(-1),
            "read_paragraph": lambda: self.narration_ui.read_paragraph(self.structure.caret_paragraph()),
            "analysis_compare": lambda: self.analysis_ui.show("compare"),
            "analysis_targets": lambda: self.analysis_ui.show("targets"),
            "analysis_terms": lambda: self.analysis_ui.show("terms"),
            "analysis_trend": lambda: self.analysis_ui.show("trend"),
            "analysis_concordance": lambda: self.analysis_ui.show("concordance"),
        }
        presets = PAGE_ZOOM_PRESETS
        slots.update({name: lambda _c=False, n=name: style.set_font_px(presets[n]) for name in presets})
        slots.update({f"theme_{name}": lambda _c=False, n=name: style.set_theme(n) for name in THEMES})
        slots.update({f"spacing_{v}": lambda _c=False, v=v: style.set_line_spacing(v) for v in LINE_SPACINGS})
        for name, slot in slots.items():
            actions[name].triggered.connect(slot)
        actions["metadata"].triggered.connect(lambda checked: window.metadata.set_collapsed(not checked))
        window.metadata.collapsedChanged.connect(self._on_metadata_collapsed)
        window.metadata.attachmentActivated.connect(self.navigator.open)
        window.recent_menu.aboutToShow.connect(lambda: self.opening.fill_recent_menu(window.recent_menu))
        window.sourceDropped.connect(self.navigator.open)
        window.closing.connect(self._save_session)
        self.view.set_context_actions([actions["cite"], actions["section_link"], actions["bookmark"]])
        self.view.zoomRequested.connect(style.zoom)
        self.view.topParagraphChanged.connect(self._on_reading_position)
        self.navigator.moved.connect(self._on_reading_position)
        self.navigator.documentShown.connect(self._on_document_shown)
        self.navigator.historyChanged.connect(self._on_history)
        self.view.historyRequested.connect(lambda step: self.navigator.back() if step < 0 else self.navigator.forward())
        self.view.paragraphLinkActivated.connect(self.navigator.go_to_paragraph)  # contents entries
        self._on_history(False, False)
        self.status.textChanged.connect(window.progress_label.setText)
        style.fontSizeChanged.connect(lambda px: window.show_size(PAGE_ZOOM_PRESETS, px))
        style.themeChanged.connect(window.metadata.apply_theme)
        # Space pages, as in every reader; narration has its own key (Ctrl+Shift+Space) and the player's button.
        bar = self.view.verticalScrollBar()
        for key, step in (
            (Qt.Key.Key_Space, bar.SliderAction.SliderPageStepAdd),
            (QKeySequence("Shift+Space"), bar.SliderAction.SliderPageStepSub),
        ):
            paging = QShortcut(QKeySequence(key), self.view, lambda s=step: bar.triggerAction(s))
            paging.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(
                lambda _scheme: style.restyle() if self.settings.theme == "system" else None
            )

    def _restore(self) -> None:
        settings, window = self.settings, self.window
        self.style.apply_chrome()
        window.metadata.apply_theme(self.style.theme)
        window.restore_layout(*settings.window_state())
        window.metadata.set_collapsed(settings.metadata_collapsed)
        window.action("metadata").setChecked(not settings.metadata_collapsed)
        window.check_style(settings.theme, settings.line_spacing)
        window.show_size(PAGE_ZOOM_PRESETS, settings.font_px)

    def _escape(self) -> None:
        """Esc: leave full-screen reading first; otherwise clear the search highlights and counter."""
        if self.window.full_screen_reading:
            self.window.action("fullscreen").setChecked(False)
        else:
            self.library_ui.clear_highlights()

    def _on_history(self, can_back: bool, can_forward: bool) -> None:
        self.window.action("back").setEnabled(can_back)
        self.window.action("forward").setEnabled(can_forward)

    def _on_metadata_collapsed(self, collapsed: bool) -> None:
        self.settings.metadata_collapsed = collapsed
        self.window.action("metadata").setChecked(not collapsed)

    def _on_document_shown(self, document: Document) -> None:
        window = self.window
        window.metadata.show_metadata(document)
        window.metadata.apply_theme(self.style.theme)
        title = QCoreApplication.translate("MainWindow", "%1 — Report Reader")
        window.setWindowTitle(title.replace("%1", display_name(document)))
        self.status.set_document(document)
        if self._completed:  # otherwise the outline shows it when it is built
            self.panels["outline"].show_outline(document)
        self._on_reading_position(*self.view.top_position())

    def _on_reading_position(self, index: int, offset: int = 0) -> None:
        self.status.update(index, offset)
        if self._completed:
            self.panels["outline"].follow_paragraph(index)

    def _chosen_section(self) -> str | None:
        return self.panels["outline"].current_node_id() if self._completed else None

    def section_action(self, action: str, node_id: str) -> None:
        """An action of the outline's section menu, done on that section of the open report."""
        handlers = {
            "bookmark": self.bookmarks_ui.add_section,
            "narrate": self.narration_ui.read_section,
            "search": self.library_ui.search_section,
            "copy": self.actions_ui.copy_section,
            "export": self.actions_ui.export_section_dialog,
            "compare": self.analysis_ui.compare_section,
        }
        if action == "search":
            self.window.show_panel("search_panel")
        handlers[action](node_id)

    def search_for(self, text: str) -> None:
        """Search the open report for a word (a word clicked in an analysis)."""
        self.focus_search()
        panel = self.search_panel
        panel.set_scope("document")
        panel.box.setText(text)
        panel.submit()

    def focus_search(self) -> None:
        """Edit → Find (Ctrl+F): show the search dock and put the cursor in its box."""
        panel = self.search_panel
        self.window.show_panel("search_panel")
        panel.focus_box()

    def shortcuts_dialog(self):
        """Help → Keyboard Shortcuts, built from the window's actions plus the keys that are not actions."""
        from reader.ui.window.shortcuts_dialog import ShortcutsDialog

        extra = [
            (QCoreApplication.translate("MainWindow", "Page down / up (in the text)"), "Space, Shift+Space"),
            (QCoreApplication.translate("MainWindow", "Section menu (in the outline)"), "Shift+F10, Menu"),
            (QCoreApplication.translate("MainWindow", "Every control on screen, in screen order"), "Tab, Shift+Tab"),
            (
                QCoreApplication.translate("MainWindow", "Back / forward (mouse)"),
                QCoreApplication.translate("MainWindow", "Back and forward buttons"),
            ),
        ]
        return ShortcutsDialog(self.window.actions, extra, self.window)

    def show_shortcuts(self) -> None:
        """Help → Keyboard Shortcuts (F1)."""
        self.shortcuts_dialog().exec()

    def show_about(self) -> None:
        """Help → About."""
        from reader.ui.window.about import AboutDialog

        AboutDialog(self.window).exec()

    def _save_session(self) -> None:
        if self.window.full_screen_reading:  # the layout to keep is the one with its panels
            self.window.action("fullscreen").setChecked(False)
        self.navigator.save_position()
        self.settings.set_window_state(self.window.saveGeometry(), self.window.saveState())
        self.settings.sync()

    # Second stage: panels, player and their controllers ---------------------------------------
    def _finish_after_first_paint(self) -> None:
        """Load the panel modules now, build the panels on the next turn of the event loop.

        Two steps keep each pause of the GUI thread short.
        """
        if self._completed:
            return
        _second_stage_classes()
        QTimer.singleShot(0, self.complete)

    def complete(self) -> None:
        """Build the panels into their docks, the player and their controllers (idempotent)."""
        if self._completed:
            return
        self._completed = True
        player_class, panel_classes = _second_stage_classes()
        window = self.window
        for key, kind in panel_classes.items():
            self.panels[key] = kind(window.docks[key])  # into the dock that held its place: nothing moves
            window.set_panel(key, self.panels[key])
        self._player = player_class(window.centralWidget())
        window.add_under_text(self._player)
        self._create_controllers()
        outline = self.panels["outline"]
        outline.nodeActivated.connect(self.navigator.go_to_paragraph)
        outline.sectionAction.connect(self.section_action)
        search = self.panels["search_panel"]
        search.set_result_order(self.settings.search_order)
        search.orderChanged.connect(lambda order: setattr(self.settings, "search_order", order))
        player_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self._player, self.narration_ui.toggle)
        player_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if self.document is not None:  # catch up with what happened before the panels existed
            outline.show_outline(self.document)
            outline.follow_paragraph(self.view.top_position()[0])
            self._controllers["bookmarks"].refresh()
        self._attach_pending()
        self.completed.emit()

    def _create_controllers(self) -> None:
        from reader.ui.analysis.controller import AnalysisController
        from reader.ui.bookmarks.controller import BookmarksController
        from reader.ui.highlights.controller import HighlightsController
        from reader.ui.highlights.selection_toolbar import SelectionToolbar
        from reader.ui.library.controller import LibraryController
        from reader.ui.narration.controller import NarrationController

        nav, view, style, notifier, window, panels = (
            self.navigator,
            self.view,
            self.style,
            self.notifier,
            self.window,
            self.panels,
        )
        outline = panels["outline"]
        self._controllers = {
            "narration": NarrationController(nav, view, self._player, outline, style, self.settings, notifier, window),
            "bookmarks": BookmarksController(
                nav, view, panels["bookmarks_panel"], outline, self.undo_stack, style, notifier, window
            ),
            "library": LibraryController(
                nav, view, panels["search_panel"], panels["library_panel"], outline, style, notifier, window
            ),
            "analysis": AnalysisController(
                nav, view, style, self.runner, notifier, self.search_for, self._chosen_section, window
            ),
            "highlights": HighlightsController(
                nav, view, panels["highlights_panel"], SelectionToolbar(view), self.undo_stack, style, notifier, window
            ),
        }
        view.add_context_provider(self._controllers["highlights"].context_actions)
        self._controllers["highlights"].readPassages.connect(self._controllers["narration"].read_passages)

    # Third stage: the background services ---------------------------------------------------
    def attach_services(self, library=None, bookmarks=None, narration=None) -> None:
        """Connect the library, bookmark and narration services (any may be None)."""
        given = {"library": library, "bookmarks": bookmarks, "narration": narration}
        self._services.update({name: service for name, service in given.items() if service is not None})
        if self._completed:
            self._attach_pending()

    def _attach_pending(self) -> None:
        for name in ("library", "bookmarks", "narration"):  # bookmarks ask the library where documents are
            service = self._services.get(name)
            if service is None or name in self._attached:
                continue
            self._attached.add(name)
            if name == "bookmarks":
                self._controllers["bookmarks"].attach(service, self._services.get("library"))
                highlights = self._controllers["highlights"]
                highlights.attach(service)
                library = self._services.get("library")
                if library is not None:  # quotes of other reports cite them from the library
                    highlights.resolve_document = lambda doc_id, lib=library.library: _library_document(lib, doc_id)
            else:
                self._controllers[name].attach(service)
            if name == "library":  # the analyses read the library's reports and index
                self._controllers["analysis"].attach(service)


def _library_document(library, document_id: str):
    """A library document for a quote's citation, or None when it is gone."""
    from reader.core.errors import ReaderError

    try:
        return library.document(document_id) if library.entry(document_id) else None
    except (ReaderError, OSError):
        return None
