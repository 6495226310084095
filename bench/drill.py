"""Live report latency with and without a drill running beside it, next to the raw baselines.

    .venv/bin/python bench/drill.py [--seconds 10] [--rate 11000] [--units 1000] [--rounds 4]

A drill runs on the real hub beside live work (PROTOCOL.md 9.8): the hub keeps the drill's state beside the
live one and folds every stored event into both, checks each drill event against the drill's state, and sends
the drill's orders. Does that slow live work? One hub (``dispatch-desktop hub --plain``, a subprocess, as
bench/bus.py starts it), one live workstation timing the live events only, and field units offering position
reports at ``--rate`` (bench/bus.py's load generator) in phases of ``--seconds``, ``--rounds`` without a drill and
as many with one, in blocks A-B-B-A (without, with, with, without, …; a new drill for each stretch with one), so
that a drift of the shared machine weighs on both alike.

The drill, in a process of its own: a drill of a scenario (a call every ``CALL_EVERY_S`` seconds at one of three
places near Guangzhou Railway Station, ``SIMULATED`` simulated units) played by the drill runner
(``drill.runner``, as ``dispatch-desktop drill run`` plays it: its calls rung from the trainer's desk, its
simulated units' handsets reporting their positions every second and answering their orders) at ×1, and a
scripted trainee desk answering each call, creating its incident and dispatching two free simulated units to
it. That is busier than a real drill (three calls in the first minutes), so an upper bound of its load. The
trainer's and the trainee's desks are connected from the first phase on, so that a phase with the drill differs
from one without by the drill running only (on the machine of this bench, they fold the live traffic too).

Latency is bench/bus.py's: from the unit's send time (``t_src``) to the moment the live workstation's
``on_state`` listener gets the event, p50 and p99 over the phase's live reports. Goal: p99 with a drill within
10 % of p99 without. No assertions: it prints a table. Tell others sharing the machine before a full run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bus import _cpu_seconds, _generator, calibrate, hub_process, raw_sqlite, raw_zmq  # noqa: E402

from dispatch_desktop.domain import events as ev  # noqa: E402
from dispatch_desktop.domain.enums import Category, Mode  # noqa: E402

DRILL_DAY = "D-20261207"  # the drills are numbered 90, 91, … that day
CALL_EVERY_S = 10
SIMULATED = 12
PLACES = ("广州站", "广州火车站地铁站", "越秀公园")
SLOW_MS = 250  # a report this late is a stall of the hub or of the machine, not queueing


def bench_scenario(calls: int) -> str:
    """A scenario of ``calls`` knife-attack calls, one every ``CALL_EVERY_S`` s, and ``SIMULATED`` simulated
    units; no expectations (nothing is scored here)."""
    units = "\n".join(f"    - {{id: DRILL-B-{n:02d}, kind: {'rapid' if n % 3 == 0 else 'patrol'}, "
                      f"station: S-440104-14, place: {PLACES[n % 3]}, call_sign: 演练{n:02d}}}"
                      for n in range(SIMULATED))
    injects = "\n".join(f'  - {{id: call_{n:03d}, at: "+{(n + 1) * CALL_EVERY_S // 60:02d}:'
                        f'{(n + 1) * CALL_EVERY_S % 60:02d}", call: {{caller: 甲, number: "138{n:08d}", '
                        f"place: {PLACES[n % 3]}, type: knife_attack, priority: 1, description: 有人持刀}}}}"
                        for n in range(calls))
    duration = (calls + 2) * CALL_EVERY_S
    return (f"format: 1\nid: bench_drill\nversion: 1\ntitle: {{zh: 基准演练, en: Bench drill}}\n"
            f"description: {{zh: 基准演练, en: Bench drill}}\nduration: \"+{duration // 60:02d}:{duration % 60:02d}\"\n"
            f"units:\n  simulated:\n{units}\ninjects:\n{injects}\n")


class Trainee:
    """A trainee's desk, scripted: answers each drill call, creates its incident and dispatches two simulated
    units that are on no incident (a unit is free again once it reports its clearance)."""

    def __init__(self, command: str, publish: str) -> None:
        from dispatch_desktop.bus.workstation import WorkstationClient

        self._lock = threading.Lock()
        self._calls: list[ev.CallOffered] = []
        self._busy: set[str] = set()
        self._units = [f"DRILL-B-{n:02d}" for n in range(SIMULATED)]
        self.sent = 0
        self.client = WorkstationClient("ws-trainee", command_endpoint=command, publish_endpoint=publish,
                                        on_state=self._heard)
        self.client.start()
        self.client.wait_synced(60)

    def _heard(self, _state: object, changed: list[tuple[int, ev.Envelope]] | None) -> None:
        with self._lock:
            for _gseq, event in changed or ():
                body = event.body
                if event.mode is not Mode.DRILL:
                    continue
                if isinstance(body, ev.CallOffered):
                    self._calls.append(body)
                elif isinstance(body, ev.UnitDispatched):
                    self._busy.add(body.unit)
                elif isinstance(body, ev.Clearance):
                    self._busy.discard(event.source)

    def reset(self) -> None:
        """A new drill: its units are all free, no call waits."""
        with self._lock:
            self._calls, self._busy, self.sent = [], set(), 0

    def work(self) -> None:
        with self._lock:
            calls, self._calls = self._calls, []
            free = [unit for unit in self._units if unit not in self._busy]
        for n, call in enumerate(calls):
            assert call.location is not None
            incident = f"DJ-{call.call.rsplit('_', 1)[-1]}"
            self._send(ev.CallAnswered(call=call.call))
            self._send(ev.IncidentCreated(
                incident=incident, call_time=0, caller_number=call.number, lat=call.location.lat,
                lon=call.location.lon, address=call.address, district="440104", station="S-440104-14",
                incident_type="knife_attack", priority=1, category=Category.POLICE, call=call.call))
            for unit in free[2 * n:2 * n + 2]:
                self._send(ev.UnitDispatched(incident=incident, unit=unit))
                with self._lock:
                    self._busy.add(unit)

    def _send(self, body: ev.AnyBody) -> None:
        self.client.send_command(body, mode=Mode.DRILL).result(timeout=30)
        self.sent += 1


def _drill(command: str, publish: str, field: str, control: Any, results: Any) -> None:
    """The trainer's and the trainee's desks, connected until ``control`` says "leave"; a drill started on each
    "start" and ended on the next "stop", with what it did put in ``results`` ("ready" once connected)."""
    from dispatch_desktop.bus.workstation import WorkstationClient
    from dispatch_desktop.city import generate_city
    from dispatch_desktop.drill.clock import DrillClock
    from dispatch_desktop.drill.loading import load_scenario
    from dispatch_desktop.drill.runner import DrillRunner
    from dispatch_desktop.drill.sim_units import SimTimes, simulated_motion

    city = generate_city(cameras=0)
    scenario, problems = load_scenario(bench_scenario(calls=120), "bench_drill.yaml", city)
    if scenario is None:
        raise RuntimeError(f"the bench scenario does not validate: {problems}")
    trainer = WorkstationClient("ws-trainer", command_endpoint=command, publish_endpoint=publish)
    trainer.start()
    trainer.wait_synced(60)
    trainee = Trainee(command, publish)
    results.put("ready")
    drills = 0
    while control.get() == "start":
        drills += 1
        runner = DrillRunner(scenario, city, trainer, field, drill_id=f"{DRILL_DAY}-{89 + drills}", clock=DrillClock(),
                             motion=simulated_motion, operator="基准 000000",
                             times=SimTimes(report_every_s=1.0, scene_s=30.0))
        trainer.on_state = lambda _state, changed, runner=runner: runner.observe(changed)
        trainee.reset()
        runner.start()
        while control.empty():  # until "stop"
            runner.step()
            trainee.work()
            time.sleep(0.1)
        control.get()
        runner.end()
        trainer.on_state = lambda _state, _changed: None
        kinds: dict[str, int] = {}
        for _gseq, event in runner.events:
            kinds[event.kind] = kinds.get(event.kind, 0) + 1
        results.put({"drill": runner.drill_id, "kinds": kinds, "trainee": trainee.sent})
    trainee.client.stop()
    trainer.stop()


def _live_audience(command: str, publish: str, ready: Any, done: Any, results: Any) -> None:
    """bench/bus.py's audience, timing the live events only: the drill's own are not what is measured."""
    from dispatch_desktop.bus.workstation import WorkstationClient

    received: list[tuple[float, int]] = []  # (arrival ms, t_src ms)

    def on_state(_state: object, changed: list[tuple[int, ev.Envelope]] | None) -> None:
        if changed:
            arrival = time.time() * 1000.0
            received.extend((arrival, event.t_src) for _gseq, event in changed if event.mode is Mode.LIVE)

    client = WorkstationClient("ws-bench", command_endpoint=command, publish_endpoint=publish, on_state=on_state)
    client.start()
    client.wait_synced(60)
    ready.set()
    done.wait()
    client.stop()
    results.put(received)


def paced_phase(field: str, units: list[str], seconds: float, rate: float, hub: psutil.Process,
                others: list[psutil.Process]) -> dict[str, Any]:
    """One phase of bench/bus.py's paced load: its window (t0, t1 in ms), what was sent, and the CPU (cores)
    the hub and each of ``others`` used during it."""
    spawn = multiprocessing.get_context("spawn")
    go, results = spawn.Event(), spawn.Queue()
    load = spawn.Process(target=_generator, args=(field, units, "paced", seconds, rate, results, go))
    load.start()
    time.sleep(1.0)  # connected
    t0 = time.time() * 1000.0
    watched = [hub, *others]
    cpu = [_cpu_seconds(process) for process in watched]
    go.set()
    if results.get(timeout=seconds + 60) != "ended":
        raise RuntimeError("the load generator did not report the end of its phase")
    used = [_cpu_seconds(process) - before for process, before in zip(watched, cpu, strict=True)]
    outcome: dict[str, Any] = results.get(timeout=60)
    load.join(30)
    outcome["window"] = (t0, t0 + outcome["elapsed"] * 1000.0)
    outcome["cpu_hub"] = used[0] / outcome["elapsed"]
    outcome["cpu_others"] = [value / outcome["elapsed"] for value in used[1:]]
    return outcome


def run(directory: Path, units: int, seconds: float, rate: float, rounds: int) -> dict[str, Any]:
    names = [f"B-{i:05d}" for i in range(units)]
    spawn = multiprocessing.get_context("spawn")
    phases: list[tuple[str, dict[str, Any]]] = []
    with hub_process(directory, names) as (endpoints, hub, _db):
        field, command, publish = endpoints
        ready, done, audience = spawn.Event(), spawn.Event(), spawn.Queue()
        watcher = spawn.Process(target=_live_audience, args=(command, publish, ready, done, audience))
        watcher.start()
        control, drilled = spawn.Queue(), spawn.Queue()
        drill = spawn.Process(target=_drill, args=(command, publish, field, control, drilled))
        drill.start()
        if not ready.wait(120) or drilled.get(timeout=180) != "ready":
            raise RuntimeError("the workstation or the drill's desks did not synchronise with the hub")
        drill_process = psutil.Process(drill.pid)
        drills: list[dict[str, Any]] = []
        running = False
        for phase in abba(rounds):
            if (phase == "with") != running:
                control.put("start" if phase == "with" else "stop")
                if running:
                    drills.append(drilled.get(timeout=60))  # ended
                running = not running
                time.sleep(5.0)  # a drill started: its units registered, its first call rung; or ended
            phases.append((phase, paced_phase(field, names, seconds, rate, hub, [drill_process])))
            time.sleep(2.0)  # the phase's backlog drained
        if running:
            control.put("stop")
            drills.append(drilled.get(timeout=60))
        control.put("leave")
        drill.join(60)
        time.sleep(1.0)
        done.set()
        received = audience.get(timeout=120)
        watcher.join(30)
    for _phase, outcome in phases:
        t0, t1 = outcome["window"]
        timed = [(t_src, arrival - t_src) for arrival, t_src in received if t0 <= t_src <= t1 + 1]
        outcome["latencies"] = sorted(latency for _t_src, latency in timed)
        outcome["slow"] = sum(1 for _t_src, latency in timed if latency > SLOW_MS)
    return {"phases": phases, "drills": drills}


def abba(rounds: int) -> list[str]:
    """Phases without and with a drill, ``rounds`` of each, in blocks A-B-B-A, so that a drift of the shared
    machine over the run weighs on both alike."""
    order: list[str] = []
    for block in range(rounds):
        order.append("without" if block % 2 == 0 else "with")
        order.append("with" if block % 2 == 0 else "without")
    return order



def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * fraction))]


def main() -> int:
    parser = argparse.ArgumentParser(description="live report latency with and without a drill running")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase")
    parser.add_argument("--rate", type=float, default=11_000.0, help="live reports/s offered in each phase")
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=4,
                        help="phases with a drill, and as many without, in blocks without-with-with-without")
    args = parser.parse_args()
    load_before = os.getloadavg()
    calibration = calibrate()
    with tempfile.TemporaryDirectory(prefix="dispatch-bench-drill.") as tmp:
        directory = Path(tmp)
        zmq_rate = raw_zmq()
        sqlite_rate = raw_sqlite(directory)
        measured = run(directory, args.units, args.seconds, args.rate, max(2, args.rounds))

    rows = [("raw pyzmq PUSH/PULL (100 B)", f"{zmq_rate:,.0f} msg/s", "", "bench/bus.py's baseline"),
            ("raw sqlite3 executemany, 1,000-row commits", f"{sqlite_rate:,.0f} rows/s", "",
             "WAL, synchronous=FULL: the store's settings")]
    p99s: dict[str, list[float]] = {"without": [], "with": []}
    for n, (phase, outcome) in enumerate(measured["phases"], start=1):
        times = outcome["latencies"]
        offered = outcome["sent"] / outcome["elapsed"]
        if not times:
            rows.append((f"{n}. {phase} a drill", "no events timed", "", f"offered {offered:,.0f}/s"))
            continue
        p99 = percentile(times, 0.99)
        p99s[phase].append(p99)
        # The drill's process holds the trainer's and the trainee's desks, connected in every phase: each
        # folds the live traffic too, so the phases differ by the drill running and nothing else.
        drill_cpu = f", the drill's process (two desks; the runner) {outcome['cpu_others'][0]:.2f}"
        rows.append((f"{n}. live latency unit -> workstation, {phase} a drill",
                     f"p50 {statistics.median(times):.0f} ms, p99 {p99:.0f} ms", "p99 <= 100 ms",
                     f"offered {offered:,.0f}/s, {len(times):,} live events timed, {outcome['slow']:,} over "
                     f"{SLOW_MS} ms; CPU (cores): hub "
                     f"{outcome['cpu_hub']:.2f}{drill_cpu}"))
    if p99s["without"] and p99s["with"]:
        without, with_drill = statistics.median(p99s["without"]), statistics.median(p99s["with"])
        rows.append(("p99 with a drill / without (medians)", f"{with_drill / without:.0%}", "<= 110 %",
                     f"{with_drill:.0f} ms / {without:.0f} ms"))
    for drill in measured["drills"]:
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in sorted(drill["kinds"].items(), key=lambda kv: -kv[1]))
        rows.append((f"drill {drill['drill']}: its own events (drill mode)", f"{sum(drill['kinds'].values()):,}", "",
                     f"{kinds}; the trainee sent {drill['trainee']:,} commands"))
    width = [max(len(row[i]) for row in rows) for i in range(4)]
    print()
    print(f"drill benchmark — {os.cpu_count()} cores, load average {load_before[0]:.1f} before / "
          f"{os.getloadavg()[0]:.1f} after; 1M Python loop steps took {calibration:.2f} s of CPU; "
          f"{args.seconds:g} s phases at {args.rate:,.0f} reports/s, {args.units} live units, drills "
          f"with {SIMULATED} simulated units and a call every {CALL_EVERY_S} s")
    header = ("metric", "value", "goal", "note")
    print("  ".join(h.ljust(w) for h, w in zip(header, width, strict=True)))
    print("  ".join("-" * w for w in width))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, width, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
