"""The simulator follows the domain's rules: an hour of a busy city, every event accepted.

The loopback numbers the engine's output per source, folds it into a State with the real projection
(the very check the hub makes) and hands orders back to the units, as the hub would.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import msgspec
import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import IncidentStatus, UnitStatus
from dispatch_desktop.sim.engine import Engine, SimConfig
from dispatch_desktop.sim.loopback import Loopback
from tests.sim.conftest import HOUR_MS, MINUTE_MS, START_MS

CONFIG = SimConfig(units=300, report_interval_s=30.0)  # positions are not the point here: fewer


def an_hour(city: City, config: SimConfig = CONFIG) -> tuple[Loopback, list[ev.Envelope]]:
    events: list[ev.Envelope] = []
    loopback = Loopback(Engine(city, config, start_ms=START_MS), on_event=events.append)
    loopback.run(START_MS + HOUR_MS)
    return loopback, events


@pytest.fixture(scope="module")
def hour(city: City) -> tuple[Loopback, list[ev.Envelope]]:
    return an_hour(city)


def test_an_hour_with_the_automatic_dispatcher_breaks_no_rule(hour: tuple[Loopback, list[ev.Envelope]]) -> None:
    loopback, events = hour
    assert loopback.refusals == []
    assert loopback.state.refusal_count == 0
    kinds = Counter(e.kind for e in events)
    # An evening hour: about 600 calls a day-hour equivalent, a third referred, the rest worked.
    assert 350 <= kinds["incident_created"] <= 650
    assert kinds["incident_referred"] > 0.25 * kinds["incident_created"]
    assert kinds["unit_dispatched"] >= 0.5 * kinds["incident_created"]
    for kind in ("dispatch_ack", "arrival", "field_record", "clearance", "incident_closed", "order_delivered"):
        assert kinds[kind] > 50, kind
    assert kinds["position"] == pytest.approx(300 * 120, abs=300)
    incidents = Counter(i.status for i in loopback.state.incidents.values())
    assert incidents[IncidentStatus.CLOSED] > 100 and incidents[IncidentStatus.REFERRED] > 100
    units = Counter(u.status for u in loopback.state.units.values())
    assert units[UnitStatus.AVAILABLE] + units[UnitStatus.ON_SCENE] + units[UnitStatus.EN_ROUTE] + units[
        UnitStatus.DISPATCHED] == 300
    assert not loopback.state.orders  # every order was delivered


def test_the_same_seed_gives_the_same_hour_and_another_seed_another(
    city: City, hour: tuple[Loopback, list[ev.Envelope]]
) -> None:
    _, events = hour
    _, again = an_hour(city)
    assert msgspec.msgpack.encode(again) == msgspec.msgpack.encode(events)
    other_events: list[ev.Envelope] = []
    other = Loopback(Engine(city, dataclasses.replace(CONFIG, seed=7), start_ms=START_MS),
                     on_event=other_events.append)
    other.run(START_MS + 10 * MINUTE_MS)
    assert [e.body for e in other_events[:2000]] != [e.body for e in events[:2000]]


def test_a_simulator_joining_a_running_city_carries_on_where_it_stands(
    city: City, hour: tuple[Loopback, list[ev.Envelope]]
) -> None:
    first, _ = hour
    state = first.state
    busy = {u.id: u.status for u in state.units.values() if u.incident}
    open_before = {i.id for i in state.incidents.values() if i.is_open}
    assert busy and open_before
    restart = START_MS + HOUR_MS + 5_000
    engine = Engine(city, CONFIG, start_ms=restart, state=state)
    assert engine.registrations(state) == []
    events: list[ev.Envelope] = []
    second = Loopback(engine, state=state, on_event=events.append)
    second.run(restart + HOUR_MS)
    assert second.refusals == []
    # Units on duty stay on duty without saying so again; the ones at work finish it.
    assert not [e for e in events if e.kind == "status"]
    finished = {e.body.incident for e in events if e.kind == "clearance"}
    worked = {state.units[u].incident for u in busy}
    assert len(worked & finished) >= 0.9 * len(worked)
    still_open = {i.id for i in second.state.incidents.values() if i.is_open}
    assert len(open_before & still_open) <= 0.1 * len(open_before)
    # No incident number of the first hour comes back.
    created = [e.body.incident for e in events if e.kind == "incident_created"]
    assert created and not set(created) & set(state.incidents)
