"""A small hand-computed fixture for the monthly station review: five real stations of the default city, a
``HourlyCounts`` of their incidents built by hand (shaped as ``analytics.counts`` fixes it, with ``monthly``),
and the figures a person works out on paper. Shared by the review's core, command-line and desk tests."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import msgspec
import numpy as np

from dispatch_desktop.analytics.counts import Area, AreaKind
from dispatch_desktop.analytics.review import SLOT_MS, month_start_ms
from dispatch_desktop.api.reference import default_city
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City, Station
from dispatch_desktop.domain.enums import Category


@dataclass(frozen=True)
class HandCounts:
    """``analytics.counts.HourlyCounts`` as far as the review reads it (the real one: test_review_cli)."""

    first_slot: int
    areas: tuple[Area, ...]
    valid: np.ndarray

    @property
    def slots(self) -> int:
        return int(self.valid.shape[1])

    def row(self, area: Area) -> int:
        return self.areas.index(area)


# (this month 2026-11, last month 2026-10, a year ago 2025-11), by the five stations taken in order
FIGURES = ((30, 20, 25), (112, 100, 80), (8, 5, 10), (40, 50, 0), (15, 5, 20))
LETTERS = "ABCDE"


@functools.cache
def five_station_city() -> City:
    """The default city cut down to five stations of two districts (the review covers every station of it)."""
    city = default_city()
    districts = [district.adcode for district in city.districts[:2]]
    stations = (*city.stations_of(districts[0])[:3], *city.stations_of(districts[1])[:2])
    return msgspec.structs.replace(city, stations=stations)


def station_ids() -> dict[str, str]:
    """Letter -> station id: A is the first of the five stations, E the last."""
    return dict(zip(LETTERS, (station.id for station in five_station_city().stations), strict=True))


def hand_counts(first_month: str = "2025-11", until_ms: int | None = None,
                figures: tuple[tuple[int, int, int], ...] = FIGURES) -> HandCounts:
    """Counts from local midnight of ``first_month`` until ``until_ms`` (default: 2026-12-01), each station's
    incidents of a month put at noon of its first days, one a day (two where a month needs more than 28)."""
    first_slot = month_start_ms(first_month) // SLOT_MS
    last_slot = (until_ms or month_start_ms("2026-12")) // SLOT_MS
    stations = five_station_city().stations
    areas = tuple(Area(AreaKind.STATION, station.id) for station in stations)
    valid = np.zeros((len(areas), last_slot - first_slot), np.int32)
    for row, per_month in enumerate(figures):
        for month, count in zip(("2026-11", "2026-10", "2025-11"), per_month, strict=True):
            noon = (month_start_ms(month) + 12 * SLOT_MS) // SLOT_MS
            for incident in range(count):
                column = noon + (incident % 28) * 24 - first_slot
                if 0 <= column < valid.shape[1]:
                    valid[row, column] += 1
    return HandCounts(first_slot, areas, valid)


def hand_log_events(source: str = "ws-1") -> list[ev.Envelope]:
    """The fixture's incidents as ``incident_created`` events, stamped at their call time, plus one on
    2026-12-02 so that November ends inside the log (the counts span from the first to the last incident)."""
    stations = five_station_city().stations
    called: list[tuple[int, Station]] = []
    for station, per_month in zip(stations, FIGURES, strict=True):
        for month, count in zip(("2026-11", "2026-10", "2025-11"), per_month, strict=True):
            noon = month_start_ms(month) + 12 * SLOT_MS
            called += [(noon + (incident % 28) * 86_400_000 + incident // 28 * 60_000, station)
                       for incident in range(count)]
    called.append((month_start_ms("2026-12") + 36 * SLOT_MS, stations[0]))
    events = []
    for seq, (call_time, station) in enumerate(sorted(called, key=lambda item: item[0]), start=1):
        body = ev.IncidentCreated(
            incident=f"J-{seq:08d}", call_time=call_time, caller_number="13800000000", lat=station.lat,
            lon=station.lon, address=station.name, district=station.district, station=station.id,
            incident_type="theft", priority=3, category=Category.POLICE)
        events.append(ev.envelope(source, seq, body, call_time + 60_000, t_hub=call_time + 60_000))
    return events
