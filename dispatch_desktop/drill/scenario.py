"""A drill scenario (演练脚本) as data: frozen msgspec Structs decoded from one YAML file.

A scenario says which units take part (simulated for the drill, or real ones enrolled in it), what happens
and when (``injects``: 110 calls, unit failures, field records, an SOS, cameras going dark — each at a drill
time "+MM:SS" after the start, or a delay after another inject), and what the trainees are expected to do by
when (``expectations``, each with points and exactly one check). Only the shape is checked here; what needs
the whole scenario or the city (one kind per inject, ids that exist, no cycle of ``after``, places the city's
search finds, deadlines within the duration) is checked by ``dispatch_desktop.drill.loading``.

Drill times are relative to the drill's start on the drill clock, which the trainer may pause and warp: the
runner turns them into wall times when it injects.
"""

from __future__ import annotations

import enum
import re
from typing import Annotated, Literal

import msgspec

from dispatch_desktop.domain.enums import FieldRecordKind, UnitKind

FORMAT: Literal[1] = 1
"""The scenario file format this program reads (``format: 1``)."""

ScenarioId = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9_]{2,63}$")]
ItemId = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
"""Ids of injects and expectations: unique within their scenario."""
UnitId = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_.:\-]{1,64}$")]
Code = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
"""An incident type, station, department or camera id (checked against the city by the loader)."""
Words = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
Lat = Annotated[float, msgspec.Meta(ge=-90.0, le=90.0)]
Lon = Annotated[float, msgspec.Meta(ge=-180.0, le=180.0)]
DRILL_TIME_PATTERN = r"^\+[0-9]{2,4}:[0-5][0-9]$"
DrillTime = Annotated[str, msgspec.Meta(pattern=DRILL_TIME_PATTERN)]
"""A span of drill time, "+MM:SS" (minutes may pass 59: "+90:00" is an hour and a half)."""
PATTERN_NAMES = {
    r"^[a-z][a-z0-9_]{2,63}$": 'an id of 3 to 64 characters: a lowercase letter, then lowercase letters, digits or "_"',
    r"^[a-z][a-z0-9_]{0,63}$": 'an id: a lowercase letter, then lowercase letters, digits or "_" (64 at most)',
    r"^[A-Za-z0-9_.:\-]{1,64}$": 'a unit id: letters, digits or "_ . : -" (64 at most)',
    DRILL_TIME_PATTERN: 'a drill time "+MM:SS" after the start, e.g. "+01:30" (in quotes)',
    r"^[0-9+*][0-9 ()*\-]{2,31}$": 'a phone number (digits, spaces, "-", "+", "*", brackets)',
}


def drill_ms(text: str) -> int:
    """A drill time "+MM:SS" as milliseconds."""
    matched = re.fullmatch(r"\+([0-9]+):([0-5][0-9])", text)
    if matched is None:
        raise ValueError(f'{text!r} is not a drill time "+MM:SS"')
    return (int(matched[1]) * 60 + int(matched[2])) * 1000


