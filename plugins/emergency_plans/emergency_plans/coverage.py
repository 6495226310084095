"""Which trigger cells (incident type × district) the plans cover: overlaps and gaps.

A plan covers a cell when the type is one of its trigger's and its area reaches into the district: its
area is anywhere, or names the district, or a station of it, or a place in it, or a polygon with a
vertex in it. It covers the cell **wholly** when nothing narrows it there: the whole district (or
anywhere), at any time, with no keyword needed. Otherwise it covers the cell **partly** (around a
place, in one station's area, at night only…). A place's circle is counted in the place's district only.

``overlaps``: cells more than one plan covers (the matcher ranks them; the command center checks that the
ranking is what it meant). ``uncovered``: for the incident types the taxonomy flags for the rapid-response
team, the districts where no plan covers the type at all, and those where it is only partly covered.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from emergency_plans.model import Plan
from emergency_plans.reference import Reference

Cell = tuple[str, str]
"""(incident type code, district adcode)."""


@dataclass(frozen=True)
class CellCover:
    """How one plan covers one cell."""

    plan_id: str
    scope: str  # "whole district", "anywhere", "station S-…", "place P-… 800 m", "polygon 1"
    limits: tuple[str, ...]  # "07:00–23:00 mon,tue", "keywords 持刀 / 砍人" (a minimum priority is no limit:
    #                          the rapid-response types are all of the most urgent priority)

    @property
    def whole(self) -> bool:
        return self.scope in ("whole district", "anywhere") and not self.limits

    def __str__(self) -> str:
        return f"{self.plan_id} ({', '.join((self.scope, *self.limits))})"


@dataclass(frozen=True)
class Gap:
    incident_type: str
    none: tuple[str, ...]  # adcodes with no plan for the type
    partly: tuple[str, ...]  # adcodes with only partly covering plans


def coverage(plans: Iterable[Plan], reference: Reference) -> dict[Cell, tuple[CellCover, ...]]:
    cells: dict[Cell, list[CellCover]] = {}
    for plan in plans:
        limits = _limits(plan)
        for adcode, scope in _scopes(plan, reference):
            for incident_type in plan.trigger.incident_types:
                cells.setdefault((incident_type, adcode), []).append(CellCover(plan.id, scope, limits))
    return {cell: tuple(covers) for cell, covers in sorted(cells.items())}


def overlaps(cells: Mapping[Cell, tuple[CellCover, ...]]) -> dict[Cell, tuple[CellCover, ...]]:
    return {cell: covers for cell, covers in cells.items() if len({c.plan_id for c in covers}) > 1}


def uncovered(cells: Mapping[Cell, tuple[CellCover, ...]], reference: Reference) -> list[Gap]:
    """The rapid-response types' gaps, district by district (types fully covered everywhere left out)."""
    gaps = []
    for incident_type in reference.rapid_response_types:
        covers = {adcode: cells.get((incident_type, adcode), ()) for adcode in reference.districts}
        none = tuple(adcode for adcode, found in covers.items() if not found)
        partly = tuple(adcode for adcode, found in covers.items() if found and not any(c.whole for c in found))
        if none or partly:
            gaps.append(Gap(incident_type, none, partly))
    return gaps


def _scopes(plan: Plan, reference: Reference) -> Iterator[tuple[str, str]]:
    """(adcode, how the plan reaches it), one per district (the widest way when there are several)."""
    area = plan.trigger.area
    if area.anywhere:
        yield from ((adcode, "anywhere") for adcode in reference.districts)
        return
    found: dict[str, str] = {}
    for adcode in area.districts:
        found[adcode] = "whole district"
    for station in area.stations:
        if station in reference.stations:
            found.setdefault(reference.stations[station], f"station {station}")
    for place in area.places:
        if place.place in reference.places:
            found.setdefault(reference.places[place.place].district, f"place {place.place} {place.radius_m:g} m")
    for index, ring in enumerate(area.polygons):
        for lat, lon in ring:
            adcode = reference.district_at(lat, lon)
            if adcode:
                found.setdefault(adcode, f"polygon {index}")
    yield from sorted(found.items())


def _limits(plan: Plan) -> tuple[str, ...]:
    trigger = plan.trigger
    limits = []
    if trigger.time_windows:
        limits.append(" / ".join(f"{w.from_}–{w.to}" + ("" if len(w.days) == 7 else " " + ",".join(w.days))
                                 for w in trigger.time_windows))
    if trigger.keywords:
        limits.append("keywords " + " / ".join(trigger.keywords))
    return tuple(limits)
