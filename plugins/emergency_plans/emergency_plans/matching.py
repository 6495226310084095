"""Which plans an incident matches, most specific first.

A plan matches when the incident's type is one of its trigger's types, its priority is at least as urgent
as ``min_priority``, it lies in the trigger's area (any of its districts, stations, places within their
radius, polygons; no area is anywhere), its call time falls in one of the time windows (local time of
the command center; none means always), and its description holds one of the keywords (none means no
word is needed).

Ranking, most specific first: the narrowest part of the area that holds the incident (a place or a
polygon, then a station, then a district, then anywhere); then a plan that needed a keyword; one limited
to time windows; a stricter priority; fewer incident types; last the plan id, so the order is stable.

``PlanMatcher`` indexes the plans by incident type and, within a type, by district, station and the
bounding box of places and polygons, so an incident is only tested against the plans that could match it;
``match_by_loop`` tests every plan (the baseline the bench compares with, and the test's oracle).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from emergency_plans.geo import BBox, circle_bbox, distance_m, in_bbox, in_ring, ring_bbox
from emergency_plans.model import WEEKDAYS, Plan, TimeWindow
from emergency_plans.reference import Reference

COMMAND_CENTER_ZONE = ZoneInfo("Asia/Shanghai")

PLACE, STATION, DISTRICT, ANYWHERE = 3, 2, 1, 0
"""How narrow the part of the area that holds the incident is."""


class IncidentFacts(Protocol):
    """What matching reads of an incident: ``api.Incident`` and the ``incident_created`` body have it."""

    @property
    def incident_type(self) -> str: ...
    @property
    def priority(self) -> int: ...
    @property
    def district(self) -> str: ...
    @property
    def station(self) -> str: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def description(self) -> str: ...
    @property
    def call_time(self) -> int: ...


@dataclass(frozen=True)
class PlanMatch:
    plan: Plan
    where: str  # the part of the area that holds the incident: "place:<id>", "polygon:<n>", "station:<id>",
    #             "district:<adcode>" or "anywhere"
    keyword: str  # the keyword found in the description ("" if the plan needs none)
    rank: tuple[int, ...]  # larger is more specific


@dataclass(frozen=True)
class _Circle:
    place: str
    lat: float
    lon: float
    radius_m: float


@dataclass(frozen=True)
class _Compiled:
    """A plan's trigger in the form that is quick to test."""

    plan: Plan
    types: frozenset[str]
    min_priority: int
    districts: frozenset[str]
    stations: frozenset[str]
    circles: tuple[_Circle, ...]
    polygons: tuple[tuple[BBox, tuple[tuple[float, float], ...]], ...]
    anywhere: bool
    windows: tuple[TimeWindow, ...]
    keywords: tuple[str, ...]  # case-folded

    @property
    def geo_boxes(self) -> tuple[BBox, ...]:
        return (*(circle_bbox(c.lat, c.lon, c.radius_m) for c in self.circles), *(box for box, _ in self.polygons))

    def match(self, incident: IncidentFacts, weekday: int, minute: int, description: str) -> PlanMatch | None:
        if incident.priority > self.min_priority or incident.incident_type not in self.types:
            return None
        if self.windows and not any(_in_window(window, weekday, minute) for window in self.windows):
            return None
        keyword = next((word for word in self.keywords if word in description), "")
        if self.keywords and not keyword:
            return None
        where, narrowness = self._where(incident)
        if not where:
            return None
        rank = (narrowness, int(bool(self.keywords)), int(bool(self.windows)), 4 - self.min_priority,
                -len(self.types))
        return PlanMatch(self.plan, where, keyword, rank)

    def _where(self, incident: IncidentFacts) -> tuple[str, int]:
        lat, lon = incident.lat, incident.lon
        for circle in self.circles:
            if distance_m(lat, lon, circle.lat, circle.lon) <= circle.radius_m:
                return f"place:{circle.place}", PLACE
        for index, (box, ring) in enumerate(self.polygons):
            if in_bbox(lat, lon, box) and in_ring(lat, lon, ring):
                return f"polygon:{index}", PLACE
        if incident.station in self.stations:
            return f"station:{incident.station}", STATION
        if incident.district in self.districts:
            return f"district:{incident.district}", DISTRICT
        return ("anywhere", ANYWHERE) if self.anywhere else ("", 0)


