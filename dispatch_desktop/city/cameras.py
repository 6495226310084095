"""Video points (视频监控点), drawn in bulk with numpy so the full 559,000 take seconds.

Cameras cluster where the city watches most: at landmarks (school gates, metro exits, squares), at
checkpoints, around police stations, and otherwise wherever people live. Names are shared strings from
small per-district pools (many cameras watch the same junction), which keeps half a million of them
light in memory.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from typing import Protocol

import msgspec
import numpy as np

from dispatch_desktop.city.alloc import apportion
from dispatch_desktop.city.context import Build
from dispatch_desktop.domain.city import (
    Camera,
    Checkpoint,
    City,
    Landmark,
    LandmarkKind,
)

# Shares of a district's cameras by where they stand.
_AT_LANDMARKS, _AT_CHECKPOINTS, _AROUND_STATIONS, _ANYWHERE = 15, 3, 30, 52
_LANDMARK_SIGMA_M = 80.0
_CHECKPOINT_SIGMA_M = 30.0
_DOME_SHARE = 0.2  # 球机: they turn, so no fixed heading or field of view
_FOVS = (45.0, 60.0, 75.0, 90.0, 110.0)
_RESIDENTIAL_SHARE = 0.3

_LANDMARK_TAGS = {kind: (kind.value,) for kind in LandmarkKind}
_CHECKPOINT_TAGS = ("checkpoint", "road")
_ROAD_TAGS = ("road",)
_RESIDENTIAL_TAGS = ("residential",)
_LANDMARK_SPOTS = ("东门", "西门", "南门", "北门", "出入口", "周边")
_CHECKPOINT_SPOTS = ("正向", "反向", "全景")
_CORNERS = ("", "东侧", "西侧", "南侧", "北侧")
_ESTATES = ("花园", "新村", "小区", "苑", "雅居")
_GATES = ("东门", "西门", "南门", "北门", "出入口")
_JUNCTION_POOL = 600
_ESTATE_POOL = 200


def build_cameras(
    build: Build, landmarks: list[Landmark], checkpoints: list[Checkpoint], total: int
) -> list[Camera]:
    rng = build.np_rng("cameras")
    counts = apportion(total, [d.district.population for d in build.districts])
    out: list[Camera] = []
    for shape, n in zip(build.districts, counts, strict=True):
        code = shape.district.adcode
        out += _district_cameras(
            build,
            code,
            n,
            [lm for lm in landmarks if lm.district == code],
            [cp for cp in checkpoints if cp.district == code],
            rng,
        )
    return out


def _district_cameras(
    build: Build,
    code: str,
    n: int,
    landmarks: list[Landmark],
    checkpoints: list[Checkpoint],
    rng: np.random.Generator,
) -> list[Camera]:
    if n == 0:
        return []
    sampler = build.samplers[code]
    shares = [
        _AT_LANDMARKS if landmarks else 0,
        _AT_CHECKPOINTS if checkpoints else 0,
        _AROUND_STATIONS,
        _ANYWHERE,
    ]
    n_lm, n_cp, n_st, n_any = apportion(n, shares)
    lats: list[np.ndarray] = []
    lons: list[np.ndarray] = []
    names: list[str] = []
    tags: list[tuple[str, ...]] = []

    if n_lm:
        pick = rng.integers(0, len(landmarks), n_lm)
        lat, lon = sampler.scatter(rng, *_positions(landmarks, pick), _LANDMARK_SIGMA_M)
        pool = [lm.name + spot for lm in landmarks for spot in _LANDMARK_SPOTS]
        spot = rng.integers(0, len(_LANDMARK_SPOTS), n_lm)
        names += [pool[i] for i in (pick * len(_LANDMARK_SPOTS) + spot).tolist()]
        tags += [_LANDMARK_TAGS[landmarks[i].kind] for i in pick.tolist()]
        lats.append(lat)
        lons.append(lon)

    if n_cp:
        pick = rng.integers(0, len(checkpoints), n_cp)
        lat, lon = sampler.scatter(rng, *_positions(checkpoints, pick), _CHECKPOINT_SIGMA_M)
        pool = [cp.name + spot for cp in checkpoints for spot in _CHECKPOINT_SPOTS]
        spot = rng.integers(0, len(_CHECKPOINT_SPOTS), n_cp)
        names += [pool[i] for i in (pick * len(_CHECKPOINT_SPOTS) + spot).tolist()]
        tags += [_CHECKPOINT_TAGS] * n_cp
        lats.append(lat)
        lons.append(lon)

    stations = build.stations[code]
    weight = np.array([s.population for s in stations], dtype=np.float64) + 1.0
    pick = np.searchsorted(np.cumsum(weight), rng.random(n_st) * weight.sum(), side="right")
    # Spread around a station in proportion to the size of its area: tight downtown, loose outside.
    spread = np.array([build.station_area_m2[s.id] for s in stations]) ** 0.5 * 0.25
    lat, lon = sampler.scatter(rng, *_positions(stations, pick), np.clip(spread, 150.0, 1_500.0)[pick])
    lats.append(lat)
    lons.append(lon)
    lat, lon = sampler.sample(rng, n_any, sharpness=1.2)
    lats.append(lat)
    lons.append(lon)
    junctions = _junctions(build.roads[code], rng)
    estates = _estates([s.name for s in stations], rng)
    residential = rng.random(n_st + n_any) < _RESIDENTIAL_SHARE
    junction_pick = rng.integers(0, len(junctions), n_st + n_any).tolist()
    estate_pick = rng.integers(0, len(estates), n_st + n_any).tolist()
    for i, home in enumerate(residential.tolist()):
        names.append(estates[estate_pick[i]] if home else junctions[junction_pick[i]])
        tags.append(_RESIDENTIAL_TAGS if home else _ROAD_TAGS)

    lat = np.concatenate(lats)
    lon = np.concatenate(lons)
    order = rng.permutation(n)  # ids say nothing about why a camera is where it is
    lat, lon = lat[order], lon[order]
    names = [names[i] for i in order.tolist()]
    tags = [tags[i] for i in order.tolist()]
    dome = rng.random(n) < _DOME_SHARE
    heading = (np.round(rng.uniform(0.0, 360.0, n), 1) % 360.0).tolist()
    fov = rng.integers(0, len(_FOVS), n).tolist()
    station_ids = [s.id for s in stations]
    station_of = build.station_index(code, lat, lon).tolist()
    return [
        Camera(
            f"C-{code}-{i + 1:06d}",
            names[i],
            code,
            station_ids[station_of[i]],
            la,
            lo,
            None if is_dome else heading[i],
            None if is_dome else _FOVS[fov[i]],
            tags[i],
        )
        for i, (la, lo, is_dome) in enumerate(zip(lat.tolist(), lon.tolist(), dome.tolist(), strict=True))
    ]


class _Located(Protocol):
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


def _positions(items: Sequence[_Located], pick: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lat = np.array([item.lat for item in items])
    lon = np.array([item.lon for item in items])
    return lat[pick], lon[pick]


def _junctions(roads: list[str], rng: np.random.Generator) -> list[str]:
    first = rng.integers(0, len(roads), _JUNCTION_POOL)
    second = (first + rng.integers(1, len(roads), _JUNCTION_POOL)) % len(roads)  # never the same road
    corner = rng.integers(0, len(_CORNERS), _JUNCTION_POOL)
    return [
        f"{roads[a]}与{roads[b]}交叉口{_CORNERS[c]}"
        for a, b, c in zip(first.tolist(), second.tolist(), corner.tolist(), strict=True)
    ]


def _estates(station_names: list[str], rng: np.random.Generator) -> list[str]:
    places = [name[name.find("区") + 1 :].removesuffix("派出所") for name in station_names]
    picks = zip(
        rng.integers(0, len(places), _ESTATE_POOL).tolist(),
        rng.integers(0, len(_ESTATES), _ESTATE_POOL).tolist(),
        rng.integers(0, len(_GATES), _ESTATE_POOL).tolist(),
        strict=True,
    )
    return [f"{places[p]}{_ESTATES[e]}{_GATES[g]}" for p, e, g in picks]


# --- stream addresses ------------------------------------------------------------------------------------

StreamUrl = Callable[[int, Camera], str]
"""Gives a camera (and its index in ``City.cameras``) the address its video is read from."""

_TEMPLATE_FIELDS = {"n", "i", "id"}


def stream_template(template: str, clips: int = 0) -> StreamUrl:
    """Addresses from a template: ``{n}`` is the clip number (0 … clips-1, cycling over the cameras),
    ``{i}`` the camera's index and ``{id}`` its id, e.g. ``"file:///srv/clips/clip_{n}.mp4"``."""
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    unknown = fields - _TEMPLATE_FIELDS
    if unknown:
        raise ValueError(f"stream template {template!r} has unknown fields {sorted(unknown)}; use {{n}}, {{i}}, {{id}}")
    if "n" in fields and clips < 1:
        raise ValueError("a stream template with {n} needs the number of clips to cycle over (clips >= 1)")

    def url(i: int, camera: Camera) -> str:
        return template.format(n=i % clips if clips else 0, i=i, id=camera.id)

    return url


def with_streams(city: City, url_for: StreamUrl) -> City:
    """The same city with every camera's ``stream_url`` set by ``url_for``."""
    cameras = tuple(
        msgspec.structs.replace(camera, stream_url=url_for(i, camera)) for i, camera in enumerate(city.cameras)
    )
    return msgspec.structs.replace(city, cameras=cameras)

