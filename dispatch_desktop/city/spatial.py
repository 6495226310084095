"""Geometry for the generator: the local metric plane, density-weighted sampling inside a district,
and station areas as Voronoi cells."""

from __future__ import annotations

import functools
from typing import TypeVar

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from dispatch_desktop.domain.city import (
    CENTRE_LAT,
    CENTRE_LON,
    METRES_PER_DEGREE,
    plane_latlon,
    plane_xy,
)

COORD_DIGITS = 6  # ~0.1 m: finer than anything on the map, and stable bytes for the same seed

# How people spread over the city: a floor everywhere, a broad pull to the old centre and a tighter
# pull to each district's own town centres.
_FLOOR = 0.04
_CENTRE_WEIGHT = 1.0
_CENTRE_SCALE_M = 9_000.0
_CORE_SCALE_M = 3_500.0


_Geometry = TypeVar("_Geometry", bound=BaseGeometry)


def to_plane(geom: _Geometry) -> _Geometry:
    def forward(coords: np.ndarray) -> np.ndarray:
        x, y = plane_xy(coords[:, 1], coords[:, 0])
        return np.column_stack((x, y))

    return shapely.transform(geom, forward)


def to_degrees(geom: _Geometry) -> _Geometry:
    def back(coords: np.ndarray) -> np.ndarray:
        lat, lon = plane_latlon(coords[:, 0], coords[:, 1])
        return np.column_stack((lon, lat))

    return shapely.transform(geom, back)


