"""A scenario file read and checked, with every problem at once as ``file:line: field: message``.

``domain.yaml_source`` reads the YAML into a ``Scenario`` (syntax, shape, ranges, the "+MM:SS" times); this
module then checks what needs the whole scenario or the city: exactly one kind per inject and one check per
expectation, unique ids, ``after`` naming an inject without a cycle, the injects and expectations naming
injects of the right kind, places the city's search finds (else the closest names), incident types and
departments of the taxonomy, stations, cameras and real units of the city, simulated unit ids that are no
real unit's, deadlines within the duration, no expectation asking for more units of a kind than the drill has.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.domain.yaml_source import Path_, Problem, Schema, convert, parse
from dispatch_desktop.drill.scenario import (
    FORMAT,
    PATTERN_NAMES,
    Call,
    Dispatched,
    Expectation,
    Inject,
    OnScene,
    Scenario,
    drill_ms,
    drill_time,
)

SHIPPED_SCENARIOS = Path(__file__).resolve().parent / "scenarios"
SCENARIO_FILE = Schema(Scenario, f"a drill scenario (a mapping of format: {FORMAT}, id, version, title, "
                                 "description, duration, units, injects, expectations)", PATTERN_NAMES)


class ScenarioError(ValueError):
    """A scenario that cannot be used; ``problems`` has one line each (file:line: field: what is wrong)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class CityCodes:
    """What a scenario is checked against: the city's places, stations, cameras and real units."""

    city: City

    def find_place(self, name: str) -> tuple[float, float] | None:
        found = self.city.search(name, limit=1)
        return (found[0].lat, found[0].lon) if found else None

    def closest_places(self, name: str) -> list[str]:
        names = {place.name for place in self.city.gazetteer}
        return difflib.get_close_matches(name, sorted(names), n=3, cutoff=0.4)


def load_scenario(text: str, file: str, city: City | None) -> tuple[Scenario | None, list[Problem]]:
    """One scenario from its YAML text; ``file`` is the name problems give. Without a city, places,
    stations, cameras and units are not checked (the taxonomy's codes always are)."""
    document, problems = parse(text, file, empty="the file is empty; a scenario starts with format: 1, "
                                                 "its id, version and title")
    if document is None:
        return None, problems
    scenario, shape_problems = convert(document, SCENARIO_FILE)
    problems += shape_problems
    if scenario is not None:
        codes = CityCodes(city) if city is not None else None
        problems += [document.problem(path, message) for path, message in _problems(scenario, codes)]
    return (scenario if not problems else None), sorted(problems, key=lambda problem: problem.line)


