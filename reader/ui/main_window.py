"""The main window: reading view, outline dock, metadata card, menus, status bar.

Built in two stages so the report is on screen as early as possible: the frame
(text, metadata card, menus, toolbar and the docks, still empty, in their restored
places) first, then, after the first paint, the panels inside the docks and the
player. Widget wiring is in ``_connect_signals`` (frame) and
``_connect_panel_signals`` (panels).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Document
from reader.core.reading import PAGE_ZOOM_PRESETS, ProgressCalculator, citation, section_link, zoom_step
from reader.core.sources import split_fragment
from reader.services.documents import DocumentService
from reader.services.settings import FONT_SIZES, LINE_SPACINGS, THEMES, ReadingPosition, Settings
from reader.services.tasks import TaskRunner
from reader.ui.appearance import chrome_palette
from reader.ui.bookmarks_controller import BookmarksController
from reader.ui.library_controller import LibraryController
from reader.ui.messages import friendly_error
from reader.ui.narration_controller import NarrationController
from reader.ui.reading_view import ReadingView
from reader.ui.typesetter import TypeStyle, preparer, type_style_from
from reader.ui.widgets import MessageBanner, MetadataCard

if TYPE_CHECKING:  # imported when used: they bring SQLite, Whoosh, NumPy, the speech engine, the panels
    from reader.services.bookmarks import BookmarkService
    from reader.services.library import LibraryService
    from reader.services.narration import NarrationService
    from reader.ui.bookmarks_panel import BookmarksPanel
    from reader.ui.library_panel import LibraryPanel
    from reader.ui.outline_panel import OutlinePanel
    from reader.ui.player_bar import PlayerBar
    from reader.ui.search_panel import SearchPanel

# The docks, in their default arrangement: the panel's attribute, the dock's object name
# (kept in the saved window state), left or right, and whether it is tabbed behind the
# previous dock.
DOCKS = (
    ("outline", "outlineDock", Qt.DockWidgetArea.LeftDockWidgetArea, False),
    ("library_panel", "libraryDock", Qt.DockWidgetArea.LeftDockWidgetArea, True),
    ("bookmarks_panel", "bookmarksDock", Qt.DockWidgetArea.LeftDockWidgetArea, True),
    ("search_panel", "searchDock", Qt.DockWidgetArea.RightDockWidgetArea, False),
)


# The text area never gets narrower than this; the player bar, added under it in the
# second stage, fits in it, so its arrival cannot push the docks and re-flow the text.
MIN_READING_WIDTH = 480


def _second_stage_classes() -> tuple[type, dict[str, type]]:
    """The player's class and each dock's panel class; the first call loads their modules (slow)."""
    from reader.ui.bookmarks_panel import BookmarksPanel
    from reader.ui.library_panel import LibraryPanel
    from reader.ui.outline_panel import OutlinePanel
    from reader.ui.player_bar import PlayerBar
    from reader.ui.search_panel import SearchPanel

    panels = {
        "outline": OutlinePanel,
        "library_panel": LibraryPanel,
        "bookmarks_panel": BookmarksPanel,
        "search_panel": SearchPanel,
    }
    return PlayerBar, panels


class _FirstPaintWatcher(QObject):
    """Calls back once, after the first paint of a widget."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # after this paint has reached the screen
        return False


