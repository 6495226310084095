"""The benchmark's city in its own process: the simulator and the hub's fold, streaming the events out.

Why a process and not a thread: the simulator and the hub's projection are CPU-bound Python. On a
thread of the desk's process they hold the GIL, and every time the GUI thread comes back from Qt into
Python (each model ``data()`` call while a table paints, each slot) it waits for the GIL, up to the
switch interval (5 ms) each time: a table repaint of a few hundred calls then stalls the event loop for
seconds. So the city runs here, as the hub and the field units run elsewhere for a real desk, and the
desk's process only folds the published events into its State (what its bus client does) on a
feed thread: a few ms of Python every 100 ms.

Parent side: ``SimFeed``. Child side: ``python bench/sim_feed.py UNITS INCIDENTS REPORT_S PUSH_HZ``,
which writes length-prefixed msgpack ``Batch`` frames to stdout and reads "go" / EOF on stdin.
Qt-free.
"""

from __future__ import annotations

import contextlib
import random
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import msgspec

if __package__ in (None, ""):  # run as a script: the repository root on the path for dispatch_desktop
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import projection, taxonomy
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.state import State

TYPES = ["fight", "theft", "traffic_injury", "burglary", "noise", "robbery", "dispute", "knife_attack"]
DESK = "ws-bench"
_HEADER = struct.Struct("<I")


class Batch(msgspec.Struct):
    """``kind``: "setup" (everything up to the start, with the baseline numbers in ``info``), "tick"
    (one real-time step) or "error"."""

    kind: str
    events: list[ev.Envelope]
    info: dict[str, float] = {}


_encode = msgspec.msgpack.Encoder().encode
_decode = msgspec.msgpack.Decoder(Batch).decode


# --- child --------------------------------------------------------------------------------------------


def open_incidents(city: City, deliver: Callable[[str, ev.Body, int], None], now_ms: int, count: int,
                   seed: int = 11) -> None:
    """``count`` new incidents at random points around the city's stations, applied like a desk's."""
    rng = random.Random(seed)
    for n in range(count):
        station = rng.choice(city.stations)
        incident_type = rng.choice(TYPES)
        deliver(DESK, ev.IncidentCreated(
            incident=f"B{n + 1:05d}", call_time=now_ms, caller_number="13800138000",
            lat=station.lat + rng.uniform(-0.01, 0.01), lon=station.lon + rng.uniform(-0.01, 0.01),
            address=f"{station.name[:3]}某路{n + 1}号", district=station.district, station=station.id,
            incident_type=incident_type, priority=rng.randint(1, 4),
            category=taxonomy.incident_type(incident_type).category, description="bench",
        ), now_ms)


def _write(out: IO[bytes], batch: Batch) -> None:
    data = _encode(batch)
    out.write(_HEADER.pack(len(data)))
    out.write(data)
    out.flush()


def child(units: int, incidents: int, report_s: float, push_hz: float) -> None:
    from dispatch_desktop.city import generate_city
    from dispatch_desktop.sim.engine import Engine, SimConfig
    from dispatch_desktop.sim.loopback import Loopback

    out = sys.stdout.buffer
    t0 = time.perf_counter()
    city = generate_city()
    city_s = time.perf_counter() - t0
    # The roster on duty, the open incidents, no automatic dispatcher and no new calls (so the incidents
    # stay open and every message is a unit's report).
    t0 = time.perf_counter()
    start_ms = int(time.time() * 1000)
    engine = Engine(city, SimConfig(units=units, report_interval_s=report_s, incidents_per_day=0,
                                    auto_dispatch=False), start_ms=start_ms)
    seen: list[ev.Envelope] = []  # everything the hub accepted or refused, to publish
    loop = Loopback(engine, State(), on_event=seen.append)  # its constructor delivers the roster already
    loop.step(start_ms)
    open_incidents(city, loop.deliver, engine.now_ms, incidents)
    setup_s = time.perf_counter() - t0
    # Baseline: the Qt-free cost of one report cycle, engine stepped report_s, its messages folded.
    t0 = time.perf_counter()
    sent = engine.step(start_ms + int(report_s * 1000))
    t1 = time.perf_counter()
    for source, body, t_ms in sent:
        loop.deliver(source, body, t_ms)
    t2 = time.perf_counter()
    _write(out, Batch("setup", seen, {"city_s": city_s, "setup_s": setup_s, "engine_s": t1 - t0,
                                      "fold_s": t2 - t1, "folded": len(sent)}))
    seen.clear()

    if sys.stdin.readline().strip() != "go":
        return
    wall0 = time.perf_counter()
    sim0 = engine.now_ms
    tick = 1.0 / push_hz
    next_at = wall0
    while True:
        now = time.perf_counter()
        loop.step(sim0 + int((now - wall0) * 1000))
        batch = Batch("tick", list(seen), {"step_ms": (time.perf_counter() - now) * 1000})
        seen.clear()
        try:
            _write(out, batch)
        except BrokenPipeError:
            return
        next_at += tick
        pause = max(0.0, next_at - time.perf_counter())
        if pause == 0.0:
            next_at = time.perf_counter()  # fell behind: carry on without trying to catch up twice
        ready, _, _ = select.select([sys.stdin], [], [], pause)
        if ready and not sys.stdin.readline():  # EOF: the parent is done
            return


# --- parent -------------------------------------------------------------------------------------------


class SimFeed:
    """Starts the child, folds what it publishes into a State on a feed thread, and hands each tick's
    state and events to ``on_tick`` (the desk's ``StateFeed.push``)."""

    def __init__(self, units: int, incidents: int, report_s: float, push_hz: float) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(units), str(incidents), str(report_s), str(push_hz)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
        )
        self.state = State()
        self.info: dict[str, float] = {}
        self.messages = 0
        self.pushes = 0
        self.fold_s = 0.0  # time the feed thread spent folding (GIL held in this process)
        self.worst_step_ms = 0.0
        self.on_tick: Callable[[State, list[tuple[int, ev.Envelope]]], None] | None = None
        self._thread: threading.Thread | None = None

    def setup(self) -> State:
        """Waits for the city up to its start and returns the folded State."""
        batch = self._read()
        if batch is None or batch.kind != "setup":
            raise RuntimeError("the simulator process ended before the city was set up")
        self.info = batch.info
        self.state = projection.apply_all(self.state, batch.events)
        return self.state

    def go(self) -> None:
        assert self.process.stdin is not None
        self._thread = threading.Thread(target=self._run, name="bench-feed", daemon=True)
        self._thread.start()
        self.process.stdin.write(b"go\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self._thread is not None:
            self._thread.join(5)

    def _run(self) -> None:
        while (batch := self._read()) is not None:
            started = time.perf_counter()
            state = self.state
            for event in batch.events:
                state = projection.apply(state, event)
            self.state = state
            self.fold_s += time.perf_counter() - started
            self.messages += len(batch.events)
            self.worst_step_ms = max(self.worst_step_ms, batch.info.get("step_ms", 0.0))
            if self.on_tick is not None:
                # As the bus client hands them on: each event with its gseq (numbered here, as a hub would).
                first = self.messages - len(batch.events) + 1
                self.on_tick(state, list(enumerate(batch.events, start=first)))
            self.pushes += 1

    def _read(self) -> Batch | None:
        stream = self.process.stdout
        assert stream is not None
        header = _read_exactly(stream, _HEADER.size)
        if header is None:
            return None
        data = _read_exactly(stream, _HEADER.unpack(header)[0])
        return None if data is None else _decode(data)


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    while size > 0:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


if __name__ == "__main__":
    child(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]))
