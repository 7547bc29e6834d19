"""The catalogue as a virtual tree model: rows made when the view asks for them.

A standard item model holds seven items per report, made, grouped and moved one by
one: at 10,000 reports showing, grouping and filtering took 120–365 ms on the GUI
thread. Here the model keeps the entries and an order of row numbers; sorting is one
Python sort over one column's keys, filtering one substring test per report over a
lower-cased line made once, grouping one pass. The view then asks for the few rows
it paints. Reports sort within their group; groups follow the sort direction by their
own key (a region's name, a year).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from reader.core.library import LibraryEntry

ID_ROLE = Qt.ItemDataRole.UserRole
BUNDLED_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
GROUPINGS = ("none", "region", "year")

AnyIndex = QModelIndex | QPersistentModelIndex


def _year_text(entry: LibraryEntry) -> str:
    return str(entry.year or "")


# Per column: the text shown and the key sorted by (numbers sort as numbers).
COLUMNS: tuple[tuple[Callable[[LibraryEntry], str], Callable[[LibraryEntry], Any]], ...] = (
    (lambda e: e.region, lambda e: e.region),
    (_year_text, lambda e: e.year or 0),
    (lambda e: e.doc_kind, lambda e: e.doc_kind),
    (lambda e: e.title, lambda e: e.title),
    (lambda e: e.speaker, lambda e: e.speaker),
    (lambda e: e.delivered, lambda e: e.delivered),
    (lambda e: f"{e.characters:,}", lambda e: e.characters),
)


@dataclass
class _Group:
    label: str
    key: Any
    members: list[int] = field(default_factory=list)


class CatalogueModel(QAbstractItemModel):
    """Reports as rows (ungrouped) or under one row per region or year (grouped).

    Args:
        headers: The seven column titles.
        group_label: Makes a group row's text from its label and its number of reports.
        unknown: The label of a group whose region or year is not known.
        parent: The Qt parent.
    """

    def __init__(
        self, headers: list[str], group_label: Callable[[str, int], str], unknown: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._group_label = group_label
        self._unknown = unknown
        self._entries: list[LibraryEntry] = []
        self._lines: list[str] | None = None  # each report's columns, lower-cased, for the filter
        self._grouping = "none"
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] = (1, Qt.SortOrder.DescendingOrder)
        self._rows: list[int] = []  # ungrouped: entry numbers in view order
        self._groups: list[_Group] = []
        self._where: dict[str, tuple[int, int]] = {}  # id -> (group or -1, row)

    # What is shown ---------------------------------------------------------------------
    def set_entries(self, entries: list[LibraryEntry]) -> None:
        """Show these reports (sorted, filtered and grouped as before)."""
        self.beginResetModel()  # before any change: the view may ask for the old rows until then
        self._entries = list(entries)
        self._lines = None
        self._relayout()

    def entries(self) -> list[LibraryEntry]:
        """Every report the model holds (shown or filtered out)."""
        return self._entries

    def set_grouping(self, grouping: str) -> None:
        """Group by "region", "year" or "none"."""
        self.beginResetModel()
        self._grouping = grouping if grouping in GROUPINGS else "none"
        self._relayout()

    def set_filter(self, text: str) -> None:
        """Show only the reports with ``text`` in a column (any case)."""
        self.beginResetModel()
        self._filter = text.strip().lower()
        self._relayout()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: D102 - Qt API
        if 0 <= column < len(COLUMNS):
            self.beginResetModel()
            self._sort = (column, order)
            self._relayout()

    def ids_in_view_order(self) -> list[str]:
        """The shown reports' ids, top to bottom."""
        if self._grouping == "none":
            return [self._entries[n].id for n in self._rows]
        return [self._entries[n].id for group in self._groups for n in group.members]

    def index_of(self, document_id: str) -> QModelIndex:
        """The row of a report (invalid when it is not shown)."""
        where = self._where.get(document_id)
        if where is None:
            return QModelIndex()
        group, row = where
        return self.createIndex(row, 0, group + 1)

    def group_indexes(self) -> list[QModelIndex]:
        """The group rows (none when ungrouped)."""
        return [self.createIndex(row, 0, 0) for row in range(len(self._groups))]

    def _shown(self) -> list[int]:
        if not self._filter:
            return list(range(len(self._entries)))
        if self._lines is None:
            self._lines = [
                "\t".join(text(entry) for text, _key in COLUMNS).lower() for entry in self._entries
            ]  # made once per set of entries
        needle = self._filter
        return [n for n, line in enumerate(self._lines) if needle in line]

    def _relayout(self) -> None:
        """Order, filter and group the rows again; called between ``beginResetModel`` and its end."""
        column, order = self._sort
        key = COLUMNS[column][1]
        keys = [key(entry) for entry in self._entries]
        descending = order == Qt.SortOrder.DescendingOrder
        rows = sorted(self._shown(), key=keys.__getitem__, reverse=descending)
        self._rows, self._groups, self._where = rows, [], {}
        if self._grouping == "none":
            self._where = {self._entries[n].id: (-1, row) for row, n in enumerate(rows)}
        else:
            by_key: dict[Any, _Group] = {}
            for n in rows:
                entry = self._entries[n]
                value = entry.region if self._grouping == "region" else entry.year
                group = by_key.get(value)
                if group is None:
                    label = str(value) if value not in ("", None) else self._unknown
                    group = by_key[value] = _Group(label, label if self._grouping == "region" else (value or 0))
                group.members.append(n)
            self._groups = sorted(by_key.values(), key=lambda g: g.key, reverse=descending)
            for number, group in enumerate(self._groups):
                for row, n in enumerate(group.members):
                    self._where[self._entries[n].id] = (number, row)
        self.endResetModel()

    # Qt's model interface: a group row has internal id 0, a report under group g has g + 1 --
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008, D102
        # Bounds checked here, not by ``hasIndex``: the view asks for every row after a reset, and
        # each of hasIndex's calls back into Python doubled the time of a sort at 10,000 reports.
        if not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            count = len(self._groups) if self._grouping != "none" else len(self._rows)
            return self.createIndex(row, column, 0) if 0 <= row < count else QModelIndex()
        group = parent.row()
        if self._grouping == "none" or parent.internalId() != 0 or not 0 <= group < len(self._groups):
            return QModelIndex()
        return (
            self.createIndex(row, column, group + 1) if 0 <= row < len(self._groups[group].members) else QModelIndex()
        )

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, D102 - Qt API
        if not parent.isValid():
            return bool(self._groups if self._grouping != "none" else self._rows)
        return self._grouping != "none" and parent.internalId() == 0 and parent.column() == 0

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008, D102
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        if not parent.isValid():
            return len(self._groups) if self._grouping != "none" else len(self._rows)
        if parent.internalId() == 0 and self._grouping != "none" and parent.column() == 0:
            return len(self._groups[parent.row()].members)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return len(COLUMNS)

    def headerData(  # noqa: D102 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def _entry(self, index: AnyIndex) -> LibraryEntry | None:
        """The report of a row, or None for a group row."""
        if self._grouping == "none":
            return self._entries[self._rows[index.row()]]
        group = index.internalId()
        return self._entries[self._groups[group - 1].members[index.row()]] if group else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102 - Qt API
        if not index.isValid():
            return None
        entry = self._entry(index)
        if entry is None:  # a group row
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return self._group_label(group.label, len(group.members)) if index.column() == 0 else ""
            return group.key if role == SORT_ROLE else None
        text, key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(entry)
        if role == ID_ROLE:
            return entry.id
        if role == BUNDLED_ROLE:
            return entry.bundled
        if role == SORT_ROLE:
            return key(entry)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return f"{entry.display or entry.title}\n{entry.source}\n{entry.id}"
        return None
