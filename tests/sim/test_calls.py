"""110 calls arrive at Guangzhou's rate, with its mix and its day."""

from __future__ import annotations

import re

import numpy as np
import pytest

from dispatch_desktop.domain.city import City, LandmarkKind, plane_xy
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.events import IncidentCreated
from dispatch_desktop.domain.taxonomy import INCIDENT_TYPES, daily_total
from dispatch_desktop.sim.calls import NEAR_M, Call, CallModel, CallStream
from dispatch_desktop.sim.daycurve import local_hour, relative_rate
from tests.sim.conftest import HOUR_MS, MINUTE_MS, START_MS

DAY_MS = 24 * HOUR_MS
MIDNIGHT_MS = START_MS - 18 * HOUR_MS  # local midnight before the start


def drain(stream: CallStream, until_ms: int) -> list[Call]:
    calls = []
    while stream.next_time() < until_ms:
        calls.append(stream.pop())
    return calls


@pytest.fixture(scope="module")
def day(city: City) -> list[Call]:
    stream = CallStream(CallModel(city), seed=20161, start_ms=MIDNIGHT_MS)
    return [c for c in drain(stream, MIDNIGHT_MS + DAY_MS + 5 * MINUTE_MS) if c.call_ms < MIDNIGHT_MS + DAY_MS]


def test_a_day_brings_about_ten_thousand_incidents_a_third_not_police(day: list[Call]) -> None:
    assert 9_000 <= len(day) <= 11_000
    non_police = sum(c.body.category is Category.NON_POLICE for c in day) / len(day)
    assert 0.30 <= non_police <= 0.37


def test_nights_are_quiet_and_evenings_busy(day: list[Call]) -> None:
    hours = local_hour(np.array([c.call_ms for c in day]))
    small_hours = np.count_nonzero((hours >= 3) & (hours < 6))
    evening = np.count_nonzero((hours >= 19) & (hours < 22))
    assert evening > 2.5 * small_hours
    assert float(relative_rate(MIDNIGHT_MS + 4 * HOUR_MS)) < 0.5
    assert float(relative_rate(MIDNIGHT_MS + 21 * HOUR_MS)) > 1.4


def test_types_follow_the_taxonomy_frequencies(day: list[Call]) -> None:
    counts: dict[str, int] = {}
    for call in day:
        counts[call.body.incident_type] = counts.get(call.body.incident_type, 0) + 1
    for kind in INCIDENT_TYPES:
        expected = kind.daily / daily_total() * len(day)
        if expected >= 200:  # enough draws for the count to be close
            assert abs(counts.get(kind.code, 0) - expected) < 5 * np.sqrt(expected), kind.code


def test_calls_are_placed_in_the_station_that_is_responsible_and_where_people_live(
    city: City, day: list[Call]
) -> None:
    sample = day[::20]
    for call in sample:
        body = call.body
        station = city.station(body.station)
        assert station.district == body.district
        assert city.district_at(body.lat, body.lon).adcode == body.district  # type: ignore[union-attr]
    # Calls per station follow population: the busiest station's area is populous.
    per_station: dict[str, int] = {}
    for call in day:
        per_station[call.body.station] = per_station.get(call.body.station, 0) + 1
    population = {s.id: s.population for s in city.stations}
    calls = np.array([per_station.get(s, 0) for s in population])
    people = np.array(list(population.values()), dtype=float)
    assert np.corrcoef(calls, people)[0, 1] > 0.9


def test_a_call_is_a_complete_incident_entered_after_it_came_in(day: list[Call]) -> None:
    ids = [c.id for c in day]
    assert len(set(ids)) == len(ids) and ids[0].startswith("C2016")
    for call in day[:200]:
        body: IncidentCreated = call.body
        assert body.call_time == call.call_ms
        assert 30_000 <= call.entered_ms - call.call_ms <= 90_000
        assert body.address and body.caller_number.isdigit() and len(body.caller_number) == 11
        assert body.category is Category.POLICE or body.department
    rung = [c.call_ms for c in day]
    assert rung == sorted(rung)  # they come as they ring


def test_a_minute_is_the_same_whenever_the_stream_started(city: City) -> None:
    model = CallModel(city)
    early = CallStream(model, seed=7, start_ms=START_MS)
    late = CallStream(model, seed=7, start_ms=START_MS + 30 * MINUTE_MS)
    first = [c for c in drain(early, START_MS + 2 * HOUR_MS) if c.call_ms >= START_MS + 30 * MINUTE_MS]
    second = drain(late, START_MS + 2 * HOUR_MS)
    assert [c.body for c in first] == [c.body for c in second]
    other_seed = drain(CallStream(model, seed=8, start_ms=START_MS + 30 * MINUTE_MS), START_MS + 2 * HOUR_MS)
    assert [c.body for c in other_seed] != [c.body for c in second]


def test_the_rate_can_be_set(city: City) -> None:
    quiet = drain(CallStream(CallModel(city, incidents_per_day=1_000), seed=1, start_ms=START_MS),
                  START_MS + 6 * HOUR_MS)
    none = CallStream(CallModel(city, incidents_per_day=0), seed=1, start_ms=START_MS)
    assert 100 < len(quiet) < 450
    assert none.next_time() > START_MS + 1000 * DAY_MS
    with pytest.raises(ValueError, match="negative"):
        CallModel(city, incidents_per_day=-1)


_HINT = re.compile(r"(附近|(东|西|南|北|东北|东南|西南|西北)侧约\d+米)$")


def test_addresses_name_a_place_within_500_m_and_calls_stay_in_their_station(city: City) -> None:
    model = CallModel(city)
    rng = np.random.default_rng(11)
    spots = [p for p in city.gazetteer if p.kind not in (LandmarkKind.DISTRICT, LandmarkKind.PATROL_AREA)]
    sx, sy = plane_xy(np.array([p.lat for p in spots]), np.array([p.lon for p in spots]))
    districts = tuple(d.name for d in city.districts)
    named: set[str] = set()
    for _ in range(1_200):
        body = model.draw(rng, START_MS, "J1")
        assert city.station_at(body.lat, body.lon).id == body.station  # type: ignore[union-attr]
        x, y = plane_xy(body.lat, body.lon)
        near = np.flatnonzero(np.hypot(sx - x, sy - y) <= NEAR_M).tolist()
        here = [spots[i].name for i in near if spots[i].name in body.address]
        assert here, body.address
        assert body.address.startswith(districts) and _HINT.search(body.address), body.address
        named.update(here)
    assert len(named) > 400  # calls come from all over the city, not from a few spots
