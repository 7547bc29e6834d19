"""Reader conventions: Space pages, Back/Forward after jumps, full-screen reading, panel keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import search_hit_items


def _top(app) -> int:
    return app.view.top_position()[0]


def _settle(qtbot, app) -> None:
    qtbot.wait(120)  # the view reports its top paragraph after scrolling settles


def test_space_and_shift_space_page_the_text(qtbot, app):
    app.window.activateWindow()
    app.view.setFocus()
    bar = app.view.verticalScrollBar()
    start = bar.value()
    qtbot.keyClick(app.view, Qt.Key.Key_Space)
    assert bar.value() == start + bar.pageStep()
    qtbot.keyClick(app.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == start
    assert app.services.narration.snapshot() is None or app.services.narration.snapshot().state.value == "stopped"


def test_back_and_forward_after_jumps(qtbot, app):
    document = app.document
    assert not app.window.action("back").isEnabled()
    first = document.outline[1].children[2]  # （三）
    app.outline.nodeActivated.emit(first.paragraph)
    _settle(qtbot, app)
    jumped = _top(app)
    assert jumped == document.paragraph_index(first.paragraph)
    assert app.window.action("back").isEnabled()
    app.window.action("back").trigger()
    _settle(qtbot, app)
    assert _top(app) == 0
    assert app.window.action("forward").isEnabled()
    app.window.action("forward").trigger()
    _settle(qtbot, app)
    assert _top(app) == jumped
    # The mouse's back button does the same, over the text.
    press = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress,
        QPointF(50, 50),
        QPointF(50, 50),
        Qt.MouseButton.BackButton,
        Qt.MouseButton.BackButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(app.view.viewport(), press)
    _settle(qtbot, app)
    assert _top(app) == 0


def test_back_returns_to_another_document(qtbot, app, tmp_path):
    from tests.conftest import corpus_path

    seed = app.document
    node = seed.outline[1]
    app.outline.nodeActivated.emit(node.paragraph)
    _settle(qtbot, app)
    where = _top(app)
    other = corpus_path("text", "province", "zhejiang_2025.md")
    with qtbot.waitSignal(app.navigator.documentShown, timeout=15000):
        app.navigator.open(str(other))
    assert app.document.id != seed.id
    with qtbot.waitSignal(app.navigator.documentShown, timeout=15000):
        app.window.action("back").trigger()
    assert app.document.id == seed.id
    _settle(qtbot, app)
    assert _top(app) == where


def test_full_screen_reading_hides_everything_but_the_text_and_esc_leaves(qtbot, app):
    window = app.window
    app.complete()
    window.activateWindow()
    app.view.setFocus()
    assert QApplication.focusWidget() is app.view
    window.action("fullscreen").trigger()
    assert window.full_screen_reading
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not any(dock.isVisible() for dock in window.docks.values())
    assert app.view.isVisible()
    window.action("clear_highlights").trigger()  # Esc
    assert not window.full_screen_reading
    assert window.menuBar().isVisible() and window.docks["outline"].isVisible()


def test_f9_brings_the_outline_forward_and_ctrl_tab_switches_dock_tabs(qtbot, app):
    window = app.window
    app.complete()
    window.show_panel("bookmarks_panel")
    assert not window.panel_in_front("outline")
    window.action("panel_outline").trigger()  # F9
    assert window.panel_in_front("outline")
    assert QApplication.focusWidget() is app.outline.tree
    window.action("next_dock_tab").trigger()  # Ctrl+Tab: the next tab of the outline's dock group
    assert not window.panel_in_front("outline")
    assert any(window.panel_in_front(k) for k in ("library_panel", "bookmarks_panel"))
    window.action("panel_outline").trigger()
    window.action("panel_outline").trigger()  # in front and focused: F9 hides it
    assert not window.docks["outline"].isVisible()


def test_help_lists_every_key(qtbot, app):
    dialog = app.shortcuts_dialog()
    qtbot.addWidget(dialog)
    assert dialog.keys_of("Back") in ("Alt+Left", "Alt+Left, Back")
    assert "F11" in dialog.keys_of("Full Screen Reading")
    assert dialog.keys_of("Page down / up (in the text)") == "Space, Shift+Space"
    assert dialog.keys_of("Next Heading") == "Ctrl+Down"
    listed = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    for name, action in app.window.named_actions.items():
        if action.shortcuts() and action.text():
            assert any(text in listed for text in (action.text().split("\t")[0].replace("&", "").rstrip("…"),)), name


def _matches_after(app, index: int) -> list:
    return [m for m in app.search_ui.matches if m[0] >= index]


def test_enter_and_f3_go_from_the_reading_position(qtbot, app):
    document = app.document
    using = [i for i, p in enumerate(document.paragraphs) if "数字经济" in p.text]
    assert len(using) >= 2
    app.navigator.go_to_index(using[0] + 1)  # past the first paragraph that uses it
    _settle(qtbot, app)
    top = _top(app)
    service = app.services.library
    panel = app.search_panel
    with qtbot.waitSignal(service.searchFinished, timeout=10000):
        panel.box.setText("数字经济")
        panel.box.returnPressed.emit()  # Enter
    qtbot.waitUntil(lambda: app.search_ui.match_index >= 0, timeout=5000)
    first = app.search_ui.matches[app.search_ui.match_index]
    assert first == _matches_after(app, top)[0], "the first match after where the reader is"
    assert "of" in app.window.statusBar().currentMessage() or "处" in app.window.statusBar().currentMessage()
    # Scrolled back to the beginning, F3 goes to the first match after *there*.
    app.view.verticalScrollBar().setValue(0)
    _settle(qtbot, app)
    app.window.action("find_next").trigger()
    current = app.search_ui.matches[app.search_ui.match_index]
    assert current == _matches_after(app, _top(app))[0] and current[0] < first[0]
    # A match off screen is a jump: Back returns to where the reader was before it.
    app.view.verticalScrollBar().setValue(0)
    _settle(qtbot, app)
    far = next(m for m in app.search_ui.matches if not app.view.is_position_visible(m[0], m[1]))
    app.search_ui.match_index = app.search_ui.matches.index(far) - 1
    app.window.action("find_next").trigger()
    _settle(qtbot, app)
    assert app.search_ui.matches[app.search_ui.match_index] == far
    assert app.view.is_position_visible(far[0], far[1]) and app.window.action("back").isEnabled()
    app.window.action("back").trigger()
    _settle(qtbot, app)
    assert _top(app) == 0
    # Esc clears the highlights and the counter.
    app.window.action("clear_highlights").trigger()
    assert app.window.statusBar().currentMessage() == "" and not app.search_ui.matches


def test_chinese_quotation_marks_quote_a_phrase(qtbot, app):
    from reader.core.search.query import parse_query

    assert parse_query("“数字 经济” 发展").groups == (("数字 经济",), ("发展",))
    assert parse_query("「高质量发展」 -『疫情』").groups == (("高质量发展",),)
    assert parse_query("「高质量发展」 -『疫情』").excluded == ("疫情",)


def test_the_outline_opens_the_section_read_and_closes_the_one_left(qtbot, app):
    app.complete()
    document = app.document
    parent = next(n for n in document.nodes() if n.children and n.title.startswith("（三）"))
    inside = parent.children[0]
    following = next(n for n in document.nodes() if n.title.startswith("（四）"))
    outline = app.outline
    assert not outline.item_for(parent.id).isExpanded()
    outline.follow_paragraph(document.paragraph_index(inside.paragraph))
    assert outline.item_for(parent.id).isExpanded() and outline.current_node_id() == inside.id
    outline.follow_paragraph(document.paragraph_index(following.paragraph))
    assert not outline.item_for(parent.id).isExpanded()
    # A section the reader opened by hand stays open.
    outline.item_for(parent.id).setExpanded(True)
    outline.follow_paragraph(document.paragraph_index(document.outline[0].paragraph))
    assert outline.item_for(parent.id).isExpanded()


def test_the_open_dialog_starts_where_the_reader_last_opened_a_file(qtbot, app, tmp_path):
    from pathlib import Path

    assert app.opening.start_folder() == str(Path.home())
    app.settings.open_folder = str(tmp_path)
    assert app.opening.start_folder() == str(tmp_path)
    app.settings.open_folder = str(tmp_path / "gone")
    assert app.opening.start_folder() == str(Path.home())


def test_the_open_dialog_has_readable_columns_and_speaks_the_ui_language(qtbot, qapp, make_app, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

    from reader.ui.launch import install_translators

    translators = install_translators(qapp, "zh")
    try:
        app = make_app()
        app.settings.open_folder = str(tmp_path)
        dialog = app.opening.make_open_dialog()
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        assert dialog.directory().absolutePath() == str(tmp_path)
        assert dialog.viewMode() == QFileDialog.ViewMode.Detail
        assert dialog.findChild(QTreeView).header().sectionSize(0) >= 400, "long file names are readable"
        assert dialog.width() >= 800
        labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "文件名" in labels, labels  # Qt's own words in Chinese too
        dialog.findChild(QTreeView).header().resizeSection(0, 500)  # the reader widens the column
        app.settings.open_dialog_state = dialog.saveState()
        again = app.opening.make_open_dialog()
        qtbot.addWidget(again)
        assert again.findChild(QTreeView).header().sectionSize(0) == 500
        assert again.directory().absolutePath() == str(tmp_path)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_narration_starts_at_the_caret_or_the_selection(qtbot, app):
    from PySide6.QtGui import QTextCursor

    document = app.document
    index = next(i for i, p in enumerate(document.paragraphs) if len(p.text) > 60 and i > 3)
    app.view.scroll_to_paragraph(index - 1)
    _settle(qtbot, app)
    cursor = QTextCursor(app.view.document())
    cursor.setPosition(app.view.paragraph_position(index) + 10)
    app.view.setTextCursor(cursor)
    pieces = app.narration_ui.pieces("here")
    assert (pieces[0].paragraph, pieces[0].start <= 10 <= pieces[0].end) == (index, True)
    cursor.setPosition(app.view.paragraph_position(index) + 20, QTextCursor.MoveMode.KeepAnchor)
    app.view.setTextCursor(cursor)
    pieces = app.narration_ui.pieces("here")
    assert "".join(p.text for p in pieces) == document.paragraphs[index].text[10:20]


def test_a_bookmark_click_selects_and_enter_goes_there(qtbot, app):
    from reader.core.bookmarks.anchors import make_bookmark

    document = app.document
    target = len(document.paragraphs) // 2
    service = app.services.bookmarks
    with qtbot.waitSignal(service.changed, timeout=10000):
        service.add(make_bookmark(document, document.paragraphs[target].id))
    panel = app.bookmarks_panel
    app.window.show_panel("bookmarks_panel")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    index = panel.view.model().index(0, 0)
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _settle(qtbot, app)
    assert _top(app) == 0 and panel.current_bookmark() is not None
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    _settle(qtbot, app)
    assert _top(app) == target


def test_quitting_in_full_screen_reading_keeps_the_panels_for_next_time(qtbot, app):
    app.complete()
    app.window.action("fullscreen").trigger()
    app.window.close()  # saves the session
    assert not app.window.full_screen_reading
    assert app.window.docks["outline"].isVisible() or app.window.docks["outline"].isVisibleTo(app.window)


def _listed_paragraphs(panel) -> list[str]:
    return [item.data(0, Qt.ItemDataRole.UserRole).paragraph for item in search_hit_items(panel)]


def test_search_results_in_text_order_by_default_and_by_relevance_on_request(qtbot, app):
    document = app.document
    panel = app.search_panel
    assert panel.result_order == "text"
    with qtbot.waitSignal(app.services.library.searchFinished, timeout=10000):
        panel.box.setText("创新 发展")
        panel.submit()
    in_text = _listed_paragraphs(panel)
    assert len(in_text) > 5
    places = [document.paragraph_index(p) for p in in_text]
    assert places == sorted(places), "hits listed top to bottom"
    panel.set_result_order("relevance")  # re-sorted at once, without searching again
    by_relevance = [item.data(0, Qt.ItemDataRole.UserRole) for item in search_hit_items(panel)]
    assert sorted(h.paragraph for h in by_relevance) == sorted(in_text)
    scores = [h.score for h in by_relevance]
    assert [h.paragraph for h in by_relevance] != in_text
    # Within a section the best comes first.
    sections = {}
    for hit in by_relevance:
        sections.setdefault(hit.section_path, []).append(hit.score)
    assert all(values == sorted(values, reverse=True) for values in sections.values()), scores
    assert app.settings.search_order == "relevance"  # remembered for next time


def test_repainting_results_reuses_the_laid_out_snippets(qtbot, app):
    panel = app.search_panel
    app.window.show_panel("search_panel")
    with qtbot.waitSignal(app.services.library.searchFinished, timeout=10000):
        panel.box.setText("港")
        panel.submit()
    tree = panel.results
    delegate = tree.itemDelegate()
    tree.viewport().repaint()
    built = delegate.documents_built
    assert built > 0
    for _ in range(3):
        tree.viewport().repaint()
    assert delegate.documents_built == built, "painting again builds no QTextDocument"


def test_opening_a_hit_moves_the_outline_to_its_section(qtbot, app):
    document = app.document
    panel = app.search_panel
    with qtbot.waitSignal(app.services.library.searchFinished, timeout=10000):
        panel.box.setText("千项万亿")
        panel.submit()
    hit = search_hit_items(panel)[-1].data(0, Qt.ItemDataRole.UserRole)
    app.outline.follow_paragraph(0)  # the outline elsewhere first
    app.search_ui.open_hit(hit)
    section = document.section_path(hit.paragraph)[-1]
    qtbot.waitUntil(lambda: document.node(app.outline.current_node_id()).title == section, timeout=3000)


def _within(widget, outer) -> bool:
    """Whether a widget is shown whole inside an outer widget (not clipped or pushed off)."""
    from PySide6.QtCore import QRect

    top_left = widget.mapTo(outer, widget.rect().topLeft())
    return QRect(QPoint(0, 0), outer.size()).contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_window_works_at_900_by_600_with_every_panel_open(qtbot, qapp, make_app, language):
    from reader.ui.launch import install_translators

    translators = install_translators(qapp, "zh") if language == "zh" else []
    try:
        app = make_app()
        app.complete()
        for key in app.window.docks:
            app.window.show_panel(key)
        app.window.resize(900, 600)
        qtbot.waitUntil(lambda: app.player.rows.stacked, timeout=3000)
        qtbot.wait(250)  # rows that wrapped are laid out again on the next pass
        assert (app.window.width(), app.window.height()) == (900, 600), "the minimum size allows 900×600"
        assert app.window.minimumSizeHint().width() <= 900
        assert app.search_panel.box.width() >= 150, "the search box keeps room to type"
        assert app.player.slider.width() >= 120, "the seek slider keeps its length"
        assert app.view.width() >= 300 and app.view.height() >= 200
        player = app.player
        for control in (player.play_button, player.time_label, player.speed, player.voice_button, player.export_button):
            assert _within(control, player), control.accessibleName()
            assert control.width() >= control.minimumSizeHint().width(), control.accessibleName()
        for panel in (app.library_panel, app.bookmarks_panel, app.search_panel):
            for control in panel.findChildren(QWidget):
                if control.isVisible() and control.minimumSizeHint().isValid() and control.parent() is panel:
                    assert control.width() >= control.minimumSizeHint().width(), control.objectName()
        app.window.resize(1400, 800)  # wide again: the player goes back to one line
        qtbot.waitUntil(lambda: not app.player.rows.stacked, timeout=3000)
        qtbot.wait(250)
        assert app.player.slider.width() > 300
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def _ink_columns(image, rect, background) -> set[int]:
    """Columns of a row where something other than the background is drawn."""
    return {
        x
        for x in range(rect.left(), rect.right())
        for y in range(rect.top() + 2, rect.bottom() - 2)
        if image.pixelColor(x, y) != background
    }


def test_a_bookmark_count_has_a_drawn_ribbon_not_an_emoji(qtbot, app):
    from PySide6.QtGui import QPalette

    outline = app.outline
    app.window.show_panel("outline")
    node = app.document.outline[0].id
    tree = outline.tree
    tree.collapseAll()
    outline.set_badges({}, kind="hits")
    outline.set_badges({}, kind="bookmarks")
    rect = tree.visualItemRect(outline.item_for(node))
    background = tree.viewport().palette().color(QPalette.ColorRole.Base)
    tree.clearSelection()
    tree.setCurrentItem(None)
    plain = _ink_columns(tree.viewport().grab().toImage(), rect, background)
    outline.set_badges({node: 7}, "{count} bookmarks", kind="bookmarks")
    badged = _ink_columns(tree.viewport().grab().toImage(), rect, background)
    right_end = {x for x in badged - plain if x > rect.right() - 60}
    assert len(right_end) >= 10, "the ribbon and the count are drawn at the row's right end"
    digit = tree.fontMetrics().horizontalAdvance("7")
    assert max(right_end) - min(right_end) > digit + 4, "more than the digit alone: the ribbon before it"
    assert "◆" not in outline.item_for(node).text(0) and "🔖" not in outline.item_for(node).text(0)
