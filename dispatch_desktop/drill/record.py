"""A drill read back from the event log alone (no hub, no Qt): what the drill report shows.

``drill_record(store, drill_id)`` finds the drill's ``drill_started`` and ``drill_ended`` (live-mode events,
PROTOCOL.md 9.8), takes every drill-mode event stored between them as the drill's, matches each inject of the
scenario with what it became in the log (a call inject with the drill's ``call_offered`` and the
``incident_created`` naming that call), builds each drill incident's record as it stood at the drill's end
(the drill's own state, ``state_at(mode=DRILL, drill_start=…)``) and scores the scenario's expectations in
drill time, on the drill's clock as the log recorded its pauses and warps (``drill_clock``): as the runner scored.

How a drill is found: ``record.drills.find_drill`` (the replay window opens a drill's span with it too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode, UnitStatus
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.domain.timers import is_rapid_type
from dispatch_desktop.drill.clock import DrillClock
from dispatch_desktop.drill.loading import load_file, shipped_files
from dispatch_desktop.drill.scenario import Inject, Scenario
from dispatch_desktop.drill.scoring import DrillScore, score_on_clock
from dispatch_desktop.record.drills import DrillMarks, UnknownDrill, drills_in, find_drill, last_time
from dispatch_desktop.record.model import Fix, IncidentRecord, RecordedEvent, _assignments, _concerns, _track
from dispatch_desktop.store.event_store import EventStore


class InjectMark(NamedTuple):
    """One inject as planned and as it happened."""

    inject: str  # the scenario's inject id (without a scenario: the drill call's id)
    kind: str  # scenario.INJECT_KINDS
    planned_ms: int | None  # drill time after the start, as the scenario plans it (None: unknown)
    at_ms: int  # wall time (epoch ms) of the event that shows it came; 0: none in the log
    incident: str  # the incident a call became ("" for other kinds, or a call nobody entered)
    observable: bool  # False for kinds the log has no event of (a radio silence)


@dataclass(frozen=True)
class DrillRecord:
    marks: DrillMarks
    scenario: Scenario | None
    unscored: str  # why there is no score: a sentence ("" when scored)
    events: tuple[RecordedEvent, ...]  # the drill's own events (mode drill), gseq order
    injects: tuple[InjectMark, ...]
    incidents: tuple[IncidentRecord, ...]  # each as it stood at the drill's end, in order of creation
    score: DrillScore | None  # on drill time: its times are the start plus drill time (``drill_ms``)
    end_ms: int  # drill_ended's time, else the newest event's
    clock: DrillClock  # the drill's clock as the log recorded it (its pauses and warps)

    def drill_ms(self, wall_ms: int) -> int:
        """The drill time (ms since the start, pauses left out, warps counted) at the hub time ``wall_ms``."""
        return self.clock.drill_at(wall_ms)

    @property
    def drill_id(self) -> str:
        return self.marks.drill

    @property
    def started(self) -> ev.DrillStarted:
        return self.marks.body

    @property
    def start_ms(self) -> int:
        return self.marks.started.event.time

    @property
    def ended(self) -> ev.DrillEnded | None:
        body = self.marks.ended.event.body if self.marks.ended is not None else None
        return body if isinstance(body, ev.DrillEnded) else None


def drill_record(store: EventStore, drill_id: str, *, scenario_file: Path | None = None) -> DrillRecord:
    """The drill ``drill_id`` as the log holds it, scored against its scenario: ``scenario_file`` if given,
    else the shipped scenario with the drill's id. Raises ``UnknownDrill``."""
    marks = find_drill(store, drill_id)
    started = marks.body
    start_gseq = marks.started.gseq
    end_gseq = marks.ended.gseq if marks.ended is not None else store.last_gseq() + 1
    end_ms = marks.ended.event.time if marks.ended is not None else last_time(store)
    units = set(started.enrolled) | set(started.simulated)
    events, fixes = read_drill(store, marks.started.event.time, end_ms, start_gseq, end_gseq, units)
    state = store.state_at(end_gseq - 1, mode=Mode.DRILL, drill_start=start_gseq)
    scenario, unscored = scenario_for(started, scenario_file)
    injects = inject_marks(scenario, events)
    clock = DrillClock.from_events(marks.started.event.time, (event for _gseq, event in events))
    drill_score = None
    if scenario is not None:
        kinds = {unit.id: unit.kind for unit in state.units.values() if unit.id in units}
        # The runner's reckoning (``score_on_clock``): the report scores a paused or warped drill as the runner did.
        injected = {mark.inject: (mark.incident, clock.drill_at(mark.at_ms)) for mark in injects if mark.at_ms}
        drill_score = score_on_clock(scenario, clock, injected, events, clock.drill_at(end_ms), unit_kinds=kinds)
    created = [event.body.incident for _gseq, event in events if isinstance(event.body, ev.IncidentCreated)]
    incidents = tuple(_incident_record(state.incidents[incident], state, events, fixes, end_ms)
                      for incident in dict.fromkeys(created) if incident in state.incidents)
    return DrillRecord(marks, scenario, unscored, tuple(events), injects, incidents, drill_score, end_ms, clock)



