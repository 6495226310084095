from __future__ import annotations

import collections

import msgspec
import numpy as np

from dispatch_desktop.city import registration_events
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitKind


def test_registration_events_cover_the_roster_and_survive_the_wire(city: City) -> None:
    bodies = registration_events(city)
    assert [b.unit for b in bodies] == [u.id for u in city.units]
    envelopes = [ev.envelope("hub", i + 1, body, t_src=1_700_000_000_000) for i, body in enumerate(bodies)]
    wire = msgspec.msgpack.encode(envelopes)
    back = msgspec.msgpack.decode(wire, type=list[ev.Envelope])  # enforces every field constraint
    assert back == envelopes
    first = bodies[0]
    assert first.unit_kind is UnitKind.PATROL_GROUP and first.members and first.station.startswith("S-")


def test_every_station_has_patrol_groups_busier_stations_more(city: City) -> None:
    groups = collections.Counter(u.station for u in city.units if u.kind is UnitKind.PATROL_GROUP)
    assert set(groups) == {s.id for s in city.stations}
    assert min(groups.values()) >= 2
    population = np.array([s.population for s in city.stations])
    count = np.array([groups[s.id] for s in city.stations])
    assert np.corrcoef(population, count)[0, 1] > 0.9


def test_rapid_response_teams_sit_at_central_stations(city: City) -> None:
    teams = [u for u in city.units if u.kind is UnitKind.RAPID_RESPONSE]
    assert [t.name for t in teams] == ["羊城突击队一队", "羊城突击队二队", "羊城突击队三队"]
    districts = {city.station(t.station).district for t in teams}
    assert len(districts) == 3
    assert districts <= {"440103", "440104", "440105", "440106", "440111"}  # the old urban core
    assert all(len(t.members) >= 6 for t in teams)


def test_call_signs_are_unique_and_say_the_district(city: City) -> None:
    names = [u.name for u in city.units]
    assert len(names) == len(set(names))
    for unit in city.units:
        if unit.kind is UnitKind.PATROL_GROUP:
            short = city.district(city.station(unit.station).district).short_name
            assert unit.name.startswith(f"{short}巡") and unit.name.endswith("组")
    assert all(len(set(u.members)) == len(u.members) >= 2 for u in city.units)


def test_patrol_groups_start_near_their_station(city: City) -> None:
    from dispatch_desktop.domain.city import distance_m

    far = [u for u in city.units if distance_m(u.lat, u.lon, city.station(u.station).lat,
                                               city.station(u.station).lon) > 2_000]
    assert len(far) < 0.01 * len(city.units)
