"""The replay's clock and its frames: time-driven playback over a ``ReplayEngine`` on a worker thread.

The clock is wall-clock driven, as LeafletPlayback's: at ×8 the replay instant moves 8 s for every second
that passes, however long a frame takes to build. Each tick asks the worker for the state at the clock's
instant; the worker builds only the newest request (older ones are dropped), so a slow frame makes playback
coarser, never late, and the GUI thread never waits on the database (the frame comes back through a queued
signal). A seek, a scrub (a drag of the timeline's cursor: no read-ahead, the fastest frame) and a step to
the previous / next event go through the same worker.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from dispatch_desktop.replay import SPEEDS
from dispatch_desktop.replay.engine import Frame, LogSpan, ReplayEngine
from dispatch_desktop.replay.interpolate import positions_between

log = logging.getLogger(__name__)

TICK_MS = 40  # 25 requests a second at most; a frame that takes longer simply skips instants
SCRUB_MS = 80  # a drag asks for a frame at most this often


class Request(Enum):
    SEEK = "seek"  # rebuild, then read ahead for interpolation
    SCRUB = "scrub"  # rebuild only
    ADVANCE = "advance"  # fold forward from the last frame


class FrameWorker(QObject):
    """One thread with one engine; ``request`` from the GUI thread, ``frameReady`` back on it."""

    frameReady = Signal(object, float)  # Frame, seconds since the request was made
    failed = Signal(str)

    def __init__(self, engine: ReplayEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._wake = threading.Condition()
        self._pending: tuple[Request, int, float] | None = None
        self._stopped = False
        self._busy = False
        self._thread = threading.Thread(target=self._run, name="replay-frames", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        """A request is waiting or being built (the player skips a tick rather than queue behind it)."""
        with self._wake:
            return self._busy or self._pending is not None

    def request(self, kind: Request, time_ms: int) -> None:
        with self._wake:
            self._pending = (kind, time_ms, time.perf_counter())
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                assert self._pending is not None
                (kind, time_ms, asked), self._pending = self._pending, None
                self._busy = True
            try:
                frame = self._build(kind, time_ms)
            except Exception as error:  # a damaged log must not kill the window: say it, keep the last frame
                log.exception("replay frame at %d failed", time_ms)
                self.failed.emit(str(error) or type(error).__name__)
            else:
                self.frameReady.emit(frame, time.perf_counter() - asked)
            finally:
                with self._wake:
                    self._busy = False

    def _build(self, kind: Request, time_ms: int) -> Frame:
        if kind is Request.ADVANCE:
            frame = self._engine.advance(time_ms)
        else:
            frame = self._engine.seek(time_ms, fixes=kind is Request.SEEK)
        if not frame.next_fixes:
            return frame
        # Here, not on the GUI thread: 1,100 units at every frame of a ×64 playback.
        return frame._replace(placed=positions_between(frame.state, frame.time_ms, frame.next_fixes))


class ReplayPlayer(QObject):
    """Play, pause, speed, seek: the replay instant, and the frames for it."""

    frameArrived = Signal(object)  # Frame, on the GUI thread
    positionChanged = Signal(object)  # the instant the clock shows (ms): every tick while playing
    playingChanged = Signal(bool)
    speedChanged = Signal(float)
    failed = Signal(str)

    def __init__(self, worker: FrameWorker, span: LogSpan, parent: QObject | None = None, *,
                 wall: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._worker = worker
        self.span = span
        self._wall = wall
        self._speed = 1.0
        self._playing = False
        self._position = span.first_ms
        self._anchor = (span.first_ms, wall())  # (instant, wall time) the running clock counts from
        self.last_latency_s = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._scrub_to: int | None = None
        self._scrub_timer = QTimer(self)
        self._scrub_timer.setSingleShot(True)
        self._scrub_timer.setInterval(SCRUB_MS)
        self._scrub_timer.timeout.connect(self._scrub_due)
        worker.frameReady.connect(self._on_frame)
        worker.failed.connect(self.failed)

    # --- reading ----------------------------------------------------------------------------------------

    @property
    def position(self) -> int:
        return self._position

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def speed(self) -> float:
        return self._speed

    # --- playback ---------------------------------------------------------------------------------------

    def play(self) -> None:
        if self._playing:
            return
        if self._position >= self.span.last_ms:
            self._go(self.span.first_ms, Request.SEEK)  # at the end: start over, as a video player does
        self._playing = True
        self._anchor = (self._position, self._wall())
        self._timer.start()
        self.playingChanged.emit(True)

    def pause(self) -> None:
        if not self._playing:
            return
        self._playing = False
        self._timer.stop()
        self._worker.request(Request.SEEK, self._position)  # the resting frame, with the units between fixes
        self.playingChanged.emit(False)

    def toggle(self) -> None:
        (self.pause if self._playing else self.play)()

    def set_speed(self, speed: float) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"replay speed must be one of {SPEEDS}, not {speed}")
        if speed != self._speed:
            self._anchor = (self._position, self._wall())
            self._speed = speed
            self.speedChanged.emit(speed)

    def faster(self) -> None:
        self.set_speed(SPEEDS[min(len(SPEEDS) - 1, SPEEDS.index(self._speed) + 1)])

    def slower(self) -> None:
        self.set_speed(SPEEDS[max(0, SPEEDS.index(self._speed) - 1)])

    # --- moving -----------------------------------------------------------------------------------------

    def seek(self, time_ms: int) -> None:
        self._scrub_to = None  # the drag ended here: no scrub frame after the resting one
        self._go(time_ms, Request.SEEK)

    def scrub(self, time_ms: int) -> None:
        """A drag across the timeline: the fastest frame (no read-ahead) for the places the cursor passes, at
        most one every ``SCRUB_MS``: a mouse moves 60 times a second, and asking for each would spend the GUI
        thread (and the interpreter's lock the worker shares) on frames nobody sees."""
        self._position = max(self.span.first_ms, min(self.span.last_ms, int(time_ms)))
        self.positionChanged.emit(self._position)
        self._scrub_to = self._position
        if not self._scrub_timer.isActive():
            self._scrub_due()

    def _scrub_due(self) -> None:
        if self._scrub_to is None:
            return
        self._go(self._scrub_to, Request.SCRUB)
        self._scrub_to = None
        self._scrub_timer.start()

    def home(self) -> None:
        self.seek(self.span.first_ms)

    def end(self) -> None:
        self.seek(self.span.last_ms)

    def _go(self, time_ms: int, kind: Request) -> None:
        self._position = max(self.span.first_ms, min(self.span.last_ms, int(time_ms)))
        self._anchor = (self._position, self._wall())
        self._worker.request(kind, self._position)
        self.positionChanged.emit(self._position)

    def _tick(self) -> None:
        start, wall = self._anchor
        position = start + int((self._wall() - wall) * 1000 * self._speed)
        if position >= self.span.last_ms:  # the end: stop there, with the resting frame
            self._playing = False
            self._timer.stop()
            self._go(self.span.last_ms, Request.SEEK)
            self.playingChanged.emit(False)
            return
        self._position = position
        self.positionChanged.emit(position)
        if not self._worker.busy:
            self._worker.request(Request.ADVANCE, position)

    def _on_frame(self, frame: Frame, latency_s: float) -> None:
        self.last_latency_s = latency_s
        self.frameArrived.emit(frame)

    def stop(self) -> None:
        self._timer.stop()
        self._worker.stop()
