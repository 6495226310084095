"""Refusal reasons: a stable code, an English sentence for logs and tests, parameters for the UI.

The UI translates by code (Qt's translation files), filling the same named parameters, so these
sentences are the source texts and must stay meaningful to a dispatcher.
"""

from __future__ import annotations

from dispatch_desktop.domain.state import Refusal

TEMPLATES: dict[str, str] = {
    "unknown_unit": "Unit {unit} is not on the roster.",
    "unknown_incident": "Incident {incident} does not exist.",
    "incident_exists": "Incident {incident} already exists.",
    "incident_closed": "Incident {incident} is already {status}; it cannot be changed.",
    "unit_not_available": "Unit {unit} is {status}, not available: it cannot be dispatched.",
    "unit_already_assigned": "Unit {unit} is already assigned to incident {incident}.",
    "unit_not_assigned": "Unit {unit} is not assigned to incident {incident}.",
    "unit_not_dispatched": "Unit {unit} is {status}; there is no dispatch to acknowledge.",
    "unit_not_en_route": "Unit {unit} is {status}; it cannot arrive at incident {incident}.",
    "unit_not_on_scene": "Unit {unit} is {status}, not on scene at incident {incident}.",
    "status_needs_dispatch_flow": (
        "Unit {unit} cannot be set to {status} by hand: dispatched, en route and on scene follow "
        "from dispatch, acknowledgement and arrival."
    ),
    "unit_busy_on_incident": (
        "Unit {unit} is working incident {incident}: clear or recall it before changing its status."
    ),
    "illegal_unit_transition": "Unit {unit} cannot go from {from_status} to {to_status}.",
    "illegal_incident_transition": (
        "Incident {incident} cannot go from {from_status} to {to_status}."
    ),
    "units_still_assigned": "Incident {incident} still has units assigned ({units}): recall or clear them first.",
    "refer_needs_new": "Incident {incident} is {status}: only an undispatched incident can be referred.",
    "duplicate_of_unknown": "Incident {incident} is marked duplicate of {duplicate_of}, which does not exist.",
    "unknown_order": "Order {order} is not pending for unit {unit}.",
    "no_sos": "Unit {unit} has no emergency to acknowledge.",
    "call_exists": "Call {call} has already been offered.",
    "unknown_call": "Call {call} is not on the lines: it is over, or it never rang.",
    "call_taken": "Call {call} has already been answered at workstation {workstation}.",
    "call_not_yours": "Call {call} was not answered at this workstation.",
    "drill_running": "Drill {running} is running: end it before starting drill {drill}.",
    "drill_not_running": "Drill {drill} is not running, so it cannot be ended.",
    "drill_unit_unknown": "Unit {unit} cannot be enrolled in drill {drill}: it is not on the roster.",
    "drill_unit_not_available": (
        "Unit {unit} is {status}, not available: it cannot be enrolled in drill {drill}."
    ),
    "drill_unit_real": (
        "Simulated unit {unit} of drill {drill} has the id of a real unit: give the simulated unit another id."
    ),
}


SUMMARIES: dict[str, str] = {
    "refusals_suppressed": "{count} more refusals of {unit} within a minute were answered but not stored.",
}
"""Refusal records that stand for many refusals (the hub's ``refusals_suppressed``): shown with the
refusals, translated by code like them, but no rule refuses anything with these codes."""


def refusal(code: str, **params: object) -> Refusal:
    text = {key: str(value) for key, value in params.items()}
    return Refusal(code=code, message=TEMPLATES[code].format(**text), params=text)
