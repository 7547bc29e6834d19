"""What the window did, one line each on standard output, for scripts and end-to-end tests.

With ``REPORT_READER_EVENTS=1`` in the environment the window reports, as lines that
start with ``event``:

- ``event ready {JSON}`` — the first page is on screen: its title, the font the text is set in
  (``font_family``), the window's geometry (``window``: x, y, width, height) and the process id;
- ``event complete`` — the panels and their controllers exist;
- ``event services`` — the library, bookmark and narration services are attached;
- ``event keyup KEY`` — a key was let go and everything it did in the window is done
  (``KEY`` is Qt's name of the key, e.g. ``F6``, ``L``, ``Return``);
- ``event shown TITLE`` / ``event hidden TITLE`` — a window or dialog with this title appeared / went;
- ``event title TITLE`` — the main window's title changed (another report is open);
- ``event resized WxH`` — the main window has this size now;
- ``event status TEXT`` — the status bar says this (saved files, match counters, errors);
- ``event bookmarks N`` — the bookmark store holds N bookmarks and highlights (after a change);
- ``event library N`` — the catalogue panel shows the library's N reports (at start and after a change);
- ``event compared`` — a comparison is on screen in the analysis window;
- ``event styled`` — the text was typeset again in a new style (theme, size, spacing) and shown.

A script waits for a line instead of sleeping: the window tells when it is done.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontInfo, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from reader.ui.root import ReaderApp

EVENTS_ENV = "REPORT_READER_EVENTS"


def events_wanted() -> bool:
    """Whether the environment asks the window to report its events."""
    return os.environ.get(EVENTS_ENV, "") not in ("", "0")


class EventReporter(QObject):
    """Writes the window's events to a stream (standard output), one flushed line each.

    Args:
        app: The application whose events are reported.
        stream: Where the lines go.
    """

    def __init__(self, app: ReaderApp, stream: TextIO = sys.stdout) -> None:
        super().__init__(app)
        self._app = app
        self._stream = stream
        self._last_release: tuple[int, int] | None = None
        window = app.window
        window.statusBar().messageChanged.connect(lambda text: self.emit_line(f"status {text}") if text else None)
        window.windowTitleChanged.connect(lambda title: self.emit_line(f"title {title}"))
        app.navigator.documentShown.connect(self._on_first_document)
        app.completed.connect(self._on_complete)
        app.style.applied.connect(lambda: self.emit_line("styled"))
        qt_app = QApplication.instance()
        if qt_app is not None:
            qt_app.installEventFilter(self)

    def emit_line(self, text: str) -> None:
        """Write one event line (newlines inside it are spaces)."""
        self._stream.write("event " + " ".join(text.split("\n")) + "\n")
        self._stream.flush()

    def _on_first_document(self, _document: object) -> None:
        self._app.navigator.documentShown.disconnect(self._on_first_document)
        # A moment for the window to settle, so that a screenshot taken on this line shows the page.
        QTimer.singleShot(300, lambda: self.emit_line("ready " + json.dumps(self._first_page(), ensure_ascii=False)))

    def _first_page(self) -> dict[str, object]:
        document, window = self._app.document, self._app.window
        view_font = self._app.view.document().defaultFont()
        return {
            "title": document.title if document else "",
            "font_family": QFontInfo(view_font).family(),
            "font_px": view_font.pixelSize(),
            "window": [window.x(), window.y(), window.width(), window.height()],
            "pid": os.getpid(),
        }

    def _on_complete(self) -> None:
        self.emit_line("complete")
        self._app.analysis_ui.comparisonShown.connect(lambda: self.emit_line("compared"))

    def services_attached(self) -> None:
        """The background services are attached: report it, and report the bookmark store's changes."""
        bookmarks = self._app.services.bookmarks
        if bookmarks is not None:
            bookmarks.listed.connect(lambda items: self.emit_line(f"bookmarks {len(items)}"))
        library = self._app.services.library
        if library is not None:  # posted: after the catalogue panel has shown them
            library.entriesChanged.connect(
                lambda entries: QTimer.singleShot(0, lambda: self.emit_line(f"library {len(entries)}"))
            )
        self.emit_line("services")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent) and not event.isAutoRepeat():
            # The same release reaches the window and then each widget it passes: reported once.
            stamp = (event.timestamp(), event.key())
            if stamp != self._last_release:
                self._last_release = stamp
                name = QKeySequence(event.key()).toString() or str(event.key())
                # Posted: it is written after everything the key did on this turn of the event loop.
                QTimer.singleShot(0, lambda: self.emit_line(f"keyup {name}"))
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            title = watched.windowTitle()
            if title:
                QTimer.singleShot(0, lambda: self.emit_line(f"shown {title}"))
        elif kind == QEvent.Type.Hide and isinstance(watched, QWidget) and watched.isWindow():
            title = watched.windowTitle()
            if title:
                QTimer.singleShot(0, lambda: self.emit_line(f"hidden {title}"))
        elif kind == QEvent.Type.Resize and watched is self._app.window:
            size = self._app.window.size()
            self.emit_line(f"resized {size.width()}x{size.height()}")
        return False
