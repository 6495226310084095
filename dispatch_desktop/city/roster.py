"""The roster: patrol groups, the rapid-response teams, traffic units and station duty cars, and the
``UnitRegistered`` bodies the hub writes to bootstrap the log from it."""

from __future__ import annotations

import msgspec
import numpy as np

from dispatch_desktop.city.alloc import apportion
from dispatch_desktop.city.context import Build
from dispatch_desktop.city.names import chinese_number, people
from dispatch_desktop.domain.city import City, Station, UnitSpec, plane_xy
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.domain.events import UnitRegistered


class RosterSpec(msgspec.Struct, frozen=True):
    patrol_groups: int = 1_100
    min_groups_per_station: int = 2
    rapid_teams: int = 3
    traffic_per_district: int = 2
    cars_per_station: int = 1


_BEAT_SIGMA_M = 300.0  # patrol groups start their shift around their station


def build_units(build: Build, spec: RosterSpec) -> list[UnitSpec]:
    rng = build.np_rng("roster")
    names = build.py_rng("roster-names")
    stations = [s for d in build.districts for s in build.stations[d.district.adcode]]
    units: list[UnitSpec] = []

    # Patrol groups, in proportion to the people each station looks after; call signs run per district.
    per_station = apportion(
        spec.patrol_groups, [s.population for s in stations], minimum=min(spec.min_groups_per_station,
                                                                          spec.patrol_groups // len(stations))
    )
    call_sign = dict.fromkeys(build.by_code, 0)
    for station, count in zip(stations, per_station, strict=True):
        short = build.by_code[station.district].district.short_name
        lat, lon = build.samplers[station.district].scatter(
            rng, np.full(count, station.lat), np.full(count, station.lon), _BEAT_SIGMA_M
        )
        for g in range(count):
            call_sign[station.district] += 1
            units.append(
                UnitSpec(
                    id=f"PG-{station.id.removeprefix('S-')}-{g + 1:02d}",
                    kind=UnitKind.PATROL_GROUP,
                    station=station.id,
                    name=f"{short}巡{call_sign[station.district]:02d}组",
                    members=people(names, 2 + int(rng.integers(0, 3))),
                    lat=float(lat[g]),
                    lon=float(lon[g]),
                )
            )

    # 羊城突击队: at the stations nearest the centre, one district each.
    for t, station in enumerate(_central_stations(build, spec.rapid_teams)):
        units.append(_at_station(station, f"RR-{t + 1:02d}", UnitKind.RAPID_RESPONSE,
                                 f"羊城突击队{chinese_number(t + 1)}队", people(names, 6 + int(rng.integers(0, 3)))))

    # Traffic units belong to the district's brigade; they start from its central station.
    for shape in build.districts:
        d = shape.district
        for k in range(spec.traffic_per_district):
            units.append(_at_station(build.stations[d.adcode][0], f"TR-{d.adcode}-{k + 1:02d}", UnitKind.TRAFFIC,
                                     f"{d.short_name}交警铁骑{k + 1:02d}", people(names, 2)))

    # Every station keeps duty cars at the door.
    for station in stations:
        for k in range(spec.cars_per_station):
            units.append(_at_station(station, f"SC-{station.id.removeprefix('S-')}-{k + 1:02d}", UnitKind.STATION_CAR,
                                     f"{station.short_name}值班车{k + 1:02d}", people(names, 2)))
    return units


def _at_station(station: Station, unit_id: str, kind: UnitKind, name: str, members: tuple[str, ...]) -> UnitSpec:
    return UnitSpec(id=unit_id, kind=kind, station=station.id, name=name, members=members,
                    lat=station.lat, lon=station.lon)


def _central_stations(build: Build, count: int) -> list[Station]:
    """The stations nearest the city centre, no two in the same district (while districts last)."""
    ranked = sorted(
        (s for group in build.stations.values() for s in group),
        key=lambda s: (float(np.hypot(*plane_xy(s.lat, s.lon))), s.id),
    )
    chosen: list[Station] = []
    for station in ranked:
        if len(chosen) == count:
            break
        if station.district not in {s.district for s in chosen}:
            chosen.append(station)
    for station in ranked:  # more teams than districts: fill from the centre outwards
        if len(chosen) == count:
            break
        if station not in chosen:
            chosen.append(station)
    return chosen


def registration_events(city: City) -> list[UnitRegistered]:
    """One ``UnitRegistered`` body per roster entry, in roster order, for the hub's bootstrap."""
    return [
        UnitRegistered(
            unit=u.id, unit_kind=u.kind, station=u.station, name=u.name, members=u.members, lat=u.lat, lon=u.lon
        )
        for u in city.units
    ]
