"""Generated plans and incidents, to measure the matcher at scale and check it against the plain loop.

The plans are random but valid triggers over the real reference (types, districts, stations, places),
with every kind of area, time windows that run past midnight, and keywords; the incidents fall near the
places (so place and polygon areas are hit) at random times of a week. Deterministic for a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from emergency_plans.model import WEEKDAYS, Area, PlaceArea, Plan, Step, TimeWindow, Trigger
from emergency_plans.reference import Reference

WORDS = ("持刀", "砍人", "公交", "地铁", "孩子", "台风", "积水", "聚集", "纵火", "爆炸", "人质", "打架")
FILLER = ("报警人称", "现场有人", "请求支援", "附近", "情况紧急", "已离开")
WEEK_MS = 7 * 24 * 3600 * 1000
MONDAY_MS = 1_764_518_400_000  # 2025-12-01 00:00 in Guangzhou (a Monday), the generated week's start


@dataclass(frozen=True)
class SyntheticIncident:
    """Has what ``matching.IncidentFacts`` reads."""

    incident_type: str
    priority: int
    district: str
    station: str
    lat: float
    lon: float
    description: str
    call_time: int


def generate_plans(count: int, reference: Reference, seed: int = 1) -> list[Plan]:
    rng = random.Random(seed)
    types = sorted(reference.incident_types)
    return [Plan(id=f"generated_{index:04d}", version=1, title=f"Generated plan {index}",
                 trigger=_trigger(rng, types, reference), steps=(Step(id="first", text="First step"),))
            for index in range(count)]


def _trigger(rng: random.Random, types: list[str], reference: Reference) -> Trigger:
    windows: tuple[TimeWindow, ...] = ()
    if rng.random() < 0.3:
        start, end = rng.sample(range(0, 24 * 60, 30), 2)  # either order: some run past midnight
        days = tuple(day for day in WEEKDAYS if rng.random() < 0.7) or WEEKDAYS
        windows = (TimeWindow(from_=_clock(start), to=_clock(end), days=days),)
    keywords = tuple(rng.sample(WORDS, rng.randint(1, 3))) if rng.random() < 0.3 else ()
    return Trigger(incident_types=tuple(rng.sample(types, rng.randint(1, 3))), min_priority=rng.randint(1, 4),
                   area=_area(rng, reference), time_windows=windows, keywords=keywords)


def _area(rng: random.Random, reference: Reference) -> Area:
    kind = rng.random()
    if kind < 0.1:
        return Area()
    if kind < 0.4:
        return Area(districts=tuple(rng.sample(sorted(reference.districts), rng.randint(1, 2))))
    if kind < 0.6:
        return Area(stations=tuple(rng.sample(sorted(reference.stations), rng.randint(1, 3))))
    places = sorted(reference.places)
    if kind < 0.85:
        return Area(places=tuple(PlaceArea(place=place, radius_m=float(rng.randrange(300, 1500, 100)))
                                 for place in rng.sample(places, rng.randint(1, 2))))
    centre = reference.places[rng.choice(places)]
    size = rng.uniform(0.003, 0.015)
    ring = ((centre.lat - size, centre.lon - size), (centre.lat - size, centre.lon + size),
            (centre.lat + size, centre.lon))
    return Area(polygons=(ring,))


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def generate_incidents(count: int, reference: Reference, types: list[str], seed: int = 2) -> list[SyntheticIncident]:
    """Incidents of ``types`` within about a kilometre of the places, at random times of one week."""
    rng = random.Random(seed)
    places = sorted(reference.places.values(), key=lambda place: place.id)
    stations_of: dict[str, list[str]] = {}
    for station, adcode in sorted(reference.stations.items()):
        stations_of.setdefault(adcode, []).append(station)
    incidents = []
    for _ in range(count):
        place = rng.choice(places)
        words = [rng.choice(FILLER), *(rng.sample(WORDS, 1) if rng.random() < 0.5 else ())]
        incidents.append(SyntheticIncident(
            incident_type=rng.choice(types), priority=rng.randint(1, 4), district=place.district,
            station=rng.choice(stations_of.get(place.district, [""])),
            lat=place.lat + rng.uniform(-0.01, 0.01), lon=place.lon + rng.uniform(-0.01, 0.01),
            description="，".join(words), call_time=MONDAY_MS + rng.randrange(WEEK_MS)))
    return incidents
