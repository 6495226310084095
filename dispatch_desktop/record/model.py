"""An incident's record read from the event log: its events, its units and their tracks.

``incident_record(store, incident_id)`` is what every export and the statistics start from. It needs
nothing but the store (no hub, no Qt), so the command line can export on a server.

How it reads, and what that costs on a big log (a Guangzhou day: 1,100 units reporting every 5 s, about
220 events a second, 19 M a day):

1. the newest state (``EventStore.state_at()``: the newest keyframe plus its tail, ~60 ms) gives the
   incident, its time marks and, from its timeline, every unit that was ever sent to it; the units'
   names and kinds come from the same state;
2. one pass of ``EventStore.read_time_range`` over the incident's life plus the margins, with
   ``positions_of`` = those units: the database leaves every other unit's position reports (nearly all of
   a busy span) out before anything is decoded, ~0.13 s for a typical 47-minute span on a Guangzhou-size
   hour (docs/RECORD.md, bench/record.py). It grows with the span's length, not the log's size: the span's
   ends are found by bisection over gseq.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import Incident, State, Unit
from dispatch_desktop.domain.timers import is_rapid_type
from dispatch_desktop.store.event_store import EventStore

DEFAULT_MARGIN_MS = 5 * 60_000
"""How long before a unit's dispatch and after its release its fixes are kept: where it came from and
where it went."""


EXPORT_SOURCE_PREFIX = "export@"
"""The source of the ``record_exported`` events a program records straight into the store,
``export@<host name>`` (``record.exported``): how the record finds the exports made after its span."""


class UnknownIncident(LookupError):
    """The log holds no incident with that id."""


class Fix(NamedTuple):
    """One position report of a unit; ``time_ms`` is the unit's own time of the fix (``t_src``)."""

    time_ms: int
    lat: float
    lon: float
    speed: float  # m/s, as the unit reported it


class RecordedEvent(NamedTuple):
    gseq: int
    event: ev.Envelope


class Assignment(msgspec.Struct, frozen=True):
    """One time a unit was sent to the incident: from its dispatch to its release (recall, clearance,
    closing or referral of the incident; 0 while still assigned), with its arrival if it arrived."""

    dispatched_ms: int
    arrived_ms: int = 0
    released_ms: int = 0


class UnitTrack(msgspec.Struct, frozen=True):
    """A unit sent to the incident and its fixes from ``margin`` before its first dispatch to
    ``margin`` after its last release, in time order."""

    unit: str
    name: str
    kind: str  # a UnitKind value; "" for a unit the state does not know
    station: str
    assignments: tuple[Assignment, ...]
    fixes: tuple[Fix, ...]


class IncidentRecord(msgspec.Struct, frozen=True):
    """Everything the exports and the statistics need about one incident."""

    incident: Incident  # as it stands at the end of the log
    events: tuple[RecordedEvent, ...]  # the incident's own events, in gseq order
    units: tuple[UnitTrack, ...]  # in the order they were first dispatched
    start_ms: int  # the span read from the log (the incident's life plus the margins)
    end_ms: int
    margin_ms: int
    rapid_response: bool  # the incident's type calls for the rapid-response targets
    log_end_ms: int  # the time of the newest event in the log: "now" for an incident still open


def incident_record(store: EventStore, incident_id: str, *, margin_ms: int = DEFAULT_MARGIN_MS,
                    mode: Mode = Mode.LIVE) -> IncidentRecord:
    """The record of ``incident_id``; raises ``UnknownIncident`` when the log has no such incident."""
    if margin_ms < 0:
        raise ValueError(f"the margin around the incident must be 0 or more milliseconds, not {margin_ms}")
    state = store.state_at(mode=mode)
    incident = state.incidents.get(incident_id)
    if incident is None:
        raise UnknownIncident(
            f"There is no incident {incident_id!r} in this event log ({len(state.incidents):,} incidents, up to "
            "its newest event): check the incident number as the queue or the incident detail shows it, and "
            "that this is the right database."
        )
    candidates = {entry.unit for entry in incident.timeline if entry.unit}
    marks = [t for t in (incident.call_time, incident.created_at) if t]
    first = min(marks + [entry.time for entry in incident.timeline], default=state.time)
    last = max([incident.closed_at, incident.cleared_at] + [entry.time for entry in incident.timeline])
    if incident.is_open:
        last = max(last, state.time)
    start, end = first - margin_ms, last + margin_ms + 1
    own, fixes = _read_span(store, incident, candidates, start, end)
    own = _with_later_exports(store, incident.id, own)
    assignments = _assignments(incident.id, own)
    tracks = tuple(_track(unit, state, spans, fixes.get(unit, []), margin_ms)
                   for unit, spans in assignments.items())
    return IncidentRecord(incident=incident, events=tuple(own), units=tracks, start_ms=start, end_ms=end,
                          margin_ms=margin_ms, rapid_response=is_rapid_type(incident.incident_type),
                          log_end_ms=state.time)


