"""The main window: a frame of menus, toolbar, docks, status bar and the text area.

It holds widgets and lays them out; it knows no service and no controller. The
composition root (``reader.ui.root``) creates the panels into its docks, the
controllers behind its actions, and connects them. Its actions are named
(``window.action("find")``) and do nothing until the root connects them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.services.settings import LINE_SPACINGS, THEMES
from reader.ui.common.widgets import MessageBanner, MetadataCard, StateLabel
from reader.ui.reading.reading_view import ReadingView
from reader.ui.window.actions import ACTION_SPECS, WindowAction
from reader.ui.window.focus_order import tab_stops_in_screen_order
from reader.ui.window.toolbar import build_toolbar

# The text area never gets narrower than this; the player bar, added under it in the
# second stage, fits in it, so its arrival cannot push the docks and re-flow the text.
MIN_READING_WIDTH = 480
_KEY = QKeySequence.StandardKey


@dataclass(frozen=True)
class DockSpec:
    """Where a panel lives: its key, dock title, saved-state name, side, tab neighbour, View-menu entry and key.

    The texts are English source texts; the window translates them (context ``MainWindow``).
    """

    key: str
    title: object  # a QT_TRANSLATE_NOOP source text (context MainWindow)
    object_name: str
    area: Qt.DockWidgetArea
    tabbed: bool = False
    toggle_text: object = ""  # a QT_TRANSLATE_NOOP source text too
    shortcut: str = ""


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
    """The application window's frame.

    Signals:
        firstPainted(): the text has been painted once (the staged start builds the panels then).
        sourceDropped(str): a file or link was dropped on the window.
        closing(): the window is about to close (save the session now).
    """

    firstPainted = Signal()
    sourceDropped = Signal(str)
    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Report Reader"))
        self.setAcceptDrops(True)
        self.resize(1200, 860)
        self.docks: dict[str, QDockWidget] = {}
        self.named_actions: dict[str, QAction] = {}  # by name (QWidget.actions() is Qt's list)
        self._build_central()
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        _FirstPaintWatcher(self.view.viewport(), self.firstPainted.emit)

    # Frame ---------------------------------------------------------------------------
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
        self._central_layout = layout
        self.setCentralWidget(central)

    def add_under_text(self, widget: QWidget) -> None:
        """Put a bar under the text (the player)."""
        self._central_layout.addWidget(widget)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.progress_label = StateLabel(self.tr("Reading progress"), self)
        self.progress_label.setObjectName("progressLabel")
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.progress_label)

    def add_docks(self, specs: tuple[DockSpec, ...]) -> None:
        """Create the panels' docks, empty until the panels are built, in their default places."""
        previous = None
        for spec in specs:
            dock = QDockWidget(self.tr(str(spec.title)), self)
            dock.setObjectName(spec.object_name)
            self.docks[spec.key] = dock
            self.addDockWidget(spec.area, dock)
            if spec.tabbed and previous is not None:
                self.tabifyDockWidget(previous, dock)
            previous = dock
            toggle = dock.toggleViewAction()
            toggle.setText(self.tr(str(spec.toggle_text or spec.title)))
            if spec.shortcut:
                # The key brings the panel forward (even from under another tab of its dock) and into
                # focus; pressed again on the panel in front, it hides it. The menu shows the key.
                toggle.setText(
                    f"{toggle.text()}\t{QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)}"
                )
                key = self.add_action(f"panel_{spec.key}", toggle.text(), [QKeySequence(spec.shortcut)])
                key.triggered.connect(lambda _c=False, k=spec.key: self.bring_or_hide_panel(k))
            self.panels_menu.addAction(toggle)
        if specs:
            self.docks[specs[0].key].raise_()

    def set_panel(self, key: str, panel: QWidget) -> None:
        """Put a built panel into its dock (it takes the dock's place: nothing moves)."""
        self.docks[key].setWidget(panel)

    def show_panel(self, key: str) -> None:
        """Show a dock and bring it to the front of its tab group."""
        self.docks[key].show()
        self.docks[key].raise_()

    def panel_in_front(self, key: str) -> bool:
        """Whether a panel's dock is shown and not covered by another tab of its group."""
        dock = self.docks[key]
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def bring_or_hide_panel(self, key: str) -> None:
        """F9 and the like: show the panel in front and focus it; if it is already in front and focused, hide it."""
        dock = self.docks[key]
        panel = dock.widget()
        focused = QApplication.focusWidget()
        if self.panel_in_front(key) and focused is not None and dock.isAncestorOf(focused):
            dock.hide()
            self.view.setFocus()
            return
        self.show_panel(key)
        if panel is not None:
            getattr(panel, "focus_target", panel).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def next_dock_tab(self, step: int = 1) -> None:
        """Ctrl+Tab in a panel: the next (or previous) tab of its dock group, in front and focused."""
        focused = QApplication.focusWidget()
        here = next((k for k, d in self.docks.items() if focused is not None and d.isAncestorOf(focused)), None)
        if here is None:
            return
        group = [self.docks[here], *self.tabifiedDockWidgets(self.docks[here])]
        keys = [k for k, d in self.docks.items() if d in group]  # the docks' own order, stable
        target = keys[(keys.index(here) + step) % len(keys)]
        self.show_panel(target)
        panel = self.docks[target].widget()
        if panel is not None:
            getattr(panel, "focus_target", panel).setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Actions, menus, toolbar -----------------------------------------------------------
    def _build_actions(self) -> None:
        for name, spec in ACTION_SPECS.items():
            text = QCoreApplication.translate("MainWindow", str(spec.text))
            self.add_action(name, text, [QKeySequence(key) for key in spec.keys], spec.checkable)
        self.named_actions[WindowAction.FULLSCREEN].toggled.connect(self.toggle_full_screen)
        theme_names = {
            "system": self.tr("Follow &System"),
            "light": self.tr("&Light"),
            "sepia": self.tr("Se&pia"),
            "dark": self.tr("&Dark"),
        }
        self.theme_group = QActionGroup(self)
        for theme in THEMES:
            self.theme_group.addAction(self.add_action(f"theme_{theme}", theme_names[theme], [], True))
        self.spacing_group = QActionGroup(self)
        for value in LINE_SPACINGS:
            self.spacing_group.addAction(self.add_action(f"spacing_{value}", f"{value / 100:g}×", [], True))

    def add_action(self, name: str, text: str, shortcuts: list[QKeySequence], checkable: bool = False) -> QAction:
        """A named window action (its shortcut works wherever focus is in the window)."""
        action = QAction(text, self)
        action.setObjectName(name)
        unique = list(dict.fromkeys(key.toString() for key in shortcuts if not key.isEmpty()))  # Back is Alt+Left too
        action.setShortcuts([QKeySequence(key) for key in unique])
        action.setCheckable(checkable)
        self.addAction(action)
        self.named_actions[name] = action
        return action

    def action(self, name: str) -> QAction:
        """A window action by name."""
        return self.named_actions[name]

    def _menu(self, title: str, names: list[str]) -> QMenu:
        menu = self.menuBar().addMenu(title)
        self._fill(menu, names)
        return menu

    def _fill(self, menu: QMenu, names: list[str]) -> None:
        for name in names:
            if name == "-":
                menu.addSeparator()
            else:
                menu.addAction(self.named_actions[name])

    def _build_menus(self) -> None:
        self.file_menu = self._menu(self.tr("&File"), ["open", "open_url"])
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &Recent"))
        self._fill(self.file_menu, ["add_to_library", "-", "print", "pdf", "-", "quit"])
        self.edit_menu = self._menu(self.tr("&Edit"), [])  # the root adds undo and redo at the top
        self._fill(self.edit_menu, ["copy", "cite", "section_link", "select_all", "-"])
        self._fill(self.edit_menu, ["find", "find_next", "find_previous", "clear_highlights", "-"])
        self._fill(self.edit_menu, ["bookmark", "highlight", "next_bookmark", "previous_bookmark"])
        self.view_menu = self._menu(self.tr("&View"), ["zoom_in", "zoom_out", "zoom_reset"])
        self._fill(self.view_menu.addMenu(self.tr("Text &Size")), ["large", "medium", "small"])
        self._fill(self.view_menu.addMenu(self.tr("&Theme")), [f"theme_{name}" for name in THEMES])
        self._fill(self.view_menu.addMenu(self.tr("Line Spa&cing")), [f"spacing_{v}" for v in LINE_SPACINGS])
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu  # the docks' toggles go here (add_docks)
        self.view_menu_tail = [self.named_actions[name] for name in ("metadata", "fullscreen", "next_panel")]
        self.view_menu_tail.insert(0, self.named_actions["play_pause"])
        self.go_menu = self._menu(
            self.tr("&Go"),
            ["next_heading", "previous_heading", "next_paragraph", "previous_paragraph", "-", "read_paragraph"],
        )
        self.analysis_menu = self._menu(
            self.tr("&Analyse"),
            ["analysis_compare", "analysis_targets", "analysis_terms", "analysis_trend", "analysis_concordance"],
        )
        self.help_menu = self._menu(self.tr("&Help"), ["shortcuts", "-", "about"])

    def finish_menus(self) -> None:
        """Close the View menu after the docks' toggles."""
        for action in self.view_menu_tail:
            self.view_menu.addAction(action)

    def _build_toolbar(self) -> None:
        self.toolbar, self.size_buttons = build_toolbar(self, self.named_actions)

    # State shown by the frame ------------------------------------------------------------
    def show_size(self, sizes: dict[str, int], current: int) -> None:
        """Check the 大/中/小 button whose size is the current one."""
        for name, button in self.size_buttons.items():
            button.setChecked(sizes[name] == current)

    def check_style(self, theme: str, spacing: int) -> None:
        """Tick the theme and line-spacing entries in use."""
        self.named_actions[f"theme_{theme}"].setChecked(True)
        self.named_actions[f"spacing_{spacing}"].setChecked(True)

    def restore_layout(self, geometry: QByteArray | None, state: QByteArray | None) -> None:
        """Put the window and its docks where they were (first run: the outline beside the text)."""
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        elif "outline" in self.docks:
            self.resizeDocks([self.docks["outline"]], [280], Qt.Orientation.Horizontal)
            if "search_panel" in self.docks:
                self.docks["search_panel"].hide()  # opens on Ctrl+F or the toolbar's Find

    # Window behaviour ----------------------------------------------------------------
    def focus_next_panel(self) -> None:
        """F6: cycle focus between the text and the visible docks (a dock under another tab is skipped)."""
        docks = [d for d in self.findChildren(QDockWidget) if d.isVisible() and not d.visibleRegion().isEmpty()]
        panels: list[QWidget] = [self.view, *(dock.widget() or dock for dock in docks)]
        focused = QApplication.focusWidget()
        current = next((i for i, p in enumerate(panels) if focused is p or (focused and p.isAncestorOf(focused))), -1)
        chosen = panels[(current + 1) % len(panels)]
        getattr(chosen, "focus_target", chosen).setFocus(Qt.FocusReason.TabFocusReason)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab in screen order, over what is on screen, the same both ways.

        The order reads the window as a page: the toolbar, the left docks, the middle (document
        information, the text, the player), the right docks; each top to bottom, left to right.
        Qt's own order follows creation (the panels are built after the first paint, so they came
        last) and keeps a covered dock tab's controls as stops nobody can see.
        """
        stops = self.tab_stops()
        if not stops:
            return super().focusNextPrevChild(forward)
        focused = QApplication.focusWidget()
        here = next(
            (i for i, w in enumerate(stops) if focused is not None and (w is focused or w.isAncestorOf(focused))), None
        )
        step = 1 if forward else -1
        target = (0 if forward else -1) if here is None else (here + step) % len(stops)
        stops[target].setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    def tab_stops(self) -> list[QWidget]:
        """The window's Tab stops in screen order (see ``focusNextPrevChild``)."""
        return tab_stops_in_screen_order(self)

    def toggle_full_screen(self, checked: bool) -> None:
        """View → Full Screen Reading: the text alone (no menus, toolbar, panels or status bar); Esc leaves."""
        if checked:
            self._before_full_screen = [w for w in self._chrome() if w.isVisible()]
            for widget in self._before_full_screen:
                widget.hide()
            self.showFullScreen()
        else:
            for widget in getattr(self, "_before_full_screen", []):
                widget.show()
            self._before_full_screen = []
            self.showNormal()

    def _chrome(self) -> list[QWidget]:
        """What full-screen reading hides: menus, toolbars, docks, the status bar."""
        return [self.menuBar(), self.statusBar(), *self.findChildren(QToolBar), *self.docks.values()]

    @property
    def full_screen_reading(self) -> bool:
        """Whether the window is in full-screen reading."""
        return self.named_actions["fullscreen"].isChecked()

    def dragEnterEvent(self, event) -> None:  # noqa: D102 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: D102 - Qt override
        urls = event.mimeData().urls()
        if urls:
            url = urls[0]
            self.sourceDropped.emit(url.toLocalFile() if url.isLocalFile() else url.toString())
            event.acceptProposedAction()

    def closeEvent(self, event) -> None:  # noqa: D102 - Qt override
        self.closing.emit()
        super().closeEvent(event)
