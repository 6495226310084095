"""Taking over a drill an interrupted runner left running (its desk or its process killed): where it stands.

The hub keeps running a drill whose runner died (PROTOCOL.md 9.8): the trainees go on working it, but no inject
comes and no simulated unit moves. ``resume_point`` reads from the log what a new runner needs to go on: the
drill as it started, its own events so far (the injects that came, the calls and what they became, the clock's
pauses and warps), and the drill's state now (where each simulated unit stands and on what). Only the
workstation that started the drill may take it over, as only it may ring the drill's calls and move its clock,
and only with the scenario it runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import DrillInfo, State
from dispatch_desktop.drill.record import inject_marks, read_drill
from dispatch_desktop.drill.scenario import Scenario
from dispatch_desktop.record.drills import find_drill, last_time
from dispatch_desktop.record.model import RecordedEvent
from dispatch_desktop.store.event_store import EventStore


class NothingToResume(Exception):
    """No drill to take over here; the message says why and what to do, in a sentence."""


@dataclass(frozen=True)
class ResumePoint:
    drill: DrillInfo
    started_gseq: int
    events: tuple[RecordedEvent, ...]  # the drill's own events (mode drill) so far, gseq order; no positions
    state: State  # the drill's state at the log's end
    came: dict[str, int]  # inject id -> hub time (ms) of the event that shows it came
    calls: dict[str, str]  # the drill's call ids -> the inject each rang for
    stopped_ms: int  # hub time of the last event the trainer's desk sent in the drill: when its runner stopped


def resume_point(store: EventStore, scenario: Scenario, workstation: str) -> ResumePoint:
    """Where the drill running on the hub stands, for ``workstation`` to take it over with ``scenario``; raises
    ``NothingToResume`` when no drill runs, or another scenario, or one started from another desk."""
    running = store.state_at().drill
    if running is None:
        raise NothingToResume("No drill is running on the hub: there is nothing to resume. Start one instead.")
    if (running.scenario, running.version) != (scenario.id, scenario.version):
        raise NothingToResume(
            f"Drill {running.drill} runs scenario {running.scenario} version {running.version}, not {scenario.id} "
            f"version {scenario.version}: give that scenario's file to resume it.")
    if running.source != workstation:
        raise NothingToResume(
            f"Drill {running.drill} was started from workstation {running.source}: only that desk may ring its calls "
            f"and move its clock. Resume it from there (as workstation {running.source}), or end it.")
    started = find_drill(store, running.drill).started
    last = store.last_gseq()
    events, _fixes = read_drill(store, started.event.time, last_time(store), started.gseq, last + 1, set())
    state = store.state_at(last, mode=Mode.DRILL, drill_start=started.gseq)
    came = {mark.inject: mark.at_ms for mark in inject_marks(scenario, events) if mark.at_ms}
    trainer = [item.event.time for item in events if item.event.source == workstation]
    return ResumePoint(running, started.gseq, tuple(events), state, came, _calls(scenario, running.drill, events),
                       max(trainer, default=started.event.time))


def _calls(scenario: Scenario, drill: str, events: list[RecordedEvent]) -> dict[str, str]:
    """Each drill call and its inject: named after it (``D-…:knife``), else the call inject ringing from its
    number that no other call took (as the drill report matches them)."""
    by_number = {_digits(inject.call.number): inject.id for inject in scenario.injects if inject.call is not None}
    found: dict[str, str] = {}
    for item in events:
        body = item.event.body
        if not isinstance(body, ev.CallOffered):
            continue
        named = body.call.removeprefix(f"{drill}:")
        if named != body.call and scenario.inject(named) is not None:
            found[body.call] = named
        elif (inject := by_number.get(_digits(body.number))) is not None and inject not in found.values():
            found[body.call] = inject
    return found


def _digits(number: str) -> str:
    return re.sub(r"[^0-9]", "", number)
