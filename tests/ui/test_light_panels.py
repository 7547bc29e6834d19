"""Panels and their parts alone (the light fixtures: no window, no services)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_outline_filter(outline_panel):
    outline_panel.filter_box.setText("数字经济")
    visible = [item for item in outline_panel._items.values() if not item.isHidden()]
    assert any("数字经济" in item.text(0) for item in visible)
    assert all("数字经济" in item.text(0) or item.childCount() for item in visible)
    outline_panel.filter_box.clear()
    assert all(not item.isHidden() for item in outline_panel._items.values())


def test_enter_on_a_node_asks_for_its_paragraph(qtbot, outline_panel, seed_document):
    node = next(n for n in seed_document.nodes() if n.title.startswith("（八）"))
    outline_panel.tree.setCurrentItem(outline_panel.item_for(node.id))
    outline_panel.tree.setFocus()
    with qtbot.waitSignal(outline_panel.nodeActivated, timeout=2000) as activated:
        qtbot.keyClick(outline_panel.tree, Qt.Key.Key_Return)
    assert activated.args == [node.paragraph]


def test_badges_count_matches_per_section(outline_panel, seed_document):
    first = next(seed_document.nodes())
    outline_panel.set_badges({first.id: 3})
    assert outline_panel.badge(first.id) == 3
    outline_panel.set_badges({})
    assert outline_panel.badge(first.id) == 0


def test_import_progress_shows_the_pace_and_hides_when_done(qtbot):
    from reader.ui.library.import_progress import ImportProgress

    progress = ImportProgress()
    qtbot.addWidget(progress)
    progress.show_progress(30, 1000)
    assert not progress.isHidden()
    progress.show_pace(12.5, 150.0)
    assert "12.5 per second" in progress.bar.format() and "2 min" in progress.bar.format()  # 150 s
    progress.show_pace(0.0, -1.0)  # unknown: the bar keeps what it said
    assert "12.5" in progress.bar.format()
    progress.show_progress(1000, 1000)
    assert progress.isHidden() and "12.5" not in progress.bar.format()
