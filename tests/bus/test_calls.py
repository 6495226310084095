"""110 calls through the hub: a telephony gateway rings them in, a desk answers and settles them; each
may send only its own side's kinds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

from dispatch_desktop.bus.keys import KeyDirectory, Kind, Role
from dispatch_desktop.bus.workstation import CommandReply, WorkstationClient
from dispatch_desktop.cli import main
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import INSIDE, Running, incident, wait_for

pytestmark = pytest.mark.timeout(60)

GATEWAY = "gw-110"
ROLES = {GATEWAY: Role.TELEPHONY, "ws-sup": Role.SUPERVISOR}


def offered(call: str = "C-1", lat: float = INSIDE[0], lon: float = INSIDE[1]) -> ev.CallOffered:
    return ev.CallOffered(call=call, number="13912345678",
                          location=ev.CallLocation(lat=lat, lon=lon, accuracy_m=400, method="cell"))


def reply(client: WorkstationClient, body: ev.Body) -> CommandReply:
    return client.send_command(body).result(timeout=10)


def test_a_gateway_rings_a_call_and_the_first_desk_to_answer_gets_it(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]
) -> None:
    running = make_hub(roles=ROLES)
    gateway, first, second = (workstations(running, name) for name in (GATEWAY, "ws-01", "ws-02"))
    assert reply(gateway, offered()).accepted
    wait_for(lambda: "C-1" in first.state.calls)  # every desk sees it ringing
    call = first.state.calls["C-1"]
    assert call.ringing and call.source == GATEWAY and call.number == "13912345678"
    assert reply(first, ev.CallAnswered(call="C-1", operator="李娜 010233")).accepted
    taken = reply(second, ev.CallAnswered(call="C-1", operator="王强 010777"))
    assert (taken.accepted, taken.code, taken.params) == (False, "call_taken", {"call": "C-1", "workstation": "ws-01"})
    assert taken.gseq > 0  # a rule of the domain: the refusal is on record
    assert reply(gateway, ev.CallEnded(call="C-1")).accepted
    created = msgspec.structs.replace(incident("J-1"), call="C-1", operator="李娜 010233")
    assert not reply(second, created).accepted
    assert reply(first, created).accepted
    state = running.hub.state
    assert "C-1" not in state.calls and state.incidents["J-1"].call == "C-1"
    refused = [e.body for _g, e in running.stored() if isinstance(e.body, ev.Refused)]
    assert [(r.refused_kind, r.code, r.target) for r in refused] == [
        ("call_answered", "call_taken", "C-1"), ("incident_created", "call_not_yours", "J-1")]


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        (GATEWAY, ev.CallAnswered(call="C-1")),  # a gateway speaks for the network only
        (GATEWAY, ev.CallClosed(call="C-1", disposition="misdial")),
        (GATEWAY, ev.UnitDispatched(incident="J-1", unit="P-0001")),
        (GATEWAY, incident("J-2")),
        ("ws-01", offered("C-2")),  # and only a gateway rings calls in
        ("ws-01", ev.CallEnded(call="C-1")),
    ],
)
def test_each_side_sends_only_its_own_kinds(make_hub: Callable[..., Running],
                                            workstations: Callable[..., WorkstationClient],
                                            sender: str, body: ev.Body) -> None:
    running = make_hub(roles=ROLES)
    assert reply(workstations(running, GATEWAY), offered()).accepted
    before = running.stored()
    answer = reply(workstations(running, sender), body)
    assert (answer.accepted, answer.code, answer.gseq) == (False, "kind_not_allowed", 0)
    assert body.kind in answer.message
    assert running.stored() == before  # nothing stored


def test_a_supervisor_cannot_answer_a_call(make_hub: Callable[..., Running],
                                           workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(roles=ROLES)
    assert reply(workstations(running, GATEWAY), offered()).accepted
    answer = reply(workstations(running, "ws-sup"), ev.CallAnswered(call="C-1"))
    assert (answer.accepted, answer.code) == (False, "read_only")
    assert running.hub.state.calls["C-1"].ringing


def test_a_call_located_outside_the_service_area_is_refused(make_hub: Callable[..., Running],
                                                            workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(roles=ROLES)
    gateway = workstations(running, GATEWAY)
    far = reply(gateway, offered("C-1", lat=39.9, lon=116.4))
    assert (far.accepted, far.code, far.gseq) == (False, "outside_area", 0)
    unlocated = reply(gateway, ev.CallOffered(call="C-2", number=""))  # a withheld number, no location
    assert unlocated.accepted
    assert set(running.hub.state.calls) == {"C-2"}


def test_a_telephony_key_made_by_the_keys_command_rings_calls_under_curve(
    tmp_path: Path, keys: KeyDirectory, make_hub: Callable[..., Running],
    workstations: Callable[..., WorkstationClient], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "create", "--dir", str(keys.root), "--workstation", GATEWAY, "--role", "telephony"]) == 0
    assert f"created workstation {GATEWAY} (telephony)" in capsys.readouterr().out
    certificate = next(cert for cert, _ in keys.listing() if cert.name == GATEWAY)
    assert (certificate.kind, certificate.role) == (Kind.WORKSTATION, Role.TELEPHONY)
    running = make_hub(keys=keys)
    gateway, desk = workstations(running, GATEWAY), workstations(running, "ws-01")
    assert reply(gateway, offered()).accepted
    assert reply(desk, ev.CallAnswered(call="C-1")).accepted
    assert (reply(desk, offered("C-2")).code, reply(gateway, ev.CallAnswered(call="C-1")).code) == (
        "kind_not_allowed", "kind_not_allowed")
    assert running.hub.state.calls["C-1"].answered_by == "ws-01"
