"""What every desk shares, readable without a desk: the taxonomy's incident types and the default city.

A plugin's command line tool (``[[commands]]``), which has no desk and so no ``DeskContext.city``, checks
its files against these: station, district and place ids are the same in every desk's city.
"""

from __future__ import annotations

from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.taxonomy import INCIDENT_TYPES, IncidentType


def default_city() -> City:
    """The city a desk generates by default: deterministic, its districts (with boundaries), police
    stations and well-known places the same on every desk. About a second the first time in a process,
    then remembered."""
    return generate_city()


__all__ = ["INCIDENT_TYPES", "IncidentType", "default_city"]
