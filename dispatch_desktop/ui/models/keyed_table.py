"""A table whose rows are records named by id, kept in step with a changing source incrementally.

Rows are appended in the order records first appear and never reordered here: sorting and filtering
belong to a ``QSortFilterProxyModel`` on top, so a change to one record costs one ``dataChanged`` for
its row (contiguous rows share one signal), a new record one insert, a vanished one a remove.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

AnyIndex = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's id
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (numbers stay numbers)
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # the text a search box matches against (whole row)

_MAX_CHANGE_RUNS = 32  # beyond this many separate runs, one signal over their span is cheaper


@dataclass(frozen=True)
class Column:
    """One column: its English title (translated in the model's context) and how to show a record."""

    title: str
    display: Callable[[Any], str]
    sort: Callable[[Any], object] | None = None
    background: Callable[[Any], QColor | None] | None = None
    foreground: Callable[[Any], QColor | None] | None = None
    tooltip: Callable[[Any], str] | None = None
    align: Qt.AlignmentFlag | None = None


class KeyedTableModel(QAbstractTableModel):
    """Subclasses give ``context`` (their translation context), ``columns`` and ``record(key)``."""

    context = "KeyedTableModel"

    def __init__(self, columns: Sequence[Column], parent: Any = None, *, quiet_columns: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._keys: list[str] = []
        self._rows: dict[str, int] = {}
        self._shown: dict[str, Any] = {}  # the record each row last announced
        self._quiet_columns = [self.column_titled(title) for title in quiet_columns]
        self._quiet_column_set = frozenset(self._quiet_columns)

    # --- to implement -----------------------------------------------------------------------------

    def record(self, key: str) -> Any | None:
        """The current record for ``key``, or None if it no longer exists."""
        raise NotImplementedError

    def row_background(self, key: str, record: Any) -> QColor | None:
        """A colour for the whole row that outranks the columns' own (an overdue incident turns red)."""
        return None

    def is_quiet_change(self, old: Any, new: Any) -> bool:
        """True when only the ``quiet_columns`` can read differently (a unit's routine position report):
        such rows are announced for those columns alone, so sorting and filtering need not look again."""
        return False

    # --- lookups --------------------------------------------------------------------------------------

    def key_at(self, row: int) -> str:
        return self._keys[row]

    def record_at(self, row: int) -> Any:
        """The record the row shows now (as last synced): cheap, for per-row filters."""
        return self._shown[self._keys[row]]

    def row_of(self, key: str) -> int | None:
        return self._rows.get(key)

    @property
    def quiet_columns(self) -> frozenset[int]:
        """Columns that can read differently while a record test on the row cannot change its verdict:
        those a quiet change (``is_quiet_change``) alters, and those that read the clock."""
        return self._quiet_column_set

    def keys(self) -> list[str]:
        return list(self._keys)

    def sort_key(self, column: int) -> Callable[[Any], object]:
        """How a record sorts in ``column`` (what SORT_ROLE returns), for a proxy that compares in Python."""
        spec = self._columns[column]
        return spec.sort if spec.sort is not None else spec.display

    def column_titled(self, title: str) -> int:
        """Index of the column with this (untranslated) title."""
        for number, column in enumerate(self._columns):
            if column.title == title:
                return number
        raise KeyError(title)

    # --- keeping in step ------------------------------------------------------------------------------

    def sync(self, keys: Iterable[str]) -> None:
        """Bring the rows of ``keys`` up to date: changed, new or gone."""
        updated: list[int] = []
        quiet: list[int] = []
        added: list[str] = []
        removed: list[int] = []
        shown = self._shown
        for key in keys:
            record = self.record(key)
            row = self._rows.get(key)
            if row is None:
                if record is not None:
                    added.append(key)
            elif record is None:
                removed.append(row)
            elif record is not shown[key]:
                (quiet if self.is_quiet_change(shown[key], record) else updated).append(row)
                shown[key] = record
        if updated:
            self._emit_rows_changed(sorted(updated))
        if quiet:
            self._emit_rows_changed(sorted(quiet), self._quiet_columns)
        if removed:
            self._remove_rows(sorted(removed))
        if added:
            self._append(sorted(added))

    def reset(self, keys: Iterable[str]) -> None:
        """Start over with these keys (a new source)."""
        self.beginResetModel()
        records = ((key, self.record(key)) for key in keys)
        self._shown = {key: record for key, record in records if record is not None}
        self._keys = list(self._shown)
        self._rows = {key: row for row, key in enumerate(self._keys)}
        self.endResetModel()

    def refresh_rows(self, keys: Iterable[str]) -> None:
        """These rows read differently although their records did not change (a row colour)."""
        rows = sorted(row for key in keys if (row := self._rows.get(key)) is not None)
        if rows:
            self._emit_rows_changed(rows)

    def refresh_column(self, column: int) -> None:
        """Every row's cell in ``column`` may read differently now (e.g. an elapsed time)."""
        if self._keys:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._keys) - 1, column))

    def retranslate(self) -> None:
        """The language changed: headers and every translated cell read differently."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, len(self._columns) - 1))

    def _emit_rows_changed(self, rows: list[int], columns: Sequence[int] = ()) -> None:
        runs = row_runs(rows)
        if len(runs) > _MAX_CHANGE_RUNS:
            runs = [(rows[0], rows[-1])]
        spans = [(column, column) for column in columns] or [(0, len(self._columns) - 1)]
        for first_column, last_column in spans:
            for first, end in runs:
                self.dataChanged.emit(self.index(first, first_column), self.index(end, last_column))

    def _remove_rows(self, rows: list[int]) -> None:
        runs = row_runs(rows)
        if len(runs) > _MAX_CHANGE_RUNS:
            # Rows gone all over the table (a replay jumping back past thousands of incidents): one reset
            # costs the views one rebuild instead of one per run.
            self.beginResetModel()
            gone = {self._keys[row] for row in rows}
            for key in gone:
                del self._shown[key]
            self._keys = [key for key in self._keys if key not in gone]
            self._rows = {key: row for row, key in enumerate(self._keys)}
            self.endResetModel()
            return
        for first, end in reversed(runs):  # from the bottom, so earlier row numbers stay valid
            self.beginRemoveRows(QModelIndex(), first, end)
            for key in self._keys[first : end + 1]:
                del self._shown[key]
                del self._rows[key]
            del self._keys[first : end + 1]
            # Rows below the removed ones move up: renumber only those (a rebuild per run cost the
            # replay's jumps hundreds of whole-table rebuilds).
            for row in range(first, len(self._keys)):
                self._rows[self._keys[row]] = row
            self.endRemoveRows()

    def _append(self, keys: list[str]) -> None:
        first = len(self._keys)
        self.beginInsertRows(QModelIndex(), first, first + len(keys) - 1)
        self._keys.extend(keys)
        self._rows.update((key, first + offset) for offset, key in enumerate(keys))
        for key in keys:
            self._shown[key] = self.record(key)
        self.endInsertRows()

    # --- QAbstractTableModel --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return QCoreApplication.translate(self.context, self._columns[section].title)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column_number: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """``data()`` by row and column number, for a proxy that already knows them (no index made)."""
        if not 0 <= row < len(self._keys):
            return None
        key = self._keys[row]
        if role == KEY_ROLE:
            return key
        record = self.record(key)
        if record is None:
            return None
        column = self._columns[column_number]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == SORT_ROLE:
            return column.sort(record) if column.sort is not None else column.display(record)
        if role == FILTER_ROLE:
            return self.filter_text(key, record)
        if role == Qt.ItemDataRole.BackgroundRole:
            whole_row = self.row_background(key, record)
            if whole_row is not None:
                return _brush(whole_row)
            return _brush(column.background(record)) if column.background is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return _brush(column.foreground(record))
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def filter_text(self, key: str, record: Any) -> str:
        """What a search matches: the id and every shown cell."""
        return " ".join([key, *(column.display(record) for column in self._columns)])


def _brush(color: QColor | None) -> QBrush | None:
    return QBrush(color) if color is not None else None


def row_runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    start = previous = rows[0]
    for row in rows[1:]:
        if row != previous + 1:
            runs.append((start, previous))
            start = row
        previous = row
    runs.append((start, previous))
    return runs
