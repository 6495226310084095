"""The incident queue's table (警情队列): one row per incident, the most urgent sorting first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor

from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.state import Incident
from dispatch_desktop.ui import labels
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
                Column(ID, lambda i: i.id),
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
                Column(ELAPSED, lambda i: labels.duration_text(self.elapsed_ms(i)), sort=self.elapsed_ms,
                       align=right),
                Column(UNITS, lambda i: ", ".join(i.units), sort=lambda i: len(i.units)),
            ],
            parent,
            quiet_columns=[ELAPSED],  # it runs with the clock, the record stays the same
        )
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


def _type_tooltip(incident: Incident) -> str:
    parts = [labels.category(incident.category)]
    if incident.category is Category.NON_POLICE and incident.department:
        parts.append(labels.department_name(incident.department))
    if taxonomy.is_known(incident.incident_type) and taxonomy.incident_type(incident.incident_type).rapid_response:
        parts.append(labels.unit_kind("rapid"))
    return " · ".join(parts)