def metres(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """(n, 2) plane coordinates of degree arrays."""
    x, y = plane_xy(lat, lon)
    return np.column_stack((x, y))


class Sampler:
    """Draws points strictly inside one district, denser where people live.

    ``sharpness`` bends the density: 0 is uniform over the area, 1 follows population, above 1
    crowds further into the centres. Points are drawn from a grid of small cells weighted by density
    (so a draw costs the same in a dense core as on an empty hillside), jittered inside their cell,
    and every returned point, rounded to ``COORD_DIGITS``, is checked against the district's own
    boundary in degrees.
    """

    _GRID_CELLS = 8_000  # per district; cells stay a few hundred metres across at most

    def __init__(self, geometry_deg: shapely.MultiPolygon, cores: tuple[tuple[float, float, float], ...]):
        self.geometry = geometry_deg
        shapely.prepare(self.geometry)
        self.plane = to_plane(geometry_deg)
        shapely.prepare(self.plane)
        self._border = self.plane.boundary
        shapely.prepare(self._border)
        self._weights: dict[float, np.ndarray] = {}
        self._core_xy = np.array([plane_xy(lat, lon) for lat, lon, _ in cores], dtype=np.float64).reshape(-1, 2)
        self._core_w = np.array([w for _, _, w in cores], dtype=np.float64)

    def far_from_border(self, x: np.ndarray, y: np.ndarray, margin_m: float) -> np.ndarray:
        """Which plane points are at least ``margin_m`` from the district's border."""
        near: np.ndarray = np.asarray(shapely.dwithin(self._border, shapely.points(x, y), margin_m))
        return ~near

    def density(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        w: np.ndarray = _FLOOR + _CENTRE_WEIGHT * np.exp(-np.hypot(x, y) / _CENTRE_SCALE_M)
        for (cx, cy), cw in zip(self._core_xy, self._core_w, strict=True):
            w = w + cw * np.exp(-np.hypot(x - cx, y - cy) / _CORE_SCALE_M)
        return w

    def inside(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        inside: np.ndarray = shapely.contains_xy(self.geometry, lon, lat)
        return inside

    @functools.cached_property
    def _cells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
        """Centres of the grid cells whose centre lies inside, their density, and the cell size."""
        minx, miny, maxx, maxy = self.plane.bounds
        size = max(60.0, float(np.sqrt((maxx - minx) * (maxy - miny) / self._GRID_CELLS)))
        gx, gy = np.meshgrid(np.arange(minx + size / 2, maxx, size), np.arange(miny + size / 2, maxy, size))
        gx, gy = gx.ravel(), gy.ravel()
        keep = shapely.contains_xy(self.plane, gx, gy)
        # Slivers narrower than a cell: add a point of each part so no part is left out.
        extra = shapely.get_coordinates(shapely.point_on_surface(shapely.get_parts(self.plane)))
        gx = np.concatenate((gx[keep], extra[:, 0]))
        gy = np.concatenate((gy[keep], extra[:, 1]))
        return gx, gy, self.density(gx, gy), size

    def _cumulative(self, sharpness: float) -> np.ndarray:
        if sharpness not in self._weights:
            self._weights[sharpness] = np.cumsum(self._cells[2] ** sharpness)
        return self._weights[sharpness]

    def sample(
        self, rng: np.random.Generator, n: int, *, margin_m: float = 0.0, sharpness: float = 1.0
    ) -> tuple[np.ndarray, np.ndarray]:
        """``n`` points as rounded (lat, lon) arrays, at least ``margin_m`` from the border."""
        gx, gy, _, size = self._cells
        cumulative = self._cumulative(sharpness)
        lats: list[np.ndarray] = [np.empty(0)]
        lons: list[np.ndarray] = [np.empty(0)]
        have = 0
        for _ in range(10_000):
            if have >= n:
                break
            batch = max(64, int(1.2 * (n - have)))
            cell = np.searchsorted(cumulative, rng.random(batch) * cumulative[-1], side="right")
            x = gx[cell] + rng.uniform(-size / 2, size / 2, batch)
            y = gy[cell] + rng.uniform(-size / 2, size / 2, batch)
            if margin_m > 0:
                keep = self.far_from_border(x, y, margin_m)
                x, y = x[keep], y[keep]
            lat, lon = rounded(*plane_latlon(x, y))
            ok = self.inside(lat, lon)
            lats.append(lat[ok])
            lons.append(lon[ok])
            have += int(ok.sum())
        else:
            raise ValueError(f"cannot place {n} points {margin_m} m inside the district")
        return np.concatenate(lats)[:n], np.concatenate(lons)[:n]

    def scatter(
        self,
        rng: np.random.Generator,
        centres_lat: np.ndarray,
        centres_lon: np.ndarray,
        sigma_m: np.ndarray | float,
    ) -> tuple[np.ndarray, np.ndarray]:
        """One point near each centre (Gaussian, ``sigma_m`` metres), redrawn until inside."""
        cx, cy = plane_xy(centres_lat, centres_lon)
        sigma = np.broadcast_to(np.asarray(sigma_m, dtype=np.float64), cx.shape)
        lat = np.empty(cx.shape[0])
        lon = np.empty(cx.shape[0])
        todo = np.arange(cx.shape[0])
        for _ in range(50):
            if not todo.size:
                break
            x = cx[todo] + rng.normal(0.0, 1.0, todo.size) * sigma[todo]
            y = cy[todo] + rng.normal(0.0, 1.0, todo.size) * sigma[todo]
            la, lo = rounded(*plane_latlon(x, y))
            ok = self.inside(la, lo)
            lat[todo[ok]] = la[ok]
            lon[todo[ok]] = lo[ok]
            todo = todo[~ok]
        if todo.size:  # centres hard against the border: fall back to anywhere near the people
            la, lo = self.sample(rng, todo.size)
            lat[todo] = la
            lon[todo] = lo
        return lat, lon


def rounded(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.round(lat, COORD_DIGITS), np.round(lon, COORD_DIGITS)


def voronoi_cells(
    geometry_deg: shapely.MultiPolygon, lat: np.ndarray, lon: np.ndarray
) -> list[BaseGeometry]:
    """The district cut into one cell per site: the points nearer (on the plane) to that site than to
    any other site of the district. Cells are cut on the plane and clipped in degrees, so their outer
    edges are exactly the district's own boundary."""
    if lat.size == 1:
        return [geometry_deg]
    sites = shapely.MultiPoint(metres(lat, lon))
    frame = to_plane(geometry_deg).envelope.buffer(10_000.0)
    diagram = shapely.voronoi_polygons(sites, extend_to=frame, ordered=True)
    cells = [to_degrees(cell).intersection(geometry_deg) for cell in diagram.geoms]
    if len(cells) != lat.size:
        raise RuntimeError(f"Voronoi diagram has {len(cells)} cells for {lat.size} sites")
    return cells


def boundary_points(line: BaseGeometry, rng: np.random.Generator, n: int) -> list[shapely.Point]:
    """``n`` points spread along a (multi)line: one at a random place in each of n equal stretches."""
    if n <= 0 or line.is_empty:
        return []
    if not isinstance(line, shapely.LineString | shapely.MultiLineString | shapely.GeometryCollection):
        raise TypeError(f"points along a line need a line, not a {line.geom_type}")
    fractions = (np.arange(n) + rng.uniform(0.1, 0.9, n)) / n
    return list(shapely.line_interpolate_point(line, fractions, normalized=True))


def bearing_deg(lat: float, lon: float) -> float:
    """Compass bearing from the city centre to the point."""
    x, y = plane_xy(lat, lon)
    return float(np.degrees(np.arctan2(x, y)) % 360.0)


__all__ = [
    "CENTRE_LAT",
    "CENTRE_LON",
    "COORD_DIGITS",
    "METRES_PER_DEGREE",
    "Sampler",
    "bearing_deg",
    "boundary_points",
    "metres",
    "rounded",
    "to_degrees",
    "to_plane",
    "voronoi_cells",
]
