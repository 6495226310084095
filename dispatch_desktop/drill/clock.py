"""The drill clock: drill time since the drill's start, which the trainer may pause, resume and warp.

Pure: it reads an injected wall clock (seconds, as ``time.time``) and keeps the stretches of wall time it has
run through, each with its rate (0 while paused, 1 at normal speed, up to ``MAX_WARP``), so that any wall
time since the start maps to its drill time (``drill_at``). The runner injects on drill time and scores on it:
a scenario's "+01:00 after the call" is a minute of drill time whatever the warp, and time the trainer held the
drill paused does not count against the trainees.

The runner records each pause, resume and warp in the log (``drill_clock``, with the drill time at that moment),
and ``DrillClock.from_events`` rebuilds the clock from the log alone: the report reads the drill time of each event
as the runner did.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dispatch_desktop.domain import events as ev

MIN_WARP = 1.0
MAX_WARP = 10.0


@dataclass(frozen=True)
class _Stretch:
    """From ``wall_ms`` on, drill time runs at ``rate`` from ``drill_ms``."""

    wall_ms: int
    drill_ms: float
    rate: float


class DrillClock:
    """Drill time in ms since ``start()``; ``wall`` gives the wall time in seconds (default ``time.time``)."""

    def __init__(self, wall: Callable[[], float] = time.time, *, warp: float = 1.0) -> None:
        self._wall = wall
        self._warp = _checked(warp)
        self._stretches: list[_Stretch] = []
        self._paused = False

    @classmethod
    def from_events(cls, start_ms: int, changes: Iterable[ev.Envelope]) -> DrillClock:
        """The clock of a drill started at hub time ``start_ms`` (its ``drill_started``'s), as its ``drill_clock``
        events (hub time order) set it: each starts a stretch at its hub time from the drill time it names, which
        the trainer's runner read on its own clock (so an error of the hub's receipt never adds up). It reads no
        wall clock: ``now`` is not for it, ``drill_at`` is."""
        clock = cls(lambda: start_ms / 1000)
        clock._stretches.append(_Stretch(start_ms, 0.0, 1.0))
        for event in changes:
            body = event.body
            if not isinstance(body, ev.DrillClockChanged):
                continue
            clock._warp = _checked(body.factor)
            clock._paused = body.action is ev.DrillClockAction.PAUSED
            wall = max(event.time, clock._stretches[-1].wall_ms)
            clock._stretches.append(_Stretch(wall, float(body.drill_ms), clock._rate()))
        return clock

    def restore(self, start_ms: int, changes: Iterable[ev.Envelope]) -> None:
        """Take up a drill's clock as the log has it (started at hub time ``start_ms``, set by its ``drill_clock``
        events): a runner taking over an interrupted drill goes on with the same drill time. The time the drill
        ran without a runner counts: the trainees went on working."""
        if self._stretches:
            raise RuntimeError("the drill clock is already running")
        logged = DrillClock.from_events(start_ms, changes)
        self._stretches, self._warp, self._paused = logged._stretches, logged._warp, logged._paused

    @property
    def started(self) -> bool:
        return bool(self._stretches)

    @property
    def start_wall_ms(self) -> int:
        """The wall time (epoch ms) of the start."""
        self._require_started()
        return self._stretches[0].wall_ms

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def warp(self) -> float:
        return self._warp

    def wall_seconds(self) -> float:
        """The wall clock the drill clock reads (the runner's handsets stamp their reports with it)."""
        return self._wall()

    def wall_ms(self) -> int:
        return int(self._wall() * 1000)

    def start(self) -> None:
        if self._stretches:
            raise RuntimeError("the drill clock is already running")
        self._stretches.append(_Stretch(self.wall_ms(), 0.0, self._rate()))

    def now(self) -> int:
        """Drill time now, ms since the start (0 before it)."""
        return self.drill_at(self.wall_ms()) if self._stretches else 0

    def drill_at(self, wall_ms: int) -> int:
        """The drill time at ``wall_ms`` (an event's hub time, say): 0 before the start; a wall time in a
        pause maps to the moment the pause began."""
        self._require_started()
        stretch = self._stretches[0]
        for later in self._stretches[1:]:
            if later.wall_ms > wall_ms:
                break
            stretch = later
        return int(stretch.drill_ms + max(0, wall_ms - stretch.wall_ms) * stretch.rate)

    def wall_for(self, drill_ms: int) -> int | None:
        """The wall time (epoch ms) at which drill time ``drill_ms`` comes, as the clock runs now (None while
        paused and not yet there): when the runner must next wake up."""
        self._require_started()
        last = self._stretches[-1]
        if drill_ms <= last.drill_ms:
            return last.wall_ms
        if last.rate == 0:
            return None
        return last.wall_ms + int(-(-(drill_ms - last.drill_ms) // last.rate))

    def pause(self) -> None:
        """Drill time stops (nothing is injected, simulated units stand still) until ``resume``."""
        if not self._paused:
            self._paused = True
            self._turn()

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            self._turn()

    def set_warp(self, factor: float) -> None:
        """Drill time runs ``factor`` times as fast as wall time from now on (1 to 10)."""
        self._warp = _checked(factor)
        self._turn()

    def _rate(self) -> float:
        return 0.0 if self._paused else self._warp

    def _turn(self) -> None:
        """A new stretch from now at the current rate (nothing to record before the start)."""
        if self._stretches:
            wall = max(self.wall_ms(), self._stretches[-1].wall_ms)  # a wall clock stepped back holds still
            self._stretches.append(_Stretch(wall, float(self.drill_at(wall)), self._rate()))

    def _require_started(self) -> None:
        if not self._stretches:
            raise RuntimeError("the drill clock has not started")


def _checked(factor: float) -> float:
    if not MIN_WARP <= factor <= MAX_WARP:
        raise ValueError(f"a warp of {factor:g} is out of range: give a factor from {MIN_WARP:g} to {MAX_WARP:g}")
    return float(factor)
