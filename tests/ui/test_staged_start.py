"""The launcher's staged start: the frame and the text first, the panels after the first paint.

The panels must take the empty docks' places without moving the text, and anything
that needs a panel early must get a complete window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget

from reader.core.cache import DocumentCache
from reader.ui.root import ReaderApp
from reader.ui.window.main_window import MIN_READING_WIDTH, MainWindow
from tests.conftest import SEED


def _text_rect(app: ReaderApp) -> tuple[int, int, int]:
    """Where the text's viewport sits in the window: x, y and width."""
    origin = app.view.viewport().mapTo(app.window, QPoint(0, 0))
    return origin.x(), origin.y(), app.view.viewport().width()


def _docks(window: MainWindow) -> dict[str, tuple[bool, int | None]]:
    """Each dock: shown or not, and its width when it is on screen (not under another tab)."""
    return {
        dock.objectName(): (dock.isVisible(), None if dock.visibleRegion().isEmpty() else dock.width())
        for dock in window.findChildren(QDockWidget)
    }


def _settled(qtbot, app: ReaderApp) -> None:
    """Wait until the player has been shown (Qt shows a widget added to a layout on a later turn
    of the event loop) and the layout has stopped moving (two samples of the text's place agree)."""
    qtbot.waitUntil(app.player.isVisible, timeout=2000)
    samples = [_text_rect(app)]

    def steady() -> bool:
        samples.append(_text_rect(app))
        return samples[-1] == samples[-2]

    qtbot.waitUntil(steady, timeout=2000)


def test_panels_take_the_empty_docks_places_after_the_first_paint(qtbot, make_app):
    app = make_app(staged=True)
    app.window.show()  # lays the frame out synchronously
    before_text, before_docks = _text_rect(app), _docks(app.window)
    assert not app.is_complete
    assert set(before_docks) == {"outlineDock", "libraryDock", "bookmarksDock", "highlightsDock", "searchDock"}
    assert app.window.centralWidget().findChildren(type(app.view)) == [app.view]

    with qtbot.waitSignal(app.completed, timeout=10000):
        pass  # the first paint starts the second stage
    _settled(qtbot, app)
    assert app.is_complete
    assert _docks(app.window) == before_docks
    x, y, width = _text_rect(app)
    assert (x, y, width) == before_text  # same place: nothing re-flows
    assert app.player.isVisible() and not app.player.isEnabled()
    assert app.player.minimumSizeHint().width() <= MIN_READING_WIDTH
    assert all(app.window.docks[key].widget() is app.panel(key) for key in app.window.docks)


def test_saved_dock_sizes_hold_through_the_staged_start(qtbot, make_app):
    first = make_app(source=None)
    first.window.resizeDocks([first.window.docks["outline"]], [250], Qt.Orientation.Horizontal)  # not 280
    first.window.docks["search_panel"].hide()
    qtbot.waitUntil(lambda: first.window.docks["outline"].width() < 280, timeout=2000)
    outline_width = first.window.docks["outline"].width()
    first.window.close()

    second = make_app(staged=True)
    second.window.show()
    placeholder = second.window.findChild(QDockWidget, "outlineDock")
    assert placeholder.width() == outline_width
    before_text = _text_rect(second)
    with qtbot.waitSignal(second.completed, timeout=10000):
        pass
    _settled(qtbot, second)
    assert second.window.docks["outline"].width() == outline_width
    assert not second.search_panel.isVisible()
    assert _text_rect(second) == before_text


def test_a_cached_document_is_shown_before_the_panels_and_they_catch_up(qtbot, make_app, data_dir):
    DocumentCache(data_dir / "cache").load(SEED)  # as after any earlier start
    app = make_app(staged=True)
    app.window.show()
    shown = []
    app.navigator.documentShown.connect(shown.append)
    app.navigator.open_first(str(SEED))  # what run_gui does: the cached parse, typeset on this thread
    assert shown and shown[0].title == "2024年政府工作报告"
    assert not app.is_complete
    width = app.view.document().textWidth()
    assert width == app.view.viewport().width()  # typeset for the view: no second layout
    document = shown[0]
    reading = next(i for i, p in enumerate(document.paragraphs) if p.text.startswith("大力发展数字经济"))
    app.view.scroll_to_paragraph(reading)

    with qtbot.waitSignal(app.completed, timeout=10000):
        pass
    assert app.outline.tree.topLevelItemCount() > 0  # the outline caught up with the open document
    node = app.outline.current_node_id()  # and follows the reading position
    assert node and document.node_paragraph_range(node)[0] <= reading < document.node_paragraph_range(node)[1]


def test_a_panel_needed_early_completes_the_window_at_once(make_app):
    app = make_app(staged=True)
    app.window.show()
    assert not app.is_complete
    app.window.action("find").trigger()  # Ctrl+F before the first paint
    assert app.is_complete
    assert app.search_panel.isVisible()
    assert app.window.docks["search_panel"].widget() is app.search_panel
