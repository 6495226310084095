"""How long a unit takes to reach a point: the travel model behind recommendations.

There is no road graph in the workstation, so the road distance is estimated from the great-circle
(haversine) distance times a detour factor, and the driving time from a typical speed by unit kind,
zone and time of day. The model, with its numbers:

* road distance = haversine × ``DETOUR_FACTOR`` (1.35: Guangzhou's grid plus rivers and ring roads
  makes the network distance about a third longer than the straight line, the usual figure for
  dense Chinese cities);
* speed (km/h) by unit kind and zone, the zone being the urban core (within ``CORE_RADIUS_M`` of
  the old centre at 海珠广场: 越秀, 荔湾, 海珠 and west 天河) or the suburbs:

  ======================  ======  ========
  unit kind               core    suburbs
  ======================  ======  ========
  patrol group 巡组         30      45
  rapid response 突击队     36      54      (lights and sirens, trained drivers)
  traffic police 交警       33      50      (motorcycles filter through queues)
  station car 所车          30      45
  single officer 单警       15      15      (on foot or e-bike)
  ======================  ======  ========

  A trip is driven half at the unit's end's zone speed and half at the incident's end's, so a
  suburban car heading into the core slows down on the way in;
* time of day (Guangzhou local time) scales every speed: rush hours 07:00–09:30 and 17:00–19:30
  ×0.7, night 23:00–06:00 ×1.3, otherwise ×1.0;
* ETA = turnout delay + road distance / speed. Turnout delays are in ``recommend``.

Everything is vectorised with numpy so ranking a whole roster is one pass over arrays.
"""

from __future__ import annotations

import numpy as np

from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.enums import UnitKind

EARTH_RADIUS_M = 6_371_008.8
DETOUR_FACTOR = 1.35
CORE_CENTRE = (23.1255, 113.2644)  # 海珠广场 (lat, lon)
CORE_RADIUS_M = 10_000.0

KMH = 1000.0 / 3600.0
SPEED_MS: dict[UnitKind, tuple[float, float]] = {  # (core, suburbs) in m/s
    UnitKind.PATROL_GROUP: (30 * KMH, 45 * KMH),
    UnitKind.RAPID_RESPONSE: (36 * KMH, 54 * KMH),
    UnitKind.TRAFFIC: (33 * KMH, 50 * KMH),
    UnitKind.STATION_CAR: (30 * KMH, 45 * KMH),
    UnitKind.OFFICER: (15 * KMH, 15 * KMH),
}
KIND_ORDER: tuple[UnitKind, ...] = tuple(UnitKind)
"""Index of a kind in the arrays below (``kind_codes`` hold positions in this tuple)."""
_CORE_SPEED = np.array([SPEED_MS[k][0] for k in KIND_ORDER])
_SUBURB_SPEED = np.array([SPEED_MS[k][1] for k in KIND_ORDER])

# (start hour, end hour, factor) in local time; hours not covered run at 1.0.
TIME_OF_DAY_FACTORS: tuple[tuple[float, float, float], ...] = (
    (0.0, 6.0, 1.3),
    (7.0, 9.5, 0.7),
    (17.0, 19.5, 0.7),
    (23.0, 24.0, 1.3),
)


def haversine_m(lat1: float | np.ndarray, lon1: float | np.ndarray, lat2: float | np.ndarray,
                lon2: float | np.ndarray) -> np.ndarray:
    """Great-circle distance in metres (vectorised over any broadcastable inputs)."""
    p1 = np.radians(lat1)
    p2 = np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(np.asarray(lon2, dtype=np.float64) - lon1)
    a = np.sin(dp / 2.0) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2.0) ** 2
    distance: np.ndarray = 2.0 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
    return distance


def local_hour(now_ms: int) -> float:
    """Rush hours are the command center's local ones (``domain.localtime``)."""
    return localtime.local_hour(now_ms)


def time_of_day_factor(now_ms: int) -> float:
    hour = local_hour(now_ms)
    for start, end, factor in TIME_OF_DAY_FACTORS:
        if start <= hour < end:
            return factor
    return 1.0


def in_core(lat: float | np.ndarray, lon: float | np.ndarray) -> np.ndarray:
    return haversine_m(lat, lon, CORE_CENTRE[0], CORE_CENTRE[1]) <= CORE_RADIUS_M


def kind_code(kind: UnitKind) -> int:
    return KIND_ORDER.index(kind)


def drive_seconds(
    kind_codes: np.ndarray,
    lat: np.ndarray,
    lon: np.ndarray,
    to_lat: float,
    to_lon: float,
    now_ms: int,
) -> tuple[np.ndarray, np.ndarray]:
    """(road distance in metres, driving seconds) from each position to the target point."""
    road = haversine_m(lat, lon, to_lat, to_lon) * DETOUR_FACTOR
    factor = time_of_day_factor(now_ms)
    start_speed = np.where(in_core(lat, lon), _CORE_SPEED[kind_codes], _SUBURB_SPEED[kind_codes]) * factor
    end_speeds = _CORE_SPEED if bool(in_core(to_lat, to_lon)) else _SUBURB_SPEED
    end_speed = end_speeds[kind_codes] * factor
    # Half the way at each end's speed: the time is the mean of the two pure-speed times.
    return road, 0.5 * road / start_speed + 0.5 * road / end_speed
