"""The automatic dispatcher works the desk like a person: nearest free unit, referral, close."""

from __future__ import annotations

import numpy as np

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import plane_latlon
from dispatch_desktop.domain.enums import Category, UnitKind, UnitStatus
from dispatch_desktop.sim.dispatcher import AutoDispatcher, DispatchPolicy

T0 = 1_480_586_400_000
UNITS = ["U-1", "U-2", "U-3", "U-4"]
# Where the units are (plane metres): U-1 3 km east, U-2 1 km north, U-3 500 m west (busy), U-4 2 km south.
X = np.array([3000.0, 0.0, -500.0, 0.0])
Y = np.array([0.0, 1000.0, 0.0, -2000.0])


class Desk:
    """The dispatcher plus a tiny hub: events are numbered and observed in order."""

    def __init__(self, policy: DispatchPolicy | None = None) -> None:
        self.seq = 0
        self.dispatcher = AutoDispatcher(UNITS, lambda t: (X, Y), desk="ws-1", seed=1, policy=policy, now_ms=T0)
        for unit in UNITS:
            self.send("hub", ev.UnitRegistered(unit=unit, unit_kind=UnitKind.PATROL_GROUP, station="S-1", name=unit))
            self.send(unit, ev.StatusReport(status=UnitStatus.AVAILABLE))

    def send(self, source: str, body: ev.Body, t: int = T0) -> None:
        self.seq += 1
        self.dispatcher.observe(ev.envelope(source, self.seq, body, t))

    def create(self, incident: str, *, priority: int = 3, category: Category = Category.POLICE,
               department: str = "", t: int = T0, desk: str = "ws-1") -> None:
        lat, lon = plane_latlon(0.0, 0.0)
        self.send(desk, ev.IncidentCreated(
            incident=incident, call_time=t, caller_number="13800000000", lat=float(lat), lon=float(lon),
            address="x", district="440106", station="S-1", incident_type="theft", priority=priority,
            category=category, department=department), t)

    def next_actions(self) -> tuple[int, list[ev.Body]]:
        """Fire planned actions until one produces commands; returns when and what."""
        while (when := self.dispatcher.next_time()) is not None:
            commands = self.dispatcher.fire(when)
            if commands:
                return when, commands
        raise AssertionError("the dispatcher has nothing more to do")


def test_a_police_incident_gets_the_nearest_available_unit_after_a_human_delay() -> None:
    desk = Desk()
    desk.send("ws-1", ev.UnitStatusSet(unit="U-3", status=UnitStatus.UNAVAILABLE, reason="meal"))
    desk.create("J-1")
    when, commands = desk.next_actions()
    assert 20_000 <= when - T0 <= 90_000
    assert commands == [ev.UnitDispatched(incident="J-1", unit="U-2", order="J-1:U-2:1")]


def test_the_most_urgent_incidents_get_the_two_nearest_units() -> None:
    desk = Desk()
    desk.create("J-1", priority=1)
    _, commands = desk.next_actions()
    assert [c.unit for c in commands] == ["U-3", "U-2"]  # type: ignore[attr-defined]


def test_a_unit_sent_once_is_not_sent_again_before_its_dispatch_is_seen() -> None:
    desk = Desk()
    desk.create("J-1")
    desk.create("J-2")
    _, first = desk.next_actions()
    _, second = desk.next_actions()
    assert first[0].unit == "U-3" and second[0].unit == "U-2"  # type: ignore[attr-defined]


def test_no_free_unit_means_looking_again_later() -> None:
    desk = Desk()
    for unit in UNITS:
        desk.send("ws-1", ev.UnitStatusSet(unit=unit, status=UnitStatus.UNAVAILABLE))
    desk.create("J-1")
    first = desk.dispatcher.next_time()
    assert first is not None and desk.dispatcher.fire(first) == []
    retry = desk.dispatcher.next_time()
    assert retry == first + 30_000
    desk.send("U-4", ev.StatusReport(status=UnitStatus.AVAILABLE), retry - 1)
    assert desk.dispatcher.fire(retry) == [ev.UnitDispatched(incident="J-1", unit="U-4", order="J-1:U-4:1")]


