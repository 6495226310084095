"""A camera import checks where each camera is: in the service area, in the district the row names."""

from __future__ import annotations

import re

import numpy as np
import pytest

from dispatch_desktop.domain.city import City
from dispatch_desktop.video.registry import CsvImport, parse_cameras_csv
from dispatch_desktop.video.service_area import BORDER_TOLERANCE_M, ServiceArea
from tests.video.helpers import offset

TIANHE = (23.1375, 113.3240)  # 体育中心, well inside 天河区


def one_row(city: City, lat: object, lon: object, district: str = "") -> CsvImport:
    return parse_cameras_csv(f"id,name,lat,lon,district\nC-1,测试,{lat},{lon},{district}\n", city)


def refusal(result: CsvImport) -> str:
    assert result.cameras == ()
    (error,) = result.errors
    return str(error)


@pytest.mark.parametrize(
    ("lat", "lon", "words"),
    [
        (22.5431, 114.0579, "22.5431, 114.0579 is outside the service area (Guangzhou's districts): "),  # 深圳福田
        (22.60, 113.75, "east of 南沙区 (440115), the nearest district"),  # 伶仃洋, the estuary
        (0, 0, "is outside the service area"),  # the empty coordinates some exports write
    ],
)
def test_a_camera_outside_the_service_area_is_refused(city: City, lat: float, lon: float, words: str) -> None:
    message = refusal(one_row(city, lat, lon))
    assert message.startswith("row 2, column lat/lon: ") and words in message


def test_a_camera_in_shenzhen_is_told_how_far_out_it_is(city: City) -> None:
    found = re.search(r": ([\d.]+) km east of 南沙区", refusal(one_row(city, 22.5431, 114.0579)))
    assert found is not None and 25 < float(found[1]) < 45  # Futian is across the estuary from Nansha


def test_swapped_latitude_and_longitude_are_recognised(city: City) -> None:
    lat, lon = TIANHE
    assert refusal(one_row(city, lon, lat)) == (
        f"row 2, column lat/lon: latitude and longitude look swapped: {lon}, {lat} is outside the service area, "
        f"but {lat}, {lon} is in 天河区 (440106)"
    )


def test_a_latitude_beyond_90_that_is_not_a_swap_is_still_out_of_range(city: City) -> None:
    assert refusal(one_row(city, 123.1, 113.32)) == "row 2, column lat: 123.1 is outside -90 to 90"


@pytest.mark.parametrize(
    "written", ["440106", "天河区", "天河", "Tianhe", "tianhe district", "天河分局", "广州市天河区"]
)
def test_a_district_may_be_named_as_people_write_it_and_is_stored_as_its_adcode(city: City, written: str) -> None:
    (camera,) = one_row(city, *TIANHE, written).cameras
    assert camera.district == "440106"


def test_an_unknown_district_is_refused_with_the_forms_accepted(city: City) -> None:
    message = refusal(one_row(city, *TIANHE, "天和区"))
    assert message.startswith("row 2, column district: unknown district '天和区': expected an adcode such as 440106")
    assert "荔湾 越秀 海珠 天河" in message


def test_a_district_that_does_not_hold_the_point_is_refused_naming_the_one_that_does(city: City) -> None:
    assert refusal(one_row(city, *TIANHE, "海珠区")) == (
        "row 2, column district: 23.1375, 113.324 is in 天河区 (440106), not in 海珠区 (440105)"
    )


def test_a_camera_just_across_a_border_keeps_the_district_its_row_names(city: City) -> None:
    """Our boundaries are generalised: a border camera's own district wins within the tolerance."""
    point = _just_outside(city, "440106", "440105", 100.0)
    (camera,) = one_row(city, *point, "海珠").cameras
    assert camera.district == "440105"
    further = _just_outside(city, "440106", "440105", 2 * BORDER_TOLERANCE_M)
    assert "is in 天河区 (440106), not in 海珠区 (440105)" in refusal(one_row(city, *further, "海珠"))


def test_a_camera_just_past_the_city_edge_is_taken_into_the_nearest_district(city: City) -> None:
    """The outer boundary is generalised too: a camera a little outside it is the city's own."""
    lon, lat = max((xy for d in city.districts for p in d.polygon for ring in p for xy in ring), key=lambda xy: xy[1])
    edge = city.district_at(lat, lon)  # the northernmost point of the city
    assert edge is not None
    (camera,) = one_row(city, *offset(lat, lon, north_m=0.5 * BORDER_TOLERANCE_M)).cameras
    assert camera.district == edge.adcode
    message = refusal(one_row(city, *offset(lat, lon, north_m=4 * BORDER_TOLERANCE_M)))
    assert re.search(rf"is outside the service area .*: 1\.0 km north of {edge.name} \({edge.adcode}\)", message)


def test_places_are_found_as_city_district_at_finds_them(city: City) -> None:
    """The import locates a whole file at once; it must agree with the city's own lookup."""
    rng = np.random.default_rng(7)
    box = city.bbox
    lat = rng.uniform(box.south - 0.05, box.north + 0.05, 400)
    lon = rng.uniform(box.west - 0.05, box.east + 0.05, 400)
    vertex = city.district("440106").polygon[0][0][5]  # on the border of 天河 and a neighbour
    lat, lon = np.append(lat, vertex[1]), np.append(lon, vertex[0])
    located = ServiceArea(city).locate(lat.tolist(), lon.tolist())
    for la, lo, where in zip(lat, lon, located, strict=True):
        expected = city.district_at(la, lo)
        if expected is not None:
            assert where.district == expected
        elif where.district is not None:  # only a point within the border tolerance may be placed
            assert ServiceArea(city).distance_m(where.district, la, lo) <= BORDER_TOLERANCE_M


def _just_outside(city: City, inside: str, neighbour: str, metres: float) -> tuple[float, float]:
    """A point of district ``inside``, ``metres`` from its border with ``neighbour``."""
    shared = city.district(inside).shape.boundary.intersection(city.district(neighbour).shape.boundary)
    lon, lat = shared.interpolate(0.5, normalized=True).coords[0]
    area = ServiceArea(city)
    for north, east in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        candidate = offset(lat, lon, north_m=north * metres, east_m=east * metres)
        gap = area.distance_m(city.district(neighbour), *candidate)
        if city.district_at(*candidate) == city.district(inside) and abs(gap - metres) < 0.1 * metres:
            return candidate
    raise AssertionError("no straight step off the border lands in the district")
