"""110 calls: when they come, what they are about, where they are.

Arrivals are a Poisson process whose rate follows the day curve, drawn one simulated minute at a time
from a generator seeded by (seed, minute). A minute's calls are therefore the same whatever time the
simulation started and however it is stepped. Types follow the taxonomy's daily frequencies (police
and non-police about 2:1); places are drawn station by station in proportion to the people living in
each station's area, then near a named place of that area (within 450 m, inside the area), so that the
address names a place a caller would name ("天河城东侧约200米"), never one kilometres away.
"""

from __future__ import annotations

import bisect
import heapq
import time
from dataclasses import dataclass

import numpy as np
import shapely

from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City, Landmark, LandmarkKind, plane_latlon, plane_xy
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.events import IncidentCreated
from dispatch_desktop.sim.daycurve import GUANGZHOU_UTC_OFFSET_MS, relative_rate

MINUTE_MS = 60_000
NEVER = 2**62  # a time after any simulation ends
_SALT_CALLS = 0xCA11
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁宋郑谢韩唐冯许邓曾彭萧蔡潘田董袁"
_MOBILE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "158", "159",
                    "176", "177", "180", "186", "188", "189", "199")
NEAR_M = 500.0  # a simulated call's address names a place at most this far away
_SPREAD_M = 450.0  # how far from its place a call is drawn: inside NEAR_M with room for rounding
_RIGHT_THERE_M = 50.0  # closer than this, the address says "附近" instead of a side and a distance
_SIDES = ("北", "东北", "东", "东南", "南", "西南", "西", "西北")  # by bearing, every 45° from north


@dataclass(frozen=True)
class Call:
    """A call that rings at ``call_ms`` and that a call-taker would have entered by ``entered_ms``.

    ``body`` is the incident as the call-taker enters it; its ``incident`` is the call's id (``call_id``)
    until the desk that takes the call gives the incident a number of its own (``domain.intake``)."""

    call_ms: int
    entered_ms: int
    body: IncidentCreated
    index: int  # its place among its minute's calls

    @property
    def id(self) -> str:
        return self.body.incident


class CallModel:
    """The city-dependent parts of drawing a call: types, stations, places, addresses."""

    def __init__(self, city: City, *, incidents_per_day: float | None = None) -> None:
        if not city.stations:
            raise ValueError("the city has no stations: calls cannot be placed")
        self.city = city
        self.types = taxonomy.INCIDENT_TYPES
        daily = np.array([t.daily for t in self.types], dtype=np.float64)
        self.type_cumulative = np.cumsum(daily / daily.sum()).tolist()
        self.per_day = float(daily.sum() if incidents_per_day is None else incidents_per_day)
        if self.per_day < 0:
            raise ValueError(f"incidents per day must not be negative, got {self.per_day}")
        population = np.array([max(s.population, 1) for s in city.stations], dtype=np.float64)
        self.station_cumulative = np.cumsum(population / population.sum()).tolist()
        self.station_shapes = [s.shape for s in city.stations]
        # What callers name: the shipped and generated places, and the police stations themselves
        # for an area that has no other place.
        stations = [p for p in city.gazetteer if p.kind is LandmarkKind.STATION]
        self.places: list[Landmark] = [*city.places, *city.landmarks, *stations]
        lat = np.array([p.lat for p in self.places], dtype=np.float64)
        lon = np.array([p.lon for p in self.places], dtype=np.float64)
        self.place_x, self.place_y = plane_xy(lat, lon)
        own = {p.id: i for i, p in enumerate(self.places)}
        self.station_places = [
            self._places_in(shape, lat, lon, own[station.id])
            for shape, station in zip(self.station_shapes, city.stations, strict=True)
        ]
        self.district_names = {d.adcode: d.name for d in city.districts}

    def _places_in(self, shape: shapely.Geometry, lat: np.ndarray, lon: np.ndarray, own: int) -> np.ndarray:
        """Indexes of the places a call in this station's area is drawn near: those inside the area
        other than police stations, else the station itself."""
        inside = np.flatnonzero(shapely.contains_xy(shape, lon, lat)).tolist()
        named = [i for i in inside if self.places[i].kind is not LandmarkKind.STATION]
        return np.array(named or [own], dtype=np.intp)

    def expected(self, minute_start_ms: int) -> float:
        """Expected calls in the minute starting at ``minute_start_ms``."""
        middle = minute_start_ms + MINUTE_MS // 2
        return self.per_day / 1440.0 * float(relative_rate(middle))

    def point_in_station(self, rng: np.random.Generator, station: int) -> tuple[float, float]:
        """A point of the station's area within ``NEAR_M`` of one of its named places, drawn
        uniformly around a place picked uniformly among them: people call from where things are."""
        shape = self.station_shapes[station]
        candidates = self.station_places[station]
        place = int(candidates[int(rng.integers(candidates.size))])
        x0, y0 = float(self.place_x[place]), float(self.place_y[place])
        for _ in range(50):
            reach = _SPREAD_M * np.sqrt(rng.random(8))  # sqrt: uniform over the disc, not crowded at its centre
            angle = 2.0 * np.pi * rng.random(8)
            lat, lon = plane_latlon(x0 + reach * np.sin(angle), y0 + reach * np.cos(angle))
            lat, lon = np.round(lat, 6), np.round(lon, 6)
            inside = np.flatnonzero(shapely.contains_xy(shape, lon, lat))
            if inside.size:
                return float(lat[inside[0]]), float(lon[inside[0]])
        chosen = self.places[place]  # on a sliver of the area the darts keep missing: the place itself
        return chosen.lat, chosen.lon

    def address(self, lat: float, lon: float, district: str) -> str:
        """"天河区天河城东侧约200米": the nearest named place, with where the point lies from it
        ("附近" when it is right there)."""
        if not self.places:
            return self.district_names.get(district, "")
        x, y = plane_xy(lat, lon)
        dx = float(x) - self.place_x
        dy = float(y) - self.place_y
        nearest = int(np.argmin(dx * dx + dy * dy))
        place = self.places[nearest]
        distance = float(np.hypot(dx[nearest], dy[nearest]))
        district_name = self.district_names.get(place.district, "")
        where = place.name if place.name.startswith(district_name) else f"{district_name}{place.name}"
        if distance < _RIGHT_THERE_M:
            return f"{where}附近"
        bearing = float(np.degrees(np.arctan2(dx[nearest], dy[nearest]))) % 360.0  # clockwise from north
        side = _SIDES[round(bearing / 45.0) % len(_SIDES)]
        far = f"{distance / 1000:.1f}公里" if distance >= 1000 else f"{int(round(distance, -1))}米"
        return f"{where}{side}侧约{far}"

    def draw(self, rng: np.random.Generator, call_ms: int, incident_id: str) -> IncidentCreated:
        u_type, u_station, u_prefix, u_number, u_surname, u_title = rng.random(6).tolist()
        kind = self.types[min(bisect.bisect_right(self.type_cumulative, u_type), len(self.types) - 1)]
        station_index = min(bisect.bisect_right(self.station_cumulative, u_station), len(self.city.stations) - 1)
        station = self.city.stations[station_index]
        lat, lon = self.point_in_station(rng, station_index)
        number = f"{_MOBILE_PREFIXES[int(u_prefix * len(_MOBILE_PREFIXES))]}{int(u_number * 10**8):08d}"
        name = f"{_SURNAMES[int(u_surname * len(_SURNAMES))]}{'先生' if u_title < 0.5 else '女士'}"
        non_police = kind.category is Category.NON_POLICE
        return IncidentCreated(
            incident=incident_id,
            call_time=call_ms,
            caller_number=number,
            lat=lat,
            lon=lon,
            address=self.address(lat, lon, station.district),
            district=station.district,
            station=station.id,
            incident_type=kind.code,
            priority=kind.priority,
            category=kind.category,
            department=kind.department.value if non_police and kind.department else "",
            caller_name=name,
            description=f"报警人{name}称：{kind.name_zh}。",
        )


