"""Start the GUI: application object, translations, fonts, services, window, session."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from reader.arguments import PROG, UsageError, parse_window_args
from reader.core.cache import DocumentCache
from reader.core.diagnostics import configure_logging, log_file, logger
from reader.core.paths import APP_ID, APP_NAME, DATA_DIR_ENV, DataLayout, resolve_data_dir
from reader.core.resources import bundled_report_path, resources_dir
from reader.services.documents import DocumentService, load_in_worker
from reader.services.library_links import LIBRARY_SCHEME
from reader.services.settings import Settings
from reader.services.tasks import TaskRunner
from reader.ui.automation import EventReporter, events_wanted
from reader.ui.composition import Services
from reader.ui.reading.appearance import chinese_font_families


def ui_language(explicit: str | None) -> str:
    """``zh`` unless asked for English (by option or by the system locale)."""
    if explicit:
        return explicit
    return "en" if QLocale.system().language() == QLocale.Language.English else "zh"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our Chinese catalogue and Qt's own (standard dialogs); English is the source language."""
    translators: list[QTranslator] = []
    if language != "zh":
        return translators
    catalogues = (
        (resources_dir() / "translations", "report_reader_zh_CN"),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), "qtbase_zh_CN"),
    )
    for folder, name in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def configure_fonts(app: QApplication) -> tuple[str, ...]:
    """Make Simplified-Chinese glyphs win the font fallback, app-wide."""
    families = tuple(chinese_font_families())
    font = QFont(app.font())
    font.setFamilies([font.family(), *families])
    app.setFont(font)
    return families


def create_settings(data_dir_option: str | None) -> Settings:
    """Settings in the data directory when one is given explicitly, else the native location."""
    if data_dir_option or os.environ.get(DATA_DIR_ENV):
        return Settings(DataLayout(resolve_data_dir(data_dir_option)).settings)
    return Settings()


def initial_source(args: argparse.Namespace, settings: Settings) -> str:
    """What to open at start: the argument, the last session, or the bundled report."""
    if args.source:
        return args.source
    last = settings.last_source
    if last and (last.startswith(LIBRARY_SCHEME) or "://" in last or Path(last).is_file()):
        return last
    return str(bundled_report_path())


def _install_excepthook(notifier) -> None:
    """Unexpected errors go to the log with their traceback and to a one-line banner naming the log.

    Covers the GUI thread (``sys.excepthook``: PySide routes a slot's exception there)
    and threads that are not ours (``threading.excepthook``: the speech engine's callbacks).
    """
    import threading

    log = logger("ui")

    def report(kind, value, tb) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))
        where = log_file()
        message = QApplication.translate("MainWindow", "Unexpected error: %1 (details in %2)")
        message = message.replace("%1", f"{kind.__name__}: {value}").replace("%2", str(where or "—"))
        if threading.current_thread() is threading.main_thread():
            notifier.banner(message)
        else:  # queued to the GUI thread, which owns the banner
            QTimer.singleShot(0, notifier, lambda: notifier.banner(message))

    sys.excepthook = report
    threading.excepthook = lambda hook_args: report(hook_args.exc_type, hook_args.exc_value, hook_args.exc_traceback)


def create_document_service(data_dir: Path, runner: TaskRunner, parent) -> DocumentService:
    """The document loader: files, URLs and ``library:ID``, with the parsed cache."""
    cache = DocumentCache(DataLayout(data_dir).cache)
    libraries: list = []

    def load(source: str):
        if source.startswith(LIBRARY_SCHEME):
            if not libraries:
                from reader.core.library import Library

                libraries.append(Library(data_dir))
            return libraries[0].document(source[len(LIBRARY_SCHEME) :])
        return load_in_worker(source, cache)

    return DocumentService(runner, loader=load, cache=cache, parent=parent)


def create_background_services(data_dir: Path, parent) -> tuple:
    """Library and search, bookmarks, narration: created once the first page is up."""
    from reader.services.bookmarks import BookmarkService
    from reader.services.library import LibraryService
    from reader.services.narration import NarrationService

    return (
        LibraryService(data_dir, parent=parent),
        BookmarkService(DataLayout(data_dir).bookmarks, parent=parent),
        NarrationService(parent=parent),
    )


