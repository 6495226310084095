"""A drill's simulated units answer the drill's orders as a crew would: acknowledge, drive to the scene at a
car's speed, arrive, clear; and fail as the scenario says (radio silence, breakdown, unavailable)."""

from __future__ import annotations

import math

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import plane_latlon, plane_xy
from dispatch_desktop.domain.enums import Category, OrderKind, UnitKind, UnitStatus
from dispatch_desktop.drill.scenario import SimulatedUnit, UnitFailureKind
from dispatch_desktop.drill.sim_units import Said, SimTimes, SimulatedUnits, simulated_motion

HOME = (23.149, 113.257)
TIMES = SimTimes(ack_s=(10.0, 10.0), scene_s=300.0, gps_noise_m=0.0)


def units(count: int = 1) -> SimulatedUnits:
    specs = [SimulatedUnit(id=f"DRILL-PG-{i}", kind=UnitKind.PATROL_GROUP, station="S-440104-14", place="广州站",
                           call_sign=f"演练巡{i}组") for i in range(count)]
    return SimulatedUnits(specs, {spec.id: HOME for spec in specs}, motion=simulated_motion, seed=7, times=TIMES)


def incident_at(metres_east: float) -> tuple[float, float]:
    x, y = plane_xy(*HOME)
    lat, lon = plane_latlon(float(x) + metres_east, float(y))
    return float(lat), float(lon)


def run(simulated: SimulatedUnits, until_ms: int, start_ms: int = 0) -> list[tuple[int, Said]]:
    """Everything said, a step a second, with the drill time of the step that said it."""
    said = []
    for now in range(start_ms, until_ms + 1, 1000):
        said += [(now, item) for item in simulated.step(now)]
    return said


def first(said: list[tuple[int, Said]], kind: type[ev.Body]) -> int | None:
    return next((at for at, (_unit, body) in said if isinstance(body, kind)), None)


def dispatched(simulated: SimulatedUnits, metres_east: float = 2000.0) -> None:
    simulated.learn("DJ-1", *incident_at(metres_east))
    simulated.on_order("DRILL-PG-0", OrderKind.DISPATCH.value, "DJ-1", "o-1")


def test_a_dispatched_unit_acknowledges_drives_there_at_a_cars_speed_arrives_and_clears() -> None:
    simulated = units()
    dispatched(simulated)
    said = run(simulated, 900_000)
    ack, arrival, clearance = first(said, ev.DispatchAck), first(said, ev.Arrival), first(said, ev.Clearance)
    assert ack == 10_000
    assert arrival is not None and clearance is not None
    # 2 km on roads 1.3 times as long, at 8 to 14 m/s: three to five and a half minutes.
    assert 2000 * 1.3 / 14 <= (arrival - ack) / 1000 <= 2000 * 1.3 / 8 + 1
    assert clearance - arrival == 300_000
    moving = [body.speed for _at, (_unit, body) in said if isinstance(body, ev.Position) and ack < _at < arrival]
    assert moving and all(8.0 <= speed <= 14.0 for speed in moving)
    lat, lon = simulated.position("DRILL-PG-0")
    assert math.dist(plane_xy(lat, lon), plane_xy(*HOME)) < 50  # back home once cleared


def test_a_unit_in_radio_silence_says_nothing_and_does_not_hear_its_orders() -> None:
    simulated = units()
    simulated.fail("DRILL-PG-0", UnitFailureKind.RADIO_SILENCE, 60_000)
    dispatched(simulated)
    silent = run(simulated, 59_000)
    assert silent == []
    assert simulated.step(60_000) != []  # heard again, reporting its position
    assert simulated.incident_of("DRILL-PG-0") == ""


def test_a_broken_down_unit_stands_still_never_arrives_and_reports_itself_unavailable_once_free() -> None:
    simulated = units()
    dispatched(simulated)
    run(simulated, 60_000)  # on its way
    assert simulated.fail("DRILL-PG-0", UnitFailureKind.BREAKDOWN, None) == []  # at work: no status
    where = simulated.position("DRILL-PG-0")
    said = [item for _at, item in run(simulated, 900_000, 61_000)]
    assert not any(isinstance(body, ev.Arrival) for _unit, body in said)
    assert simulated.position("DRILL-PG-0") == where
    simulated.on_order("DRILL-PG-0", OrderKind.RECALL.value, "DJ-1", "o-2")
    assert simulated.incident_of("DRILL-PG-0") == ""
    free = units()
    assert free.fail("DRILL-PG-0", UnitFailureKind.UNAVAILABLE, 30_000) == [
        ("DRILL-PG-0", ev.StatusReport(status=UnitStatus.UNAVAILABLE, note="演练：暂时无法出警"))]
    back = [body for _at, (_unit, body) in run(free, 40_000) if isinstance(body, ev.StatusReport)]
    assert [body.status for body in back] == [UnitStatus.AVAILABLE]


