"""The drill clock as the trainer drives it: drill time stops while paused, runs faster under a warp, and an
event's wall time maps back to the drill time it happened at."""

from __future__ import annotations

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.drill.clock import DrillClock


class FakeWall:
    def __init__(self, seconds: float = 1_800_000_000.0) -> None:
        self.seconds = seconds

    def __call__(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


def started(warp: float = 1.0) -> tuple[DrillClock, FakeWall]:
    wall = FakeWall()
    clock = DrillClock(wall, warp=warp)
    clock.start()
    return clock, wall


def test_drill_time_runs_from_the_start_with_the_wall_clock() -> None:
    clock, wall = started()
    assert clock.now() == 0
    wall.advance(90)
    assert clock.now() == 90_000
    assert clock.start_wall_ms == 1_800_000_000_000


def test_a_pause_stops_drill_time_until_resumed() -> None:
    clock, wall = started()
    wall.advance(30)
    clock.pause()
    wall.advance(600)  # ten minutes of debrief in the middle
    assert clock.now() == 30_000 and clock.paused
    assert clock.wall_for(31_000) is None  # nothing comes while paused
    clock.resume()
    wall.advance(5)
    assert clock.now() == 35_000


def test_a_warp_makes_drill_time_run_faster_from_then_on() -> None:
    clock, wall = started()
    wall.advance(10)
    clock.set_warp(10)
    wall.advance(6)
    assert clock.now() == 70_000
    assert clock.wall_for(80_000) == clock.wall_ms() + 1000  # ten drill seconds in one wall second
    clock.set_warp(1)
    wall.advance(1)
    assert clock.now() == 71_000


def test_an_events_wall_time_maps_to_its_drill_time_across_pauses_and_warps() -> None:
    clock, wall = started(warp=2)
    start = clock.start_wall_ms
    wall.advance(10)  # drill +20 s
    clock.pause()
    wall.advance(100)
    clock.resume()
    wall.advance(5)  # drill +30 s
    assert clock.drill_at(start + 5_000) == 10_000
    assert clock.drill_at(start + 50_000) == 20_000  # during the pause: when it began
    assert clock.drill_at(start + 112_000) == 24_000
    assert clock.drill_at(start - 1_000) == 0  # before the start


@pytest.mark.parametrize("factor", [0.5, 11, 0])
def test_a_warp_out_of_range_is_refused_saying_the_range(factor: float) -> None:
    clock, _wall = started()
    with pytest.raises(ValueError, match="from 1 to 10"):
        clock.set_warp(factor)
    assert clock.warp == 1.0


def test_drill_time_is_zero_before_the_start_and_the_clock_starts_once() -> None:
    clock = DrillClock(FakeWall())
    assert clock.now() == 0 and not clock.started
    clock.start()
    with pytest.raises(RuntimeError, match="already running"):
        clock.start()



def test_the_clock_rebuilt_from_the_logged_pauses_and_warps_gives_every_event_the_runners_drill_time() -> None:
    clock, wall = started(warp=2)
    logged = [logged_change(ev.DrillClockAction.WARPED, clock, wall)]  # the runner says it starts at ×2
    wall.advance(40)
    clock.pause()
    logged.append(logged_change(ev.DrillClockAction.PAUSED, clock, wall))
    wall.advance(300)  # five minutes of wall time held paused
    clock.resume()
    logged.append(logged_change(ev.DrillClockAction.RESUMED, clock, wall))
    wall.advance(25)
    clock.set_warp(7.5)
    logged.append(logged_change(ev.DrillClockAction.WARPED, clock, wall))
    rebuilt = DrillClock.from_events(clock.start_wall_ms, logged)
    for later_s in (0, 10, 40, 41, 200, 340, 341, 364, 365, 366, 900):
        at = clock.start_wall_ms + later_s * 1000
        assert rebuilt.drill_at(at) == clock.drill_at(at), later_s
    assert rebuilt.drill_at(clock.start_wall_ms + 366_000) == 80_000 + 25_000 * 2 + 7_500


def logged_change(action: ev.DrillClockAction, clock: DrillClock, wall: FakeWall) -> ev.Envelope:
    """The runner's ``drill_clock`` for a change just made, as the hub stores it (stamped at the wall time)."""
    body = ev.DrillClockChanged(drill="D-20261207-01", action=action, drill_ms=clock.now(), factor=clock.warp)
    return ev.envelope("ws-trainer", 1, body, 0, t_hub=int(wall() * 1000))
