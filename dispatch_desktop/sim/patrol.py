"""Patrol loops: closed rings of waypoints whose every leg stays inside the unit's area.

Without a road network, a plausible patrol is a loop of straight legs between points inside the station's
responsibility area (shrunk by a margin, so GPS noise does not push reports over the line). Every leg is
checked to lie inside the area, so concave areas do not make cars cut across a neighbour's ground. All
units are built in lockstep with vectorised shapely calls: at Guangzhou scale that is 10,000+ loops.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

_MAX_TRIES = 24  # candidates per waypoint before a unit settles for a shorter loop


@dataclass(frozen=True)
class LoopSpec:
    """What to build for each unit (arrays of equal length, metric frame).

    ``sample_area`` is where waypoints are drawn; ``path_area`` must contain every leg (the same area,
    or the district for units whose loop passes through an emergency patrol area). ``centre`` and
    ``radius`` confine waypoints to a beat (officers on foot); a radius of 0 means the whole area.
    ``via`` is an optional extra waypoint per unit (NaN for none) the loop should pass through.
    """

    sample_area: np.ndarray  # of shapely geometries
    path_area: np.ndarray
    centre: np.ndarray  # (n, 2)
    radius: np.ndarray  # (n,)
    via: np.ndarray  # (n, 2), NaN rows for none
    waypoints: np.ndarray  # (n,) int, wanted loop length


def sample_points(
    areas: np.ndarray,
    rng: np.random.Generator,
    centre: np.ndarray | None = None,
    radius: np.ndarray | None = None,
) -> np.ndarray:
    """One random point inside each area (within ``radius`` of ``centre`` where radius > 0).

    Rejection sampling from the bounding box (or the beat's disc); a unit whose beat does not meet its
    area after many tries falls back to the area's representative point, which is always inside.
    """
    n = len(areas)
    bounds = shapely.bounds(areas)
    if centre is not None and radius is not None:
        beat = radius > 0
        half = np.where(beat, radius, np.inf)
        bounds = np.column_stack([
            np.maximum(bounds[:, 0], centre[:, 0] - half), np.maximum(bounds[:, 1], centre[:, 1] - half),
            np.minimum(bounds[:, 2], centre[:, 0] + half), np.minimum(bounds[:, 3], centre[:, 1] + half),
        ])
    out = np.full((n, 2), np.nan)
    todo = np.arange(n)
    for _ in range(200):
        if todo.size == 0:
            return out
        lo, hi = bounds[todo, :2], bounds[todo, 2:]
        candidate = lo + rng.random((todo.size, 2)) * np.maximum(hi - lo, 0.0)
        inside = shapely.contains_xy(areas[todo], candidate[:, 0], candidate[:, 1])
        if centre is not None and radius is not None:
            r = radius[todo]
            inside &= (r <= 0) | (np.hypot(*(candidate - centre[todo]).T) <= r)
        out[todo[inside]] = candidate[inside]
        todo = todo[~inside]
    fallback = shapely.get_coordinates(shapely.point_on_surface(areas[todo]))
    out[todo] = fallback
    return out


def _legs_inside(path_area: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    same = np.all(start == end, axis=1)
    lines = shapely.linestrings(np.stack([start, end], axis=1))
    inside: np.ndarray = same | shapely.contains(path_area, lines)
    return inside


def build_loops(spec: LoopSpec, rng: np.random.Generator) -> list[np.ndarray]:
    """A closed loop of waypoints per unit, as an (m, 2) array with m >= 2 (the loop returns to row 0)."""
    n = len(spec.sample_area)
    for area in (spec.sample_area, spec.path_area):
        shapely.prepare(area)
    loops: list[list[np.ndarray]] = [[p] for p in sample_points(spec.sample_area, rng, spec.centre, spec.radius)]
    has_via = ~np.isnan(spec.via[:, 0])
    pending_via = has_via.copy()
    longest = int(spec.waypoints.max()) if n else 0
    for position in range(1, longest):
        building = np.flatnonzero(spec.waypoints > position)
        if building.size == 0:
            break
        last = np.array([loops[i][-1] for i in building])
        placed = np.zeros(building.size, dtype=bool)
        # Halfway round, units with a via point try it first.
        if position >= longest // 2:
            wants = pending_via[building]
            if wants.any():
                ok = np.zeros(building.size, dtype=bool)
                ok[wants] = _legs_inside(spec.path_area[building[wants]], last[wants], spec.via[building[wants]])
                for j in np.flatnonzero(ok):
                    loops[building[j]].append(spec.via[building[j]])
                pending_via[building[ok]] = False
                placed |= ok
        for _ in range(_MAX_TRIES):
            todo = np.flatnonzero(~placed)
            if todo.size == 0:
                break
            units = building[todo]
            candidate = sample_points(spec.sample_area[units], rng, spec.centre[units], spec.radius[units])
            ok = _legs_inside(spec.path_area[units], last[todo], candidate)
            for j, point in zip(todo[ok], candidate[ok], strict=True):
                loops[building[j]].append(point)
            placed[todo[ok]] = True
    return [_close(np.array(points), area) for points, area in zip(loops, spec.path_area, strict=True)]


def _close(points: np.ndarray, path_area: shapely.Geometry) -> np.ndarray:
    """Drop waypoints from the end until the closing leg back to the start stays inside the area."""
    while len(points) > 2:
        closing = shapely.linestrings([points[-1], points[0]])
        if shapely.contains(path_area, closing):
            break
        points = points[:-1]
    if len(points) == 1:
        # Nowhere to go (an area too small for a loop): stand still at the one point.
        points = np.vstack([points, points])
    return points
