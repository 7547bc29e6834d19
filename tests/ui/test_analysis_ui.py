"""The analysis window on real reports: compare, targets, words, a term across years."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.ui.conftest import import_corpus_copies

REPORTS = ("province/zhejiang_2023.md", "province/zhejiang_2025.md", "national/gwy_2023.md", "national/gwy_2024.md")


@pytest.fixture
def analysed(qtbot, app, tmp_path):
    """The window on the bundled Zhejiang 2024 report, with Zhejiang 2023/2025 and national 2023/2024 imported."""
    import_corpus_copies(qtbot, app, tmp_path, REPORTS)
    library = app.services.library
    qtbot.waitUntil(lambda: len(library.entries) == 5, timeout=60000)
    return app


def _entry(app, region: str, year: int):
    return next(e for e in app.services.library.library.entries() if e.region == region and e.year == year)


def test_compare_with_the_previous_year(qtbot, analysed):
    controller = analysed.analysis_ui
    with qtbot.waitSignal(controller._service().compared, timeout=60000):
        analysed.window.action("analysis_compare").trigger()
    window = controller.window
    tab = window.compare
    assert window.isVisible() and window.current_tab() == "compare"
    assert tab.old_box.currentText() == "浙江 · 2023年政府工作报告"
    assert tab.comparison.a.id == _entry(analysed, "浙江", 2023).id
    assert tab.comparison.b.id == analysed.document.id
    qtbot.waitUntil(lambda: tab.view.document().rootFrame().childFrames() != [], timeout=30000)
    table = tab.view.document().rootFrame().childFrames()[0]
    assert table.rows() == len(tab.comparison.paragraphs) + 1
    assert "changed" in tab.summary.text() and tab.new_terms.count() > 50
    # A new term shows where it is used; choosing a place opens the report there.
    tab.new_terms.setCurrentRow(0)
    term = tab.new_terms.item(0).data(Qt.ItemDataRole.UserRole)
    assert tab.places.count() >= 1
    assert all(
        term in analysed.document.paragraph(tab.places.item(i).data(Qt.ItemDataRole.UserRole)[1]).text
        for i in range(tab.places.count())
    )
    place = tab.places.item(0)
    tab.places.itemActivated.emit(place)
    paragraph = place.data(Qt.ItemDataRole.UserRole)[1]
    qtbot.waitUntil(
        lambda: (
            analysed.view.top_position()[0] == analysed.document.paragraph_index(paragraph)
            or analysed.view.top_position()[0] > 0
        ),
        timeout=5000,
    )
    # Any two reports: national 2023 → 2024.
    tab._select(tab.old_box, _entry(analysed, "全国", 2023).id)
    tab._select(tab.new_box, _entry(analysed, "全国", 2024).id)
    with qtbot.waitSignal(controller.service.compared, timeout=60000):
        tab.compare_button.click()
    assert "新质生产力" in {t.term for t in tab.comparison.new_terms}
    csv_text = window.csv_text()
    assert csv_text.startswith("op,similarity,a,b,a_text,b_text") and "新质生产力" in csv_text


def test_targets_across_years(qtbot, analysed):
    controller = analysed.analysis_ui
    with qtbot.waitSignal(controller._service().targetsReady, timeout=60000):
        analysed.window.action("analysis_targets").trigger()
    table = controller.window.targets.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == [
        "2022 achieved",
        "2023 target",
        "2023 achieved",
        "2024 target",
        "2024 achieved",
        "2025 target",
    ]
    # The indicators are the rows' header, fixed while the years scroll, and named in full.
    assert table.verticalHeader().isVisible()
    rows = {table.verticalHeaderItem(r).text(): r for r in range(table.rowCount())}
    gdp = rows["生产总值增长"]
    assert [table.item(gdp, c).text() if table.item(gdp, c) else "" for c in range(0, 6)] == [
        "3%左右",
        "5%以上",
        "6%",
        "5.5%左右",
        "5.5%",
        "5.5%左右",
    ]
    assert controller.window.targets.passage.text().endswith("城镇调查失业率控制在5%以内")
    # A cell opens the report it comes from at the targets paragraph.
    with qtbot.waitSignal(analysed.navigator.documentShown, timeout=15000) as shown:
        table.cellActivated.emit(gdp, 5)
    assert shown.args[0].id == _entry(analysed, "浙江", 2025).id


def test_word_frequencies_open_their_concordance_and_search_from_the_chart(qtbot, analysed):
    controller = analysed.analysis_ui
    with qtbot.waitSignal(controller._service().termsReady, timeout=60000):
        analysed.window.action("analysis_terms").trigger()
    tab = controller.window.terms
    assert tab.table.rowCount() == 100
    counts = [int(tab.table.item(r, 1).text()) for r in range(tab.table.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert tab.chart.csv_text().count("\n") == 21  # header + 20 bars
    first = tab.table.item(0, 0).text()
    with qtbot.waitSignal(controller.service.concordanceReady, timeout=60000) as found:
        tab.table.cellActivated.emit(0, 0)  # a word of the table: its concordance across the library
    assert found.args[0].term == first and controller.window.current_tab() == "concordance"
    tab.searchTerm.emit(first)  # a bar of the chart: the word searched in the report
    assert analysed.search_panel.box.text() == first
    controller.window.show_tab("terms")
    # One section's words.
    section = analysed.document.outline[0]
    with qtbot.waitSignal(controller.service.termsReady, timeout=60000) as ready:
        tab.scope.setCurrentIndex(tab.scope.findData(section.id))
    assert ready.args[0].node == section.id
    assert int(tab.table.item(0, 1).text()) <= counts[0]


def test_term_across_years_chart_click_and_exports(qtbot, analysed, tmp_path):
    controller = analysed.analysis_ui
    analysed.window.action("analysis_trend").trigger()
    tab = controller.window.trend
    assert tab.region.currentData() == "浙江"  # the open report's region first
    tab.region.setCurrentIndex(tab.region.findData(""))  # then every region
    tab.term.setText("数字经济")
    with qtbot.waitSignal(controller.service.trendReady, timeout=60000) as ready:
        tab.go.click()
    points = ready.args[0].points
    assert tab.table.rowCount() == len(points) == 5
    library = analysed.services.library.library
    for point in points:
        assert point.count == sum(p.text.count("数字经济") for p in library.document(point.doc).paragraphs)
    assert {row[0] for row in _csv_rows(tab.chart.csv_text())[1:]} == {"浙江", "全国"}
    # A click on a point opens that report at its first hit.
    target = next(p for p in points if p.region == "全国" and p.count)
    with qtbot.waitSignal(analysed.navigator.documentShown, timeout=15000) as shown:
        tab.chart.pointClicked.emit((target.doc, target.first_paragraph))
    assert shown.args[0].id == target.doc
    # PNG of the chart (a real picture, not a blank), CSV of the table.
    png = tmp_path / "trend.png"
    assert controller.window.save_png_to(str(png))
    image = QImage(str(png))
    assert image.width() > 100 and len({image.pixel(x, image.height() // 2) for x in range(image.width())}) > 3
    controller.window.save_csv_to(str(tmp_path / "trend.csv"))
    text = (tmp_path / "trend.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == 'Year,Region,Report,Occurrences,"Per 10,000 characters",Paragraphs'
    assert len(text.splitlines()) == 6


def test_charts_follow_the_theme(qtbot, analysed):
    analysed.window.action("analysis_trend").trigger()
    chart = analysed.analysis_ui.window.trend.chart
    analysed.style.set_theme("dark")
    assert chart.plot.backgroundBrush().color().name() == "#1d1f21"
    analysed.style.set_theme("light")
    assert chart.plot.backgroundBrush().color().name() == "#ffffff"


def _csv_rows(text: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(text)))


def test_a_table_saves_as_an_excel_workbook(qtbot, analysed, tmp_path):
    from openpyxl import load_workbook

    controller = analysed.analysis_ui
    with qtbot.waitSignal(controller._service().targetsReady, timeout=60000):
        analysed.window.action("analysis_targets").trigger()
    path = tmp_path / "targets.xlsx"
    controller.window.save_csv_to(str(path))
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Indicator" and rows[0][1] == "2022 achieved"
    assert any(row[0] == "生产总值增长" for row in rows[1:])


def test_the_concordance_tab_lists_every_occurrence_and_opens_it(qtbot, analysed):
    controller = analysed.analysis_ui
    service = controller._service()
    controller.show("concordance")
    tab = controller.window.concordance
    tab.term.setText("数字经济")
    with qtbot.waitSignal(service.concordanceReady, timeout=60000) as ready:
        tab.go.click()
    lines = ready.args[0].lines
    assert tab.table.rowCount() == len(lines) > 0
    assert all(tab.table.item(r, 1).text() == "数字经济" for r in range(tab.table.rowCount()))
    # Sorting by the left context groups the words just before the term (read outwards).
    tab.table.sortItems(0)
    lefts = [tab.table.item(r, 0).text()[::-1] for r in range(tab.table.rowCount())]
    assert lefts == sorted(lefts)
    with qtbot.waitSignal(analysed.navigator.documentShown, timeout=15000) as shown:
        tab.table.cellActivated.emit(0, 1)
    assert shown.args[0].id == tab.table.item(0, 1).data(Qt.ItemDataRole.UserRole)[0]
    assert "数字经济" in controller.window.csv_text()


def test_one_years_targets_for_every_region_side_by_side(qtbot, analysed):
    controller = analysed.analysis_ui
    with qtbot.waitSignal(controller._service().targetsReady, timeout=60000):
        analysed.window.action("analysis_targets").trigger()
    tab = controller.window.targets
    with qtbot.waitSignal(controller.service.crossSectionReady, timeout=60000) as ready:
        tab.view.setCurrentIndex(tab.view.findData("regions"))
    regions = [item.title for item in ready.args[0] if item.targets.targets]
    headers = [tab.table.horizontalHeaderItem(c).text() for c in range(tab.table.columnCount())]
    assert headers == regions and headers[0] == "浙江"  # the open report's region first
    rows = {tab.table.verticalHeaderItem(r).text() for r in range(tab.table.rowCount())}
    assert "生产总值增长" in rows
