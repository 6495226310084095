"""A unit answers its orders the way a patrol car does: acknowledge, drive, arrive, handle, clear, return."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
import shapely

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City, plane_xy
from dispatch_desktop.domain.enums import Category, IncidentStatus, OrderKind, UnitStatus
from dispatch_desktop.domain.state import Incident, PendingOrder
from dispatch_desktop.sim.engine import Engine, SimConfig
from dispatch_desktop.sim.loopback import Loopback
from tests.sim.conftest import MINUTE_MS, START_MS

DESK = "ws-1"


@pytest.fixture
def loop(city: City) -> Iterator[Loopback]:
    engine = Engine(city, SimConfig(units=60, auto_dispatch=False), start_ms=START_MS)
    events: list[ev.Envelope] = []
    loopback = Loopback(engine, on_event=events.append)
    loopback.events = events  # type: ignore[attr-defined]
    loopback.run(START_MS + 5 * MINUTE_MS)
    yield loopback
    assert loopback.refusals == []


def run_until_cleared(loop: Loopback, incident: str, limit_ms: int = 150 * MINUTE_MS) -> None:
    """Run until the incident is cleared (and a minute more), at most ``limit_ms``."""
    end = loop.engine.now_ms + limit_ms
    while loop.engine.now_ms < end and loop.state.incidents[incident].status is not IncidentStatus.CLEARED:
        loop.run(loop.engine.now_ms + MINUTE_MS)
    loop.run(loop.engine.now_ms + MINUTE_MS)


def a_police_incident(loop: Loopback) -> Incident:
    # Sorted: a map's order follows string hashing, which changes from one run to the next.
    return next(i for _, i in sorted(loop.state.incidents.items())
                if i.category is Category.POLICE and i.status is IncidentStatus.NEW)


def nearest_available(loop: Loopback, incident: Incident) -> tuple[str, float]:
    x, y = plane_xy(incident.lat, incident.lon)
    best = min((u for _, u in sorted(loop.state.units.items()) if u.status is UnitStatus.AVAILABLE),
               key=lambda u: float(np.hypot(*(np.array(plane_xy(u.lat, u.lon)) - (x, y)))))
    return best.id, float(np.hypot(*(np.array(plane_xy(best.lat, best.lon)) - (x, y))))


def from_unit(loop: Loopback, unit: str, after_ms: int) -> list[ev.Envelope]:
    return [e for e in loop.events if e.source == unit and e.t_src >= after_ms]  # type: ignore[attr-defined]


def first(events: list[ev.Envelope], kind: str) -> ev.Envelope:
    return next(e for e in events if e.kind == kind)


def test_a_dispatched_unit_acks_drives_arrives_clears_and_returns_to_patrol(city: City, loop: Loopback) -> None:
    incident = a_police_incident(loop)
    unit, distance = nearest_available(loop, incident)
    sent = loop.engine.now_ms
    loop.deliver(DESK, ev.UnitDispatched(incident=incident.id, unit=unit, order="o-1"), sent)
    run_until_cleared(loop, incident.id)
    events = from_unit(loop, unit, sent)
    ack, arrival = first(events, "dispatch_ack"), first(events, "arrival")
    survey, clearance = first(events, "field_record"), first(events, "clearance")
    assert ack.body == ev.DispatchAck(incident=incident.id, order="o-1")
    assert 5_000 <= ack.t_src - sent <= 20_000
    # Straight line x 1.3 at 8–14 m/s, from where it last reported (at most 5 s and 70 m stale).
    slack_m = 70 + 15 + 15
    drive_s = (arrival.t_src - ack.t_src) / 1000
    assert (distance - slack_m) * 1.3 / 14 - 1 <= drive_s <= (distance + slack_m) * 1.3 / 8 + 1
    # On the way it closes in; on scene it stands within 30 m.
    x, y = plane_xy(incident.lat, incident.lon)
    gap = [float(np.hypot(*(np.array(plane_xy(e.body.lat, e.body.lon)) - (x, y))))
           for e in events if e.kind == "position" and ack.t_src < e.t_src < clearance.t_src]
    assert (gap[-1] <= 30 and gap[0] > gap[len(gap) // 3]) or distance < 100
    on_scene = [e.body for e in events if e.kind == "position" and arrival.t_src < e.t_src < clearance.t_src]
    assert on_scene and all(p.speed == 0 for p in on_scene)
    assert all(float(np.hypot(*(np.array(plane_xy(p.lat, p.lon)) - (x, y)))) <= 30 for p in on_scene)
    assert arrival.t_src < survey.t_src < clearance.t_src and survey.body.incident == incident.id
    assert 5 * MINUTE_MS <= clearance.t_src - arrival.t_src <= 40 * MINUTE_MS
    # Then it is free and drives back to its patrol loop inside its station's area.
    assert loop.state.units[unit].status is UnitStatus.AVAILABLE and not loop.state.units[unit].incident
    assert loop.state.incidents[incident.id].status is IncidentStatus.CLEARED
    after = [e.body for e in events if e.kind == "position" and e.t_src > clearance.t_src]
    assert after[0].speed > 0
    loop.run(loop.engine.now_ms + 60 * MINUTE_MS)
    spec = next(u for u in loop.engine.units if u.id == unit)
    home = shapely.union(city.station(spec.station).shape, city.district(spec.district).shape)
    last = [e.body for e in from_unit(loop, unit, loop.engine.now_ms - MINUTE_MS) if e.kind == "position"]
    assert last and all(shapely.contains_xy(home, p.lon, p.lat) and p.speed > 0 for p in last)


def test_a_recalled_unit_turns_back_and_the_incident_waits_again(loop: Loopback) -> None:
    incident = a_police_incident(loop)
    unit, _ = nearest_available(loop, incident)
    sent = loop.engine.now_ms
    loop.deliver(DESK, ev.UnitDispatched(incident=incident.id, unit=unit, order="o-1"), sent)
    loop.run(sent + 25_000)
    assert loop.state.units[unit].status is UnitStatus.EN_ROUTE
    recalled = loop.engine.now_ms
    loop.deliver(DESK, ev.UnitRecalled(incident=incident.id, unit=unit, reason="needed elsewhere", order="r-1"),
                 recalled)
    loop.run(recalled + 20 * MINUTE_MS)
    kinds = {e.kind for e in from_unit(loop, unit, recalled)}
    assert kinds == {"position"}
    assert loop.state.units[unit].status is UnitStatus.AVAILABLE
    assert loop.state.incidents[incident.id].status is IncidentStatus.NEW


def test_a_recall_before_the_acknowledgement_means_no_acknowledgement(loop: Loopback) -> None:
    incident = a_police_incident(loop)
    unit, _ = nearest_available(loop, incident)
    sent = loop.engine.now_ms
    loop.deliver(DESK, ev.UnitDispatched(incident=incident.id, unit=unit, order="o-1"), sent)
    loop.deliver(DESK, ev.UnitRecalled(incident=incident.id, unit=unit, order="r-1"), sent)
    loop.run(sent + 10 * MINUTE_MS)
    assert {e.kind for e in from_unit(loop, unit, sent)} == {"position"}


def test_two_units_on_one_incident_are_both_released_by_the_first_clearance(loop: Loopback) -> None:
    incident = a_police_incident(loop)
    units = [u.id for _, u in sorted(loop.state.units.items()) if u.status is UnitStatus.AVAILABLE][:2]
    sent = loop.engine.now_ms
    for n, unit in enumerate(units):
        loop.deliver(DESK, ev.UnitDispatched(incident=incident.id, unit=unit, order=f"o-{n}"), sent)
    run_until_cleared(loop, incident.id)
    clearances = [e for e in loop.events if e.kind == "clearance" and e.body.incident == incident.id]  # type: ignore[attr-defined]
    assert len(clearances) == 1
    assert all(loop.state.units[u].status is UnitStatus.AVAILABLE for u in units)


def test_messages_change_nothing_and_resent_orders_are_done_once(loop: Loopback) -> None:
    incident = a_police_incident(loop)
    unit, _ = nearest_available(loop, incident)
    now = loop.engine.now_ms
    loop.deliver(DESK, ev.MessageSent(unit=unit, order="m-1", text="回所"), now)
    assert "m-1" not in loop.state.orders  # handed over and confirmed
    order = PendingOrder(order="o-1", unit=unit, kind=OrderKind.DISPATCH.value, incident=incident.id, text="",
                         time=now)
    loop.deliver(DESK, ev.UnitDispatched(incident=incident.id, unit=unit, order="o-1"), now)
    assert loop.engine.on_order(unit, order) is False  # the hub resending it
    assert loop.engine.on_order("no-such-unit", order) is False
    loop.run(now + MINUTE_MS)
    assert [e.kind for e in from_unit(loop, unit, now) if e.kind != "position"] == ["dispatch_ack"]


def test_a_dispatch_to_an_incident_not_seen_yet_waits_for_it(city: City) -> None:
    engine = Engine(city, SimConfig(units=20, auto_dispatch=False, incidents_per_day=0), start_ms=START_MS)
    engine.step(START_MS)
    unit = engine.ids[0]
    order = PendingOrder(order="o-9", unit=unit, kind="dispatch", incident="J-other-desk", text="", time=START_MS)
    assert engine.on_order(unit, order) is True
    assert not [o for o in engine.step(START_MS + MINUTE_MS) if o.source == unit and o.body.kind != "position"]
    created = ev.IncidentCreated(incident="J-other-desk", call_time=START_MS, caller_number="13800000000",
                                 lat=engine.units[0].lat, lon=engine.units[0].lon, address="门口", district="",
                                 station="", incident_type="theft", priority=3, category=Category.POLICE)
    engine.observe(ev.envelope("ws-2", 1, created, START_MS + MINUTE_MS))
    later = [o.body for o in engine.step(START_MS + 2 * MINUTE_MS) if o.source == unit and o.body.kind != "position"]
    assert later == [ev.DispatchAck(incident="J-other-desk", order="o-9")]


def test_a_recall_of_a_dispatch_still_waiting_for_its_incident_cancels_it(city: City) -> None:
    engine = Engine(city, SimConfig(units=20, auto_dispatch=False, incidents_per_day=0), start_ms=START_MS)
    engine.step(START_MS)
    unit = engine.ids[0]
    engine.on_order(unit, PendingOrder(order="o-9", unit=unit, kind="dispatch", incident="J-x", text="", time=0))
    assert engine.on_order(unit, PendingOrder(order="r-9", unit=unit, kind="recall", incident="J-x", text="",
                                              time=0)) is True
    created = ev.IncidentCreated(incident="J-x", call_time=START_MS, caller_number="13800000000",
                                 lat=engine.units[0].lat, lon=engine.units[0].lon, address="门口", district="",
                                 station="", incident_type="theft", priority=3, category=Category.POLICE)
    engine.observe(ev.envelope("ws-2", 1, created, START_MS))
    assert not [o for o in engine.step(START_MS + 5 * MINUTE_MS) if o.body.kind != "position"]


def test_a_unit_whose_incident_was_closed_elsewhere_goes_back_to_patrol(loop: Loopback) -> None:
    incident = a_police_incident(loop)
    unit, _ = nearest_available(loop, incident)
    now = loop.engine.now_ms
    loop.deliver(DESK, ev.UnitDispatched(incident=incident.id, unit=unit, order="o-1"), now)
    # Its recall got lost on the way; the desk closed the incident meanwhile.
    loop.engine.observe(ev.envelope(DESK, 999, ev.IncidentClosed(incident=incident.id, disposition="duplicate"),
                                    now))
    assert loop.engine.status(unit) is UnitStatus.AVAILABLE
    assert not [o for o in loop.engine.step(now + 10 * MINUTE_MS) if o.source == unit and o.body.kind != "position"]
