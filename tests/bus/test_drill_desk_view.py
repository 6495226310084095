"""A desk follows the running drill (PROTOCOL.md 9.8, "What desks see"): the hub's drill snapshot, and a
workstation client whose copy becomes the drill's state while a drill runs and the live one again after it,
each state it reports the one the log gives for the drill at that gseq."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.state_copy import StateCopy
from dispatch_desktop.bus.workstation import Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import State, decode_state, encode_state
from tests.bus.conftest import RawPeer, Running, incident, now_ms, wait_for
from tests.bus.test_drill_hub import DRILL, drill_ended, drill_started, ok
from tests.bus.test_workstation_sync import LossyFeed, _drive

pytestmark = pytest.mark.timeout(90)


class Seen:
    """What a desk's ``on_state`` listener is told: (the copy's gseq, the state, the events or None)."""

    def __init__(self) -> None:
        self.client: WorkstationClient | None = None
        self.calls: list[tuple[int, State, list[Published] | None]] = []

    def __call__(self, state: State, changed: list[Published] | None) -> None:
        assert self.client is not None
        self.calls.append((self.client.gseq, state, None if changed is None else list(changed)))

    def events(self) -> list[ev.Envelope]:
        return [event for _gseq, _state, changed in self.calls for _g, event in changed or []]


Desks = Callable[..., tuple[WorkstationClient, Seen]]


@pytest.fixture
def desks() -> Iterator[Desks]:
    """``desks(running, name, follow=…, publish=…)``: a desk synchronised to the hub, told first whether to
    follow the drill, with what its listener is told; every desk is stopped at the test's end."""
    clients: list[WorkstationClient] = []

    def desk(running: Running, name: str, *, follow: bool = False,
             publish: str | None = None) -> tuple[WorkstationClient, Seen]:
        seen = Seen()
        client = WorkstationClient(name, command_endpoint=running.endpoints.workstation,
                                   publish_endpoint=publish or running.endpoints.publish, on_state=seen)
        seen.client = client
        clients.append(client)
        client.follow_drill(follow)
        client.start()
        assert client.wait_synced(10)
        return client, seen

    yield desk
    for client in clients:
        client.stop()


def drill_start_gseq(running: Running) -> int:
    return next(gseq for gseq, event in running.stored() if type(event.body) is ev.DrillStarted)


def drill_state_at(running: Running, gseq: int) -> State:
    """The drill's state as the log gives it at ``gseq`` (what a following desk must show then)."""
    state: State = running.store.state_at(gseq, mode=Mode.DRILL, drill_start=drill_start_gseq(running))
    return state


def settled(client: WorkstationClient, running: Running) -> bool:
    """Has the desk applied every event stored so far (each command the test sent is acknowledged, so
    stored, but maybe not yet published)?"""
    return client.synced.is_set() and client.gseq == running.stored()[-1][0]


def back_live(client: WorkstationClient, bystander: WorkstationClient, running: Running) -> bool:
    return not client.drill_view and settled(client, running) and settled(bystander, running)


def test_a_following_desk_shows_the_drill_as_the_log_gives_it_and_a_desk_that_does_not_never_sees_it(
        make_hub: Callable[..., Running], desks: Desks) -> None:
    running = make_hub(real=True)
    follower, followed = desks(running, "ws-01", follow=True)
    bystander, watched = desks(running, "ws-03")
    trainer, _ = desks(running, "ws-02")
    assert (follower.following_drill, follower.drill_view) == (True, False)  # no drill yet: live
    ok(trainer.send_command(drill_started(enrolled=())))
    ok(trainer.send_command(incident("DJ-1"), mode=Mode.DRILL))
    ok(trainer.send_command(incident("J-1")))  # live work goes on beside the drill
    wait_for(lambda: settled(follower, running) and settled(bystander, running))
    assert follower.drill_view and follower.state.mode is Mode.DRILL
    assert {"DJ-1", "J-1"} <= set(follower.state.incidents)
    # Joined at drill_started itself, from its live copy: no snapshot but the first.
    assert follower.resyncs == 1
    drill_states = [(gseq, state) for gseq, state, _changed in followed.calls if state.mode is Mode.DRILL]
    assert drill_states and drill_states[-1][0] == follower.gseq
    for gseq, state in drill_states:
        assert state == drill_state_at(running, gseq)
    assert [e.mode for e in followed.events() if isinstance(e.body, ev.IncidentCreated)] == [Mode.DRILL,
                                                                                             Mode.LIVE]
    # The desk that does not follow: live states only, never the drill's incident.
    assert not bystander.drill_view and "J-1" in bystander.state.incidents
    assert all(state.mode is Mode.LIVE and "DJ-1" not in state.incidents for _g, state, _c in watched.calls)
    assert bystander.state.drill is not None and bystander.state.drill.drill == DRILL  # it knows one runs


