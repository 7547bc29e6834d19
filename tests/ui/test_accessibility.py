"""What a screen reader gets from the window: Qt's accessibility tree and the Tab order, offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

Role = QAccessible.Role
CONTROLS = {
    Role.PushButton, Role.ComboBox, Role.CheckBox, Role.RadioButton, Role.EditableText, Role.Slider, Role.SpinBox,
    Role.ButtonMenu, Role.ButtonDropDown, Role.PageTab, Role.List, Role.Tree, Role.Table,
}  # fmt: skip
ITEMS = {Role.TreeItem, Role.Cell, Role.ListItem, Role.Row}


def _walk(interface, depth: int = 0):
    yield interface
    if depth > 30:
        return
    for number in range(interface.childCount()):
        child = interface.child(number)
        if child is not None and child.isValid():
            yield from _walk(child, depth + 1)


def _shown(interface) -> list:
    return [i for i in _walk(interface) if not (i.state().invisible or i.state().offscreen)]


def _describe(interface) -> str:
    widget = interface.object()
    return f"{interface.role().name} {type(widget).__name__} {getattr(widget, 'objectName', lambda: '')()!r}"


def test_every_control_on_screen_has_a_name_and_every_combo_a_label(qtbot, app):
    app.complete()
    app.window.show_panel("bookmarks_panel")
    app.window.show_panel("outline")
    app.window.show_panel("search_panel")
    qtbot.wait(100)
    root = QAccessible.queryAccessibleInterface(app.window)
    unnamed, value_only, empty_items = [], [], []
    for interface in _shown(root):
        name = interface.text(QAccessible.Text.Name).strip()
        role = interface.role()
        if role in CONTROLS and not name:
            unnamed.append(_describe(interface))
        if role == Role.ComboBox and not interface.relations(QAccessible.Relation.Label):
            value_only.append(f"{_describe(interface)} says only {name!r}")
        if role in ITEMS and not name:
            parent = interface.parent()
            empty_items.append(_describe(parent) if parent is not None else role.name)
    assert unnamed == [], unnamed
    assert value_only == [], value_only
    assert empty_items == [], sorted(set(empty_items))


def test_state_labels_say_their_state(qtbot, app):
    app.complete()
    progress, time_label = app.window.progress_label, app.player.time_label
    for label in (progress, time_label):
        interface = QAccessible.queryAccessibleInterface(label)
        name = interface.text(QAccessible.Text.Name)
        assert label.text() and label.text() in name, (name, label.text())
    app.player.set_position(75, 3600, True)
    assert "1:15 / ≈1:00:00" in QAccessible.queryAccessibleInterface(time_label).text(QAccessible.Text.Name)
    slider = app.player.slider
    assert slider.accessibleDescription() == "1:15 / ≈1:00:00"
    assert (slider.value(), slider.maximum()) == (75, 3600)  # its value is the time, in seconds
    slider.setEnabled(True)
    with qtbot.waitSignal(app.player.seekRequested, timeout=2000) as sought:
        QTest.keyClick(slider, Qt.Key.Key_PageUp)  # the keyboard seeks at once, by half a minute
    assert sought.args == [105.0]


def test_focus_starts_in_the_text(qtbot, app):
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    assert QApplication.focusWidget() is app.view


def _tab_through(qtbot, app, key, presses: int = 30) -> list[QWidget]:
    stops = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        QTest.keyClick(
            widget,
            key,
            Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier,
        )
        stops.append(QApplication.focusWidget())
    return stops


def test_tab_visits_only_what_is_on_screen_and_reaches_every_panel_control(qtbot, app):
    app.complete()
    app.window.activateWindow()
    outline, bookmarks = app.outline, app.bookmarks_panel
    fronts = {
        "outline": {outline.filter_box, outline.expand_button, outline.collapse_button, outline.tree},
        "bookmarks_panel": {bookmarks.scope, bookmarks.sort, bookmarks.filter_box, bookmarks.view},
    }
    for front, wanted in fronts.items():
        app.window.show_panel(front)  # the other tabs of its dock are covered: never a Tab stop
        qtbot.wait(50)
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            app.view.setFocus()
            stops = _tab_through(qtbot, app, key)
            hidden = [f"{type(w).__name__}:{w.objectName()}" for w in stops if w.visibleRegion().isEmpty()]
            assert hidden == [], hidden
            missing = [w.accessibleName() for w in wanted if w not in stops]
            assert missing == [], f"{key.name} with {front} in front never reaches {missing}"


def test_keys_move_by_heading_and_paragraph_and_say_where(qtbot, app, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(
        "reader.ui.reading.structure_keys.announce", lambda widget, text, alert=False: said.append(text)
    )
    document = app.document
    headings = sorted(document.paragraph_index(n.paragraph) for n in document.nodes())
    app.view.setFocus()
    app.window.action("next_heading").trigger()
    first = app.view.paragraph_at(app.view.textCursor())[0]
    assert first == headings[0]
    assert said[-1] == " › ".join(document.section_path(document.paragraphs[first].id))
    app.window.action("next_heading").trigger()
    assert app.view.paragraph_at(app.view.textCursor())[0] == headings[1]
    app.window.action("next_paragraph").trigger()
    assert app.view.paragraph_at(app.view.textCursor())[0] == headings[1] + 1
    assert said[-1].startswith(document.section_path(document.paragraphs[headings[1]].id)[0])
    app.window.action("previous_heading").trigger()
    assert app.view.paragraph_at(app.view.textCursor())[0] == headings[1]
    assert app.window.statusBar().currentMessage() == said[-1]
    # The paragraph at the caret, read aloud.
    narration = app.services.narration
    with qtbot.waitSignal(narration.stateChanged, timeout=10000):
        app.window.action("read_paragraph").trigger()
    assert "".join(p.text for p in narration.pieces) == document.paragraphs[headings[1]].text


def test_a_banner_is_announced_as_an_alert(qtbot, app, monkeypatch):
    heard: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        "reader.ui.common.widgets.announce", lambda widget, text, alert=False: heard.append((text, alert))
    )
    app.notifier.banner("没有可用的音频输出设备")
    assert heard == [("没有可用的音频输出设备", True)]


def test_the_note_editor_lets_tab_leave_and_ctrl_enter_save(qtbot, app):
    from reader.ui.bookmarks.panel import BookmarkEditor

    editor = BookmarkEditor("标题", "", "", app.window)
    qtbot.addWidget(editor)
    editor.show()
    editor.note.setFocus()
    QTest.keyClick(editor.note, Qt.Key.Key_Tab)
    assert editor.note.toPlainText() == "" and QApplication.focusWidget() is not editor.note
    editor.note.setFocus()
    editor.note.setPlainText("要点")
    with qtbot.waitSignal(editor.accepted, timeout=2000):
        QTest.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_tab_order_reads_like_the_screen_and_is_the_same_both_ways(qtbot, app):
    app.complete()
    app.window.activateWindow()
    count = len(app.window.tab_stops())
    app.view.setFocus()
    forward = _tab_through(qtbot, app, Qt.Key.Key_Tab, count)
    app.view.setFocus()
    backward = _tab_through(qtbot, app, Qt.Key.Key_Backtab, count)
    assert forward[-1] is app.view and backward[-1] is app.view  # a full round
    assert backward[:-1] == list(reversed(forward[:-1]))
    stops = app.window.tab_stops()  # the cycle in screen order (the round above started after the text)
    assert set(stops) == set(forward)
    outline, window = app.outline, app.window
    reading = [window.metadata.toggle, app.view, app.player.play_button]
    assert [stops.index(w) for w in reading] == sorted(stops.index(w) for w in reading), "information, text, player"
    toolbar_first = [w for w in stops if w.parentWidget() is not None and w.parentWidget().inherits("QToolBar")]
    assert stops[: len(toolbar_first)] == toolbar_first, "the toolbar comes first"
    assert stops.index(outline.filter_box) < stops.index(outline.expand_button) < stops.index(outline.tree)
    assert stops.index(outline.tree) < stops.index(window.metadata.toggle), "the left panel before the middle"
