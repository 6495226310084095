"""Catch-up after a gap: a desk that missed published events reads them from the hub's log, so that
its listeners see every event exactly once, in gseq order (PROTOCOL.md 9.4); and the hub reads its log
for that without holding up its loop."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.workstation import Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.state import State
from tests.bus.conftest import INSIDE, UNITS, RawPeer, Running, incident, now_ms, roster, wait_for
from tests.bus.test_workstation_sync import LossyFeed, _drive

pytestmark = pytest.mark.timeout(120)


class Listener:
    """What a plugin listening to the desk would see: each ``on_state`` call's events, or a snapshot."""

    def __init__(self) -> None:
        self.calls: list[list[Published] | None] = []

    def __call__(self, state: State, changed: list[Published] | None) -> None:
        self.calls.append(None if changed is None else list(changed))

    def gseqs(self) -> list[int]:
        return [gseq for changed in self.calls[1:] for gseq, _event in (changed or [])]


def _lossy_client(running: Running, drop: Callable[[int, bytes], bool], listener: Listener,
                  **options: Any) -> tuple[WorkstationClient, LossyFeed]:
    feed = LossyFeed(running.endpoints.publish, drop)
    client = WorkstationClient("ws-01", command_endpoint=running.endpoints.workstation,
                               publish_endpoint=feed.endpoint, on_state=listener, **options)
    return client, feed


def test_a_desk_that_misses_published_events_reports_each_of_them_once_in_order(
    make_hub: Callable[..., Running]
) -> None:
    running = make_hub()
    losing = threading.Event()
    listener = Listener()
    client, feed = _lossy_client(running, lambda n, message: losing.is_set() and n % 4 == 0, listener)
    client.start()
    try:
        assert client.wait_synced(10)
        first = client.gseq
        losing.set()
        _drive(running, 30)
        assert client.send_command(incident("J-last")).result(timeout=10).accepted  # may be lost too
        losing.clear()
        # The copy applies a batch before it reports it: wait until the listener has heard the last event too.
        def caught_up() -> bool:
            last = running.hub.stats()["last_gseq"]
            return client.synced.is_set() and client.gseq == last and listener.gseqs()[-1:] == [last]

        wait_for(caught_up, timeout=30)
        assert feed.dropped >= 1 and client.gaps >= 1 and client.catchups >= 1
        assert client.resyncs == 1 and listener.calls[0] is None  # the first snapshot only
        stored = [gseq for gseq, _event in running.stored() if gseq > first]
        assert listener.gseqs() == stored  # every event once, in order, none left out
        assert client.state == running.hub.state
    finally:
        client.stop()
        feed.close()


def test_a_lost_last_event_is_caught_up_from_the_heartbeat(make_hub: Callable[..., Running]) -> None:
    running = make_hub()
    losing = threading.Event()
    listener = Listener()
    client, feed = _lossy_client(running, lambda n, message: losing.is_set(), listener)
    client.start()
    try:
        assert client.wait_synced(10)
        losing.set()
        reply = client.send_command(incident("J-quiet")).result(timeout=10)
        wait_for(lambda: feed.dropped >= 1)
        losing.clear()  # nothing else happens: only the next heartbeat can tell
        wait_for(lambda: client.catchups == 1, timeout=10)
        assert [gseq for gseq, _e in listener.calls[-1] or []] == [reply.gseq]
        assert client.resyncs == 1 and client.state == running.hub.state
    finally:
        client.stop()
        feed.close()


def test_a_gap_over_the_catch_up_limit_is_repaired_by_a_snapshot(make_hub: Callable[..., Running]) -> None:
    running = make_hub()
    losing = threading.Event()
    listener = Listener()
    client, feed = _lossy_client(running, lambda n, message: losing.is_set(), listener, catchup_limit=5)
    client.start()
    try:
        assert client.wait_synced(10)
        losing.set()
        _drive(running, 4)  # 12 positions, lost
        losing.clear()
        wait_for(lambda: client.resyncs == 2, timeout=10)
        assert client.catchups == 0 and listener.calls[-1] is None
        wait_for(lambda: client.state == running.hub.state, timeout=10)
    finally:
        client.stop()
        feed.close()


def _ask(peer: RawPeer, request: int, after: int, limit: int = p.MAX_CATCHUP) -> dict[str, Any]:
    peer.send(peer.session.pack(p.EVENTS_REQUEST, p.EventsRequest(request=request, after=after, limit=limit)))
    return _catchup(peer)


def _catchup(peer: RawPeer) -> dict[str, Any]:
    while (got := peer.receive(10)) is not None:
        if got[0] == p.CATCHUP:
            answer: dict[str, Any] = got[1]
            return answer
    raise AssertionError("no catchup answer")


def test_the_hub_serves_its_log_in_pages_and_says_when_it_does_not_reach(
    make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]
) -> None:
    running = make_hub()
    _drive(running, 3)
    stored = [gseq for gseq, _event in running.stored()]
    desk = raw_peers(running.endpoints.workstation)
    page = _ask(desk, 1, stored[1], limit=4)
    assert [gseq for gseq, _e in page["events"]] == stored[2:6] and page["more"] is True
    assert page["code"] == "" and page["last"] == stored[-1] and page["hub"] == running.hub.instance
    rest = _ask(desk, 2, stored[5])
    assert [gseq for gseq, _e in rest["events"]] == stored[6:] and rest["more"] is False
    end = _ask(desk, 3, stored[-1])
    assert end["events"] == [] and end["more"] is False and end["code"] == ""
    beyond = _ask(desk, 4, stored[-1] + 100)
    assert beyond["code"] == "beyond_end" and beyond["last"] == stored[-1] and beyond["events"] == []