def test_non_police_business_is_referred_to_its_department() -> None:
    desk = Desk()
    desk.create("J-1", category=Category.NON_POLICE, department="city_management")
    when, commands = desk.next_actions()
    assert 30_000 <= when - T0 <= 120_000
    assert commands == [ev.IncidentReferred(incident="J-1", department="city_management",
                                            reason="非警务警情，按职责清单移交")]


def test_a_cleared_incident_is_closed_and_an_incident_someone_else_handled_is_left_alone() -> None:
    desk = Desk()
    desk.create("J-1")
    desk.create("J-2")
    # A person at another desk is quicker with J-2.
    desk.send("ws-2", ev.UnitDispatched(incident="J-2", unit="U-1", order="o-2"))
    _, commands = desk.next_actions()
    assert [c.incident for c in commands] == ["J-1"]  # type: ignore[attr-defined]
    unit = commands[0].unit  # type: ignore[attr-defined]
    desk.send("ws-1", commands[0], T0 + 60_000)
    desk.send(unit, ev.DispatchAck(incident="J-1"), T0 + 70_000)
    desk.send(unit, ev.Arrival(incident="J-1"), T0 + 300_000)
    desk.send(unit, ev.Clearance(incident="J-1", result="resolved"), T0 + 900_000)
    when, commands = desk.next_actions()
    assert 60_000 <= when - (T0 + 900_000) <= 300_000
    assert commands == [ev.IncidentClosed(incident="J-1", disposition="resolved")]
    assert desk.dispatcher.next_time() is None
    desk.send("ws-1", commands[0], when)
    assert "J-1" not in desk.dispatcher.state.incidents  # done with: forgotten


def test_an_incident_whose_unit_is_recalled_waits_for_a_unit_again() -> None:
    desk = Desk()
    desk.create("J-1")
    _, commands = desk.next_actions()
    desk.send("ws-1", commands[0], T0 + 60_000)
    desk.send("ws-2", ev.UnitRecalled(incident="J-1", unit=commands[0].unit), T0 + 80_000)  # type: ignore[attr-defined]
    when, again = desk.next_actions()
    assert when > T0 + 80_000
    assert again[0].incident == "J-1" and again[0].order == f"J-1:{again[0].unit}:2"  # type: ignore[attr-defined]


def test_a_refused_dispatch_frees_the_unit_and_the_incident_is_tried_again() -> None:
    desk = Desk()
    desk.create("J-1")
    when, commands = desk.next_actions()
    assert commands[0].unit == "U-3"  # type: ignore[attr-defined]
    # Another desk took U-3 a moment earlier: the hub refuses ours.
    desk.send("ws-2", ev.UnitStatusSet(unit="U-3", status=UnitStatus.UNAVAILABLE), when)
    desk.dispatcher.answered(commands[0], False, when)
    later, again = desk.next_actions()
    assert later > when and again == [ev.UnitDispatched(incident="J-1", unit="U-2", order="J-1:U-2:1")]


def test_an_accepted_dispatch_keeps_its_unit_spoken_for_until_it_is_seen() -> None:
    desk = Desk()
    desk.create("J-1")
    desk.create("J-2")
    when, first = desk.next_actions()
    desk.dispatcher.answered(first[0], True, when)
    _, second = desk.next_actions()
    assert second[0].unit != first[0].unit  # type: ignore[attr-defined]


def test_an_incident_a_person_entered_is_theirs_alone() -> None:
    desk = Desk()
    desk.create("J-1", desk="ws-2")
    desk.create("J-2", category=Category.NON_POLICE, department="city_management", desk="ws-2")
    assert desk.dispatcher.next_time() is None  # neither dispatched nor referred
    desk.send("ws-2", ev.UnitDispatched(incident="J-1", unit="U-2", order="o-1"))
    desk.send("U-2", ev.DispatchAck(incident="J-1"), T0 + 10_000)
    desk.send("U-2", ev.Arrival(incident="J-1"), T0 + 60_000)
    desk.send("U-2", ev.Clearance(incident="J-1", result="resolved"), T0 + 600_000)
    assert desk.dispatcher.next_time() is None  # nor closed once cleared
    desk.create("J-3")  # while its own desk's incidents are worked as ever
    _, commands = desk.next_actions()
    assert [c.incident for c in commands] == ["J-3"]  # type: ignore[attr-defined]
