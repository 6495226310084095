"""Fixed posts: emergency patrol areas (应急巡逻区), duty points (屯警点) and checkpoints (卡口)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from dispatch_desktop.city.alloc import apportion
from dispatch_desktop.city.context import Build
from dispatch_desktop.city.names import chinese_number
from dispatch_desktop.city.spatial import bearing_deg, boundary_points, rounded, to_degrees
from dispatch_desktop.domain.city import (
    Checkpoint,
    DutyPoint,
    Landmark,
    LandmarkKind,
    PatrolArea,
    from_shape,
    plane_latlon,
    plane_xy,
)

K = LandmarkKind

_AREA_SITES = (K.METRO, K.SQUARE, K.MALL, K.MARKET, K.TRANSPORT)
_DUTY_SITES = (K.SQUARE, K.TRANSPORT, K.METRO, K.MALL)
_AREA_RADIUS_M = (400.0, 700.0)
_AREA_GAP_M = 100.0  # between two patrol areas
_AREA_BORDER_GAP_M = 50.0  # between a patrol area and its district's border


def _by_centrality(build: Build, places: Iterable[Landmark]) -> list[Landmark]:
    ranked = list(places)
    lat = np.array([p.lat for p in ranked])
    lon = np.array([p.lon for p in ranked])
    weight = np.zeros(len(ranked))
    for code in dict.fromkeys(p.district for p in ranked):
        mine = np.array([p.district == code for p in ranked])
        weight[mine] = build.samplers[code].density(*plane_xy(lat[mine], lon[mine]))
    order = sorted(range(len(ranked)), key=lambda i: (-weight[i], ranked[i].id))
    return [ranked[i] for i in order]


def _sites(build: Build, landmarks: list[Landmark], adcode: str, kinds: tuple[LandmarkKind, ...]) -> list[Landmark]:
    """The district's landmarks of the preferred kinds, most central first, then the others."""
    mine = [lm for lm in landmarks if lm.district == adcode]
    preferred = _by_centrality(build, (lm for lm in mine if lm.kind in kinds))
    return preferred + _by_centrality(build, (lm for lm in mine if lm.kind not in kinds))


def _district_counts(build: Build, total: int) -> list[int]:
    minimum = 1 if total >= len(build.districts) else 0
    return apportion(total, [d.district.population for d in build.districts], minimum=minimum)


# --- emergency patrol areas -----------------------------------------------------------------------


def build_patrol_areas(build: Build, landmarks: list[Landmark], total: int) -> list[PatrolArea]:
    rng = build.np_rng("patrol-areas")
    placed: list[tuple[float, float, float]] = []  # plane x, y, radius of every area so far
    out: list[PatrolArea] = []
    for shape, count in zip(build.districts, _district_counts(build, total), strict=True):
        district = shape.district
        sampler = build.samplers[district.adcode]
        sites = _sites(build, landmarks, district.adcode, _AREA_SITES)
        candidates = [(lm.lat, lm.lon, f"{lm.name}周边") for lm in sites]
        mine: list[PatrolArea] = []
        refills = 0
        while len(mine) < count:
            if not candidates:  # landmarks used up: open ground near where people are
                refills += 1
                if refills > 20:
                    raise ValueError(f"cannot fit {count} patrol areas into {district.name}")
                lats, lons = sampler.sample(rng, 4 * count, margin_m=_AREA_RADIUS_M[1] + _AREA_BORDER_GAP_M)
                candidates = [(float(a), float(b), "") for a, b in zip(lats, lons, strict=True)]
            lat, lon, label = candidates.pop(0)
            radius = float(rng.uniform(*_AREA_RADIUS_M))
            x, y = plane_xy(lat, lon)
            if not sampler.far_from_border(np.atleast_1d(x), np.atleast_1d(y), radius + _AREA_BORDER_GAP_M)[0]:
                continue
            if any(np.hypot(x - px, y - py) < radius + pr + _AREA_GAP_M for px, py, pr in placed):
                continue
            placed.append((float(x), float(y), radius))
            label = label or f"{build.places.take()}片区"
            circle = to_degrees(shapely.Point(float(x), float(y)).buffer(radius, quad_segs=8))
            mine.append(
                PatrolArea(
                    id=f"PA-{district.adcode}-{len(mine) + 1:02d}",
                    name=f"{label}应急巡逻区",
                    district=district.adcode,
                    station=build.station_ids(district.adcode, np.array([lat]), np.array([lon]))[0],
                    lat=lat,
                    lon=lon,
                    polygon=from_shape(circle, digits=6),
                )
            )
        out += mine
    return out


