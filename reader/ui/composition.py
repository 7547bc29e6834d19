"""Composition: the typed records of the window's controllers and services.

The controllers are built in the start's second stage (after the first
paint) and the services attached in the third, once they have started; both are typed
records, so a controller or a service is found by attribute, never by a string.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded in the second stage: they bring the panels, SQLite, Whoosh, the speech engine
    from reader.services.bookmarks import BookmarkService
    from reader.services.library import LibraryService
    from reader.services.narration import NarrationService
    from reader.ui.analysis.controller import AnalysisController
    from reader.ui.application import Application
    from reader.ui.bookmarks.controller import BookmarksController
    from reader.ui.highlights.controller import HighlightsController
    from reader.ui.library.controller import LibraryController
    from reader.ui.narration.controller import NarrationController
    from reader.ui.search.controller import SearchController


@dataclass
class Services:
    """The background services; any may be missing (not started, or unavailable)."""

    library: LibraryService | None = None
    bookmarks: BookmarkService | None = None
    narration: NarrationService | None = None

    def given(self) -> list[str]:
        """The names of the services present, in the order they must be attached."""
        return [field.name for field in fields(self) if getattr(self, field.name) is not None]


@dataclass(frozen=True)
class Controllers:
    """The controllers behind the panels and the player."""

    narration: NarrationController
    bookmarks: BookmarksController
    highlights: HighlightsController
    library: LibraryController
    search: SearchController
    analysis: AnalysisController


def create_controllers(app: Application) -> Controllers:
    """Build every controller, each given exactly what it uses (the panels exist by now)."""
    from reader.ui.analysis.controller import AnalysisController
    from reader.ui.bookmarks.controller import BookmarksController
    from reader.ui.highlights.controller import HighlightsController
    from reader.ui.highlights.selection_toolbar import SelectionToolbar
    from reader.ui.library.controller import LibraryController
    from reader.ui.narration.controller import NarrationController
    from reader.ui.search.controller import SearchController

    nav, view, style, notifier, window = app.navigator, app.view, app.style, app.notifier, app.window
    outline = app.outline
    controllers = Controllers(
        narration=NarrationController(nav, view, app.player, outline, style, app.settings, notifier, window),
        bookmarks=BookmarksController(nav, view, app.bookmarks_panel, outline, app.undo_stack, style, notifier, window),
        highlights=HighlightsController(
            nav, view, app.highlights_panel, SelectionToolbar(view), app.undo_stack, style, notifier, window
        ),
        library=LibraryController(nav, app.library_panel, notifier, window),
        search=SearchController(nav, view, app.search_panel, outline, style, notifier, window),
        analysis=AnalysisController(nav, view, style, app.runner, notifier, app.search_for, app.chosen_section, window),
    )
    view.add_context_provider(controllers.highlights.context_actions)
    controllers.highlights.readPassages.connect(controllers.narration.read_passages)
    return controllers


def connect_services(controllers: Controllers, services: Services, attached: set[str]) -> None:
    """Give each controller the services it uses, once (``attached`` remembers which were given)."""
    for name in services.given():  # bookmarks ask the library where documents are: library first
        if name in attached:
            continue
        attached.add(name)
        if services.library is not None and name == "library":
            controllers.library.attach(services.library)
            controllers.search.attach(services.library)
            controllers.analysis.attach(services.library)  # the analyses read the library's reports and index
        elif services.bookmarks is not None and name == "bookmarks":
            controllers.bookmarks.attach(services.bookmarks, services.library)
            controllers.highlights.attach(services.bookmarks)
            if services.library is not None:  # quotes of other reports cite them from the library
                library = services.library.library
                controllers.highlights.resolve_document = partial(_library_document, library)
        elif services.narration is not None and name == "narration":
            controllers.narration.attach(services.narration)


def _library_document(library, document_id: str):
    """A library document for a quote's citation, or None when it is gone."""
    from reader.core.errors import ReaderError

    try:
        return library.document(document_id) if library.entry(document_id) else None
    except (ReaderError, OSError):
        return None
