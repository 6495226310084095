"""One camera's reader thread: open, read, pace, resize, hand over; reconnect when the stream drops.

Everything slow happens here and never in the caller's thread: opening (bounded by FFmpeg timeouts),
reading (``VideoCapture.read`` releases the GIL while it decodes), resizing to the tile's size, and the
back-off between reconnect attempts. ``stop()`` only sets a flag and returns; the thread notices it at
its next step (at worst after one read timeout) and releases the capture itself.

The reader hands each delivered frame to ``on_frame`` and each state change to ``on_status``, both
called in the reader thread; the consumer decides what to keep (the wall keeps only the newest frame).
"""

from __future__ import annotations

import atexit
import enum
import logging
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from dispatch_desktop.video.address import StreamAddress, open_capture

log = logging.getLogger(__name__)

BACKOFF_S: tuple[float, ...] = (0.5, 1.0, 2.0)
"""Waits between reconnect attempts; the last one repeats. Capped at 2 s so that a camera that comes
back is live again within ~5 s (one wait plus one open)."""

DEFAULT_MAX_FPS = 12.0
OPEN_TIMEOUT_S = 2.5  # a camera that does not answer within this is offline (and retried)
READ_TIMEOUT_S = 4.0  # a connected stream silent this long is given up and reopened; the wall calls
# it "no signal" well before that, so a frozen picture and a lost connection look different
EXIT_WAIT_S = 5.0  # longer than a read timeout

_running: weakref.WeakSet[StreamReader] = weakref.WeakSet()


@atexit.register
def _stop_all_at_exit() -> None:
    """Readers are daemon threads (a forgotten one must not keep the process alive), but a daemon
    thread still inside OpenCV when the interpreter finalises aborts the process ("exception not
    rethrown"). So at exit every reader is told to stop and given a few seconds to leave OpenCV."""
    readers = list(_running)
    for reader in readers:
        reader.stop()
    deadline = time.monotonic() + EXIT_WAIT_S
    for reader in readers:
        reader.join(max(0.0, deadline - time.monotonic()))


class StreamState(enum.StrEnum):
    CONNECTING = "connecting"  # first attempt under way
    LIVE = "live"  # frames arriving
    OFFLINE = "offline"  # lost or unreachable; reconnecting with back-off
    NO_SIGNAL = "no_signal"  # connected, but no picture is arriving (judged by the consumer)


@dataclass(frozen=True)
class StreamStatus:
    state: StreamState
    since: float  # wall-clock time (epoch seconds) when this state began
    detail: str = ""  # why, for a tooltip or the log


FrameCallback = Callable[[np.ndarray, float], None]
StatusCallback = Callable[[StreamStatus], None]


