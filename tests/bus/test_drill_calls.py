"""A drill's 110 calls: rung in drill mode by the desk that started the drill, and by nobody else; answered and
taken by a trainee's desk in the drill as a real call is, while the live state never sees them."""

from __future__ import annotations

from collections.abc import Callable

import msgspec
import pytest

from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from tests.bus.conftest import INSIDE, Running, incident
from tests.bus.test_drill_hub import answer, drill_started, ok

pytestmark = pytest.mark.timeout(60)

ROLES = {"ws-trainer": Role.COMMANDER, "ws-trainee": Role.DISPATCHER, "gw-110": Role.TELEPHONY}


def offered(call: str = "D-20261207-01-C01") -> ev.CallOffered:
    return ev.CallOffered(call=call, number="13800000101", simulated=True,
                          location=ev.CallLocation(lat=INSIDE[0], lon=INSIDE[1], accuracy_m=50, method="gnss"))


@pytest.fixture
def desks(make_hub: Callable[..., Running],
          workstations: Callable[..., WorkstationClient]) -> tuple[Running, dict[str, WorkstationClient]]:
    running = make_hub(roles=ROLES)
    return running, {name: workstations(running, name) for name in ROLES}


def test_the_trainer_rings_a_drill_call_that_a_trainee_takes_in_the_drill_only(
        desks: tuple[Running, dict[str, WorkstationClient]]) -> None:
    running, desk = desks
    ok(desk["ws-trainer"].send_command(drill_started(enrolled=(), simulated=())))
    ok(desk["ws-trainer"].send_command(offered(), mode=Mode.DRILL))
    ok(desk["ws-trainee"].send_command(ev.CallAnswered(call="D-20261207-01-C01"), mode=Mode.DRILL))
    taken = msgspec.structs.replace(incident("DJ-1"), call="D-20261207-01-C01")
    ok(desk["ws-trainee"].send_command(taken, mode=Mode.DRILL))
    ok(desk["ws-trainer"].send_command(ev.CallEnded(call="D-20261207-01-C01"), mode=Mode.DRILL))
    drill = running.hub.pipeline.drill
    assert drill is not None and drill.incidents["DJ-1"].call == "D-20261207-01-C01"
    assert "D-20261207-01-C01" not in running.hub.state.calls and "DJ-1" not in running.hub.state.incidents


def test_no_other_desk_nor_a_gateway_rings_a_drill_call(
        desks: tuple[Running, dict[str, WorkstationClient]]) -> None:
    _running, desk = desks
    ok(desk["ws-trainer"].send_command(drill_started(enrolled=(), simulated=())))
    for name in ("ws-trainee", "gw-110"):
        reply = answer(desk[name].send_command(offered(), mode=Mode.DRILL))
        assert (reply.accepted, reply.code, reply.gseq) == (False, "kind_not_allowed", 0), name
        assert "other than the drill's trainer" in reply.message
    assert answer(desk["ws-trainee"].send_command(ev.CallEnded(call="x"), mode=Mode.DRILL)).code == "kind_not_allowed"


def test_in_live_mode_only_a_gateway_rings_a_call_even_while_a_drill_runs(
        desks: tuple[Running, dict[str, WorkstationClient]]) -> None:
    running, desk = desks
    ok(desk["ws-trainer"].send_command(drill_started(enrolled=(), simulated=())))
    assert answer(desk["ws-trainer"].send_command(offered("C-1"))).code == "kind_not_allowed"
    assert answer(desk["ws-trainee"].send_command(offered("C-1"))).code == "kind_not_allowed"
    ok(desk["gw-110"].send_command(offered("C-1")))
    assert "C-1" in running.hub.state.calls


def test_a_trainer_rings_no_drill_call_when_no_drill_runs(
        desks: tuple[Running, dict[str, WorkstationClient]]) -> None:
    _running, desk = desks
    assert answer(desk["ws-trainer"].send_command(offered(), mode=Mode.DRILL)).code == "no_drill"
