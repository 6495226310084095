"""What the dispatch panel shows about its incident above the unit list: the title line (id, priority,
type, status, a simulation badge), the details (address, place, caller, duplicate, description), the note
on a non-police incident, and the units on it with their last step. Its texts are the panel's."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.dispatch.panel_requests import type_department
from dispatch_desktop.ui.palette import INCIDENT_STATUS_COLOR, MODE_COLOR, PRIORITY_COLOR

translate = QCoreApplication.translate

_UNIT_STEPS = ("unit_dispatched", "dispatch_ack", "arrival", "clearance", "unit_recalled")


def title_html(incident: Incident | None) -> str:
    if incident is None:
        return translate("DispatchPanel", "No incident selected — F2 takes a new call")
    status_color = INCIDENT_STATUS_COLOR[incident.status]
    badge = translate("DispatchPanel", "SIMULATION")
    simulated = (f"<span style='background:{MODE_COLOR['simulation']};color:white'>&nbsp;"
                 f"{_escape(badge)}&nbsp;</span> &nbsp;" if incident.simulated else "")
    return (
        f"{simulated}<b>{incident.id}</b> &nbsp; "
        f"<span style='background:{PRIORITY_COLOR.get(incident.priority, '#999')};"
        f"color:white'>&nbsp;P{incident.priority}&nbsp;</span> &nbsp;"
        f"<b>{_escape(labels.incident_type_name(incident.incident_type))}</b> &nbsp;"
        f"<span style='color:{status_color}'>{_escape(labels.incident_status(incident.status))}</span>"
    )


def details_text(incident: Incident | None, city: City | None) -> str:
    if incident is None:
        return ""
    parts = [incident.address, _place_of(incident, city)]
    caller = " ".join(p for p in (incident.caller_name, incident.caller_number) if p)
    if caller:
        parts.append(translate("DispatchPanel", "caller %1").replace("%1", caller))
    if incident.duplicate_of:
        parts.append(translate("DispatchPanel", "duplicate of %1").replace("%1", incident.duplicate_of))
    text = " · ".join(p for p in parts if p)
    if incident.description:
        text += "\n" + incident.description
    return text


def department_note(incident: Incident | None) -> str:
    """For a non-police incident: where it belongs, or that it was transferred there; else ""."""
    if incident is None or incident.category is not Category.NON_POLICE:
        return ""
    department = labels.department_name(incident.department or type_department(incident.incident_type))
    if incident.status is IncidentStatus.REFERRED:
        return translate("DispatchPanel", "Transferred to %1.").replace("%1", department)
    return (translate("DispatchPanel", "Not police business: belongs to %1 — transfer with F7.")
            .replace("%1", department))


def fill_assigned(table: QTableWidget, incident: Incident | None, state: State) -> None:
    """The units on the incident, each with its last step and when; the current row stays where it was."""
    steps: dict[str, tuple[str, int]] = {}
    if incident is not None:
        for entry in incident.timeline:
            if entry.unit and entry.kind in _UNIT_STEPS:
                steps[entry.unit] = (entry.kind, entry.time)
    current = table.currentRow()
    table.setRowCount(len(steps))
    for row, (unit_id, (kind, time)) in enumerate(steps.items()):
        unit = state.units.get(unit_id)
        name = QTableWidgetItem(unit.name if unit is not None and unit.name else unit_id)
        name.setData(Qt.ItemDataRole.UserRole, unit_id)
        table.setItem(row, 0, name)
        table.setItem(row, 1, QTableWidgetItem(labels.unit_kind(unit.kind) if unit is not None else ""))
        table.setItem(row, 2, QTableWidgetItem(f"{texts.unit_step(kind)} {labels.clock_text(time)}"))
    if steps:
        table.setCurrentCell(min(max(current, 0), len(steps) - 1), 0)


def _place_of(incident: Incident, city: City | None) -> str:
    if city is None:
        return incident.station
    parts = []
    with contextlib.suppress(KeyError):
        district = city.district(incident.district)
        parts.append(labels.district_name(district.adcode, district.name))
    with contextlib.suppress(KeyError):
        parts.append(city.station(incident.station).short_name)
    return " ".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
