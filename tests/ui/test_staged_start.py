"""The launcher's staged start: the frame and the text first, the panels after the first paint.

The panels must take the empty docks' places without moving the text, and anything
that needs a panel early must get a complete window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget

from reader.core.cache import DocumentCache
from reader.services.settings import Settings
from reader.services.tasks import TaskRunner
from reader.ui.appearance import chinese_font_families
from reader.ui.launch import create_document_service
from reader.ui.main_window import MIN_READING_WIDTH, MainWindow
from reader.ui.typesetter import preparer, type_style_from
from tests.conftest import SEED


def _staged_window(qtbot, data_dir) -> MainWindow:
    runner = TaskRunner()
    documents = create_document_service(data_dir, runner, None)
    families = tuple(chinese_font_families())
    window = MainWindow(documents, Settings(data_dir / "settings.ini"), runner, families, staged=True)
    qtbot.addWidget(window)
    return window


def _text_rect(window: MainWindow) -> tuple[int, int, int]:
    """Where the text's viewport sits in the window: x, y and width."""
    origin = window.view.viewport().mapTo(window, QPoint(0, 0))
    return origin.x(), origin.y(), window.view.viewport().width()


def _docks(window: MainWindow) -> dict[str, tuple[bool, int | None]]:
    """Each dock: shown or not, and its width when it is on screen (not under another tab)."""
    return {
        dock.objectName(): (dock.isVisible(), None if dock.visibleRegion().isEmpty() else dock.width())
        for dock in window.findChildren(QDockWidget)
    }


def test_panels_take_the_empty_docks_places_after_the_first_paint(qtbot, data_dir):
    window = _staged_window(qtbot, data_dir)
    window.show()  # lays the frame out synchronously
    before_text, before_docks = _text_rect(window), _docks(window)
    assert not window.is_complete
    assert set(before_docks) == {"outlineDock", "libraryDock", "bookmarksDock", "searchDock"}
    assert window.centralWidget().findChildren(type(window.view)) == [window.view]

    with qtbot.waitSignal(window.completed, timeout=10000):
        pass  # the first paint starts the second stage
    qtbot.wait(50)  # let the layout settle
    assert window.is_complete
    assert _docks(window) == before_docks
    x, y, width = _text_rect(window)
    assert (x, y, width) == before_text  # same place: nothing re-flows
    assert window.player.isVisible() and not window.player.isEnabled()
    assert window.player.minimumSizeHint().width() <= MIN_READING_WIDTH
    assert all(window.docks[name].widget() is getattr(window, name) for name in window.docks)


def test_saved_dock_sizes_hold_through_the_staged_start(qtbot, make_window, data_dir):
    first = make_window(source=None)
    first.resizeDocks([first.docks["outline"]], [250], Qt.Orientation.Horizontal)  # not the default 300
    first.docks["search_panel"].hide()
    qtbot.wait(50)
    outline_width = first.docks["outline"].width()
    assert outline_width < 300  # not the default width
    first.close()

    second = _staged_window(qtbot, data_dir)
    second.show()
    placeholder = second.findChild(QDockWidget, "outlineDock")
    assert placeholder.width() == outline_width
    before_text = _text_rect(second)
    with qtbot.waitSignal(second.completed, timeout=10000):
        pass
    qtbot.wait(50)
    assert second.docks["outline"].width() == outline_width
    assert not second.search_panel.isVisible()
    assert _text_rect(second) == before_text


def test_a_cached_document_is_shown_before_the_panels_and_they_catch_up(qtbot, data_dir):
    DocumentCache(data_dir / "cache").load(SEED)  # as after any earlier start
    window = _staged_window(qtbot, data_dir)
    window.show()
    style = type_style_from(window.settings, window.families)
    shown = []
    window.documentShown.connect(shown.append)
    # What run_gui does: the cached parse, typeset for the view's width, on this thread.
    assert window.documents.open_from_cache(str(SEED), preparer(style, window.view.text_width(), lay_out=False))
    assert shown and shown[0].title == "2024年政府工作报告"
    assert not window.is_complete
    width = window.view.document().textWidth()
    assert width == window.view.viewport().width()  # typeset for the view: no second layout
    document = shown[0]
    reading = next(i for i, p in enumerate(document.paragraphs) if p.text.startswith("大力发展数字经济"))
    window.view.scroll_to_paragraph(reading)

    with qtbot.waitSignal(window.completed, timeout=10000):
        pass
    assert window.outline.tree.topLevelItemCount() > 0  # the outline caught up with the open document
    node = window.outline.current_node_id()  # and follows the reading position
    assert node and document.node_paragraph_range(node)[0] <= reading < document.node_paragraph_range(node)[1]


def test_a_panel_needed_early_completes_the_window_at_once(qtbot, data_dir):
    window = _staged_window(qtbot, data_dir)
    window.show()
    assert not window.is_complete
    window.act_find.trigger()  # Ctrl+F before the first paint
    assert window.is_complete
    assert window.search_panel.isVisible()
    assert window.docks["search_panel"].widget() is window.search_panel
