"""What the window's actions and the composition see of the application (``ReaderApp``).

A protocol, so that the action table and the composition name the application's parts
without importing the composition root that imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from reader.services.settings import Settings
    from reader.services.tasks import TaskRunner
    from reader.ui.analysis.controller import AnalysisController
    from reader.ui.bookmarks.controller import BookmarksController
    from reader.ui.bookmarks.panel import BookmarksPanel
    from reader.ui.highlights.controller import HighlightsController
    from reader.ui.highlights.panel import HighlightsPanel
    from reader.ui.library.controller import LibraryController
    from reader.ui.library.panel import LibraryPanel
    from reader.ui.narration.controller import NarrationController
    from reader.ui.narration.player_bar import PlayerBar
    from reader.ui.reading.navigator import Navigator
    from reader.ui.reading.outline_panel import OutlinePanel
    from reader.ui.reading.reading_style import ReadingStyle
    from reader.ui.reading.reading_view import ReadingView
    from reader.ui.reading.structure_keys import StructureKeys
    from reader.ui.search.controller import SearchController
    from reader.ui.search.panel import SearchPanel
    from reader.ui.window.document_actions import DocumentActions
    from reader.ui.window.main_window import MainWindow
    from reader.ui.window.notifier import Notifier
    from reader.ui.window.opening import OpeningController


class Application(Protocol):
    """The assembled application, as its actions and controllers use it."""

    window: MainWindow
    view: ReadingView
    navigator: Navigator
    style: ReadingStyle
    structure: StructureKeys
    opening: OpeningController
    actions_ui: DocumentActions
    notifier: Notifier
    settings: Settings
    runner: TaskRunner
    undo_stack: QUndoStack
    panels: dict[str, QWidget]

    @property
    def outline(self) -> OutlinePanel:
        """The outline panel."""

    @property
    def search_panel(self) -> SearchPanel:
        """The search panel."""

    @property
    def library_panel(self) -> LibraryPanel:
        """The library panel."""

    @property
    def bookmarks_panel(self) -> BookmarksPanel:
        """The bookmarks panel."""

    @property
    def highlights_panel(self) -> HighlightsPanel:
        """The highlights panel."""

    @property
    def player(self) -> PlayerBar:
        """The narration player under the text."""

    @property
    def narration_ui(self) -> NarrationController:
        """Narration's controller."""

    @property
    def bookmarks_ui(self) -> BookmarksController:
        """Bookmarks' controller."""

    @property
    def highlights_ui(self) -> HighlightsController:
        """Highlights' controller."""

    @property
    def library_ui(self) -> LibraryController:
        """The library's controller."""

    @property
    def search_ui(self) -> SearchController:
        """Search's controller."""

    @property
    def analysis_ui(self) -> AnalysisController:
        """Compare and analyse's controller."""

    def chosen_section(self) -> str | None:
        """The outline's current section."""

    def search_for(self, text: str) -> None:
        """Search the open report for a word."""

    def focus_search(self) -> None:
        """Show the search panel with the cursor in its box."""

    def escape(self) -> None:
        """Leave full screen, else clear the search highlights."""

    def show_shortcuts(self) -> None:
        """Show the keyboard shortcuts."""

    def show_about(self) -> None:
        """Show About."""
