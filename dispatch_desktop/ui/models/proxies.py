"""Sorting and filtering on top of the keyed tables, as the panels' search boxes and toggles drive it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from dispatch_desktop.ui.models.keyed_table import FILTER_ROLE, KEY_ROLE, SORT_ROLE, KeyedTableModel

RowTest = Callable[[Any], bool]


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's sort value and keeps rows that match the search text (anywhere in the
    row, case-insensitive) and the record test (e.g. "open incidents only")."""

    def __init__(self, source: KeyedTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._test: RowTest | None = None
        self._sort_key: Callable[[Any], object] | None = None
        self._searching = False
        self._record_at = source.record_at  # filterAcceptsRow runs for every changed row: keep it lean
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)  # FILTER_ROLE already spans the whole row
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    @property
    def keyed_source(self) -> KeyedTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def set_search(self, text: str) -> None:
        self._searching = bool(text.strip())
        self.setFilterFixedString(text.strip())

    def set_record_test(self, test: RowTest | None) -> None:
        """Keep only records for which ``test(record)`` is true; None keeps all."""
        self.beginFilterChange()
        self._test = test
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_key = self.keyed_source.sort_key(column) if column >= 0 else None
        super().sort(column, order)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        # One Python call per comparison instead of Qt fetching SORT_ROLE through index() and data() for
        # each side: sorting 11,000 units is several times faster.
        key = self._sort_key
        if key is None:
            return super().lessThan(left, right)
        return key(self._record_at(left.row())) < key(self._record_at(right.row()))  # type: ignore[operator]

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        test = self._test
        if test is not None and not test(self._record_at(source_row)):
            return False
        return not self._searching or super().filterAcceptsRow(source_row, source_parent)

    def key_at(self, row: int) -> str:
        return self.index(row, 0).data(KEY_ROLE)

    def row_of(self, key: str) -> int | None:
        """The row showing ``key`` in this (sorted, filtered) view, or None if it is hidden."""
        source_row = self.keyed_source.row_of(key)
        if source_row is None:
            return None
        row = self.mapFromSource(self.keyed_source.index(source_row, 0)).row()
        return row if row >= 0 else None