def read_drill(store: EventStore, start_ms: int, end_ms: int, start_gseq: int, end_gseq: int,
                units: set[str]) -> tuple[list[RecordedEvent], dict[str, list[Fix]]]:
    """The drill's events (mode drill, between its opening and its closing) and its units' fixes (a real unit
    enrolled reports its real positions in live mode: they count too)."""
    events: list[RecordedEvent] = []
    fixes: dict[str, list[Fix]] = {unit: [] for unit in units}
    for gseq, event in store.read_time_range(start_ms, end_ms + 1, positions_of=units):
        if not start_gseq < gseq < end_gseq:
            continue
        if isinstance(event.body, ev.Position):
            if event.source in fixes:
                fixes[event.source].append(Fix(event.t_src or event.t_hub, event.body.lat, event.body.lon,
                                               event.body.speed))
        elif event.mode is Mode.DRILL:
            events.append(RecordedEvent(gseq, event))
    events.sort(key=lambda item: item.gseq)
    for track in fixes.values():
        track.sort()
    return events, fixes


def scenario_for(started: ev.DrillStarted, given: Path | None) -> tuple[Scenario | None, str]:
    """The scenario the drill ran (``given``, else the shipped one with its id), or None and why not."""
    wanted = f"{started.scenario} version {started.version}"
    paths = [given] if given is not None else shipped_files()
    for path in paths:
        scenario, problems = load_file(path, None)
        if scenario is None:
            if given is not None:
                first = problems[0] if problems else f"{path}: cannot be read"
                return None, f"The scenario file cannot be used ({first}); the drill is reported without a score."
            continue
        if scenario.id != started.scenario:
            if given is not None:
                return None, (f"{path} is the scenario {scenario.id}, but the drill ran {wanted}; the drill is "
                              "reported without a score: give the drill's own scenario file with --scenario.")
            continue
        if scenario.version != started.version:
            return None, (f"{path} is version {scenario.version} of {scenario.id}, but the drill ran version "
                          f"{started.version}: scoring against another version would mislead, so the drill is "
                          "reported without a score. Give that version's file with --scenario.")
        return scenario, ""
    return None, (f"The scenario {wanted} is no longer among the shipped scenarios, so the drill is reported "
                  "without a score: give its file with --scenario FILE to score it.")


