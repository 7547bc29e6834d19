"""The reading app: outline, scrolling, zoom, themes, restore, citation, PDF."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QPalette, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.core.document import ParagraphKind
from tests.conftest import needs_tool


def _index_of(app, prefix: str) -> int:
    return next(i for i, p in enumerate(app.document.paragraphs) if p.text.startswith(prefix))


def _settle(qtbot, app):
    """Wait until the view has reported where scrolling settled (it waits 60 ms for the scroll to stop)."""
    qtbot.waitUntil(lambda: not app.view.settling, timeout=5000)


def _restyled(qtbot, app, change):
    """Run a zoom/theme/spacing change and wait until the worker's typesetting is on screen."""
    with qtbot.waitSignal(app.style.applied, timeout=10000):
        change()


def test_opens_the_seed_typeset(app):
    assert app.document.title == "2024年政府工作报告"
    assert "2024年政府工作报告" in app.window.windowTitle()
    text_document = app.view.document()
    assert text_document.blockCount() >= 96
    first = text_document.begin()
    assert first.text() == "政府工作报告"
    assert first.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    body = text_document.findBlockByNumber(5)
    assert body.blockFormat().textIndent() == 2 * app.settings.font_px  # two characters, in px
    card = app.window.metadata
    assert card.findChild(type(card.title_label), "meta_index_no").text() == "000014349/2024-792209"


