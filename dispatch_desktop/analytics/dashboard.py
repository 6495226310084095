"""The live dashboard's figures (Qt-free): what a leader reads off today, from the desk's state and the
hour counts of the log.

``dashboard_figures(state, counts, now_ms=...)`` runs on a worker thread: the ``State`` is immutable and
``HourlyCounts`` is frozen, so nothing here is shared with the GUI thread while it runs.

- **Calls against valid incidents per hour** of the command center's day: a *valid* incident is the
  counts' one (live, not a duplicate, counted at its call time). The log's counts lag the desk (they are
  read every minute or so) and the state misses what happened before the hub started and the calls already
  dealt with (a call leaves the state once it became an incident or was closed). Both undercount the same
  quantity, so each hour shows the larger of the two: the log fills the morning, the state the last minute.
- **Police / non-police share** and **clearance** (closed of created, and the median time from the call to
  closing) of today's valid incidents in the state.
- **Response times** per district and per priority: call → dispatch and dispatch → arrival, each incident
  against its own target (``domain.timers.targets_for``, what ``api.response_targets`` returns): the share
  within target, the median and the 90th percentile.

Drill data never counts: a drill state (``State.mode`` drill, the desk following a drill) carries the live
incidents too, so incidents entered in a drill (``Incident.drill``) and the drill's calls (their ids start
with the drill's id) are left out, and counted in ``drill_left_out`` so that the panel can say so.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.enums import Category, Mode
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.domain.timers import Phase, is_rapid_type, targets_for

if TYPE_CHECKING:
    from dispatch_desktop.analytics.counts import HourlyCounts

SLOT_MS = 3_600_000
HOURS = 24
PRIORITIES = (1, 2, 3, 4)


@dataclass(frozen=True)
class ResponseFigures:
    """One group's response times in one phase (a district's or a priority's)."""

    key: str  # the district's adcode, or the priority as "1".."4"
    count: int  # incidents that completed the phase
    within_target: int  # of which within their own target
    median_s: float | None  # None: no incident completed the phase
    p90_s: float | None
    target_s: float | None  # the group's target when all its incidents share one (a priority's), else None

    @property
    def share_within(self) -> float | None:
        return self.within_target / self.count if self.count else None


