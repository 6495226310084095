"""Incident types, departments, districts and stations: the codes incidents carry, loaded from the
published ``resources/taxonomy.json``.

That file is the source of truth, for this program and for other vendors' clients (its ``about`` says
what it holds and what the hub checks); this module reads it once, checks that it is whole, and answers
questions about it. About a third of Guangzhou's ~10,000 valid incidents a day are not police business
(streets, environment, city management, labour, commerce, health…): those carry the department that
owns them and get referred (职责清单). ``daily`` is the expected number a day in a city of that size, so
a simulator can draw realistic calls; police and non-police add up to 2:1. Qt-free.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import random
from collections.abc import Container
from pathlib import Path
from typing import NamedTuple

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.paths import RESOURCES

TAXONOMY_FILE = RESOURCES / "taxonomy.json"


class TaxonomyError(ValueError):
    """The taxonomy file is missing, malformed or disagrees with the program."""


class Department(enum.StrEnum):
    """Who handles an incident besides (or instead of) the patrol force. The program names some of
    them, so they are spelled here too; the file must list exactly these (and gives their names)."""

    ANTI_FRAUD = "anti_fraud"  # 反电信诈骗中心 (police)
    TRAFFIC_POLICE = "traffic_police"  # 交警 (police)
    FIRE = "fire"  # 消防救援 (119)
    MUNICIPAL = "municipal"  # 市政 (roads, street lights, manholes)
    WATER = "water"  # 水务 (supply, drainage)
    POWER = "power"  # 供电
    GAS = "gas"  # 燃气
    ENVIRONMENT = "environment"  # 生态环境
    CITY_MANAGEMENT = "city_management"  # 城管
    LABOUR = "labour"  # 人社 (wages, employment)
    MARKET_REGULATION = "market_regulation"  # 市场监管 (consumers, food safety)
    HEALTH = "health"  # 卫健 (120, medical practice)
    HOUSING = "housing"  # 住建 (property management, buildings)
    TRANSPORT = "transport"  # 交通运输 (taxis, buses)
    GREENING = "greening"  # 林业园林 (trees, parks)
    STREET_OFFICE = "street_office"  # 街道办事处 (mediation of neighbour disputes, old buildings)
    CIVIL_AFFAIRS = "civil_affairs"  # 民政 (homeless people, care homes, funerals)
    EDUCATION = "education"  # 教育 (school fees and places, tutoring)


class IncidentType(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    code: str  # the incident_type carried by events
    name_zh: str
    name_en: str
    category: Category
    priority: int  # default priority, 1 = most urgent
    daily: float  # expected incidents a day in a city of ~10,000 a day
    violent: bool = False  # force used or threatened against people
    rapid_response: bool = False  # terror / extreme violence: suggest the 羊城突击队 first
    department: Department | None = None  # non-police: the owner; police: who handles it with us

    @property
    def is_police(self) -> bool:
        return self.category is Category.POLICE


class UnknownIncidentType(KeyError):
    def __str__(self) -> str:
        return f"unknown incident type {self.args[0]!r}"


class DepartmentEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    code: Department
    name_zh: str
    name_en: str
    police: bool  # a police department (handles incidents with the patrol force) or another authority


class DistrictEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    adcode: str  # "440106": the code incidents carry
    name_zh: str  # "天河区"
    short_name_zh: str  # "天河"
    name_en: str  # "Tianhe District"


class StationEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str  # "S-440106-03": the code incidents and units carry
    district: str  # its district's adcode
    name_zh: str  # these three as the default city has them (another city seed differs): for reference
    lat: float
    lon: float


class ServiceArea(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The districts' bounding box, WGS84 degrees."""

    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


