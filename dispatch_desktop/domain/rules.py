"""The status machines, as data: which changes a person or a handset may make directly.

Dispatch-flow statuses are not in these tables because they only follow from events:
AVAILABLE -dispatch-> DISPATCHED -ack-> EN_ROUTE -arrival-> ON_SCENE -clearance-> AVAILABLE, with a
recall returning the unit to AVAILABLE from any of them. Incidents go
NEW -dispatch-> DISPATCHED -arrival-> ON_SCENE -clearance-> CLEARED -close-> CLOSED, NEW -refer-> REFERRED,
and a recall of the last unit sends an uncleared incident back to NEW.
"""

from __future__ import annotations

from dispatch_desktop.domain.enums import IncidentStatus, UnitStatus

MANUAL_UNIT_TRANSITIONS: dict[UnitStatus, frozenset[UnitStatus]] = {
    UnitStatus.OFF_DUTY: frozenset({UnitStatus.AVAILABLE}),
    UnitStatus.AVAILABLE: frozenset({UnitStatus.UNAVAILABLE, UnitStatus.OFF_DUTY}),
    UnitStatus.UNAVAILABLE: frozenset({UnitStatus.AVAILABLE, UnitStatus.OFF_DUTY}),
}

TERMINAL_INCIDENT_STATUSES = frozenset({IncidentStatus.CLOSED, IncidentStatus.REFERRED})
