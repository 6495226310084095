"""Bus throughput and latency, through the real hub and SQLite store, next to the raw baselines.

    .venv/bin/python bench/bus.py [--seconds 10] [--rate 11000] [--units 1000]

In one run, each part in processes of its own (the machine has two cores; the hub must not share its
interpreter with the load):

1. raw pyzmq PUSH/PULL messages/s (100-byte messages, sender in another process);
2. raw sqlite3 ``executemany`` rows/s, in one transaction, and in 1,000-row transactions with WAL and
   synchronous=FULL (the store's settings): the ceiling of what the store can persist;
3. the hub (``dispatch-desktop hub --plain``, a subprocess) with a workstation (``WorkstationClient``,
   another process) subscribed:
   a. *sustained*: a load generator keeps as many reports in flight as the hub takes; reports/s
      persisted (acknowledged after commit, checked against the store's gseq) and delivered to the
      workstation (applied to its copy of the state);
   b. *latency*: reports offered at a fixed rate (default 11,000/s); p50/p99 from the unit's send time
      (``t_src``, in ms) to the moment the workstation's ``on_state`` listener gets the event;
   c. the hub's peak RSS over the whole run.

No assertions: it prints a table. Goals: >= 20,000 reports/s sustained; p99 <= 100 ms at 11,000/s;
hub RSS <= 500 MB. Plain mode, because the load generator impersonates all units over a few sockets.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import zmq

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from field_load import FieldLoad  # noqa: E402

from dispatch_desktop.domain import events as ev  # noqa: E402
from dispatch_desktop.domain.enums import UnitKind  # noqa: E402
from dispatch_desktop.store.schema import SEQ_EPOCH_SQL  # noqa: E402

# --- raw baselines ------------------------------------------------------------------------------------


def _pusher(endpoint: str, count: int) -> None:
    context = zmq.Context()
    push = context.socket(zmq.PUSH)
    push.connect(endpoint)
    message = b"x" * 100
    for _ in range(count):
        push.send(message)
    push.close(linger=-1)
    context.term()


def raw_zmq(count: int = 400_000) -> float:
    context = zmq.Context()
    pull = context.socket(zmq.PULL)
    port = pull.bind_to_random_port("tcp://127.0.0.1")
    sender = multiprocessing.get_context("spawn").Process(target=_pusher, args=(f"tcp://127.0.0.1:{port}", count))
    sender.start()
    pull.recv()
    start = time.perf_counter()
    for _ in range(count - 1):
        pull.recv()
    elapsed = time.perf_counter() - start
    sender.join()
    pull.close(0)
    context.term()
    return (count - 1) / elapsed


def raw_sqlite(directory: Path, rows: int = 200_000, per_transaction: int = 1000) -> float:
    connection = sqlite3.connect(directory / f"raw-{per_transaction}.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE events (gseq INTEGER PRIMARY KEY, source_id INTEGER, seq INTEGER, "
                       "t_hub INTEGER, kind INTEGER, body BLOB)")
    # The store's (source, seq) index, so that the baseline does the same index work per row.
    connection.execute(f"CREATE INDEX ix_events_seq_epoch ON events ({SEQ_EPOCH_SQL}, source_id, seq)")
    body = b"\x94\xce\x0d\xc8\x6a\x80\xce\x43\x82\x13\x40\x00\x00"
    start = time.perf_counter()
    for first in range(0, rows, per_transaction):
        batch = [(g + 1, g % 1000, g, 1_763_780_000_000 + g, 1, body) for g in range(first, first + per_transaction)]
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", batch)
        connection.execute("COMMIT")
    elapsed = time.perf_counter() - start
    connection.close()
    return rows / elapsed


# --- the hub, its load and its audience --------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def hub_process(directory: Path, units: list[str],
                extra: tuple[str, ...] = ()) -> Iterator[tuple[list[str], psutil.Process, str]]:
    from dispatch_desktop.store import EventStore

    db = f"sqlite:///{directory / 'events.sqlite3'}"
    with EventStore.open(db) as store:
        now = int(time.time() * 1000)
        store.append([ev.envelope("hub", i + 1, ev.UnitRegistered(unit=u, unit_kind=UnitKind.PATROL_GROUP,
                                                                   station="S-1", name=u), now)
                      for i, u in enumerate(units)])
    endpoints = [f"tcp://127.0.0.1:{_free_port()}" for _ in range(3)]
    command = [sys.executable, "-m", "dispatch_desktop.cli", "hub", "--db", db, "--plain", "--no-city",
               "--bind", endpoints[0], "--workstation-bind", endpoints[1], "--publish-bind", endpoints[2],
               "--stats-every", "0", "--blobs", str(directory / "blobs"), *extra]
    log = open(directory / "hub.log", "wb")  # noqa: SIM115 - closed below, after the process
    hub = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    try:
        yield endpoints, psutil.Process(hub.pid), db
    finally:
        hub.terminate()
        try:
            hub.wait(20)
        except subprocess.TimeoutExpired:
            hub.kill()
        log.close()


def _workstation(command: str, publish: str, ready: Any, done: Any, results: Any) -> None:
    """The audience: a WorkstationClient recording when each event reached its listener."""
    from dispatch_desktop.bus.workstation import WorkstationClient

    received: list[tuple[float, int, int]] = []  # (arrival ms, t_src ms, t_hub ms)

    def on_state(_state: object, changed: list[tuple[int, ev.Envelope]] | None) -> None:
        if changed:
            arrival = time.time() * 1000.0
            received.extend((arrival, event.t_src, event.t_hub) for _gseq, event in changed)

    client = WorkstationClient("ws-bench", command_endpoint=command, publish_endpoint=publish, on_state=on_state)
    client.start()
    client.wait_synced(60)
    ready.set()
    done.wait()
    client.stop()
    results.put(received)


def _generator(endpoint: str, units: list[str], mode: str, seconds: float, rate: float, results: Any,
               go: Any) -> None:
    """Load: ``closed`` keeps up to 4,000 reports in flight; ``paced`` offers ``rate`` reports/s."""
    load = FieldLoad(endpoint, units)
    go.wait()
    sent = acked = 0
    cpu = time.process_time()
    start = time.perf_counter()
    end = start + seconds
    while (now := time.perf_counter()) < end:
        if mode == "closed":
            while sent - acked < 4000:
                load.send(sent)
                sent += 1
            wait = 50
        else:
            due = int(rate * (now - start))
            while sent < due:
                load.send(sent)
                sent += 1
            wait = 1
        acked += load.acks(wait)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    results.put("ended")
    drain_until = time.perf_counter() + 30
    while acked < sent and time.perf_counter() < drain_until:
        acked += load.acks(100)
    results.put({"sent": sent, "acked": acked, "elapsed": elapsed, "cpu": cpu,
                 "acked_in_time": None if mode == "paced" else acked})
    load.close()


def _tree(process: psutil.Process) -> list[psutil.Process]:
    """The process and its children: the hub's store writer is one."""
    with contextlib.suppress(psutil.Error):
        return [process, *process.children(recursive=True)]
    return []