class MainWindow(QMainWindow):
    """The application window.

    Args:
        documents: Loads documents in the background.
        settings: UI state.
        runner: Worker pool for exports.
        families: Chinese font families to typeset with.
        staged: Build the panels and the player only after the first paint
            (the launcher's fast start); otherwise the window is complete at once.

    Signals:
        documentShown(object): a document is on screen (tests and later features hook here).
        completed(): the panels and the player exist (at once unless ``staged``).
    """

    documentShown = Signal(object)
    styleApplied = Signal()
    completed = Signal()

    def __init__(
        self,
        documents: DocumentService,
        settings: Settings,
        runner: TaskRunner,
        families: tuple[str, ...],
        library: LibraryService | None = None,
        bookmarks: BookmarkService | None = None,
        narration: NarrationService | None = None,
        parent: QWidget | None = None,
        staged: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.documents = documents
        self.settings = settings
        self.runner = runner
        self.families = families
        self.library: LibraryService | None = None
        self.bookmarks: BookmarkService | None = None
        self.narration: NarrationService | None = None
        self.undo_stack = QUndoStack(self)
        self._pending_paragraph = ""
        self.document: Document | None = None
        self._progress: ProgressCalculator | None = None
        self._pending_node = ""
        self._restore_position = True
        self._pending_anchor: tuple[int, int] | None = None
        self._chrome_theme = ""
        self._apply_chrome(self.type_style().theme)
        self.setWindowTitle(self.tr("Report Reader"))
        self.setAcceptDrops(True)
        self.resize(1200, 860)
        self._completed = False
        self._panels: dict[str, QWidget] = {}
        self._player: PlayerBar | None = None
        self._build_central()
        self.narration_ui = NarrationController(self)
        self.bookmarks_ui = BookmarksController(self)
        self.library_ui = LibraryController(self)
        self.docks = self._create_docks()
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect_signals()
        self._restore_layout()
        if staged:
            _FirstPaintWatcher(self.view.viewport(), self._finish_after_first_paint)
        else:
            self.complete()
        self.attach_services(library, bookmarks, narration)

    # Second stage: panels and player -----------------------------------------
    @property
    def outline(self) -> OutlinePanel:
        """The outline panel, in its dock (building the panels now if they are not yet)."""
        self.complete()
        return self._panels["outline"]

    @property
    def library_panel(self) -> LibraryPanel:
        """The library panel, in its dock."""
        self.complete()
        return self._panels["library_panel"]

    @property
    def bookmarks_panel(self) -> BookmarksPanel:
        """The bookmarks panel, in its dock."""
        self.complete()
        return self._panels["bookmarks_panel"]

    @property
    def search_panel(self) -> SearchPanel:
        """The search panel, in its dock."""
        self.complete()
        return self._panels["search_panel"]

    @property
    def player(self) -> PlayerBar:
        """The narration player under the text."""
        self.complete()
        return self._player

    @property
    def is_complete(self) -> bool:
        """Whether the panels and the player have been built."""
        return self._completed

    def _finish_after_first_paint(self) -> None:
        """Staged start: load the panel modules now, build the panels on the next turn of the event loop.

        Two steps keep each pause of the GUI thread short.
        """
        if self._completed:
            return
        _second_stage_classes()
        QTimer.singleShot(0, self.complete)

    def complete(self) -> None:
        """Build the panels into their docks, and the player (idempotent)."""
        if self._completed:
            return
        self._completed = True
        player_class, panel_classes = _second_stage_classes()
        self._player = player_class(self.centralWidget())
        self._player.setEnabled(False)  # until a narration service is attached
        self.central_layout.addWidget(self._player)
        for attribute, kind in panel_classes.items():
            # Into the dock that has held its place since the first stage: nothing moves.
            self._panels[attribute] = kind(self.docks[attribute])
            self.docks[attribute].setWidget(self._panels[attribute])
        self._connect_panel_signals()
        if self.document is not None:  # catch up with what happened before the panels existed
            self.outline.show_outline(self.document)
            self.outline.follow_paragraph(self.view.top_position()[0])
            self.bookmarks_ui.refresh()
        self.completed.emit()

    def _create_docks(self) -> dict[str, QDockWidget]:
        """The panels' docks, empty until the panels are built, in their default places."""
        titles = {
            "outline": self.tr("Outline"),
            "library_panel": self.tr("Library"),
            "bookmarks_panel": self.tr("Bookmarks"),
            "search_panel": self.tr("Search"),
        }
        docks = {}
        previous = None
        for attribute, name, area, tabbed in DOCKS:
            dock = QDockWidget(titles[attribute], self)
            dock.setObjectName(name)
            docks[attribute] = dock
            self.addDockWidget(area, dock)
            if tabbed and previous is not None:
                self.tabifyDockWidget(previous, dock)
            previous = dock
        docks["outline"].raise_()
        return docks

    # Construction -----------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        central.setMinimumWidth(MIN_READING_WIDTH)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = MessageBanner(central)
        self.metadata = MetadataCard(central)
        self.view = ReadingView(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.metadata)
        layout.addWidget(self.view, 1)
        self.central_layout = layout
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setAccessibleName(self.tr("Reading progress"))
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.progress_label)

    def _action(self, text: str, slot, shortcut=None, name: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.act_open = self._action(self.tr("&Open…"), self.open_file_dialog, key(key.StandardKey.Open), "actOpen")
        self.act_open_url = self._action(self.tr("Open &URL…"), self.open_url_dialog, key("Ctrl+L"), "actOpenUrl")
        self.act_print = self._action(self.tr("&Print…"), self.print_document, key(key.StandardKey.Print), "actPrint")
        self.act_pdf = self._action(self.tr("Export as P&DF…"), self.export_pdf_dialog, key("Ctrl+Shift+E"), "actPdf")
        self.act_quit = self._action(self.tr("&Quit"), self.close, key(key.StandardKey.Quit), "actQuit")
        self.act_copy = self._action(self.tr("&Copy"), self.view.copy, key(key.StandardKey.Copy), "actCopy")
        self.act_cite = self._action(
            self.tr("Copy with &Citation"), self.copy_with_citation, key("Ctrl+Shift+C"), "actCite"
        )
        self.act_section_link = self._action(
            self.tr("Copy &Section Link"), self.copy_section_link, key("Ctrl+Shift+L"), "actSectionLink"
        )
        self.act_select_all = self._action(
            self.tr("Select &All"), self.view.selectAll, key(key.StandardKey.SelectAll), "actSelectAll"
        )
        self.act_zoom_in = self._action(
            self.tr("Zoom &In"), lambda: self.zoom(1), [key(key.StandardKey.ZoomIn), key("Ctrl+=")], "actZoomIn"
        )
        self.act_zoom_out = self._action(
            self.tr("Zoom &Out"), lambda: self.zoom(-1), key(key.StandardKey.ZoomOut), "actZoomOut"
        )
        self.act_zoom_reset = self._action(self.tr("&Normal Size"), lambda: self.zoom(0), key("Ctrl+0"), "actZoom0")
        self.act_large = self._action(
            self.tr("Large"), lambda: self.set_font_px(PAGE_ZOOM_PRESETS["large"]), None, "actLarge"
        )
        self.act_medium = self._action(
            self.tr("Medium"), lambda: self.set_font_px(PAGE_ZOOM_PRESETS["medium"]), None, "actMedium"
        )
        self.act_small = self._action(
            self.tr("Small"), lambda: self.set_font_px(PAGE_ZOOM_PRESETS["small"]), None, "actSmall"
        )
        self.act_fullscreen = self._action(
            self.tr("&Full Screen"), self.toggle_full_screen, key(key.StandardKey.FullScreen), "actFullScreen", True
        )
        self.act_next_panel = self._action(self.tr("Next Panel"), self.focus_next_panel, key("F6"), "actNextPanel")
        self.act_find = self._action(self.tr("&Find…"), self.search_panel_focus, key(key.StandardKey.Find), "actFind")
        self.act_find_next = self._action(
            self.tr("Find &Next"), lambda: self.library_ui.step_match(1), key(key.StandardKey.FindNext), "actFindNext"
        )
        self.act_find_previous = self._action(
            self.tr("Find Pre&vious"),
            lambda: self.library_ui.step_match(-1),
            key(key.StandardKey.FindPrevious),
            "actFindPrev",
        )
        self.act_clear_highlights = self._action(
            self.tr("Clear Highlights"), self.library_ui.clear_highlights, key("Esc"), "actClearHighlights"
        )
        self.act_bookmark = self._action(
            self.tr("&Bookmark This Place…"), self.bookmarks_ui.add, key("Ctrl+D"), "actBookmark"
        )
        self.act_next_bookmark = self._action(
            self.tr("Next Bookmark"), lambda: self.bookmarks_ui.step(1), key("F2"), "actNextBookmark"
        )
        self.act_previous_bookmark = self._action(
            self.tr("Previous Bookmark"), lambda: self.bookmarks_ui.step(-1), key("Shift+F2"), "actPrevBookmark"
        )
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(key.keyBindings(key.StandardKey.Undo))
        self.act_undo.setObjectName("actUndo")
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(key.keyBindings(key.StandardKey.Redo))
        self.act_redo.setObjectName("actRedo")
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_add_to_library = self._action(
            self.tr("&Add to Library"), self.library_ui.add_current, None, "actAddToLibrary"
        )
        self.act_metadata = self._action(
            self.tr("Document &Information"), self._toggle_metadata, key("Ctrl+I"), "actMetadata", True
        )
        self.theme_group = QActionGroup(self)
        theme_names = {
            "system": self.tr("Follow &System"),
            "light": self.tr("&Light"),
            "sepia": self.tr("&Sepia"),
            "dark": self.tr("&Dark"),
        }
        self.theme_actions = {}
        for name in THEMES:
            action = self._action(
                theme_names[name], lambda _c=False, n=name: self.set_theme(n), None, f"theme_{name}", True
            )
            self.theme_group.addAction(action)
            self.theme_actions[name] = action
        self.spacing_group = QActionGroup(self)
        self.spacing_actions = {}
        for value in LINE_SPACINGS:
            action = self._action(
                f"{value / 100:g}×", lambda _c=False, v=value: self.set_line_spacing(v), None, f"spacing_{value}", True
            )
            self.spacing_group.addAction(action)
            self.spacing_actions[value] = action

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_open)
        file_menu.addAction(self.act_open_url)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        file_menu.addAction(self.act_add_to_library)
        file_menu.addSeparator()
        file_menu.addAction(self.act_print)
        file_menu.addAction(self.act_pdf)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        self.file_menu = file_menu
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        for action in (self.act_copy, self.act_cite, self.act_section_link, self.act_select_all):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.act_find, self.act_find_next, self.act_find_previous, self.act_clear_highlights):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.act_bookmark, self.act_next_bookmark, self.act_previous_bookmark):
            edit_menu.addAction(action)
        self.edit_menu = edit_menu
        view_menu = menu_bar.addMenu(self.tr("&View"))
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            view_menu.addAction(action)
        size_menu = view_menu.addMenu(self.tr("Text &Size"))
        for action in (self.act_large, self.act_medium, self.act_small):
            size_menu.addAction(action)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        for action in self.theme_actions.values():
            theme_menu.addAction(action)
        spacing_menu = view_menu.addMenu(self.tr("Line &Spacing"))
        for action in self.spacing_actions.values():
            spacing_menu.addAction(action)
        view_menu.addSeparator()
        self._add_panel_toggles(view_menu)
        view_menu.addAction(self.act_metadata)
        view_menu.addAction(self.act_fullscreen)
        view_menu.addAction(self.act_next_panel)
        self.view_menu = view_menu
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.act_about = self.help_menu.addAction(self.tr("&About Report Reader"), self.show_about)
        self.act_about.setObjectName("actAbout")
        self.view.set_context_actions([self.act_cite, self.act_section_link, self.act_bookmark])

    def _add_panel_toggles(self, view_menu: QMenu) -> None:
        """View menu entries that show and hide the panels."""
        labels = {
            "outline": self.tr("&Outline"),
            "library_panel": self.tr("&Library"),
            "bookmarks_panel": self.tr("&Bookmarks"),
            "search_panel": self.tr("Searc&h Panel"),
        }
        for attribute, label in labels.items():
            action = self.docks[attribute].toggleViewAction()
            action.setText(label)
            if attribute == "outline":
                action.setShortcut(QKeySequence("F9"))
            view_menu.addAction(action)

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.act_open)
        toolbar.addAction(self.act_print)
        toolbar.addAction(self.act_pdf)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Text size:") + " ", self))
        self.size_buttons = {}
        for name, action in (("large", self.act_large), ("medium", self.act_medium), ("small", self.act_small)):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setCheckable(True)
            button.setObjectName(f"size_{name}")
            button.setAccessibleName(action.text())
            toolbar.addWidget(button)
            self.size_buttons[name] = button
        toolbar.addSeparator()
        toolbar.addAction(self.act_zoom_out)
        toolbar.addAction(self.act_zoom_in)
        toolbar.addSeparator()
        toolbar.addAction(self.act_find)
        theme_button = QToolButton(self)
        theme_button.setText(self.tr("Theme"))
        theme_button.setAccessibleName(self.tr("Theme"))
        theme_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        theme_menu = QMenu(theme_button)
        for action in self.theme_actions.values():
            theme_menu.addAction(action)
        theme_button.setMenu(theme_menu)
        toolbar.addWidget(theme_button)
        self.toolbar = toolbar

    def _connect_signals(self) -> None:
        self.documents.loading.connect(self._on_loading)
        self.documents.loaded.connect(self._on_loaded)
        self.documents.failed.connect(self._on_failed)
        self.view.topParagraphChanged.connect(self._on_top_paragraph)
        self.view.zoomRequested.connect(self.zoom)
        self.metadata.collapsedChanged.connect(self._on_metadata_collapsed)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.view.topParagraphChanged.connect(lambda *_: self.narration_ui.check_scrolled_away())
        self.view.paragraphClicked.connect(self.narration_ui.narrate_from_click)
        self.play_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self.view, self.narration_ui.toggle)
        self.play_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(
                lambda _scheme: self._restyle() if self.settings.theme == "system" else None
            )

    def _connect_panel_signals(self) -> None:
        self.outline.nodeActivated.connect(self.go_to_paragraph_id)
        self.library_ui.connect_panels(self.search_panel, self.library_panel)
        self.narration_ui.connect_player(self.player)
        self.player_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self.player, self.narration_ui.toggle)
        self.player_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.bookmarks_ui.connect_panel(self.bookmarks_panel)

    # Services attached after the first page: their wiring lives here -------------------------
    def attach_services(self, library=None, bookmarks=None, narration=None) -> None:
        """Connect the library, bookmark and narration services (any may be None)."""
        if library is not None:
            self.library = library
            self.library_ui.attach(library)
        if bookmarks is not None:
            self.bookmarks = bookmarks
            self.bookmarks_ui.attach(bookmarks)
        if narration is not None:
            self.narration = narration
            self.narration_ui.attach(narration)

    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        else:  # first run: the outline beside the text; search opens on Ctrl+F or the toolbar's Find
            self.resizeDocks([self.docks["outline"]], [280], Qt.Orientation.Horizontal)
            self.docks["search_panel"].hide()
        self.metadata.set_collapsed(self.settings.metadata_collapsed)
        self.act_metadata.setChecked(not self.settings.metadata_collapsed)
        self.theme_actions[self.settings.theme].setChecked(True)
        self.spacing_actions[self.settings.line_spacing].setChecked(True)
        self._sync_size_buttons()

    # Style -------------------------------------------------------------------
    def type_style(self) -> TypeStyle:
        """The current reading style from the settings."""
        return type_style_from(self.settings, self.families)

    def _preparer(self, style: TypeStyle):
        """A callable that typesets and lays out a document on a worker thread for the current view."""
        return preparer(style, self.view.text_width() if self.isVisible() else None)

    def _restyle(self) -> None:
        """Re-typeset for a new size, spacing or theme on a worker; the view keeps its place meanwhile."""
        style = self.type_style()
        self.metadata.apply_theme(style.theme)
        self._apply_chrome(style.theme)
        self._sync_size_buttons()
        if self.document is None:
            return
        if self._pending_anchor is None:
            self._pending_anchor = self.view.top_position()
        document = self.document
        self.runner.submit(
            self._preparer(style),
            document,
            on_done=lambda text_document: self._install_restyled(document, text_document, style),
            on_error=lambda error: self.banner.show_message(str(error)),
            channel="typeset",
        )

    def _apply_chrome(self, theme) -> None:
        """Colour menus, docks and dialogs to match a dark reading theme (once per theme change)."""
        if theme.name == self._chrome_theme:
            return
        app = QApplication.instance()
        if app.palette().resolveMask():
            app.setPalette(QPalette())  # back to the desktop's own palette
        self._chrome_theme = theme.name
        palette = chrome_palette(theme, app.palette())
        if palette is not None:
            app.setPalette(palette)

    def _install_restyled(self, document: Document, text_document, style: TypeStyle) -> None:
        anchor, self._pending_anchor = self._pending_anchor, None
        if document is not self.document:
            return
        if text_document.textWidth() != self.view.text_width():  # resized meanwhile: lay out again here
            self.view.show_document(document, style, anchor)
        else:
            self.view.install(document, text_document, style, anchor)
        self.styleApplied.emit()

    def set_font_px(self, size: int) -> None:
        """Set the body text size (the page's 大/中/小 and the zoom steps land here)."""
        size = min(max(size, FONT_SIZES[0]), FONT_SIZES[-1])
        if size != self.settings.font_px or self.view.type_style is None:
            self.settings.font_px = size
            self._restyle()
        self.statusBar().showMessage(self.tr("Text size: %1 px").replace("%1", str(size)), 1500)

    def zoom(self, direction: int) -> None:
        """Zoom one step in (+1), out (-1) or back to the normal 16 px (0)."""
        self.set_font_px(zoom_step(FONT_SIZES, self.settings.font_px, direction))

    def _sync_size_buttons(self) -> None:
        for name, button in self.size_buttons.items():
            button.setChecked(self.settings.font_px == PAGE_ZOOM_PRESETS[name])

    def set_theme(self, name: str) -> None:
        """Switch the colour theme."""
        self.settings.theme = name
        self.theme_actions[self.settings.theme].setChecked(True)
        self._restyle()

    def set_line_spacing(self, value: int) -> None:
        """Switch the line spacing (percent)."""
        self.settings.line_spacing = value
        self._restyle()

    def _toggle_metadata(self, checked: bool) -> None:
        self.metadata.set_collapsed(not checked)

    def _on_metadata_collapsed(self, collapsed: bool) -> None:
        self.settings.metadata_collapsed = collapsed
        self.act_metadata.setChecked(not collapsed)

    # Opening -------------------------------------------------------------------
    def open_source(self, source: str, restore_position: bool = True) -> None:
        """Open a path or URL in the background (a ``#node`` fragment jumps to that section)."""
        self.documents.open(self.expect_source(source, restore_position), self._preparer(self.type_style()))

    def search_panel_focus(self) -> None:
        """Edit → Find (Ctrl+F): show the search dock and put the cursor in its box."""
        panel = self.search_panel
        self.docks["search_panel"].show()
        self.docks["search_panel"].raise_()
        panel.focus_box()

    def open_at_paragraph(self, source: str, paragraph_id: str) -> None:
        """Open a document and show a paragraph of it (a search hit, a bookmark elsewhere)."""
        self._pending_paragraph = paragraph_id
        self.open_source(source, restore_position=False)

    def expect_source(self, source: str, restore_position: bool = True) -> str:
        """Prepare for a document being opened (here or already by the launcher); returns the address."""
        address, fragment = split_fragment(source)
        self._pending_node = fragment
        self._restore_position = restore_position and not fragment
        return address

    def open_file_dialog(self) -> None:
        """File → Open."""
        start = str(Path(self.document.source).parent) if self.document and "://" not in self.document.source else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Report"), start, self.tr("Reports (*.html *.htm *.shtml *.txt *.md);;All files (*)")
        )
        if path:
            self.open_source(path)

    def open_url_dialog(self) -> None:
        """File → Open URL."""
        url, ok = QInputDialog.getText(self, self.tr("Open URL"), self.tr("Address of a report page:"))
        if ok and url.strip():
            self.open_source(url.strip())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for source in recent:
            label = source if len(source) < 80 else "…" + source[-78:]
            action = self.recent_menu.addAction(label)
            action.triggered.connect(lambda _c=False, s=source: self.open_source(s))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _on_loading(self, source: str) -> None:
        self.busy.show()
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", source))
        self.banner.hide()

    def _on_failed(self, source: str, message: str, kind: str = "") -> None:
        self.busy.hide()
        self.statusBar().clearMessage()
        reason = friendly_error(kind, message)
        self.banner.show_message(self.tr("Could not open %1: %2").replace("%1", source).replace("%2", reason))

    def _on_loaded(self, document: Document, source: str, prepared=None) -> None:
        self.busy.hide()
        self.statusBar().clearMessage()
        self.save_position()
        self.narration_ui.document_changed()
        self.document = document
        self._progress = ProgressCalculator(document)
        position = None
        if self._pending_paragraph and document.paragraph_index(self._pending_paragraph) >= 0:
            position = (document.paragraph_index(self._pending_paragraph), 0)
        elif self._pending_node:
            node = document.node(self._pending_node)
            if node is not None:
                position = (document.paragraph_index(node.paragraph), 0)
        elif self._restore_position:
            saved = self.settings.position(document.id)
            if saved is not None and document.paragraph_index(saved.paragraph) >= 0:
                position = (document.paragraph_index(saved.paragraph), saved.offset)
        style = self.type_style()
        self.metadata.show_metadata(document)
        self.metadata.apply_theme(style.theme)
        if self._completed:  # otherwise the panels show it when they are built
            self.outline.show_outline(document)
        self.runner.cancel_channel("typeset")
        self._pending_anchor = None
        if prepared is not None and prepared.defaultFont().pixelSize() == style.font_px:
            self.view.install(document, prepared, style, position)  # laid out here if the width changed
        else:
            self.view.show_document(document, style, position)
        self.setWindowTitle(self.tr("%1 — Report Reader").replace("%1", document.title))
        self.settings.last_source = source
        self.settings.add_recent(source)
        self._on_top_paragraph(*self.view.top_position())
        self.library_ui.document_changed()
        self._pending_paragraph = ""
        self.bookmarks_ui.refresh()
        if self.bookmarks is not None:
            self.bookmarks.reanchor(document)
        self.documentShown.emit(document)

    # Navigation ------------------------------------------------------------------
    def go_to_paragraph_id(self, paragraph_id: str) -> None:
        """Scroll to a paragraph by id (outline clicks, search hits, bookmarks)."""
        if self.document is None:
            return
        index = self.document.paragraph_index(paragraph_id)
        if index >= 0:
            self.view.scroll_to_paragraph(index)
            self._on_top_paragraph(index, 0)

    def _on_top_paragraph(self, index: int, offset: int) -> None:
        if self.document is None or self._progress is None:
            return
        if self._completed:
            self.outline.follow_paragraph(index)
        progress = self._progress.at(index, offset)
        path = " › ".join(progress.section_path) or self.document.title
        self.progress_label.setText(
            self.tr("%1% · %2 · about %3 min left")
            .replace("%1", str(progress.percent))
            .replace("%2", path if len(path) < 60 else path[:58] + "…")
            .replace("%3", str(progress.minutes_left))
        )
        if 0 <= index < len(self.document.paragraphs):
            self.settings.set_position(self.document.id, ReadingPosition(self.document.paragraphs[index].id, offset))

    def save_position(self) -> None:
        """Store the reading position of the open document."""
        if self.document is not None:
            index, offset = self.view.top_position()
            if 0 <= index < len(self.document.paragraphs):
                self.settings.set_position(
                    self.document.id, ReadingPosition(self.document.paragraphs[index].id, offset)
                )

    def focus_next_panel(self) -> None:
        """F6: cycle focus between the text and the visible docks."""
        self.complete()
        docks = [
            dock
            for dock in (*self.docks.values(), *self._extra_docks())
            if dock.isVisible() and not dock.visibleRegion().isEmpty()
        ]  # a dock under another tab is skipped
        panels = [self.view] + [dock.widget() or dock for dock in docks]
        focused = QApplication.focusWidget()
        current = next((i for i, p in enumerate(panels) if focused is p or (focused and p.isAncestorOf(focused))), -1)
        panels[(current + 1) % len(panels)].setFocus(Qt.FocusReason.TabFocusReason)

    def _extra_docks(self) -> list[QDockWidget]:
        known = set(self.docks.values())
        return [dock for dock in self.findChildren(QDockWidget) if dock not in known]

    def toggle_full_screen(self, checked: bool) -> None:
        """View → Full Screen."""
        self.showFullScreen() if checked else self.showNormal()

    # Clipboard -----------------------------------------------------------------------
    def citation_text(self) -> str:
        """The selection with its citation, as Copy with Citation puts it on the clipboard."""
        if self.document is None:
            return ""
        selection = self.view.textCursor().selectedText().replace("\u2029", "\n")
        index = self.view.selection_paragraph()
        paragraph_id = self.document.paragraphs[index].id if index is not None and self.document.paragraphs else None
        if not selection.strip() and paragraph_id:
            selection = self.document.paragraphs[index].text
        return citation(self.document, selection, paragraph_id)

    def copy_with_citation(self) -> None:
        """Edit → Copy with Citation (mirror of the page's 分享)."""
        text = self.citation_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.statusBar().showMessage(self.tr("Copied with citation"), 2000)

    def copy_section_link(self) -> None:
        """Copy a link to the section at the reading position (or selected in the outline)."""
        if self.document is None:
            return
        node_id = self.outline.current_node_id()
        if not node_id:
            index = self.view.top_position()[0]
            node_id = self.document.paragraphs[index].section if self.document.paragraphs else None
        if node_id:
            QGuiApplication.clipboard().setText(section_link(self.document, node_id))
            self.statusBar().showMessage(self.tr("Section link copied"), 2000)

    # Print and PDF -----------------------------------------------------------------------
    def print_document(self) -> None:
        """File → Print (mirror of the page's 打印)."""
        if self.document is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded on first use only

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        from reader.ui.printing import print_to_printer

        self._run_export(self.tr("Printing…"), print_to_printer, self.document, printer, self.families)

    def export_pdf_dialog(self) -> None:
        """File → Export as PDF."""
        if self.document is None:
            return
        suggested = str(Path.home() / f"{self.document.title}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as PDF"), suggested, self.tr("PDF (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Write the open document to a PDF on a worker thread."""
        from reader.ui.printing import export_pdf

        self._run_export(
            self.tr("Exporting PDF…"),
            export_pdf,
            self.document,
            path,
            self.families,
            done_message=self.tr("PDF written: %1").replace("%1", str(path)),
        )

    def _run_export(self, busy_text: str, function, *args, done_message: str = "") -> None:
        self.busy.show()
        self.statusBar().showMessage(busy_text)

        def done(_result) -> None:
            self.busy.hide()
            self.statusBar().showMessage(done_message or self.tr("Done"), 4000)

        def failed(error: Exception) -> None:
            self.busy.hide()
            self.statusBar().clearMessage()
            self.banner.show_message(self.tr("Could not finish: %1").replace("%1", str(error)))

        self.runner.submit(function, *args, on_done=done, on_error=failed)

    def show_about(self) -> None:
        """Help → About."""
        from reader.ui.about import AboutDialog

        AboutDialog(self).exec()

    # Window events --------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: D102 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: D102 - Qt override
        urls = event.mimeData().urls()
        if urls:
            url = urls[0]
            self.open_source(url.toLocalFile() if url.isLocalFile() else url.toString())
            event.acceptProposedAction()

    def closeEvent(self, event) -> None:  # noqa: D102 - Qt override
        self.save_position()
        self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)

    def open_link(self, url: QUrl) -> None:
        """Open an external link in the system browser."""
        if urlparse(url.toString()).scheme in ("http", "https"):
            QDesktopServices.openUrl(url)
