"""The ranked units of one incident as a table: what the dispatcher picks from. A required unit (an
emergency plan's forces) is bold with an amber number cell, its reason "Required: …" first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitKind, UnitStatus
from dispatch_desktop.domain.recommend import Recommendation
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.palette import UNIT_STATUS_COLOR, tint

_Index = QModelIndex | QPersistentModelIndex
REQUIRED_COLOR = "#ff8f00"  # amber: the plan's forces, apart from the rapid-response red


class RecommendationModel(QAbstractTableModel):
    COLUMNS = ("#", "unit", "kind", "station", "eta", "distance", "status", "reason")

    def __init__(self, city: City | None = None) -> None:
        super().__init__()
        self._city = city
        self._rows: list[Recommendation] = []
        self._status: dict[str, UnitStatus] = {}
        self._sending: set[str] = set()

    # --- content -----------------------------------------------------------------------------------

    def set_rows(self, rows: list[Recommendation]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._status = {r.unit: r.status for r in rows}
        self.endResetModel()

    def rows(self) -> list[Recommendation]:
        return list(self._rows)

    def row_of(self, unit_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.unit == unit_id), -1)

    def set_live_status(self, statuses: dict[str, UnitStatus]) -> None:
        """The units' statuses now (they move on while the list stands still under the cursor)."""
        changed = [i for i, r in enumerate(self._rows) if statuses.get(r.unit) != self._status.get(r.unit)]
        self._status = {r.unit: statuses.get(r.unit, r.status) for r in self._rows}
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def status(self, row: int) -> UnitStatus:
        return self._status[self._rows[row].unit]

    def dispatchable(self, row: int) -> bool:
        rec = self._rows[row]
        return rec.available and self._status.get(rec.unit) is UnitStatus.AVAILABLE and rec.unit not in self._sending

    def set_sending(self, unit_id: str, sending: bool) -> None:
        (self._sending.add if sending else self._sending.discard)(unit_id)
        row = self.row_of(unit_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    # --- Qt model ----------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return texts.tr(texts.RECOMMEND_COLUMNS[self.COLUMNS[section]])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = index.row()
        rec = self._rows[row]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, rec, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts.reasons(rec.reasons) or None
        if role == Qt.ItemDataRole.ForegroundRole and not self.dispatchable(row):
            return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.ForegroundRole and rec.stale and column == "unit":
            return QColor("#c62828")
        if role == Qt.ItemDataRole.BackgroundRole and column == "#" and rec.required:
            return tint(REQUIRED_COLOR, 150)
        if role == Qt.ItemDataRole.BackgroundRole and column == "status":
            return tint(UNIT_STATUS_COLOR[self._status[rec.unit]])
        if role == Qt.ItemDataRole.BackgroundRole and rec.kind is UnitKind.RAPID_RESPONSE:
            return tint("#c62828", 40)
        if role == Qt.ItemDataRole.FontRole and (rec.required or _rapid_first(rec)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("#", "eta", "distance"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: int, rec: Recommendation, column: str) -> str:
        match column:
            case "#":
                return str(row + 1) if row < 9 else ""
            case "unit":
                name = rec.name or rec.unit
                return f"{name} ⚠ {texts.tr(texts.STALE_MARK)}" if rec.stale else name
            case "kind":
                return labels.unit_kind(rec.kind)
            case "station":
                return self._station_name(rec.station)
            case "eta":
                return labels.duration_text(int(rec.eta_s * 1000))
            case "distance":
                return texts.distance(rec.distance_m)
            case "status":
                if rec.unit in self._sending:
                    return texts.tr(texts.SENDING)
                return labels.unit_status(self._status[rec.unit])
            case _:
                return texts.reasons(rec.reasons)

    def _station_name(self, station_id: str) -> str:
        if self._city is None:
            return station_id
        try:
            return self._city.station(station_id).short_name
        except KeyError:
            return station_id


def _rapid_first(rec: Recommendation) -> bool:
    return bool(rec.reasons) and rec.reasons[0].code.startswith("rapid")
