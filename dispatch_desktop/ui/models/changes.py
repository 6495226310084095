"""Which units and incidents a batch of events may have touched.

Cheap and over-inclusive on purpose: it runs on the bus thread for every event, and the city model
drops candidates whose record did not actually change (identity check against the state it shows).
"""

from __future__ import annotations

from collections.abc import Iterable

from dispatch_desktop.domain.events import UNIT_REPORT_KINDS, Envelope


def touched_ids(events: Iterable[Envelope]) -> tuple[set[str], set[str]]:
    """(unit ids, incident ids) named by the events."""
    units: set[str] = set()
    incidents: set[str] = set()
    for event in events:
        body = event.body
        if event.kind in UNIT_REPORT_KINDS:
            units.add(event.source)
        unit = getattr(body, "unit", "")
        if unit:
            units.add(unit)
        incident = getattr(body, "incident", "")
        if incident:
            incidents.add(incident)
        target = getattr(body, "target", "")  # a refusal notes its target's timeline
        if target:
            units.add(target)
            incidents.add(target)
    return units, incidents
