"""The replay window's measurements for bench/replay.py: seek → painted, a drag across the day, ×64 playback.

Each drives a real ``ReplayDesk`` the way a supervisor does (``player.seek``, the timeline's ``scrubbed``
signal from a timer at mouse-move rate, ``player.play`` at ×64) and watches what reaches the screen: the
frame entering the window's models (``ReplayDesk.on_frame_shown``), the map bridge sending its delta to the
page (``MapBridge.flushed``) and a synchronous ``repaint`` of the window. The GUI thread's stalls are read as
bench/gui.py reads them (``qt_probe.StallProbe``), and Python's cyclic collections on the GUI thread are timed
beside them, as the replay's big states make them the first suspect for a stall.
"""

from __future__ import annotations

import gc
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, QTimer
from qt_probe import StallProbe, wait, wait_until  # bench/ is on sys.path when run as a script

from dispatch_desktop.replay.engine import Frame
from dispatch_desktop.ui.plugins import guard
from dispatch_desktop.ui.replay.window import ReplayDesk

FLUSH_GRACE_S = 0.5
"""After a frame is shown, how long to wait for the bridge's delta before deciding the frame changed
nothing on the map (a seek to an instant the map already shows)."""


@dataclass
class PaintWatch:
    """Every frame shown and every map delta sent, with their perf_counter times."""

    desk: ReplayDesk
    shown: list[tuple[float, int]] = field(default_factory=list)  # (time, instant): no Frame kept alive, as
    # a window keeps none but its last; holding them would grow the collector's older generations
    flushes: list[tuple[float, int]] = field(default_factory=list)  # (time, instant of the frame on the map)
    latencies_s: list[float] = field(default_factory=list)  # the worker's request → frame, per frame shown

    def __post_init__(self) -> None:
        self.desk.on_frame_shown = self._on_shown
        self.desk.window.map_bridge.flushed.connect(self._on_flushed)

    last_instant: int = -1  # the instant of the frame shown last: a drag's previews included (``desk.frame``
    # is the last whole-window frame only)

    def _on_shown(self, frame: Frame) -> None:
        self.shown.append((time.perf_counter(), frame.time_ms))
        self.latencies_s.append(self.desk.player.last_latency_s)
        self.last_instant = frame.time_ms

    def _on_flushed(self, _units: int, _incidents: int, _size: int) -> None:
        self.flushes.append((time.perf_counter(), self.last_instant))

    def clear(self) -> None:
        self.shown.clear()
        self.flushes.clear()
        self.latencies_s.clear()

    def shown_at(self, time_ms: int) -> float | None:
        return next((at for at, instant in self.shown if instant == time_ms), None)

    def flushed_after(self, moment: float) -> float | None:
        return next((at for at, _instant in self.flushes if at >= moment), None)


class GcTimer:
    """How long each cyclic collection took, on whichever thread ran it (the GUI thread, as the desk's
    ``GuiThreadCollector`` switches automatic collection off)."""

    def __init__(self) -> None:
        self.collections: list[tuple[int, float]] = []  # (generation, ms)
        self._started = 0.0

    def __enter__(self) -> GcTimer:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_exc: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.collections.append((int(info["generation"]), (time.perf_counter() - self._started) * 1000))


class PluginFaults(logging.Handler):
    """The faults the plugin guard logs (a listener that held the desk past its limit…): after
    ``guard.MAX_FAULTS`` a plugin is disabled for the session, and the figures after that run without it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.faults: list[tuple[float, str, str]] = []  # (time, plugin, summary)

    def __enter__(self) -> PluginFaults:
        logging.getLogger(guard.__name__).addHandler(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        logging.getLogger(guard.__name__).removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and len(record.args) >= 2:
            self.faults.append((time.perf_counter(), str(record.args[0]), str(record.args[1])))

    def disabled(self) -> list[str]:
        plugins = [plugin for _at, plugin, _summary in self.faults]
        return sorted({plugin for plugin in plugins if plugins.count(plugin) >= guard.MAX_FAULTS})


def wait_painted(desk: ReplayDesk, watch: PaintWatch, time_ms: int, timeout_s: float = 60.0) -> dict[str, float]:
    """Process events until the frame for ``time_ms`` is in the models and its map delta went out, then
    repaint the window; the perf_counter times of each step."""
    wait_until(lambda: watch.shown_at(time_ms) is not None, timeout_s, step_ms=1)
    shown = watch.shown_at(time_ms)
    if shown is None:
        raise TimeoutError(f"the replay did not show {time_ms} within {timeout_s:.0f} s")
    wait_until(lambda: watch.flushed_after(shown) is not None, FLUSH_GRACE_S, step_ms=1)
    flushed = watch.flushed_after(shown)
    desk.window.repaint()
    return {"shown": shown, "flushed": flushed if flushed is not None else float("nan"),
            "painted": time.perf_counter()}


def seek_to_painted(desk: ReplayDesk, watch: PaintWatch, instants: list[int]) -> dict[str, list[float]]:
    """``player.seek`` to each instant in turn; ms from the call to the frame shown, its delta sent, painted,
    the worker's build time and what the GUI thread spent between the frame built and shown."""
    out: dict[str, list[float]] = {"painted": [], "shown": [], "flushed": [], "built": [], "gui": []}
    for instant in instants:
        watch.clear()
        wait(0.1)  # let the previous seek's late work (the plugins' history, a collection) settle
        start = time.perf_counter()
        desk.player.seek(instant)
        marks = wait_painted(desk, watch, instant)
        for name in ("painted", "shown", "flushed"):
            out[name].append((marks[name] - start) * 1000)
        built = watch.latencies_s[-1] * 1000 if watch.latencies_s else float("nan")
        out["built"].append(built)
        out["gui"].append(out["shown"][-1] - built)  # the frame's way into the models, on the GUI thread
    return out


