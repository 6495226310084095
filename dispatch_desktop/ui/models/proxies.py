"""Sorting and filtering on top of the keyed tables, as the panels' search boxes and toggles drive it.

Not a ``QSortFilterProxyModel``: that one re-runs ``filterAcceptsRow`` for every row of every
``dataChanged`` range whatever columns or roles it names (Qt 6.11), and sorts with one ``lessThan`` call
into Python per comparison. With 11,000 units reporting their position every few seconds that cost
100+ ms of the GUI thread per update and seconds for the first fill. Here the order is a Python list
kept by ``sorted()`` and ``bisect``-style insertion, and a change that shows only in the source's quiet
columns (a routine position report) costs one repaint signal unless the view is sorted or searched by them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from dispatch_desktop.ui.models.keyed_table import KeyedTableModel, row_runs

RowTest = Callable[[Any], bool]
AnyIndex = QModelIndex | QPersistentModelIndex

# Beyond this many rows entering, leaving or moving at once, one layout change is cheaper for the views
# than a signal per row (and our own bookkeeping is O(rows) per structural signal).
_MAX_ROW_SIGNALS = 32
# A change to more rows than this that needs no re-sorting is announced as one range, not row by row.
_MAX_CHANGE_SIGNALS = 64
# Quiet columns (a unit's last report time) are repainted at most this often: every repaint of a table
# asks Python for every visible cell's roles, tens of ms, and a clock to the second needs no more.
QUIET_REPAINT_MS = 1000


class RecordFilterProxy(QAbstractProxyModel):
    """Sorts by each column's sort value and keeps rows that match the search text (anywhere in the
    row, case-insensitive) and the record test (e.g. "open incidents only").

    A record test must decide by what the row shows outside the source's quiet columns: a quiet change
    (see ``KeyedTableModel.is_quiet_change``) never re-runs it. Ties keep the source order (rows in the
    order records first appeared), ascending or descending, like Qt's stable sort."""

    def __init__(self, source: KeyedTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._test: RowTest | None = None
        self._needle = ""  # the search text, case-folded; "" shows everything
        self._sort_column = -1
        self._descending = False
        self._sort_key: Callable[[Any], Any] | None = None
        self._rows: list[int] = []  # proxy row -> source row
        self._proxy_of: list[int] = []  # source row -> proxy row, -1 when filtered out
        self._keys: list[Any] = []  # source row -> its sort key as last placed (None when unsorted)
        self._quiet_pending: set[int] = set()  # quiet columns changed since their last repaint
        self._quiet_timer = QTimer(self)
        self._quiet_timer.setSingleShot(True)
        self._quiet_timer.setInterval(QUIET_REPAINT_MS)
        self._quiet_timer.timeout.connect(self._repaint_quiet)
        self.setSourceModel(source)
        source.dataChanged.connect(self._on_data_changed)
        source.rowsInserted.connect(self._on_rows_inserted)
        source.rowsAboutToBeRemoved.connect(self._on_rows_about_to_be_removed)
        source.rowsRemoved.connect(self._on_rows_removed)
        source.modelAboutToBeReset.connect(lambda: self.beginResetModel())
        source.modelReset.connect(self._on_source_reset)
        source.layoutAboutToBeChanged.connect(lambda *_args: self.beginResetModel())
        source.layoutChanged.connect(lambda *_args: self._on_source_reset())
        source.headerDataChanged.connect(self.headerDataChanged.emit)
        self._rebuild()

    # --- what the panels drive ----------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self._needle = needle
            self._relayout()

    def set_record_test(self, test: RowTest | None) -> None:
        """Keep only records for which ``test(record)`` is true; None keeps all."""
        self._test = test
        self._relayout()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column if 0 <= column < self._source.columnCount() else -1
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._sort_key = self._source.sort_key(self._sort_column) if self._sort_column >= 0 else None
        self._relayout()

    def sortColumn(self) -> int:
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def key_at(self, row: int) -> str:
        return self._source.key_at(self._rows[row])

    def row_of(self, key: str) -> int | None:
        """The row showing ``key`` in this (sorted, filtered) view, or None if it is hidden."""
        source_row = self._source.row_of(key)
        if source_row is None:
            return None
        row = self._proxy_of[source_row]
        return row if row >= 0 else None

    def accepts(self, source_row: int) -> bool:
        """Whether the record in ``source_row`` passes the record test and the search."""
        record = self._source.record_at(source_row)
        if self._test is not None and not self._test(record):
            return False
        if not self._needle:
            return True
        return self._needle in self._source.filter_text(self._source.key_at(source_row), record).casefold()

    # --- QAbstractProxyModel --------------------------------------------------------------------------

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        if not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return self._source.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid() or source_index.row() >= len(self._proxy_of):
            return QModelIndex()
        row = self._proxy_of[source_index.row()]
        return self.createIndex(row, source_index.column()) if row >= 0 else QModelIndex()

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows)) or not (0 <= column < self._source.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: AnyIndex) -> QModelIndex: ...

    def parent(self, child: AnyIndex | None = None) -> QObject | QModelIndex | None:
        """A flat table: no row has a parent index. Without an index, the QObject parent, as Qt's own."""
        return super().parent() if child is None else QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._source.columnCount()

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the source's row: the default goes through mapToSource, one more call into Python.
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._source.cell(self._rows[index.row()], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self._source.headerData(section, orientation, role)
        return section + 1 if role == Qt.ItemDataRole.DisplayRole else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # --- ordering ----------------------------------------------------------------------------------------

    def _key_of(self, source_row: int) -> Any:
        key = self._sort_key
        return key(self._source.record_at(source_row)) if key is not None else None

    def _before(self, a: int, b: int) -> bool:
        """Source row ``a`` sorts before source row ``b`` (ties: source order)."""
        ka, kb = self._keys[a], self._keys[b]
        if self._sort_key is not None and ka != kb:
            return bool(kb < ka) if self._descending else bool(ka < kb)
        return a < b

    def _ordered(self, source_rows: Iterable[int]) -> list[int]:
        rows = sorted(source_rows)
        if self._sort_key is None:
            return rows
        keys = self._keys
        # Python's sort is stable also with reverse=True, so ties keep the source order both ways.
        return sorted(rows, key=keys.__getitem__, reverse=self._descending)

    def _insertion_point(self, source_row: int, rows: list[int] | None = None) -> int:
        """Where ``source_row`` goes in ``rows`` (default: the shown rows), which are in order."""
        rows = self._rows if rows is None else rows
        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            if self._before(rows[middle], source_row):
                low = middle + 1
            else:
                high = middle
        return low

    def _reindex(self) -> None:
        proxy_of = [-1] * len(self._proxy_of)
        for row, source_row in enumerate(self._rows):
            proxy_of[source_row] = row
        self._proxy_of = proxy_of

    # --- keeping in step with the source ---------------------------------------------------------------

    def _rebuild(self) -> None:
        """Everything again from the source (construction, a source reset). No signals."""
        count = self._source.rowCount()
        self._keys = [self._key_of(row) for row in range(count)]
        self._proxy_of = [-1] * count
        self._rows = self._ordered(row for row in range(count) if self.accepts(row))
        self._reindex()

    def _on_source_reset(self) -> None:
        self._rebuild()
        self.endResetModel()

    def _relayout(self) -> None:
        """The order or the filter changed as a whole: one layout change, selections kept by their rows."""
        self._change_layout(self._rebuild)

    def _change_layout(self, change: Callable[[], None]) -> None:
        """Rows in, out and reordered at once: views keep their selection and current row by record."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [self._rows[index.row()] if 0 <= index.row() < len(self._rows) else -1 for index in persistent]
        change()
        proxy_of = self._proxy_of
        self.changePersistentIndexList(persistent, [
            self.createIndex(proxy_of[source], index.column())
            if 0 <= source < len(proxy_of) and proxy_of[source] >= 0 else QModelIndex()
            for index, source in zip(persistent, sources, strict=True)
        ])
        self.layoutChanged.emit()

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int]) -> None:
        first, last = top_left.row(), bottom_right.row()
        left, right = top_left.column(), bottom_right.column()
        quiet = all(column in self._source.quiet_columns for column in range(left, right + 1))
        sorted_here = self._sort_key is not None and left <= self._sort_column <= right
        if quiet and not (self._needle or sorted_here):
            # Neither the order nor the filter can change: only the cells read differently.
            self._quiet_pending.update(range(left, right + 1))
            if not self._quiet_timer.isActive():  # the first in a while shows at once, the rest coalesce
                self._repaint_quiet()
            return
        if not (self._needle or sorted_here or self._test is not None):
            self._announce(range(first, last + 1), left, right, roles)
            return
        entering: list[int] = []
        leaving: list[int] = []
        moving: list[int] = []  # shown, and their sort key changed: may have to move
        staying: list[int] = []
        for source_row in range(first, last + 1):
            old_key = self._keys[source_row]
            self._keys[source_row] = self._key_of(source_row)
            shown = self._proxy_of[source_row] >= 0
            wanted = self.accepts(source_row)
            if wanted and not shown:
                entering.append(source_row)
            elif shown and not wanted:
                leaving.append(source_row)
            elif shown:
                (moving if old_key != self._keys[source_row] else staying).append(source_row)
        if len(entering) + len(leaving) + len(moving) > _MAX_ROW_SIGNALS:
            self._relayout()
            self._announce(range(first, last + 1), left, right, roles)
            return
        for source_row in leaving:
            self._remove(source_row)
        pending = set(moving)
        for source_row in moving:
            pending.discard(source_row)
            self._move(source_row, pending)
        for source_row in entering:
            self._insert(source_row)
        self._announce([*staying, *moving], left, right, roles)

    def _announce(self, source_rows: Iterable[int], left: int, right: int, roles: list[int]) -> None:
        """dataChanged for the shown ones of ``source_rows``: row runs when few, else one range."""
        proxy_of = self._proxy_of
        rows = sorted(row for row in (proxy_of[s] for s in source_rows) if row >= 0)
        if not rows:
            return
        runs = [(rows[0], rows[-1])] if len(rows) > _MAX_CHANGE_SIGNALS else row_runs(rows)
        for first, last in runs:
            self.dataChanged.emit(self.createIndex(first, left), self.createIndex(last, right), roles)

    def _repaint_quiet(self) -> None:
        columns, self._quiet_pending = sorted(self._quiet_pending), set()
        if self._rows and columns:
            self._quiet_timer.start()
            self.dataChanged.emit(self.createIndex(0, columns[0]),
                                  self.createIndex(len(self._rows) - 1, columns[-1]), [])

    def _remove(self, source_row: int) -> None:
        row = self._proxy_of[source_row]
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._reindex()
        self.endRemoveRows()

    def _insert(self, source_row: int) -> None:
        row = self._insertion_point(source_row)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, source_row)
        self._reindex()
        self.endInsertRows()

    def _move(self, source_row: int, pending: set[int]) -> None:
        """Put a shown row whose sort key changed where it belongs among the rows in order (all but the
        ``pending`` ones, whose keys changed too and which are placed after it)."""
        row = self._proxy_of[source_row]
        others = [r for r in self._rows if r != source_row and r not in pending]
        place = self._insertion_point(source_row, others)
        # As a row number of the list without the moving row:
        target = (self._rows.index(others[place]) if place < len(others) else len(self._rows))
        target = target - 1 if target > row else target
        if target == row:
            return
        # A move, not a remove and an insert: the selection and the current row go along with it.
        # beginMoveRows names the destination in the numbering before the move.
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target if target < row else target + 1):
            return
        del self._rows[row]
        self._rows.insert(target, source_row)
        self._reindex()
        self.endMoveRows()

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        count = last - first + 1
        in_between = first < len(self._proxy_of)  # the keyed tables only append, but be general
        if in_between:
            self._rows = [row + count if row >= first else row for row in self._rows]
        self._proxy_of[first:first] = [-1] * count
        self._keys[first:first] = [self._key_of(row) for row in range(first, last + 1)]
        if in_between:
            self._reindex()
        new = [row for row in range(first, last + 1) if self.accepts(row)]
        if not new:
            return
        if not self._rows:  # the first fill: one signal for all
            self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
            self._rows = self._ordered(new)
            self._reindex()
            self.endInsertRows()
        elif len(new) > _MAX_ROW_SIGNALS:
            def merge() -> None:
                self._rows = self._ordered([*self._rows, *new])
                self._reindex()
            self._change_layout(merge)
        else:
            for source_row in new:
                self._insert(source_row)

    def _on_rows_about_to_be_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        # The proxy rows go now, while their records can still be read; the renumbering follows in
        # rowsRemoved.
        if parent.isValid():
            return
        going = sorted(self._proxy_of[row] for row in range(first, last + 1) if self._proxy_of[row] >= 0)
        if not going:
            return
        if len(going) == len(self._rows):
            runs = [(0, len(self._rows) - 1)]
        elif len(going) > _MAX_ROW_SIGNALS:
            def drop() -> None:
                self._rows = [row for row in self._rows if not first <= row <= last]
                self._reindex()
            self._change_layout(drop)
            return
        else:
            runs = row_runs(going)
        for first_row, last_row in reversed(runs):  # from the bottom, so earlier row numbers stay valid
            self.beginRemoveRows(QModelIndex(), first_row, last_row)
            del self._rows[first_row:last_row + 1]
            self._reindex()
            self.endRemoveRows()

    def _on_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        count = last - first + 1
        self._rows = [row - count if row > last else row for row in self._rows]
        del self._proxy_of[first:last + 1]
        del self._keys[first:last + 1]
        self._reindex()