# --- duty points ------------------------------------------------------------------------------------


def build_duty_points(
    build: Build, landmarks: list[Landmark], areas: list[PatrolArea], total: int
) -> list[DutyPoint]:
    rng = build.np_rng("duty-points")
    area_sites = {a.name.removesuffix("周边应急巡逻区") for a in areas}
    out: list[DutyPoint] = []
    for shape, count in zip(build.districts, _district_counts(build, total), strict=True):
        district = shape.district
        sites = _sites(build, landmarks, district.adcode, _DUTY_SITES)
        # Spread the force: sites that already head a patrol area go last.
        sites = [s for s in sites if s.name not in area_sites] + [s for s in sites if s.name in area_sites]
        sites = sites[:count]
        lat, lon = build.samplers[district.adcode].sample(rng, count - len(sites), margin_m=100.0)
        names = [f"{s.name}屯警点" for s in sites] + [f"{build.places.take()}屯警点" for _ in range(lat.size)]
        slat, slon = build.samplers[district.adcode].scatter(
            rng, np.array([s.lat for s in sites]), np.array([s.lon for s in sites]), 40.0
        )
        lat, lon = np.concatenate((slat, lat)), np.concatenate((slon, lon))
        stations = build.station_ids(district.adcode, lat, lon)
        out += [
            DutyPoint(
                id=f"DP-{district.adcode}-{i + 1:02d}",
                name=names[i],
                district=district.adcode,
                station=stations[i],
                lat=float(lat[i]),
                lon=float(lon[i]),
            )
            for i in range(count)
        ]
    return out


# --- checkpoints -------------------------------------------------------------------------------------

# Neighbouring cities by compass bearing from the centre: (up to this bearing, city).
_NEIGHBOURS = ((15.0, "清远"), (40.0, "韶关"), (85.0, "惠州"), (150.0, "东莞"), (178.0, "中山"), (300.0, "佛山"),
               (360.0, "清远"))
_NATIONAL_ROADS = ("G105国道", "G106国道", "G107国道", "G324国道", "G355国道", "S114省道", "S116省道", "S118省道",
                   "S296省道")
_HIGHWAYS = 8
_SPLIT = (46, 36, 18)  # city exits : district borders : inside a district
_NUDGE_M = (120.0, 250.0, 500.0)  # how far in from the border a checkpoint may sit
_BORDER_GAP_M = 40.0


def neighbour_city(lat: float, lon: float) -> str:
    bearing = bearing_deg(lat, lon)
    return next(city for limit, city in _NEIGHBOURS if bearing < limit)