def drag_across(desk: ReplayDesk, watch: PaintWatch, first_ms: int, last_ms: int, *, seconds: float,
                moves_per_s: int) -> dict[str, Any]:
    """The timeline's cursor dragged from ``first_ms`` to ``last_ms`` in ``seconds``: ``scrubbed`` emitted by
    a precise timer at ``moves_per_s``, as Qt delivers mouse moves. Counts the distinct frames the map was
    sent while dragging (and until the last position is on it)."""
    moves = max(2, int(seconds * moves_per_s))
    positions = [first_ms + (last_ms - first_ms) * i // (moves - 1) for i in range(moves)]
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(round(1000 / moves_per_s))
    sent: list[float] = []

    def move() -> None:
        if len(sent) == len(positions):
            timer.stop()
            return
        sent.append(time.perf_counter())
        desk.timeline.scrubbed.emit(positions[len(sent) - 1])

    watch.clear()
    probe = StallProbe()
    timer.timeout.connect(move)
    probe.start()
    start = time.perf_counter()
    timer.start()
    wait_until(lambda: len(sent) == len(positions), seconds * 10 + 30, step_ms=5)
    released = time.perf_counter()
    wait_until(lambda: watch.shown_at(positions[-1]) is not None, 30, step_ms=5)
    last_shown = watch.shown_at(positions[-1]) or time.perf_counter()
    wait_until(lambda: watch.flushed_after(last_shown) is not None, FLUSH_GRACE_S, step_ms=1)
    end = time.perf_counter()
    probe.stop()
    painted = {instant for _at, instant in watch.flushes}
    shown = {instant for _at, instant in watch.shown}
    elapsed = end - start
    return {
        "moves": len(sent), "drag_s": released - start, "elapsed_s": elapsed,
        "frames_painted": len(painted), "painted_per_s": len(painted) / elapsed,
        "frames_shown": len(shown), "shown_per_s": len(shown) / elapsed,
        "built_ms": [latency * 1000 for latency in watch.latencies_s],
        "stall_ms": list(probe.late_ms),
    }


def play(desk: ReplayDesk, watch: PaintWatch, start_ms: int, *, seconds: float, speed: float) -> dict[str, Any]:
    """Play ``seconds`` of wall time at ``speed`` from ``start_ms`` (its frame painted first): the GUI
    thread's stalls, the frames shown and sent to the map, how far behind the clock each shown frame was."""
    watch.clear()
    desk.player.seek(start_ms)
    wait_painted(desk, watch, start_ms)
    desk.player.set_speed(speed)
    watch.clear()
    wait(0.2)
    behind_ms: list[float] = []  # the clock's instant less the shown frame's, in replay time
    wall0 = time.monotonic()
    hook = desk.on_frame_shown
    assert hook is not None  # the PaintWatch's

    def on_shown(frame: Frame) -> None:
        hook(frame)
        behind_ms.append(start_ms + (time.monotonic() - wall0) * 1000 * speed - frame.time_ms)

    probe = StallProbe()
    desk.on_frame_shown = on_shown
    with GcTimer() as collections:
        probe.start()
        wall0 = time.monotonic()  # the player's clock counts from here (it reads time.monotonic too)
        desk.player.play()
        wait(seconds)
        desk.player.pause()
        elapsed = time.monotonic() - wall0
        probe.stop()
    desk.on_frame_shown = hook
    reached = desk.player.position
    return {
        "elapsed_s": elapsed, "replayed_s": (reached - start_ms) / 1000,
        "frames_shown": len(watch.shown), "shown_per_s": len(watch.shown) / elapsed,
        "flushes_per_s": len(watch.flushes) / elapsed,
        "behind_replay_ms": behind_ms, "built_ms": [latency * 1000 for latency in watch.latencies_s],
        "stall_ms": list(probe.late_ms), "gc_ms": [ms for _gen, ms in collections.collections],
        "gc_gen2_ms": [ms for gen, ms in collections.collections if gen == 2],
    }