class GatedStore:
    """The hub's store, whose reads of the log wait until ``release`` is set (a slow, big catch-up)."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.reading = threading.Event()
        self.release = threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def read(self, after_gseq: int = 0, limit: int | None = None) -> Iterator[tuple[int, ev.Envelope]]:
        self.reading.set()
        assert self.release.wait(60)
        return self._store.read(after_gseq, limit)


def test_the_hub_acknowledges_reports_while_it_reads_a_catch_up(
    make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]
) -> None:
    factory: Any = make_hub
    store, projector = factory.open_store()
    gated = GatedStore(store)
    running = make_hub(store=(gated, projector))
    desk = raw_peers(running.endpoints.workstation)
    desk.send(desk.session.pack(p.EVENTS_REQUEST, p.EventsRequest(request=1, after=0)))
    assert gated.reading.wait(10)  # the log is being read, and stays so
    unit = raw_peers(running.endpoints.field)
    unit.report(ev.envelope(UNITS[0], 1, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
    kind, ack = unit.answer(10)
    assert kind == p.ACK and ack["acks"][0]["seq"] == 1
    gated.release.set()
    answer = _catchup(desk)
    assert answer["request"] == 1 and answer["code"] == ""
    assert [gseq for gseq, _e in answer["events"]] == [gseq for gseq, _e in store.read()]


def test_a_large_catch_up_comes_in_pages_that_a_desk_can_read(
    make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]
) -> None:
    factory: Any = make_hub
    store, projector = factory.open_store()
    projector.append([ev.envelope("hub", n + 1, body, now_ms()) for n, body in enumerate(roster())])
    projector.append([ev.envelope(UNITS[0], n + 1, ev.Position(lat=INSIDE[0], lon=INSIDE[1] + n * 1e-6), now_ms())
                      for n in range(3000)])
    running = make_hub(store=(store, projector))
    desk = raw_peers(running.endpoints.workstation)  # its session refuses frames over 256 KiB, as a desk's
    received: list[int] = []
    pages, more = 0, True
    while more:
        page = _ask(desk, pages + 1, received[-1] if received else 0)
        received += [gseq for gseq, _e in page["events"]]
        pages, more = pages + 1, page["more"]
    assert received == [gseq for gseq, _e in store.read()] and pages >= 2


class ReadThenWaitStore(GatedStore):
    """Once ``armed``, a read of the log takes its rows at once, then waits for ``release`` before it
    answers: what is published meanwhile is newer than the answer, and the desk has it only as live batches."""

    def __init__(self, store: Any) -> None:
        super().__init__(store)
        self.armed = threading.Event()

    def read(self, after_gseq: int = 0, limit: int | None = None) -> Iterator[tuple[int, ev.Envelope]]:
        rows = list(self._store.read(after_gseq, limit))
        if self.armed.is_set():
            self.reading.set()
            assert self.release.wait(60)
        return iter(rows)


def test_events_published_while_the_hub_reads_its_log_are_reported_too(make_hub: Callable[..., Running]) -> None:
    factory: Any = make_hub
    store, projector = factory.open_store()
    gated = ReadThenWaitStore(store)
    running = make_hub(store=(gated, projector))
    losing = threading.Event()
    listener = Listener()
    client, feed = _lossy_client(running, lambda n, message: losing.is_set(), listener)
    client.start()
    try:
        assert client.wait_synced(10)
        first = client.gseq
        gated.armed.set()
        losing.set()
        _drive(running, 2)  # lost: the next thing the desk hears shows a gap
        losing.clear()
        _drive(running, 1)  # the gap is noticed; the hub reads its log and holds the answer
        assert gated.reading.wait(10)
        late = client.send_command(incident("J-meanwhile")).result(timeout=10)  # published during the read
        assert late.accepted
        gated.release.set()
        wait_for(lambda: client.synced.is_set() and client.gseq == running.hub.stats()["last_gseq"], timeout=30)
        assert client.catchups >= 1 and client.resyncs == 1
        assert late.gseq in listener.gseqs()
        assert listener.gseqs() == [gseq for gseq, _event in running.stored() if gseq > first]
        assert client.state == running.hub.state
    finally:
        client.stop()
        feed.close()


class _SilentFeed(LossyFeed):
    """Passes everything on, except while ``silent`` is set: then nothing at all (events, heartbeats)."""

    def __init__(self, upstream: str) -> None:
        self.silent = threading.Event()
        super().__init__(upstream, lambda _n, _message: False)

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self.sub.poll(50):
                continue
            message = self.sub.recv()
            if self.silent.is_set():
                self.dropped += 1
            else:
                self.pub.send(message)


def test_after_a_silence_of_the_hub_a_desk_catches_up_and_reports_every_event_once(
    make_hub: Callable[..., Running]
) -> None:
    running = make_hub()
    listener = Listener()
    feed = _SilentFeed(running.endpoints.publish)
    connection: list[bool] = []
    client = WorkstationClient("ws-01", command_endpoint=running.endpoints.workstation,
                               publish_endpoint=feed.endpoint, on_state=listener, on_connection=connection.append,
                               hub_timeout=0.5)
    client.start()
    try:
        assert client.wait_synced(10)
        first = client.gseq
        feed.silent.set()
        _drive(running, 10)
        wait_for(lambda: connection[-1:] == [False], timeout=10)  # the desk noticed the silence
        feed.silent.clear()
        wait_for(lambda: connection[-1:] == [True] and client.gseq == running.hub.stats()["last_gseq"],
                 timeout=20)
        assert feed.dropped >= 1
        assert client.resyncs == 1 and client.catchups >= 1  # caught up, no second snapshot
        assert listener.gseqs() == list(range(first + 1, client.gseq + 1))
        assert client.state == running.hub.state
    finally:
        client.stop()
        feed.close()
