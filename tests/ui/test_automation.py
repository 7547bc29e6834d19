"""What the window reports for scripts (``REPORT_READER_EVENTS``), and a jump that is cited at once."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.ui.automation import EventReporter
from tests.ui.test_search_library_ui import _search

ROOT = Path(__file__).resolve().parents[2]


def _lines(stream: io.StringIO) -> list[str]:
    return stream.getvalue().splitlines()


def test_a_key_is_reported_once_after_the_window_has_handled_it(qtbot, app):
    stream = io.StringIO()
    EventReporter(app, stream)
    app.view.setFocus()
    QTest.keyClick(app.view, Qt.Key.Key_F6)  # handled at once: focus goes to the next panel
    qtbot.waitUntil(lambda: "event keyup F6" in _lines(stream), timeout=5000)
    assert _lines(stream).count("event keyup F6") == 1  # the window and each widget see it: said once
    assert app.window.focusWidget() is not app.view


def test_status_title_dialogs_and_bookmarks_are_reported(qtbot, app):
    stream = io.StringIO()
    reporter = EventReporter(app, stream)
    reporter.services_attached()
    app.notifier.status("已保存 /tmp/x.pdf")
    assert "event status 已保存 /tmp/x.pdf" in _lines(stream)
    app.window.setWindowTitle("测试 — 报告阅读器")
    assert "event title 测试 — 报告阅读器" in _lines(stream)
    dialog = app.shortcuts_dialog()
    dialog.show()
    qtbot.waitUntil(lambda: any(line.startswith("event shown ") for line in _lines(stream)), timeout=5000)
    dialog.hide()
    qtbot.waitUntil(lambda: any(line.startswith("event hidden ") for line in _lines(stream)), timeout=5000)
    app.bookmarks_ui.ask_details = lambda title, note, context: (True, title, "")
    app.bookmarks_ui.add()
    qtbot.waitUntil(lambda: "event bookmarks 1" in _lines(stream), timeout=10000)


def test_the_first_page_is_reported_with_its_font_and_geometry(qtbot, make_app):
    stream = io.StringIO()
    app = make_app(source=None, staged=True)
    EventReporter(app, stream)
    app.window.show()
    app.navigator.open_first(str(ROOT / "resources" / "zhejiang-2024-government-work-report.html"))
    qtbot.waitUntil(lambda: any(line.startswith("event ready ") for line in _lines(stream)), timeout=20000)
    ready = next(line for line in _lines(stream) if line.startswith("event ready "))
    info = json.loads(ready.split(" ", 2)[2])
    assert info["title"] == "2024年政府工作报告" and info["font_family"] and len(info["window"]) == 4


def test_a_search_step_is_cited_at_once(qtbot, app):
    """F3 then at once Ctrl+Shift+L: the outline (and so a citation) is at the match before the scroll settles."""
    _search(qtbot, app, "港")
    app.view.scroll_to_paragraph(0)
    moved = 0
    for _ in range(len(app.search_ui.matches)):
        before = app.chosen_section()
        app.window.action("find_next").trigger()
        at_once = app.chosen_section()  # asked with no wait, as a key pressed right after F3 would
        with qtbot.waitSignal(app.view.topParagraphChanged, timeout=1000, raising=False):
            pass  # the scroll settles (when the step scrolled at all)
        assert at_once == app.chosen_section()
        moved += at_once != before
    assert moved >= 2, "the steps went through several sections"
