"""A real MainWindow on the offscreen platform, with isolated settings and data."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.speech.player import FakeSink
from reader.services.bookmarks import BookmarkService
from reader.services.library import LibraryService
from reader.services.narration import NarrationService
from reader.services.settings import Settings
from reader.services.tasks import TaskRunner
from reader.ui.appearance import chinese_font_families
from reader.ui.launch import create_document_service
from reader.ui.main_window import MainWindow
from tests.conftest import SEED


class FakeEngine:
    """A speech engine for UI flows: 50 ms of a constant tone per character, instantly."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def voices(self):
        from reader.core.speech.synth import Voice

        return [Voice("sit/cmn", "Chinese (Mandarin)", ("cmn",)), Voice("gmw/en", "English", ("en",))]

    def synthesize(self, text, voice, rate=220, volume=1.0):
        import numpy as np

        from reader.core.speech.synth import Clip

        self.texts.append(text)
        return Clip(np.full(int(len(text) * 0.05 * 22050), 1000, dtype="<i2").tobytes(), 22050)

    def close(self) -> None:
        pass


class WindowFactory:
    """Build windows sharing one data directory, as consecutive app sessions would."""

    def __init__(self, qtbot, data_dir: Path) -> None:
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.windows: list[MainWindow] = []
        self.with_narration = True
        self.libraries: list = []

    def __call__(self, source: str | None = str(SEED)) -> MainWindow:
        runner = TaskRunner()
        documents = create_document_service(self.data_dir, runner, None)
        library = LibraryService(self.data_dir)
        bookmarks = BookmarkService(self.data_dir / "bookmarks.sqlite3")
        self.engine = FakeEngine()
        self.sinks: list[FakeSink] = []

        def make_sink():
            sink = FakeSink()
            self.sinks.append(sink)
            return sink

        narration = NarrationService(lambda: self.engine, make_sink) if self.with_narration else None
        window = MainWindow(
            documents,
            Settings(self.data_dir / "settings.ini"),
            runner,
            tuple(chinese_font_families()),
            library,
            bookmarks,
            narration,
        )
        self.libraries.append(library)
        self.libraries.append(bookmarks)
        bookmarks.refresh()
        if narration is not None:
            self.libraries.append(narration)
            with self.qtbot.waitSignal(narration.voicesReady, timeout=10000):
                narration.start_engine()
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
