"""Simulated 110 calls ring at the desks first: with the caller's number and location, answered by the
simulator only if nobody else took them, abandoned by callers nobody answers; what a person took stays
theirs, and the simulated desk's incident numbers carry on across a restart."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

import numpy as np
import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City, plane_xy
from dispatch_desktop.domain.enums import Category, IncidentOrigin
from dispatch_desktop.domain.intake import incident_prefix
from dispatch_desktop.sim.engine import Engine, SimConfig
from dispatch_desktop.sim.loopback import Loopback
from dispatch_desktop.sim.switchboard import RESTARTED
from tests.sim.conftest import MINUTE_MS, START_MS

CONFIG = SimConfig(units=60, report_interval_s=60.0)  # positions are not the point here: few
PERSON = "ws-1"


def run(city: City, minutes: int, config: SimConfig = CONFIG) -> tuple[Loopback, list[ev.Envelope]]:
    events: list[ev.Envelope] = []
    loopback = Loopback(Engine(city, config, start_ms=START_MS), on_event=events.append)
    loopback.run(START_MS + minutes * MINUTE_MS)
    return loopback, events


def of_kind(events: list[ev.Envelope], kind: str, source: str | None = None) -> list[ev.Envelope]:
    return [e for e in events if e.kind == kind and (source is None or e.source == source)]


@pytest.fixture(scope="module")
def half_hour(city: City) -> tuple[Loopback, list[ev.Envelope]]:
    return run(city, 30)


def test_every_call_rings_first_with_the_callers_number_and_location(
    city: City, half_hour: tuple[Loopback, list[ev.Envelope]]
) -> None:
    loopback, events = half_hour
    assert loopback.refusals == []
    offers = {e.body.call: e for e in of_kind(events, "call_offered", CONFIG.phone)}
    created = of_kind(events, "incident_created", CONFIG.desk)
    assert len(offers) > 100 and len(created) > 0.9 * len(offers) - 20
    methods = Counter(e.body.location.method for e in offers.values())  # type: ignore[union-attr]
    assert 0.8 < methods["cell"] / len(offers) < 0.97 and methods["cell"] + methods["registered"] == len(offers)
    box = city.bbox
    for event in created:
        incident = event.body
        offer = offers[incident.call].body  # every incident comes from a call that rang before it
        assert offers[incident.call].time < event.time
        assert (incident.origin, incident.simulated, offer.simulated) == (IncidentOrigin.CALL, True, True)
        assert incident.caller_number == offer.number and incident.operator == CONFIG.operator
        location = offer.location
        assert location is not None and box.contains(location.lat, location.lon)
        x, y = plane_xy(incident.lat, incident.lon)
        cx, cy = plane_xy(location.lat, location.lon)
        off_m = math.hypot(float(cx - x), float(cy - y))
        if location.method == "cell":  # a mobile: only roughly where the caller is
            assert 150 <= location.accuracy_m <= 1500 and off_m <= location.accuracy_m + 1
            assert len(offer.number) == 11 and offer.address == ""
        else:  # a landline: its registered address is where the caller is
            assert (location.lat, location.lon) == (incident.lat, incident.lon)
            assert offer.number.startswith("020") and len(offer.number) == 11
            assert offer.address == incident.address
    moved = [e for e in offers.values() if e.body.location.method == "cell"]  # type: ignore[union-attr]
    assert np.mean([e.body.location.accuracy_m for e in moved]) > 500  # type: ignore[union-attr]


def test_the_call_taker_answers_after_ringing_and_callers_hang_up_after_talking(
    half_hour: tuple[Loopback, list[ev.Envelope]]
) -> None:
    loopback, events = half_hour
    rang = {e.body.call: e.time for e in of_kind(events, "call_offered")}
    answered = {e.body.call: e.time for e in of_kind(events, "call_answered", CONFIG.desk)}
    before_the_end = {c for c, t in rang.items() if t < loopback.engine.now_ms - 21_000}
    assert before_the_end <= set(answered) <= set(rang)  # nobody else was there: it answers them all
    assert all(4_000 <= answered[c] - rang[c] <= 21_000 for c in answered)
    ended = {e.body.call: e for e in of_kind(events, "call_ended")}
    assert {e.body.reason for e in ended.values()} == {"hangup"}  # nobody waits long enough to give up
    assert all(40_000 <= ended[c].time - answered[c] <= 181_000 for c in ended)


def test_a_call_a_person_answered_is_theirs_alone(city: City) -> None:
    events: list[ev.Envelope] = []
    loopback = Loopback(Engine(city, CONFIG, start_ms=START_MS), on_event=events.append)
    rung: list[str] = []
    theirs: set[str] = set()
    t = START_MS
    while t < START_MS + 20 * MINUTE_MS:
        t += 1_000
        loopback.step(t)
        # A person answers every other call within a second of its ringing: before the simulator would.
        for offer in of_kind(events, "call_offered")[len(rung):]:
            rung.append(offer.body.call)
            if len(rung) % 2:
                loopback.deliver(PERSON, ev.CallAnswered(call=offer.body.call, operator="李娜 010233"), t)
                theirs.add(offer.body.call)
    assert len(theirs) > 20 and loopback.refusals == []
    sim_answers = {e.body.call for e in of_kind(events, "call_answered", CONFIG.desk)}
    sim_incidents = {e.body.call for e in of_kind(events, "incident_created", CONFIG.desk)}
    assert not theirs & (sim_answers | sim_incidents)
    assert len(sim_incidents) > 20
    # The person's callers hang up after a while; the calls stay the person's until they settle them.
    hung_up = {e.body.call for e in of_kind(events, "call_ended")} & theirs
    assert hung_up and all(loopback.state.calls[c].answered_by == PERSON for c in hung_up)
    assert all(loopback.state.calls[c].ended_at for c in hung_up)


def test_an_incident_a_person_entered_is_never_worked_by_the_simulator(city: City) -> None:
    events: list[ev.Envelope] = []
    loopback = Loopback(Engine(city, CONFIG, start_ms=START_MS), on_event=events.append)
    loopback.run(START_MS + 2 * MINUTE_MS)
    template = of_kind(events, "incident_created", CONFIG.desk)[0].body
    for number, category in enumerate((Category.POLICE, Category.NON_POLICE), start=1):
        body = ev.IncidentCreated(
            incident=f"J20161201-{PERSON}-{number}", call_time=loopback.engine.now_ms, caller_number="",
            lat=template.lat, lon=template.lon, address=template.address, district=template.district,
            station=template.station, incident_type=template.incident_type, priority=1, category=category,
            department="city_management" if category is Category.NON_POLICE else "",
            origin=IncidentOrigin.WALK_IN, operator="李娜 010233")
        loopback.deliver(PERSON, body, loopback.engine.now_ms)
    loopback.run(START_MS + 40 * MINUTE_MS)
    assert loopback.refusals == []
    theirs = {f"J20161201-{PERSON}-1", f"J20161201-{PERSON}-2"}
    worked = {getattr(e.body, "incident", "") for e in events if e.source == CONFIG.desk}
    assert len(worked) > 20 and not worked & theirs
    assert all(loopback.state.incidents[i].status.value == "new" for i in theirs)


def test_with_nobody_answering_callers_give_up_after_a_while(city: City) -> None:
    quiet = dataclasses.replace(CONFIG, auto_answer=False, auto_dispatch=False)
    loopback, events = run(city, 20, quiet)
    assert loopback.refusals == []
    assert not [e for e in events if e.source == quiet.desk]  # the simulated desk does nothing at all
    rang = {e.body.call: e.time for e in of_kind(events, "call_offered")}
    ended = of_kind(events, "call_ended")
    assert len(ended) > 50 and {e.body.reason for e in ended} == {"abandoned"}
    assert all(30_000 <= e.time - rang[e.body.call] <= 121_000 for e in ended)
    assert all(loopback.engine.now_ms - call.offered_at <= 121_000 for call in loopback.state.calls.values())
    assert all(call.ringing for call in loopback.state.calls.values())


def test_incident_numbers_carry_on_across_a_restart(city: City) -> None:
    first, events = run(city, 10)
    numbers = [e.body.incident for e in of_kind(events, "incident_created", CONFIG.desk)]
    prefix = incident_prefix(CONFIG.desk, START_MS)
    assert numbers == [f"{prefix}{n}" for n in range(1, len(numbers) + 1)]
    left_over = set(first.state.calls)
    assert left_over  # calls still up when it stops
    restart = START_MS + 10 * MINUTE_MS + 5_000
    state = first.state
    again: list[ev.Envelope] = []
    second = Loopback(Engine(city, CONFIG, start_ms=restart, state=state), state=state, on_event=again.append)
    second.run(restart + 10 * MINUTE_MS)
    assert second.refusals == []
    later = [e.body.incident for e in of_kind(again, "incident_created", CONFIG.desk)]
    assert later == [f"{prefix}{n}" for n in range(len(numbers) + 1, len(numbers) + len(later) + 1)]
    # The new simulator, first thing, ends the lines the stopped one left up and closes the calls its desk
    # had answered: nobody would ever settle them.
    at_once = [e for e in again if e.time == restart and e.kind in ("call_ended", "call_closed")]
    assert {e.body.call for e in at_once if e.kind == "call_ended"} == {
        c for c in left_over if not state.calls[c].ended_at}
    assert {e.body.call for e in at_once if e.kind == "call_closed"} == {
        c for c in left_over if state.calls[c].answered_by == CONFIG.desk}
    assert {getattr(e.body, "reason", "") or e.body.disposition for e in at_once} == {RESTARTED}
    assert not left_over & set(second.state.calls)