def test_clicking_an_outline_node_scrolls_there(qtbot, app):
    target = _index_of(app, "（五）")
    item = app.outline.item_for(app.document.paragraphs[target].section)
    rect = app.outline.tree.visualItemRect(item)
    qtbot.mouseClick(app.outline.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _settle(qtbot, app)
    assert app.view.top_position()[0] == target


def test_enter_on_an_outline_node_jumps(qtbot, app):
    target = _index_of(app, "（八）")
    item = app.outline.item_for(app.document.paragraphs[target].section)
    app.outline.tree.setCurrentItem(item)
    app.outline.tree.setFocus()
    qtbot.keyClick(app.outline.tree, Qt.Key.Key_Return)
    _settle(qtbot, app)
    assert app.view.top_position()[0] == target


def test_scrolling_moves_the_current_outline_node(qtbot, app):
    target = _index_of(app, "加快建设世界一流强港")
    app.outline.tree.collapseAll()
    app.view.setFocus()
    app.view.scroll_to_paragraph(target)
    _settle(qtbot, app)
    node_id = app.document.paragraphs[target].section
    assert app.outline.current_node_id() == node_id
    item = app.outline.item_for(node_id)
    assert item.parent().isExpanded() and item.parent().parent().isExpanded()
    assert app.view.hasFocus(), "following the text must not steal focus"


def test_zoom_keeps_the_top_paragraph(qtbot, app):
    target = _index_of(app, "促进制造业集群式")
    app.view.scroll_to_paragraph(target)
    for direction in (1, 1, -1, 0, 1):
        _restyled(qtbot, app, lambda d=direction: app.style.zoom(d))
        assert app.view.top_position()[0] == target
    for action in (app.window.action("large"), app.window.action("small"), app.window.action("medium")):
        _restyled(qtbot, app, action.trigger)
        assert app.view.top_position()[0] == target


def test_rapid_zoom_lands_on_the_last_size_and_keeps_the_anchor(qtbot, app):
    target = _index_of(app, "加强生态保护和修复")
    app.view.scroll_to_paragraph(target)
    with qtbot.waitSignal(app.style.applied, timeout=10000):
        for _ in range(5):
            app.style.zoom(1)
    qtbot.waitUntil(lambda: app.view.type_style.font_px == 26, timeout=10000)
    assert app.settings.font_px == 26
    assert app.view.top_position()[0] == target


def test_page_zoom_buttons_are_20_16_14(qtbot, app):
    for name, size in (("large", 20), ("medium", 16), ("small", 14)):
        _restyled(qtbot, app, lambda n=name: qtbot.mouseClick(app.window.size_buttons[n], Qt.MouseButton.LeftButton))
        assert app.settings.font_px == size
        assert app.window.size_buttons[name].isChecked()
        assert app.view.document().defaultFont().pixelSize() == size


def test_zoom_steps_are_bounded(app):
    for _ in range(40):
        app.style.zoom(1)
    assert app.settings.font_px == 48
    for _ in range(40):
        app.style.zoom(-1)
    assert app.settings.font_px == 10
    app.style.zoom(0)
    assert app.settings.font_px == 16


def test_ctrl_wheel_zooms(qtbot, app):
    before = app.settings.font_px
    event = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QGuiApplication.sendEvent(app.view.viewport(), event)
    assert app.settings.font_px > before


def test_theme_and_spacing_change_keep_position(qtbot, app):
    target = _index_of(app, "深化法治政府建设")
    app.view.scroll_to_paragraph(target)
    for theme in ("dark", "sepia", "light", "system"):
        _restyled(qtbot, app, lambda t=theme: app.style.set_theme(t))
        assert app.view.top_position()[0] == target
    _restyled(qtbot, app, lambda: app.style.set_theme("dark"))
    assert app.view.type_style.theme.name == "dark"
    _restyled(qtbot, app, lambda: app.style.set_line_spacing(200))
    assert app.view.top_position()[0] == target


def test_position_zoom_and_theme_survive_a_restart(qtbot, make_app):
    first = make_app()
    target = _index_of(first, "持续推进公共服务")
    _restyled(qtbot, first, lambda: first.style.set_font_px(20))
    _restyled(qtbot, first, lambda: first.style.set_theme("sepia"))
    first.view.scroll_to_paragraph(target, 30)
    _settle(qtbot, first)
    expected = first.view.top_position()
    first.window.close()
    second = make_app(source=None)
    from reader.ui.launch import initial_source  # the same decision run_gui makes

    class Args:
        source = None

    with qtbot.waitSignal(second.navigator.documentShown, timeout=15000):
        second.navigator.open(initial_source(Args, second.settings))
    assert second.settings.font_px == 20
    assert second.view.type_style.theme.name == "sepia"
    assert second.view.top_position() == expected


def test_citation_text_is_exact(qtbot, app):
    target = _index_of(app, "大力发展数字经济")
    start = app.view.paragraph_position(target)
    cursor = QTextCursor(app.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len("大力发展数字经济。"), QTextCursor.MoveMode.KeepAnchor)
    app.view.setTextCursor(cursor)
    app.actions_ui.copy_with_citation()
    assert QGuiApplication.clipboard().text() == (
        "大力发展数字经济。\n"
        "——浙江省《2024年政府工作报告》，二、2024年目标任务和重点工作 › "
        "（三）聚焦聚力建设现代化产业体系 › 大力发展数字经济，"
        "浙江省人民政府办公厅，2024-01-23，https://www.zj.gov.cn/art/2024/1/31/art_1229019379_5259140.html"
    )


def test_section_link_works_outside_and_a_node_link_reopens_there(qtbot, app):
    target = _index_of(app, "（七）")
    node_id = app.document.paragraphs[target].section
    app.outline.tree.setCurrentItem(app.outline.item_for(node_id))
    app.actions_ui.copy_section_link()
    words, address = QGuiApplication.clipboard().text().split("\n")
    assert words == "浙江 · 2024年政府工作报告 › 二、2024年目标任务和重点工作 › （七）聚焦聚力缩小“三大差距”"
    assert address == "https://www.zj.gov.cn/art/2024/1/31/art_1229019379_5259140.html"  # the page, no in-app anchor
    app.view.scroll_to_paragraph(0)  # back above the first heading: the link is the report's own
    qtbot.waitUntil(lambda: app.outline.current_node_id() is None, timeout=3000)
    app.actions_ui.copy_section_link()
    assert QGuiApplication.clipboard().text() == f"浙江 · 2024年政府工作报告\n{address}"
    local = QUrl.fromLocalFile(app.document.source).toString() + "#" + node_id
    with qtbot.waitSignal(app.navigator.documentShown, timeout=15000):
        app.navigator.open(local)
    assert app.view.top_position()[0] == target


def test_failure_shows_one_message_and_keeps_the_document(qtbot, app, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"")
    with qtbot.waitSignal(app.documents.failed, timeout=15000):
        app.navigator.open(str(broken))
    assert app.window.banner.isVisible()
    assert "The file is empty." in app.window.banner.label.text()
    assert app.document.title == "2024年政府工作报告"
    assert not app.window.busy.isVisible()


def test_drop_a_file_opens_it(qtbot, app, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        "政府工作报告\n\n各位代表：\n\n一、2025年工作回顾\n\n过去一年，经济平稳增长。\n", encoding="utf-8"
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(app.navigator.documentShown, timeout=15000):
        app.window.dropEvent(event)
    assert app.document.title == "2026年政府工作报告"
    assert [n.title for n in app.document.outline] == ["一、2025年工作回顾"]


def test_recent_files_and_progress(qtbot, app):
    assert app.settings.recent_files[0].endswith("zhejiang-2024-government-work-report.html")
    app.view.scroll_to_paragraph(len(app.document.paragraphs) // 2)
    _settle(qtbot, app)
    text = app.window.progress_label.text()
    assert "%" in text and "二、2024年目标任务和重点工作" in text


def test_f6_cycles_between_text_and_panels(qtbot, app):
    assert not app.window.docks["search_panel"].isVisible()  # a first run opens search on demand
    app.window.action("find").trigger()
    assert app.window.docks["search_panel"].isVisible() and app.search_panel.box.hasFocus()
    app.view.setFocus()
    app.window.action("next_panel").trigger()
    assert app.outline.tree.hasFocus()
    app.window.action("next_panel").trigger()
    assert app.search_panel.box.hasFocus()
    app.window.action("next_panel").trigger()
    assert app.view.hasFocus()


def test_metadata_card_collapses_and_remembers(qtbot, app):
    app.window.action("metadata").trigger()
    assert app.window.metadata.collapsed and app.settings.metadata_collapsed
    app.window.action("metadata").trigger()
    assert not app.window.metadata.collapsed


def test_controls_have_accessible_names(app):
    for widget in (app.view, app.outline.tree, app.outline.filter_box, *app.window.size_buttons.values()):
        assert widget.accessibleName()


@needs_tool("pdftotext", "poppler-utils")
def test_pdf_export_contains_text_metadata_and_page_numbers(qtbot, app, tmp_path):
    target = tmp_path / "report.pdf"
    app.actions_ui.export_pdf(target)
    qtbot.waitUntil(lambda: target.exists() and not app.window.busy.isVisible(), timeout=30000)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    squashed = "".join(text.split())
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for c in squashed), "radicals instead of ideographs in the text layer"
    for needle in (
        "政府工作报告",
        "索引号：",
        "000014349/2024-792209",
        "浙江省人民政府办公厅",
        "2024-01-23",
        "一、2023年工作回顾",
        "（十）聚焦聚力建设更高水平平安浙江法治浙江",
    ):
        assert needle in squashed, needle
    body = [p.text for p in app.document.paragraphs if p.kind is ParagraphKind.BODY]
    assert "".join(body[-1].split()) in squashed
    assert "—1/" in squashed and "—2/" in squashed
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts or "Hei" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())  # embedded


def _contrast(pixmap_owner_icon, background) -> int:
    """Lightness difference between an icon's drawn pixels and a background colour."""
    image = pixmap_owner_icon.pixmap(24, 24).toImage()
    drawn = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert drawn, "the icon draws something"
    average = sum(colour.lightness() for colour in drawn) / len(drawn)
    return abs(round(average) - background.lightness())


def test_themes_colour_the_docks_and_light_gives_the_desktop_palette_back(qtbot, app):
    window_role = QPalette.ColorRole.Window
    desktop = QApplication.palette().color(window_role)
    assert desktop.lightness() >= 128, "the offscreen platform's palette is light"
    _restyled(qtbot, app, lambda: app.style.set_theme("dark"))
    assert QApplication.palette().color(window_role).lightness() < 64
    # Widgets take the application's palette from posted events.
    qtbot.waitUntil(lambda: app.outline.palette().color(window_role).lightness() < 64, timeout=3000)
    text = QApplication.palette().color(QPalette.ColorRole.Text).lightness()
    assert text > 160, "text stays readable on the dark docks"
    player = app.player
    for button in (player.play_button, player.stop_button, player.next_button, player.export_button):
        assert _contrast(button.icon(), player.palette().color(window_role)) > 120, button.accessibleName()
    _restyled(qtbot, app, lambda: app.style.set_theme("sepia"))
    sepia = app.view.type_style.theme
    assert QApplication.palette().color(window_role).name() == sepia.card  # the panels are tinted too
    qtbot.waitUntil(lambda: app.outline.palette().color(QPalette.ColorRole.Base).name() == sepia.background)
    assert _contrast(player.play_button.icon(), player.palette().color(window_role)) > 120
    _restyled(qtbot, app, lambda: app.style.set_theme("light"))
    assert QApplication.palette().color(window_role) == desktop
    qtbot.waitUntil(lambda: app.outline.palette().color(window_role) == desktop, timeout=3000)
    assert _contrast(player.play_button.icon(), desktop) > 120


def test_rapid_restyles_do_not_crash(tmp_path):
    """Two typesetting threads crashed Qt in 4 of 6 runs of this script; the app must use one."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "tests.ui.typeset_stress"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived 450 typesets" in done.stdout


def test_the_column_is_centred_and_never_touches_the_edges(qtbot, app):
    from reader.ui.reading.typesetter import COLUMN_CHARACTERS

    view, px = app.view, app.settings.font_px
    margin = view.document().documentMargin()
    column = COLUMN_CHARACTERS * px
    view.set_markers({2})  # a bookmark ribbon on the first lines
    seen = set()
    for docks_width in (0, 900):  # room for the whole column; then less than the column needs
        for dock in app.window.docks.values():
            dock.setVisible(docks_width > 0)
        before = view.viewport().width()
        app.window.resizeDocks([app.window.docks["outline"]], [docks_width or 1], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda b=before: view.viewport().width() != b, timeout=5000)
        qtbot.waitUntil(lambda: view.document().textWidth() == view.viewport().width(), timeout=5000)
        width = view.viewport().width()
        root = view.document().rootFrame().frameFormat()
        first = view.document().documentLayout().blockBoundingRect(view.document().begin())
        assert root.leftMargin() == root.rightMargin() >= margin
        assert first.left() == root.leftMargin()  # the text starts at the side margin
        text_width = width - 2 * root.leftMargin()
        if width >= column + 2 * margin:
            assert abs(text_width - column) <= 1
            seen.add("wide")
        else:
            assert root.leftMargin() == margin
            seen.add("narrow")
        ribbon = view.marker_rects()[2]
        assert ribbon.left() >= 0 and ribbon.right() <= root.leftMargin()  # in the gutter
    assert seen == {"wide", "narrow"}
