"""The hub is killed with SIGKILL in the middle of a stream of reports, and restarted on the same store.

1,000 field units (two processes of 500 ``FieldClient``s) send positions; two workstations watch. The
hub runs as ``python -m dispatch_desktop.cli hub`` and gets SIGKILL mid-stream, then starts again on
the same store and addresses; the units resend whatever was not acknowledged. Then: every report a
unit saw acknowledged is in the store exactly once, every report that was in doubt at the kill was
resent and is stored exactly once, and both workstations end on the same state as the store. The
store is an SQLite file, then a PostgreSQL schema (tests/postgres.py), as the README offers both.

The hub runs in plain mode here: 1,000 CurveZMQ handshakes (and their re-handshakes after the restart)
would take most of the test's time budget on a two-core machine, and authentication has tests of its
own (``test_curve.py``); what this test is about is durability and resend/dedup.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore, Projector
from tests.bus.conftest import INSIDE, roster, wait_for
from tests.postgres import UrlFactory

UNITS = [f"K-{i:04d}" for i in range(1000)]
WORKERS = 2
PERIOD = 1.0  # seconds between two positions of one unit


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_hub(db: str, ports: list[int], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "dispatch_desktop.cli", "hub", "--db", db, "--plain", "--no-city",
               "--bind", f"tcp://127.0.0.1:{ports[0]}", "--workstation-bind", f"tcp://127.0.0.1:{ports[1]}",
               "--publish-bind", f"tcp://127.0.0.1:{ports[2]}", "--stats-every", "0",
               "--blobs", str(log.parent / "blobs")]
    with open(log, "ab") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)


def _units(index: int, endpoint: str, units: list[str], stop: Any, killed: Any, acks: Any, results: Any) -> None:
    """One worker process: its share of the units, driven from one thread."""
    sent: dict[str, list[int]] = {u: [] for u in units}
    acked: dict[str, list[int]] = {u: [] for u in units}
    in_doubt: dict[str, list[int]] = {}
    with FieldFleet() as fleet:
        clients = []
        for unit in units:
            clients.append(fleet.add(FieldClient(
                unit, endpoint, context=fleet.context, resend_after=1.0,
                on_ack=lambda seq, _gseq, _dup, unit=unit: acked[unit].append(seq))))
        start = time.monotonic()
        done = 0  # reports sent so far; unit n sends at n/len of each period, so the flow is even
        while not stop.is_set():
            due = int((time.monotonic() - start) / PERIOD * len(clients))
            while done < due:
                n, step = done % len(clients), done // len(clients)
                client = clients[n]
                sent[client.unit].append(client.position(INSIDE[0] + n * 1e-4, INSIDE[1] + step * 1e-5))
                done += 1
            fleet.poll(0.005)
            if killed.is_set() and not in_doubt:
                in_doubt = {c.unit: list(c.outbox) for c in clients}
            acks[index] = sum(len(a) for a in acked.values())
        drained = fleet.run_until(lambda: all(c.unacked == 0 for c in clients), timeout=40)
        results.put((sent, acked, in_doubt, drained))


def _wait_gseq(watcher: WorkstationClient, gseq: int, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if watcher.synced.is_set() and watcher.gseq == gseq:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_sigkill_mid_stream_loses_nothing_and_stores_nothing_twice(tmp_path: Path, new_url: UrlFactory) -> None:
    db = new_url()
    with EventStore.open(db) as store:  # the roster, as the hub's bootstrap would have stored it
        store.append([ev.envelope("hub", i + 1, body, int(time.time() * 1000))
                      for i, body in enumerate(roster(UNITS))])
    ports = [_free_port() for _ in range(3)]
    field, command, publish = (f"tcp://127.0.0.1:{port}" for port in ports)
    log = tmp_path / "hub.log"
    hub = _start_hub(db, ports, log)
    context = multiprocessing.get_context("spawn")
    stop, killed, results = context.Event(), context.Event(), context.Queue()
    acks = context.Array("q", WORKERS)  # acknowledgements so far, per worker

    def acknowledged() -> int:
        return sum(acks[:])

    workers = [context.Process(target=_units, args=(i, field, UNITS[i::WORKERS], stop, killed, acks, results))
               for i in range(WORKERS)]
    watchers = [WorkstationClient(name, command_endpoint=command, publish_endpoint=publish)
                for name in ("ws-01", "ws-02")]
    try:
        for watcher in watchers:
            watcher.start()
        for worker in workers:
            worker.start()
        wait_for(lambda: acknowledged() >= 3000, timeout=90, interval=0.1)  # in full flow
        os.kill(hub.pid, signal.SIGKILL)
        hub.wait(10)
        killed.set()
        acked_at_kill = acknowledged()
        time.sleep(1.0)
        hub = _start_hub(db, ports, log)
        wait_for(lambda: acknowledged() >= acked_at_kill + 3000, timeout=90, interval=0.1)  # flowing again
        stop.set()
        outcomes = [results.get(timeout=90) for _ in workers]
        for worker in workers:
            worker.join(30)
        with EventStore.open(db) as store:
            stored = Counter((e.source, e.seq) for _g, e in store.read() if e.source != "hub")
            last = store.last_gseq()
            expected = Projector(store).state
        caught_up = [w.synced.wait(60) and _wait_gseq(w, last) for w in watchers]
        assert all(caught_up), [(w.synced.is_set(), w.gseq, w.resyncs, w.gaps, last) for w in watchers]
    finally:
        stop.set()
        for watcher in watchers:
            watcher.stop()
        for worker in workers:
            if worker.is_alive():
                worker.kill()
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(15)
        except subprocess.TimeoutExpired:
            hub.kill()

    assert all(drained for *_rest, drained in outcomes), "some reports were never acknowledged"
    doubtful = 0
    for sent, acked, in_doubt, _drained in outcomes:
        for unit, seqs in sent.items():
            assert sorted(acked[unit]) == sorted(set(acked[unit])) == seqs  # each acknowledged once, all of them
            assert all(stored[(unit, seq)] == 1 for seq in seqs)
            doubtful += len(in_doubt.get(unit, []))
        for unit, seqs in in_doubt.items():
            assert all(stored[(unit, seq)] == 1 for seq in seqs)  # resent after the restart, stored once
    assert sum(stored.values()) == sum(len(s) for outcome in outcomes for s in outcome[0].values())
    assert doubtful > 0, "the kill did not catch any report in flight: the test proved nothing"
    assert watchers[0].state == watchers[1].state == expected
    assert watchers[0].resyncs >= 2  # the workstations noticed and resynchronised by themselves
