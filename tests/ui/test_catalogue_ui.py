"""The library panel as a catalogue, and search by facet: what a person does with many reports."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from tests.conftest import corpus_path
from tests.ui.conftest import import_corpus_copies

REPORTS = ("province/zhejiang_2023.md", "province/zhejiang_2025.md", "national/gwy_2024.md", "province/hubei_2024.md")


@pytest.fixture
def catalogue(qtbot, app, tmp_path):
    import_corpus_copies(qtbot, app, tmp_path, REPORTS)
    qtbot.waitUntil(lambda: len(app.library_panel.visible_ids()) == 5, timeout=60000)
    return app


def _column(panel, column: int) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_columns_sort_and_filter(catalogue):
    panel = catalogue.library_panel
    assert [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Region", "Year", "Kind", "Title", "Speaker", "Date", "Characters",
    ]  # fmt: skip
    panel.list.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _column(panel, 1) == ["2023", "2024", "2024", "2024", "2025"]
    panel.list.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # characters: numbers, not text
    sizes = [int(text.replace(",", "")) for text in _column(panel, 6)]
    assert sizes == sorted(sizes, reverse=True)
    panel.filter_box.setText("湖北")  # matches the region column
    assert _column(panel, 0) == ["湖北"]
    panel.filter_box.setText("李强")  # matches the speaker column
    assert _column(panel, 0) == ["全国"]
    panel.filter_box.clear()
    assert len(panel.visible_ids()) == 5


def test_grouping_by_region_and_year(catalogue):
    panel = catalogue.library_panel
    panel.set_grouping("region")
    groups = {panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())}
    assert groups == {"浙江 (3)", "全国 (1)", "湖北 (1)"}
    panel.filter_box.setText("2025")
    assert panel.visible_ids() == [catalogue.services.library.library.resolve(_zhejiang_2025(catalogue))]
    panel.filter_box.clear()
    panel.set_grouping("year")
    groups = {panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())}
    assert groups == {"2023 (1)", "2024 (3)", "2025 (1)"}


def _zhejiang_2025(app) -> str:
    return next(e.source for e in app.services.library.library.entries() if e.year == 2025)


def test_several_reports_are_removed_at_once(qtbot, catalogue):
    panel = catalogue.library_panel
    entries = catalogue.services.library.library.entries()
    chosen = [e.id for e in entries if e.region == "浙江" and not e.bundled]
    for document_id in chosen:
        panel._select({document_id})
    with qtbot.waitSignal(catalogue.services.library.entriesChanged, timeout=60000):
        panel.remove_button.click()
    assert len(panel.visible_ids()) == 5 - len(chosen)


def test_a_duplicate_import_names_its_entry_and_may_replace_it(qtbot, catalogue, tmp_path):
    copy = tmp_path / "again.md"
    shutil.copy(corpus_path("text", "province", "hubei_2024.md"), copy)
    asked: list[str] = []
    catalogue.library_ui.ask_replace = lambda text: asked.append(text) or True
    library = catalogue.services.library
    with qtbot.waitSignal(library.importFinished, timeout=60000):
        library.import_sources([str(copy)])
    assert asked and "湖北 · 2024年政府工作报告" in asked[0]
    with qtbot.waitSignal(library.importFinished, timeout=60000) as replaced:
        pass  # the replacement import the answer started
    assert replaced.args[0][0].replaced
    qtbot.waitUntil(lambda: any(e.source == str(copy) for e in library.library.entries()), timeout=30000)
    assert len(library.library.entries()) == 5


def test_search_results_by_facet(qtbot, catalogue):
    panel = catalogue.search_panel
    panel.set_scope("library")
    with qtbot.waitSignal(catalogue.services.library.searchFinished, timeout=60000):
        panel.box.setText("新质生产力")
    groups = [panel.results.topLevelItem(i).text(0) for i in range(panel.results.topLevelItemCount())]
    assert groups and all(" · " in g for g in groups)
    years = [int(g.split(" · ")[1][:4]) for g in groups]
    assert years == sorted(years, reverse=True)  # newest first
    assert not panel.facets.isHidden() and "浙江" in panel.facets.text()
    with qtbot.waitSignal(catalogue.services.library.searchFinished, timeout=60000):
        panel.facets.linkActivated.emit("region:浙江")
    groups = [panel.results.topLevelItem(i).text(0) for i in range(panel.results.topLevelItemCount())]
    assert groups and all(g.startswith("浙江 · ") for g in groups)


def test_same_region_scope(qtbot, catalogue):
    panel = catalogue.search_panel  # the open document is the bundled Zhejiang 2024 report
    panel.set_scope("region")
    with qtbot.waitSignal(catalogue.services.library.searchFinished, timeout=60000):
        panel.box.setText("数字经济")
    groups = [panel.results.topLevelItem(i).text(0) for i in range(panel.results.topLevelItemCount())]
    assert groups and all(g.startswith("浙江 · ") for g in groups)
