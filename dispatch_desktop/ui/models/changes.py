"""Which units and incidents a batch of events may have touched.

Cheap and over-inclusive on purpose: it runs on the bus thread for every event, and the city model
drops candidates whose record did not actually change (identity check against the state it shows).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dispatch_desktop.domain.events import UNIT_REPORT_KINDS, Envelope, Position

Published = tuple[int, Envelope]


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


def scan(events: Sequence[Published]) -> tuple[set[str], set[str], list[Published]]:
    """``touched_ids`` of a batch as the bus applied it, and its *notable* events: all but the position
    reports, which are nearly all of a batch and which few listeners want, so that the GUI thread can
    hand the others on without walking the whole batch again. Position reports take the quick path."""
    units: set[str] = set()
    notable: list[Published] = []
    for item in events:
        if type(item[1].body) is Position:
            units.add(item[1].source)
        else:
            notable.append(item)
    more_units, incidents = touched_ids(event for _gseq, event in notable)
    return units | more_units, incidents, notable