def build_checkpoints(build: Build, total: int) -> list[Checkpoint]:
    rng = build.np_rng("checkpoints")
    words = build.py_rng("checkpoint-names")
    highways = list(_NATIONAL_ROADS) + [f"{build.places.take()}高速" for _ in range(_HIGHWAYS)]
    codes = [d.district.adcode for d in build.districts]
    geoms = [d.geometry for d in build.districts]
    n_exit, n_border, n_inner = apportion(total, _SPLIT)
    rows: list[tuple[str, float, float, str, str, str]] = []  # adcode, lat, lon, road, kind of post, direction

    def road(adcode: str, highway_share: float) -> str:
        return words.choice(highways) if words.random() < highway_share else words.choice(build.roads[adcode])

    # City exits: spread along the city's outer boundary.
    outer = shapely.union_all(geoms).boundary
    for point in boundary_points(outer, rng, n_exit):
        owner = codes[int(np.argmin(shapely.distance(geoms, point)))]
        lat, lon = _nudge_inside(build, owner, point, rng)
        rows.append((owner, lat, lon, road(owner, 0.6), "出城", f"往{neighbour_city(lat, lon)}方向"))

    # District borders, in proportion to how long each shared border is.
    borders = _shared_borders(build)
    per_border = apportion(n_border, [line.length for _, _, line in borders])
    for (a, b, line), count in zip(borders, per_border, strict=True):
        for point in boundary_points(line, rng, count):
            side, other = (a, b) if rng.random() < 0.5 else (b, a)
            lat, lon = _nudge_inside(build, side, point, rng)
            rows.append((side, lat, lon, road(side, 0.3), "区界", f"往{build.by_code[other].district.name}方向"))

    # Main roads inside the districts.
    for code, count in zip(codes, _district_counts(build, n_inner), strict=True):
        lats, lons = build.samplers[code].sample(rng, count, margin_m=150.0, sharpness=0.7)
        for i in range(count):
            direction = words.choice(("进城方向", "出城方向", "双向"))
            rows.append((code, float(lats[i]), float(lons[i]), road(code, 0.0), "", direction))

    return _number_checkpoints(build, rows)


def _number_checkpoints(build: Build, rows: list[tuple[str, float, float, str, str, str]]) -> list[Checkpoint]:
    out: list[Checkpoint] = []
    used: set[str] = set()
    for code in (d.district.adcode for d in build.districts):
        mine = [r for r in rows if r[0] == code]
        stations = build.station_ids(code, np.array([r[1] for r in mine]), np.array([r[2] for r in mine]))
        for i, (_, lat, lon, road, post, direction) in enumerate(mine):
            out.append(
                Checkpoint(
                    id=f"CK-{code}-{i + 1:03d}",
                    name=_unique(used, f"{road}{post}", "卡口"),
                    district=code,
                    station=stations[i],
                    lat=lat,
                    lon=lon,
                    road=road,
                    direction=direction,
                )
            )
    return out


def _ordinal(k: int) -> str:
    """"" for the first post of a name, then "二号", "三号"…"""
    return f"{chinese_number(k)}号" if k > 1 else ""


def _unique(used: set[str], prefix: str, suffix: str) -> str:
    """The first of prefix + suffix, prefix + "二号" + suffix, ... that is not in ``used`` (now it is)."""
    k = 1
    while (name := f"{prefix}{_ordinal(k)}{suffix}") in used:
        k += 1
    used.add(name)
    return name


def _shared_borders(build: Build) -> list[tuple[str, str, BaseGeometry]]:
    out: list[tuple[str, str, BaseGeometry]] = []
    for i, a in enumerate(build.districts):
        for b in build.districts[i + 1 :]:
            if not a.geometry.intersects(b.geometry):
                continue
            line = a.geometry.boundary.intersection(b.geometry.buffer(1e-6))
            if line.length > 0.005:  # more than a touching corner (~500 m)
                out.append((a.district.adcode, b.district.adcode, line))
    return out


def _nudge_inside(build: Build, adcode: str, point: shapely.Point, rng: np.random.Generator) -> tuple[float, float]:
    """A spot just inside the district next to a point on (or near) its border."""
    sampler = build.samplers[adcode]
    px, py = plane_xy(point.y, point.x)
    start = rng.uniform(0.0, 2 * np.pi)
    angles = start + np.arange(16) * (np.pi / 8)
    for reach in _NUDGE_M:
        x = px + reach * np.sin(angles)
        y = py + reach * np.cos(angles)
        lat, lon = rounded(*plane_latlon(x, y))
        ok = sampler.inside(lat, lon) & sampler.far_from_border(x, y, _BORDER_GAP_M)
        if ok.any():
            i = int(np.argmax(ok))
            return float(lat[i]), float(lon[i])
    lat, lon = sampler.scatter(rng, np.array([point.y]), np.array([point.x]), 1_000.0)
    return float(lat[0]), float(lon[0])
