"""The incident queue's table (警情队列): one row per incident, the most urgent sorting first.

The elapsed time comes right after the number so that it shows without scrolling on a small screen;
a row with an overdue timer turns red (``set_overdue``, fed by the desk's overdue check); an incident
raised by a simulated city says so in its number column.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.state import Incident
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.keyed_table import Column, KeyedTableModel
from dispatch_desktop.ui.palette import INCIDENT_STATUS_COLOR, PRIORITY_COLOR, tint

ID = QT_TRANSLATE_NOOP("IncidentQueue", "No.")
PRIORITY = QT_TRANSLATE_NOOP("IncidentQueue", "Priority")
TYPE = QT_TRANSLATE_NOOP("IncidentQueue", "Type")
STATUS = QT_TRANSLATE_NOOP("IncidentQueue", "Status")
ADDRESS = QT_TRANSLATE_NOOP("IncidentQueue", "Address")
STATION = QT_TRANSLATE_NOOP("IncidentQueue", "Station")
CALL_TIME = QT_TRANSLATE_NOOP("IncidentQueue", "Call time")
ELAPSED = QT_TRANSLATE_NOOP("IncidentQueue", "Elapsed")
UNITS = QT_TRANSLATE_NOOP("IncidentQueue", "Units")
SIMULATED = QT_TRANSLATE_NOOP("IncidentQueue", "SIM")
DRILL = QT_TRANSLATE_NOOP("IncidentQueue", "DRILL")
SIMULATED_TIP = QT_TRANSLATE_NOOP("IncidentQueue", "Raised by the simulated city: not a real emergency")
OVERDUE_COLOR = "#ef9a9a"

_STATUS_ORDER = {status: rank for rank, status in enumerate(IncidentStatus)}
_EPOCH_SPAN = 10**13  # larger than any epoch-ms time we will see: packs (priority, time) into one number


class IncidentTableModel(KeyedTableModel):
    context = "IncidentQueue"

    def __init__(self, city_model: CityModel, city: City | None = None, parent: QObject | None = None) -> None:
        self._city_model = city_model
        self._station_names = {s.id: s.short_name for s in city.stations} if city is not None else {}
        right = Qt.AlignmentFlag.AlignRight
        super().__init__(
            [
                Column(ID, self._number_text, sort=lambda i: i.id, tooltip=_number_tooltip),
                Column(ELAPSED, self._elapsed_text, sort=self.elapsed_ms, align=right),
                Column(PRIORITY, lambda i: labels.priority(i.priority),
                       sort=lambda i: i.priority * _EPOCH_SPAN + i.call_time,
                       background=lambda i: tint(PRIORITY_COLOR.get(i.priority, "#9e9e9e"), 110)),
                Column(TYPE, lambda i: labels.incident_type_name(i.incident_type), tooltip=_type_tooltip),
                Column(STATUS, lambda i: labels.incident_status(i.status),
                       sort=lambda i: _STATUS_ORDER[i.status],
                       foreground=lambda i: QColor(INCIDENT_STATUS_COLOR[i.status])),
                Column(ADDRESS, lambda i: i.address, tooltip=lambda i: i.description or i.address),
                Column(STATION, lambda i: self._station_names.get(i.station, i.station)),
                Column(CALL_TIME, lambda i: labels.clock_text(i.call_time), sort=lambda i: i.call_time,
                       align=right),
                Column(UNITS, self._unit_names, sort=lambda i: len(i.units)),
            ],
            parent,
            quiet_columns=[ELAPSED],  # it runs with the clock, the record stays the same
        )
        self._overdue: frozenset[str] = frozenset()
        self._elapsed_column = self.column_titled(ELAPSED)
        city_model.incidentsChanged.connect(self.sync)
        city_model.clockTicked.connect(self._on_tick)
        if city_model.has_state:
            self.reset(city_model.state.incidents.keys())

    def record(self, key: str) -> Incident | None:
        return self._city_model.state.incidents.get(key)

    def elapsed_ms(self, incident: Incident) -> int:
        """Time since the call: running while the incident is being worked, frozen once it is done."""
        start = incident.call_time or incident.created_at
        end = incident.cleared_at or incident.closed_at
        return (end if end else self._city_model.now_ms()) - start

    def _on_tick(self, _now: int) -> None:
        self.refresh_column(self._elapsed_column)

    def set_overdue(self, incident_ids: Iterable[str]) -> None:
        """Incidents with a running timer past its target: their rows turn red."""
        overdue = frozenset(incident_ids)
        changed = overdue ^ self._overdue
        self._overdue = overdue
        self.refresh_rows(changed)

    def is_overdue(self, incident_id: str) -> bool:
        return incident_id in self._overdue

    def _elapsed_text(self, incident: Incident) -> str:
        # A mark as well as the red row: a selected row is drawn in the selection's colours.
        elapsed = labels.duration_text(self.elapsed_ms(incident))
        return f"⚠ {elapsed}" if incident.id in self._overdue else elapsed

    def row_background(self, key: str, record: Incident) -> QColor | None:
        return QColor(OVERDUE_COLOR) if key in self._overdue else None

    def _number_text(self, incident: Incident) -> str:
        if incident.drill:  # entered in a drill, from its call or walked in (the drill view shows live ones too)
            return f"{QCoreApplication.translate('IncidentQueue', DRILL)} · {incident.id}"
        if incident.simulated:
            return f"{QCoreApplication.translate('IncidentQueue', SIMULATED)} · {incident.id}"
        return incident.id

    def _unit_names(self, incident: Incident) -> str:
        units = self._city_model.state.units
        return ", ".join(units[u].name if u in units and units[u].name else u for u in incident.units)




def _number_tooltip(incident: Incident) -> str:
    return QCoreApplication.translate("IncidentQueue", SIMULATED_TIP) if incident.simulated else incident.id


def _type_tooltip(incident: Incident) -> str:
    parts = [labels.category(incident.category)]
    if incident.category is Category.NON_POLICE and incident.department:
        parts.append(labels.department_name(incident.department))
    if taxonomy.is_known(incident.incident_type) and taxonomy.incident_type(incident.incident_type).rapid_response:
        parts.append(labels.unit_kind("rapid"))
    return " · ".join(parts)