def fit_size(width: int, height: int, box: tuple[int, int]) -> tuple[int, int]:
    """The largest size with the frame's aspect ratio inside ``box`` (the tile's picture area)."""
    scale = min(box[0] / width, box[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def fit_frame(frame: np.ndarray, box: tuple[int, int]) -> np.ndarray:
    """The frame resized to fill ``box`` (aspect kept), as cheaply as looks right.

    Shrinking: ``INTER_AREA`` averages every source pixel (no aliasing), but OpenCV is only fast at it
    for an exact halving: 640×360 → 320×180 takes 0.13 ms, 640×360 → 400×225 takes 3.5 ms. So the
    frame is halved by area while it stays at least twice the target, and the remaining factor (under
    2, where bilinear sampling still touches every source pixel) is done with ``INTER_LINEAR``, as is
    enlarging (a tile bigger than the camera's picture: one enlarged tile, a 2×2 wall)."""
    height, width = frame.shape[:2]
    size = fit_size(width, height, box)
    if size == (width, height):
        return frame
    while width >= 2 * size[0] and height >= 2 * size[1] and width % 2 == 0 and height % 2 == 0:
        width, height = width // 2, height // 2
        frame = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
    if (width, height) == size:
        return frame
    return cv2.resize(frame, size, interpolation=cv2.INTER_LINEAR)


class _Pacer:
    """Lets through at most ``max_fps`` frames a second on average, tolerating half a period of jitter
    so a source running at exactly the cap is not halved by timing noise."""

    def __init__(self, max_fps: float) -> None:
        self.interval = 1.0 / max_fps
        self.due = 0.0

    def ready(self, now: float) -> bool:
        if now < self.due - self.interval / 2:
            return False
        self.due = self.due + self.interval if now - self.due < self.interval else now + self.interval
        return True


class StreamReader:
    """Reads one stream in its own daemon thread. Thread-safe: ``stop``, ``set_box``, ``last_frame``."""

    def __init__(
        self,
        address: StreamAddress,
        *,
        on_frame: FrameCallback,
        on_status: StatusCallback,
        max_fps: float = DEFAULT_MAX_FPS,
        box: tuple[int, int] = (320, 180),
        backoff: Sequence[float] = BACKOFF_S,
        open_timeout_s: float = OPEN_TIMEOUT_S,
        read_timeout_s: float = READ_TIMEOUT_S,
        name: str = "",
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        if max_fps <= 0:
            raise ValueError(f"max_fps must be positive, not {max_fps}")
        if not backoff:
            raise ValueError("backoff needs at least one wait")
        self.address = address
        self.max_fps = max_fps
        self._on_frame = on_frame
        self._on_status = on_status
        self._box = box
        self._backoff = tuple(backoff)
        self._timeouts = (open_timeout_s, read_timeout_s)
        self._wall_clock = wall_clock
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"video:{name or address.text}", daemon=True)
        self._last_frame: np.ndarray | None = None
        self.frames_read = 0
        self.frames_delivered = 0
        self.reconnects = 0
        self.status = StreamStatus(StreamState.CONNECTING, wall_clock())

    # --- control (any thread) -------------------------------------------------------------------

    def start(self) -> None:
        _running.add(self)
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to finish; returns at once."""
        self._stop.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end (not from a GUI thread); True if it has."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def set_box(self, width: int, height: int) -> None:
        """The size frames are fitted to (the tile's picture); takes effect from the next frame."""
        self._box = (max(1, width), max(1, height))

    def last_frame(self) -> np.ndarray | None:
        """The newest full-size frame read (BGR), for snapshots. Never written to once published."""
        return self._last_frame

    # --- the thread ---------------------------------------------------------------------------

    def _set_status(self, state: StreamState, detail: str = "") -> None:
        if state is self.status.state:
            return
        self.status = StreamStatus(state, self._wall_clock(), detail)
        log.debug("%s: %s %s", self.address.text, state, detail)
        self._on_status(self.status)

    def _run(self) -> None:
        self._on_status(self.status)
        failures = 0
        while not self._stop.is_set():
            capture = open_capture(self.address, *self._timeouts)
            try:
                if not capture.isOpened():
                    self._set_status(StreamState.OFFLINE, "cannot open")
                elif self._pump(capture):
                    failures = 0  # it was live: start the back-off again from the shortest wait
            finally:
                capture.release()
            if self._stop.is_set():
                break
            wait = self._backoff[min(failures, len(self._backoff) - 1)]
            failures += 1
            self.reconnects += 1
            self._stop.wait(wait)
        self._last_frame = None

    def _pump(self, capture: cv2.VideoCapture) -> bool:
        """Read until the stream fails or we are stopped; True if at least one frame came through."""
        live = self.address.live
        file_period = 0.0
        if not live:
            fps = capture.get(cv2.CAP_PROP_FPS)
            file_period = 1.0 / fps if 0.5 <= fps <= 240.0 else 1.0 / self.max_fps
        pacer = _Pacer(self.max_fps)
        got_any = False
        read_due = time.monotonic()
        while not self._stop.is_set():
            ok, frame = capture.read()
            if not ok and not live and got_any:
                # End of file: loop. A rewind that fails is handled like a lost stream (reopen).
                ok = capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                if ok:
                    ok, frame = capture.read()
            if not ok or frame is None:
                self._set_status(StreamState.OFFLINE, "stream ended" if got_any else "no frames")
                return got_any
            got_any = True
            self.frames_read += 1
            self._last_frame = frame
            now = time.monotonic()
            if pacer.ready(now):
                self._set_status(StreamState.LIVE)
                self._on_frame(fit_frame(frame, self._box), self._wall_clock())
                self.frames_delivered += 1
            if not live:
                read_due += file_period
                delay = read_due - time.monotonic()
                if delay < -file_period:
                    read_due = time.monotonic()  # fell behind (busy machine): don't burst to catch up
                elif delay > 0 and self._stop.wait(delay):
                    break
        return got_any
