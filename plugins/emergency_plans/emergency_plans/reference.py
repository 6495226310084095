"""What a plan is checked against and matched in: the taxonomy's incident types, the districts (with their
boundaries), the stations and the named places.

A desk builds it from its ``api.City`` (``reference_from_city``); the command line, which has no city,
from the desk's published files (``reference_from_files``): ``resources/taxonomy.json`` (types, districts,
station ids, service area), ``resources/guangzhou_districts.geojson`` and
``resources/places/guangzhou_places.csv``. Station ids and place ids are the same for every city seed,
so both give the same answers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import msgspec

import dispatch_desktop
from dispatch_desktop.api import City
from emergency_plans.geo import BBox, in_bbox, in_ring, ring_bbox

LatLonRing = tuple[tuple[float, float], ...]


class ReferenceDataError(ValueError):
    """A reference file is missing or unreadable; the message names it and says what to do."""


@dataclass(frozen=True)
class IncidentTypeRef:
    code: str
    name_zh: str
    name_en: str
    rapid_response: bool  # the taxonomy's flag: terror / extreme violence, the rapid-response team first


@dataclass(frozen=True)
class DistrictRef:
    adcode: str
    name: str
    polygons: tuple[tuple[LatLonRing, ...], ...] = ()  # [polygon][ring] of (lat, lon); the first ring is outer
    bbox: BBox | None = None

    def contains(self, lat: float, lon: float) -> bool:
        if self.bbox is None or not in_bbox(lat, lon, self.bbox):
            return False
        return any(in_ring(lat, lon, rings[0]) and not any(in_ring(lat, lon, hole) for hole in rings[1:])
                   for rings in self.polygons)


@dataclass(frozen=True)
class PlaceRef:
    id: str
    name: str
    lat: float
    lon: float
    district: str


@dataclass(frozen=True)
class Reference:
    incident_types: Mapping[str, IncidentTypeRef]
    districts: Mapping[str, DistrictRef]
    stations: Mapping[str, str]  # station id -> its district's adcode
    places: Mapping[str, PlaceRef]
    service_area: BBox | None = None

    def district_at(self, lat: float, lon: float) -> str:
        """The adcode of the district holding the point, "" outside them all (or without boundaries)."""
        for district in self.districts.values():
            if district.contains(lat, lon):
                return district.adcode
        return ""

    @property
    def rapid_response_types(self) -> tuple[str, ...]:
        return tuple(code for code, kind in self.incident_types.items() if kind.rapid_response)


def desk_resources() -> Path:
    """The desk's published reference files (beside the installed ``dispatch_desktop`` package)."""
    return Path(dispatch_desktop.__file__).resolve().parent.parent / "resources"


class _TypeEntry(msgspec.Struct, frozen=True):
    code: str
    name_zh: str
    name_en: str
    rapid_response: bool = False


class _DistrictEntry(msgspec.Struct, frozen=True):
    adcode: str
    name_zh: str


class _StationEntry(msgspec.Struct, frozen=True):
    id: str
    district: str


class _ServiceArea(msgspec.Struct, frozen=True):
    south: float
    west: float
    north: float
    east: float


class _Taxonomy(msgspec.Struct, frozen=True):
    incident_types: tuple[_TypeEntry, ...]
    districts: tuple[_DistrictEntry, ...]
    stations: tuple[_StationEntry, ...]
    service_area: _ServiceArea | None = None


def read_taxonomy(path: Path) -> tuple[dict[str, IncidentTypeRef], dict[str, str], dict[str, str], BBox | None]:
    """Incident types, district names by adcode, station districts by id, the service area."""
    try:
        taxonomy = msgspec.json.decode(path.read_bytes(), type=_Taxonomy)
    except OSError as error:
        raise ReferenceDataError(f"{path}: the taxonomy cannot be read ({error.strerror or error}); "
                              "give its path with --taxonomy.") from error
    except msgspec.DecodeError as error:
        raise ReferenceDataError(f"{path}: is not the desk's taxonomy file ({error}).") from error
    types = {t.code: IncidentTypeRef(t.code, t.name_zh, t.name_en, t.rapid_response) for t in taxonomy.incident_types}
    area = taxonomy.service_area
    bbox = None if area is None else (area.south, area.west, area.north, area.east)
    return (types, {d.adcode: d.name_zh for d in taxonomy.districts},
            {s.id: s.district for s in taxonomy.stations}, bbox)


