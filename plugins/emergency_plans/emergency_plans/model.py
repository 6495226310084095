"""An emergency plan (应急预案) as data: frozen msgspec Structs decoded from one YAML file each.

The field names are the YAML keys (``from`` is spelled ``from_`` in Python), so a plan encodes back to
the shape a command center wrote, and the checklist engine can copy a plan's steps into an event as they
are. Only the shape and the ranges are checked here (by msgspec); what needs the library or the city (ids
of taxonomy codes, places, stations, districts; unique step ids; ``steps_done`` that name steps of the
plan without a cycle; a condition with exactly one key) is checked by ``emergency_plans.library``.

A condition (``done_when``) is one ``Condition`` with exactly one of its keys set, or ``all`` / ``any``
of nested conditions; ``Condition.kind`` names the key that is set.
"""

from __future__ import annotations

import enum
from typing import Annotated, Literal

import msgspec

from dispatch_desktop.api import Department, UnitKind

# --- small types -------------------------------------------------------------------------------------

PlanId = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9_]{2,63}$")]
ItemId = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
"""Ids of steps, force points and routes: unique within their plan."""
Code = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
"""An incident type code, an adcode, a station id or a place id (checked against the city by the library)."""
Word = Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
Lat = Annotated[float, msgspec.Meta(ge=-90.0, le=90.0)]
Lon = Annotated[float, msgspec.Meta(ge=-180.0, le=180.0)]
LatLon = tuple[Lat, Lon]
"""A position as the YAML writes it: ``[lat, lon]`` (not GeoJSON's lon, lat)."""
Count = Annotated[int, msgspec.Meta(ge=1, le=500)]
Radius = Annotated[float, msgspec.Meta(gt=0.0, le=50_000.0)]
ClockTime = Annotated[str, msgspec.Meta(pattern=r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$")]
"""Local time of day "HH:MM" (``24:00`` is the end of the day)."""
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""In ``datetime.weekday()`` order."""
RecordKind = Literal["scene_survey", "info_collection", "identity_check_request", "identity_check_answer",
                     "vehicle_check_request", "vehicle_check_answer"]
"""The desk's field record kinds (``field_record.record`` on the wire); a test keeps them in step."""


class _Spec(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """Every part of a plan: immutable, and a misspelt key is an error rather than silently ignored."""


class LocalText(_Spec, frozen=True):
    """A text in both of the desk's languages."""

    zh: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    en: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


Text = Annotated[str, msgspec.Meta(min_length=1, max_length=500)] | LocalText
"""A plain string (the same in both languages) or ``{zh: …, en: …}``."""


def local(text: Text, language: str) -> str:
    """``text`` in the desk's language (``"zh_CN"`` or ``"en"``)."""
    if isinstance(text, str):
        return text
    return text.en if language.startswith("en") else text.zh


class Role(enum.StrEnum):
    """Who does a step, or whom an overdue step escalates to."""

    DISPATCHER = "dispatcher"  # 调度员
    SHIFT_COMMANDER = "shift_commander"  # 值班长 / 指挥长
    SUPERVISOR = "supervisor"  # 督察 / 领导
    STATION = "station"  # 派出所
    FIELD = "field"  # the units on scene


class Anchor(enum.StrEnum):
    """What a step's deadline is measured from."""

    CALL = "call"  # the incident's call time
    CREATED = "created"  # the incident was entered
    FIRST_DISPATCH = "first_dispatch"
    FIRST_ARRIVAL = "first_arrival"
    ACTIVATED = "activated"  # the plan was activated on the incident


class RouteMode(enum.StrEnum):
    ROAD = "road"
    METRO = "metro"
    FOOT = "foot"
    WATER = "water"


# --- the trigger -------------------------------------------------------------------------------------


class PlaceArea(_Spec, frozen=True):
    """Within ``radius_m`` of one of the city's named places (``api.City.places`` ids)."""

    place: Code
    radius_m: Radius = 500.0


class Area(_Spec, frozen=True):
    """Where a plan applies: in any of these; nothing listed means anywhere."""

    districts: tuple[Code, ...] = ()  # adcodes
    stations: tuple[Code, ...] = ()  # station ids: the station responsible for the incident
    places: tuple[PlaceArea, ...] = ()
    polygons: tuple[Annotated[tuple[LatLon, ...], msgspec.Meta(min_length=3)], ...] = ()  # rings of [lat, lon]

    @property
    def anywhere(self) -> bool:
        return not (self.districts or self.stations or self.places or self.polygons)


class TimeWindow(_Spec, frozen=True):
    """Local time of day on some days; ``to`` before ``from`` runs past midnight (the day is the start's)."""

    from_: ClockTime = msgspec.field(name="from")
    to: ClockTime
    days: tuple[Weekday, ...] = WEEKDAYS

    @property
    def start_minute(self) -> int:
        return _minute_of_day(self.from_)

    @property
    def end_minute(self) -> int:
        return _minute_of_day(self.to)


def _minute_of_day(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class Trigger(_Spec, frozen=True):
    incident_types: Annotated[tuple[Code, ...], msgspec.Meta(min_length=1)]
    min_priority: Annotated[int, msgspec.Meta(ge=1, le=4)] = 4
    """Matches incidents of this priority or more urgent (1 = most urgent)."""
    area: Area = Area()
    time_windows: tuple[TimeWindow, ...] = ()  # none: at any time
    keywords: tuple[Word, ...] = ()  # any of them in the description; none: no word needed


# --- forces and conditions ---------------------------------------------------------------------------


class ForceRequirement(_Spec, frozen=True):
    capability: UnitKind
    count: Count = 1


class UnitCount(_Spec, frozen=True):
    """At least ``count`` distinct units (of the ``capability`` kind, any kind if None)."""

    capability: UnitKind | None = None
    count: Count = 1


class OnScene(_Spec, frozen=True):
    """At least ``count`` units on scene at the same time."""

    count: Count = 1


class Referred(_Spec, frozen=True):
    department: Department | None = None  # None: referred to any department


class Nothing(_Spec, frozen=True):
    """The empty mapping of ``closed: {}`` and ``reclassified: {}``."""


class RecordMade(_Spec, frozen=True):
    record: RecordKind


class NoteWords(_Spec, frozen=True):
    words: Annotated[tuple[Word, ...], msgspec.Meta(min_length=1)]


class Condition(_Spec, frozen=True):
    """Exactly one key set (the library checks it): one fact of the incident, or ``all``/``any`` of
    nested conditions."""

    dispatched: UnitCount | None = None  # unit_dispatched, minus recalled
    acknowledged: UnitCount | None = None  # dispatch_ack
    arrived: UnitCount | None = None  # arrival, distinct units
    on_scene: OnScene | None = None
    referred: Referred | None = None  # incident_referred
    closed: Nothing | None = None  # incident_closed
    reclassified: Nothing | None = None  # incident_reclassified
    field_record: RecordMade | None = None
    note: NoteWords | None = None  # an incident_note containing any of the words
    steps_done: Annotated[tuple[ItemId, ...], msgspec.Meta(min_length=1)] | None = None
    all_of: Annotated[tuple[Condition, ...], msgspec.Meta(min_length=1)] | None = msgspec.field(
        default=None, name="all")
    any_of: Annotated[tuple[Condition, ...], msgspec.Meta(min_length=1)] | None = msgspec.field(
        default=None, name="any")

    @property
    def keys_set(self) -> tuple[str, ...]:
        """The YAML keys given (exactly one in a valid plan)."""
        return tuple(name for name, attribute in _CONDITION_KEYS if getattr(self, attribute) is not None)

    @property
    def kind(self) -> str:
        """The one YAML key given: ``"dispatched"`` … ``"all"``, ``"any"``."""
        keys = self.keys_set
        if len(keys) != 1:
            raise ValueError(f"a condition has exactly one key; this one has {len(keys)}: {', '.join(keys)}")
        return keys[0]


_CONDITION_KEYS: tuple[tuple[str, str], ...] = tuple(
    (field.encode_name, field.name) for field in msgspec.structs.fields(Condition))


# --- steps -------------------------------------------------------------------------------------------


class Deadline(_Spec, frozen=True):
    minutes: Annotated[float, msgspec.Meta(gt=0.0, le=7 * 24 * 60)]
    from_: Anchor = msgspec.field(default=Anchor.CALL, name="from")

    @property
    def ms(self) -> int:
        return round(self.minutes * 60_000)


class Escalation(_Spec, frozen=True):
    to: Role
    text: Text


class Step(_Spec, frozen=True):
    id: ItemId
    text: Text
    owner: Role = Role.DISPATCHER
    deadline: Deadline | None = None
    mandatory: bool = True
    done_when: Condition | None = None  # None: ticked by hand only
    escalate: Escalation | None = None  # raised when the step is overdue


# --- the map and the people --------------------------------------------------------------------------


class ForcePoint(_Spec, frozen=True):
    """A pre-positioned force point (屯警点)."""

    id: ItemId
    name: Text
    lat: Lat
    lon: Lon
    capability: UnitKind
    count: Count = 1


class Route(_Spec, frozen=True):
    """A troop route (运兵路线): a line of [lat, lon] points."""

    id: ItemId
    name: Text
    points: Annotated[tuple[LatLon, ...], msgspec.Meta(min_length=2)]
    mode: RouteMode = RouteMode.ROAD


class Cordon(_Spec, frozen=True):
    """A circle around the incident, or a fixed polygon (one of the two)."""

    radius_m: Radius | None = None
    polygon: Annotated[tuple[LatLon, ...], msgspec.Meta(min_length=3)] | None = None


class Contact(_Spec, frozen=True):
    name: Text
    role: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    phone: Annotated[str, msgspec.Meta(pattern=r"^[0-9+][0-9 ()\-]{2,31}$")]


class Plan(_Spec, frozen=True):
    id: PlanId
    version: Annotated[int, msgspec.Meta(ge=1)]
    title: Text
    trigger: Trigger
    steps: Annotated[tuple[Step, ...], msgspec.Meta(min_length=1)]
    forces: tuple[ForceRequirement, ...] = ()
    force_points: tuple[ForcePoint, ...] = ()
    routes: tuple[Route, ...] = ()
    cordon: Cordon | None = None
    contacts: tuple[Contact, ...] = ()
