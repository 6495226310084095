from __future__ import annotations

import collections
import hashlib
import os
import subprocess
import sys

import msgspec
import pytest

from dispatch_desktop.city import CitySpec, RosterSpec, clear_cache, generate_city
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.domain.events import Id


def test_same_seed_gives_byte_identical_city(city: City) -> None:
    clear_cache()  # a real second generation, not the memoised object
    again = generate_city()
    assert again is not city
    assert msgspec.msgpack.encode(again) == msgspec.msgpack.encode(city)
    assert again == city


def test_another_seed_gives_another_city(city: City) -> None:
    other = generate_city(seed=7)
    assert other.seed == 7
    assert [s.name for s in other.stations] != [s.name for s in city.stations]
    assert [(s.lat, s.lon) for s in other.stations] != [(s.lat, s.lon) for s in city.stations]
    assert other.districts == city.districts  # the real boundaries do not depend on the seed


def test_camera_count_changes_only_the_cameras(city: City) -> None:
    fewer = generate_city(cameras=500)
    assert len(fewer.cameras) == 500
    assert fewer.stations == city.stations
    assert fewer.units == city.units
    assert fewer.checkpoints == city.checkpoints
    assert fewer.landmarks == city.landmarks


def test_counts_are_guangzhou_s(city: City) -> None:
    kinds = collections.Counter(u.kind for u in city.units)
    assert len(city.districts) == 11
    assert len(city.stations) == 255
    assert kinds[UnitKind.PATROL_GROUP] == 1_100
    assert kinds[UnitKind.RAPID_RESPONSE] == 3
    assert kinds[UnitKind.TRAFFIC] == 22
    assert kinds[UnitKind.STATION_CAR] == 255
    assert len(city.patrol_areas) == 80
    assert len(city.duty_points) == 27
    assert len(city.checkpoints) == 218
    assert len(city.cameras) == 2_000
    assert len(city.landmarks) == 300


def test_spec_scales_the_city() -> None:
    small = generate_city(
        cameras=100,
        spec=CitySpec(stations=40, roster=RosterSpec(patrol_groups=120, rapid_teams=1), patrol_areas=11,
                      duty_points=5, checkpoints=30, landmarks=60),
    )
    assert (len(small.stations), len(small.patrol_areas), len(small.duty_points)) == (40, 11, 5)
    assert (len(small.checkpoints), len(small.landmarks), len(small.cameras)) == (30, 60, 100)
    assert sum(u.kind is UnitKind.PATROL_GROUP for u in small.units) == 120
    assert sum(u.kind is UnitKind.RAPID_RESPONSE for u in small.units) == 1


def test_ids_are_unique_and_fit_the_event_id_pattern(city: City) -> None:
    groups = [city.stations, city.units, city.patrol_areas, city.duty_points, city.checkpoints, city.cameras,
              city.landmarks]
    ids = [item.id for group in groups for item in group]
    assert len(ids) == len(set(ids))
    msgspec.convert(ids, list[Id])  # raises if any id would be refused on the wire


def test_names_are_chinese_and_unique_where_people_search_them(city: City) -> None:
    for group in (city.stations, city.patrol_areas, city.duty_points, city.checkpoints, city.landmarks):
        names = [item.name for item in group]
        assert len(names) == len(set(names))
    for station in city.stations:
        district = city.district(station.district)
        assert station.name.startswith(district.name) and station.name.endswith("派出所")
        assert len(station.name) == len(district.name) + 5
    assert all(cp.name.endswith("卡口") and cp.road for cp in city.checkpoints)
    assert all(cp.direction.endswith("方向") or cp.direction == "双向" for cp in city.checkpoints)
    assert all(a.name.endswith("应急巡逻区") for a in city.patrol_areas)
    assert all(p.name.endswith("屯警点") for p in city.duty_points)


def test_references_point_at_existing_records(city: City) -> None:
    station_ids = {s.id for s in city.stations}
    codes = {d.adcode for d in city.districts}
    for group in (city.patrol_areas, city.duty_points, city.checkpoints, city.cameras):
        for item in group:
            assert item.station in station_ids
            assert city.station(item.station).district == item.district
    assert all(u.station in station_ids for u in city.units)
    assert {s.district for s in city.stations} == codes
    assert {lm.district for lm in city.landmarks} <= codes


def test_stations_follow_population(city: City) -> None:
    per_district = collections.Counter(s.district for s in city.stations)
    by_population = sorted(city.districts, key=lambda d: d.population)
    assert per_district[by_population[-1].adcode] > 3 * per_district[by_population[0].adcode]
    for d in city.districts:  # each station's residents add up to the district's
        assert sum(s.population for s in city.stations_of(d.adcode)) == pytest.approx(d.population, rel=0.01)


def test_cameras_have_headings_except_domes_and_tags(city: City) -> None:
    domes = [c for c in city.cameras if c.heading is None]
    assert 0.1 < len(domes) / len(city.cameras) < 0.3
    assert all(c.fov is None for c in domes)
    directional = [c for c in city.cameras if c.heading is not None]
    assert all(0.0 <= c.heading < 360.0 and 0.0 < c.fov < 180.0 for c in directional)  # type: ignore[operator]
    tags = collections.Counter(t for c in city.cameras for t in c.tags)
    assert {"road", "school", "metro", "square", "checkpoint"} <= set(tags)
    assert all(c.tags for c in city.cameras)


def test_negative_seed_or_camera_count_is_refused() -> None:
    with pytest.raises(ValueError, match="seed"):
        generate_city(seed=-1)
    with pytest.raises(ValueError, match="cameras"):
        generate_city(cameras=-5)


def test_another_process_with_other_hash_seed_generates_the_same_bytes(city: City) -> None:
    """Workstations each generate the city themselves: they must agree, whatever the hash seed."""
    script = (
        "import hashlib, msgspec\n"
        "from dispatch_desktop.city import generate_city\n"
        "print(hashlib.sha256(msgspec.msgpack.encode(generate_city())).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == hashlib.sha256(msgspec.msgpack.encode(city)).hexdigest()


def test_the_city_survives_msgpack_and_keeps_its_lookups(city: City) -> None:
    back = msgspec.msgpack.decode(msgspec.msgpack.encode(city), type=City)
    assert back == city
    station = city.stations[100]
    assert back.station_at(station.lat, station.lon) == station
    assert back.search(station.name)[0].id == station.id
