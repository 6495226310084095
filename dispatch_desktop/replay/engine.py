"""Playback over the event log: the state at any instant, and the next instants cheaply after it.

A replay window asks for the state at instant T over and over: a jump anywhere in the day (a click on the
timeline, a drag of the cursor) or a small step forward (playback, ×0.25 to ×64). A jump is
``EventStore.rebuild(time_ms=T)``: the keyframe before T plus its tail, ~60 ms on a Guangzhou day. A step
forward folds only the events between the last instant and the new one onto the state already built, out
of a read-ahead buffer, so playback costs what happened in between (×64 on a Guangzhou day: ~14,000 events
a second of playback), not a rebuild per frame.

Why a step forward gives exactly ``state_at(time_ms=T)``: that state holds every event with hub time at or
before T. Hub time rises with gseq except at late events (a hub clock set back, ``EventStore.late_after``),
so without them those events are a prefix of the log in gseq order, and the buffer, read in gseq order, is
consumed up to the first event past T. A log with late events after the current point is rebuilt at every
step instead (exact, slower); such logs are rare.

The buffer also holds the next fix of each moving unit after T: the map draws a unit between its fix
before T and its fix after, and marks it stale after a silence (``interpolate``).

Qt-free and single-threaded: the window's worker thread owns one engine.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from typing import NamedTuple

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.projection import report_time
from dispatch_desktop.domain.replay import Replay
from dispatch_desktop.domain.state import State
from dispatch_desktop.store.event_store import EventStore

Published = tuple[int, ev.Envelope]

LOOKAHEAD_MS = 12_000
"""How far past the instant the buffer reads: a patrol group reports every 5 s, so its next fix is in it
(30 s made a seek's read-ahead cost twice the rebuild itself on a Guangzhou day: bench/replay.py)."""
JUMP_MS = 10 * 60_000
"""A step forward longer than this rebuilds from the keyframe instead: folding ten minutes of a
Guangzhou day (~130,000 events) costs about what a rebuild does."""
PREVIEW_NEAR_MS = 60_000
"""A drag's preview shows the keyframe before the cursor when one is this near (a Guangzhou day stores one
every ~5 s at the evening peak, ~45 s at night); further, or none, it rebuilds the exact state."""
_CHUNK = 4096


class Fix(NamedTuple):
    time_ms: int  # the unit's time of the fix (its report time, capped at the hub's)
    lat: float
    lon: float


class Frame(NamedTuple):
    """What the window shows at one instant."""

    time_ms: int
    """The replay instant (the clock the window shows), not the time of the last event before it."""
    gseq: int
    """The last event folded in."""
    state: State
    """Exactly ``EventStore.state_at(time_ms=time_ms)``; for a preview, possibly the stored keyframe before it."""
    events: list[Published] | None
    """The events folded in since the previous frame, in gseq order; None for a jump (a new state)."""
    next_fixes: Mapping[str, Fix]
    """Each unit's first fix after the instant, if the buffer holds one (empty for a preview)."""
    placed: Mapping[str, tuple[float, float]] = {}
    """Where the map draws the units between their fixes (``interpolate.positions_between``), worked out off
    the GUI thread by whoever builds the frame (the window's worker)."""
    preview: bool = False
    """A frame built for a drag across the timeline (no read-ahead): the window shows it on the map only,
    as a video player scrubs from low-cost previews, and the whole window when the drag ends."""


class LogSpan(NamedTuple):
    first_ms: int
    last_ms: int
    events: int

    @property
    def empty(self) -> bool:
        return self.events == 0


class ReplayEngine:
    def __init__(self, store: EventStore, *, mode: Mode = Mode.LIVE, lookahead_ms: int = LOOKAHEAD_MS,
                 jump_ms: int = JUMP_MS, drill_start: int | None = None) -> None:
        """``drill_start``: the gseq of a drill's ``drill_started``, to play that drill as its trainees saw it
        (its own state: the live city at its start, then the drill's events and the live ones; drill mode)."""
        if drill_start is not None:
            mode = Mode.DRILL
        self._store = store
        self._mode = mode
        self._drill_start = drill_start
        self._lookahead = lookahead_ms
        self._jump = jump_ms
        self._time = -1
        self._gseq = 0
        self._state = State(mode=mode)
        self._buffer: deque[Published] = deque()
        self._read_to = 0  # the buffer holds the events after ``_gseq`` up to this gseq
        self._buffer_time = 0  # hub time of the last event read into the buffer
        self._exact_steps = False

    # --- the log ----------------------------------------------------------------------------------------

    def span(self) -> LogSpan:
        """The hub times of the log's first and last events (0, 0 for an empty log)."""
        last = self._store.last_gseq()
        if last == 0:
            return LogSpan(0, 0, 0)
        first = next(iter(self._store.read(0, limit=1)))[1]
        newest = next(iter(self._store.read(last - 1, limit=1)))[1]
        return LogSpan(first.t_hub, max(newest.t_hub, first.t_hub), last)

    @property
    def time_ms(self) -> int:
        return self._time

    # --- instants ---------------------------------------------------------------------------------------

    def seek(self, time_ms: int, *, fixes: bool = True) -> Frame:
        """The state at ``time_ms``, rebuilt from the keyframe before it. ``fixes=False`` (a drag across the
        day): a preview, without reading ahead for the units' next fixes, which the map needs only once the
        cursor rests; the stored keyframe itself when one is within ``PREVIEW_NEAR_MS`` before the instant
        (the frame's ``state`` is then that keyframe's, a few seconds before ``time_ms``)."""
        if not fixes and self._drill_start is None:
            keyframe = self._store.keyframe_before(time_ms, self._mode)
            if keyframe is not None and time_ms - keyframe.time_ms <= PREVIEW_NEAR_MS:
                # As a video player scrubs on its key frames: a stored keyframe is a third of a rebuild's
                # cost, and seconds before the cursor do not show while it moves. The engine then holds a
                # state that is not the one at ``time_ms``: its next step rebuilds (``_time`` unset).
                self._time, self._gseq, self._state = -1, keyframe.gseq, keyframe.state
                self._buffer.clear()
                self._read_to, self._buffer_time = keyframe.gseq, 0
                return Frame(time_ms, keyframe.gseq, keyframe.state, None, {}, preview=True)
        rebuilt = self._store.rebuild(time_ms=time_ms, mode=self._mode, drill_start=self._drill_start)
        self._time, self._gseq, self._state = time_ms, rebuilt.gseq, rebuilt.state
        self._buffer.clear()
        self._read_to, self._buffer_time = rebuilt.gseq, 0
        self._exact_steps = self._store.late_after(rebuilt.gseq)
        if not fixes:
            return Frame(time_ms, rebuilt.gseq, rebuilt.state, None, {}, preview=True)
        self._fill(time_ms + self._lookahead)
        return Frame(time_ms, rebuilt.gseq, rebuilt.state, None, self._next_fixes(time_ms))

    def advance(self, time_ms: int) -> Frame:
        """The state at ``time_ms`` after the current instant: the events in between folded onto the current
        state. Going back, jumping far, or a log whose hub clock was set back: a ``seek``."""
        if self._time < 0 or time_ms < self._time or time_ms - self._time > self._jump or self._exact_steps:
            return self.seek(time_ms)
        self._fill(time_ms + self._lookahead)
        folded: list[Published] = []
        buffer = self._buffer
        while buffer and buffer[0][1].t_hub <= time_ms:
            folded.append(buffer.popleft())
        if folded:
            replay = Replay(self._state)
            for _gseq, event in folded:
                replay.event(event)
            self._state, self._gseq = replay.state, folded[-1][0]
        self._time = time_ms
        if self._mode is Mode.LIVE:  # a live desk never hears drill events (``projection.apply`` drops them)
            folded = [item for item in folded if item[1].mode is not Mode.DRILL]
        return Frame(time_ms, self._gseq, self._state, folded, self._next_fixes(time_ms))

    # --- inside -----------------------------------------------------------------------------------------

    def _fill(self, until_ms: int) -> None:
        """Read ahead until the buffer holds every event up to hub time ``until_ms`` or the log's end, which
        may move on: a log the hub is still writing is read again at the next frame."""
        if not self._buffer:
            self._read_to = max(self._read_to, self._gseq)
        while self._buffer_time <= until_ms:
            chunk = list(self._store.read(self._read_to, limit=_CHUNK))
            if chunk:
                self._buffer.extend(chunk)
                self._read_to = chunk[-1][0]
                self._buffer_time = max(self._buffer_time, chunk[-1][1].t_hub)
            if len(chunk) < _CHUNK:
                break

    def _next_fixes(self, time_ms: int) -> dict[str, Fix]:
        """Each unit's first position report in the buffer (all after the instant), by the unit's time."""
        found: dict[str, Fix] = {}
        position = ev.Position
        drill_dropped = self._mode is Mode.LIVE
        for _gseq, event in self._buffer:
            body = event.body
            if type(body) is not position or event.source in found:
                continue
            if drill_dropped and event.mode is Mode.DRILL:
                continue
            found[event.source] = Fix(report_time(event.t_src, event.t_hub), body.lat, body.lon)
        return found
