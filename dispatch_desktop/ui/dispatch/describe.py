"""A command in a sentence a dispatcher reads at a glance ("Dispatch 荔湾巡01组 to J…"), for the
outbox and the messages about what was queued, sent again or refused."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.state import State
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts

translate = QCoreApplication.translate


def unit_name(state: State, unit_id: str) -> str:
    """A unit as people call it: its call sign (荔湾巡01组), else its id."""
    unit = state.units.get(unit_id)
    return unit.name if unit is not None and unit.name else unit_id


def describe(body: ev.Body, state: State) -> str:
    match body:
        case ev.IncidentCreated():
            return translate("Command", "Create {incident}: {type}, {address}").format(
                incident=body.incident, type=labels.incident_type_name(body.incident_type), address=body.address
            )
        case ev.UnitDispatched():
            return translate("Command", "Dispatch {unit} to {incident}").format(
                unit=unit_name(state, body.unit), incident=body.incident
            )
        case ev.UnitRecalled():
            return translate("Command", "Recall {unit} from {incident}").format(
                unit=unit_name(state, body.unit), incident=body.incident
            )
        case ev.IncidentReferred():
            return translate("Command", "Transfer {incident} to {department}").format(
                incident=body.incident, department=labels.department_name(body.department)
            )
        case ev.IncidentClosed():
            return translate("Command", "Close {incident}: {disposition}").format(
                incident=body.incident, disposition=texts.disposition(body.disposition)
            )
        case ev.IncidentNote():
            return translate("Command", "Note on {incident}").format(incident=body.incident)
        case ev.IncidentReclassified():
            return translate("Command", "Reclassify {incident} as {type}").format(
                incident=body.incident, type=labels.incident_type_name(body.incident_type)
            )
        case ev.UnitStatusSet():
            return translate("Command", "Set {unit} to {status}").format(
                unit=unit_name(state, body.unit), status=labels.unit_status(body.status)
            )
        case ev.SosAcknowledged():
            return translate("Command", "Acknowledge the SOS of {unit}").format(unit=unit_name(state, body.unit))
        case ev.CallAnswered():
            return translate("Command", "Answer call {call}").format(call=_call_text(state, body.call))
        case ev.CallClosed():
            return translate("Command", "Finish call {call} without an incident").format(
                call=_call_text(state, body.call)
            )
    return labels.timeline_kind(body.kind)


def _call_text(state: State, call_id: str) -> str:
    call = state.calls.get(call_id)
    return call.number if call is not None and call.number else call_id
