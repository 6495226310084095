"""What a plan is checked against and matched in: the taxonomy's incident types (``api.INCIDENT_TYPES``)
and a city's districts (with their boundaries), police stations and well-known places.

A desk builds it from its own ``desk.city``; the command line, which has no desk, from
``api.default_city()`` (``default_reference``): district, station and place ids are the same in every
desk's city, so both give the same answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dispatch_desktop.api import INCIDENT_TYPES, City, IncidentType, default_city
from emergency_plans.geo import BBox, in_bbox, in_ring, ring_bbox

LatLonRing = tuple[tuple[float, float], ...]


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
    incident_types: Mapping[str, IncidentType]
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


def _lat_lon_polygons(coordinates: Sequence[Sequence[Sequence[Sequence[float]]]]) -> tuple[tuple[LatLonRing, ...], ...]:
    return tuple(tuple(tuple((float(lat), float(lon)) for lon, lat, *_ in ring) for ring in polygon)
                 for polygon in coordinates)


def _district(adcode: str, name: str, polygons: tuple[tuple[LatLonRing, ...], ...]) -> DistrictRef:
    outer = [vertex for rings in polygons for vertex in rings[0]]
    return DistrictRef(adcode, name, polygons, ring_bbox(outer) if outer else None)


def build_reference(types: Mapping[str, IncidentType], districts: Iterable[DistrictRef],
                    stations: Mapping[str, str], places: Mapping[str, PlaceRef],
                    service_area: BBox | None = None) -> Reference:
    by_code = {d.adcode: d for d in sorted(districts, key=lambda d: d.adcode)}  # a border point: the first
    return Reference(dict(types), by_code, dict(stations), dict(places), service_area)


def reference_from_city(city: City) -> Reference:
    """The reference of a city (its districts, stations and places), with the taxonomy's incident types. The
    service area is the box around the districts."""
    district_refs = [_district(d.adcode, d.name, _lat_lon_polygons(d.polygon)) for d in city.districts]
    boxes = [d.bbox for d in district_refs if d.bbox is not None]
    area = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes)) if boxes else None
    places = {p.id: PlaceRef(p.id, p.name, p.lat, p.lon, p.district) for p in city.places}
    return build_reference({t.code: t for t in INCIDENT_TYPES}, district_refs,
                           {s.id: s.district for s in city.stations}, places, area)


def default_reference() -> Reference:
    """The reference of the desk's default city, for the command line (no desk, so no ``desk.city``)."""
    return reference_from_city(default_city())