def test_a_desk_joining_mid_drill_gets_the_drill_from_a_snapshot_and_leaves_it_at_its_end(
        make_hub: Callable[..., Running], desks: Desks) -> None:
    running = make_hub(real=True)
    trainer, _ = desks(running, "ws-02")
    bystander, _ = desks(running, "ws-03")
    ok(trainer.send_command(drill_started(enrolled=())))
    ok(trainer.send_command(incident("DJ-1"), mode=Mode.DRILL))
    ok(trainer.send_command(incident("J-1")))
    late, seen = desks(running, "ws-01")  # synced live, then told to follow: a drill snapshot
    late.follow_drill(True)
    wait_for(lambda: late.drill_view and settled(late, running))
    assert late.state == drill_state_at(running, late.gseq)
    assert seen.calls[-1][2] is None and late.resyncs == 2  # the switch is a resync: on_state(state, None)
    # Following from the start (before the first snapshot) comes to the same drill state.
    fresh, _ = desks(running, "ws-04", follow=True)
    wait_for(lambda: fresh.drill_view and settled(fresh, running))
    assert fresh.state == late.state
    # Drill events go on reaching the following desks, folded in drill mode.
    ok(trainer.send_command(ev.IncidentClosed(incident="DJ-1", disposition="drill"), mode=Mode.DRILL))
    wait_for(lambda: settled(late, running))
    assert late.state == drill_state_at(running, late.gseq)
    # At drill_ended: back on a live state, the non-following desk's.
    ok(trainer.send_command(drill_ended()))
    for client in (late, fresh):
        wait_for(functools.partial(back_live, client, bystander, running))
        assert client.state == bystander.state == running.hub.state and client.state.drill is None
        assert client.following_drill  # and joins the next drill by itself
    assert seen.calls[-1][2] is None
    ok(trainer.send_command(drill_started("D-20261207-02", enrolled=())))
    wait_for(lambda: late.drill_view and settled(late, running))
    assert late.state.drill is not None and late.state.drill.drill == "D-20261207-02"
    assert "DJ-1" not in late.state.incidents  # the earlier drill's incident is not in this one
    late.follow_drill(False)
    wait_for(lambda: back_live(late, bystander, running))
    assert late.state == bystander.state


def test_a_gap_in_drill_view_is_caught_up_in_drill_mode(make_hub: Callable[..., Running], desks: Desks) -> None:
    running = make_hub(real=True)
    losing = threading.Event()
    with contextlib.closing(LossyFeed(running.endpoints.publish,
                                      lambda n, message: losing.is_set() and n % 3 == 0)) as feed:
        trainer, _ = desks(running, "ws-02")
        follower, seen = desks(running, "ws-01", follow=True, publish=feed.endpoint)
        ok(trainer.send_command(drill_started(enrolled=())))
        wait_for(lambda: follower.drill_view)
        losing.set()
        for number in range(6):
            ok(trainer.send_command(incident(f"DJ-{number}"), mode=Mode.DRILL))
            _drive(running, 2)
        losing.clear()
        ok(trainer.send_command(incident("DJ-last"), mode=Mode.DRILL))
        wait_for(lambda: settled(follower, running) and "DJ-last" in follower.state.incidents, timeout=30)
        assert feed.dropped >= 1 and follower.gaps >= 1 and follower.catchups >= 1
        assert follower.resyncs == 1 and follower.drill_view  # filled from the log, no snapshot
        assert follower.state == drill_state_at(running, follower.gseq)
        first = seen.calls[0][0]
        reported = [gseq for _g, _s, changed in seen.calls[1:] for gseq, _e in changed or []]
        assert reported == [gseq for gseq, _e in running.stored() if gseq > first]  # every event once, in order