def read_places(path: Path) -> dict[str, PlaceRef]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as rows:
            return {row["id"]: PlaceRef(row["id"], row["name"], float(row["lat"]), float(row["lon"]), row["district"])
                    for row in csv.DictReader(rows)}
    except OSError as error:
        raise ReferenceDataError(f"{path}: the places cannot be read ({error.strerror or error}); "
                              "give their path with --places.") from error
    except (KeyError, ValueError) as error:
        raise ReferenceDataError(f"{path}: is not the desk's places file (id, name, district, lat, lon): "
                              f"{error}.") from error


def read_district_shapes(path: Path) -> dict[str, tuple[tuple[LatLonRing, ...], ...]]:
    """Each district's MultiPolygon, turned from GeoJSON's (lon, lat) to (lat, lon)."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        return {feature["properties"]["adcode"]: _lat_lon_polygons(feature["geometry"]["coordinates"])
                for feature in features}
    except OSError as error:
        raise ReferenceDataError(f"{path}: the district boundaries cannot be read ({error.strerror or error}); "
                              "give their path with --districts.") from error
    except (KeyError, TypeError, ValueError) as error:
        raise ReferenceDataError(f"{path}: is not a GeoJSON of districts with an adcode each: {error!r}.") from error


def _lat_lon_polygons(coordinates: Sequence[Sequence[Sequence[Sequence[float]]]]) -> tuple[tuple[LatLonRing, ...], ...]:
    return tuple(tuple(tuple((float(lat), float(lon)) for lon, lat, *_ in ring) for ring in polygon)
                 for polygon in coordinates)


def _district(adcode: str, name: str, polygons: tuple[tuple[LatLonRing, ...], ...]) -> DistrictRef:
    outer = [vertex for rings in polygons for vertex in rings[0]]
    return DistrictRef(adcode, name, polygons, ring_bbox(outer) if outer else None)


def build_reference(types: Mapping[str, IncidentTypeRef], districts: Iterable[DistrictRef],
                    stations: Mapping[str, str], places: Mapping[str, PlaceRef],
                    service_area: BBox | None = None) -> Reference:
    by_code = {d.adcode: d for d in sorted(districts, key=lambda d: d.adcode)}  # a border point: the first
    return Reference(dict(types), by_code, dict(stations), dict(places), service_area)


def reference_from_files(taxonomy: Path | None = None, places: Path | None = None,
                         districts: Path | None = None) -> Reference:
    """The reference from the desk's published files (each path defaults to the desk's own)."""
    resources = desk_resources()
    types, names, stations, area = read_taxonomy(taxonomy or resources / "taxonomy.json")
    shapes = read_district_shapes(districts or resources / "guangzhou_districts.geojson")
    district_refs = [_district(adcode, name, shapes.get(adcode, ())) for adcode, name in names.items()]
    return build_reference(types, district_refs, stations,
                           read_places(places or resources / "places" / "guangzhou_places.csv"), area)


def reference_from_city(city: City, taxonomy: Path | None = None) -> Reference:
    """The reference of a desk's city (its districts, stations and places), with the taxonomy's types."""
    types, _names, _stations, area = read_taxonomy(taxonomy or desk_resources() / "taxonomy.json")
    district_refs = [_district(d.adcode, d.name, _lat_lon_polygons(d.polygon)) for d in city.districts]
    places = {p.id: PlaceRef(p.id, p.name, p.lat, p.lon, p.district) for p in city.places}
    return build_reference(types, district_refs, {s.id: s.district for s in city.stations}, places, area)

