"""The real application window on the offscreen platform, built by the composition root,
with isolated settings and data and a speech engine double."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.paths import DataLayout
from reader.services.bookmarks import BookmarkService
from reader.services.library import LibraryService
from reader.services.narration import NarrationService
from reader.services.settings import Settings
from reader.services.tasks import TaskRunner
from reader.ui.composition import Services
from reader.ui.launch import create_document_service
from reader.ui.reading.appearance import chinese_font_families
from reader.ui.root import ReaderApp, compose
from tests.conftest import SEED, corpus_path
from tests.fakes import FakeEngine, FakeSink


class AppFactory:
    """Build apps sharing one data directory, as consecutive sessions would."""

    def __init__(self, qtbot, data_dir: Path) -> None:
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.apps: list[ReaderApp] = []
        self.with_narration = True
        self.services: list = []

    def __call__(self, source: str | None = str(SEED), staged: bool = False) -> ReaderApp:
        runner = TaskRunner()
        documents = create_document_service(self.data_dir, runner, None)
        settings = Settings(DataLayout(self.data_dir).settings)
        families = tuple(chinese_font_families())
        if staged:
            app = compose(documents, settings, runner, families, staged=True)
            self.qtbot.addWidget(app.window)
            self.apps.append(app)
            return app
        library = LibraryService(self.data_dir)
        bookmarks = BookmarkService(DataLayout(self.data_dir).bookmarks)
        self.engine = FakeEngine()
        self.sinks: list[FakeSink] = []

        def make_sink():
            sink = FakeSink()
            self.sinks.append(sink)
            return sink

        narration = NarrationService(lambda: self.engine, make_sink) if self.with_narration else None
        app = compose(documents, settings, runner, families, services=Services(library, bookmarks, narration))
        self.qtbot.addWidget(app.window)
        self.apps.append(app)
        self.services.extend(s for s in (library, bookmarks, narration) if s is not None)
        bookmarks.refresh()
        if narration is not None:
            with self.qtbot.waitSignal(narration.voicesReady, timeout=10000):
                narration.start_engine()
        app.window.resize(1100, 800)
        app.window.show()
        self.qtbot.waitExposed(app.window)
        if source:
            with self.qtbot.waitSignal(app.navigator.documentShown, timeout=15000):
                app.navigator.open(source)
        return app


@pytest.fixture
def make_app(qtbot, data_dir) -> AppFactory:
    factory = AppFactory(qtbot, data_dir)
    yield factory
    for app in factory.apps:
        app.runner.wait(5000)
    for service in factory.services:
        service.close()


@pytest.fixture
def app(make_app) -> ReaderApp:
    return make_app()


def import_corpus_copies(qtbot, app: ReaderApp, tmp_path: Path, reports: tuple[str, ...]) -> list:
    """Import copies of corpus reports ("province/zhejiang_2023.md"…) through the library service.

    Returns:
        The import outcomes (none failed or was a duplicate).
    """
    import shutil

    sources = []
    for number, relative in enumerate(reports):
        source = corpus_path("text", *relative.split("/"))
        copy = tmp_path / f"r{number}{source.suffix}"
        shutil.copy(source, copy)
        sources.append(str(copy))
    library = app.services.library
    with qtbot.waitSignal(library.importFinished, timeout=180000) as finished:
        library.import_sources(sources)
    outcomes = finished.args[0]
    assert not any(o.error or o.duplicate_of for o in outcomes)
    return outcomes


def search_hit_items(panel) -> list:
    """The hit rows of the search panel's results (document › section › hit), top to bottom."""
    tree, items = panel.results, []
    for i in range(tree.topLevelItemCount()):
        document = tree.topLevelItem(i)
        for j in range(document.childCount()):
            section = document.child(j)
            items.extend(section.child(k) for k in range(section.childCount()))
    return items


# Light fixtures: one panel and a parsed document, no window, no services (a widget test of one panel
# needs neither; building the whole application takes ~50 times as long).
@pytest.fixture(scope="session")
def seed_document():
    """The bundled report, parsed once for the session."""
    from reader.core.loader import load_path

    return load_path(SEED)


@pytest.fixture
def outline_panel(qtbot, seed_document):
    """The outline panel alone, showing the bundled report."""
    from reader.ui.reading.outline_panel import OutlinePanel

    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show_outline(seed_document)
    return panel
