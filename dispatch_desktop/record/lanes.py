"""What the replay timeline draws for incidents' records: one lane per incident and per unit sent to it,
their status bars over time and a tick for every event of the record.

Qt-free plain data, so that the timeline widget only draws and the tests can read the lanes without a
screen. Every time is the hub's time of the event (``Envelope.time``), the clock ``state_at(time_ms=…)``
folds by: a tick clicked on the timeline seeks to a state that already holds its event.

The incident's bars follow its status as the projection changes it (``domain.projection``), replayed from
the record's events rather than read from the marks on ``Incident``: a recall of its last unit sends an
incident back to waiting for dispatch, which ``dispatched_at`` (the first dispatch only) cannot tell.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentStatus, UnitStatus
from dispatch_desktop.record.model import IncidentRecord, RecordedEvent, UnitTrack
from dispatch_desktop.record.summary import unit_of

CALL_STATUS = "call"
"""An incident lane's status before the incident is entered: its 110 call ringing and being taken."""


class LaneKind(enum.StrEnum):
    INCIDENT = "incident"
    UNIT = "unit"


class TickCategory(enum.StrEnum):
    """What an event is, for its marker's colour and shape on the timeline."""

    CALL = "call"  # the 110 call: offered, answered, ended, closed
    INCIDENT = "incident"  # entered or reclassified
    DISPATCH = "dispatch"  # a unit sent, its order delivered to the handset
    ACKNOWLEDGED = "acknowledged"
    ARRIVAL = "arrival"
    FIELD = "field"  # a field record from the handset
    NOTE = "note"
    RECALL = "recall"
    REFERRAL = "referral"
    CLEARANCE = "clearance"
    CLOSED = "closed"
    PLUGIN = "plugin"  # a plugin's own fact, e.g. an emergency plan's step
    EXPORT = "export"  # the record handed on (its file's hash)
    REFUSED = "refused"
    OTHER = "other"


_CATEGORY_OF_KIND: dict[str, TickCategory] = {
    "call_offered": TickCategory.CALL,
    "call_answered": TickCategory.CALL,
    "call_ended": TickCategory.CALL,
    "call_closed": TickCategory.CALL,
    "incident_created": TickCategory.INCIDENT,
    "incident_reclassified": TickCategory.INCIDENT,
    "unit_dispatched": TickCategory.DISPATCH,
    "order_delivered": TickCategory.DISPATCH,
    "dispatch_ack": TickCategory.ACKNOWLEDGED,
    "arrival": TickCategory.ARRIVAL,
    "field_record": TickCategory.FIELD,
    "incident_note": TickCategory.NOTE,
    "unit_recalled": TickCategory.RECALL,
    "incident_referred": TickCategory.REFERRAL,
    "clearance": TickCategory.CLEARANCE,
    "incident_closed": TickCategory.CLOSED,
    "plugin_event": TickCategory.PLUGIN,
    "record_exported": TickCategory.EXPORT,
    "refused": TickCategory.REFUSED,
}


class Bar(NamedTuple):
    """``status`` from ``start_ms`` to ``end_ms``: an ``IncidentStatus`` value (or ``CALL_STATUS``) on an
    incident's lane, a ``UnitStatus`` value on a unit's."""

    start_ms: int
    end_ms: int
    status: str


class Tick(NamedTuple):
    """One event of a record on its lane."""

    time_ms: int  # the hub's time of the event
    gseq: int  # identifies the event in the log
    kind: str  # the event kind as stored
    category: TickCategory
    label: str  # short English words: the kind and the unit's name, or the plugin and its event
    unit_name: str  # the unit it concerns, by call sign; "" for none
    detail: str  # "<plugin>: <event name>" for a plugin's event, the format of an export, else ""


class Lane(NamedTuple):
    key: str  # the incident id, or "<incident id>/<unit id>"
    kind: LaneKind
    incident: str
    unit: str  # "" on an incident's lane
    title: str  # the incident id, or the unit's call sign
    detail: str  # the incident's type code (as it stands at the end of the log), or the unit's kind
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]


