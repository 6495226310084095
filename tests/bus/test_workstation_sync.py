"""The workstation's copy of the state: snapshot plus updates, gaps noticed and repaired, hub loss."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain.state import State
from tests.bus.conftest import ANY, INSIDE, UNITS, Running, incident, open_store, wait_for

pytestmark = pytest.mark.timeout(90)


def _client(running: Running, name: str = "ws-01", **options: Any) -> WorkstationClient:
    return WorkstationClient(name, command_endpoint=running.endpoints.workstation,
                             publish_endpoint=running.endpoints.publish, **options)


def _drive(running: Running, rounds: int) -> None:
    """Rounds of one position per unit, each acknowledged before the next (so at least one published
    batch per round)."""
    with FieldFleet() as fleet:
        clients = [fleet.add(FieldClient(u, running.endpoints.field, context=fleet.context)) for u in UNITS]
        for i in range(rounds):
            for n, client in enumerate(clients):
                client.position(INSIDE[0] + i * 1e-5, INSIDE[1] + n * 1e-4, heading=float(i % 360))
            assert fleet.run_until(lambda: all(c.unacked == 0 for c in clients), timeout=30)


def test_the_copy_follows_the_hub_and_reports_what_changed(make_hub: Callable[..., Running]) -> None:
    running = make_hub()
    updates: list[tuple[State, list | None]] = []
    client = _client(running, on_state=lambda state, changed: updates.append((state, changed)))
    client.start()
    try:
        assert client.wait_synced(10)
        assert updates[0][1] is None and updates[0][0] == running.hub.state  # the snapshot
        _drive(running, 10)
        wait_for(lambda: client.gseq == running.hub.stats()["last_gseq"])
        wait_for(lambda: client.state == running.hub.state, timeout=10)
        changed = [item for _s, batch in updates[1:] for item in (batch or [])]
        assert [g for g, _e in changed] == sorted(g for g, _e in changed)
        assert {e.source for _g, e in changed} == set(UNITS)
    finally:
        client.stop()


class LossyFeed:
    """Stands between the hub's PUB socket and a subscriber and loses the EVENTS messages ``drop`` picks
    (given their count and bytes), as PUB/SUB does under load: silently."""

    def __init__(self, upstream: str, drop: Callable[[int, bytes], bool]) -> None:
        self.context = zmq.Context()
        self.sub = self.context.socket(zmq.SUB)
        self.sub.setsockopt(zmq.SUBSCRIBE, b"")
        self.sub.connect(upstream)
        self.pub = self.context.socket(zmq.PUB)
        self.pub.bind(ANY)
        self.endpoint = self.pub.getsockopt_string(zmq.LAST_ENDPOINT)
        self.drop = drop
        self.dropped = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        count = 0  # EVENTS messages seen
        while not self._stop.is_set():
            if not self.sub.poll(50):
                continue
            message = self.sub.recv()
            count += message[3:4] == p.EVENTS
            if message[3:4] == p.EVENTS and self.drop(count, message):
                self.dropped += 1
            else:
                self.pub.send(message)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sub.close(0)
        self.pub.close(0)
        self.context.term()


def test_dropped_updates_are_noticed_and_caught_up(make_hub: Callable[..., Running]) -> None:
    running = make_hub()
    losing = threading.Event()
    feed = LossyFeed(running.endpoints.publish,
                     lambda n, message: losing.is_set() and n % 4 == 0)
    client = WorkstationClient("ws-01", command_endpoint=running.endpoints.workstation,
                               publish_endpoint=feed.endpoint)
    client.start()
    try:
        assert client.wait_synced(10)
        losing.set()
        _drive(running, 30)
        losing.clear()
        wait_for(lambda: client.synced.is_set() and client.gseq == running.hub.stats()["last_gseq"], timeout=30)
        assert feed.dropped >= 1 and client.gaps >= 1 and client.catchups >= 1
        # The hub may still be committing the drive's last reports: the desk must converge on it.
        wait_for(lambda: client.state == running.hub.state, timeout=10)
    finally:
        client.stop()
        feed.close()


def test_a_lost_last_update_is_noticed_from_the_heartbeat(make_hub: Callable[..., Running]) -> None:
    running = make_hub()
    losing = threading.Event()
    feed = LossyFeed(running.endpoints.publish, lambda n, message: losing.is_set())
    client = WorkstationClient("ws-01", command_endpoint=running.endpoints.workstation,
                               publish_endpoint=feed.endpoint)
    client.start()
    try:
        assert client.wait_synced(10)
        losing.set()
        assert client.send_command(incident("J-quiet")).result(timeout=10).accepted
        wait_for(lambda: feed.dropped >= 1)
        losing.clear()  # nothing else happens: only the next heartbeat can tell
        wait_for(lambda: "J-quiet" in client.state.incidents, timeout=10)
        assert client.gaps == 1
        wait_for(lambda: client.state == running.hub.state, timeout=10)
    finally:
        client.stop()
        feed.close()


def test_hub_loss_is_reported_within_three_seconds_and_repaired_when_it_returns(
    make_hub: Callable[..., Running], tmp_path: Any
) -> None:
    running = make_hub()
    events: list[tuple[bool, float, float]] = []
    client = _client(running, on_connection=lambda up: events.append((up, time.monotonic(), client.last_heard)))
    client.start()
    try:
        assert client.wait_synced(10)
        wait_for(lambda: events == [(True, events[0][1], events[0][2])] if events else False)
        endpoints = running.endpoints
        running.hub.stop()
        wait_for(lambda: len(events) >= 2, timeout=10)
        up, noticed, last_heard = events[1]
        assert up is False and noticed - last_heard <= 3.0
        assert not client.synced.is_set()
        # The hub comes back on the same addresses and the same store, with news meanwhile.
        store, _old = running.store, running.projector
        store_and_projector = open_store(tmp_path) if store is None else (store, _fresh_projector(running))
        from dispatch_desktop.bus.hub import Hub, PlainSecurity

        hub = Hub(store_and_projector[0], projector=store_and_projector[1], security=PlainSecurity(),
                  blob_dir=tmp_path / "blobs", field_endpoint=endpoints.field,
                  workstation_endpoint=endpoints.workstation, publish_endpoint=endpoints.publish)
        hub.start()
        try:
            writer = _client(Running(hub, store, None, endpoints, None), "ws-02")
            writer.start()
            assert writer.wait_synced(10)
            assert writer.send_command(incident("J-after")).result(timeout=10).accepted
            writer.stop()
            wait_for(lambda: len(events) >= 3, timeout=15)
            assert events[2][0] is True
            wait_for(lambda: "J-after" in client.state.incidents, timeout=10)
            wait_for(lambda: client.state == hub.state, timeout=10)
        finally:
            hub.stop()
    finally:
        client.stop()


def _fresh_projector(running: Running) -> Any:
    """A new projector over the same store, as a restarted hub process would build."""
    return type(running.projector)(running.store)
