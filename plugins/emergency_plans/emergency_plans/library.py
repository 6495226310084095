"""The plan library: a directory of YAML plans (one plan a file), loaded and checked.

``emergency_plans.source`` reads each file into a ``Plan`` (YAML syntax, shape and ranges); this module
then checks what needs the whole plan, the city or the other plans: incident type codes, districts,
stations and places against a ``Reference``; ids unique within a plan and across the library; a
condition with exactly one key; ``steps_done`` naming steps of the plan without a cycle; an escalation
only on a step with a deadline; positions inside the service area. Every problem names the file, the line
and the field. A plan with a problem is left out of the library; the others load.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from emergency_plans.geo import in_bbox
from emergency_plans.model import Condition, LatLon, Plan
from emergency_plans.reference import Reference
from emergency_plans.source import Document, Path_, PlanProblem, convert, parse

SHIPPED_PLANS = Path(__file__).resolve().parent / "data" / "plans"
PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class PlanLibrary:
    plans: tuple[Plan, ...]  # the plans without a problem, by id
    files: Mapping[str, Path] = field(default_factory=dict)  # plan id -> its file
    problems: tuple[PlanProblem, ...] = ()


class PlanLibraryError(ValueError):
    """Plans that cannot be used; ``problems`` has one line each (file:line: field: what is wrong)."""

    def __init__(self, problems: Iterable[PlanProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def load_plan(text: str, file: str, reference: Reference | None = None) -> tuple[Plan | None, list[PlanProblem]]:
    """One plan from its YAML text; ``file`` is the name problems give. Without a reference, the codes,
    places and positions are not checked."""
    document, problems = parse(text, file)
    if document is None:
        return None, problems
    plan, shape_problems = convert(document)
    problems += shape_problems
    if plan is not None:
        problems += check_plan(plan, document, reference)
    return (plan if not problems else None), sorted(problems, key=lambda problem: problem.line)


def load_library(directory: Path, reference: Reference | None = None) -> PlanLibrary:
    """Every ``*.yaml`` plan of ``directory`` (not its subfolders), in file name order."""
    if not directory.is_dir():
        problem = PlanProblem(str(directory), 0, "", "is not a directory of plans (one *.yaml file a plan)")
        return PlanLibrary((), {}, (problem,))
    paths = sorted(path for path in directory.iterdir() if path.suffix in PLAN_SUFFIXES and path.is_file())
    if not paths:
        return PlanLibrary((), {}, (PlanProblem(str(directory), 0, "", "holds no *.yaml plan"),))
    plans: dict[str, Plan] = {}
    files: dict[str, Path] = {}
    problems: list[PlanProblem] = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = "is not UTF-8 text; save it as UTF-8" if isinstance(error, UnicodeDecodeError) else (
                f"cannot be read ({error.strerror or error})")
            problems.append(PlanProblem(path.name, 0, "", reason))
            continue
        plan, found = load_plan(text, path.name, reference)
        problems += found
        if plan is None:
            continue
        if plan.id in files:
            line = _id_line(text)
            problems.append(PlanProblem(path.name, line, "id", f'"{plan.id}" is already the id of the plan in '
                                        f"{files[plan.id].name}; give one of them another id"))
            continue
        plans[plan.id] = plan
        files[plan.id] = path
    return PlanLibrary(tuple(plans[plan_id] for plan_id in sorted(plans)), files, tuple(problems))


def load_shipped(reference: Reference | None = None) -> PlanLibrary:
    return load_library(SHIPPED_PLANS, reference)


def _id_line(text: str) -> int:
    document, _problems = parse(text, "")
    return document.line_of(("id",)) if document is not None else 0


# --- checks of a whole plan ----------------------------------------------------------------------------


def check_plan(plan: Plan, document: Document, reference: Reference | None) -> list[PlanProblem]:
    return [document.problem(path, message) for path, message in _plan_problems(plan, reference)]


def _plan_problems(plan: Plan, reference: Reference | None) -> Iterator[tuple[Path_, str]]:
    yield from _unique_ids("steps", [step.id for step in plan.steps])
    yield from _unique_ids("force_points", [point.id for point in plan.force_points])
    yield from _unique_ids("routes", [route.id for route in plan.routes])
    yield from _unique_ids("forces", [force.capability.value for force in plan.forces], key="capability",
                           advice="list each capability once, with the count of all of them")
    for index, window in enumerate(plan.trigger.time_windows):
        if window.from_ == window.to:
            yield (("trigger", "time_windows", index, "to"),
                   f'the window from {window.from_} to {window.to} is empty; for the whole day leave '
                   'time_windows out, or write from: "00:00", to: "24:00"')
    step_ids = {step.id for step in plan.steps}
    for index, step in enumerate(plan.steps):
        if step.done_when is not None:
            yield from _condition_problems(step.done_when, ("steps", index, "done_when"), step.id, step_ids)
        if step.escalate is not None and step.deadline is None:
            yield (("steps", index, "escalate"),
                   "an escalation is raised when the step is overdue: give the step a deadline too")
    yield from _cycles(plan)
    if plan.cordon is not None and (plan.cordon.radius_m is None) == (plan.cordon.polygon is None):
        yield ("cordon",), "give either radius_m (a circle around the incident) or polygon, not both or neither"
    if reference is not None:
        yield from _reference_problems(plan, reference)


def _unique_ids(list_name: str, ids: list[str], *, key: str = "id",
                advice: str = "each must be unique in the plan") -> Iterator[tuple[Path_, str]]:
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            yield (list_name, index, key), f'"{item_id}" is also {list_name}[{first[item_id]}]; {advice}'
        first.setdefault(item_id, index)


def _condition_problems(condition: Condition, path: Path_, step_id: str,
                        step_ids: set[str]) -> Iterator[tuple[Path_, str]]:
    keys = condition.keys_set
    if len(keys) != 1:
        yield path, (f"a condition has exactly one key; this one has {', '.join(keys)}: put them under all: "
                     "or any:" if keys else "a condition needs one key (dispatched, arrived, on_scene, …)")
        return
    for index, name in enumerate(condition.steps_done or ()):
        if name == step_id:
            yield (*path, "steps_done", index), f'a step cannot wait for itself ("{name}")'
        elif name not in step_ids:
            yield (*path, "steps_done", index), f'"{name}" is not a step of this plan{_close(name, step_ids)}'
    for key, nested in (("all", condition.all_of), ("any", condition.any_of)):
        for index, inner in enumerate(nested or ()):
            yield from _condition_problems(inner, (*path, key, index), step_id, step_ids)


def steps_waited_for(condition: Condition) -> set[str]:
    """Every step id ``condition`` names under ``steps_done``, however deeply nested."""
    names = set(condition.steps_done or ())
    for inner in (*(condition.all_of or ()), *(condition.any_of or ())):
        names |= steps_waited_for(inner)
    return names


def _cycles(plan: Plan) -> Iterator[tuple[Path_, str]]:
    """Steps that wait for each other in a ring can never tick themselves."""
    waits = {step.id: (steps_waited_for(step.done_when) if step.done_when else set()) - {step.id}
             for step in plan.steps}  # a step waiting for itself is reported on its own
    index_of = {step.id: index for index, step in enumerate(plan.steps)}
    reported: set[frozenset[str]] = set()
    for start in waits:
        ring = _ring_from(start, waits)
        if ring and frozenset(ring) not in reported and start == min(ring, key=index_of.__getitem__):
            reported.add(frozenset(ring))
            yield ((("steps", index_of[start], "done_when")),
                   f"steps_done make a cycle ({' → '.join([*ring, ring[0]])}): none of them could tick itself")


def _ring_from(start: str, waits: Mapping[str, set[str]]) -> list[str]:
    """A path of waits from ``start`` back to itself, if any (depth first)."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        step, path = stack.pop()
        for waited in sorted(waits.get(step, ())):
            if waited == start:
                return path
            if waited not in seen:
                seen.add(waited)
                stack.append((waited, [*path, waited]))
    return []


