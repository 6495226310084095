"""The city's static reference data: districts, stations, the roster, fixed posts, cameras, places.

These records change only when the city is regenerated, never through events, so they live beside the
event-sourced state rather than in it. Coordinates are WGS84 decimal degrees; polygons are GeoJSON-style
MultiPolygon coordinates (``[polygon][ring][vertex] = (lon, lat)``) so a map can draw them as they are.

Distances and "nearest" use a local metric plane (equirectangular around the city centre): at Guangzhou's
size its error is well under 1 %, and because station areas were cut with the same plane, "the station
whose area holds this point" and "the nearest station of this district" are the same question.
"""

from __future__ import annotations

import enum
import functools
import math
from typing import TYPE_CHECKING

import msgspec
import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.domain.events import Lat, Lon

if TYPE_CHECKING:
    from dispatch_desktop.domain.gazetteer import PlaceIndex

Ring = tuple[tuple[float, float], ...]
PolygonCoords = tuple[Ring, ...]
MultiPolygonCoords = tuple[PolygonCoords, ...]

# The local plane: origin at the city centre (roughly 海珠广场), metres east / north.
CENTRE_LAT = 23.13
CENTRE_LON = 113.26
METRES_PER_DEGREE = 6_371_008.8 * math.pi / 180.0
_KX = METRES_PER_DEGREE * math.cos(math.radians(CENTRE_LAT))


