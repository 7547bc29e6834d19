"""The outline's section menu: bookmark, read aloud, search, copy, export and compare one section."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from reader.core.speech import sentences
from tests.ui.conftest import import_corpus_copies


def _node(app, prefix: str = "（三）"):
    return next(n for n in app.document.nodes() if n.title.startswith(prefix))


def _open_menu(app, node_id: str):
    outline = app.outline
    outline.tree.setCurrentItem(outline.item_for(node_id))
    outline.tree.setFocus()
    outline._menu_for_current()
    menu = outline.section_menu
    assert menu.isVisible()
    return {action.objectName(): action for action in menu.actions()}


def _subtree(app, node_id: str) -> set[str]:
    start, end = app.document.node_paragraph_range(node_id)
    return {p.id for p in app.document.paragraphs[start:end]}


def test_the_menu_offers_every_section_action(qtbot, app):
    actions = _open_menu(app, _node(app).id)
    assert list(actions) == [
        "section_bookmark", "section_narrate", "section_search", "section_copy", "section_export", "section_compare",
    ]  # fmt: skip
    assert all(action.text() for action in actions.values())
    mnemonics = [a.text().split("&")[1][0].lower() for a in actions.values()]
    assert len(set(mnemonics)) == len(mnemonics), "each action has its own key"
    app.outline.section_menu.close()


def test_copy_and_export_a_section(qtbot, app, tmp_path):
    node = _node(app)
    _open_menu(app, node.id)["section_copy"].trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("（三）聚焦聚力建设现代化产业体系")
    assert (
        text.rstrip()
        .splitlines()[-1]
        .startswith("——浙江省《2024年政府工作报告》，二、2024年目标任务和重点工作 › （三）")
    )
    outside = next(p.text for p in app.document.paragraphs if p.id not in _subtree(app, node.id) and len(p.text) > 40)
    assert outside not in text
    app.actions_ui.export_section(node.id, tmp_path / "section.md")
    markdown = (tmp_path / "section.md").read_text(encoding="utf-8")
    assert "（三）聚焦聚力建设现代化产业体系" in markdown and outside not in markdown
    app.actions_ui.export_section(node.id, tmp_path / "section.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "section.pdf").exists() and (tmp_path / "section.pdf").stat().st_size > 1000,
                    timeout=30000)  # fmt: skip
    app.runner.wait(30000)
    assert (tmp_path / "section.pdf").read_bytes().startswith(b"%PDF")


def test_bookmark_a_section(qtbot, app):
    node = _node(app)
    app.bookmarks_ui.ask_details = lambda title, note, context: (True, title, "看这一节")
    service = app.services.bookmarks
    with qtbot.waitSignal(service.changed, timeout=10000):
        _open_menu(app, node.id)["section_bookmark"].trigger()
    qtbot.waitUntil(lambda: any(b.section for b in service.bookmarks), timeout=10000)
    bookmark = next(b for b in service.bookmarks if b.section)
    assert bookmark.title == "二、2024年目标任务和重点工作 › （三）聚焦聚力建设现代化产业体系"
    assert bookmark.paragraph == node.paragraph and bookmark.note == "看这一节"
    qtbot.waitUntil(lambda: app.outline.badge(node.id, "bookmarks") == 1, timeout=5000)


def test_read_a_section_aloud(qtbot, app):
    node = _node(app)
    narration = app.services.narration
    with qtbot.waitSignal(narration.stateChanged, timeout=10000):
        _open_menu(app, node.id)["section_narrate"].trigger()
    expected = sentences.section(app.document, node.id)
    assert [p.text for p in narration.pieces] == [p.text for p in expected]
    assert narration.pieces[0].text.startswith("（三）聚焦聚力建设现代化产业体系")


def test_search_in_a_section(qtbot, app):
    node = _node(app)
    panel = app.search_panel
    _open_menu(app, node.id)["section_search"].trigger()
    assert panel.scope.currentData() == "section" and panel.section == node.id
    assert app.window.docks["search_panel"].isVisible()
    library = app.services.library
    with qtbot.waitSignal(library.searchFinished, timeout=10000) as found:
        panel.box.setText("数字经济")
        panel.submit()
    hits = found.args[0].page.hits
    expected = [p.id for p in app.document.paragraphs if p.id in _subtree(app, node.id) and "数字经济" in p.text]
    assert sorted(h.paragraph for h in hits) == sorted(expected)
    assert len(expected) < sum("数字经济" in p.text for p in app.document.paragraphs)


def test_compare_a_section_with_last_year(qtbot, app, tmp_path):
    import_corpus_copies(qtbot, app, tmp_path, ("province/zhejiang_2023.md",))
    qtbot.waitUntil(lambda: len(app.services.library.entries) == 2, timeout=60000)
    node = _node(app, "（三）")
    controller = app.analysis_ui
    with qtbot.waitSignal(controller._service().compared, timeout=60000):
        _open_menu(app, node.id)["section_compare"].trigger()
    view = controller.window.compare.view
    qtbot.waitUntil(lambda: view.textCursor().position() > 0, timeout=30000)
    cursor = view.textCursor()
    cell = cursor.currentTable().cellAt(cursor)
    row = controller.window.compare.comparison.paragraphs[cell.row() - 1]
    assert row.b == node.paragraph and cell.column() == 1
