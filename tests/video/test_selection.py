from __future__ import annotations

import math

import numpy as np
import pytest

from dispatch_desktop.domain.city import Camera
from dispatch_desktop.video.selection import CameraIndex, select_cameras
from tests.video.helpers import SPOT, camera, offset

# Around the spot: which ones look at it is known by construction.
SCENE = [
    camera("far", north_m=2000),
    camera("fixed-away-20m", north_m=-20, heading=180, fov=60),  # south of the spot, looking south
    camera("dome-80m", east_m=-80),  # too far for a dome to count as covering
    camera("fixed-north-140m", north_m=140, heading=180, fov=40),  # looking south, at the spot
    camera("fixed-north-200m", north_m=200, heading=180, fov=40),  # looking at it, but out of range
    camera("dome-30m", north_m=30),
    camera("fixed-east-100m", east_m=100, heading=270, fov=60),  # looking west, at the spot
]


def ids(ranked: list) -> list[str]:
    return [r.camera.id for r in ranked]


def test_cameras_looking_at_the_spot_come_first_then_the_rest_by_distance() -> None:
    ranked = select_cameras(SCENE, *SPOT, n=7)
    assert ids(ranked) == [
        "dome-30m", "fixed-east-100m", "fixed-north-140m",  # covering, nearest first
        "fixed-away-20m", "dome-80m", "fixed-north-200m", "far",  # the others, nearest first
    ]
    assert [r.covers for r in ranked] == [True, True, True, False, False, False, False]
    assert ranked[0].distance_m == pytest.approx(30, abs=0.5)
    assert ranked[1].bearing_deg == pytest.approx(270, abs=0.5)


def test_only_online_cameras_are_chosen_and_n_limits_the_list() -> None:
    online = {"fixed-east-100m", "fixed-away-20m", "far"}
    assert ids(select_cameras(SCENE, *SPOT, n=2, online=online)) == ["fixed-east-100m", "fixed-away-20m"]
    assert ids(select_cameras(SCENE, *SPOT, n=2, online=lambda cid: cid.startswith("dome"))) == [
        "dome-30m", "dome-80m",
    ]


@pytest.mark.parametrize(("turn", "covers"), [(29.0, True), (-29.0, True), (31.0, False), (-31.0, False)])
def test_the_field_of_view_edge_decides_coverage(turn: float, covers: bool) -> None:
    cam = camera("c", east_m=100, heading=(270 + turn) % 360, fov=60)
    assert select_cameras([cam], *SPOT, n=1)[0].covers is covers


def test_headings_wrap_around_north() -> None:
    # South of the spot, looking (almost) north from either side of 0°.
    for heading in (355.0, 5.0):
        cam = camera("c", north_m=-50, heading=heading, fov=20)
        assert select_cameras([cam], *SPOT, n=1)[0].covers


def test_a_fixed_camera_without_a_recorded_fov_gets_a_default_one() -> None:
    looking = camera("looking", east_m=100, heading=290)  # 20° off: within the default 60° view
    assert select_cameras([looking], *SPOT, n=1)[0].covers


def test_the_search_widens_until_enough_cameras_are_found() -> None:
    remote = [camera(f"r{i}", north_m=5000 + 100 * i) for i in range(5)]
    assert ids(select_cameras(remote, *SPOT, n=3)) == ["r0", "r1", "r2"]
    assert select_cameras([], *SPOT, n=3) == []
    assert select_cameras(remote, *SPOT, n=0) == []


def _brute_force(cameras: list[Camera], lat: float, lon: float, n: int) -> list[str]:
    """The ranking computed the slow, obvious way: every camera, haversine-free flat metres."""
    scored = []
    for position, cam in enumerate(cameras):
        north = (lat - cam.lat) * 6_371_008.8 * math.pi / 180
        east = (lon - cam.lon) * 6_371_008.8 * math.pi / 180 * math.cos(math.radians(lat))
        distance = math.hypot(north, east)
        bearing = math.degrees(math.atan2(east, north)) % 360
        if cam.heading is None:
            covers = distance <= 60
        else:
            off = abs((bearing - cam.heading + 180) % 360 - 180)
            covers = distance <= 150 and off <= (cam.fov or 60) / 2
        scored.append((not covers, round(distance, 3), position, cam.id))
    return [row[3] for row in sorted(scored)[:n]]


def test_the_grid_index_agrees_with_a_brute_force_ranking() -> None:
    rng = np.random.default_rng(7)
    cameras = []
    for i in range(2000):
        lat, lon = offset(*SPOT, north_m=float(rng.normal(0, 1500)), east_m=float(rng.normal(0, 1500)))
        dome = rng.random() < 0.4
        cameras.append(Camera(id=f"C{i:05d}", name="", district="", station="", lat=lat, lon=lon,
                              heading=None if dome else float(rng.uniform(0, 360)),
                              fov=None if dome else float(rng.uniform(30, 90))))
    index = CameraIndex(cameras, cell_m=200)
    for _ in range(12):
        lat, lon = offset(*SPOT, north_m=float(rng.normal(0, 1500)), east_m=float(rng.normal(0, 1500)))
        assert ids(index.select(lat, lon, 16)) == _brute_force(cameras, lat, lon, 16)


def test_the_index_finds_cameras_by_id() -> None:
    index = CameraIndex(SCENE)
    assert len(index) == len(SCENE) and "dome-30m" in index
    assert index.get("dome-30m") is SCENE[5] and index.get("nope") is None