def _reference_problems(plan: Plan, reference: Reference) -> Iterator[tuple[Path_, str]]:
    trigger = plan.trigger
    for index, code in enumerate(trigger.incident_types):
        if code not in reference.incident_types:
            yield (("trigger", "incident_types", index),
                   f'"{code}" is not an incident type of the taxonomy{_close(code, reference.incident_types)}')
    area = ("trigger", "area")
    for index, adcode in enumerate(trigger.area.districts):
        if adcode not in reference.districts:
            known = ", ".join(f"{d.adcode} {d.name}" for d in reference.districts.values())
            yield (*area, "districts", index), f'"{adcode}" is not a district adcode; the districts are {known}'
    for index, station in enumerate(trigger.area.stations):
        if station not in reference.stations:
            yield ((*area, "stations", index),
                   f'"{station}" is not a station id (S-<adcode>-<NN>){_close(station, reference.stations)}')
    for index, place in enumerate(trigger.area.places):
        if place.place not in reference.places:
            named = [p.id for p in reference.places.values() if p.name == place.place]
            hint = f"; {place.place} is {' or '.join(named)}" if named else _close(place.place, reference.places)
            yield (*area, "places", index, "place"), f'"{place.place}" is not a place id of the city{hint}'
    if reference.service_area is not None:
        south, west, north, east = reference.service_area
        for path, (lat, lon) in _positions(plan):
            if not in_bbox(lat, lon, reference.service_area):
                yield path, (f"[{lat}, {lon}] is outside the service area (latitude {south:.2f} to {north:.2f}, "
                             f"longitude {west:.2f} to {east:.2f})")


def _positions(plan: Plan) -> Iterator[tuple[Path_, LatLon]]:
    for index, ring in enumerate(plan.trigger.area.polygons):
        yield from ((("trigger", "area", "polygons", index, vertex), point) for vertex, point in enumerate(ring))
    for index, point in enumerate(plan.force_points):
        yield ("force_points", index), (point.lat, point.lon)
    for index, route in enumerate(plan.routes):
        yield from ((("routes", index, "points", vertex), point) for vertex, point in enumerate(route.points))
    if plan.cordon is not None:
        yield from ((("cordon", "polygon", vertex), point) for vertex, point in enumerate(plan.cordon.polygon or ()))


def _close(word: str, known: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, list(known), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(matches)}?" if matches else ""
