"""The hub loop's own cost per message, without the store and without the rest of the bus benchmark.

    .venv/bin/python bench/hub_loop.py [--reports 200000] [--units 1000] [--rounds 3]
                                       [--extra-every 10] [--traffic honest hostile refused]

``bench/bus.py`` measures the whole pipeline on a shared two-core machine, where the load generator,
the workstation, the store writer and other tenants move its figures by a third from run to run. This
one isolates what limits the hub at 20,000 reports/s: the CPU time of its loop thread per message. The
hub runs in this process with a stand-in for storage (it numbers the events and stores nothing; the
committer thread still folds them into the state) and logs to a file as the hub command does; a load
generator in another process keeps 4,000 honest reports in flight over four connections, as
bench/bus.py does. Three kinds of traffic, each the honest positions plus, for the last two, one extra
message after every ``--extra-every`` of them:

- honest: positions from units on the roster, nothing else;
- hostile: frames the hub NACKs and logs, in turn: an invalid ``source`` of ~2,000 characters full of
  newlines and terminal escape codes, a report with unknown field names (newlines and escape codes in
  them too), a body of an unknown ``kind`` named likewise. This is what the log escaping is paid on;
- refused: one unit on the roster flooding well-formed ``arrival`` reports for an incident it was
  never dispatched to, which the domain refuses (``unit_not_assigned``). Without a refusal budget each
  is stored and published as a ``refused`` event; with one, most are only NACKed.

Each round prints, per traffic and for the same messages:

- raw: a thread that only receives and decodes them (``recv`` of both frames, ``codec.decode``, a
  failed decode caught), the least any hub must do, in CPU µs per message;
- hub loop: the loop thread's CPU µs per message (receive, validate, batch, acknowledge or refuse,
  log, publish); hub process: the whole process's (the loop, the committer's fold, ZeroMQ's I/O thread);
- their ratio to raw, the hub's cost in raw receives;
- what the hub answered (acknowledged, NACKed, refusals stored).

A summary gives each traffic's median over the rounds and its cost next to honest traffic's. To see
what a change costs, run this before and after it on the same machine and compare the medians (the
ratio to raw absorbs most of the machine's speed from run to run). No assertions: it prints tables.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import msgspec
import psutil
import zmq

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from field_load import LAT, LON, FieldLoad  # noqa: E402

from dispatch_desktop.bus.hub import Hub, PlainSecurity  # noqa: E402
from dispatch_desktop.domain import codec  # noqa: E402
from dispatch_desktop.domain import events as ev  # noqa: E402
from dispatch_desktop.domain.enums import Category, UnitKind  # noqa: E402
from dispatch_desktop.store import Appended, EventStore, Projector  # noqa: E402

IN_FLIGHT = 4000
TRAFFIC = ("honest", "hostile", "refused")
FLOODER = "B-FLOOD"  # on the roster, never dispatched
INCIDENT = "J-BENCH"  # open, with no unit on it
FORGED = "\n2025-01-01 00:00:00 CRITICAL FORGED-LOG-LINE hub stopped\x1b[2J\x1b[31m"


# --- traffic ------------------------------------------------------------------------------------------


def _hostile_payloads(units: list[str]) -> list[bytes]:
    """Reports the hub must NACK whose text would forge or flood its log if written raw."""
    valid = msgspec.msgpack.decode(codec.encode(ev.envelope(units[0], 1, ev.Position(lat=LAT, lon=LON),
                                                            int(time.time() * 1000))))
    long_source = {**valid, "source": (FORGED * 40)[:2000]}
    unknown_fields = {**valid, f"evil{FORGED}": 1, "x" * 300: FORGED,
                      "body": {**valid["body"], f"field{FORGED}": 2}}
    unknown_kind = {**valid, "body": {**valid["body"], "kind": f"position{FORGED}"}}
    return [msgspec.msgpack.encode(data) for data in (long_source, unknown_fields, unknown_kind)]


def _extra_messages(traffic: str, units: list[str]) -> Callable[[int], bytes] | None:
    """The extra message number ``k`` of a traffic (None: honest traffic has none)."""
    if traffic == "honest":
        return None
    if traffic == "hostile":
        payloads = _hostile_payloads(units)
        return lambda k: payloads[k % len(payloads)]
    first_seq = time.time_ns() // 1000
    arrival = ev.Arrival(incident=INCIDENT)
    return lambda k: codec.encode(ev.envelope(FLOODER, first_seq + k, arrival, int(time.time() * 1000)))


def _generator(endpoint: str, units: list[str], reports: int, acknowledged: bool, traffic: str, every: int,
               go: Any) -> None:
    """Sends ``reports`` position reports, and after every ``every`` of them one extra message of the
    traffic; with ``acknowledged``, at most IN_FLIGHT honest reports unanswered."""
    load = FieldLoad(endpoint, units)
    extra = _extra_messages(traffic, units)
    go.wait()
    sent = acked = extras = 0
    while (acked if acknowledged else sent) < reports:
        while sent < reports and (not acknowledged or sent - acked < IN_FLIGHT):
            load.send(sent)
            sent += 1
            if extra is not None and sent % every == 0:
                load.send_payload(extras, extra(extras))
                extras += 1
        acked += load.acks(50 if acknowledged else 0)
    time.sleep(0.5)
    load.close()


def _messages(traffic: str, reports: int, every: int) -> int:
    return reports if traffic == "honest" else reports + reports // every


def _load(endpoint: str, units: list[str], reports: int, acknowledged: bool, traffic: str,
          every: int) -> tuple[Any, Any]:
    spawn = multiprocessing.get_context("spawn")
    go = spawn.Event()
    process = spawn.Process(target=_generator, args=(endpoint, units, reports, acknowledged, traffic, every, go))
    process.start()
    time.sleep(1.0)  # connected
    return process, go


# --- measuring ----------------------------------------------------------------------------------------


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


def raw_receive(units: list[str], reports: int, traffic: str, every: int) -> float:
    """CPU µs per message of a thread that only receives and decodes."""
    context = zmq.Context()
    router = context.socket(zmq.ROUTER)
    router.rcvhwm = 0
    port = router.bind_to_random_port("tcp://127.0.0.1")
    messages = _messages(traffic, reports, every)
    cpu: list[float] = []

    def receive() -> None:
        start = time.thread_time()
        for _ in range(messages):
            router.recv()
            try:  # noqa: SIM105 - cheaper than contextlib.suppress, and this is the baseline
                codec.decode(memoryview(router.recv())[4:])
            except msgspec.DecodeError:
                pass
        cpu.append(time.thread_time() - start)

    process, go = _load(f"tcp://127.0.0.1:{port}", units, reports, False, traffic, every)
    thread = threading.Thread(target=receive)
    thread.start()
    go.set()
    thread.join()
    process.join()
    router.close(0)
    context.term()
    return 1e6 * cpu[0] / messages


class HubRun(NamedTuple):
    loop_us: float  # per message
    committer_us: float  # per message
    process_us: float  # per message
    reports_per_s: float  # honest reports acknowledged
    answers: str


def _bootstrap(units: list[str]) -> list[ev.Body]:
    roster: list[ev.Body] = [ev.UnitRegistered(unit=u, unit_kind=UnitKind.PATROL_GROUP, station="S-1", name=u)
                             for u in [*units, FLOODER]]
    return [*roster, ev.IncidentCreated(
        incident=INCIDENT, call_time=int(time.time() * 1000), caller_number="13800000000", lat=LAT, lon=LON,
        address="天河路 1 号", district="440106", station="S-440106-01", incident_type="theft", priority=2,
        category=Category.POLICE)]


def _answers(stats: dict[str, Any]) -> str:
    nacks = stats.get("nacks", {})
    codes = ", ".join(f"{code} {n:,}" for code, n in sorted(nacks.items(), key=lambda item: -item[1])[:3])
    return (f"acked {stats.get('acked', 0):,}, refusals stored {stats.get('refused', 0):,}, "
            f"nacked {sum(nacks.values()):,}" + (f" ({codes})" if codes else ""))


def hub_loop(directory: Path, units: list[str], reports: int, traffic: str, every: int) -> HubRun:
    """An in-process hub that stores nothing, under one traffic."""
    store = EventStore.open(f"sqlite:///{directory / 'events.db'}")
    numbered = [0]

    def number(batch: list[ev.Envelope]) -> list[Appended]:
        first = numbered[0]
        numbered[0] += len(batch)
        return [Appended(first + i + 1, False) for i in range(len(batch))]

    hub = Hub(store, projector=Projector(store, appender=number), security=PlainSecurity(),
              blob_dir=directory / "blobs", field_endpoint="tcp://127.0.0.1:*",
              workstation_endpoint="tcp://127.0.0.1:*", publish_endpoint="tcp://127.0.0.1:*",
              bootstrap=_bootstrap(units))
    # Tuned as the hub command tunes its process (garbage collector, thread switching). The roster goes
    # through the stand-in too.
    endpoints = hub.start(owns_process=True)
    try:
        loop = _thread_named("dispatch-hub")
        committer = _thread_named("dispatch-hub-commit")  # the loop starts it once the sockets are up
        process, go = _load(endpoints.field, units, reports, True, traffic, every)
        before = (_thread_cpu(loop), _thread_cpu(committer), time.process_time(), time.perf_counter())
        go.set()
        process.join()
        after = (_thread_cpu(loop), _thread_cpu(committer), time.process_time(), time.perf_counter())
        answers = _answers(hub.stats())
    finally:
        hub.stop()
        store.close()
    messages = _messages(traffic, reports, every)
    loop_us, committer_us, process_us = (1e6 * (after[i] - before[i]) / messages for i in range(3))
    return HubRun(loop_us, committer_us, process_us, reports / (after[3] - before[3] - 0.5), answers)


# --- report -------------------------------------------------------------------------------------------


def _version() -> str:
    try:
        described = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                                   capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "not a git checkout"
    return f"commit {described}"


def _log_to(path: Path) -> None:
    """As ``dispatch-desktop hub`` logs (to a file here, so that the table stays readable)."""
    logging.basicConfig(filename=path, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)


def main() -> int:
    parser = argparse.ArgumentParser(description="the hub loop's CPU per message, honest and under abuse")
    parser.add_argument("--reports", type=int, default=200_000, help="honest reports per run")
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--extra-every", type=int, default=10, metavar="N",
                        help="one hostile or refused message after every N honest reports (default 10)")
    parser.add_argument("--traffic", nargs="+", choices=TRAFFIC, default=list(TRAFFIC))
    args = parser.parse_args()
    units = [f"B-{i:05d}" for i in range(args.units)]
    every = args.extra_every
    directory = Path(tempfile.mkdtemp(prefix="dispatch-bench-hub-loop."))
    _log_to(directory / "hub.log")
    print(f"hub loop benchmark — {_version()}; {args.reports:,} honest reports from {args.units:,} units per "
          f"run, plus one extra message per {every} in hostile/refused traffic; load average "
          f"{psutil.getloadavg()[0]:.1f}; hub log {directory / 'hub.log'}")
    header = (f"{'round':>5}  {'traffic':<8}  {'raw µs':>7}  {'hub loop µs':>11}  {'ratio':>6}  "
              f"{'committer µs':>12}  {'process µs':>10}  {'reports/s':>10}  answers")
    print(header)
    results: dict[str, list[tuple[float, float, float]]] = {t: [] for t in args.traffic}
    for round_ in range(1, args.rounds + 1):
        for traffic in args.traffic:
            raw = raw_receive(units, args.reports, traffic, every)
            run = hub_loop(directory / f"{traffic}-{round_}", units, args.reports, traffic, every)
            results[traffic].append((raw, run.loop_us, run.process_us))
            print(f"{round_:>5}  {traffic:<8}  {raw:7.1f}  {run.loop_us:11.1f}  {run.loop_us / raw:6.2f}  "
                  f"{run.committer_us:12.1f}  {run.process_us:10.1f}  {run.reports_per_s:10,.0f}  {run.answers}")
    print()
    print(f"median over {args.rounds} rounds, µs per message; next to honest traffic's "
          f"(load average now {psutil.getloadavg()[0]:.1f})")
    print(f"{'traffic':<8}  {'raw µs':>7}  {'hub loop µs':>11}  {'ratio':>6}  {'process µs':>10}  "
          f"{'loop vs honest':>14}  {'ratio vs honest':>15}")
    medians = {t: tuple(statistics.median(column) for column in zip(*rows, strict=True))
               for t, rows in results.items()}
    base = medians.get("honest")
    for traffic, (raw, loop, process) in medians.items():
        versus = ("", "") if base is None else (f"{loop / base[1] - 1:+.1%}",
                                                f"{loop / raw / (base[1] / base[0]) - 1:+.1%}")
        print(f"{traffic:<8}  {raw:7.1f}  {loop:11.1f}  {loop / raw:6.2f}  {process:10.1f}  {versus[0]:>14}  "
              f"{versus[1]:>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
