"""Highlights in the window: Ctrl+H on a selection, drawn in its colour, listed, changed, removed, undone, quoted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from reader.ui.highlights.panel import color_names
from reader.ui.reading.appearance import HIGHLIGHT_PALETTES


def _select(app, prefix: str, start_text: str, length: int) -> tuple[int, int]:
    index = next(i for i, p in enumerate(app.document.paragraphs) if p.text.startswith(prefix))
    offset = app.document.paragraphs[index].text.index(start_text)
    base = app.view.paragraph_position(index)
    cursor = QTextCursor(app.view.document())
    cursor.setPosition(base + offset)
    cursor.setPosition(base + offset + length, QTextCursor.MoveMode.KeepAnchor)
    app.view.setTextCursor(cursor)
    return index, offset


def _highlights(app) -> list:
    return [b for b in app.services.bookmarks.bookmarks if b.is_highlight]


def _settle(qtbot, app, count: int) -> None:
    qtbot.waitUntil(lambda: len(_highlights(app)) == count, timeout=10000)
    app.services.bookmarks.wait()
    QCoreApplication.processEvents()


def test_ctrl_h_highlights_the_selection_in_its_exact_words(qtbot, app):
    index, offset = _select(app, "持续推进公共服务", "推进“学有优教”", 8)
    app.view.setFocus()
    qtbot.keyClick(app.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot, app, 1)
    (highlight,) = _highlights(app)
    assert highlight.snippet == "推进“学有优教”" and highlight.offset == offset and highlight.color == "yellow"
    assert app.view.highlight_ranges("highlight:yellow:highlight") == [(index, offset, offset + 8)]
    panel = app.panel("highlights_panel")
    assert [h.uid for h in panel.shown()] == [highlight.uid]
    assert not app.bookmarks_panel.model.rowCount()  # a highlight is not a bookmark
    # The context menu on the highlight changes its colour; Ctrl+Z gives the old one back.
    cursor = app.view.textCursor()
    cursor.setPosition(app.view.paragraph_position(index) + offset + 2)
    app.view.setTextCursor(cursor)
    actions = {a.text(): a for a in app.highlights_ui.context_actions()}
    actions[f"Colour: {color_names()['green']}"].trigger()
    qtbot.waitUntil(lambda: _highlights(app)[0].color == "green", timeout=10000)
    assert app.view.highlight_ranges("highlight:green:highlight") == [(index, offset, offset + 8)]
    app.window.action("undo").trigger()
    qtbot.waitUntil(lambda: _highlights(app)[0].color == "yellow", timeout=10000)
    actions = {a.text(): a for a in app.highlights_ui.context_actions()}
    actions["Remove Highlight"].trigger()
    _settle(qtbot, app, 0)
    assert app.view.highlight_ranges("highlight:yellow:highlight") == []
    app.window.action("undo").trigger()
    _settle(qtbot, app, 1)


def test_a_note_and_tags_then_filter_jump_and_copy_as_quotes(qtbot, app):
    _select(app, "持续推进公共服务", "推进“学有优教”", 8)
    app.highlights_ui.ask_details = lambda note, tags, quote: (True, "教育是重点", ["教育", "民生"])
    app.highlights_ui.highlight("blue", with_note=True)
    _settle(qtbot, app, 1)
    (highlight,) = _highlights(app)
    assert (highlight.note, highlight.tags, highlight.color) == ("教育是重点", ("教育", "民生"), "blue")
    panel = app.panel("highlights_panel")
    panel.filter.setText("民生")
    assert len(panel.shown()) == 1
    panel.filter.setText("没有这个词")
    assert panel.shown() == []
    panel.filter.clear()
    panel.color.setCurrentIndex(panel.color.findData("blue"))
    assert len(panel.shown()) == 1
    app.view.scroll_to_paragraph(len(app.document.paragraphs) - 1)
    panel.activated.emit(highlight)
    qtbot.waitUntil(
        lambda: app.view.top_position()[0] <= app.document.paragraph_index(highlight.paragraph), timeout=5000
    )
    panel.copyRequested.emit(panel.shown())
    copied = QGuiApplication.clipboard().text()
    assert "“推进“学有优教””" in copied and "教育是重点" in copied and "——浙江省《2024年政府工作报告》" in copied


def test_export_writes_the_quote_collection_by_the_file_name(qtbot, app, tmp_path):
    _select(app, "持续推进公共服务", "推进“学有优教”", 8)
    app.highlights_ui.highlight("pink")
    _settle(qtbot, app, 1)
    for name in ("quotes.md", "quotes.docx", "quotes.csv"):
        target = tmp_path / name
        app.highlights_ui.ask_export_path = lambda t=target: str(t)
        app.highlights_ui.export_dialog(_highlights(app))
        assert target.exists() and target.stat().st_size > 0
    assert "推进“学有优教”" in (tmp_path / "quotes.md").read_text(encoding="utf-8")


def test_each_colour_is_readable_on_each_theme():
    from reader.ui.reading.appearance import THEMES

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for name, palette in HIGHLIGHT_PALETTES.items():
        text = luminance(THEMES[name].text)
        assert set(palette) == set(color_names())
        for colour in palette.values():
            light, dark = sorted((luminance(colour), text), reverse=True)
            assert (light + 0.05) / (dark + 0.05) >= 4.5, (name, colour)


def test_read_my_highlights_plays_them_in_reading_order(qtbot, app):
    # Made back to front: the narration still follows the text.
    late = _select(app, "持续推进公共服务", "推进“学有优教”", 8)
    app.highlights_ui.highlight("green")
    _settle(qtbot, app, 1)
    body = next(p.text for p in app.document.paragraphs if len(p.text) > 60 and " " not in p.text[:40])
    early = _select(app, body[:12], body[20:26], 6)
    app.highlights_ui.highlight("blue")
    _settle(qtbot, app, 2)
    panel = app.panel("highlights_panel")
    panel.read_button.click()
    narration = app.services.narration
    qtbot.waitUntil(lambda: len(narration.pieces) >= 2, timeout=10000)
    paragraphs = app.document.paragraphs
    assert [p.paragraph for p in narration.pieces] == [early[0], late[0]]
    assert "".join(p.text for p in narration.pieces) == (
        paragraphs[early[0]].text[early[1] : early[1] + 6] + "推进“学有优教”"
    )
    # Nothing of this report to read: a message, nothing played.
    panel.color.setCurrentIndex(panel.color.findData("pink"))
    app.highlights_ui.read_aloud(panel.shown())
    assert "no highlights to read" in app.window.statusBar().currentMessage()


def test_highlights_are_marked_in_the_margin_and_on_the_scroll_bar(qtbot, app):
    from PySide6.QtGui import QColor

    from reader.ui.reading.appearance import HIGHLIGHT_MARK_COLORS

    index, offset = _select(app, "持续推进公共服务", "推进“学有优教”", 8)
    app.highlights_ui.highlight("purple")
    _settle(qtbot, app, 1)
    view = app.view
    view.scroll_to_paragraph(index, offset)
    QCoreApplication.processEvents()
    purple = QColor(HIGHLIGHT_MARK_COLORS["purple"])
    # The margin bar sits beside the highlighted line, left of the column.
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.paragraph_position(index) + offset)
    line = view.cursorRect(cursor)
    ((bar, color),) = view.margin_mark_rects()
    assert color == purple and bar.right() < line.left() and bar.top() <= line.center().y() <= bar.bottom()
    image = view.viewport().grab().toImage()
    assert image.pixelColor(int(bar.center().x()), int(bar.center().y())) == purple
    # The scroll-bar tick: as far down the groove as the passage is down the report.
    marks = view.scroll_bar_marks
    ((tick, tick_color),) = marks.tick_rects()
    groove = marks.groove()
    placed = view.passage_marks.placed()[0]
    share = placed.top / view.document().size().height()
    assert abs((tick.top() - groove.top()) / groove.height() - share) < 0.01 and 0.5 < share < 1
    picture = view.verticalScrollBar().grab().toImage()
    assert picture.pixelColor(int(tick.center().x()), int(tick.center().y())) == tick_color == purple
    # Removed: both marks go.
    app.highlights_ui.remove(_highlights(app)[0])
    _settle(qtbot, app, 0)
    assert view.margin_mark_rects() == [] and marks.tick_rects() == []


def _drag(view, start, end) -> None:
    """A real left-button drag over the text: press, move with the button held, release."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    viewport = view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    # (QTest.mouseMove carries no held button in Qt 6, so the drag is sent as the events a mouse makes.)
    for kind, point, button, held in (
        (QEvent.Type.MouseButtonPress, start, left, left),
        (QEvent.Type.MouseMove, end, none, left),
        (QEvent.Type.MouseButtonRelease, end, left, none),
    ):
        local = QPointF(point)
        event = QMouseEvent(kind, local, viewport.mapToGlobal(local), button, held, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


def test_a_mouse_selection_offers_the_colours_and_one_click_highlights(qtbot, app):
    view = app.view
    index, offset = _select(app, "持续推进公共服务", "推进“学有优教”", 8)
    cursor = view.textCursor()
    cursor.clearSelection()  # no selection yet: the drag makes it
    view.setTextCursor(cursor)
    view.scroll_to_paragraph(index, 0)
    QCoreApplication.processEvents()
    base = view.paragraph_position(index)
    cursor = QTextCursor(view.document())
    cursor.setPosition(base + offset)
    start = view.cursorRect(cursor).center()
    cursor.setPosition(base + offset + 8)
    end = view.cursorRect(cursor).center()
    _drag(view, start, end)
    from reader.ui.highlights.selection_toolbar import SelectionToolbar

    toolbar = view.viewport().findChild(SelectionToolbar, "selectionToolbar")
    assert view.textCursor().selectedText() == "推进“学有优教”"
    assert toolbar.isVisible() and not toolbar.hasFocus()
    assert toolbar.geometry().bottom() < end.y() or toolbar.geometry().top() > end.y()  # never over the words
    assert toolbar.buttons["green"].accessibleName() == f"Highlight in {color_names()['green']}"
    toolbar.buttons["green"].click()
    _settle(qtbot, app, 1)
    (highlight,) = _highlights(app)
    assert (highlight.snippet, highlight.color, highlight.offset) == ("推进“学有优教”", "green", offset)
    assert not toolbar.isVisible()
    # It goes away with the selection, and on a key.
    _drag(view, start, end)
    assert toolbar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not toolbar.isVisible()
    _drag(view, start, end)
    cursor = view.textCursor()
    cursor.clearSelection()
    view.setTextCursor(cursor)
    assert not toolbar.isVisible()