def inject_marks(scenario: Scenario | None, events: Sequence[RecordedEvent]) -> tuple[InjectMark, ...]:
    """What each inject became. A call inject is the drill's ``call_offered`` whose call id ends with the
    inject's id (``…:first_call``) or, failing that, which rings from the inject's number; the incident is the
    one whose ``incident_created`` names that call. An SOS, a field record and a unit reporting itself
    unavailable are the first such drill event of their unit; a camera going dark is the drill's first
    ``camera_status`` darkening that camera (for ``near``: any camera, in the order they came); a radio silence
    leaves no event. Without the scenario, the drill's calls are listed as they came."""
    incidents = {event.body.call: event.body.incident for _gseq, event in events
                 if isinstance(event.body, ev.IncidentCreated) and event.body.call}
    used: set[int] = set()
    if scenario is None:
        return tuple(InjectMark(event.body.call, "call", None, event.time, incidents.get(event.body.call, ""), True)
                     for _gseq, event in events if isinstance(event.body, ev.CallOffered))
    planned = scenario.planned_offsets()
    ordered = sorted(scenario.injects, key=lambda inject: (planned.get(inject.id, 0), inject.id))
    marks = []
    for inject in ordered:
        (kind,) = inject.kinds[:1] or ("",)
        candidates = list(_candidates(inject, events))
        chosen = next(((gseq, event) for gseq, event in candidates if gseq not in used), None)
        observable = not (inject.unit_failure is not None and inject.unit_failure.kind.value == "radio_silence")
        if chosen is None:
            marks.append(InjectMark(inject.id, kind, planned.get(inject.id), 0, "", observable))
            continue
        used.add(chosen[0])
        body = chosen[1].body
        incident = incidents.get(body.call, "") if isinstance(body, ev.CallOffered) else ""
        marks.append(InjectMark(inject.id, kind, planned.get(inject.id), chosen[1].time, incident, observable))
    return tuple(sorted(marks, key=lambda mark: (mark.planned_ms or 0, mark.inject)))


def _candidates(inject: Inject, events: Iterable[RecordedEvent]) -> Iterable[RecordedEvent]:
    """The drill events that may be this inject's, the best first."""
    if inject.call is not None:
        calls = [(item, item.event.body) for item in events if isinstance(item.event.body, ev.CallOffered)]
        number = _digits(inject.call.number)
        yield from (item for item, call in calls if re.search(rf"(^|[^a-z0-9_]){inject.id}$", call.call))
        yield from (item for item, call in calls if _digits(call.number) == number)
        return
    yield from (item for item in events if _shows(inject, item.event))


def _shows(inject: Inject, event: ev.Envelope) -> bool:
    """Is ``event`` what the non-call ``inject`` makes happen: its unit's SOS, field record or unavailability?"""
    body, source = event.body, event.source
    if inject.sos is not None:
        return isinstance(body, ev.Sos) and source == inject.sos.unit
    if inject.field_record is not None:
        return isinstance(body, ev.FieldRecord) and source == inject.field_record.unit \
            and body.record == inject.field_record.record
    if inject.unit_failure is not None:
        return isinstance(body, ev.StatusReport) and source == inject.unit_failure.unit \
            and body.status is UnitStatus.UNAVAILABLE
    if inject.camera_dark is not None:
        named = inject.camera_dark.camera
        return isinstance(body, ev.CameraStatus) and not body.online and named in (None, body.camera)
    return False


def _digits(number: str) -> str:
    return re.sub(r"[^0-9]", "", number)


def _incident_record(incident: Incident, state: State, events: Sequence[RecordedEvent],
                     fixes: dict[str, list[Fix]], end_ms: int) -> IncidentRecord:
    """The drill incident's record as the incident record is made (``record.model``), from the drill's events
    and its units' fixes: so its intervals, targets and units are computed by the record's own statistics."""
    orders: set[str] = set()
    own = []
    for gseq, event in events:
        if _concerns(event.body, incident, orders):
            own.append(RecordedEvent(gseq, event))
            if isinstance(event.body, ev.UnitDispatched) and event.body.order:
                orders.add(event.body.order)
    assignments = _assignments(incident.id, own)
    tracks = tuple(_track(unit, state, spans, fixes.get(unit, []), 0) for unit, spans in assignments.items())
    start = min((t for t in (incident.call_time, incident.created_at) if t), default=end_ms)
    return IncidentRecord(incident=incident, events=tuple(own), units=tracks, start_ms=start, end_ms=end_ms,
                          margin_ms=0, rapid_response=is_rapid_type(incident.incident_type), log_end_ms=end_ms)


__all__ = ["DrillMarks", "DrillRecord", "InjectMark", "UnknownDrill", "drill_record", "drills_in", "find_drill"]