@dataclass(frozen=True)
class DashboardFigures:
    day_start_ms: int  # local midnight of the day shown
    now_ms: int
    calls: tuple[int, ...]  # 24 hours of the local day: 110 calls offered
    valid: tuple[int, ...]  # 24 hours: valid incidents by call time
    police: int
    non_police: int
    created: int  # today's valid incidents (as the state has them)
    closed: int  # of which closed
    referred: int  # of which handed to another department (non-police business)
    median_close_s: float | None  # call to closing, of those closed
    dispatch_by_district: tuple[ResponseFigures, ...]
    arrival_by_district: tuple[ResponseFigures, ...]
    dispatch_by_priority: tuple[ResponseFigures, ...]
    arrival_by_priority: tuple[ResponseFigures, ...]
    drill_left_out: int  # drill incidents and calls the state held and the figures leave out

    @property
    def non_police_share(self) -> float | None:
        total = self.police + self.non_police
        return self.non_police / total if total else None

    @property
    def clearance(self) -> float | None:
        return self.closed / self.created if self.created else None

    @property
    def hour(self) -> int:
        """The hour of the day ``now_ms`` falls in (0–23)."""
        return min(HOURS - 1, max(0, (self.now_ms - self.day_start_ms) // SLOT_MS))


def day_start_ms(now_ms: int) -> int:
    """Midnight of ``now_ms``'s day in the command center's zone."""
    moment = localtime.local(now_ms)
    midnight = dt.datetime(moment.year, moment.month, moment.day, tzinfo=moment.tzinfo)
    return int(midnight.timestamp() * 1000)


def is_drill_incident(state: State, incident: Incident) -> bool:
    if incident.drill:
        return True
    drill = state.drill
    return state.mode is Mode.DRILL and drill is not None and incident.call.startswith(f"{drill.drill}:")


def _percentile(values: np.ndarray, q: float) -> float | None:
    return float(np.percentile(values, q, method="higher")) if len(values) else None


@dataclass(frozen=True)
class _Phases:
    """Today's incidents as columns (one row an incident): where, how urgent, and each phase's seconds
    against its target (NaN: the phase is not complete). Built in one pass; the groups are masks over it."""

    district: np.ndarray  # str
    priority: np.ndarray  # int
    seconds: dict[Phase, np.ndarray]
    target: dict[Phase, np.ndarray]

    @classmethod
    def of(cls, incidents: list[Incident]) -> _Phases:
        # Targets depend on the priority and the type only: looked up once per pair, not per incident.
        targets: dict[tuple[int, str], tuple[float, float]] = {}
        rows = []
        for incident in incidents:
            key = (incident.priority, incident.incident_type)
            target = targets.get(key)
            if target is None:
                found = targets_for(incident.priority, rapid_response=is_rapid_type(incident.incident_type))
                target = targets[key] = (found.dispatch_s, found.arrival_s)
            call, dispatched, arrived = incident.call_time, incident.dispatched_at, incident.arrived_at
            rows.append((max(0, dispatched - call) / 1000 if call and dispatched else math.nan,
                         max(0, arrived - dispatched) / 1000 if dispatched and arrived else math.nan, *target))
        table = np.array(rows, dtype=float).reshape(-1, 4)
        return cls(district=np.array([i.district for i in incidents], dtype=object),
                   priority=np.array([i.priority for i in incidents], dtype=np.int64),
                   seconds={Phase.DISPATCH: table[:, 0], Phase.ARRIVAL: table[:, 1]},
                   target={Phase.DISPATCH: table[:, 2], Phase.ARRIVAL: table[:, 3]})

    def grouped(self, phase: Phase, by: str, keys: Iterable[str]) -> tuple[ResponseFigures, ...]:
        """Each group's figures, the ``keys`` first (in order, empty ones too), then any other group seen."""
        column = self.district if by == "district" else self.priority.astype(str)
        seconds, target = self.seconds[phase], self.target[phase]
        done = ~np.isnan(seconds)
        ordered = list(dict.fromkeys([*keys, *sorted(set(column[done].tolist()))]))
        figures = []
        for key in ordered:
            mask = done & (column == key)
            taken, limits = seconds[mask], target[mask]
            distinct = np.unique(limits)
            figures.append(ResponseFigures(
                key=key, count=int(mask.sum()), within_target=int((taken <= limits).sum()),
                median_s=_percentile(taken, 50), p90_s=_percentile(taken, 90),
                target_s=float(distinct[0]) if len(distinct) == 1 else None))
        return tuple(figures)


def _hourly_from_counts(counts: HourlyCounts | None, start_ms: int, districts: int) -> tuple[np.ndarray, np.ndarray]:
    """Calls and valid incidents per hour of the day from the log's counts (zeros where they do not reach)."""
    calls = np.zeros(HOURS, dtype=np.int64)
    valid = np.zeros(HOURS, dtype=np.int64)
    if counts is None or counts.slots == 0:
        return calls, valid
    first = start_ms // SLOT_MS
    lo, hi = max(first, counts.first_slot), min(first + HOURS, counts.first_slot + counts.slots)
    if lo >= hi:
        return calls, valid
    columns = slice(lo - counts.first_slot, hi - counts.first_slot)
    calls[lo - first:hi - first] = counts.calls[columns]
    # Every incident lies in exactly one district: the district rows (first in the counts) sum to the city.
    valid[lo - first:hi - first] = counts.valid[:districts, columns].sum(axis=0)
    return calls, valid


def dashboard_figures(state: State, counts: HourlyCounts | None, *, now_ms: int,
                      districts: Iterable[str] = ()) -> DashboardFigures:
    """Today's figures (the local day of ``now_ms``). ``districts``: the city's district adcodes, so that a
    district without incidents still has its (empty) row; ``counts`` may be None (not read yet)."""
    start = day_start_ms(now_ms)
    end = start + HOURS * SLOT_MS
    district_keys = tuple(districts)
    drill_left_out = 0
    today: list[Incident] = []  # valid, live, called in today
    call_ids: dict[str, int] = {}  # the calls the state still knows of, by hour: ringing ones and incidents'
    for incident in state.incidents.values():
        if not start <= incident.call_time < end:
            continue
        if is_drill_incident(state, incident):
            drill_left_out += 1
            continue
        if incident.call:  # a duplicate's call was a call offered all the same
            call_ids[incident.call] = (incident.call_time - start) // SLOT_MS
        if not incident.duplicate_of:
            today.append(incident)
    state_valid = np.bincount(np.fromiter(((i.call_time - start) // SLOT_MS for i in today), dtype=np.int64,
                                          count=len(today)), minlength=HOURS)[:HOURS]
    drill_prefix = f"{state.drill.drill}:" if state.drill is not None else None
    for call in state.calls.values():
        if drill_prefix is not None and call.id.startswith(drill_prefix):
            drill_left_out += 1
            continue
        if start <= call.offered_at < end:
            call_ids[call.id] = (call.offered_at - start) // SLOT_MS
    state_calls = np.bincount(np.fromiter(call_ids.values(), dtype=np.int64, count=len(call_ids)),
                              minlength=HOURS)[:HOURS]

    log_calls, log_valid = _hourly_from_counts(counts, start, _district_rows(counts))
    non_police = sum(1 for incident in today if incident.category is Category.NON_POLICE)
    closed = [incident for incident in today if incident.closed_at]
    close_s = np.array([max(0.0, (incident.closed_at - incident.call_time) / 1000) for incident in closed])
    priorities = tuple(str(p) for p in PRIORITIES)
    phases = _Phases.of(today)
    return DashboardFigures(
        day_start_ms=start, now_ms=now_ms,
        calls=tuple(int(n) for n in np.maximum(log_calls, state_calls)),
        valid=tuple(int(n) for n in np.maximum(log_valid, state_valid)),
        police=len(today) - non_police, non_police=non_police,
        created=len(today), closed=len(closed),
        referred=sum(1 for incident in today if incident.status.value == "referred"),
        median_close_s=_percentile(close_s, 50),
        dispatch_by_district=phases.grouped(Phase.DISPATCH, "district", district_keys),
        arrival_by_district=phases.grouped(Phase.ARRIVAL, "district", district_keys),
        dispatch_by_priority=phases.grouped(Phase.DISPATCH, "priority", priorities),
        arrival_by_priority=phases.grouped(Phase.ARRIVAL, "priority", priorities),
        drill_left_out=drill_left_out,
    )


def _district_rows(counts: HourlyCounts | None) -> int:
    """How many of the counts' rows are districts (they come first)."""
    if counts is None:
        return 0
    return sum(1 for area in counts.areas if str(area.kind) == "district")


def by_key(figures: Iterable[ResponseFigures]) -> Mapping[str, ResponseFigures]:
    return {figure.key: figure for figure in figures}