def test_the_hub_serves_the_drill_snapshot_only_while_a_drill_runs_and_a_live_request_is_unchanged(
        make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer], desks: Desks) -> None:
    running = make_hub()
    peer = raw_peers(running.endpoints.workstation)
    # An old desk's request, and what a new desk sends for the live state: the same bytes.
    live = p.SnapshotRequest(request=7)
    assert msgspec.msgpack.encode(live) == msgspec.msgpack.encode({"request": 7})
    peer.send(peer.session.pack(p.SNAPSHOT_REQUEST, p.SnapshotRequest(request=8, mode=Mode.DRILL)))
    kind, nack = peer.answer()
    assert (kind, nack["code"], nack["params"]["request"], nack["gseq"]) == (p.NACK, "no_drill", "8", 0)
    assert "snapshot_request" in nack["message"] and "no drill is running" in nack["message"].lower()
    trainer, _ = desks(running, "ws-02")
    ok(trainer.send_command(drill_started(enrolled=())))
    ok(trainer.send_command(incident("DJ-1"), mode=Mode.DRILL))
    for request, mode in ((9, Mode.DRILL), (10, Mode.LIVE)):
        peer.send(peer.session.pack(p.SNAPSHOT_REQUEST, p.SnapshotRequest(request=request, mode=mode)))
        got = peer.receive()
        assert got is not None and got[0] == p.SNAPSHOT and got[1]["request"] == request
    # Both as of the same gseq: the newest event published.
    frames = _snapshot_frames(peer, Mode.DRILL)
    drill = decode_state(frames[1])
    assert frames[0].gseq == running.hub.stats()["last_gseq"]
    assert drill == running.hub.pipeline.drill and drill.mode is Mode.DRILL and "DJ-1" in drill.incidents
    live_frames = _snapshot_frames(peer, Mode.LIVE)
    assert live_frames[0].gseq == frames[0].gseq and decode_state(live_frames[1]) == running.hub.state


def _snapshot_frames(peer: RawPeer, mode: Mode) -> tuple[p.Snapshot, bytes]:
    peer.send(peer.session.pack(p.SNAPSHOT_REQUEST, p.SnapshotRequest(request=99, mode=mode)))
    assert peer.socket.poll(5000)
    message = peer.session.parse(peer.socket.recv_multipart())
    assert message.type == p.SNAPSHOT
    return msgspec.msgpack.decode(message.payload, type=p.Snapshot), message.data or b""


def test_a_desk_whose_drill_snapshot_is_refused_stays_live_without_asking_again(
        make_hub: Callable[..., Running], desks: Desks) -> None:
    running = make_hub(real=True)
    trainer, _ = desks(running, "ws-02")
    ok(trainer.send_command(drill_started(enrolled=())))
    # The live state says a drill runs, but the hub has no drill state to serve (a log damaged under
    # its drill_started, PROTOCOL.md 9.8): the drill snapshot is refused no_drill.
    running.hub.pipeline.drill = None
    follower, _seen = desks(running, "ws-01", follow=True)
    wait_for(lambda: follower.resyncs == 2 and follower.synced.is_set())
    ok(trainer.send_command(incident("J-1")))
    wait_for(lambda: settled(follower, running))
    assert not follower.drill_view and follower.state == running.hub.state
    assert follower.resyncs == 2 and follower.following_drill  # asked once, then stayed live


def test_a_drill_that_ends_and_a_next_one_that_starts_in_one_batch_are_not_run_together() -> None:
    """No hub needed: the copy is fed one published batch in which a drill starts, ends and the next one
    starts. The first drill's incident must not stay in the second drill's view: the copy asks for the
    second drill's snapshot instead."""
    asked: list[p.SnapshotRequest] = []

    def send(_kind: bytes, payload: object) -> None:
        if isinstance(payload, p.SnapshotRequest):
            asked.append(payload)

    copy = StateCopy("ws-01", send=send, report=lambda state, changed: None, synchronised=lambda: None,
                     unsynchronised=lambda: None)
    copy.follow(True)
    copy.start()
    copy.on_snapshot(p.Snapshot(request=asked[-1].request, gseq=0, hub="hub-1"), encode_state(State()))
    now = now_ms()
    bodies: list[tuple[ev.AnyBody, Mode]] = [
        (drill_started(enrolled=(), simulated=()), Mode.LIVE), (incident("DJ-1"), Mode.DRILL),
        (drill_ended(), Mode.LIVE), (drill_started("D-20261207-02", enrolled=(), simulated=()), Mode.LIVE)]
    batch = tuple((n, ev.envelope("ws-02", n, body, now, t_hub=now, mode=mode))
                  for n, (body, mode) in enumerate(bodies, start=1))
    copy.on_events(p.Events(prev=0, events=batch), [])
    assert copy.syncing and asked[-1].mode is Mode.DRILL and asked[-1].request == 2
