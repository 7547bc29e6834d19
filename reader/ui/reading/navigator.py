"""Which document is open and where the reader is: the one way to open a document and to jump in it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reader.core.document import Document
from reader.core.naming import display_name
from reader.services.documents import DocumentService, OpenRequest
from reader.services.settings import ReadingPosition, Settings
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.reading_view import ReadingView

HISTORY_LIMIT = 100  # places kept each way (a day of reading with jumps)


@dataclass(frozen=True)
class Place:
    """Where the reader was: a document (as opened) and the paragraph at the top of the view."""

    source: str
    paragraph: str
    offset: int = 0


class Navigator(QObject):
    """Opens documents through the document service and lands where each request says.

    Controllers that open or jump (search hits, bookmarks, the outline, links) use this
    instead of the window; everything that shows a document listens to ``documentShown``.

    Args:
        documents: Loads documents on a worker.
        view: The reading view the document is installed in.
        settings: Reading positions, recent files and the last session.
        style: The reading style to typeset with.

    Signals:
        loading(object): an ``OpenRequest`` started loading.
        failed(object, str, str): an ``OpenRequest``, the reason (English) and the error's class name.
        documentShown(object): a ``Document`` is on screen.
        moved(int): the view was sent to a paragraph index (outline, hit, bookmark).
        historyChanged(bool, bool): whether Back and Forward have somewhere to go.
    """

    loading = Signal(object)
    failed = Signal(object, str, str)
    documentShown = Signal(object)
    moved = Signal(int)
    historyChanged = Signal(bool, bool)

    def __init__(
        self,
        documents: DocumentService,
        view: ReadingView,
        settings: Settings,
        style: ReadingStyle,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._view = view
        self._settings = settings
        self._style = style
        self.document: Document | None = None
        self.source = ""  # how the open document was opened (what Back reopens)
        # Back and forward, like a browser's: every jump (outline, search hit, bookmark, link,
        # another document) leaves the place it jumped from.
        self._back: list[Place] = []
        self._forward: list[Place] = []
        documents.loading.connect(self.loading)
        documents.loaded.connect(self._on_loaded)
        documents.failed.connect(self.failed)
        view.topParagraphChanged.connect(self._remember_position)

    # Opening ----------------------------------------------------------------------------
    def open(self, request: OpenRequest | str, remember: bool = True) -> None:
        """Open a request (or a path/URL, whose ``#node`` fragment says where to land) in the background.

        Args:
            request: What to open and where to land.
            remember: Leave the current place in the Back history (False for Back/Forward themselves).
        """
        if isinstance(request, str):
            request = OpenRequest.parse(request)
        if remember:
            self._leave()
        self._documents.open(request, self._style.preparer())

    def open_at_paragraph(self, source: str, paragraph_id: str) -> None:
        """Open a document and show a paragraph of it (a search hit, a bookmark elsewhere)."""
        self.open(OpenRequest(source, paragraph=paragraph_id, restore=False))

    def open_first(self, source: str) -> None:
        """The session's first document, in the just-shown window.

        The text is typeset for the view's width, so the view lays out just the first
        screen before painting. A parsed copy in the cache is typeset at once, on this
        thread; otherwise the file is read and typeset on a worker. No layout on a
        worker: it would load a second copy of the fonts' caches (they are per thread).
        """
        request = OpenRequest.parse(source)
        prepare = self._style.preparer(lay_out=False)
        if not self._documents.open_from_cache(request, prepare):
            self._documents.open(request, prepare)

    def _on_loaded(self, document: Document, request: OpenRequest, prepared=None) -> None:
        self.save_position()
        self.document = document
        position = self._landing(document, request)
        style = self._style.current()
        self._style.document_replaced()
        if prepared is not None and prepared.defaultFont().pixelSize() == style.font_px:
            self._view.install(document, prepared, style, position)  # laid out here if the width changed
        else:
            self._view.show_document(document, style, position)
        self.source = request.source
        self._settings.last_source = request.source
        self._settings.add_recent(request.source, display_name(document))
        self.documentShown.emit(document)

    def _landing(self, document: Document, request: OpenRequest) -> tuple[int, int] | None:
        """Where a request lands: its paragraph, its section, or the saved reading position."""
        if request.paragraph and document.paragraph_index(request.paragraph) >= 0:
            return document.paragraph_index(request.paragraph), 0
        if request.node:
            node = document.node(request.node)
            return (document.paragraph_index(node.paragraph), 0) if node is not None else None
        if request.restore:
            saved = self._settings.position(document.id)
            if saved is not None and document.paragraph_index(saved.paragraph) >= 0:
                return document.paragraph_index(saved.paragraph), saved.offset
        return None

    # Moving in the open document ---------------------------------------------------------
    def go_to_paragraph(self, paragraph_id: str, offset: int = 0) -> bool:
        """Scroll the open document to a paragraph by id; False when it has no such paragraph."""
        index = self.document.paragraph_index(paragraph_id) if self.document is not None else -1
        if index < 0:
            return False
        self.go_to_index(index, offset)
        return True

    def go_to_index(self, index: int, offset: int = 0, remember: bool = True) -> None:
        """Scroll the open document to a paragraph by position (leaving the place in the Back history)."""
        if remember:
            self._leave()
        self._view.scroll_to_paragraph(index, offset)
        self.moved.emit(index)

    # Back and forward ----------------------------------------------------------------------
    def here(self) -> Place | None:
        """The current place (None before a document is shown)."""
        if self.document is None or not self.document.paragraphs:
            return None
        index, offset = self._view.top_position()
        return Place(self.source, self.document.paragraphs[index].id, offset)

    def leave_here(self) -> None:
        """Keep the current place in the Back history before a jump made elsewhere (a search match)."""
        self._leave()

    def _leave(self) -> None:
        place = self.here()
        if place is None or (self._back and self._back[-1] == place):
            return
        self._back.append(place)
        del self._back[:-HISTORY_LIMIT]
        self._forward.clear()
        self.historyChanged.emit(True, False)

    def back(self) -> bool:
        """Alt+Left: return to the place before the last jump; False when there is none."""
        return self._step(self._back, self._forward)

    def forward(self) -> bool:
        """Alt+Right: redo the jump Back undid; False when there is none."""
        return self._step(self._forward, self._back)

    def _step(self, source: list[Place], target: list[Place]) -> bool:
        if not source:
            return False
        here = self.here()
        if here is not None:
            target.append(here)
        place = source.pop()
        if self.document is not None and place.source == self.source:
            index = self.document.paragraph_index(place.paragraph)
            if index >= 0:
                self.go_to_index(index, place.offset, remember=False)
        else:
            self.open(OpenRequest(place.source, paragraph=place.paragraph, restore=False), remember=False)
        self.historyChanged.emit(bool(self._back), bool(self._forward))
        return True

    # Reading positions ----------------------------------------------------------------------
    def _remember_position(self, index: int, offset: int) -> None:
        if self.document is not None and 0 <= index < len(self.document.paragraphs):
            self._settings.set_position(self.document.id, ReadingPosition(self.document.paragraphs[index].id, offset))

    def save_position(self) -> None:
        """Store the reading position of the open document (before another replaces it, and at quit)."""
        if self.document is not None:
            self._remember_position(*self._view.top_position())
