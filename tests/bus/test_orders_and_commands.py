"""Commands from workstations, arbitrated in hub order, and the orders they send to units."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import CommandReply, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitStatus
from dispatch_desktop.domain.reasons import refusal
from tests.bus.conftest import RawPeer, Running, incident, wait_for

pytestmark = pytest.mark.timeout(60)


def _on_duty(running: Running, *units: str) -> None:
    with FieldFleet() as fleet:
        clients = [fleet.add(FieldClient(u, running.endpoints.field, context=fleet.context)) for u in units]
        for client in clients:
            client.report(ev.StatusReport(status=UnitStatus.AVAILABLE))
        assert fleet.run_until(lambda: all(c.unacked == 0 for c in clients), timeout=10)


def _ok(future: concurrent.futures.Future[CommandReply]) -> CommandReply:
    reply = future.result(timeout=10)
    assert reply.accepted, reply
    return reply


def test_two_dispatchers_cannot_send_the_same_unit(make_hub: Callable[..., Running],
                                                   workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub()
    _on_duty(running, "P-0001")
    first, second = workstations(running, "ws-01"), workstations(running, "ws-02")
    _ok(first.send_command(incident("J-1")))
    _ok(first.send_command(incident("J-2")))
    # Both press "dispatch" at the same moment, for different incidents.
    a = first.send_command(ev.UnitDispatched(incident="J-1", unit="P-0001"))
    b = second.send_command(ev.UnitDispatched(incident="J-2", unit="P-0001"))
    replies = [a.result(timeout=10), b.result(timeout=10)]
    accepted = [r for r in replies if r.accepted]
    refused = [r for r in replies if not r.accepted]
    assert len(accepted) == 1 and len(refused) == 1
    winner = "J-1" if replies[0].accepted else "J-2"
    expected = refusal("unit_already_assigned", unit="P-0001", incident=winner)
    assert (refused[0].code, refused[0].message, refused[0].params) == (expected.code, expected.message,
                                                                        expected.params)
    assert refused[0].gseq > 0  # the refusal is on record
    assert running.hub.state.units["P-0001"].incident == winner


def test_a_supervisor_is_read_only(make_hub: Callable[..., Running],
                                   workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(roles={"ws-sup": Role.SUPERVISOR})
    supervisor = workstations(running, "ws-sup")
    reply = supervisor.send_command(incident("J-1")).result(timeout=10)
    assert not reply.accepted and reply.code == "read_only" and reply.gseq == 0
    assert "J-1" not in running.hub.state.incidents
    wait_for(lambda: supervisor.state == running.hub.state, timeout=10)  # it still sees everything
    assert _ok(workstations(running, "ws-01").send_command(incident("J-1"))).gseq > 0


def test_an_incident_of_a_type_outside_the_taxonomy_is_refused_and_not_stored(
        make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub()
    desk = workstations(running)
    unknown = msgspec.structs.replace(incident("J-1"), incident_type="teleportation")
    reply = desk.send_command(unknown).result(timeout=10)
    assert (reply.accepted, reply.code, reply.gseq) == (False, "unknown_code", 0)
    assert reply.params == {"field": "incident_type", "value": "teleportation"}
    assert "J-1" not in running.hub.state.incidents
    assert _ok(desk.send_command(incident("J-1"))).gseq > 0  # the published taxonomy's codes pass


def test_a_workstation_cannot_send_unit_reports(make_hub: Callable[..., Running],
                                                workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub()
    reply = workstations(running).send_command(ev.Position(lat=23.1, lon=113.2)).result(timeout=10)
    assert (reply.accepted, reply.code) == (False, "kind_not_allowed")


def test_a_command_is_resent_with_the_same_seq_until_answered(make_hub: Callable[..., Running],
                                                              workstations: Callable[..., WorkstationClient],
                                                              tmp_path: object) -> None:
    from tests.bus.conftest import open_store
    from tests.bus.test_reports import GatedProjector

    store, projector = open_store(tmp_path)  # type: ignore[arg-type]
    gated = GatedProjector(projector)
    running = make_hub(store=(store, gated))
    client = workstations(running, command_timeout=0.2)
    gated.gate.clear()
    future = client.send_command(incident("J-7"))
    before = gated.calls
    wait_for(lambda: gated.calls > before)
    with pytest.raises(concurrent.futures.TimeoutError):
        future.result(timeout=1.0)  # several resends meanwhile
    gated.gate.set()
    reply = _ok(future)
    created = [e for _g, e in running.stored() if isinstance(e.body, ev.IncidentCreated)]
    assert len(created) == 1 and (created[0].source, created[0].seq) == ("ws-01", reply.seq)


def test_an_order_waits_for_an_offline_unit_and_is_delivered_when_it_connects(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]
) -> None:
    running = make_hub()
    _on_duty(running, "P-0003")  # on duty, then the handset goes out of coverage
    dispatcher = workstations(running)
    _ok(dispatcher.send_command(incident("J-9")))
    dispatched = _ok(dispatcher.send_command(ev.UnitDispatched(incident="J-9", unit="P-0003")))
    order_id = f"ws-01:{dispatched.seq}"
    assert order_id in running.hub.state.orders  # pending: nobody to hand it to
    received: list[p.Order] = []
    with FieldFleet() as fleet:
        unit = fleet.add(FieldClient("P-0003", running.endpoints.field, context=fleet.context,
                                     on_order=received.append))
        assert fleet.run_until(lambda: received, timeout=10)
        assert fleet.run_until(lambda: order_id not in running.hub.state.orders, timeout=10)
        assert unit.unacked == 0
    assert (received[0].order, received[0].kind, received[0].incident) == (order_id, "dispatch", "J-9")
    delivered = [e for _g, e in running.stored() if isinstance(e.body, ev.OrderDelivered)]
    assert [(e.source, e.body.order, e.body.unit) for e in delivered] == [("hub", order_id, "P-0003")]
    wait_for(lambda: order_id not in dispatcher.state.orders)  # the workstations see it delivered


def test_an_order_is_resent_until_the_unit_acknowledges_it(make_hub: Callable[..., Running],
                                                           raw_peers: Callable[..., RawPeer],
                                                           workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(order_resend_interval=0.2)
    handset = raw_peers(running.endpoints.field)
    handset.send(handset.session.pack(p.HELLO, p.Hello(source="P-0002")))
    dispatcher = workstations(running)
    reply = _ok(dispatcher.send_command(ev.MessageSent(unit="P-0002", order="M-1", text="回所里")))
    assert reply.gseq > 0
    orders = []
    while len(orders) < 3:  # the handset says nothing: the hub keeps trying
        got = handset.receive(timeout=5)
        assert got is not None
        if got[0] == p.ORDER:
            orders.append(got[1])
    assert all(o["order"] == "M-1" and o["text"] == "回所里" and o["kind"] == "message" for o in orders)
    handset.send(handset.session.pack(p.ORDER_ACK, p.OrderAck(order="M-1", unit="P-0002")))
    wait_for(lambda: "M-1" not in running.hub.state.orders)
    while (got := handset.receive(timeout=0.6)) is not None:  # drain what was already on its way
        pass
    assert handset.receive(timeout=0.6) is None  # and nothing more comes


def test_recall_orders_reach_the_unit_too(make_hub: Callable[..., Running],
                                          workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub()
    _on_duty(running, "P-0001")
    dispatcher = workstations(running)
    received: list[p.Order] = []
    with FieldFleet() as fleet:
        unit = fleet.add(FieldClient("P-0001", running.endpoints.field, context=fleet.context,
                                     on_order=received.append))
        assert fleet.run_until(lambda: unit.welcome is not None, timeout=10)  # connected
        _ok(dispatcher.send_command(incident("J-3")))
        _ok(dispatcher.send_command(ev.UnitDispatched(incident="J-3", unit="P-0001")))
        assert fleet.run_until(lambda: received, timeout=10)
        _ok(dispatcher.send_command(ev.UnitRecalled(incident="J-3", unit="P-0001", reason="改派")))
        assert fleet.run_until(lambda: len(received) >= 2 and not running.hub.state.orders, timeout=10)
    assert [o.kind for o in received] == ["dispatch", "recall"]
    assert running.hub.state.units["P-0001"].status is UnitStatus.AVAILABLE
