"""The panel "Station load" (``station_duty.load``): today's counts per station in a sortable table.

One row per station of the city: incidents today, open, the non-police share of today's, overdue, units
on shift and open incidents per unit on shift (``load.py`` says how each is counted). Click a heading to
sort by it (numbers sort as numbers); the box above keeps the rows whose station or district matches.
Refreshed after the state changes, at most every few seconds, like the map layer. A click on a station's
area on the map selects its row (``select_station``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from dispatch_desktop.api import DeskContext, Station, Subscription
from station_duty.load import StationLoad, load_class, station_loads
from station_duty.load_layer import COLOURS, REFRESH_MS, Throttle

SORT_ROLE = Qt.ItemDataRole.UserRole
AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Station", "District", "Today", "Open", "Non-police", "Overdue", "Units on shift", "Open per unit")
"""The headings (English source texts, translated when shown)."""
FIRST_FIGURE = 2  # the columns from here on are numbers


def cells(station: Station, district: str, load: StationLoad) -> tuple[tuple[object, str], ...]:
    """(what the column sorts by, what it shows) for each column of one station's row."""
    share, ratio = load.non_police_share, load.open_per_unit
    return (
        (station.short_name, station.short_name),
        (district, district),
        (load.incidents_today, str(load.incidents_today)),
        (load.open, str(load.open)),
        (-1.0 if share is None else share, "–" if share is None else f"{share:.0%}"),
        (load.overdue, str(load.overdue)),
        (load.units_on_shift, str(load.units_on_shift)),
        (ratio, "∞" if math.isinf(ratio) else f"{ratio:.1f}"),
    )


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class StationLoadModel(QAbstractTableModel):
    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._stations = desk.city.stations
        self._districts = {district.adcode: district.short_name for district in desk.city.districts}
        self.loads: Mapping[str, StationLoad] = {}
        self._rows: list[tuple[tuple[object, str], ...]] = []  # worked out once per refresh: sorting asks often

    def refresh(self) -> None:
        desk = self._desk
        self.loads = station_loads(desk.state, desk.now_ms(), desk.time_zone, tuple(s.id for s in self._stations))
        before = self._rows
        self._rows = [cells(station, self._districts.get(station.district, ""),
                            self.loads.get(station.id, StationLoad(station.id))) for station in self._stations]
        # Only the rows whose figures changed: the sorting proxy then re-sorts those alone (announcing all
        # 255 at each refresh of a replay at ×64 re-sorted the whole table: ~20 ms on the GUI thread).
        changed = [row for row, cells_now in enumerate(self._rows)
                   if row >= len(before) or before[row] != cells_now]
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def row_of(self, station_id: str) -> int | None:
        return next((row for row, station in enumerate(self._stations) if station.id == station_id), None)

    def station_id(self, row: int) -> str:
        return self._stations[row].id

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._stations)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._desk.tr(COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        station = self._stations[row]
        sort_value, text = self._rows[row][index.column()]
        if role == SORT_ROLE:
            return sort_value
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return station.name
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= FIRST_FIGURE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == len(COLUMNS) - 1:
            load = self.loads.get(station.id, StationLoad(station.id))
            return QColor(COLOURS[load_class(load)])  # the map's class, beside the figure
        return None


class StationLoadPanel(QWidget):
    """The panel ``station_duty.load``; the desk builds it with ``StationLoadPanel(desk)``."""

    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station_load_panel")
        self._desk = desk
        self.model = StationLoadModel(desk, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # the busiest first
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)  # 255 rows: compact
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Fitted once to the first figures, then left to the dispatcher: fitting 255 rows on every refresh
        # would hold the desk.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        self._stale = False  # figures changed while the panel was hidden: refreshed when it is shown
        self.throttle = Throttle(self._refresh_if_seen, REFRESH_MS)
        self._subscriptions: list[Subscription] = [
            desk.on_change(lambda _units, _incidents: self.throttle.request()),
            desk.on_reset(lambda _state: self.throttle.request()),
        ]
        subscriptions, throttle = self._subscriptions, self.throttle
        self.destroyed.connect(lambda: stop_listening(subscriptions, throttle))
        self.retranslate()  # and the first figures
        # The figures' columns fit their headers; only the station's name is measured (255 rows, once).
        header = self.table.horizontalHeader()
        for column in range(1, len(COLUMNS)):
            header.resizeSection(column, header.sectionSizeHint(column))
        self.table.resizeColumnToContents(0)

    def select_station(self, station_id: str) -> None:
        """Select the station's row and scroll it into the middle of the table (the filter is cleared
        when it hides the row)."""
        row = self.model.row_of(station_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        # Not selectRow: it reads the keyboard's modifiers at that moment, so a Ctrl held (or left pressed by
        # a key sequence just sent) would add the row to the selection instead of choosing it.
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)

    def selected_stations(self) -> list[str]:
        """The ids of the stations whose rows are selected."""
        rows = self.table.selectionModel().selectedRows()
        return [self.model.station_id(self.proxy.mapToSource(index).row()) for index in rows]

    def _refresh_if_seen(self) -> None:
        """The state changed: refresh now if the panel is seen, else when it is shown (a tab behind others, as
        in a replay playing at ×64, would otherwise re-sort 255 stations several times a second unseen)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.model.refresh()  # the proxy re-sorts the rows it announces as changed (dynamic sorting)
        loads = self.model.loads.values()
        self.summary.setText(self._desk.tr("Today {today} incidents; now {open} open, {overdue} overdue, "
                                           "{units} units on shift").format(
            today=sum(load.incidents_today for load in loads), open=sum(load.open for load in loads),
            overdue=sum(load.overdue for load in loads), units=sum(load.units_on_shift for load in loads)))

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self._desk.tr("Filter by station or district"))
        self.model.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)



def stop_listening(subscriptions: list[Subscription], throttle: Throttle) -> None:
    # Not a method: by the time ``destroyed`` is emitted the panel's Python side is gone.
    for subscription in subscriptions:
        subscription.cancel()
    throttle.stop()
