"""Text size, theme and line spacing: the reading style, re-typeset on a worker when it changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reader.core.document import Document
from reader.core.reading import zoom_step
from reader.services.settings import FONT_SIZES, Settings
from reader.services.tasks import TaskRunner
from reader.ui.reading.appearance import Theme, chrome_palette
from reader.ui.reading.reading_view import ReadingView
from reader.ui.reading.typesetter import TypeStyle, preparer, type_style_from
from reader.ui.window.notifier import Notifier


class ReadingStyle(QObject):
    """The reader's style: zoom steps and the page's 大/中/小, themes, line spacing.

    Args:
        settings: Where the style is kept.
        view: The reading view, re-typeset when the style changes.
        runner: Typesetting runs on its worker (channel ``typeset``).
        families: Chinese font families to typeset with.
        notifier: Says the new text size.

    Signals:
        applied(): a changed style is on screen.
        fontSizeChanged(int): the body text size, in px.
        themeChanged(object): the ``Theme`` now in use.
    """

    applied = Signal()
    fontSizeChanged = Signal(int)
    themeChanged = Signal(object)

    def __init__(
        self,
        settings: Settings,
        view: ReadingView,
        runner: TaskRunner,
        families: tuple[str, ...],
        notifier: Notifier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._view = view
        self._runner = runner
        self.families = families
        self._notifier = notifier
        self._pending_anchor: tuple[int, int] | None = None
        self._desktop_palette: QPalette | None = None
        self._chrome_theme = ""

    def current(self) -> TypeStyle:
        """The style the settings ask for."""
        return type_style_from(self._settings, self.families)

    @property
    def theme(self) -> Theme:
        """The current colour theme."""
        return self.current().theme

    def preparer(self, style: TypeStyle | None = None, lay_out: bool = True):
        """A callable that typesets (and lays out) a document on a worker for the view's width."""
        width = self._view.text_width() if self._view.isVisible() else None
        return preparer(style or self.current(), width, lay_out=lay_out)

    def document_replaced(self) -> None:
        """Another document is being installed: a restyle of the old one is void."""
        self._runner.cancel_channel("typeset")
        self._pending_anchor = None

    def apply_chrome(self) -> None:
        """Colour menus, docks and dialogs to match a dark reading theme (once per theme change)."""
        theme = self.theme
        if theme.name == self._chrome_theme:
            return
        app = QApplication.instance()
        if not isinstance(app, QApplication):  # no widgets, no chrome to colour
            return
        if not app.palette().resolveMask():
            self._desktop_palette = QPalette(app.palette())  # the desktop's own, seen while none of ours is set
        desktop = self._desktop_palette if self._desktop_palette is not None else QPalette()
        self._chrome_theme = theme.name
        palette = chrome_palette(theme, desktop)
        # One palette change per switch (each repolishes every widget): straight from one of ours to the next.
        if palette is not None:
            app.setPalette(palette)
        elif app.palette().resolveMask():
            app.setPalette(QPalette())  # back to the desktop's own palette

    # Changing the style --------------------------------------------------------------
    def set_font_px(self, size: int) -> None:
        """Set the body text size (the page's 大/中/小 and the zoom steps land here)."""
        size = min(max(size, FONT_SIZES[0]), FONT_SIZES[-1])
        if size != self._settings.font_px or self._view.type_style is None:
            self._settings.font_px = size
            self.restyle()
        self.fontSizeChanged.emit(size)
        self._notifier.status(self.tr("Text size: %1 px").replace("%1", str(size)), 1500)

    def zoom(self, direction: int) -> None:
        """Zoom one step in (+1), out (-1) or back to the normal 16 px (0)."""
        self.set_font_px(zoom_step(FONT_SIZES, self._settings.font_px, direction))

    def set_theme(self, name: str) -> None:
        """Switch the colour theme."""
        self._settings.theme = name
        self.restyle()

    def set_line_spacing(self, value: int) -> None:
        """Switch the line spacing (percent)."""
        self._settings.line_spacing = value
        self.restyle()

    def restyle(self) -> None:
        """Re-typeset for a new size, spacing or theme on a worker; the view keeps its place meanwhile."""
        style = self.current()
        self.themeChanged.emit(style.theme)
        document = self._view.current_document
        if document is None:
            self.apply_chrome()
            return
        if self._pending_anchor is None:
            self._pending_anchor = self._view.top_position()
        self._runner.submit(
            self.preparer(style),
            document,
            on_done=lambda text_document: self._install(document, text_document, style),
            on_error=lambda error: self._notifier.banner(str(error)),
            channel="typeset",
        )

    def _install(self, document: Document, text_document, style: TypeStyle) -> None:
        anchor, self._pending_anchor = self._pending_anchor, None
        # The panels change colour with the page, in the same repaint (not a moment apart, each a full one).
        self.apply_chrome()
        if document is not self._view.current_document:
            return
        if text_document.textWidth() != self._view.text_width():  # resized meanwhile: lay out again here
            self._view.show_document(document, style, anchor)
        else:
            self._view.install(document, text_document, style, anchor)
        self.applied.emit()
