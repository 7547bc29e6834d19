"""Bookmark figures: GUI-thread time to add one and to show 10,000 in the panel.

Highlights: 1,000 in one report — the GUI-thread time to draw them all, and to scroll a page
and paint it with them, next to the same scroll and paint without any highlight.

Next to them, in the same run: SQLite's own time for the same insert and list
(on the worker thread), and a bare QStandardItemModel filled with the same
10,000 rows (the floor of showing them at all).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.common import SEED, median_ms
from reader.core.paths import DataLayout

COUNT = 10_000


def _gui_ms(function, repeat: int = 5) -> float:
    return median_ms(function, repeat)


def measure() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTreeView

    from reader.core.bookmarks.anchors import make_bookmark
    from reader.core.bookmarks.store import BookmarkStore
    from reader.core.loader import load_path
    from reader.services.bookmarks import BookmarkService
    from reader.services.library import LibraryService
    from reader.services.settings import Settings
    from reader.services.tasks import TaskRunner
    from reader.ui.composition import Services
    from reader.ui.launch import create_document_service
    from reader.ui.reading.appearance import chinese_font_families
    from reader.ui.root import compose

    _app = QApplication.instance() or QApplication([])  # kept alive for the widgets below
    work = Path(tempfile.mkdtemp(prefix="rr-bookmarks-"))
    document = load_path(SEED)
    store = BookmarkStore(DataLayout(work).bookmarks)
    started = time.perf_counter()
    for number in range(COUNT):
        bookmark = make_bookmark(
            document, document.paragraphs[number % len(document.paragraphs)].id, note=f"note {number}"
        )
        if number % 2:
            from dataclasses import replace

            bookmark = replace(bookmark, doc=f"other{number % 50}", doc_title=f"其他报告 {number % 50}")
        store.add(bookmark)
    insert_all_s = time.perf_counter() - started
    sqlite_insert_ms = _gui_ms(lambda: store.add(make_bookmark(document, document.paragraphs[5].id)))
    sqlite_list_ms = _gui_ms(store.list)
    rows = store.list()
    store.close()

    runner = TaskRunner()
    documents = create_document_service(work, runner, None)
    library = LibraryService(work)
    bookmarks = BookmarkService(DataLayout(work).bookmarks)
    app = compose(
        documents,
        Settings(DataLayout(work).settings),
        runner,
        tuple(chinese_font_families()),
        services=Services(library, bookmarks),
    )
    window = app.window
    window.resize(1200, 860)
    window.show()
    shown = []
    app.navigator.documentShown.connect(shown.append)
    app.navigator.open(str(SEED))
    bookmarks.refresh()
    while not shown or len(bookmarks.bookmarks) < COUNT:
        QTest.qWait(20)
    QTest.qWait(300)

    panel = app.bookmarks_panel
    panel.scope.setCurrentIndex(1)  # all documents: 10,000 rows
    show_all_ms = _gui_ms(app.bookmarks_ui.refresh)
    panel.show()
    panel.raise_()
    open_panel_ms = _gui_ms(lambda: (panel.hide(), panel.show(), QApplication.processEvents()))
    filter_ms = _gui_ms(lambda: (panel.filter_box.setText("note 99"), panel.filter_box.clear()))
    app.bookmarks_ui.ask_details = lambda title, note, context: (True, title, note)
    add_ms = _gui_ms(app.bookmarks_ui.add)
    bookmarks.wait()

    model = QStandardItemModel()
    bare = QTreeView()
    bare.setUniformRowHeights(True)
    bare.setModel(model)

    def fill_bare() -> None:
        model.clear()
        for bookmark in rows:
            model.appendRow([QStandardItem(bookmark.title), QStandardItem(bookmark.note)])

    bare_fill_ms = _gui_ms(fill_bare, repeat=3)
    highlight_figures = _highlight_figures(app, document, bookmarks)
    window.close()
    bookmarks.close()
    library.close()
    runner.wait(3000)
    return {
        "bookmarks": len(rows),
        "gui_add_bookmark_ms": add_ms,
        "gui_show_all_in_panel_ms": show_all_ms,
        "gui_open_panel_ms": open_panel_ms,
        "gui_filter_ms": filter_ms,
        "target_gui_ms": 50,
        "baseline_bare_model_fill_10000_ms": bare_fill_ms,
        "worker_sqlite_insert_ms": sqlite_insert_ms,
        "worker_sqlite_list_10000_ms": sqlite_list_ms,
        "insert_10000_one_transaction_each_s": round(insert_all_s, 1),
        **highlight_figures,
    }


HIGHLIGHTS = 1_000


def _scroll_and_paint_ms(view) -> float:
    """Median time to scroll the text one page further and paint it (wrapping to the top)."""
    from PySide6.QtWidgets import QApplication

    bar = view.verticalScrollBar()

    def step() -> None:
        bar.setValue(bar.value() + bar.pageStep() if bar.value() < bar.maximum() else 0)
        view.viewport().repaint()
        QApplication.processEvents()

    return median_ms(step, 15)


def _highlight_figures(app, document, bookmarks) -> dict:
    """1,000 highlights spread over the open report: draw them, then scroll and paint with them."""
    from PySide6.QtTest import QTest

    from reader.core.bookmarks.anchors import make_highlight

    view = app.view
    view.verticalScrollBar().setValue(0)
    bare_scroll_ms = _scroll_and_paint_ms(view)
    paragraphs = [p for p in document.paragraphs if len(p.text) >= 12]
    colors = ("yellow", "green", "blue", "pink", "purple")
    made = []
    for number in range(HIGHLIGHTS):
        paragraph = paragraphs[number % len(paragraphs)]
        start = (number // len(paragraphs) * 6) % max(1, len(paragraph.text) - 6)
        made.append(
            make_highlight(
                document,
                paragraph.id,
                start,
                start + 5,
                color=colors[number % len(colors)],
                style="underline" if number % 7 == 0 else "highlight",
            )
        )
    for highlight in made:
        bookmarks.add(highlight)
    bookmarks.wait()
    bookmarks.refresh()
    controller = app.highlights_ui
    while len([h for h in controller.highlights() if h.doc == document.id]) < HIGHLIGHTS:
        QTest.qWait(20)
    draw_ms = median_ms(controller.refresh, 5)
    view.verticalScrollBar().setValue(0)
    scroll_ms = _scroll_and_paint_ms(view)
    return {
        "highlights": len([h for h in controller.highlights() if h.doc == document.id]),
        "gui_draw_1000_highlights_ms": draw_ms,
        "gui_scroll_page_and_paint_with_1000_highlights_ms": scroll_ms,
        "baseline_scroll_page_and_paint_without_highlights_ms": bare_scroll_ms,
    }