FIRST_PAINT_ENV = "REPORT_READER_FIRST_PAINT_FILE"


class _FirstPaintProbe(QObject):
    """Write the wall-clock time of the first paint of the report text (for bench/)."""

    def __init__(self, app, path: str) -> None:
        super().__init__(app.window)
        self._path = path
        self._armed = False
        app.navigator.documentShown.connect(self._arm)
        app.view.viewport().installEventFilter(self)

    def _arm(self, _document) -> None:
        self._armed = True

    def eventFilter(self, watched, event) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            Path(self._path).write_text(f"{time.time():.6f} {_rss_kib()}", encoding="utf-8")
        return False


def _rss_kib() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _quit_on_sigterm(window) -> QTimer:
    """Close the window (saving the session) on SIGTERM, as on logout.

    Python runs signal handlers only between bytecodes, so a timer wakes the
    interpreter regularly while Qt's event loop waits.
    """
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.close))
    wake = QTimer(window)
    wake.start(250)
    wake.timeout.connect(lambda: None)
    return wake


def _set_window_icon(app: QApplication) -> None:
    """The app's icon (an SVG: loading it loads Qt's SVG plugin, so it waits for the first page)."""
    icon_path = resources_dir() / "icons" / "report-reader.svg"
    if icon_path.exists():
        app.setWindowIcon(QIcon(str(icon_path)))


def _start_after_first_page(
    reader_app, data_dir: Path, app: QApplication, services: list, on_started: Callable[[], None] | None = None
) -> None:
    """Create, attach and start the background services once the window is complete.

    Their modules and workers load SQLite, Whoosh, NumPy and the speech engine; created
    earlier they would compete with the window for the interpreter and delay the first paint.
    """

    def start() -> None:
        if services:
            return
        _set_window_icon(app)
        library, bookmarks, narration = create_background_services(data_dir, app)
        services.extend((library, bookmarks, narration))
        reader_app.attach_services(Services(library, bookmarks, narration))
        if on_started is not None:
            on_started()
        bookmarks.refresh()
        QTimer.singleShot(300, library.refresh)  # catalog and index upkeep, on their own thread
        QTimer.singleShot(1000, narration.start_engine)

    reader_app.completed.connect(lambda: QTimer.singleShot(50, start))


def run_gui(argv: Sequence[str]) -> int:
    """Run the application until its window closes."""
    try:
        args = parse_window_args(argv)
    except UsageError as error:
        print(f"{PROG}: usage error: {error}", file=sys.stderr)
        return 2
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    install_translators(app, ui_language(args.lang))
    app.setApplicationDisplayName(app.translate("MainWindow", "Report Reader"))
    families = configure_fonts(app)
    data_dir = resolve_data_dir(args.data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        print(f"{PROG}: the data directory {data_dir} is not a folder", file=sys.stderr)
        return 1
    configure_logging(DataLayout(data_dir).log, debug=args.debug)
    settings = create_settings(args.data_dir)
    runner = TaskRunner(app)
    documents = create_document_service(data_dir, runner, app)
    first = initial_source(args, settings)
    from reader.ui.root import compose

    reader_app = compose(documents, settings, runner, families, staged=True)
    window = reader_app.window
    _install_excepthook(reader_app.notifier)
    _quit_on_sigterm(window)
    if os.environ.get(FIRST_PAINT_ENV):
        _FirstPaintProbe(reader_app, os.environ[FIRST_PAINT_ENV])
    reporter = EventReporter(reader_app) if events_wanted() else None
    window.show()  # lays the window out: the text width is known from here on
    reader_app.navigator.open_first(first)
    services: list = []
    _start_after_first_page(reader_app, data_dir, app, services, reporter.services_attached if reporter else None)
    status = app.exec()
    runner.wait(3000)
    for service in services:
        service.close()
    return status
