"""Bookmark flows in the app: Ctrl+D, the panel, jumping, filtering, editing, undo, markers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor

from reader.core.bookmarks.anchors import make_bookmark


def _wait_listed(qtbot, app, count: int):
    qtbot.waitUntil(lambda: len(app.services.bookmarks.bookmarks) == count, timeout=10000)
    app.services.bookmarks.wait()  # the write is on disk
    QCoreApplication.processEvents()  # and its queued outcome delivered


def _index_of(app, prefix: str) -> int:
    return next(i for i, p in enumerate(app.document.paragraphs) if p.text.startswith(prefix))


def _answer(app, title="", note="", accept=True):
    asked = []

    def answer(default_title, default_note, context):
        asked.append((default_title, default_note, context))
        return accept, title or default_title, note or default_note

    app.bookmarks_ui.ask_details = answer
    return asked


def test_ctrl_d_bookmarks_the_top_paragraph(qtbot, app):
    target = _index_of(app, "大力发展数字经济")
    app.view.scroll_to_paragraph(target)
    asked = _answer(app, note="重点关注")
    app.view.setFocus()
    qtbot.keyClick(app.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _wait_listed(qtbot, app, 1)
    bookmark = app.services.bookmarks.bookmarks[0]
    assert asked[0][0] == "大力发展数字经济"
    assert bookmark.paragraph == app.document.paragraphs[target].id and bookmark.note == "重点关注"
    assert app.bookmarks_panel.model.rowCount() == 1
    assert target in app.view.marker_rects()
    node = app.document.paragraphs[target].section
    assert app.outline.badge(node, "bookmarks") == 1


def test_selection_bookmark_and_jump_back(qtbot, app):
    target = _index_of(app, "持续推进公共服务")
    text = app.document.paragraphs[target].text
    start = app.view.paragraph_position(target) + text.index("推进“学有优教”")
    cursor = QTextCursor(app.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + 8, QTextCursor.MoveMode.KeepAnchor)
    app.view.setTextCursor(cursor)
    _answer(app, title="学有优教")
    app.window.action("bookmark").trigger()
    _wait_listed(qtbot, app, 1)
    bookmark = app.services.bookmarks.bookmarks[0]
    assert bookmark.snippet == "推进“学有优教”" and bookmark.title == "学有优教"
    app.view.scroll_to_paragraph(0)
    index = app.bookmarks_panel.proxy.index(0, 0)
    app.bookmarks_panel.view.doubleClicked.emit(index)
    assert app.view.is_position_visible(target, bookmark.offset)


def test_cancel_adds_nothing(qtbot, app):
    _answer(app, accept=False)
    app.window.action("bookmark").trigger()
    app.services.bookmarks.wait()
    QCoreApplication.processEvents()
    assert app.services.bookmarks.bookmarks == []


def test_panel_filter_sort_scope_and_count(qtbot, app):
    document = app.document
    for prefix, note in (("1、医疗卫生", "民生"), ("大力发展数字经济", "产业"), ("加强生态保护", "生态")):
        app.services.bookmarks.add(make_bookmark(document, document.paragraphs[_index_of(app, prefix)].id, note=note))
    _wait_listed(qtbot, app, 3)
    panel = app.bookmarks_panel
    titles = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert titles == ["大力发展数字经济", "加强生态保护和修复", "1、医疗卫生"]  # reading order
    panel.sort.setCurrentIndex(1)
    by_time = [panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(panel.proxy.rowCount())]
    assert [b.created for b in by_time] == sorted((b.created for b in by_time), reverse=True)
    panel.filter_box.setText("生态")
    assert panel.proxy.rowCount() == 1
    assert panel.count_label.text() == "1 of 3 bookmarks"
    panel.filter_box.clear()
    panel.scope.setCurrentIndex(1)
    assert panel.proxy.rowCount() == 3


def test_edit_delete_and_undo(qtbot, app):
    document = app.document
    bookmark = make_bookmark(document, document.paragraphs[_index_of(app, "大力发展数字经济")].id)
    app.services.bookmarks.add(bookmark)
    _wait_listed(qtbot, app, 1)
    _answer(app, title="改过的标题", note="改过的笔记")
    app.bookmarks_ui.edit(app.services.bookmarks.bookmarks[0])
    qtbot.waitUntil(lambda: app.services.bookmarks.bookmarks[0].title == "改过的标题", timeout=10000)
    app.window.action("undo").trigger()
    qtbot.waitUntil(lambda: app.services.bookmarks.bookmarks[0].title == bookmark.title, timeout=10000)
    app.bookmarks_ui.delete(app.services.bookmarks.bookmarks[0])
    _wait_listed(qtbot, app, 0)
    assert app.view.marker_rects() == {}
    app.window.action("undo").trigger()
    _wait_listed(qtbot, app, 1)
    app.window.action("redo").trigger()
    _wait_listed(qtbot, app, 0)


def test_f2_steps_through_bookmarks(qtbot, app):
    document = app.document
    indexes = sorted(_index_of(app, p) for p in ("大力发展数字经济", "加强生态保护", "1、医疗卫生"))
    for index in indexes:
        app.services.bookmarks.add(make_bookmark(document, document.paragraphs[index].id))
    _wait_listed(qtbot, app, 3)
    app.view.scroll_to_paragraph(0)
    for expected in indexes:
        app.window.action("next_bookmark").trigger()
        assert app.view.top_position()[0] == expected
    app.window.action("previous_bookmark").trigger()
    assert app.view.top_position()[0] == indexes[1]


def test_bookmarks_survive_a_restart(qtbot, make_app):
    first = make_app()
    paragraph = first.document.paragraphs[40]
    first.services.bookmarks.add(make_bookmark(first.document, paragraph.id, note="下次再读"))
    first.services.bookmarks.wait()
    first.window.close()
    second = make_app()
    qtbot.waitUntil(lambda: len(second.services.bookmarks.bookmarks) == 1, timeout=10000)
    assert second.services.bookmarks.bookmarks[0].note == "下次再读"
