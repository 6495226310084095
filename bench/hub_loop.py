"""The hub loop's own cost per report, without the store and without the rest of the bus benchmark.

    .venv/bin/python bench/hub_loop.py [--reports 200000] [--units 1000] [--rounds 3]

``bench/bus.py`` measures the whole pipeline on a shared two-core machine, where the load generator,
the workstation, the store writer and other tenants move its figures by a third from run to run. This
one isolates what limits the hub at 20,000 reports/s: the CPU time of its loop thread per report. The
hub runs in this process with a stand-in for storage (it numbers the events and stores nothing; the
committer thread still folds them into the state); a load generator in another process keeps 4,000
reports in flight over four connections, as bench/bus.py does. Each round prints, for the same reports:

- raw: a thread that only receives and decodes them (``recv`` of both frames, ``codec.decode``), the
  least any hub must do, in CPU µs per report;
- hub: the loop thread's CPU µs per report (receive, validate, batch, acknowledge, publish), and the
  committer thread's (the fold);
- their ratio, the hub's cost in raw receives.

No assertions: it prints a table.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import zmq

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from field_load import FieldLoad  # noqa: E402

from dispatch_desktop.bus.hub import Hub, PlainSecurity  # noqa: E402
from dispatch_desktop.domain import codec  # noqa: E402
from dispatch_desktop.domain import events as ev  # noqa: E402
from dispatch_desktop.domain.enums import UnitKind  # noqa: E402
from dispatch_desktop.store import Appended, EventStore, Projector  # noqa: E402

IN_FLIGHT = 4000


def _generator(endpoint: str, units: list[str], reports: int, acknowledged: bool, go: Any) -> None:
    """Sends ``reports`` position reports; with ``acknowledged``, at most IN_FLIGHT unanswered."""
    load = FieldLoad(endpoint, units)
    go.wait()
    sent = acked = 0
    while (acked if acknowledged else sent) < reports:
        while sent < reports and (not acknowledged or sent - acked < IN_FLIGHT):
            load.send(sent)
            sent += 1
        acked += load.acks(50 if acknowledged else 0)
    time.sleep(0.5)
    load.close()


def _thread_cpu(thread_id: int) -> float:
    for thread in psutil.Process().threads():
        if thread.id == thread_id:
            return float(thread.user_time + thread.system_time)
    raise LookupError(f"no thread {thread_id}")


def _thread_named(name: str, timeout: float = 10.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for thread in threading.enumerate():
            if thread.name == name and thread.native_id is not None:
                return thread.native_id
        time.sleep(0.05)
    raise LookupError(f"no thread {name!r}")


def _load(endpoint: str, units: list[str], reports: int, acknowledged: bool) -> tuple[Any, Any]:
    spawn = multiprocessing.get_context("spawn")
    go = spawn.Event()
    process = spawn.Process(target=_generator, args=(endpoint, units, reports, acknowledged, go))
    process.start()
    time.sleep(1.0)  # connected
    return process, go


def raw_receive(units: list[str], reports: int) -> float:
    """CPU µs per report of a thread that only receives and decodes."""
    context = zmq.Context()
    router = context.socket(zmq.ROUTER)
    router.rcvhwm = 0
    port = router.bind_to_random_port("tcp://127.0.0.1")
    cpu: list[float] = []

    def receive() -> None:
        start = time.thread_time()
        for _ in range(reports):
            router.recv()
            codec.decode(memoryview(router.recv())[4:])
        cpu.append(time.thread_time() - start)

    process, go = _load(f"tcp://127.0.0.1:{port}", units, reports, acknowledged=False)
    thread = threading.Thread(target=receive)
    thread.start()
    go.set()
    thread.join()
    process.join()
    router.close(0)
    context.term()
    return 1e6 * cpu[0] / reports


def hub_loop(units: list[str], reports: int) -> tuple[float, float, float]:
    """(loop µs, committer µs per report, reports/s) of an in-process hub that stores nothing."""
    directory = Path(tempfile.mkdtemp(prefix="dispatch-bench-hub-loop."))
    store = EventStore.open(f"sqlite:///{directory / 'events.db'}")
    numbered = [0]

    def number(batch: list[ev.Envelope]) -> list[Appended]:
        first = numbered[0]
        numbered[0] += len(batch)
        return [Appended(first + i + 1, False) for i in range(len(batch))]

    hub = Hub(store, projector=Projector(store, appender=number), security=PlainSecurity(),
              blob_dir=directory / "blobs", field_endpoint="tcp://127.0.0.1:*",
              workstation_endpoint="tcp://127.0.0.1:*", publish_endpoint="tcp://127.0.0.1:*",
              bootstrap=[ev.UnitRegistered(unit=u, unit_kind=UnitKind.PATROL_GROUP, station="S-1", name=u)
                         for u in units])
    # Tuned as the hub command tunes its process (garbage collector, thread switching). The roster goes
    # through the stand-in too.
    endpoints = hub.start(owns_process=True)
    try:
        loop = _thread_named("dispatch-hub")
        committer = _thread_named("dispatch-hub-commit")  # the loop starts it once the sockets are up
        process, go = _load(endpoints.field, units, reports, acknowledged=True)
        before = (_thread_cpu(loop), _thread_cpu(committer), time.perf_counter())
        go.set()
        process.join()
        after = (_thread_cpu(loop), _thread_cpu(committer), time.perf_counter())
    finally:
        hub.stop()
        store.close()
    return (1e6 * (after[0] - before[0]) / reports, 1e6 * (after[1] - before[1]) / reports,
            reports / (after[2] - before[2] - 0.5))


def main() -> int:
    parser = argparse.ArgumentParser(description="the hub loop's CPU per report")
    parser.add_argument("--reports", type=int, default=200_000)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    units = [f"B-{i:05d}" for i in range(args.units)]
    print(f"hub loop benchmark — {args.reports:,} reports from {args.units:,} units per round, "
          f"load average {psutil.getloadavg()[0]:.1f}")
    print(f"{'round':>5}  {'raw µs':>7}  {'hub loop µs':>11}  {'ratio':>6}  {'committer µs':>12}  {'reports/s':>10}")
    for round_ in range(1, args.rounds + 1):
        raw = raw_receive(units, args.reports)
        loop, committer, rate = hub_loop(units, args.reports)
        print(f"{round_:>5}  {raw:7.1f}  {loop:11.1f}  {loop / raw:6.1f}  {committer:12.1f}  {rate:10,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