def drill_time(ms: int) -> str:
    """Milliseconds as a drill time "+MM:SS" (rounded up to the second: a deadline is never shortened)."""
    seconds = -(-max(ms, 0) // 1000)
    return f"+{seconds // 60:02d}:{seconds % 60:02d}"


class _Spec(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """Every part of a scenario: immutable, and a misspelt key is an error rather than silently ignored."""


class LocalText(_Spec, frozen=True):
    """A text in both of the desk's languages."""

    zh: Words
    en: Words

    def local(self, language: str) -> str:
        return self.en if language.startswith("en") else self.zh


# --- the units -----------------------------------------------------------------------------------------


class SimulatedUnit(_Spec, frozen=True):
    """A unit that exists only in the drill, driven by the drill's simulator."""

    id: UnitId
    kind: UnitKind
    station: Code
    place: Words  # where it starts: a place the city's search finds
    call_sign: Words


class Units(_Spec, frozen=True):
    simulated: tuple[SimulatedUnit, ...] = ()
    enrolled: tuple[UnitId, ...] = ()  # real units taking part: only these receive the drill's orders


# --- the injects -----------------------------------------------------------------------------------------


class After(_Spec, frozen=True):
    """``delay`` after the inject ``inject`` was injected."""

    inject: ItemId
    delay: DrillTime


class Call(_Spec, frozen=True):
    """A 110 call (a second simultaneous incident is just another call). The place is a name the city's
    search finds, or a position ``[lat, lon]`` with the address the caller gives."""

    caller: Words
    number: Annotated[str, msgspec.Meta(pattern=r"^[0-9+*][0-9 ()*\-]{2,31}$")]
    type: Code  # the taxonomy's incident type code
    description: Words  # what the caller says, in Chinese
    place: Words | None = None
    position: tuple[Lat, Lon] | None = None
    address: Annotated[str, msgspec.Meta(max_length=200)] = ""
    priority: Annotated[int, msgspec.Meta(ge=1, le=4)] | None = None  # default: the incident type's


class UnitFailureKind(enum.StrEnum):
    UNAVAILABLE = "unavailable"  # the unit reports itself unavailable
    RADIO_SILENCE = "radio_silence"  # no more positions nor answers
    BREAKDOWN = "breakdown"  # the vehicle breaks down: it stops where it is


class UnitFailure(_Spec, frozen=True):
    unit: UnitId
    kind: UnitFailureKind
    duration: DrillTime | None = None  # None: for the rest of the drill


class FieldRecordInject(_Spec, frozen=True):
    """A field record the unit reports on the incident of inject ``inject``."""

    unit: UnitId
    inject: ItemId
    record: FieldRecordKind
    fields: dict[Annotated[str, msgspec.Meta(min_length=1, max_length=64)], Words] = {}


class SosInject(_Spec, frozen=True):
    unit: UnitId


class CameraDark(_Spec, frozen=True):
    """A camera goes dark: ``camera`` (its id) or the one nearest the place of the call ``near`` (an inject)."""

    camera: Code | None = None
    near: ItemId | None = None
    duration: DrillTime | None = None


INJECT_KINDS = ("call", "unit_failure", "field_record", "sos", "camera_dark")


class Inject(_Spec, frozen=True):
    """Something that happens in the drill: at ``at`` after the start, or ``after`` another inject; exactly
    one of the kinds is given."""

    id: ItemId
    at: DrillTime | None = None
    after: After | None = None
    call: Call | None = None
    unit_failure: UnitFailure | None = None
    field_record: FieldRecordInject | None = None
    sos: SosInject | None = None
    camera_dark: CameraDark | None = None

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds given (exactly one in a valid scenario)."""
        return tuple(name for name in INJECT_KINDS if getattr(self, name) is not None)


# --- the expectations -------------------------------------------------------------------------------------


class Deadline(_Spec, frozen=True):
    """``within`` after the inject ``inject`` was injected."""

    inject: ItemId
    within: DrillTime


class Dispatched(_Spec, frozen=True):
    """At least ``count`` units (of ``kind``, if given) dispatched to the incident of ``inject``
    (default: the deadline's inject)."""

    inject: ItemId | None = None
    kind: UnitKind | None = None
    count: Annotated[int, msgspec.Meta(ge=1, le=100)] = 1


class OnScene(_Spec, frozen=True):
    """At least ``count`` units (of ``kind``, if given) arrived at the incident of ``inject``."""

    inject: ItemId | None = None
    kind: UnitKind | None = None
    count: Annotated[int, msgspec.Meta(ge=1, le=100)] = 1


class PlanActivated(_Spec, frozen=True):
    """The emergency plan ``plan`` activated on the incident of ``inject``."""

    plan: Code
    inject: ItemId | None = None


class ReferredNotDispatched(_Spec, frozen=True):
    """The incident of ``inject`` referred (to ``department``, if given) and no unit dispatched to it."""

    inject: ItemId | None = None
    department: Code | None = None


class Closed(_Spec, frozen=True):
    inject: ItemId | None = None


CHECK_KINDS = ("dispatched", "on_scene", "plan_activated", "referred_not_dispatched", "closed")
Check = Dispatched | OnScene | PlanActivated | ReferredNotDispatched | Closed


class Expectation(_Spec, frozen=True):
    """What the trainees should have done by the deadline; exactly one check is given."""

    id: ItemId
    text: LocalText
    points: Annotated[int, msgspec.Meta(ge=0, le=1000)]
    deadline: Deadline
    dispatched: Dispatched | None = None
    on_scene: OnScene | None = None
    plan_activated: PlanActivated | None = None
    referred_not_dispatched: ReferredNotDispatched | None = None
    closed: Closed | None = None

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(name for name in CHECK_KINDS if getattr(self, name) is not None)

    @property
    def check(self) -> Check:
        """The one check (the loader refuses an expectation with none or several)."""
        checks: list[Check] = [getattr(self, name) for name in self.kinds]
        return checks[0]

    @property
    def incident_inject(self) -> str:
        """The inject whose incident the check looks at."""
        return self.check.inject or self.deadline.inject


# --- the scenario -------------------------------------------------------------------------------------------


class Scenario(_Spec, frozen=True):
    format: Literal[1]
    id: ScenarioId
    version: Annotated[int, msgspec.Meta(ge=1)]
    title: LocalText
    description: LocalText
    duration: DrillTime  # the drill ends by itself at the latest this long after its start
    injects: Annotated[tuple[Inject, ...], msgspec.Meta(min_length=1)]
    units: Units = Units()
    expectations: tuple[Expectation, ...] = ()

    def inject(self, inject_id: str) -> Inject | None:
        return next((inject for inject in self.injects if inject.id == inject_id), None)

    @property
    def duration_ms(self) -> int:
        return drill_ms(self.duration)

    def planned_offsets(self) -> dict[str, int]:
        """Each inject's drill time (ms after the start) as planned, ``after`` chains followed; an inject in a
        cycle of ``after`` or after an unknown inject is left out (the loader refuses such a scenario)."""
        by_id = {inject.id: inject for inject in self.injects}
        offsets: dict[str, int] = {}

        def resolve(inject: Inject, waiting: frozenset[str]) -> int | None:
            if inject.id in offsets:
                return offsets[inject.id]
            if inject.after is None:
                offset = drill_ms(inject.at or "+00:00")
            else:
                before = by_id.get(inject.after.inject)
                if before is None or before.id in waiting:
                    return None
                base = resolve(before, waiting | {inject.id})
                if base is None:
                    return None
                offset = base + drill_ms(inject.after.delay)
            offsets[inject.id] = offset
            return offset

        for inject in self.injects:
            resolve(inject, frozenset({inject.id}))
        return offsets
