"""Where a camera is: inside the service area (the city's districts), in which district, and what is
wrong when it is not — swapped coordinates, a point in the sea or a neighbouring city, a district that
does not hold the point.

The district boundaries are generalised (in Nansha a boundary segment runs up to 4 km), and a camera on
a border road or a river bank may sit a few metres on the wrong side of the line we have. A point within
``BORDER_TOLERANCE_M`` of a district therefore counts as in it: the operator's word for which district
a border camera belongs to beats our approximate line.

A full registry is 559,000 cameras, so points are located in bulk (one vectorised test per district)
with the same rule as ``City.district_at``. Qt-free.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from dispatch_desktop.city.spatial import to_plane
from dispatch_desktop.domain.city import City, District, plane_xy
from dispatch_desktop.domain.gazetteer import english_district

BORDER_TOLERANCE_M = 250.0
_COARSE_M = 50.0

# The domain's District has no English name; these match the UI's (dispatch_desktop.ui.labels.DISTRICT),
# which the core may not import.
_COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")
# What people write around a district's name: 广州市天河区, 天河区公安分局, 天河分局, Tianhe District.
_PREFIXES = ("广州市", "广州")
_SUFFIXES = ("公安分局", "分局", "district")


def named(district: District) -> str:
    return f"{district.name} ({district.adcode})"


@dataclass(frozen=True)
class Location:
    """Where one point is. ``district`` is set when the point is in the service area (or within the
    border tolerance of it); otherwise ``swapped`` is the district that holds (lon, lat), if any, or
    else ``nearest`` / ``distance_m`` / ``bearing`` say how far outside the point is (to ±50 m)."""

    district: District | None
    swapped: District | None = None
    nearest: District | None = None
    distance_m: float = 0.0
    bearing: str = ""  # from the nearest district to the point

    def outside(self, lat: float, lon: float) -> str:
        assert self.nearest is not None
        return (f"{lat}, {lon} is outside the service area (Guangzhou's districts): "
                f"{_distance(self.distance_m)} {self.bearing} of {named(self.nearest)}, the nearest district")


class ServiceArea:
    """The districts of a city, for checking camera positions and district names."""

    def __init__(self, city: City) -> None:
        self._districts: tuple[District, ...] = city.districts
        self._index = {d.adcode: i for i, d in enumerate(self._districts)}
        self._plane = np.array([to_plane(d.shape) for d in self._districts], dtype=object)
        # Distances to the full boundaries cost ~100 µs a point; the simplified ones, within _COARSE_M
        # of them, are four times cheaper and good enough for everything but the tolerance test.
        self._coarse = shapely.simplify(self._plane, _COARSE_M)
        shapely.prepare(self._plane)
        self._by_name: dict[str, District] = {}
        for d in self._districts:
            english = english_district(d)  # "Tianhe District"; "Tianhe" alone too
            for name in (d.adcode, d.name, d.short_name, english, english.removesuffix(" District")):
                self._by_name[name] = self._by_name[_name_key(name)] = d  # as written: no key to make

    def district_named(self, text: str) -> District:
        """The district an adcode (440106), Chinese name (天河区, 天河) or English name (Tianhe) means;
        ``ValueError`` saying what is accepted otherwise."""
        found = self._by_name.get(text) or self._by_name.get(_name_key(text))
        if found is None:
            names = " ".join(d.short_name for d in self._districts)
            raise ValueError(f"unknown district {text.strip()!r}: expected an adcode such as 440106, a name such as "
                             f"天河区 / 天河 or Tianhe; the districts are {names}")
        return found

    def locate(self, lat: Sequence[float], lon: Sequence[float]) -> list[Location]:
        """Where each point is (vectorised: a whole file's points at once)."""
        lat_a, lon_a = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
        found = self._holding(lat_a, lon_a)
        swapped = np.full(len(lat_a), -1)
        out = np.flatnonzero(found < 0)
        swapped[out] = self._holding(lon_a[out], lat_a[out])
        out = out[swapped[out] < 0]
        points = shapely.points(*plane_xy(lat_a[out], lon_a[out]))
        assert isinstance(points, np.ndarray)  # arrays of coordinates in, an array of points out
        nearest, distance = self._nearest(self._coarse, points)
        close = distance <= BORDER_TOLERANCE_M + _COARSE_M
        if close.any():
            nearest[close], distance[close] = self._nearest(self._plane, points[close])
        near = distance <= BORDER_TOLERANCE_M
        found[out[near]] = nearest[near]
        far = ~near
        lines = shapely.shortest_line(self._coarse[nearest[far]], points[far])
        outside = {
            int(i): Location(None, None, self._districts[n], float(d), _bearing(line))
            for i, n, d, line in zip(out[far], nearest[far], distance[far], lines, strict=True)
        }
        return [
            Location(self._districts[found[i]]) if found[i] >= 0
            else Location(None, self._districts[swapped[i]]) if swapped[i] >= 0
            else outside[i]
            for i in range(len(lat_a))
        ]

    @staticmethod
    def _nearest(shapes: np.ndarray, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each point, the index of the nearest shape and its distance in metres."""
        if not points.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        gaps = shapely.distance(shapes[:, None], points[None, :])
        return np.argmin(gaps, axis=0), gaps.min(axis=0)

    def distance_m(self, district: District, lat: float, lon: float) -> float:
        plane = self._plane[self._index[district.adcode]]
        return float(shapely.distance(plane, shapely.points(*plane_xy(lat, lon))))

    def _holding(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Index of the district containing each point, -1 for none. A point on a border is in none
        here; ``locate`` then finds it 0 m from the districts sharing that border and takes the first
        in adcode order, as ``City.district_at`` does."""
        found = np.full(len(lat), -1)
        for index, district in enumerate(self._districts):
            todo = np.flatnonzero(found < 0)
            found[todo[shapely.contains_xy(district.shape, lon[todo], lat[todo])]] = index
        return found


def _name_key(text: str) -> str:
    key = "".join(text.split()).casefold()
    key = next((key.removeprefix(p) for p in _PREFIXES if key.startswith(p) and key != p), key)
    return next((key.removesuffix(s) for s in _SUFFIXES if key.endswith(s) and key != s), key)


def _bearing(line: shapely.LineString) -> str:
    (x0, y0), (x1, y1) = shapely.get_coordinates(line)
    angle = math.degrees(math.atan2(x1 - x0, y1 - y0)) % 360.0
    return _COMPASS[round(angle / 45.0) % 8]


def _distance(metres: float) -> str:
    if metres < 1000.0:
        return f"{metres:.0f} m"
    return f"{metres / 1000.0:.1f} km" if metres < 100_000.0 else f"about {metres / 1000.0:,.0f} km"