class _File(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    about: tuple[str, ...]
    version: int
    departments: tuple[DepartmentEntry, ...]
    incident_types: tuple[IncidentType, ...]
    districts: tuple[DistrictEntry, ...]
    service_area: ServiceArea
    stations: tuple[StationEntry, ...]


def load(path: Path = TAXONOMY_FILE) -> _File:
    """Read and check a taxonomy file; ``TaxonomyError`` says what is wrong with it."""
    try:
        data = msgspec.json.decode(path.read_bytes(), type=_File)
    except OSError as error:
        raise TaxonomyError(f"cannot read the taxonomy {path}: {error.strerror or error}") from None
    except msgspec.DecodeError as error:
        raise TaxonomyError(f"the taxonomy {path} is malformed: {error}") from None
    listed = [d.code for d in data.departments]
    if sorted(listed) != sorted(Department):
        raise TaxonomyError(f"the taxonomy {path} must list each of the departments {', '.join(Department)} "
                            f"once; it lists {', '.join(listed)}")
    for section, codes in (("incident_types", [t.code for t in data.incident_types]),
                           ("districts", [d.adcode for d in data.districts]),
                           ("stations", [s.id for s in data.stations])):
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise TaxonomyError(f"the taxonomy {path} lists {section} {', '.join(twice)} more than once")
    adcodes = {d.adcode for d in data.districts}
    strays = [s.id for s in data.stations if s.district not in adcodes]
    if strays:
        raise TaxonomyError(f"the taxonomy {path}: stations {', '.join(strays)} are in no listed district")
    return data


_TAXONOMY = load()

INCIDENT_TYPES: tuple[IncidentType, ...] = _TAXONOMY.incident_types
DEPARTMENT_NAMES: dict[Department, tuple[str, str]] = {d.code: (d.name_zh, d.name_en) for d in _TAXONOMY.departments}
"""(Chinese, English) names; the wire carries the enum value."""
POLICE_DEPARTMENTS = frozenset(d.code for d in _TAXONOMY.departments if d.police)
DISTRICTS: tuple[DistrictEntry, ...] = _TAXONOMY.districts
STATIONS: tuple[StationEntry, ...] = _TAXONOMY.stations
SERVICE_AREA: ServiceArea = _TAXONOMY.service_area

_BY_CODE = {t.code: t for t in INCIDENT_TYPES}
_CUMULATIVE = tuple(itertools.accumulate(t.daily for t in INCIDENT_TYPES))
_DISTRICTS = {d.adcode: d for d in DISTRICTS}
_STATIONS = {s.id: s for s in STATIONS}
_DEPARTMENTS = frozenset(Department)


def incident_type(code: str) -> IncidentType:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise UnknownIncidentType(code) from None


def is_known(code: str) -> bool:
    return code in _BY_CODE


def daily_total(category: Category | None = None) -> float:
    """Expected incidents a day, of one category or of all."""
    return sum(t.daily for t in INCIDENT_TYPES if category is None or t.category is category)


def draw(rng: random.Random) -> IncidentType:
    """One incident type, drawn with the daily frequencies as weights."""
    return INCIDENT_TYPES[bisect.bisect_right(_CUMULATIVE, rng.random() * _CUMULATIVE[-1])]


def department_name(department: Department | str, *, english: bool = False) -> str:
    zh, en = DEPARTMENT_NAMES[Department(department)]
    return en if english else zh


def is_district(adcode: str) -> bool:
    return adcode in _DISTRICTS


def station(station_id: str) -> StationEntry | None:
    return _STATIONS.get(station_id)


def district_named(text: str) -> DistrictEntry | None:
    """The district an adcode (440106), Chinese name (天河区, 天河) or English name (Tianhe District,
    Tianhe, any case) means."""
    wanted = text.strip().casefold()
    for d in DISTRICTS:
        if wanted in (d.adcode, d.name_zh, d.short_name_zh, d.name_en.casefold(),
                      d.name_en.removesuffix(" District").casefold()):
            return d
    return None


class CodeProblem(NamedTuple):
    field: str  # the event field, e.g. "station"
    value: str  # its value, which the taxonomy does not know


def code_problem(body: ev.Body) -> CodeProblem | None:
    """The first field of an ``incident_created`` or ``incident_reclassified`` that carries a code the
    taxonomy does not know (the hub refuses such a command ``unknown_code``); None for any other body.
    An empty district, station or department is no code and passes: the district is empty for a point
    outside the service area, the department for police business."""
    fields: tuple[tuple[str, str, Container[str]], ...]  # (field name, its value, the codes known)
    if isinstance(body, ev.IncidentCreated):
        fields = (("district", body.district, _DISTRICTS), ("station", body.station, _STATIONS),
                  ("incident_type", body.incident_type, _BY_CODE), ("department", body.department, _DEPARTMENTS))
    elif isinstance(body, ev.IncidentReclassified):
        fields = (("incident_type", body.incident_type, _BY_CODE), ("department", body.department, _DEPARTMENTS))
    else:
        return None
    for name, value, known in fields:
        if value and value not in known:
            return CodeProblem(name, value)
    return None
