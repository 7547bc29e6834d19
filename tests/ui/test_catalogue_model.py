"""The catalogue's virtual model: Qt's model checks, sorting, filtering and grouping on 2,000 reports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.core.library import LibraryEntry
from reader.ui.library.catalogue_model import BUNDLED_ROLE, ID_ROLE, SORT_ROLE, CatalogueModel

REGIONS = ("浙江", "湖北", "全国", "")


def _entries(count: int) -> list[LibraryEntry]:
    return [
        LibraryEntry(
            id=f"d{n:05d}", title=f"{2000 + n % 7}年政府工作报告", source=f"/r/{n}", kind="html", original="o.html",
            paragraphs=10, characters=(n * 7919) % 100_000, sha1="", imported=0.0, bundled=n == 0,
            region=REGIONS[n % len(REGIONS)], year=2000 + n % 7 if n % 11 else None, doc_kind="政府工作报告",
            speaker=f"报告人{n % 13}", delivered="",
        )
        for n in range(count)
    ]  # fmt: skip


@pytest.fixture
def model(qapp):
    headers = ["地区", "年份", "类型", "标题", "报告人", "日期", "字数"]
    made = CatalogueModel(headers, lambda label, count: f"{label} ({count})", "(未知)")
    QAbstractItemModelTester(made, QAbstractItemModelTester.FailureReportingMode.Fatal)  # checks every change
    made.set_entries(_entries(2000))
    return made


def _column(model: CatalogueModel, column: int, role=Qt.ItemDataRole.DisplayRole, parent=None) -> list:
    parent = parent or QModelIndex()
    return [model.index(row, column, parent).data(role) for row in range(model.rowCount(parent))]


def test_numbers_sort_as_numbers_and_ties_keep_their_order(model):
    model.sort(6, Qt.SortOrder.DescendingOrder)
    sizes = _column(model, 6, SORT_ROLE)
    assert sizes == sorted(sizes, reverse=True) and len(sizes) == 2000
    assert _column(model, 6)[0] == f"{sizes[0]:,}"
    model.sort(1, Qt.SortOrder.AscendingOrder)
    ids = [i for i, y in zip(_column(model, 0, ID_ROLE), _column(model, 1, SORT_ROLE), strict=True) if y == 2003]
    assert ids == sorted(ids)  # a stable sort: equal years keep the order before (by id here)


def test_the_filter_matches_any_column_in_any_case(model):
    model.set_filter("报告人12")
    assert model.rowCount() == len([n for n in range(2000) if n % 13 == 12])
    model.set_filter("  ")
    assert model.rowCount() == 2000
    model.set_filter("不存在")
    assert model.rowCount() == 0 and model.ids_in_view_order() == []


def test_groups_count_what_the_filter_keeps_and_reports_sort_inside_them(model):
    model.sort(6, Qt.SortOrder.AscendingOrder)
    model.set_grouping("region")
    labels = _column(model, 0)
    assert labels == sorted(labels) and "(未知) (500)" in labels and "浙江 (500)" in labels
    zhejiang = model.index(labels.index("浙江 (500)"), 0)
    assert zhejiang.data(ID_ROLE) is None and model.rowCount(zhejiang) == 500
    sizes = _column(model, 6, SORT_ROLE, zhejiang)
    assert sizes == sorted(sizes)
    model.set_filter("2003年")
    kept = len([n for n in range(2000) if n % 4 == 0 and n % 7 == 3])
    assert model.rowCount(model.index(_column(model, 0).index(f"浙江 ({kept})"), 0)) == kept
    shown = model.ids_in_view_order()
    assert all(model.index_of(i).data(ID_ROLE) == i for i in shown)
    model.set_grouping("year")
    known = len([n for n in range(2000) if n % 7 == 3 and n % 11])
    assert _column(model, 0) == [f"(未知) ({len(shown) - known})", f"2003 ({known})"]  # unknown sorts as year 0


def test_a_report_is_found_by_id_with_its_roles(model):
    model.set_grouping("year")
    index = model.index_of("d00000")
    assert index.isValid() and index.parent().isValid() and index.data(BUNDLED_ROLE) is True
    assert model.index(index.row(), 3, index.parent()).data(Qt.ItemDataRole.ToolTipRole).endswith("d00000")
    model.set_filter("湖北")
    assert not model.index_of("d00000").isValid()  # 浙江: filtered out