def lanes_of(records: Sequence[IncidentRecord]) -> list[Lane]:
    """For each record (an incident met twice is drawn once): its incident's lane, then one lane per unit
    sent to it in the order they were first dispatched."""
    lanes: list[Lane] = []
    seen: set[str] = set()
    for record in records:
        incident = record.incident
        if incident.id in seen:
            continue
        seen.add(incident.id)
        names = {track.unit: track.name for track in record.units}
        ticks: dict[str, list[Tick]] = {incident.id: []}
        ticks.update({track.unit: [] for track in record.units})
        for item in record.events:
            unit = unit_of(item.event)
            ticks[unit if unit in names else incident.id].append(_tick(item, names.get(unit, "")))
        lanes.append(Lane(incident.id, LaneKind.INCIDENT, incident.id, "", incident.id, incident.incident_type,
                          tuple(_incident_bars(record)), tuple(ticks[incident.id])))
        lanes.extend(Lane(f"{incident.id}/{track.unit}", LaneKind.UNIT, incident.id, track.unit, track.name,
                          track.kind, tuple(_unit_bars(track, record.log_end_ms)), tuple(ticks[track.unit]))
                     for track in record.units)
    return lanes


def _tick(item: RecordedEvent, unit_name: str) -> Tick:
    event = item.event
    body = event.body
    words = event.kind.replace("_", " ")
    if isinstance(body, ev.PluginEvent):
        detail = f"{body.plugin}: {body.name}"
        label = detail
    elif isinstance(body, ev.RecordExported):
        detail = str(body.format)
        label = f"{words} {detail}"
    else:
        detail = ""
        label = f"{words} {unit_name}".strip()
    return Tick(event.time, item.gseq, event.kind, _CATEGORY_OF_KIND.get(event.kind, TickCategory.OTHER), label,
                unit_name, detail)


def _status_changes(record: IncidentRecord) -> Iterable[tuple[int, str]]:
    """(time, status) each time an event changes the incident's status, in log order; the rules of
    ``domain.projection`` for the status alone (a refused command is stored as ``refused`` and changes
    nothing here either)."""
    incident_id = record.incident.id
    status = ""
    assigned: set[str] = set()
    for _gseq, event in record.events:
        body, t = event.body, event.time
        new = status
        if isinstance(body, ev.CallOffered) and not status:
            new = CALL_STATUS
        elif isinstance(body, ev.IncidentCreated) and body.incident == incident_id:
            new = IncidentStatus.NEW
        elif isinstance(body, ev.UnitDispatched):
            assigned.add(body.unit)
            new = status if status == IncidentStatus.ON_SCENE else IncidentStatus.DISPATCHED
        elif isinstance(body, ev.Arrival):
            new = IncidentStatus.ON_SCENE
        elif isinstance(body, ev.UnitRecalled):
            assigned.discard(body.unit)
            new = status if assigned else IncidentStatus.NEW
        elif isinstance(body, ev.Clearance):
            assigned.clear()
            new = IncidentStatus.CLEARED
        elif isinstance(body, ev.IncidentReferred):
            new = IncidentStatus.REFERRED
        elif isinstance(body, ev.IncidentClosed):
            new = IncidentStatus.CLOSED
        if new != status:
            status = new
            yield t, status


def _incident_bars(record: IncidentRecord) -> list[Bar]:
    """Consecutive, non-overlapping bars; the last runs to the end of the span read for a closed (or
    referred) incident, so that its end shows, and to the end of the log for one still open."""
    changes = list(_status_changes(record))
    final_end = record.end_ms if not record.incident.is_open else record.log_end_ms
    bars: list[Bar] = []
    for (start, status), (end, _next) in zip(changes, [*changes[1:], (final_end, "")], strict=True):
        start = max(start, bars[-1].end_ms) if bars else start  # a late-stamped event never overlaps
        if end > start:
            bars.append(Bar(start, end, status))
    return bars


def _unit_bars(track: UnitTrack, log_end_ms: int) -> list[Bar]:
    """Per assignment: en route from its dispatch to its arrival (or its release if it never arrived), on
    scene from the arrival to the release; an assignment still open runs to the end of the log."""
    bars: list[Bar] = []
    for assignment in track.assignments:
        released = assignment.released_ms or log_end_ms
        arrived = assignment.arrived_ms or released
        if arrived > assignment.dispatched_ms:
            bars.append(Bar(assignment.dispatched_ms, arrived, UnitStatus.EN_ROUTE))
        if assignment.arrived_ms and released > arrived:
            bars.append(Bar(arrived, released, UnitStatus.ON_SCENE))
    return bars