def call_id(prefix: str, minute_start_ms: int, index: int) -> str:
    """"C202611221530-07": the call's local minute and its place in that minute, after ``prefix``; the
    same call always gets the same id, and a prefix of the run keeps a restarted simulator, whose clock
    may revisit minutes an earlier, faster run already rang, from reusing one."""
    local = time.gmtime((minute_start_ms + GUANGZHOU_UTC_OFFSET_MS) // 1000)
    return f"{prefix}{time.strftime('%Y%m%d%H%M', local)}-{index:02d}"


class CallStream:
    """Calls in the order they ring, from ``start_ms`` on, generated a minute at a time."""

    def __init__(
        self,
        model: CallModel,
        *,
        seed: int,
        start_ms: int,
        intake_delay_s: tuple[float, float] = (30.0, 90.0),
        id_prefix: str = "C",
    ) -> None:
        self.model = model
        self.seed = seed
        self.start_ms = start_ms
        self.intake_delay_s = intake_delay_s
        self.id_prefix = id_prefix
        self._next_minute = start_ms - start_ms % MINUTE_MS
        self._queue: list[tuple[int, str, Call]] = []
        self._fill()

    def minute(self, minute_start_ms: int) -> list[Call]:
        """The calls of one minute (those before the stream's start included)."""
        rng = np.random.default_rng([self.seed, _SALT_CALLS, minute_start_ms // MINUTE_MS])
        count = int(rng.poisson(self.model.expected(minute_start_ms)))
        offsets = np.sort(rng.integers(0, MINUTE_MS, count))
        lo, hi = self.intake_delay_s
        calls = []
        for index, offset in enumerate(offsets.tolist()):
            call_ms = minute_start_ms + offset
            body = self.model.draw(rng, call_ms, call_id(self.id_prefix, minute_start_ms, index))
            entered = call_ms + int(1000 * (lo + (hi - lo) * rng.random()))
            calls.append(Call(call_ms=call_ms, entered_ms=entered, body=body, index=index))
        return calls

    def next_time(self) -> int:
        return self._queue[0][0] if self._queue else NEVER

    def pop(self) -> Call:
        call = heapq.heappop(self._queue)[2]
        self._fill()
        return call

    def _fill(self) -> None:
        # A call rings inside its own minute, so once the next minute to draw starts after the earliest
        # queued call, nothing not yet drawn can come before it.
        while (self._queue and self._next_minute <= self._queue[0][0]) or (
            not self._queue and self.model.per_day > 0
        ):
            for call in self.minute(self._next_minute):
                if call.call_ms >= self.start_ms:
                    heapq.heappush(self._queue, (call.call_ms, call.id, call))
            self._next_minute += MINUTE_MS
