"""A drill in the hub: its commands checked against its own state, its orders only to its own units, and
its state rebuilt by a hub restarted mid-drill; the live state untouched throughout."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import CommandReply, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentStatus, Mode, UnitKind, UnitStatus
from tests.bus.conftest import INSIDE, Running, incident, wait_for

pytestmark = pytest.mark.timeout(90)

DRILL = "D-20261207-01"
DRILL_MODE = Mode.DRILL


def drill_started(drill: str = DRILL, enrolled: tuple[str, ...] = ("P-0001",),
                  simulated: tuple[str, ...] = ("X-0001",)) -> ev.DrillStarted:
    return ev.DrillStarted(drill=drill, scenario="knife-station", version=1, enrolled=enrolled,
                           simulated=simulated, operator="张强 010001")


def drill_ended(drill: str = DRILL) -> ev.DrillEnded:
    return ev.DrillEnded(drill=drill, reason=ev.DrillEndReason.COMPLETED, operator="张强 010001")


def simulated_unit(unit: str = "X-0001") -> ev.UnitRegistered:
    return ev.UnitRegistered(unit=unit, unit_kind=UnitKind.RAPID_RESPONSE, station="S-1", name="突击一",
                             lat=INSIDE[0], lon=INSIDE[1])


def register_simulated(trainer: WorkstationClient, unit: str = "X-0001") -> None:
    """The drill's simulated unit joins the drill's roster, on duty."""
    ok(trainer.send_command(simulated_unit(unit), mode=DRILL_MODE))
    ok(trainer.send_command(ev.UnitStatusSet(unit=unit, status=UnitStatus.AVAILABLE), mode=DRILL_MODE))


def running_drill(running: Running) -> str | None:
    """The id of the drill the hub's live state says runs."""
    drill = running.hub.state.drill
    return None if drill is None else drill.drill


def answer(future: concurrent.futures.Future[CommandReply]) -> CommandReply:
    return future.result(timeout=10)


def ok(future: concurrent.futures.Future[CommandReply]) -> CommandReply:
    reply = answer(future)
    assert reply.accepted, reply
    return reply


class Handsets:
    """Field clients on one fleet, driven from the test's thread, each keeping the orders it was given."""

    def __init__(self, running: Running, units: tuple[str, ...]) -> None:
        self.fleet = FieldFleet()
        self.orders: dict[str, list[p.Order]] = {unit: [] for unit in units}
        self.clients = {unit: self.fleet.add(FieldClient(unit, running.endpoints.field, context=self.fleet.context,
                                                         on_order=self.orders[unit].append))
                        for unit in units}

    def send(self, unit: str, body: ev.AnyBody, mode: Mode | None = None) -> None:
        client = self.clients[unit]
        client.report(body, mode=mode)
        assert self.fleet.run_until(lambda: client.unacked == 0, timeout=10), client.nacks

    def until(self, predicate: Callable[[], object]) -> None:
        assert self.fleet.run_until(lambda: bool(predicate()), timeout=10)

    def close(self) -> None:
        self.fleet.close()


@pytest.fixture
def handsets(make_hub: Callable[..., Running]) -> Iterator[tuple[Running, Handsets]]:
    running = make_hub(real=True)
    units = Handsets(running, ("P-0001", "P-0002", "P-0003"))
    for unit in ("P-0001", "P-0002", "P-0003"):
        units.send(unit, ev.StatusReport(status=UnitStatus.AVAILABLE))
    yield running, units
    units.close()


