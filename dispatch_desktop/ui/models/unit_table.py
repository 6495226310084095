"""The unit status board's table (警力状态): one row per unit on the roster.

A unit whose last report is older than its kind's limit (``domain.staleness``) is listed as stale: its
last-report cell reads how long ago, in red, and its call sign is greyed, so nobody trusts its dot.
The age runs with the clock, so that column is refreshed every second.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitStatus
from dispatch_desktop.domain.staleness import DEFAULT_STALENESS, StalenessPolicy
from dispatch_desktop.domain.state import Unit
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.keyed_table import Column, KeyedTableModel
from dispatch_desktop.ui.palette import SOS_COLOR, UNIT_STATUS_COLOR, tint

_STATUS_ORDER = {status: rank for rank, status in enumerate(UnitStatus)}

CALL_SIGN = QT_TRANSLATE_NOOP("UnitBoard", "Call sign")
KIND = QT_TRANSLATE_NOOP("UnitBoard", "Kind")
STATION = QT_TRANSLATE_NOOP("UnitBoard", "Station")
STATUS = QT_TRANSLATE_NOOP("UnitBoard", "Status")
INCIDENT = QT_TRANSLATE_NOOP("UnitBoard", "Incident")
LAST_REPORT = QT_TRANSLATE_NOOP("UnitBoard", "Last report")
STALE = QT_TRANSLATE_NOOP("UnitBoard", "{time} · stale, {age} ago")
NEVER_REPORTED = QT_TRANSLATE_NOOP("UnitBoard", "never reported")
STALE_TIP = QT_TRANSLATE_NOOP("UnitBoard", "No report for longer than {limit}: its position on the map may be wrong")
STALE_COLOR = "#c62828"


class UnitTableModel(KeyedTableModel):
    context = "UnitBoard"

    def __init__(self, city_model: CityModel, city: City | None = None, parent: QObject | None = None,
                 *, staleness: StalenessPolicy = DEFAULT_STALENESS) -> None:
        self._city_model = city_model
        self._station_names = _station_names(city)
        self.staleness = staleness
        super().__init__(
            [
                Column(CALL_SIGN, lambda u: u.name or u.id, tooltip=_tooltip,
                       foreground=lambda u: QColor("#9e9e9e") if self.is_stale(u) else None),
                Column(KIND, lambda u: labels.unit_kind(u.kind)),
                Column(STATION, lambda u: self._station_names.get(u.station, u.station)),
                Column(STATUS, _status_text, sort=_status_rank, background=_status_tint),
                Column(INCIDENT, lambda u: u.incident),
                Column(LAST_REPORT, self._last_report_text, sort=lambda u: u.last_report,
                       align=Qt.AlignmentFlag.AlignRight, tooltip=self._last_report_tip,
                       foreground=lambda u: QColor(STALE_COLOR) if self.is_stale(u) else None),
            ],
            parent,
            quiet_columns=[LAST_REPORT],
        )
        self._last_report_column = self.column_titled(LAST_REPORT)
        city_model.unitsChanged.connect(self.sync)
        city_model.clockTicked.connect(lambda _now: self.refresh_column(self._last_report_column))
        if city_model.has_state:
            self.reset(city_model.state.units.keys())

    def record(self, key: str) -> Unit | None:
        return self._city_model.state.units.get(key)

    def is_stale(self, unit: Unit) -> bool:
        return self.staleness.is_stale(unit, self._city_model.now_ms())

    def _last_report_text(self, unit: Unit) -> str:
        if not self.is_stale(unit):
            return labels.clock_text(unit.last_report)
        if not unit.last_report:
            return QCoreApplication.translate("UnitBoard", NEVER_REPORTED)
        age = labels.duration_text(self.staleness.age_ms(unit, self._city_model.now_ms()))
        return QCoreApplication.translate("UnitBoard", STALE).format(time=labels.clock_text(unit.last_report),
                                                                     age=age)

    def _last_report_tip(self, unit: Unit) -> str:
        if not self.is_stale(unit):
            return ""
        limit = labels.duration_text(self.staleness.limit_ms(unit.kind))
        return QCoreApplication.translate("UnitBoard", STALE_TIP).format(limit=limit)

    def is_quiet_change(self, old: Unit, new: Unit) -> bool:
        # A position report moves the unit and stamps its report time; nothing else on the board changes.
        return (old.status is new.status and old.incident == new.incident and old.sos == new.sos
                and old.name == new.name and old.station == new.station and old.kind is new.kind)


def _station_names(city: City | None) -> dict[str, str]:
    return {station.id: station.short_name for station in city.stations} if city is not None else {}


def _status_text(unit: Unit) -> str:
    text = labels.unit_status(unit.status)
    return f"SOS · {text}" if unit.sos else text


def _status_rank(unit: Unit) -> int:
    return -1 if unit.sos else _STATUS_ORDER[unit.status]


def _status_tint(unit: Unit) -> QColor:
    return tint(SOS_COLOR, 160) if unit.sos else tint(UNIT_STATUS_COLOR[unit.status])


def _tooltip(unit: Unit) -> str:
    members = "、".join(unit.members)
    return f"{unit.id}\n{members}" if members else unit.id