def _read_span(store: EventStore, incident: Incident, units: set[str], start: int,
               end: int) -> tuple[list[RecordedEvent], dict[str, list[Fix]]]:
    """The incident's events (gseq order) and the candidate units' fixes in ``[start, end)`` (hub time)."""
    own: list[RecordedEvent] = []
    fixes: dict[str, list[Fix]] = {unit: [] for unit in units}
    orders: set[str] = set()
    for gseq, event in store.read_time_range(start, end, positions_of=units):
        body = event.body
        if isinstance(body, ev.Position):
            track = fixes.get(event.source)
            if track is not None:
                track.append(Fix(event.t_src or event.t_hub, body.lat, body.lon, body.speed))
        elif _concerns(body, incident, orders):
            own.append(RecordedEvent(gseq, event))
            if isinstance(body, ev.UnitDispatched) and body.order:
                orders.add(body.order)  # so that the hub's delivery of that order belongs to the record
    own.sort(key=lambda item: item.gseq)  # read_time_range merges late events by hub time
    for track in fixes.values():
        track.sort()
    return own, fixes


def _with_later_exports(store: EventStore, incident_id: str, own: list[RecordedEvent]) -> list[RecordedEvent]:
    """``own`` and the incident's exports recorded directly (sources ``export@…``), which usually come
    after the span read by time: so a later export lists the earlier ones. Read by (source, seq), a few
    indexed look-ups, exports being rare; an export a desk sent through the hub after the span is not
    found this way (the store has no index by kind for it)."""
    seen = {item.gseq for item in own}
    later = []
    for source, high in store.high_waters().items():
        if not source.startswith(EXPORT_SOURCE_PREFIX):
            continue
        for seq in range(1, high + 1):
            stored = store.get(source, seq)
            if stored is not None and stored[0] not in seen and isinstance(stored[1].body, ev.RecordExported) \
                    and stored[1].body.incident == incident_id:
                later.append(RecordedEvent(*stored))
    return sorted(own + later, key=lambda item: item.gseq) if later else own


def _concerns(body: ev.AnyBody, incident: Incident, orders: set[str]) -> bool:
    if isinstance(body, ev.CallOffered | ev.CallAnswered | ev.CallEnded | ev.CallClosed):
        return bool(incident.call) and body.call == incident.call
    if isinstance(body, ev.Refused):
        return body.target == incident.id
    if isinstance(body, ev.OrderDelivered):
        return body.order in orders
    return getattr(body, "incident", None) == incident.id


def _assignments(incident_id: str, own: Iterable[RecordedEvent]) -> dict[str, list[Assignment]]:
    """Per unit, in order of first dispatch: each dispatch to the incident until the unit's release."""
    spans: dict[str, list[Assignment]] = {}
    for _gseq, event in own:
        body, t = event.body, event.time
        if isinstance(body, ev.UnitDispatched):
            spans.setdefault(body.unit, []).append(Assignment(dispatched_ms=t))
        elif isinstance(body, ev.Arrival):
            _update_open(spans, event.source, t, arrived=True)
        elif isinstance(body, ev.UnitRecalled):
            _update_open(spans, body.unit, t, arrived=False)
        elif isinstance(body, ev.Clearance | ev.IncidentClosed | ev.IncidentReferred):
            for unit in spans:  # the incident ends for every unit still on it
                _update_open(spans, unit, t, arrived=False)
    return spans


def _update_open(spans: dict[str, list[Assignment]], unit: str, t: int, *, arrived: bool) -> None:
    """Marks the unit's open assignment arrived, or releases it."""
    current = spans.get(unit)
    if not current or current[-1].released_ms:
        return
    if arrived:
        if not current[-1].arrived_ms:
            current[-1] = msgspec.structs.replace(current[-1], arrived_ms=t)
    else:
        current[-1] = msgspec.structs.replace(current[-1], released_ms=t)


def _track(unit_id: str, state: State, spans: list[Assignment], fixes: list[Fix], margin_ms: int) -> UnitTrack:
    unit: Unit | None = state.units.get(unit_id)
    first = spans[0].dispatched_ms - margin_ms
    released = spans[-1].released_ms
    last = (released or state.time) + margin_ms
    kept = tuple(fix for fix in fixes if first <= fix.time_ms <= last)
    if unit is None:
        return UnitTrack(unit_id, unit_id, "", "", tuple(spans), kept)
    return UnitTrack(unit_id, unit.name or unit_id, unit.kind.value, unit.station, tuple(spans), kept)
