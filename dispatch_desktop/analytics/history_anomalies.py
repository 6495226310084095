"""What departs from the normal in the generated history, drawn before a single incident: large events at
the city's stadiums, squares and exhibition halls, and injected anomalies (three-hour surges in a district,
multi-day rises in a station area). Each is an ``Anomaly``; together they are the ground truth the
statistics are scored against.

Each local day draws its own from a generator seeded by (seed, purpose, day), so a day's anomalies do not
depend on where the span starts. Every anomaly starts on a slot boundary and lasts whole slots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from dispatch_desktop.analytics.counts import Area, AreaKind
from dispatch_desktop.analytics.history_calendar import DAY_CURVE, SLOT_MS, local_midnight_slot

if TYPE_CHECKING:
    from dispatch_desktop.domain.city import City, Landmark

SURGES_PER_WEEK = 1.5  # citywide: a district's three-hour surge of +30 %..+80 %
SURGE_HOURS = 3
SURGE_FACTOR = (1.3, 1.8)
OUTBREAKS_PER_WEEK = 0.5  # citywide: a station area's rise over two to five days (a theft spree, a feud)
OUTBREAK_DAYS = (2, 5)
OUTBREAK_FACTOR = (1.5, 2.5)
EVENTS_PER_MONTH = 4.0  # concerts and matches at a stadium, fairs at the exhibition halls, square festivals
_SALT = 0xA40A


@dataclass(frozen=True)
class Anomaly:
    area: Area
    start_ms: int
    end_ms: int
    factor: float  # multiplies the normal rate, e.g. 1.3 (a +30 % surge)
    kind: str  # "surge" | "event" (a large event: concert, match, fair) | "outbreak"

    def covers(self, slot: int) -> bool:
        return self.start_ms <= slot * SLOT_MS < self.end_ms


@dataclass(frozen=True)
class Venue:
    """Where large events happen: its station area, when they start, how long and how much they add."""

    station: str
    start_hours: tuple[int, ...]  # local hours an event may start at
    hours: tuple[int, int]  # shortest and longest, inclusive
    factor: tuple[float, float]
    weight: float  # how often, relative to the other venues


_KINDS = {  # landmark kind -> (start hours, durations, factor, weight): evening matches, daytime fairs
    "stadium": ((18, 19), (3, 5), (3.0, 6.0), 3.0),
    "square": ((17, 18, 19), (3, 4), (2.0, 4.0), 1.0),
}
_FAIR = ((9, 10), (5, 7), (2.0, 4.0), 3.0)


def venues(city: City) -> tuple[Venue, ...]:
    """The well-known stadiums and squares and the exhibition halls (广交会展馆) of the city."""
    found: list[Venue] = []
    for place in city.places:
        spec = _FAIR if "展" in place.name else _KINDS.get(place.kind.value)
        station = _station_of(city, place)
        if spec is not None and station:
            found.append(Venue(station, *spec))
    return tuple(found)


def _station_of(city: City, place: Landmark) -> str:
    station = city.station_at(place.lat, place.lon)
    return station.id if station is not None else ""


def draw_anomalies(city: City, seed: int, first_day: date, days: int) -> tuple[Anomaly, ...]:
    """Every anomaly of the days, sorted by start; each ends by the span's end."""
    district_codes = [d.adcode for d in city.districts]
    district_p = np.array([d.population for d in city.districts], dtype=np.float64)
    district_p /= district_p.sum()
    station_ids = [s.id for s in city.stations]
    station_p = np.array([max(s.population, 1) for s in city.stations], dtype=np.float64)
    station_p /= station_p.sum()
    places = venues(city)
    venue_p = np.array([v.weight for v in places], dtype=np.float64)
    hour_p = DAY_CURVE / DAY_CURVE.sum()  # surges come when people are about, not at 4 am
    span_end = (local_midnight_slot(first_day) + 24 * days) * SLOT_MS
    out: list[Anomaly] = []
    for ordinal in range(first_day.toordinal(), first_day.toordinal() + days):
        rng = np.random.default_rng([seed, _SALT, ordinal])
        midnight = local_midnight_slot(date.fromordinal(ordinal))

        def add(area: Area, start_slot: int, hours: int, factor: float, what: str) -> None:
            end = min((start_slot + hours) * SLOT_MS, span_end)
            out.append(Anomaly(area, start_slot * SLOT_MS, end, round(factor, 3), what))

        for _ in range(int(rng.poisson(SURGES_PER_WEEK / 7))):
            district = district_codes[int(rng.choice(len(district_codes), p=district_p))]
            hour = int(rng.choice(24, p=hour_p))
            factor = float(rng.uniform(*SURGE_FACTOR))
            add(Area(AreaKind.DISTRICT, district), midnight + hour, SURGE_HOURS, factor, "surge")
        for _ in range(int(rng.poisson(OUTBREAKS_PER_WEEK / 7))):
            station = station_ids[int(rng.choice(len(station_ids), p=station_p))]
            hours = 24 * int(rng.integers(OUTBREAK_DAYS[0], OUTBREAK_DAYS[1] + 1))
            add(Area(AreaKind.STATION, station), midnight + int(rng.integers(0, 24)), hours,
                float(rng.uniform(*OUTBREAK_FACTOR)), "outbreak")
        if not places:
            continue
        for _ in range(int(rng.poisson(EVENTS_PER_MONTH * 12 / 365.25))):
            venue = places[int(rng.choice(len(places), p=venue_p / venue_p.sum()))]
            hour = venue.start_hours[int(rng.integers(len(venue.start_hours)))]
            hours = int(rng.integers(venue.hours[0], venue.hours[1] + 1))
            factor = float(rng.uniform(*venue.factor))
            add(Area(AreaKind.STATION, venue.station), midnight + hour, hours, factor, "event")
    return tuple(sorted((a for a in out if a.end_ms > a.start_ms), key=lambda a: (a.start_ms, a.area)))
