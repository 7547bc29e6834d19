"""Search and library panels: search as you type, highlights, F3, Esc, library scope, imports."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import corpus_path


def _search(qtbot, window, text: str, whole_library: bool = False):
    window.act_find.trigger()  # Ctrl+F: the search dock opens with the cursor in its box
    window.search_panel.scope.setCurrentIndex(1 if whole_library else 0)
    window.search_panel.box.clear()
    with qtbot.waitSignal(window.library.searchFinished, timeout=60000):
        # Typed one character at a time (QTest cannot type Chinese): the debounce searches once typing stops.
        for character in text:
            window.search_panel.box.insert(character)
            qtbot.wait(20)
    qtbot.wait(50)


def _hit_items(window):
    tree = window.search_panel.results
    items = []
    for i in range(tree.topLevelItemCount()):
        doc = tree.topLevelItem(i)
        for j in range(doc.childCount()):
            section = doc.child(j)
            items.extend(section.child(k) for k in range(section.childCount()))
    return items


def test_ctrl_f_focuses_the_box(qtbot, window):
    window.view.setFocus()
    window.act_find.trigger()
    assert window.search_panel.box.hasFocus()


def test_search_as_you_type_highlights_every_match_and_counts_nodes(qtbot, window):
    _search(qtbot, window, "数字经济")
    expected = sum(p.text.count("数字经济") for p in window.document.paragraphs)
    assert len(window.library_ui.matches) == expected
    assert len(window.view.extraSelections()) == expected
    assert "paragraphs match" in window.search_panel.status.text() or "段落" in window.search_panel.status.text()
    part_one = window.outline.item_for(window.document.outline[0].id)
    part_two = window.outline.item_for(window.document.outline[1].id)
    assert int(part_one.text(1) or 0) + int(part_two.text(1) or 0) == sum(
        "数字经济" in p.text for p in window.document.paragraphs if p.section
    )
    items = _hit_items(window)
    assert items and all("数字经济" in item.data(0, Qt.ItemDataRole.UserRole).snippet for item in items)


def test_stale_results_are_dropped(qtbot, window):
    seen = []
    window.library.searchFinished.connect(lambda outcome: seen.append(outcome.request.query))
    window.search_panel.scope.setCurrentIndex(0)
    for text in ("港", "港口", "港口建设"):
        window.search_panel.box.setText(text)
        window.search_panel.submit()
    qtbot.waitUntil(lambda: "港口建设" in seen, timeout=20000)
    qtbot.wait(200)
    assert window.search_panel.box.text() == "港口建设"
    assert all(m for m in window.library_ui.matches)
    shown = {item.data(0, Qt.ItemDataRole.UserRole).paragraph for item in _hit_items(window)}
    assert shown == {p.id for p in window.document.paragraphs if "港口建设" in p.text}


def test_f3_steps_through_matches_and_esc_clears(qtbot, window):
    _search(qtbot, window, "港")
    total = len(window.library_ui.matches)
    assert total > 2
    window.view.scroll_to_paragraph(0)
    window.act_find_next.trigger()
    first = window.library_ui.match_index
    window.act_find_next.trigger()
    assert window.library_ui.match_index == (first + 1) % total
    window.act_find_previous.trigger()
    assert window.library_ui.match_index == first
    index, start, _end = window.library_ui.matches[first]
    assert window.view.is_position_visible(index, start)
    window.act_clear_highlights.trigger()
    assert window.view.extraSelections() == []
    assert all(not window.outline.item_for(n.id).text(1) for n in window.document.nodes())


def test_clicking_a_hit_scrolls_there(qtbot, window):
    _search(qtbot, window, "千项万亿")
    item = _hit_items(window)[-1]
    hit = item.data(0, Qt.ItemDataRole.UserRole)
    window.search_panel.results.scrollToItem(item)
    rect = window.search_panel.results.visualItemRect(item)
    qtbot.mouseClick(window.search_panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(100)
    index = window.document.paragraph_index(hit.paragraph)
    assert window.view.is_position_visible(index, hit.spans[0][0])


def test_library_import_then_search_and_open_another_document(qtbot, window):
    source = corpus_path("text", "province", "anhui_2024.md")
    with qtbot.waitSignal(window.library.entriesChanged, timeout=60000):
        window.library.refresh()
    with qtbot.waitSignal(window.library.importFinished, timeout=120000) as finished:
        window.library.import_sources([str(source)])
    assert not any(o.error for o in finished.args[0])
    qtbot.waitUntil(lambda: window.library_panel.list.topLevelItemCount() == 2, timeout=30000)
    _search(qtbot, window, "皖北", whole_library=True)
    items = _hit_items(window)
    assert items
    hit = items[0].data(0, Qt.ItemDataRole.UserRole)
    assert hit.doc != window.document.id
    with qtbot.waitSignal(window.documentShown, timeout=30000):
        window.library_ui.open_hit(hit)
    assert window.document.id == hit.doc
    qtbot.wait(150)
    assert window.view.is_position_visible(window.document.paragraph_index(hit.paragraph))
    # The new document's matches are highlighted.
    qtbot.waitUntil(lambda: bool(window.library_ui.matches), timeout=20000)


def test_remove_from_library(qtbot, window, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("政府工作报告\n\n各位代表：\n\n星河港湾吞吐创新高。\n", encoding="utf-8")
    with qtbot.waitSignal(window.library.importFinished, timeout=60000):
        window.library.import_sources([str(report)])
    qtbot.waitUntil(lambda: window.library_panel.list.topLevelItemCount() == 2, timeout=30000)
    ids = [window.library_panel.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(2)]
    removable = next(i for i in ids if not window.library.library.entry(i).bundled)
    with qtbot.waitSignal(window.library.entriesChanged, timeout=60000):
        window.library_panel.removeRequested.emit(removable)
    assert window.library_panel.list.topLevelItemCount() == 1


def test_a_library_document_is_reopened_next_session(qtbot, make_window):
    from reader.ui.launch import initial_source

    first = make_window()
    source = corpus_path("text", "province", "hubei_2024.md")
    with qtbot.waitSignal(first.library.importFinished, timeout=120000) as finished:
        first.library.import_sources([str(source)])
    document_id = finished.args[0][0].document_id
    with qtbot.waitSignal(first.documentShown, timeout=30000):
        first.open_source(f"library:{document_id}")
    first.close()

    class Args:
        source = None

    second = make_window(source=None)
    with qtbot.waitSignal(second.documentShown, timeout=30000):
        second.open_source(initial_source(Args, second.settings))
    assert second.document.id == document_id
