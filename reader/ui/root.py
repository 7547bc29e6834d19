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

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QWidget

from reader.core.naming import display_name
from reader.core.reading import PAGE_ZOOM_PRESETS
from reader.services.documents import DocumentService
from reader.services.settings import LINE_SPACINGS, THEMES, Settings
from reader.services.tasks import TaskRunner
from reader.ui.composition import Controllers, Services, connect_services, create_controllers
from reader.ui.panels import PANELS, second_stage_classes
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.reading_status import ReadingStatus
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.structure_keys import StructureKeys
from reader.ui.window.actions import ACTION_SPECS
from reader.ui.window.document_actions import DocumentActions
from reader.ui.window.main_window import MainWindow
from reader.ui.window.notifier import Notifier
from reader.ui.window.opening import OpeningController
from reader.ui.window.session import WindowSession
from reader.ui.window.undo_actions import add_undo_actions

if TYPE_CHECKING:  # loaded in the second stage: they bring the panels, SQLite, Whoosh, the speech engine
    from reader.core.document import Document
    from reader.ui.analysis.controller import AnalysisController
    from reader.ui.bookmarks.controller import BookmarksController
    from reader.ui.bookmarks.panel import BookmarksPanel
    from reader.ui.highlights.controller import HighlightsController
    from reader.ui.highlights.panel import HighlightsPanel
    from reader.ui.library.controller import LibraryController
    from reader.ui.library.panel import LibraryPanel
    from reader.ui.narration.controller import NarrationController
    from reader.ui.narration.player_bar import PlayerBar
    from reader.ui.reading.outline_panel import OutlinePanel
    from reader.ui.search.controller import SearchController
    from reader.ui.search.panel import SearchPanel
    from reader.ui.window.shortcuts_dialog import ShortcutsDialog


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
            self.navigator, self.view, runner, families, self.notifier, window, self.chosen_section
        )
        self.structure = StructureKeys(self.navigator, self.view, self.notifier)
        self.undo_stack = QUndoStack(self)
        self.panels: dict[str, QWidget] = {}
        self._player: PlayerBar | None = None
        self._controllers: Controllers | None = None
        self.services = Services()
        self._attached: set[str] = set()
        self._completed = False
        window.add_docks(tuple(spec.dock for spec in PANELS))
        window.finish_menus()
        add_undo_actions(window, self.undo_stack)
        self._connect_frame()
        self.session = WindowSession(settings, window, self.style, self.navigator)
        self.session.restore()
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
    def outline(self) -> OutlinePanel:
        """The outline panel."""
        return cast("OutlinePanel", self.panel("outline"))

    @property
    def search_panel(self) -> SearchPanel:
        """The search panel."""
        return cast("SearchPanel", self.panel("search_panel"))

    @property
    def library_panel(self) -> LibraryPanel:
        """The library panel."""
        return cast("LibraryPanel", self.panel("library_panel"))

    @property
    def bookmarks_panel(self) -> BookmarksPanel:
        """The bookmarks panel."""
        return cast("BookmarksPanel", self.panel("bookmarks_panel"))

    @property
    def highlights_panel(self) -> HighlightsPanel:
        """The highlights panel."""
        return cast("HighlightsPanel", self.panel("highlights_panel"))

    @property
    def player(self) -> PlayerBar:
        """The narration player under the text."""
        self.complete()
        assert self._player is not None
        return self._player

    @property
    def controllers(self) -> Controllers:
        """The controllers behind the panels and the player (building them now if they are not yet)."""
        self.complete()
        assert self._controllers is not None
        return self._controllers

    @property
    def narration_ui(self) -> NarrationController:
        """Narration's controller."""
        return self.controllers.narration

    @property
    def bookmarks_ui(self) -> BookmarksController:
        """Bookmarks' controller."""
        return self.controllers.bookmarks

    @property
    def highlights_ui(self) -> HighlightsController:
        """Highlights' controller."""
        return self.controllers.highlights

    @property
    def library_ui(self) -> LibraryController:
        """The library's controller."""
        return self.controllers.library

    @property
    def search_ui(self) -> SearchController:
        """Search's controller."""
        return self.controllers.search

    @property
    def analysis_ui(self) -> AnalysisController:
        """Compare and analyse's controller."""
        return self.controllers.analysis

    @property
    def is_complete(self) -> bool:
        """Whether the panels and the player have been built."""
        return self._completed

    # First stage: the frame's wiring ------------------------------------------------------

    def _connect_frame(self) -> None:
        window, actions, style = self.window, self.window.named_actions, self.style
        for name, spec in ACTION_SPECS.items():
            if spec.handler is not None:
                actions[name].triggered.connect(lambda checked=False, handler=spec.handler: handler(self, checked))
        presets = PAGE_ZOOM_PRESETS
        slots = {f"theme_{theme}": lambda _c=False, n=theme: style.set_theme(n) for theme in THEMES}
        slots.update({f"spacing_{v}": lambda _c=False, v=v: style.set_line_spacing(v) for v in LINE_SPACINGS})
        for key, slot in slots.items():
            actions[key].triggered.connect(slot)
        window.metadata.attachmentActivated.connect(self.navigator.open)
        window.recent_menu.aboutToShow.connect(lambda: self.opening.fill_recent_menu(window.recent_menu))
        window.sourceDropped.connect(self.navigator.open)
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
        style.fontSizeChanged.connect(lambda px: window.show_size(presets, px))
        style.themeChanged.connect(window.metadata.apply_theme)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(
                lambda _scheme: style.restyle() if self.settings.theme == "system" else None
            )

    def escape(self) -> None:
        """Esc: leave full-screen reading first; otherwise clear the search highlights and counter."""
        if self.window.full_screen_reading:
            self.window.action("fullscreen").setChecked(False)
        else:
            self.search_ui.clear_highlights()

    def _on_history(self, can_back: bool, can_forward: bool) -> None:
        self.window.action("back").setEnabled(can_back)
        self.window.action("forward").setEnabled(can_forward)

    def _on_document_shown(self, document: Document) -> None:
        window = self.window
        window.metadata.show_metadata(document)
        window.metadata.apply_theme(self.style.theme)
        title = QCoreApplication.translate("MainWindow", "%1 — Report Reader")
        window.setWindowTitle(title.replace("%1", display_name(document)))
        self.status.set_document(document)
        if self._completed:  # otherwise the outline shows it when it is built
            self.outline.show_outline(document)
        self._on_reading_position(*self.view.top_position())

    def _on_reading_position(self, index: int, offset: int = 0) -> None:
        self.status.update(index, offset)
        if self._completed:
            self.outline.follow_paragraph(index)

    def chosen_section(self) -> str | None:
        """The outline's current section (None before the panels exist)."""
        return self.outline.current_node_id() if self._completed else None

    def section_action(self, action: str, node_id: str) -> None:
        """An action of the outline's section menu, done on that section of the open report."""
        handlers = {
            "bookmark": self.bookmarks_ui.add_section,
            "narrate": self.narration_ui.read_section,
            "search": self.search_ui.search_section,
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
        panel.set_query(text)
        panel.submit()

    def shortcuts_dialog(self) -> ShortcutsDialog:
        """Help → Keyboard Shortcuts, built from the window's actions plus the keys that are not actions."""
        from reader.ui.window.shortcuts_dialog import window_shortcuts_dialog

        return window_shortcuts_dialog(self.window)

    def show_shortcuts(self) -> None:
        """Help → Keyboard Shortcuts (F1)."""
        self.shortcuts_dialog().exec()

    def show_about(self) -> None:
        """Help → About."""
        from reader.ui.window.about import AboutDialog

        AboutDialog(self.window).exec()

    def focus_search(self) -> None:
        """Edit → Find (Ctrl+F): show the search dock and put the cursor in its box."""
        panel = self.search_panel
        self.window.show_panel("search_panel")
        panel.focus_box()

    # Second stage: panels, player and their controllers ---------------------------------------
    def _finish_after_first_paint(self) -> None:
        """Load the panel modules now, build the panels on the next turn of the event loop.

        Two steps keep each pause of the GUI thread short.
        """
        if self._completed:
            return
        second_stage_classes()
        QTimer.singleShot(0, self.complete)

    def complete(self) -> None:
        """Build the panels into their docks, the player and their controllers (idempotent)."""
        if self._completed:
            return
        self._completed = True
        player_class, panel_classes = second_stage_classes()
        window = self.window
        for key, kind in panel_classes.items():
            self.panels[key] = kind(window.docks[key])  # into the dock that held its place: nothing moves
            window.set_panel(key, self.panels[key])
        self._player = player_class(window.centralWidget())
        window.add_under_text(self._player)
        self._controllers = create_controllers(self)
        outline = self.outline
        outline.nodeActivated.connect(self.navigator.go_to_paragraph)
        outline.sectionAction.connect(self.section_action)
        search = self.search_panel
        search.set_result_order(self.settings.search_order)
        search.orderChanged.connect(lambda order: setattr(self.settings, "search_order", order))
        player_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self._player, self.narration_ui.toggle)
        player_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if self.document is not None:  # catch up with what happened before the panels existed
            outline.show_outline(self.document)
            outline.follow_paragraph(self.view.top_position()[0])
            self._controllers.bookmarks.refresh()
        connect_services(self._controllers, self.services, self._attached)
        self.completed.emit()

    # Third stage: the background services ---------------------------------------------------
    def attach_services(self, services: Services) -> None:
        """Connect the library, bookmark and narration services that are given (the others stay)."""
        for name in services.given():
            setattr(self.services, name, getattr(services, name))
        if self._controllers is not None:
            connect_services(self._controllers, self.services, self._attached)


def compose(
    documents: DocumentService,
    settings: Settings,
    runner: TaskRunner,
    families: tuple[str, ...],
    *,
    staged: bool = False,
    services: Services | None = None,
) -> ReaderApp:
    """Assemble the application window (the launcher's and the tests' one way).

    Args:
        documents: Loads documents.
        settings: UI state.
        runner: Worker for typesetting and exports.
        families: Chinese font families to typeset with.
        staged: Build the panels only after the first paint (the launcher's fast start).
        services: Background services that exist already (the launcher attaches its own later).

    Returns:
        The application, its frame built.
    """
    app = ReaderApp(documents, settings, runner, families, staged=staged)
    if services is not None:
        app.attach_services(services)
    return app