def load_file(path: Path, city: City | None) -> tuple[Scenario | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = "is not UTF-8 text; save it as UTF-8" if isinstance(error, UnicodeDecodeError) else (
            f"cannot be read ({error.strerror or error})")
        return None, [Problem(str(path), 0, "", reason)]
    return load_scenario(text, str(path), city)


def shipped_files() -> list[Path]:
    return sorted(SHIPPED_SCENARIOS.glob("*.yaml"))


# --- checks of a whole scenario ----------------------------------------------------------------------------


def _problems(scenario: Scenario, codes: CityCodes | None) -> Iterator[tuple[Path_, str]]:
    yield from _unique("injects", [inject.id for inject in scenario.injects])
    yield from _unique("expectations", [expectation.id for expectation in scenario.expectations])
    yield from _unique("units.simulated", [unit.id for unit in scenario.units.simulated], key="id")
    for index, inject in enumerate(scenario.injects):
        yield from _inject_problems(scenario, ("injects", index), inject, codes)
    yield from _cycles(scenario)
    offsets = scenario.planned_offsets()
    for index, inject in enumerate(scenario.injects):
        if inject.id in offsets and offsets[inject.id] > scenario.duration_ms:
            yield ("injects", index), (f"comes at {drill_time(offsets[inject.id])} of drill time, after the drill's "
                                       f"duration {scenario.duration}: inject it earlier or lengthen the duration")
    for index, expectation in enumerate(scenario.expectations):
        yield from _expectation_problems(scenario, ("expectations", index), expectation, offsets)
    if codes is not None:
        yield from _unit_problems(scenario, codes)


def _expectation_problems(scenario: Scenario, path: Path_, expectation: Expectation,
                          offsets: dict[str, int]) -> Iterator[tuple[Path_, str]]:
    kinds = expectation.kinds
    if len(kinds) != 1:
        yield path, (f"an expectation has exactly one check; this one has {', '.join(kinds)}" if kinds else
                     "an expectation needs one check: dispatched, on_scene, plan_activated, "
                     "referred_not_dispatched or closed")
        return
    if expectation.check.inject is not None:  # the deadline runs from any inject, the check needs a call's
        yield from _named_inject(scenario, (*path, "deadline", "inject"), expectation.deadline.inject)
        yield from _named_call(scenario, (*path, kinds[0], "inject"), expectation.check.inject)
    else:
        yield from _named_call(scenario, (*path, "deadline", "inject"), expectation.deadline.inject)
    department = getattr(expectation.check, "department", None)
    if department is not None and department not in set(taxonomy.Department):
        yield (*path, kinds[0], "department"), (f'"{department}" is not a department; the departments are '
                                                f"{', '.join(taxonomy.Department)}")
    start = offsets.get(expectation.deadline.inject)
    if start is not None and start + drill_ms(expectation.deadline.within) > scenario.duration_ms:
        yield (*path, "deadline", "within"), (
            f"the deadline falls at {drill_time(start + drill_ms(expectation.deadline.within))} of drill time, "
            f"after the drill's duration {scenario.duration}: shorten it or lengthen the duration")


def _inject_problems(scenario: Scenario, path: Path_, inject: Inject,
                     codes: CityCodes | None) -> Iterator[tuple[Path_, str]]:
    if (inject.at is None) == (inject.after is None):
        yield path, 'give either at: "+MM:SS" (after the start) or after: {inject: ID, delay: "+MM:SS"}, not both'
    if inject.after is not None:
        yield from _named_inject(scenario, (*path, "after", "inject"), inject.after.inject)
    kinds = inject.kinds
    if len(kinds) != 1:
        yield path, (f"an inject is exactly one thing; this one has {', '.join(kinds)}" if kinds else
                     "an inject needs one of call, unit_failure, field_record, sos, camera_dark")
        return
    units = {unit.id for unit in scenario.units.simulated} | set(scenario.units.enrolled)
    for kind in ("unit_failure", "field_record", "sos"):
        unit = getattr(getattr(inject, kind), "unit", None)
        if unit is not None and unit not in units:
            yield (*path, kind, "unit"), (f'"{unit}" is not a unit of this drill: list it under units.simulated '
                                          f"or units.enrolled{_close(unit, units)}")
    if inject.call is not None:
        yield from _call_problems((*path, "call"), inject.call, codes)
    if inject.field_record is not None:
        yield from _named_call(scenario, (*path, "field_record", "inject"), inject.field_record.inject)
    if (dark := inject.camera_dark) is not None:
        if (dark.camera is None) == (dark.near is None):
            yield (*path, "camera_dark"), "give either camera: (its id) or near: (an inject with a call), not both"
        elif dark.near is not None:
            yield from _named_call(scenario, (*path, "camera_dark", "near"), dark.near)
        elif codes is not None and dark.camera not in {camera.id for camera in codes.city.cameras}:
            yield (*path, "camera_dark", "camera"), f'"{dark.camera}" is not a camera of the city (C-<adcode>-<NNNNNN>)'


def _call_problems(path: Path_, call: Call, codes: CityCodes | None) -> Iterator[tuple[Path_, str]]:
    if not taxonomy.is_known(call.type):
        known = [kind.code for kind in taxonomy.INCIDENT_TYPES]
        yield (*path, "type"), f'"{call.type}" is not an incident type of the taxonomy{_close(call.type, known)}'
    if (call.place is None) == (call.position is None):
        yield path, "give either place: (a name the city's search finds) or position: [lat, lon], not both"
    elif call.place is not None and codes is not None and codes.find_place(call.place) is None:
        closest = codes.closest_places(call.place)
        hint = f"; the closest names are {', '.join(closest)}" if closest else ""
        yield (*path, "place"), f'"{call.place}" is not a place the city\'s search finds{hint}'
    elif call.position is not None and codes is not None and not codes.city.contains(*call.position):
        yield (*path, "position"), f"[{call.position[0]}, {call.position[1]}] is outside the city's districts"


def _unit_problems(scenario: Scenario, codes: CityCodes) -> Iterator[tuple[Path_, str]]:
    real = {unit.id for unit in codes.city.units}
    stations = {station.id for station in codes.city.stations}
    for index, unit in enumerate(scenario.units.simulated):
        path: Path_ = ("units", "simulated", index)
        if unit.id in real:
            yield (*path, "id"), (f'"{unit.id}" is the id of a real unit of the city: give the simulated unit an '
                                  'id of its own (e.g. starting with "DRILL-"), or enroll the real one instead')
        if unit.station not in stations:
            yield (*path, "station"), (f'"{unit.station}" is not a station of the city (S-<adcode>-<NN>)'
                                       f"{_close(unit.station, stations)}")
        if codes.find_place(unit.place) is None:
            closest = codes.closest_places(unit.place)
            hint = f"; the closest names are {', '.join(closest)}" if closest else ""
            yield (*path, "place"), f'"{unit.place}" is not a place the city\'s search finds{hint}'
    for index, unit_id in enumerate(scenario.units.enrolled):
        if unit_id not in real:
            yield ("units", "enrolled", index), (f'"{unit_id}" is not a real unit of the city{_close(unit_id, real)}; '
                                                 "a unit that exists only in the drill goes under units.simulated")
    yield from _reachable(scenario, drill_unit_kinds(scenario, codes.city))


def drill_unit_kinds(scenario: Scenario, city: City) -> dict[str, UnitKind]:
    """The kind of every unit of the drill: the simulated ones' own, the enrolled ones' from the city's roster
    (what ``scoring.score`` takes as ``unit_kinds``); an enrolled id the roster does not know is left out."""
    roster = {unit.id: unit.kind for unit in city.units}
    kinds = {unit_id: roster[unit_id] for unit_id in scenario.units.enrolled if unit_id in roster}
    kinds.update((unit.id, unit.kind) for unit in scenario.units.simulated)
    return kinds


def _reachable(scenario: Scenario, kinds: dict[str, UnitKind]) -> Iterator[tuple[Path_, str]]:
    """An expectation asking for more units (of a kind) than the drill has could never be met."""
    for index, expectation in enumerate(scenario.expectations):
        check = expectation.check if len(expectation.kinds) == 1 else None
        if not isinstance(check, Dispatched | OnScene):
            continue
        have = sum(1 for kind in kinds.values() if check.kind is None or kind is check.kind)
        if check.count > have:
            what = f"{check.kind.value} units" if check.kind is not None else "units"
            yield (("expectations", index, expectation.kinds[0], "count"),
                   f"asks for {check.count} {what} but the drill has {have}: enroll or simulate more, or ask for fewer")


def _named_inject(scenario: Scenario, path: Path_, inject_id: str) -> Iterator[tuple[Path_, str]]:
    if scenario.inject(inject_id) is None:
        known = [inject.id for inject in scenario.injects]
        yield path, f'"{inject_id}" is not an inject of this scenario{_close(inject_id, known)}'


def _named_call(scenario: Scenario, path: Path_, inject_id: str) -> Iterator[tuple[Path_, str]]:
    """``inject_id`` must be an inject with a call: only a call makes an incident to look at."""
    inject = scenario.inject(inject_id)
    if inject is None:
        yield from _named_inject(scenario, path, inject_id)
    elif inject.call is None:
        yield path, f'"{inject_id}" is not a call: only a call\'s inject has an incident to look at'


def _unique(list_name: str, ids: list[str], key: str = "id") -> Iterator[tuple[Path_, str]]:
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            path: Path_ = (*list_name.split("."), index, key)
            yield path, f'"{item_id}" is also {list_name}[{first[item_id]}]; each id must be unique in the scenario'
        first.setdefault(item_id, index)


def _cycles(scenario: Scenario) -> Iterator[tuple[Path_, str]]:
    """Injects that wait for each other in a ring (or for themselves) would never come."""
    index_of = {inject.id: index for index, inject in enumerate(scenario.injects)}
    waits = {inject.id: inject.after.inject for inject in scenario.injects if inject.after is not None}
    reported: set[frozenset[str]] = set()
    for start in waits:
        ring = [start]
        while (following := waits.get(ring[-1])) is not None and following not in ring:
            ring.append(following)
        if following == start and frozenset(ring) not in reported:
            reported.add(frozenset(ring))
            yield (("injects", index_of[start], "after", "inject"),
                   f"after makes a cycle ({' → '.join([*ring, start])}): none of these injects would ever come")


def _close(word: str, known: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, sorted(known), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(matches)}?" if matches else ""