def test_a_clearance_by_a_colleague_releases_every_unit_on_the_incident() -> None:
    simulated = units(2)
    simulated.learn("DJ-1", *incident_at(500.0))
    for unit in ("DRILL-PG-0", "DRILL-PG-1"):
        simulated.on_order(unit, OrderKind.DISPATCH.value, "DJ-1", f"o-{unit}")
    run(simulated, 200_000)
    simulated.observe(ev.Clearance(incident="DJ-1"))  # from a real unit on it
    assert simulated.incident_of("DRILL-PG-0") == simulated.incident_of("DRILL-PG-1") == ""
    assert not any(isinstance(body, ev.Clearance) for _at, (_u, body) in run(simulated, 900_000, 201_000))


def test_an_order_for_an_incident_not_seen_yet_is_worked_once_it_is() -> None:
    simulated = units()
    simulated.on_order("DRILL-PG-0", OrderKind.DISPATCH.value, "DJ-1", "o-1")
    assert first(run(simulated, 30_000), ev.DispatchAck) is None
    simulated.observe(ev.IncidentCreated(
        incident="DJ-1", call_time=0, caller_number="1", lat=incident_at(100.0)[0], lon=incident_at(100.0)[1],
        address="x", district="440104", station="S-440104-14", incident_type="theft", priority=2,
        category=Category.POLICE))
    assert simulated.incident_of("DRILL-PG-0") == "DJ-1"
    registration = simulated.registrations()[0]
    assert (registration.unit, registration.unit_kind, registration.name) == ("DRILL-PG-0", UnitKind.PATROL_GROUP,
                                                                              "演练巡0组")


def test_units_taken_up_mid_drill_go_on_from_where_they_stand() -> None:
    """A runner taking over an interrupted drill: each unit where the drill's state has it, on the step its
    status says."""
    simulated = units(4)
    simulated.learn("DJ-1", *incident_at(2000.0))
    halfway = incident_at(1000.0)
    simulated.take_up(60_000, {
        "DRILL-PG-0": (*HOME, UnitStatus.DISPATCHED, "DJ-1", "o-1"),  # ordered, not yet acknowledged
        "DRILL-PG-1": (*halfway, UnitStatus.EN_ROUTE, "DJ-1", ""),  # on its way, half there
        "DRILL-PG-2": (*incident_at(2000.0), UnitStatus.ON_SCENE, "DJ-1", ""),
        "DRILL-PG-3": (*halfway, UnitStatus.UNAVAILABLE, "", ""),
    })
    said = run(simulated, 900_000, start_ms=60_000)
    by_unit = {unit: [(at, type(body)) for at, (who, body) in said if who == unit and not isinstance(body, ev.Position)]
               for unit in ("DRILL-PG-0", "DRILL-PG-1", "DRILL-PG-2", "DRILL-PG-3")}
    assert by_unit["DRILL-PG-0"][0] == (60_000, ev.DispatchAck)
    assert [kind for _at, kind in by_unit["DRILL-PG-0"]] == [ev.DispatchAck, ev.Arrival, ev.Clearance]
    en_route = by_unit["DRILL-PG-1"]
    assert [kind for _at, kind in en_route] == [ev.Arrival, ev.Clearance]  # no second acknowledgement
    assert en_route[0][0] < by_unit["DRILL-PG-0"][1][0]  # half the way left: there before the one from home
    assert by_unit["DRILL-PG-2"] == [(60_000 + 300_000, ev.Clearance)]  # its time on scene, then clear
    assert by_unit["DRILL-PG-3"] == []  # down: it stays put and says nothing
    first_fix = next(body for _at, (who, body) in said if who == "DRILL-PG-1" and isinstance(body, ev.Position))
    assert math.dist(plane_xy(first_fix.lat, first_fix.lon), plane_xy(*halfway)) < 20  # from where it stood
