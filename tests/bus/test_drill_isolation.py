"""Issue 16's isolation test: the same live traffic through a real hub, once alone and once with a drill run
beside it (drill incidents, drill dispatches of an enrolled real unit and of a simulated one, their
acknowledgements and arrivals, a dispatch of a unit that is not enrolled, the drill's end). The live state
in the two logs is the same, a live desk is published the same live events, and the unit that is not
enrolled never gets a drill order.

The hub's clock is frozen and every envelope carries that time, so that the two runs' logs can be compared
state for state."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.workstation import Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode, UnitStatus
from dispatch_desktop.domain.state import State
from tests.bus.conftest import INSIDE, Running, incident, open_store, wait_for
from tests.bus.test_drill_hub import drill_ended, drill_started, simulated_unit

pytestmark = pytest.mark.timeout(120)

NOW_S = float(int(time.time()))  # the frozen clock of both runs (whole seconds: ms times are exact)
NOW_MS = int(NOW_S * 1000)
REAL_UNITS = ("P-0001", "P-0002", "P-0003")  # P-0001 is enrolled in the drill, P-0003 is not


def _frozen() -> float:
    return NOW_S


def _incident(incident_id: str) -> ev.IncidentCreated:
    return msgspec.structs.replace(incident(incident_id), call_time=NOW_MS)


@dataclass
class Run:
    """One run's hub, live desk, trainer's desk and handsets, and what the live desk and handsets got."""

    running: Running
    desk: WorkstationClient
    trainer: WorkstationClient
    fleet: FieldFleet
    published: list[ev.Envelope] = field(default_factory=list)
    orders: dict[str, list[p.Order]] = field(default_factory=dict)
    handsets: dict[str, FieldClient] = field(default_factory=dict)
    seqs: dict[str, int] = field(default_factory=dict)

    def command(self, client: WorkstationClient, body: ev.AnyBody, mode: Mode = Mode.LIVE) -> Any:
        seq = self.seqs[client.name] = self.seqs.get(client.name, 0) + 1
        return client.send_envelope(ev.envelope(client.name, seq, body, NOW_MS, mode=mode)).result(timeout=10)

    def live(self, body: ev.AnyBody) -> None:
        reply = self.command(self.desk, body)
        assert reply.accepted, reply

    def drill(self, body: ev.AnyBody, mode: Mode = Mode.DRILL) -> Any:
        return self.command(self.trainer, body, mode)

    def handset(self, unit: str) -> FieldClient:
        if unit not in self.handsets:
            self.orders[unit] = []
            self.handsets[unit] = self.fleet.add(FieldClient(
                unit, self.running.endpoints.field, context=self.fleet.context, first_seq=1, clock=_frozen,
                on_order=self.orders[unit].append))
        return self.handsets[unit]

    def report(self, unit: str, body: ev.AnyBody) -> None:
        client = self.handset(unit)
        client.report(body)
        assert self.fleet.run_until(lambda: client.unacked == 0, timeout=10)
        assert not client.nacks, client.nacks

    def moves(self, step: int) -> None:
        for n, unit in enumerate(REAL_UNITS):
            self.report(unit, ev.Position(lat=INSIDE[0] + step / 1000, lon=INSIDE[1] + n / 1000, speed=step))

    def delivered(self, mode: Mode) -> None:
        """Wait until every pending order of ``mode`` is delivered (so both runs store the same deliveries)."""
        def done() -> bool:
            state = self.running.hub.state if mode is Mode.LIVE else self.running.hub.pipeline.drill
            return state is not None and not any(o.mode is mode for o in state.orders.values())
        assert self.fleet.run_until(done, timeout=10)


def _live_traffic(run: Run, drill: bool) -> None:
    for unit in REAL_UNITS:
        run.report(unit, ev.StatusReport(status=UnitStatus.AVAILABLE))
    run.moves(1)
    run.live(_incident("J-1"))
    run.live(ev.UnitDispatched(incident="J-1", unit="P-0002", order="o-1"))
    run.delivered(Mode.LIVE)
    run.report("P-0002", ev.DispatchAck(incident="J-1", order="o-1"))
    if drill:
        _drill_first_half(run)
    run.moves(2)
    run.report("P-0002", ev.Arrival(incident="J-1"))
    run.live(_incident("J-2"))
    run.live(ev.UnitDispatched(incident="J-2", unit="P-0003", order="o-2"))
    run.delivered(Mode.LIVE)
    run.report("P-0003", ev.DispatchAck(incident="J-2", order="o-2"))
    run.live(ev.IncidentNote(incident="J-1", text="嫌疑人已控制"))
    if drill:
        _drill_second_half(run)
    run.report("P-0002", ev.Clearance(incident="J-1", result="arrested"))
    run.live(ev.IncidentClosed(incident="J-1", disposition="resolved"))
    run.moves(3)


def _drill_first_half(run: Run) -> None:
    assert run.drill(drill_started(), Mode.LIVE).accepted
    assert run.drill(simulated_unit()).accepted
    assert run.drill(ev.UnitStatusSet(unit="X-0001", status=UnitStatus.AVAILABLE)).accepted
    assert run.drill(_incident("DJ-1")).accepted
    assert run.drill(ev.UnitDispatched(incident="DJ-1", unit="P-0001", order="d-1")).accepted
    run.handset("X-0001")  # the simulated unit's handset, driven by the test
    assert run.drill(ev.UnitDispatched(incident="DJ-1", unit="X-0001", order="d-2")).accepted
    refused = run.drill(ev.UnitDispatched(incident="DJ-1", unit="P-0003", order="d-3"))
    assert (refused.accepted, refused.code) == (False, "not_enrolled")
    run.delivered(Mode.DRILL)
    for unit, order in (("P-0001", "d-1"), ("X-0001", "d-2")):
        run.report(unit, ev.DispatchAck(incident="DJ-1", order=order))  # in drill mode: a drill order's incident
        run.report(unit, ev.Arrival(incident="DJ-1"))


def _drill_second_half(run: Run) -> None:
    run.report("P-0001", ev.Clearance(incident="DJ-1", result="drill"))
    assert run.drill(ev.IncidentClosed(incident="DJ-1", disposition="resolved")).accepted
    assert run.drill(drill_ended(), Mode.LIVE).accepted


def _run(make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient], folder: Path,
         drill: bool) -> Run:
    folder.mkdir()
    running = make_hub(store=open_store(folder, real=True), clock=_frozen, units=REAL_UNITS)
    published: list[ev.Envelope] = []

    def keep(state: State, changed: list[Published] | None) -> None:
        published.extend(event for _gseq, event in changed or ())

    desk = workstations(running, "ws-01", on_state=keep)
    run = Run(running, desk, workstations(running, "ws-02"), FieldFleet(), published)
    try:
        _live_traffic(run, drill)
        wait_for(lambda: desk.state == running.hub.state)
    finally:
        run.fleet.close()
    return run


def _live_state(run: Run) -> dict[str, Any]:
    """The live state in the run's log, less what the two drill events themselves change in it: the running
    drill (None once it ended) and the count of events applied."""
    state: State = run.running.store.state_at()
    plain = state.to_plain()
    opened_or_closed = sum(1 for _g, e in run.running.stored() if isinstance(e.body, ev.DrillStarted | ev.DrillEnded))
    plain["applied"] -= opened_or_closed
    assert plain.pop("drill") is None
    return plain


def _live_events(run: Run) -> list[tuple[object, ...]]:
    """The live events the live desk was published, without their seq: a unit's drill reports and the hub's
    drill deliveries take numbers of the same counters as its live ones."""
    return [(e.source, e.kind, e.body, e.t_src, e.t_hub) for e in run.published
            if e.mode is Mode.LIVE and not isinstance(e.body, ev.DrillStarted | ev.DrillEnded)]


def test_a_drill_beside_live_traffic_leaves_the_live_state_and_the_live_desk_unchanged(
        make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient], tmp_path: Path) -> None:
    alone = _run(make_hub, workstations, tmp_path / "alone", drill=False)
    beside = _run(make_hub, workstations, tmp_path / "beside", drill=True)
    stored = [e for _g, e in beside.running.stored()]
    assert any(e.mode is Mode.DRILL and isinstance(e.body, ev.Clearance) for e in stored)  # the drill did run
    assert any(e.mode is Mode.DRILL and isinstance(e.body, ev.OrderDelivered) for e in stored)
    assert _live_state(beside) == _live_state(alone)
    assert _live_events(beside) == _live_events(alone)
    assert set(beside.desk.state.incidents) == {"J-1", "J-2"}  # no drill incident in the live desk's queue
    assert [o.order for o in beside.orders["P-0001"]] == ["d-1"]  # the enrolled unit got its drill order
    assert all(o.mode is Mode.LIVE for o in beside.orders["P-0003"])  # and the one not enrolled never did
    assert [o.order for o in beside.orders["P-0003"]] == ["o-2"]
