"""Bookmark flows in the window: Ctrl+D, the panel, jumping, filtering, editing, undo, markers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.core.bookmarks import make_bookmark


def _wait_listed(qtbot, window, count: int):
    qtbot.waitUntil(lambda: len(window.bookmarks.bookmarks) == count, timeout=10000)
    window.bookmarks.wait()
    qtbot.wait(50)


def _index_of(window, prefix: str) -> int:
    return next(i for i, p in enumerate(window.document.paragraphs) if p.text.startswith(prefix))


def _answer(window, title="", note="", accept=True):
    asked = []

    def answer(default_title, default_note, context):
        asked.append((default_title, default_note, context))
        return accept, title or default_title, note or default_note

    window.bookmarks_ui.ask_details = answer
    return asked


def test_ctrl_d_bookmarks_the_top_paragraph(qtbot, window):
    target = _index_of(window, "大力发展数字经济")
    window.view.scroll_to_paragraph(target)
    asked = _answer(window, note="重点关注")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _wait_listed(qtbot, window, 1)
    bookmark = window.bookmarks.bookmarks[0]
    assert asked[0][0] == "大力发展数字经济"
    assert bookmark.paragraph == window.document.paragraphs[target].id and bookmark.note == "重点关注"
    assert window.bookmarks_panel.model.rowCount() == 1
    assert target in window.view.marker_rects()
    node = window.document.paragraphs[target].section
    assert window.outline.item_for(node).text(2) == "🔖1"


def test_selection_bookmark_and_jump_back(qtbot, window):
    target = _index_of(window, "持续推进公共服务")
    text = window.document.paragraphs[target].text
    start = window.view.paragraph_position(target) + text.index("推进“学有优教”")
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + 8, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    _answer(window, title="学有优教")
    window.act_bookmark.trigger()
    _wait_listed(qtbot, window, 1)
    bookmark = window.bookmarks.bookmarks[0]
    assert bookmark.snippet == "推进“学有优教”" and bookmark.title == "学有优教"
    window.view.scroll_to_paragraph(0)
    index = window.bookmarks_panel.proxy.index(0, 0)
    window.bookmarks_panel.view.doubleClicked.emit(index)
    assert window.view.is_position_visible(target, bookmark.offset)


def test_cancel_adds_nothing(qtbot, window):
    _answer(window, accept=False)
    window.act_bookmark.trigger()
    qtbot.wait(200)
    assert window.bookmarks.bookmarks == []


def test_panel_filter_sort_scope_and_count(qtbot, window):
    document = window.document
    for prefix, note in (("1、医疗卫生", "民生"), ("大力发展数字经济", "产业"), ("加强生态保护", "生态")):
        window.bookmarks.add(make_bookmark(document, document.paragraphs[_index_of(window, prefix)].id, note=note))
    _wait_listed(qtbot, window, 3)
    panel = window.bookmarks_panel
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


def test_edit_delete_and_undo(qtbot, window):
    document = window.document
    bookmark = make_bookmark(document, document.paragraphs[_index_of(window, "大力发展数字经济")].id)
    window.bookmarks.add(bookmark)
    _wait_listed(qtbot, window, 1)
    _answer(window, title="改过的标题", note="改过的笔记")
    window.bookmarks_ui.edit(window.bookmarks.bookmarks[0])
    qtbot.waitUntil(lambda: window.bookmarks.bookmarks[0].title == "改过的标题", timeout=10000)
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.bookmarks.bookmarks[0].title == bookmark.title, timeout=10000)
    window.bookmarks_ui.delete(window.bookmarks.bookmarks[0])
    _wait_listed(qtbot, window, 0)
    assert window.view.marker_rects() == {}
    window.act_undo.trigger()
    _wait_listed(qtbot, window, 1)
    window.act_redo.trigger()
    _wait_listed(qtbot, window, 0)


def test_f2_steps_through_bookmarks(qtbot, window):
    document = window.document
    indexes = sorted(_index_of(window, p) for p in ("大力发展数字经济", "加强生态保护", "1、医疗卫生"))
    for index in indexes:
        window.bookmarks.add(make_bookmark(document, document.paragraphs[index].id))
    _wait_listed(qtbot, window, 3)
    window.view.scroll_to_paragraph(0)
    for expected in indexes:
        window.act_next_bookmark.trigger()
        assert window.view.top_position()[0] == expected
    window.act_previous_bookmark.trigger()
    assert window.view.top_position()[0] == indexes[1]


def test_bookmarks_survive_a_restart(qtbot, make_window):
    first = make_window()
    paragraph = first.document.paragraphs[40]
    first.bookmarks.add(make_bookmark(first.document, paragraph.id, note="下次再读"))
    first.bookmarks.wait()
    first.close()
    second = make_window()
    qtbot.waitUntil(lambda: len(second.bookmarks.bookmarks) == 1, timeout=10000)
    assert second.bookmarks.bookmarks[0].note == "下次再读"