def test_a_drill_command_without_a_running_drill_is_refused_no_drill(
        make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub()
    reply = answer(workstations(running).send_command(incident("DJ-1"), mode=DRILL_MODE))
    assert (reply.accepted, reply.code, reply.gseq) == (False, "no_drill", 0)
    assert "no drill is running" in reply.message.lower()


def test_who_may_start_a_drill_and_in_which_mode(make_hub: Callable[..., Running],
                                                 workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(roles={"ws-sup": Role.SUPERVISOR, "gw-110": Role.TELEPHONY, "ws-cmd": Role.COMMANDER})
    assert answer(workstations(running, "ws-sup").send_command(drill_started())).code == "read_only"
    assert answer(workstations(running, "gw-110").send_command(drill_started())).code == "kind_not_allowed"
    commander = workstations(running, "ws-cmd")
    assert answer(commander.send_command(drill_started(), mode=DRILL_MODE)).code == "drill_live_only"
    # A live desk may not add to the roster: simulated units register in drill mode only.
    assert answer(commander.send_command(simulated_unit())).code == "kind_not_allowed"
    ok(commander.send_command(drill_started(enrolled=())))
    assert running_drill(running) == DRILL
    wait_for(lambda: commander.state.drill is not None)  # every desk learns that a drill runs
    second = answer(commander.send_command(drill_started("D-20261207-02", enrolled=())))
    assert (second.accepted, second.code) == (False, "drill_running")
    ok(commander.send_command(drill_ended()))
    assert running_drill(running) is None
    assert answer(commander.send_command(drill_ended())).code == "drill_not_running"


def test_drill_commands_are_checked_against_the_drill_and_leave_the_live_state_alone(
        handsets: tuple[Running, Handsets], workstations: Callable[..., WorkstationClient]) -> None:
    running, _units = handsets
    trainer = workstations(running, "ws-02")
    ok(trainer.send_command(drill_started()))
    register_simulated(trainer)
    ok(trainer.send_command(incident("DJ-1"), mode=DRILL_MODE))  # unknown to the live state: checked in the drill
    ok(trainer.send_command(ev.UnitDispatched(incident="DJ-1", unit="P-0001"), mode=DRILL_MODE))
    ok(trainer.send_command(ev.UnitDispatched(incident="DJ-1", unit="X-0001"), mode=DRILL_MODE))
    bystander = answer(trainer.send_command(ev.UnitDispatched(incident="DJ-1", unit="P-0003"), mode=DRILL_MODE))
    assert (bystander.accepted, bystander.code, bystander.gseq) == (False, "not_enrolled", 0)
    message = answer(trainer.send_command(ev.MessageSent(unit="P-0002", order="dm-1", text="集合"), mode=DRILL_MODE))
    assert message.code == "not_enrolled"
    drill = running.hub.pipeline.drill
    assert drill is not None and drill.incidents["DJ-1"].status is IncidentStatus.DISPATCHED
    assert drill.units["P-0001"].status is UnitStatus.DISPATCHED and "X-0001" in drill.units
    live = running.hub.state
    assert "DJ-1" not in live.incidents and "X-0001" not in live.units
    assert live.units["P-0001"].status is UnitStatus.AVAILABLE  # live, the enrolled unit is still free
    # A drill dispatch refused by the drill's rules is stored as a refusal in drill mode, like a live one.
    again = answer(trainer.send_command(ev.UnitDispatched(incident="DJ-1", unit="P-0001"), mode=DRILL_MODE))
    assert (again.accepted, again.code) == (False, "unit_already_assigned") and again.gseq > 0


def test_a_drill_order_goes_to_enrolled_units_only_and_a_live_order_never_waits_for_it(
        handsets: tuple[Running, Handsets], workstations: Callable[..., WorkstationClient]) -> None:
    running, units = handsets
    trainer, desk = workstations(running, "ws-02"), workstations(running, "ws-01")
    ok(trainer.send_command(drill_started()))
    ok(trainer.send_command(incident("DJ-1"), mode=DRILL_MODE))
    dispatched = ok(trainer.send_command(ev.UnitDispatched(incident="DJ-1", unit="P-0001"), mode=DRILL_MODE))
    units.until(lambda: units.orders["P-0001"])
    order = units.orders["P-0001"][0]
    assert (order.order, order.mode, order.incident) == (f"ws-02:{dispatched.seq}", Mode.DRILL, "DJ-1")
    # The handset's acknowledgement is delivered in the drill: order_delivered stored in drill mode.
    wait_for(lambda: any(isinstance(e.body, ev.OrderDelivered) and e.body.order == order.order
                         for _g, e in running.stored()))
    delivered = [e for _g, e in running.stored() if isinstance(e.body, ev.OrderDelivered)]
    assert [e.mode for e in delivered] == [Mode.DRILL]
    # The unit never acknowledges the drill dispatch; a real emergency dispatches it live all the same.
    ok(desk.send_command(incident("J-1")))
    live = ok(desk.send_command(ev.UnitDispatched(incident="J-1", unit="P-0001")))
    units.until(lambda: len(units.orders["P-0001"]) == 2)
    assert (units.orders["P-0001"][1].order, units.orders["P-0001"][1].mode) == (f"ws-01:{live.seq}", Mode.LIVE)
    # Reports about the drill incident go in drill mode by themselves; about the live one, live.
    units.send("P-0001", ev.DispatchAck(incident="DJ-1", order=order.order))
    units.send("P-0001", ev.DispatchAck(incident="J-1", order=f"ws-01:{live.seq}"))
    acks = [(e.body.incident, e.mode) for _g, e in running.stored() if isinstance(e.body, ev.DispatchAck)]
    assert acks == [("DJ-1", Mode.DRILL), ("J-1", Mode.LIVE)]
    assert running.hub.state.units["P-0001"].incident == "J-1"
    drill = running.hub.pipeline.drill
    assert drill is not None and drill.units["P-0001"].status is UnitStatus.EN_ROUTE
    assert units.orders["P-0002"] == [] and units.orders["P-0003"] == []


def test_a_simulated_unit_reports_in_the_drill_only(
        handsets: tuple[Running, Handsets], workstations: Callable[..., WorkstationClient]) -> None:
    running, units = handsets
    trainer = workstations(running, "ws-02")
    ok(trainer.send_command(drill_started()))
    register_simulated(trainer)
    simulated = FieldClient("X-0001", running.endpoints.field, context=units.fleet.context)
    units.fleet.add(simulated)
    simulated.report(ev.Position(lat=INSIDE[0], lon=INSIDE[1], speed=3.0), mode=DRILL_MODE)
    simulated.report(ev.Position(lat=INSIDE[0], lon=INSIDE[1]))  # live: no such unit on the live roster
    units.until(lambda: simulated.unacked == 0)
    assert [n.code for n in simulated.nacks] == ["not_on_roster"]
    drill = running.hub.pipeline.drill
    assert drill is not None and drill.units["X-0001"].speed == 3.0
    # A real unit that is not enrolled cannot report into the drill.
    units.clients["P-0003"].report(ev.StatusReport(status=UnitStatus.UNAVAILABLE), mode=DRILL_MODE)
    units.until(lambda: units.clients["P-0003"].unacked == 0)
    assert [n.code for n in units.clients["P-0003"].nacks] == ["not_enrolled"]


def test_a_hub_restarted_mid_drill_rebuilds_the_drill_from_the_log(
        make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient], tmp_path: Path) -> None:
    from dispatch_desktop.store import EventStore, Projector

    # Keyframes every few events: the live state the restarted hub starts from comes from one taken mid-drill.
    store = EventStore.open(f"sqlite:///{tmp_path / 'events.sqlite3'}", snapshot_every=3)
    first = make_hub(store=(store, Projector(store)))
    trainer = workstations(first, "ws-02", first_seq=1)
    # An earlier drill, over: its incident must not be in the next drill's state.
    ok(trainer.send_command(drill_started("D-20261207-01", enrolled=(), simulated=())))
    ok(trainer.send_command(incident("DJ-1"), mode=DRILL_MODE))
    ok(trainer.send_command(drill_ended("D-20261207-01")))
    ok(trainer.send_command(drill_started("D-20261207-02", enrolled=(), simulated=())))
    ok(trainer.send_command(incident("DJ-2"), mode=DRILL_MODE))
    ok(trainer.send_command(incident("J-1")))  # live, during the drill
    before = first.hub.pipeline.drill
    trainer.stop()
    first.hub.stop()
    second = make_hub(store=(store, Projector(store)))
    rebuilt = second.hub.pipeline.drill
    assert rebuilt is not None and before is not None
    assert set(rebuilt.incidents) == {"DJ-2", "J-1"} and rebuilt.drill == before.drill
    assert rebuilt.incidents == before.incidents
    trainer = workstations(second, "ws-02", first_seq=100)
    closing = ok(trainer.send_command(ev.IncidentClosed(incident="DJ-2", disposition="drill"), mode=DRILL_MODE))
    assert closing.gseq > 0
    assert set(second.hub.state.incidents) == {"J-1"}  # live: the drills' incidents never
    # Ended cleanly after the restart: the drill's events are refused from then on.
    ok(trainer.send_command(drill_ended("D-20261207-02")))
    assert second.hub.pipeline.drill is None and running_drill(second) is None
    assert answer(trainer.send_command(incident("DJ-3"), mode=DRILL_MODE)).code == "no_drill"
    store.close()
