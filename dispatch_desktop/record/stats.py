"""The statistics of an incident's record: how long each step took against its target, how far each
unit drove and how long it stayed on scene.

Steps are the consecutive marks call → creation → dispatch → acknowledgement → arrival → clearance →
close. The targets are the desk's own (``domain.timers``: by priority, or the rapid-response row for the
types that call for it), which are set for three phases spanning those steps: call → dispatch,
dispatch → arrival and arrival → clearance; the report shows both, so a supervisor sees which step
made a phase late.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.timers import IncidentTimers, incident_timers
from dispatch_desktop.domain.travel import haversine_m
from dispatch_desktop.record.model import Fix, IncidentRecord, UnitTrack

GAP_MS = 5 * 60_000
"""Fixes further apart than this are not joined: the unit was silent, and a straight line between its
last fix and the next would invent a route (and a distance)."""

STEP_MARKS = ("call", "created", "dispatched", "acknowledged", "arrived", "cleared", "closed")
"""The incident's marks in the order they happen; a step is the interval between two neighbours."""


class Step(msgspec.Struct, frozen=True):
    """The interval between two marks; ``seconds`` is None while either mark is missing."""

    start: str  # a STEP_MARKS name
    end: str
    start_ms: int
    end_ms: int
    seconds: float | None


class Gap(msgspec.Struct, frozen=True):
    """Silence in a unit's track longer than ``GAP_MS``: not counted as driven, not drawn as a line."""

    from_ms: int
    to_ms: int


class UnitStatistics(msgspec.Struct, frozen=True):
    unit: str
    name: str
    distance_m: float  # haversine over consecutive fixes, not across gaps
    gaps: tuple[Gap, ...]
    on_scene_s: float  # from each arrival to the release that followed it, summed
    fixes: int


class RecordStatistics(msgspec.Struct, frozen=True):
    steps: tuple[Step, ...]
    phases: IncidentTimers  # the three target phases, as the desk's timers measure them
    units: tuple[UnitStatistics, ...]


def segments(fixes: Sequence[Fix], gap_ms: int = GAP_MS) -> list[list[Fix]]:
    """The fixes cut where two neighbours are more than ``gap_ms`` apart (GPX trkseg, KML tracks)."""
    runs: list[list[Fix]] = []
    for fix in fixes:
        if runs and fix.time_ms - runs[-1][-1].time_ms <= gap_ms:
            runs[-1].append(fix)
        else:
            runs.append([fix])
    return runs


def distance_m(fixes: Sequence[Fix], gap_ms: int = GAP_MS) -> tuple[float, tuple[Gap, ...]]:
    """Distance driven over the fixes (time order) and the gaps it left out."""
    runs = segments(fixes, gap_ms)
    total = sum(float(haversine_m(a.lat, a.lon, b.lat, b.lon)) for run in runs for a, b in itertools.pairwise(run))
    gaps = tuple(Gap(before[-1].time_ms, after[0].time_ms) for before, after in itertools.pairwise(runs))
    return total, gaps


def _marks(record: IncidentRecord) -> dict[str, int]:
    incident = record.incident
    acknowledged = next((event.time for _gseq, event in record.events
                         if isinstance(event.body, ev.DispatchAck)), 0)
    return {"call": incident.call_time, "created": incident.created_at, "dispatched": incident.dispatched_at,
            "acknowledged": acknowledged, "arrived": incident.arrived_at, "cleared": incident.cleared_at,
            "closed": incident.closed_at}


def steps(record: IncidentRecord) -> tuple[Step, ...]:
    marks = _marks(record)
    out = []
    for start, end in itertools.pairwise(STEP_MARKS):
        t0, t1 = marks[start], marks[end]
        out.append(Step(start, end, t0, t1, (t1 - t0) / 1000 if t0 and t1 else None))
    return tuple(out)


def unit_statistics(track: UnitTrack, end_ms: int) -> UnitStatistics:
    """``end_ms``: when an assignment still open counts as released (the log's end)."""
    driven, gaps = distance_m(track.fixes)
    on_scene = sum(((a.released_ms or end_ms) - a.arrived_ms) / 1000 for a in track.assignments if a.arrived_ms)
    return UnitStatistics(track.unit, track.name, driven, gaps, on_scene, len(track.fixes))


def record_statistics(record: IncidentRecord) -> RecordStatistics:
    now = record.incident.closed_at or record.log_end_ms
    return RecordStatistics(
        steps=steps(record),
        phases=incident_timers(record.incident, now, rapid_response=record.rapid_response),
        units=tuple(unit_statistics(track, record.log_end_ms) for track in record.units),
    )
