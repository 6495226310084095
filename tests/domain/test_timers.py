"""Response timers: the colour a dispatcher sees and the alerts they get, at the boundaries."""

from __future__ import annotations

import msgspec
import pytest

from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.state import Incident
from dispatch_desktop.domain.timers import (
    Level,
    Phase,
    incident_timers,
    is_rapid_type,
    overdue_incidents,
    targets_for,
)

T0 = 1_763_794_800_000
S = 1000


def incident(iid: str = "J-1", priority: int = 1, incident_type: str = "robbery", **changes: object) -> Incident:
    return msgspec.structs.replace(Incident(
        id=iid, call_time=T0, caller_number="13800138000", lat=23.13, lon=113.32, address="体育西路",
        district="440106", station="S-440106-01", incident_type=incident_type, priority=priority,
        category=Category.POLICE, created_at=T0 + 20 * S,
    ), **changes)


@pytest.mark.parametrize(
    ("elapsed_ms", "level"),
    [(0, Level.OK), (47_999, Level.OK), (48_000, Level.WARNING), (60_000, Level.WARNING),
     (60_001, Level.OVERDUE), (3_600_000, Level.OVERDUE)],
)
def test_p1_dispatch_timer_turns_amber_at_80_percent_and_red_past_60_seconds(elapsed_ms: int, level: Level) -> None:
    timers = incident_timers(incident(), T0 + elapsed_ms)
    assert timers.dispatch.level is level
    assert timers.dispatch.running
    assert timers.dispatch.elapsed_s == elapsed_ms / 1000
    assert timers.arrival.level is Level.PENDING and timers.clear.level is Level.PENDING


def test_targets_follow_priority_and_rapid_response_types() -> None:
    assert [targets_for(p).dispatch_s for p in (1, 2, 3, 4)] == [60, 120, 300, 600]
    assert targets_for(1).arrival_s == 300
    rapid = targets_for(3, rapid_response=True)
    assert (rapid.dispatch_s, rapid.arrival_s) == (30, 180)
    assert is_rapid_type("knife_attack") and not is_rapid_type("theft") and not is_rapid_type("unknown")
    # 40 s without dispatch: fine for a P1 robbery, overdue for a knife attack.
    assert incident_timers(incident(), T0 + 40 * S).dispatch.level is Level.OK
    assert incident_timers(incident(), T0 + 40 * S, rapid_response=True).dispatch.level is Level.OVERDUE


def test_finished_phases_keep_their_time_and_colour_and_the_next_one_runs() -> None:
    late = incident(dispatched_at=T0 + 90 * S, status=IncidentStatus.DISPATCHED)
    timers = incident_timers(late, T0 + 600 * S)
    assert not timers.dispatch.running
    assert (timers.dispatch.elapsed_s, timers.dispatch.level) == (90, Level.OVERDUE)
    assert timers.arrival.running
    assert (timers.arrival.elapsed_s, timers.arrival.level) == (510, Level.OVERDUE)
    assert timers.overdue == (timers.arrival,)  # the alert is about what is still running


def test_a_full_life_measures_every_phase() -> None:
    done = incident(priority=2, dispatched_at=T0 + 30 * S, arrived_at=T0 + 330 * S, cleared_at=T0 + 1530 * S,
                    status=IncidentStatus.CLEARED)
    timers = incident_timers(done, T0 + 99_999 * S)
    assert [p.elapsed_s for p in timers.phases] == [30, 300, 1200]
    assert [p.level for p in timers.phases] == [Level.OK, Level.OK, Level.OK]
    assert [p.phase for p in timers.phases] == [Phase.DISPATCH, Phase.ARRIVAL, Phase.CLEAR]
    assert not timers.overdue


def test_a_referred_incident_stops_its_clock_at_the_referral() -> None:
    referred = incident(priority=4, status=IncidentStatus.REFERRED, closed_at=T0 + 100 * S)
    timers = incident_timers(referred, T0 + 99_999 * S)
    assert (timers.dispatch.elapsed_s, timers.dispatch.running) == (100, False)
    assert timers.arrival.level is Level.PENDING


def test_overdue_list_holds_open_incidents_past_target_most_overdue_first() -> None:
    now = T0 + 200 * S
    incidents = [
        incident("on-time", priority=4),  # 200 s of a 600 s target
        incident("twice", priority=1, call_time=now - 120 * S),  # 2 × target
        incident("thrice", priority=1),  # 200 s of a 60 s target
        incident("closed", priority=1, status=IncidentStatus.CLOSED, closed_at=T0 + 500 * S),
        incident("knife", priority=2, incident_type="knife_attack", call_time=now - 45 * S),  # 45 s of 30 s
    ]
    assert [t.incident for t in overdue_incidents(incidents, now)] == ["thrice", "twice", "knife"]
