"""Drills in the projection: every state learns which drill runs, one at a time, with units that can take
part; a drill state folds the drill's events beside the live ones, the live state never does."""

from __future__ import annotations

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentStatus, Mode, UnitStatus
from dispatch_desktop.domain.projection import apply, apply_all, check
from dispatch_desktop.domain.reasons import refusal
from dispatch_desktop.domain.state import State, decode_state, encode_state
from tests.domain import test_projection
from tests.domain.test_projection import Log, created

# The projection tests' fixtures: a log with a steady clock, two patrol groups on duty and one new incident.
log = test_projection.log
ready = test_projection.ready


def started(drill: str = "D-20251122-01", enrolled: tuple[str, ...] = ("P-1",),
            simulated: tuple[str, ...] = ("X-1",)) -> ev.DrillStarted:
    return ev.DrillStarted(drill=drill, scenario="knife-station", version=2, enrolled=enrolled,
                           simulated=simulated, operator="张强 010001")


def ended(drill: str = "D-20251122-01") -> ev.DrillEnded:
    return ev.DrillEnded(drill=drill, reason=ev.DrillEndReason.COMPLETED, operator="张强 010001")


def test_a_started_drill_is_in_the_live_state_until_it_ends(ready: State, log: Log) -> None:
    opening = log("ws-1", started())
    state = apply(ready, opening)
    assert state.drill is not None
    assert (state.drill.drill, state.drill.scenario, state.drill.version) == ("D-20251122-01", "knife-station", 2)
    assert (state.drill.enrolled, state.drill.simulated) == (("P-1",), ("X-1",))
    assert (state.drill.source, state.drill.seq, state.drill.started_at) == ("ws-1", opening.seq, opening.time)
    assert state.drill.takes_part("P-1") and state.drill.takes_part("X-1") and not state.drill.takes_part("P-2")
    assert decode_state(encode_state(state)) == state  # keyframes keep it
    assert apply(state, log("ws-1", ended())).drill is None


@pytest.mark.parametrize(("opening", "expected"), [
    (started(enrolled=("P-9",)), refusal("drill_unit_unknown", unit="P-9", drill="D-20251122-01")),
    (started(simulated=("P-2",)), refusal("drill_unit_real", unit="P-2", drill="D-20251122-01")),
])
def test_a_drill_with_units_that_cannot_take_part_is_refused(ready: State, log: Log, opening: ev.DrillStarted,
                                                             expected: object) -> None:
    assert check(ready, log("ws-1", opening)) == expected


def test_a_busy_unit_cannot_be_enrolled(ready: State, log: Log) -> None:
    busy = apply(ready, log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1", order="o-1")))
    assert check(busy, log("ws-1", started())) == refusal(
        "drill_unit_not_available", unit="P-1", status="dispatched", drill="D-20251122-01")


def test_one_drill_at_a_time_and_only_the_running_one_ends(ready: State, log: Log) -> None:
    running = apply(ready, log("ws-1", started()))
    assert check(running, log("ws-1", started("D-20251122-02", enrolled=()))) == refusal(
        "drill_running", running="D-20251122-01", drill="D-20251122-02")
    assert check(running, log("ws-1", ended("D-20251122-02"))) == refusal("drill_not_running", drill="D-20251122-02")
    assert check(ready, log("ws-1", ended())) == refusal("drill_not_running", drill="D-20251122-01")


def test_a_drill_state_folds_drill_and_live_events_and_the_live_state_only_live_ones(ready: State, log: Log) -> None:
    live = apply(ready, log("ws-1", started()))
    drill = State.from_plain({**live.to_plain(), "mode": Mode.DRILL})
    events = [
        log("ws-2", created("DJ-1"), mode=Mode.DRILL),
        log("ws-2", ev.UnitDispatched(incident="DJ-1", unit="P-1", order="d-1"), mode=Mode.DRILL),
        log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-2", order="o-1")),  # live, beside the drill
    ]
    live, drill = apply_all(live, events), apply_all(drill, events)
    assert "DJ-1" not in live.incidents and live.units["P-1"].status is UnitStatus.AVAILABLE
    assert drill.incidents["DJ-1"].status is IncidentStatus.DISPATCHED
    assert drill.units["P-1"].status is UnitStatus.DISPATCHED
    assert drill.units["P-2"].status is UnitStatus.DISPATCHED  # the live dispatch is in the drill's city too
    assert (drill.orders["d-1"].mode, drill.orders["o-1"].mode) == (Mode.DRILL, Mode.LIVE)
    assert set(live.orders) == {"o-1"}