def plane_xy(lat: np.ndarray | float, lon: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """Degrees to metres on the local plane (vectorised)."""
    return (np.asarray(lon, dtype=np.float64) - CENTRE_LON) * _KX, (
        np.asarray(lat, dtype=np.float64) - CENTRE_LAT
    ) * METRES_PER_DEGREE


def plane_latlon(x: np.ndarray | float, y: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """Metres on the local plane back to (lat, lon) degrees (vectorised)."""
    return np.asarray(y, dtype=np.float64) / METRES_PER_DEGREE + CENTRE_LAT, (
        np.asarray(x, dtype=np.float64) / _KX + CENTRE_LON
    )


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the local plane, in metres."""
    x1, y1 = plane_xy(lat1, lon1)
    x2, y2 = plane_xy(lat2, lon2)
    return float(math.hypot(float(x2 - x1), float(y2 - y1)))


def nearest_site(x: np.ndarray, y: np.ndarray, sx: np.ndarray, sy: np.ndarray) -> np.ndarray:
    """Index of the nearest site for every point (ties go to the lower index). The generator assigns
    cameras and units with this very function, so lookups agree with it to the last bit."""
    x = np.atleast_1d(x)
    y = np.atleast_1d(y)
    out = np.empty(x.shape[0], dtype=np.intp)
    chunk = max(1, 4_000_000 // max(1, sx.shape[0]))  # bounds the distance matrix to ~32 MB
    for start in range(0, x.shape[0], chunk):
        dx = x[start : start + chunk, None] - sx[None, :]
        dy = y[start : start + chunk, None] - sy[None, :]
        out[start : start + chunk] = np.argmin(dx * dx + dy * dy, axis=1)
    return out


def to_shape(coords: MultiPolygonCoords) -> shapely.MultiPolygon:
    geom = shape({"type": "MultiPolygon", "coordinates": coords})
    assert isinstance(geom, shapely.MultiPolygon)  # shape() builds the type the mapping names
    return geom


def from_shape(geom: BaseGeometry, *, digits: int | None = None) -> MultiPolygonCoords:
    """A (Multi)Polygon as GeoJSON-style tuples; polygons of zero area (slivers) are dropped."""
    parts = [geom] if isinstance(geom, shapely.Polygon) else list(getattr(geom, "geoms", []))
    out: list[PolygonCoords] = []
    for part in parts:
        if not isinstance(part, shapely.Polygon) or part.is_empty or part.area <= 0.0:
            continue
        rings = [part.exterior, *part.interiors]
        out.append(tuple(_ring(ring, digits) for ring in rings))
    return tuple(out)


def _ring(ring: shapely.LinearRing, digits: int | None) -> Ring:
    coords = shapely.get_coordinates(ring)
    if digits is not None:
        coords = np.round(coords, digits)
    return tuple(map(tuple, coords.tolist()))


class LandmarkKind(enum.StrEnum):
    """What a gazetteer entry is; the first group are the city's own records, the rest are places."""

    DISTRICT = "district"
    STATION = "station"
    PATROL_AREA = "patrol_area"
    DUTY_POINT = "duty_point"
    CHECKPOINT = "checkpoint"
    RAILWAY_STATION = "railway_station"  # 火车站
    AIRPORT = "airport"  # 机场 / 航站楼
    METRO = "metro"  # 地铁站
    TRANSPORT = "transport"  # 客运站 / 公交总站 / 客运码头
    LANDMARK = "landmark"  # 名胜、地标
    STADIUM = "stadium"  # 体育场馆
    SQUARE = "square"  # 广场
    MALL = "mall"  # 商场
    MARKET = "market"  # 市场
    HOSPITAL = "hospital"  # 医院
    UNIVERSITY = "university"  # 大学
    SCHOOL = "school"  # 中小学
    PARK = "park"  # 公园


class BBox(msgspec.Struct, frozen=True):
    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


class District(msgspec.Struct, frozen=True, dict=True):
    """A district bureau's territory (分局辖区)."""

    adcode: str  # "440106"
    name: str  # "天河区"
    short_name: str  # "天河"
    population: int  # approximate residents, the weight that spreads stations and units
    centroid_lat: Lat  # the area centroid, moved inside when the district is concave around it
    centroid_lon: Lon
    polygon: MultiPolygonCoords

    @functools.cached_property
    def shape(self) -> shapely.MultiPolygon:
        geom = to_shape(self.polygon)
        shapely.prepare(geom)
        return geom


class Station(msgspec.Struct, frozen=True, dict=True):
    """A police station (派出所) and its responsibility area (辖区)."""

    id: str  # "S-440106-03"
    name: str  # "天河区龙口派出所"
    district: str  # adcode
    lat: Lat
    lon: Lon
    population: int  # estimated residents of its area
    polygon: MultiPolygonCoords  # the responsibility area

    @property
    def short_name(self) -> str:
        """"龙口所": how people on the radio say it."""
        return self.name.removeprefix(self.name[: self.name.find("区") + 1]).replace("派出所", "所")

    @functools.cached_property
    def shape(self) -> shapely.MultiPolygon:
        geom = to_shape(self.polygon)
        shapely.prepare(geom)
        return geom


class UnitSpec(msgspec.Struct, frozen=True):
    """One roster entry: who the unit is and where it starts a shift."""

    id: str  # "PG-440106-03-02"
    kind: UnitKind
    station: str  # station id
    name: str  # call sign, "天河巡03组"
    members: tuple[str, ...]
    lat: Lat  # home position
    lon: Lon


class PatrolArea(msgspec.Struct, frozen=True, dict=True):
    """An emergency patrol area (应急巡逻区) that patrol groups must cover."""

    id: str
    name: str
    district: str
    station: str
    lat: Lat  # the area's centre
    lon: Lon
    polygon: MultiPolygonCoords

    @functools.cached_property
    def shape(self) -> shapely.MultiPolygon:
        return to_shape(self.polygon)


class DutyPoint(msgspec.Struct, frozen=True):
    """A pre-positioned force point (屯警点)."""

    id: str
    name: str
    district: str
    station: str
    lat: Lat
    lon: Lon


class Checkpoint(msgspec.Struct, frozen=True):
    """A checkpoint (卡口) on a road, facing one direction of travel."""

    id: str
    name: str  # "中山大道西出城卡口"
    district: str
    station: str
    lat: Lat
    lon: Lon
    road: str
    direction: str  # "往佛山方向"


class Camera(msgspec.Struct, frozen=True):
    """A video point. ``stream_url`` is empty until someone configures where its video comes from."""

    id: str
    name: str
    district: str
    station: str
    lat: Lat
    lon: Lon
    heading: float | None = None  # degrees clockwise from north; None for a dome (球机) that turns
    fov: float | None = None  # horizontal field of view, degrees; None for a dome
    tags: tuple[str, ...] = ()
    stream_url: str = ""


class Landmark(msgspec.Struct, frozen=True):
    """A searchable place. Search also finds it by the pinyin of its name and aliases (full and
    initials), and by its English name."""

    id: str
    name: str
    kind: LandmarkKind
    district: str
    lat: Lat
    lon: Lon
    english: str = ""  # "Guangzhou East Railway Station"; a romanisation for generated names
    aliases: tuple[str, ...] = ()  # what callers also say: "东站", "中大", "省人民医院"
    well_known: bool = False  # a real place shipped with the city (or a district), not a generated one


class City(msgspec.Struct, frozen=True, dict=True):
    """Everything static about the city, with the lookups the desk needs."""

    seed: int
    districts: tuple[District, ...]
    stations: tuple[Station, ...]
    units: tuple[UnitSpec, ...]
    patrol_areas: tuple[PatrolArea, ...]
    duty_points: tuple[DutyPoint, ...]
    checkpoints: tuple[Checkpoint, ...]
    cameras: tuple[Camera, ...]
    landmarks: tuple[Landmark, ...]  # generated places
    places: tuple[Landmark, ...] = ()  # real, well-known places shipped in resources/places

    # --- by id ---------------------------------------------------------------------------------

    def district(self, adcode: str) -> District:
        try:
            return self._districts_by_code[adcode]
        except KeyError:
            raise KeyError(f"no district with adcode {adcode!r}") from None

    def station(self, station_id: str) -> Station:
        try:
            return self._stations_by_id[station_id]
        except KeyError:
            raise KeyError(f"no station with id {station_id!r}") from None

    def stations_of(self, adcode: str) -> tuple[Station, ...]:
        return self._stations_by_district.get(adcode, ())

    # --- by position ---------------------------------------------------------------------------

    @functools.cached_property
    def bbox(self) -> BBox:
        """The service area's bounding box."""
        west, south, east, north = shapely.total_bounds([d.shape for d in self.districts])
        return BBox(south=float(south), west=float(west), north=float(north), east=float(east))

    def district_at(self, lat: float, lon: float) -> District | None:
        """The district holding the point, or None outside the service area. A point exactly on a
        border belongs to the first district (in adcode order) that touches it."""
        if not self.bbox.contains(lat, lon):
            return None
        touching = None
        for district in self.districts:
            if shapely.contains_xy(district.shape, lon, lat):
                return district
            if touching is None and shapely.intersects_xy(district.shape, lon, lat):
                touching = district
        return touching

    def contains(self, lat: float, lon: float) -> bool:
        return self.district_at(lat, lon) is not None

    def station_at(self, lat: float, lon: float) -> Station | None:
        """The station responsible for the point, or None outside the service area."""
        district = self.district_at(lat, lon)
        if district is None:
            return None
        stations = self.stations_of(district.adcode)
        if not stations:
            return None
        sx, sy = self._station_xy[district.adcode]
        x, y = plane_xy(lat, lon)
        return stations[int(nearest_site(x, y, sx, sy)[0])]

    def nearest_station(self, lat: float, lon: float) -> Station:
        """The nearest station as the crow flies, wherever the point is (also outside the city)."""
        if not self.stations:
            raise LookupError("the city has no stations")
        sx, sy = self._station_xy[""]
        x, y = plane_xy(lat, lon)
        return self.stations[int(nearest_site(x, y, sx, sy)[0])]

    def cameras_near(
        self, lat: float, lon: float, *, radius_m: float = 500.0, limit: int | None = 16
    ) -> list[Camera]:
        """Cameras within ``radius_m`` of the point, nearest first."""
        lats, xs, ys, order = self._camera_index
        if not order.size or radius_m < 0:
            return []
        band = radius_m / METRES_PER_DEGREE
        lo = int(np.searchsorted(lats, lat - band, side="left"))
        hi = int(np.searchsorted(lats, lat + band, side="right"))
        x, y = plane_xy(lat, lon)
        dx = xs[lo:hi] - x
        dy = ys[lo:hi] - y
        d2 = dx * dx + dy * dy
        inside = np.nonzero(d2 <= radius_m * radius_m)[0]
        ranked = inside[np.lexsort((order[lo:hi][inside], d2[inside]))]
        if limit is not None:
            ranked = ranked[:limit]
        return [self.cameras[int(i)] for i in order[lo:hi][ranked]]

    # --- places --------------------------------------------------------------------------------

    @functools.cached_property
    def gazetteer(self) -> tuple[Landmark, ...]:
        """Every searchable place: districts, stations, patrol areas, duty points, checkpoints, the
        shipped places and the generated landmarks, each with its English name."""
        from dispatch_desktop.domain.gazetteer import build_gazetteer  # it imports this module

        return build_gazetteer(self)

    def search(self, text: str, *, limit: int | None = 20) -> list[Landmark]:
        """Places matching every word of ``text`` (words split on spaces) in Chinese, pinyin (full or
        initials) or English, best first: an exact name or alias, then names starting with the text,
        then names containing every word; a word may instead match the place's district ("天河 医院"
        finds hospitals in 天河区). Within each, well-known places before generated ones, shorter
        names first, then districts before stations before posts before places."""
        return self._place_index.search(text, limit=limit)

    # --- lazily built indexes (kept in the instance dict, never encoded) -------------------------

    @functools.cached_property
    def _districts_by_code(self) -> dict[str, District]:
        return {d.adcode: d for d in self.districts}

    @functools.cached_property
    def _place_index(self) -> PlaceIndex:
        from dispatch_desktop.domain.gazetteer import PlaceIndex

        return PlaceIndex(self.gazetteer, self.districts)

    @functools.cached_property
    def _stations_by_id(self) -> dict[str, Station]:
        return {s.id: s for s in self.stations}

    @functools.cached_property
    def _stations_by_district(self) -> dict[str, tuple[Station, ...]]:
        grouped: dict[str, list[Station]] = {}
        for s in self.stations:
            grouped.setdefault(s.district, []).append(s)
        return {code: tuple(group) for code, group in grouped.items()}

    @functools.cached_property
    def _station_xy(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Station positions on the plane per district; key "" holds all of them."""
        out = {"": plane_xy(np.array([s.lat for s in self.stations]), np.array([s.lon for s in self.stations]))}
        for code, group in self._stations_by_district.items():
            out[code] = plane_xy(np.array([s.lat for s in group]), np.array([s.lon for s in group]))
        return out

    @functools.cached_property
    def _camera_index(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Cameras sorted by latitude, so a query scans only the band of rows near it."""
        lat = np.fromiter((c.lat for c in self.cameras), dtype=np.float64, count=len(self.cameras))
        lon = np.fromiter((c.lon for c in self.cameras), dtype=np.float64, count=len(self.cameras))
        order = np.argsort(lat, kind="stable")
        xs, ys = plane_xy(lat[order], lon[order])
        return lat[order], xs, ys, order
