from __future__ import annotations

import numpy as np
import pytest
import shapely

from dispatch_desktop.city import load_districts
from dispatch_desktop.domain.city import City, distance_m

# Station areas are cut from the district with floating-point overlays; they may stick out of it (or
# leave a gap) by a few square nanodegrees, which is ~1e-16 of a district's area.
AREA_TOLERANCE = 1e-9


def _points(city: City) -> list[tuple[str, str, float, float]]:
    """(what, district, lat, lon) for every point the generator placed."""
    out = [("district centroid " + d.adcode, d.adcode, d.centroid_lat, d.centroid_lon) for d in city.districts]
    for group in (city.stations, city.patrol_areas, city.duty_points, city.checkpoints, city.cameras,
                  city.landmarks):
        out += [(item.id, item.district, item.lat, item.lon) for item in group]
    out += [(u.id, city.station(u.station).district, u.lat, u.lon) for u in city.units]
    return out


def test_every_point_is_inside_its_own_district(city: City) -> None:
    points = _points(city)
    for d in city.districts:
        mine = [p for p in points if p[1] == d.adcode]
        lat = np.array([p[2] for p in mine])
        lon = np.array([p[3] for p in mine])
        inside = shapely.contains_xy(d.shape, lon, lat)
        assert inside.all(), [p[0] for p, ok in zip(mine, inside, strict=True) if not ok][:5]


def test_district_at_agrees_with_every_record(city: City) -> None:
    for what, adcode, lat, lon in _points(city):
        found = city.district_at(lat, lon)
        assert found is not None and found.adcode == adcode, what


def test_patrol_areas_are_small_and_inside_their_district(city: City) -> None:
    for area in city.patrol_areas:
        assert city.district(area.district).shape.contains(area.shape)
        assert area.shape.contains(shapely.Point(area.lon, area.lat))
        radius = np.sqrt(area.shape.area * 111_195**2 * np.cos(np.radians(23.13)) / np.pi)
        assert 350 < radius < 750
    for a, b in zip(city.patrol_areas, city.patrol_areas[1:], strict=False):
        assert not a.shape.intersects(b.shape)


def test_station_areas_tile_their_district(city: City) -> None:
    for d in city.districts:
        cells = [s.shape for s in city.stations_of(d.adcode)]
        union = shapely.union_all(cells)
        assert union.area == pytest.approx(d.shape.area, rel=AREA_TOLERANCE)
        assert sum(c.area for c in cells) == pytest.approx(d.shape.area, rel=AREA_TOLERANCE)  # no overlaps
        for cell in cells:
            assert cell.difference(d.shape).area <= AREA_TOLERANCE * d.shape.area


def test_each_station_sits_in_its_own_area(city: City) -> None:
    for station in city.stations:
        assert station.shape.contains(shapely.Point(station.lon, station.lat))
        assert city.station_at(station.lat, station.lon) == station


def test_station_at_is_the_area_holding_the_point(city: City) -> None:
    for camera in city.cameras[::7]:
        station = city.station_at(camera.lat, camera.lon)
        assert station is not None and station.id == camera.station
        assert station.shape.intersects(shapely.Point(camera.lon, camera.lat))


def test_outside_the_city_nothing_is_found_but_a_nearest_station(city: City) -> None:
    hong_kong = (22.30, 114.17)
    assert not city.contains(*hong_kong)
    assert city.district_at(*hong_kong) is None
    assert city.station_at(*hong_kong) is None
    nearest = city.nearest_station(*hong_kong)
    assert nearest.district in {"440115", "440113", "440112", "440118"}  # the south-east side
    assert city.contains(23.13, 113.26)
    foshan = (23.02, 113.12)  # inside the bounding box, outside every district
    assert city.bbox.contains(*foshan) and city.district_at(*foshan) is None


def test_nearest_station_is_nearest(city: City) -> None:
    lat, lon = 23.05, 113.45
    nearest = city.nearest_station(lat, lon)
    assert all(distance_m(lat, lon, s.lat, s.lon) >= distance_m(lat, lon, nearest.lat, nearest.lon)
               for s in city.stations)


def test_bbox_holds_the_whole_service_area(city: City) -> None:
    box = city.bbox
    assert (box.south, box.west, box.north, box.east) == pytest.approx((22.517, 112.953, 23.936, 114.055), abs=1e-3)
    assert all(box.contains(lat, lon) for _, _, lat, lon in _points(city)[:2000])


def test_cameras_near_are_within_radius_nearest_first(city: City) -> None:
    station = city.stations_of("440104")[0]
    found = city.cameras_near(station.lat, station.lon, radius_m=800, limit=None)
    assert found
    distances = [distance_m(station.lat, station.lon, c.lat, c.lon) for c in found]
    assert distances == sorted(distances) and distances[-1] <= 800
    everyone = [c for c in city.cameras if distance_m(station.lat, station.lon, c.lat, c.lon) <= 800]
    assert {c.id for c in found} == {c.id for c in everyone}
    assert city.cameras_near(station.lat, station.lon, radius_m=800, limit=3) == found[:3]
    assert city.cameras_near(22.0, 112.0) == []


def test_the_urban_core_is_denser(city: City) -> None:
    def per_km2(adcode: str, items: list) -> float:  # type: ignore[type-arg]
        area_km2 = city.district(adcode).shape.area * 111.195**2 * np.cos(np.radians(23.13))
        return sum(i.district == adcode for i in items) / area_km2

    for items in (list(city.stations), list(city.cameras), list(city.landmarks)):
        assert per_km2("440104", items) > 10 * per_km2("440117", items)  # 越秀 vs 从化
    # Within a rural district, too, things crowd towards its town centre.
    conghua = city.district("440117")
    near = [c for c in city.cameras if c.district == "440117" and distance_m(c.lat, c.lon, 23.55, 113.59) < 10_000]
    ring_area = np.pi * 10**2
    assert len(near) / ring_area > 2 * sum(c.district == "440117" for c in city.cameras) / (
        conghua.shape.area * 111.195**2 * np.cos(np.radians(23.13)))


def test_checkpoints_favour_borders_and_exits(city: City) -> None:
    borders = shapely.union_all([d.shape.boundary for d in city.districts])
    points = shapely.points([(cp.lon, cp.lat) for cp in city.checkpoints])
    near_border = shapely.distance(borders, points) * 111_195 < 1_000  # degrees overstate metres: fine
    assert near_border.sum() > 0.7 * len(city.checkpoints)
    exits = [cp for cp in city.checkpoints if "出城" in cp.name]
    assert len(exits) > 0.3 * len(city.checkpoints)
    assert {cp.direction for cp in exits} >= {"往佛山方向", "往东莞方向"}


def test_districts_are_the_real_ones(city: City) -> None:
    loaded = load_districts()
    assert [d.district for d in loaded] == list(city.districts)
    names = {d.name for d in city.districts}
    assert names == {"荔湾区", "越秀区", "海珠区", "天河区", "白云区", "黄埔区", "番禺区", "花都区", "南沙区", "从化区",
                     "增城区"}
    assert sum(d.population for d in city.districts) == pytest.approx(18_700_000, rel=0.02)