def _cpu_seconds(process: psutil.Process) -> float:
    total = 0.0
    for member in _tree(process):
        with contextlib.suppress(psutil.Error):
            times = member.cpu_times()
            total += times.user + times.system
    return total


def _rss(process: psutil.Process) -> int:
    total = 0
    for member in _tree(process):
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def _last_gseq(db: str) -> int:
    from dispatch_desktop.store import EventStore

    with EventStore.open(db) as store:
        return store.last_gseq()


def run_hub(directory: Path, units: int, seconds: float, rate: float,
            extra: tuple[str, ...] = ()) -> dict[str, Any]:
    names = [f"B-{i:05d}" for i in range(units)]
    spawn = multiprocessing.get_context("spawn")
    out: dict[str, Any] = {}
    with hub_process(directory, names, extra) as (endpoints, hub, db):
        peak = [0]

        def sample() -> None:
            peak[0] = max(peak[0], _rss(hub))

        ready, done, audience = spawn.Event(), spawn.Event(), spawn.Queue()
        watcher = spawn.Process(target=_workstation, args=(endpoints[1], endpoints[2], ready, done, audience))
        watcher.start()
        audience_process = psutil.Process(watcher.pid)
        if not ready.wait(120):
            raise RuntimeError("the workstation did not synchronise with the hub")
        windows = {}
        # The last phase offers half the measured sustained rate: latency when the hub is not saturated.
        for phase, mode in (("closed", "closed"), ("paced", "paced"), ("half", "paced")):
            if phase == "half":
                time.sleep(2.0)  # let the previous phase's backlog drain
                offered = out["closed"]["persisted"] / out["closed"]["elapsed"] / 2
            else:
                offered = rate
            go, results = spawn.Event(), spawn.Queue()
            load = spawn.Process(target=_generator,
                                 args=(endpoints[0], names, mode, seconds, offered, results, go))
            load.start()
            time.sleep(1.0)  # connected
            before = _last_gseq(db)
            t0 = time.time() * 1000.0
            cpu = [_cpu_seconds(process) for process in (hub, audience_process)]
            go.set()
            while load.is_alive() and results.empty():
                sample()
                time.sleep(0.25)
            if results.get(timeout=60) != "ended":
                raise RuntimeError("the load generator did not report the end of its phase")
            cpu = [_cpu_seconds(process) - used for process, used in zip((hub, audience_process), cpu, strict=True)]
            while load.is_alive():
                sample()
                load.join(0.5)
            outcome = results.get(timeout=60)
            outcome["cpu_hub"], outcome["cpu_workstation"] = (used / outcome["elapsed"] for used in cpu)
            windows[phase] = (t0, t0 + outcome["elapsed"] * 1000.0)
            outcome["persisted"] = _last_gseq(db) - before
            out[phase] = outcome
            sample()
        time.sleep(1.0)
        done.set()
        received = audience.get(timeout=120)
        watcher.join(30)
        sample()
        out["rss"] = peak[0]
    for mode, (t0, t1) in windows.items():
        # events made during the window, whenever they arrived
        out[mode]["received"] = [item for item in received if t0 <= item[1] <= t1 + 1]
    return out


