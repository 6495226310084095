"""Per-incident response timers against targets: pure functions of (incident, now).

Three phases, each measured from the incident's own marks:

* call → dispatch: ``call_time`` to ``dispatched_at`` (the first unit sent);
* dispatch → arrival: ``dispatched_at`` to ``arrived_at`` (the first unit on scene);
* arrival → clear: ``arrived_at`` to ``cleared_at``.

A phase that has not begun is *pending*; one that has begun and not ended is *running* (measured up
to ``now``); one that has ended is *done* and keeps its final time, so a late dispatch stays red in
the record. A phase still running when the incident is closed or referred stops there.
Level: *ok* below 80 % of the target, *warning* from 80 % up to and including the target itself
(the target is met), *overdue* once the elapsed time exceeds it.

Targets (seconds), by priority; terror / extreme-violence incidents (the taxonomy's
``rapid_response`` flag) use the rapid-response row: Guangzhou's "minute-level" response for 羊城突击队
("one minute to arrive, one minute to act, one minute to resolve" where the team stands ready;
across the city, three minutes to arrive):

=========================  ==========  =========  ==========
                           dispatch    arrive     clear
=========================  ==========  =========  ==========
P1 (life in danger)         60          5 min      60 min
P2 (crime in progress)      2 min       10 min     90 min
P3 (recent, no danger)      5 min       20 min     2 h
P4 (advice, minor)          10 min      30 min     4 h
rapid response              30          3 min      30 min
=========================  ==========  =========  ==========
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable

import msgspec

from dispatch_desktop.domain.state import Incident
from dispatch_desktop.domain.taxonomy import incident_type, is_known

WARNING_FRACTION = 0.8


class Phase(enum.StrEnum):
    DISPATCH = "dispatch"  # call → dispatch
    ARRIVAL = "arrival"  # dispatch → arrival
    CLEAR = "clear"  # arrival → clear


PHASES: tuple[Phase, ...] = tuple(Phase)


class Level(enum.StrEnum):
    PENDING = "pending"  # the phase has not begun
    OK = "ok"
    WARNING = "warning"
    OVERDUE = "overdue"


class Targets(msgspec.Struct, frozen=True):
    dispatch_s: float
    arrival_s: float
    clear_s: float

    def of(self, phase: Phase) -> float:
        return {Phase.DISPATCH: self.dispatch_s, Phase.ARRIVAL: self.arrival_s, Phase.CLEAR: self.clear_s}[phase]


TARGETS_BY_PRIORITY: dict[int, Targets] = {
    1: Targets(dispatch_s=60, arrival_s=5 * 60, clear_s=60 * 60),
    2: Targets(dispatch_s=2 * 60, arrival_s=10 * 60, clear_s=90 * 60),
    3: Targets(dispatch_s=5 * 60, arrival_s=20 * 60, clear_s=2 * 3600),
    4: Targets(dispatch_s=10 * 60, arrival_s=30 * 60, clear_s=4 * 3600),
}
RAPID_RESPONSE_TARGETS = Targets(dispatch_s=30, arrival_s=3 * 60, clear_s=30 * 60)


def is_rapid_type(code: str) -> bool:
    """Does this incident type call for the rapid-response team (and its minute-level targets)?
    Unknown types (an older log, a retired code) do not."""
    return is_known(code) and incident_type(code).rapid_response


def targets_for(priority: int, *, rapid_response: bool = False) -> Targets:
    if rapid_response:
        return RAPID_RESPONSE_TARGETS
    return TARGETS_BY_PRIORITY[min(max(priority, 1), 4)]


class PhaseTimer(msgspec.Struct, frozen=True):
    phase: Phase
    elapsed_s: float  # 0 while pending
    target_s: float
    level: Level
    running: bool  # begun and not ended: the clock is ticking

    @property
    def fraction(self) -> float:
        return self.elapsed_s / self.target_s if self.target_s > 0 else 0.0


class IncidentTimers(msgspec.Struct, frozen=True):
    incident: str
    dispatch: PhaseTimer
    arrival: PhaseTimer
    clear: PhaseTimer

    @property
    def phases(self) -> tuple[PhaseTimer, PhaseTimer, PhaseTimer]:
        return (self.dispatch, self.arrival, self.clear)

    @property
    def overdue(self) -> tuple[PhaseTimer, ...]:
        """Phases still running past their target: what an alert is about."""
        return tuple(t for t in self.phases if t.running and t.level is Level.OVERDUE)

    @property
    def worst(self) -> Level:
        order = (Level.PENDING, Level.OK, Level.WARNING, Level.OVERDUE)
        return max((t.level for t in self.phases), key=order.index)


def level_of(elapsed_s: float, target_s: float) -> Level:
    if elapsed_s > target_s:
        return Level.OVERDUE
    if elapsed_s >= WARNING_FRACTION * target_s:
        return Level.WARNING
    return Level.OK


def _phase(phase: Phase, start_ms: int, end_ms: int, now_ms: int, target_s: float, stop_ms: int) -> PhaseTimer:
    if not start_ms:
        return PhaseTimer(phase, 0.0, target_s, Level.PENDING, running=False)
    # A phase still open when the incident was closed or referred ends there: the call was handled.
    end = end_ms or stop_ms
    elapsed = max(0.0, ((end or now_ms) - start_ms) / 1000.0)
    return PhaseTimer(phase, elapsed, target_s, level_of(elapsed, target_s), running=not end)


def incident_timers(incident: Incident, now_ms: int, *, rapid_response: bool = False) -> IncidentTimers:
    """The three phase timers of ``incident`` at ``now_ms``."""
    targets = targets_for(incident.priority, rapid_response=rapid_response)
    stop = incident.closed_at or (0 if incident.is_open else max(incident.call_time, incident.created_at))
    return IncidentTimers(
        incident=incident.id,
        dispatch=_phase(Phase.DISPATCH, incident.call_time, incident.dispatched_at, now_ms,
                        targets.dispatch_s, stop),
        arrival=_phase(Phase.ARRIVAL, incident.dispatched_at, incident.arrived_at, now_ms,
                       targets.arrival_s, stop),
        clear=_phase(Phase.CLEAR, incident.arrived_at, incident.cleared_at, now_ms, targets.clear_s, stop),
    )


def overdue_incidents(
    incidents: Iterable[Incident], now_ms: int, *, is_rapid: Callable[[str], bool] = is_rapid_type
) -> list[IncidentTimers]:
    """Open incidents with a running phase past its target, the longest overdue (relative to its
    target) first: the alert list."""
    late: list[IncidentTimers] = []
    for incident in incidents:
        if not incident.is_open:
            continue
        timers = incident_timers(incident, now_ms, rapid_response=is_rapid(incident.incident_type))
        if timers.overdue:
            late.append(timers)
    late.sort(key=lambda t: (-max(p.fraction for p in t.overdue), t.incident))
    return late
