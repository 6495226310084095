"""Plain-Python geometry for plan areas: distances in metres and points in polygons.

A plan's places are a few hundred metres across, so an equirectangular plane around the point is exact
to well under 1 % (the desk measures the same way); no geometry library is needed for a few polygons.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

METRES_PER_DEGREE = 6_371_008.8 * math.pi / 180.0


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the local plane at the two points' mean latitude, in metres."""
    east = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2.0))
    return math.hypot(east, lat2 - lat1) * METRES_PER_DEGREE


def in_ring(lat: float, lon: float, ring: Sequence[tuple[float, float]]) -> bool:
    """Whether the point is inside a ring of ``(lat, lon)`` vertices (closed or not; even-odd rule)."""
    inside = False
    previous_lat, previous_lon = ring[-1]
    for vertex_lat, vertex_lon in ring:
        if (vertex_lat > lat) != (previous_lat > lat):
            crossing_lon = vertex_lon + (lat - vertex_lat) * (previous_lon - vertex_lon) / (previous_lat - vertex_lat)
            if lon < crossing_lon:
                inside = not inside
        previous_lat, previous_lon = vertex_lat, vertex_lon
    return inside


BBox = tuple[float, float, float, float]
"""south, west, north, east in degrees."""


def ring_bbox(ring: Sequence[tuple[float, float]]) -> BBox:
    lats = [lat for lat, _ in ring]
    lons = [lon for _, lon in ring]
    return min(lats), min(lons), max(lats), max(lons)


def circle_bbox(lat: float, lon: float, radius_m: float) -> BBox:
    dlat = radius_m / METRES_PER_DEGREE
    dlon = dlat / max(0.01, math.cos(math.radians(lat)))
    return lat - dlat, lon - dlon, lat + dlat, lon + dlon


def in_bbox(lat: float, lon: float, box: BBox) -> bool:
    south, west, north, east = box
    return south <= lat <= north and west <= lon <= east
