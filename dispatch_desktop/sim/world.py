"""Who is simulated and where each one patrols.

Units come from the city's roster, patrol groups first (then rapid-response teams, traffic units and
station duty cars), taken station by station in turn so that any number of them covers every station.
Asking for more units than the roster holds splits the patrol groups into their individual officers
(巡组 -> 单警, as many per group as needed), each walking a beat of their own inside the station's area.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry.base import BaseGeometry

from dispatch_desktop.city.spatial import to_plane
from dispatch_desktop.domain.city import City, PatrolArea, UnitSpec, plane_xy
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.domain.events import UnitRegistered
from dispatch_desktop.sim.patrol import LoopSpec, build_loops, sample_points

_VIA_REACH_M = 8_000.0  # a patrol group takes in an emergency patrol area at most this far from its station
_INSET_FALLBACKS_M = (10.0, 0.0)  # for areas too thin for the wanted margin


@dataclass(frozen=True)
class SimUnit:
    id: str
    kind: UnitKind
    station: str
    district: str
    name: str
    members: tuple[str, ...]
    lat: float  # home position
    lon: float
    on_foot: bool
    in_roster: bool  # False for officers split out of a patrol group: someone must register them


@dataclass(frozen=True)
class Movement:
    """How units move: speeds in m/s, margins and beats in metres."""

    car_speed: tuple[float, float] = (8.0, 14.0)
    foot_speed: tuple[float, float] = (1.2, 1.6)
    area_margin_m: float = 30.0  # patrol waypoints keep this far inside their area
    beat_radius_m: float = 400.0  # an officer on foot walks within this of their beat's centre
    car_waypoints: tuple[int, int] = (6, 10)
    foot_waypoints: tuple[int, int] = (4, 7)


def registration(unit: SimUnit) -> UnitRegistered:
    """The roster entry the hub needs before the unit may report."""
    return UnitRegistered(unit=unit.id, unit_kind=unit.kind, station=unit.station, name=unit.name,
                          members=unit.members, lat=unit.lat, lon=unit.lon)


def choose_units(city: City, count: int) -> list[SimUnit]:
    """``count`` units from the roster, spread over the stations; officers once the roster runs out."""
    if count < 0:
        raise ValueError(f"the number of units must not be negative, got {count}")
    if count == 0:
        return []
    district_of = {s.id: s.district for s in city.stations}
    roster = sorted(city.units, key=lambda spec: _KIND_ORDER.get(spec.kind, len(_KIND_ORDER)))
    if count <= len(roster):
        units = [_from_spec(spec, district_of) for spec in roster]
        return [u for kind in _kinds(units) for u in _round_robin([v for v in units if v.kind is kind])][:count]
    groups = [spec for spec in roster if spec.kind in (UnitKind.PATROL_GROUP, UnitKind.OFFICER)]
    if not groups:
        raise ValueError("the city's roster has no patrol groups to split into officers")
    per_group = math.ceil(count / len(groups))
    return _round_robin([officer for spec in groups for officer in _officers(spec, per_group, district_of)])[:count]


_KIND_ORDER = {kind: rank for rank, kind in enumerate(
    (UnitKind.PATROL_GROUP, UnitKind.RAPID_RESPONSE, UnitKind.TRAFFIC, UnitKind.STATION_CAR, UnitKind.OFFICER))}


def _kinds(units: list[SimUnit]) -> list[UnitKind]:
    return list(dict.fromkeys(u.kind for u in units))


def _from_spec(spec: UnitSpec, district_of: dict[str, str]) -> SimUnit:
    return SimUnit(id=spec.id, kind=spec.kind, station=spec.station, district=district_of.get(spec.station, ""),
                   name=spec.name, members=spec.members, lat=spec.lat, lon=spec.lon,
                   on_foot=spec.kind is UnitKind.OFFICER, in_roster=True)


def _officers(spec: UnitSpec, count: int, district_of: dict[str, str]) -> list[SimUnit]:
    if spec.kind is UnitKind.OFFICER:
        return [_from_spec(spec, district_of)]
    out = []
    for k in range(count):
        member = spec.members[k] if k < len(spec.members) else f"{spec.name}{k + 1}号"
        out.append(SimUnit(id=f"{spec.id}.{k + 1}", kind=UnitKind.OFFICER, station=spec.station,
                           district=district_of.get(spec.station, ""), name=member, members=(member,),
                           lat=spec.lat, lon=spec.lon, on_foot=True, in_roster=False))
    return out


def _round_robin(units: list[SimUnit]) -> list[SimUnit]:
    """Interleave stations: the first n of the result spread over as many stations as possible."""
    by_station: dict[str, list[SimUnit]] = {}
    for unit in units:
        by_station.setdefault(unit.station, []).append(unit)
    queues = [by_station[station] for station in sorted(by_station)]
    out: list[SimUnit] = []
    for depth in range(max((len(q) for q in queues), default=0)):
        out += [q[depth] for q in queues if depth < len(q)]
    return out


class Areas:
    """Station and district areas on the plane, shrunk by the patrol margin, built once per city."""

    def __init__(self, city: City, margin_m: float) -> None:
        self.city = city
        self.margin_m = margin_m
        self.station = {s.id: _inset(to_plane(s.shape), margin_m) for s in city.stations}
        self.district = {d.adcode: _inset(to_plane(d.shape), margin_m) for d in city.districts}
        self._patrol_areas: dict[str, list[PatrolArea]] = {}
        for area in city.patrol_areas:
            self._patrol_areas.setdefault(area.district, []).append(area)

    def nearest_patrol_area(self, unit: SimUnit) -> BaseGeometry | None:
        """The part of the nearest emergency patrol area of the unit's district that a car can reach
        without leaving the district, if one is near enough."""
        areas = self._patrol_areas.get(unit.district, [])
        district = self.district.get(unit.district)
        if not areas or district is None:
            return None
        station = self.city.station(unit.station)
        sx, sy = plane_xy(station.lat, station.lon)
        ax, ay = plane_xy(np.array([a.lat for a in areas]), np.array([a.lon for a in areas]))
        distance = np.hypot(ax - sx, ay - sy)
        nearest = int(np.argmin(distance))
        if distance[nearest] > _VIA_REACH_M:
            return None
        reachable = to_plane(areas[nearest].shape).intersection(district)
        return None if reachable.is_empty else reachable


def _inset(area: BaseGeometry, margin_m: float) -> BaseGeometry:
    for margin in (margin_m, *_INSET_FALLBACKS_M):
        shrunk = area.buffer(-margin) if margin > 0 else area
        if not shrunk.is_empty:
            return shrunk
    return area


def patrol_loops(
    units: list[SimUnit], city: City, movement: Movement, rng: np.random.Generator
) -> list[np.ndarray]:
    """A loop of plane waypoints per unit: cars across their station's area (patrol groups through the
    nearest emergency patrol area of their district too), officers on foot around a beat."""
    n = len(units)
    if n == 0:
        return []
    areas = Areas(city, movement.area_margin_m)
    station_area = np.array([areas.station[u.station] for u in units], dtype=object)
    path_area = station_area.copy()
    via = np.full((n, 2), np.nan)
    via_cache: dict[str, BaseGeometry | None] = {}
    wants_via = [i for i, u in enumerate(units) if u.kind is UnitKind.PATROL_GROUP]
    for i in wants_via:
        unit = units[i]
        if unit.station not in via_cache:
            via_cache[unit.station] = areas.nearest_patrol_area(unit)
    reach = [i for i in wants_via if via_cache[units[i].station] is not None]
    if reach:
        idx = np.array(reach)
        via[idx] = sample_points(np.array([via_cache[units[i].station] for i in reach], dtype=object), rng)
        path_area[idx] = np.array([areas.district[units[i].district] for i in reach], dtype=object)
    on_foot = np.array([u.on_foot for u in units])
    radius = np.where(on_foot, movement.beat_radius_m, 0.0)
    centre = np.zeros((n, 2))
    if on_foot.any():
        centre[on_foot] = sample_points(station_area[on_foot], rng)
    lo_car, hi_car = movement.car_waypoints
    lo_foot, hi_foot = movement.foot_waypoints
    waypoints = np.where(on_foot, rng.integers(lo_foot, hi_foot + 1, n), rng.integers(lo_car, hi_car + 1, n))
    spec = LoopSpec(sample_area=station_area, path_area=path_area, centre=centre, radius=radius, via=via,
                    waypoints=waypoints)
    return build_loops(spec, rng)


def speed_ranges(units: list[SimUnit], movement: Movement) -> np.ndarray:
    return np.array([movement.foot_speed if u.on_foot else movement.car_speed for u in units],
                    dtype=np.float64).reshape(-1, 2)