# --- report -------------------------------------------------------------------------------------------


def calibrate() -> float:
    """CPU time of a million trivial Python loop steps: how fast this machine is right now."""
    start = time.thread_time()
    total = 0
    for i in range(1_000_000):
        total += i
    return time.thread_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description="bus throughput and latency")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each hub phase")
    parser.add_argument("--rate", type=float, default=11_000.0, help="offered reports/s in the latency phase")
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--writer-thread", action="store_true",
                        help="run the hub with --writer-thread (its store writer in-process), to compare")
    args = parser.parse_args()
    load_before = os.getloadavg()
    calibration = calibrate()
    with tempfile.TemporaryDirectory(prefix="dispatch-bench-bus.") as tmp:
        directory = Path(tmp)
        zmq_rate = raw_zmq()
        sqlite_rate = raw_sqlite(directory)
        sqlite_one = raw_sqlite(directory, per_transaction=200_000)
        hub = run_hub(directory, args.units, args.seconds, args.rate,
                      ("--writer-thread",) if args.writer_thread else ())

    closed, paced = hub["closed"], hub["paced"]
    persisted = closed["persisted"] / closed["elapsed"]
    acked = closed["acked"] / closed["elapsed"]
    delivered = len(closed["received"]) / closed["elapsed"]

    def latency(outcome: dict[str, Any]) -> tuple[str, str]:
        times = sorted(arrival - t_src for arrival, t_src, _t_hub in outcome["received"])
        offered = outcome["sent"] / outcome["elapsed"]
        if not times:
            return "no events timed", f"offered {offered:,.0f}/s"
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        # Where the time goes: waiting to be read by the hub (its receive stamp) and after it.
        to_hub = statistics.median(t_hub - t_src for _arrival, t_src, t_hub in outcome["received"])
        return (f"p50 {statistics.median(times):.0f} ms, p99 {p99:.0f} ms",
                f"offered {offered:,.0f}/s, {len(times):,} events timed; p50 to the hub's receipt {to_hub:.0f} ms")

    rows = [
        ("raw pyzmq PUSH/PULL (100 B)", f"{zmq_rate:,.0f} msg/s", "", ""),
        ("raw sqlite3 executemany, one transaction", f"{sqlite_one:,.0f} rows/s", "", "WAL"),
        ("raw sqlite3 executemany, 1,000-row commits", f"{sqlite_rate:,.0f} rows/s", "",
         "WAL, synchronous=FULL: the store's settings"),
        ("hub sustained: persisted", f"{persisted:,.0f} reports/s", ">= 20,000",
         f"{persisted / sqlite_rate:.1%} of raw sqlite, {persisted / zmq_rate:.1%} of raw zmq"),
        ("hub sustained: acknowledged", f"{acked:,.0f} reports/s", "", "ack after commit"),
        ("hub sustained: delivered to workstation", f"{delivered:,.0f} events/s", "",
         "applied to its State"),
        (f"latency unit -> workstation @ {args.rate:,.0f}/s", *latency(paced)[:1], "p99 <= 100 ms",
         latency(paced)[1]),
        ("latency unit -> workstation @ half sustained", *latency(hub["half"])[:1], "",
         latency(hub["half"])[1]),
        ("CPU while sustained (1.0 = a core)",
         f"hub and writer {closed['cpu_hub']:.2f}, load {closed['cpu'] / closed['elapsed']:.2f}, "
         f"workstation {closed['cpu_workstation']:.2f}", "", f"{os.cpu_count()} cores shared by all three"),
        ("hub RSS (peak)", f"{hub['rss'] / 2**20:,.0f} MB", "<= 500 MB",
         f"{args.units} units; the hub's processes together (it and its store writer)"),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(4)]
    print()
    print(f"bus benchmark — {os.cpu_count()} cores, load average {load_before[0]:.1f} before / "
          f"{os.getloadavg()[0]:.1f} after; 1M Python loop steps took {calibration:.2f} s of CPU")
    header = ("metric", "value", "goal", "note")
    print("  ".join(h.ljust(w) for h, w in zip(header, width, strict=True)))
    print("  ".join("-" * w for w in width))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, width, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