def _in_window(window: TimeWindow, weekday: int, minute: int) -> bool:
    """A window that runs past midnight belongs to the day it starts on."""
    start, end = window.start_minute, window.end_minute
    if start < end:
        return WEEKDAYS[weekday] in window.days and start <= minute < end
    return ((WEEKDAYS[weekday] in window.days and minute >= start)
            or (WEEKDAYS[(weekday - 1) % 7] in window.days and minute < end))


def compile_plan(plan: Plan, reference: Reference) -> _Compiled:
    """Places are looked up in ``reference`` (an unknown place, which the library refuses, never matches)."""
    area = plan.trigger.area
    circles = tuple(_Circle(p.place, reference.places[p.place].lat, reference.places[p.place].lon, p.radius_m)
                    for p in area.places if p.place in reference.places)
    polygons = tuple((ring_bbox(ring), tuple(ring)) for ring in area.polygons)
    return _Compiled(plan, frozenset(plan.trigger.incident_types), plan.trigger.min_priority,
                     frozenset(area.districts), frozenset(area.stations), circles, polygons, area.anywhere,
                     plan.trigger.time_windows, tuple(word.casefold() for word in plan.trigger.keywords))


def _local(at_ms: int, zone: ZoneInfo) -> tuple[int, int]:
    local = datetime.fromtimestamp(at_ms / 1000.0, zone)
    return local.weekday(), local.hour * 60 + local.minute


def _ranked(matches: Iterable[PlanMatch]) -> list[PlanMatch]:
    by_id = sorted(matches, key=lambda match: match.plan.id)
    return sorted(by_id, key=lambda match: match.rank, reverse=True)


def match_by_loop(compiled: Sequence[_Compiled], incident: IncidentFacts, zone: ZoneInfo = COMMAND_CENTER_ZONE,
                  at_ms: int | None = None) -> list[PlanMatch]:
    """Every plan tested in turn: the baseline, and what the index must agree with."""
    weekday, minute = _local(incident.call_time if at_ms is None else at_ms, zone)
    description = incident.description.casefold()
    return _ranked(m for plan in compiled if (m := plan.match(incident, weekday, minute, description)) is not None)


@dataclass
class _TypeBucket:
    anywhere: list[_Compiled]
    by_district: dict[str, list[_Compiled]]
    by_station: dict[str, list[_Compiled]]
    geo: list[tuple[BBox, _Compiled]]


class PlanMatcher:
    """The plans indexed for matching one new incident at a time."""

    def __init__(self, plans: Iterable[Plan], reference: Reference, zone: ZoneInfo = COMMAND_CENTER_ZONE) -> None:
        self.zone = zone
        self.compiled = tuple(compile_plan(plan, reference) for plan in plans)
        self._buckets: dict[str, _TypeBucket] = {}
        for plan in self.compiled:
            for incident_type in plan.types:
                bucket = self._buckets.setdefault(incident_type, _TypeBucket([], {}, {}, []))
                if plan.anywhere:
                    bucket.anywhere.append(plan)
                for adcode in plan.districts:
                    bucket.by_district.setdefault(adcode, []).append(plan)
                for station in plan.stations:
                    bucket.by_station.setdefault(station, []).append(plan)
                bucket.geo += [(box, plan) for box in plan.geo_boxes]

    def match(self, incident: IncidentFacts, at_ms: int | None = None) -> list[PlanMatch]:
        """The plans ``incident`` matches, most specific first; its time is its call time unless ``at_ms``."""
        bucket = self._buckets.get(incident.incident_type)
        if bucket is None:
            return []
        candidates = {id(plan): plan for plan in bucket.anywhere}
        candidates.update((id(plan), plan) for plan in bucket.by_district.get(incident.district, ()))
        candidates.update((id(plan), plan) for plan in bucket.by_station.get(incident.station, ()))
        candidates.update((id(plan), plan) for box, plan in bucket.geo if in_bbox(incident.lat, incident.lon, box))
        if not candidates:
            return []
        weekday, minute = _local(incident.call_time if at_ms is None else at_ms, self.zone)
        description = incident.description.casefold()
        return _ranked(m for plan in candidates.values()
                       if (m := plan.match(incident, weekday, minute, description)) is not None)
