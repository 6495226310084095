"""The incidents of the generated history, drawn in bulk: type, place, address, caller, numbers.

Writing a year means ~3.7 million incidents, so nothing here draws one at a time what numpy can draw for a
whole day. A place is one of ``POOL`` points of its station's area, each drawn once, near a named place,
with its address, by the simulator's own call model (``sim.calls.CallModel``): what a caller would say,
never a point kilometres from its address. The pool of a station depends only on the seed and the
station, so a day's incidents are the same whichever days were written before them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dispatch_desktop.analytics.history_calendar import LOCAL_OFFSET_MS
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.events import IncidentCreated
from dispatch_desktop.sim.calls import CallModel

POOL = 40
"""Points per station area that its incidents are placed at (a station's ~40 incidents a day spread over
them, as calls gather at the same streets and places)."""
WORKSTATION = "HIST"
"""The desk part of the generated incidents' numbers: J20261122-HIST-17."""
_SALT_POOL = 0x9001
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁宋郑谢韩唐冯许邓曾彭萧蔡潘田董袁"
_MOBILE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "158", "159",
                    "176", "177", "180", "186", "188", "189", "199")
_ENTERED_AFTER_MS = (30_000, 120_000)  # a call-taker enters the incident this long after the call


@dataclass(frozen=True)
class DayIncidents:
    """One local day's incidents as arrays, in call-time order."""

    call_ms: np.ndarray  # int64
    entered_ms: np.ndarray  # int64: when the desk created it (the event's time)
    station: np.ndarray  # station index
    kind: np.ndarray  # index into taxonomy.INCIDENT_TYPES
    place: np.ndarray  # index into the station's pool
    caller: np.ndarray  # int64: 8 digits of the number, prefix and surname and title folded in

    def __len__(self) -> int:
        return int(self.call_ms.shape[0])


class IncidentDrawer:
    """Draws a day's incidents from per-station, per-slot counts and turns them into event bodies."""

    def __init__(self, city: City, seed: int) -> None:
        self.city = city
        self.seed = seed
        self.model = CallModel(city)
        self.types = taxonomy.INCIDENT_TYPES
        daily = np.array([t.daily for t in self.types], dtype=np.float64)
        self.type_p = daily / daily.sum()
        self._pools: dict[int, list[tuple[float, float, str]]] = {}
        self._descriptions = [f"{t.name_zh}。" for t in self.types]
        self._departments = [t.department.value if t.category is Category.NON_POLICE and t.department else ""
                             for t in self.types]

    def draw(self, rng: np.random.Generator, first_slot: int, counts: np.ndarray) -> DayIncidents:
        """The incidents of ``counts`` (stations x slots from ``first_slot``), with times inside their slot."""
        stations, slots = np.nonzero(counts)
        repeat = counts[stations, slots]
        station = np.repeat(stations, repeat)
        slot = np.repeat(slots, repeat).astype(np.int64) + first_slot
        n = int(station.shape[0])
        call_ms = slot * 3_600_000 + rng.integers(0, 3_600_000, n)
        entered_ms = call_ms + rng.integers(*_ENTERED_AFTER_MS, n)
        kind = rng.choice(len(self.types), size=n, p=self.type_p)
        place = rng.integers(0, POOL, n)
        caller = rng.integers(0, 2**62, n)
        order = np.argsort(call_ms, kind="stable")
        return DayIncidents(call_ms[order], entered_ms[order], station[order], kind[order], place[order],
                            caller[order])

    def _pool(self, station: int) -> list[tuple[float, float, str]]:
        pool = self._pools.get(station)
        if pool is None:
            rng = np.random.default_rng([self.seed, _SALT_POOL, station])
            district = self.city.stations[station].district
            pool = []
            for _ in range(POOL):
                lat, lon = self.model.point_in_station(rng, station)
                pool.append((lat, lon, self.model.address(lat, lon, district)))
            self._pools[station] = pool
        return pool

    def bodies(self, day: DayIncidents, day_text: str, first_number: int = 1) -> list[IncidentCreated]:
        """The day's incidents as ``incident_created`` bodies, numbered from ``first_number`` in call order."""
        stations, types = self.city.stations, self.types
        departments, descriptions = self._departments, self._descriptions
        prefix = f"J{day_text}-{WORKSTATION}-"
        out = []
        for index, (call_ms, station_index, kind_index, place, caller) in enumerate(zip(
                day.call_ms.tolist(), day.station.tolist(), day.kind.tolist(), day.place.tolist(),
                day.caller.tolist(), strict=True)):
            station = stations[station_index]
            kind = types[kind_index]
            lat, lon, address = self._pool(station_index)[place]
            digits, rest = caller % 100_000_000, caller // 100_000_000
            name = f"{_SURNAMES[rest % len(_SURNAMES)]}{'先生' if rest // 64 % 2 else '女士'}"
            out.append(IncidentCreated(
                incident=f"{prefix}{first_number + index}",
                call_time=call_ms,
                caller_number=f"{_MOBILE_PREFIXES[rest // 128 % len(_MOBILE_PREFIXES)]}{digits:08d}",
                lat=lat, lon=lon, address=address,
                district=station.district, station=station.id,
                incident_type=kind.code, priority=kind.priority, category=kind.category,
                department=departments[kind_index],
                caller_name=name,
                description=f"报警人{name}称：{descriptions[kind_index]}",
                simulated=True,
            ))
        return out


def local_day_text(day_start_ms: int) -> str:
    """"20261122" for the local day starting at ``day_start_ms``."""
    return np.datetime_as_string(np.datetime64(day_start_ms + LOCAL_OFFSET_MS, "ms"), unit="D").replace("-", "")
