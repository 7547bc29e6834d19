"""Search and library panels: search as you type, highlights, F3, Esc, library scope, imports."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from tests.conftest import corpus_path
from tests.ui.conftest import search_hit_items


def _search(qtbot, app, text: str, whole_library: bool = False):
    app.window.action("find").trigger()  # Ctrl+F: the search dock opens with the cursor in its box
    app.search_panel.set_scope("library" if whole_library else "document")
    app.search_panel.box.clear()
    with qtbot.waitSignal(app.services.library.searchFinished, timeout=60000):
        # Typed one character at a time (QTest cannot type Chinese): the debounce searches once typing stops.
        for character in text:
            app.search_panel.box.insert(character)


def _hit_items(app):
    return search_hit_items(app.search_panel)


def test_ctrl_f_focuses_the_box(qtbot, app):
    app.view.setFocus()
    app.window.action("find").trigger()
    assert app.search_panel.box.hasFocus()


def test_search_as_you_type_highlights_every_match_and_counts_nodes(qtbot, app):
    _search(qtbot, app, "数字经济")
    expected = sum(p.text.count("数字经济") for p in app.document.paragraphs)
    assert len(app.search_ui.matches) == expected
    assert len(app.view.extraSelections()) == expected
    assert "paragraphs match" in app.search_panel.status.text() or "段落" in app.search_panel.status.text()
    part_one, part_two = (node.id for node in app.document.outline[:2])
    assert app.outline.badge(part_one) + app.outline.badge(part_two) == sum(
        "数字经济" in p.text for p in app.document.paragraphs if p.section
    )
    items = _hit_items(app)
    assert items and all("数字经济" in item.data(0, Qt.ItemDataRole.UserRole).snippet for item in items)


def test_stale_results_are_dropped(qtbot, app):
    seen = []
    app.services.library.searchFinished.connect(lambda outcome: seen.append(outcome.request.query))
    app.search_panel.set_scope("document")
    for text in ("港", "港口", "港口建设"):
        app.search_panel.box.setText(text)
        app.search_panel.submit()
    qtbot.waitUntil(lambda: "港口建设" in seen, timeout=20000)
    app.services.library.wait()  # nothing older can arrive after it
    QCoreApplication.processEvents()
    assert seen[-1] == "港口建设"
    assert app.search_panel.box.text() == "港口建设"
    assert all(m for m in app.search_ui.matches)
    shown = {item.data(0, Qt.ItemDataRole.UserRole).paragraph for item in _hit_items(app)}
    assert shown == {p.id for p in app.document.paragraphs if "港口建设" in p.text}


def test_f3_steps_through_matches_and_esc_clears(qtbot, app):
    _search(qtbot, app, "港")
    total = len(app.search_ui.matches)
    assert total > 2
    app.view.scroll_to_paragraph(0)
    app.window.action("find_next").trigger()
    first = app.search_ui.match_index
    app.window.action("find_next").trigger()
    assert app.search_ui.match_index == (first + 1) % total
    app.window.action("find_previous").trigger()
    assert app.search_ui.match_index == first
    index, start, _end = app.search_ui.matches[first]
    assert app.view.is_position_visible(index, start)
    app.window.action("clear_highlights").trigger()
    assert app.view.extraSelections() == []
    assert all(not app.outline.badge(n.id) for n in app.document.nodes())


def test_clicking_a_hit_scrolls_there(qtbot, app):
    _search(qtbot, app, "千项万亿")
    item = _hit_items(app)[-1]
    hit = item.data(0, Qt.ItemDataRole.UserRole)
    app.search_panel.results.scrollToItem(item)
    rect = app.search_panel.results.visualItemRect(item)
    qtbot.mouseClick(app.search_panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    index = app.document.paragraph_index(hit.paragraph)
    qtbot.waitUntil(lambda: app.view.is_position_visible(index, hit.spans[0][0]), timeout=5000)


def test_library_import_then_search_and_open_another_document(qtbot, app):
    source = corpus_path("text", "province", "anhui_2024.md")
    with qtbot.waitSignal(app.services.library.entriesChanged, timeout=60000):
        app.services.library.refresh()
    with qtbot.waitSignal(app.services.library.importFinished, timeout=120000) as finished:
        app.services.library.import_sources([str(source)])
    assert not any(o.error for o in finished.args[0])
    qtbot.waitUntil(lambda: len(app.library_panel.visible_ids()) == 2, timeout=30000)
    _search(qtbot, app, "皖北", whole_library=True)
    items = _hit_items(app)
    assert items
    hit = items[0].data(0, Qt.ItemDataRole.UserRole)
    assert hit.doc != app.document.id
    with qtbot.waitSignal(app.navigator.documentShown, timeout=30000):
        app.search_ui.open_hit(hit)
    assert app.document.id == hit.doc
    qtbot.waitUntil(lambda: app.view.is_position_visible(app.document.paragraph_index(hit.paragraph)), timeout=5000)
    # The new document's matches are highlighted.
    qtbot.waitUntil(lambda: bool(app.search_ui.matches), timeout=20000)


def test_remove_from_library(qtbot, app, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("政府工作报告\n\n各位代表：\n\n星河港湾吞吐创新高。\n", encoding="utf-8")
    with qtbot.waitSignal(app.services.library.importFinished, timeout=60000):
        app.services.library.import_sources([str(report)])
    qtbot.waitUntil(lambda: len(app.library_panel.visible_ids()) == 2, timeout=30000)
    ids = app.library_panel.visible_ids()
    removable = next(i for i in ids if not app.services.library.library.entry(i).bundled)
    app.library_panel.select_id(removable)
    with qtbot.waitSignal(app.services.library.entriesChanged, timeout=60000):
        app.library_panel.remove_button.click()
    assert len(app.library_panel.visible_ids()) == 1


def test_a_library_document_is_reopened_next_session(qtbot, make_app):
    from reader.ui.launch import initial_source

    first = make_app()
    source = corpus_path("text", "province", "hubei_2024.md")
    with qtbot.waitSignal(first.services.library.importFinished, timeout=120000) as finished:
        first.services.library.import_sources([str(source)])
    document_id = finished.args[0][0].document_id
    with qtbot.waitSignal(first.navigator.documentShown, timeout=30000):
        first.navigator.open(f"library:{document_id}")
    first.window.close()

    class Args:
        source = None

    second = make_app(source=None)
    with qtbot.waitSignal(second.navigator.documentShown, timeout=30000):
        second.navigator.open(initial_source(Args, second.settings))
    assert second.document.id == document_id
