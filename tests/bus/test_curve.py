"""CurveZMQ: only known keys connect, each as itself, with its role; revocation needs no restart."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.keys import ClientCurve, KeyDirectory, Kind
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import INSIDE, RawPeer, Running, incident, now_ms, wait_for

pytestmark = pytest.mark.timeout(60)


def _position(unit: str, seq: int) -> ev.Envelope:
    return ev.envelope(unit, seq, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms())


def _stored_from(running: Running, source: str) -> list[ev.Envelope]:
    return [e for _g, e in running.stored() if e.source == source]


def test_a_unit_with_its_key_reports(make_hub: Callable[..., Running], keys: KeyDirectory,
                                     raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub(keys=keys)
    unit = raw_peers(running.endpoints.field, running.credentials("P-0001"))
    unit.report(_position("P-0001", 1))
    kind, ack = unit.answer()
    assert kind == p.ACK and ack["acks"][0]["source"] == "P-0001"


def test_an_unknown_key_is_refused_and_logged(make_hub: Callable[..., Running], keys: KeyDirectory,
                                              raw_peers: Callable[..., RawPeer],
                                              caplog: pytest.LogCaptureFixture) -> None:
    running = make_hub(keys=keys)
    public, secret = zmq.curve_keypair()
    stranger = raw_peers(running.endpoints.field, ClientCurve(public, secret, keys.hub_public_key()))
    stranger.report(_position("P-0001", 1))
    assert stranger.receive(timeout=1.5) is None
    assert running.hub.stats()["auth_denied"] >= 1
    assert _stored_from(running, "P-0001") == []
    assert any("unknown key" in record.getMessage() for record in caplog.records)


def test_a_unit_cannot_report_as_another_unit(make_hub: Callable[..., Running], keys: KeyDirectory,
                                              raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub(keys=keys)
    unit = raw_peers(running.endpoints.field, running.credentials("P-0001"))
    unit.report(_position("P-0002", 1))
    kind, nack = unit.answer()
    assert kind == p.NACK and nack["code"] == "wrong_source"
    assert nack["params"] == {"identity": "P-0001", "source": "P-0002"}
    unit.send(unit.session.pack(p.ORDER_ACK, p.OrderAck(order="O-1", unit="P-0002")))
    assert unit.answer()[1]["code"] == "wrong_source"
    assert _stored_from(running, "P-0002") == []


def test_a_revoked_key_cannot_get_one_more_report_stored(make_hub: Callable[..., Running], keys: KeyDirectory,
                                                         raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub(keys=keys)
    unit = raw_peers(running.endpoints.field, running.credentials("P-0002"))
    unit.report(_position("P-0002", 1))
    assert unit.answer()[0] == p.ACK
    (keys.authorized / "P-0002.key").unlink()  # revoked while connected, hub running
    for seq in range(2, 7):
        unit.report(_position("P-0002", seq))
        kind, nack = unit.answer()
        assert kind == p.NACK and nack["code"] == "unauthorized" and nack["seq"] == seq
    assert [e.seq for e in _stored_from(running, "P-0002")] == [1]
    # and a new connection with that key is refused at the handshake
    again = raw_peers(running.endpoints.field, running.credentials("P-0002"))
    again.report(_position("P-0002", 7))
    assert again.receive(timeout=1.0) is None


def test_a_key_added_while_running_works_at_once(make_hub: Callable[..., Running], keys: KeyDirectory,
                                                 raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub(keys=keys, units=("P-0001", "P-0009"))
    keys.create("P-0009", Kind.UNIT)
    unit = raw_peers(running.endpoints.field, keys.client_credentials("P-0009"))
    unit.report(_position("P-0009", 1))
    assert unit.answer()[0] == p.ACK


def test_keys_only_open_their_own_socket(make_hub: Callable[..., Running], keys: KeyDirectory,
                                         raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub(keys=keys)
    workstation_as_unit = raw_peers(running.endpoints.field, running.credentials("ws-01"))
    workstation_as_unit.report(_position("ws-01", 1))
    unit_as_workstation = raw_peers(running.endpoints.workstation, running.credentials("P-0001"))
    unit_as_workstation.send(unit_as_workstation.session.pack(p.SNAPSHOT_REQUEST, p.SnapshotRequest(1)))
    assert workstation_as_unit.receive(timeout=1.0) is None
    assert unit_as_workstation.receive(timeout=0.5) is None
    assert running.hub.stats()["auth_denied"] >= 2


def test_workstation_roles_come_from_their_keys(make_hub: Callable[..., Running], keys: KeyDirectory) -> None:
    running = make_hub(keys=keys)
    clients = {name: WorkstationClient(name, command_endpoint=running.endpoints.workstation,
                                       publish_endpoint=running.endpoints.publish,
                                       curve=running.credentials(name)) for name in ("ws-01", "ws-sup")}
    for client in clients.values():
        client.start()
    try:
        assert all(client.wait_synced(10) for client in clients.values())
        refused = clients["ws-sup"].send_command(incident("J-1")).result(timeout=10)
        assert (refused.accepted, refused.code) == (False, "read_only")
        assert clients["ws-01"].send_command(incident("J-1")).result(timeout=10).accepted
        wait_for(lambda: "J-1" in clients["ws-sup"].state.incidents)  # the supervisor still sees it all
        # a workstation cannot pass itself off as another either
        impostor = clients["ws-01"]
        impostor.name = "ws-02"
        reply = impostor.send_command(incident("J-2")).result(timeout=10)
        assert (reply.accepted, reply.code) == (False, "wrong_source")
    finally:
        for client in clients.values():
            client.stop()


def test_the_event_feed_needs_a_workstation_key(make_hub: Callable[..., Running], keys: KeyDirectory) -> None:
    running = make_hub(keys=keys)
    context = zmq.Context()
    try:
        for credentials, expect in ((None, False), (running.credentials("P-0001"), False),
                                    (running.credentials("ws-01"), True)):
            sub = context.socket(zmq.SUB)
            sub.linger = 0
            if credentials is not None:
                credentials.apply(sub)
            sub.setsockopt(zmq.SUBSCRIBE, b"")
            sub.connect(running.endpoints.publish)
            assert bool(sub.poll(2500)) is expect  # heartbeats come every second to those let in
            sub.close(0)
    finally:
        context.term()
