"""A real MainWindow on the offscreen platform, with isolated settings and data."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.services.bookmarks import BookmarkService
from reader.services.settings import Settings
from reader.services.tasks import TaskRunner
from reader.ui.appearance import chinese_font_families
from reader.ui.launch import create_services
from reader.ui.main_window import MainWindow
from tests.conftest import SEED


class WindowFactory:
    """Build windows sharing one data directory, as consecutive app sessions would."""

    def __init__(self, qtbot, data_dir: Path) -> None:
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.windows: list[MainWindow] = []
        self.libraries: list = []

    def __call__(self, source: str | None = str(SEED)) -> MainWindow:
        runner = TaskRunner()
        documents, library = create_services(self.data_dir, runner, None)
        bookmarks = BookmarkService(self.data_dir / "bookmarks.sqlite3")
        window = MainWindow(
            documents,
            Settings(self.data_dir / "settings.ini"),
            runner,
            tuple(chinese_font_families()),
            library,
            bookmarks,
        )
        self.libraries.append(library)
        self.libraries.append(bookmarks)
        bookmarks.refresh()
        window.resize(1100, 800)
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitExposed(window)
        self.windows.append(window)
        if source:
            with self.qtbot.waitSignal(window.documentShown, timeout=15000):
                window.open_source(source)
        return window


@pytest.fixture
def make_window(qtbot, data_dir) -> WindowFactory:
    factory = WindowFactory(qtbot, data_dir)
    yield factory
    for window in factory.windows:
        window.runner.wait(5000)
    for library in factory.libraries:
        library.close()


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
