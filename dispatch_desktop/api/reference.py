"""What every desk shares, readable without a desk: the taxonomy's incident types, the default city, and the
response targets the desk's timers and overdue alerts hold incidents to.

A plugin's command line tool (``[[commands]]``), which has no desk and so no ``DeskContext.city``, checks
its files against these: station, district and place ids are the same in every desk's city.
"""

from __future__ import annotations

from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.state import Incident
from dispatch_desktop.domain.taxonomy import INCIDENT_TYPES, IncidentType
from dispatch_desktop.domain.timers import Targets, is_rapid_type, targets_for


def default_city() -> City:
    """The city a desk generates by default: deterministic, its districts (with boundaries), police
    stations and well-known places the same on every desk. About a second the first time in a process,
    then remembered."""
    return generate_city()


def response_targets(incident: Incident) -> Targets:
    """The seconds ``incident`` has from the call to dispatch (``dispatch_s``), from dispatch to arrival
    (``arrival_s``) and from arrival to clearance (``clear_s``): by its priority, or the rapid-response
    team's minute-level targets for terror and extreme violence (the taxonomy's ``rapid_response``) — the
    targets the desk's own timers and overdue alerts use."""
    return targets_for(incident.priority, rapid_response=is_rapid_type(incident.incident_type))


__all__ = ["INCIDENT_TYPES", "IncidentType", "Targets", "default_city", "response_targets"]
