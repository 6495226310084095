"""Which cameras to put on the wall for a spot: the nearest online ones, those that look at it first.

Guangzhou has 559,000 video points; a wall shows a few. ``CameraIndex`` bins camera positions into a
square grid on a local metric plane (numpy only), so a query touches the handful of cells around the
spot instead of every camera. Ranking:

1. cameras that *cover* the spot, nearest first. A fixed camera covers it when the spot lies within
   ``fov/2`` of its heading and within ``cover_range_m``; a dome (no heading) turns, so it covers
   anything within the shorter ``dome_range_m``;
2. then every other camera, nearest first.

Ties break on the camera's position in the registry, so the same question always gets the same wall.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np

from dispatch_desktop.domain.city import Camera

COVER_RANGE_M = 150.0
DOME_RANGE_M = 60.0
DEFAULT_FOV = 60.0  # a fixed camera whose field of view was not recorded
_M_PER_DEG = 6_371_008.8 * math.pi / 180.0

Online = Callable[[str], bool] | Collection[str] | None
"""Which cameras may be chosen: a predicate on the id, a collection of online ids, or None for all."""


@dataclass(frozen=True)
class RankedCamera:
    camera: Camera
    distance_m: float
    bearing_deg: float  # from the camera to the spot, clockwise from north
    covers: bool  # the spot is in the camera's view


class CameraIndex:
    """A grid index over cameras; build once (≈0.5 s for 559,000 cameras), query in milliseconds."""

    def __init__(self, cameras: Sequence[Camera], *, cell_m: float = 250.0) -> None:
        if cell_m <= 0:
            raise ValueError(f"cell size must be positive, not {cell_m}")
        self.cameras: tuple[Camera, ...] = tuple(cameras)
        self._by_id = {camera.id: i for i, camera in enumerate(self.cameras)}
        count = len(self.cameras)
        lat = np.fromiter((c.lat for c in self.cameras), np.float64, count)
        lon = np.fromiter((c.lon for c in self.cameras), np.float64, count)
        heading = np.fromiter((math.nan if c.heading is None else c.heading for c in self.cameras), np.float64,
                              count)
        fov = np.fromiter((math.nan if c.fov is None else c.fov for c in self.cameras), np.float64, count)
        self.heading = heading % 360.0
        self.fov = np.where(np.isnan(fov), DEFAULT_FOV, fov)
        # The plane is centred on the cameras themselves, so any city (or a CSV anywhere) is accurate.
        self._lat0 = float(np.median(lat)) if count else 0.0
        self._lon0 = float(np.median(lon)) if count else 0.0
        self._kx = _M_PER_DEG * math.cos(math.radians(self._lat0))
        self.x, self.y = self._xy(lat, lon)
        self.cell_m = cell_m
        cx = np.floor(self.x / cell_m).astype(np.int64) if count else np.zeros(0, np.int64)
        cy = np.floor(self.y / cell_m).astype(np.int64) if count else np.zeros(0, np.int64)
        self._cx0 = int(cx.min()) if count else 0
        self._cy0 = int(cy.min()) if count else 0
        self._cols = int(cx.max()) - self._cx0 + 1 if count else 1
        self._rows = int(cy.max()) - self._cy0 + 1 if count else 1
        keys = (cy - self._cy0) * self._cols + (cx - self._cx0)
        self._order = np.argsort(keys, kind="stable")
        self._keys = keys[self._order]

    def __len__(self) -> int:
        return len(self.cameras)

    def __contains__(self, camera_id: object) -> bool:
        return camera_id in self._by_id

    def get(self, camera_id: str) -> Camera | None:
        i = self._by_id.get(camera_id)
        return None if i is None else self.cameras[i]

    def _xy(self, lat: np.ndarray | float, lon: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        return (np.asarray(lon, np.float64) - self._lon0) * self._kx, (np.asarray(lat, np.float64) - self._lat0) * (
            _M_PER_DEG
        )

    def within(self, lat: float, lon: float, radius_m: float) -> np.ndarray:
        """Indices of the cameras within ``radius_m`` of the spot (unordered)."""
        if not self.cameras or radius_m < 0:
            return np.zeros(0, np.intp)
        x, y = (float(v) for v in self._xy(lat, lon))
        c0 = math.floor((x - radius_m) / self.cell_m) - self._cx0
        c1 = math.floor((x + radius_m) / self.cell_m) - self._cx0
        r0 = math.floor((y - radius_m) / self.cell_m) - self._cy0
        r1 = math.floor((y + radius_m) / self.cell_m) - self._cy0
        c0, c1 = max(c0, 0), min(c1, self._cols - 1)
        r0, r1 = max(r0, 0), min(r1, self._rows - 1)
        if c0 > c1 or r0 > r1:
            return np.zeros(0, np.intp)
        # Cells of one grid row are contiguous in key order: one slice per row.
        starts = np.arange(r0, r1 + 1, dtype=np.int64) * self._cols
        lo = np.searchsorted(self._keys, starts + c0, side="left")
        hi = np.searchsorted(self._keys, starts + c1, side="right")
        parts = [self._order[a:b] for a, b in zip(lo, hi, strict=True) if b > a]
        if not parts:
            return np.zeros(0, np.intp)
        candidates = np.concatenate(parts)
        dx = self.x[candidates] - x
        dy = self.y[candidates] - y
        return candidates[dx * dx + dy * dy <= radius_m * radius_m]

    def select(
        self,
        lat: float,
        lon: float,
        n: int,
        *,
        online: Online = None,
        cover_range_m: float = COVER_RANGE_M,
        dome_range_m: float = DOME_RANGE_M,
    ) -> list[RankedCamera]:
        """The ``n`` best cameras for the spot, best first (see the module docstring)."""
        if n <= 0 or not self.cameras:
            return []
        allowed = _predicate(online)
        outside = self._distance_to_grid(lat, lon)
        radius = max(cover_range_m, dome_range_m, self.cell_m, outside + self.cell_m)
        extent = (math.hypot(self._cols, self._rows) + 1) * self.cell_m + outside
        while True:
            found = self.within(lat, lon, radius)
            if allowed is not None:
                found = found[[allowed(self.cameras[i].id) for i in found.tolist()]] if found.size else found
            if found.size >= n or radius > extent:
                break
            radius *= 2.0
        return self._rank(found, lat, lon, n, cover_range_m, dome_range_m)

    def _distance_to_grid(self, lat: float, lon: float) -> float:
        """How far the spot is outside the cameras' bounding box (0 inside): where a search starts."""
        x, y = (float(v) for v in self._xy(lat, lon))
        x0, y0 = self._cx0 * self.cell_m, self._cy0 * self.cell_m
        x1, y1 = x0 + self._cols * self.cell_m, y0 + self._rows * self.cell_m
        return math.hypot(max(x0 - x, 0.0, x - x1), max(y0 - y, 0.0, y - y1))

    def _rank(self, found: np.ndarray, lat: float, lon: float, n: int, cover_range_m: float,
              dome_range_m: float) -> list[RankedCamera]:
        x, y = (float(v) for v in self._xy(lat, lon))
        dx = x - self.x[found]
        dy = y - self.y[found]
        distance = np.hypot(dx, dy)
        bearing = np.degrees(np.arctan2(dx, dy)) % 360.0
        heading = self.heading[found]
        dome = np.isnan(heading)
        off_axis = np.abs((bearing - np.nan_to_num(heading) + 180.0) % 360.0 - 180.0)
        fixed_covers = (off_axis <= self.fov[found] / 2.0) | (distance < 1.0)
        covers = np.where(dome, distance <= dome_range_m, fixed_covers & (distance <= cover_range_m))
        order = np.lexsort((found, distance, ~covers))[:n]
        return [
            RankedCamera(
                camera=self.cameras[int(found[k])],
                distance_m=float(distance[k]),
                bearing_deg=float(bearing[k]),
                covers=bool(covers[k]),
            )
            for k in order.tolist()
        ]


def _predicate(online: Online) -> Callable[[str], bool] | None:
    if online is None:
        return None
    if callable(online):
        return online
    return online.__contains__


def select_cameras(
    cameras: CameraIndex | Sequence[Camera],
    lat: float,
    lon: float,
    n: int,
    *,
    online: Online = None,
    cover_range_m: float = COVER_RANGE_M,
    dome_range_m: float = DOME_RANGE_M,
) -> list[RankedCamera]:
    """The ``n`` cameras to show for the spot, ranked. Pass a prebuilt ``CameraIndex`` for a large
    registry; a plain sequence is indexed on the spot (fine for a few thousand cameras)."""
    index = cameras if isinstance(cameras, CameraIndex) else CameraIndex(cameras)
    return index.select(lat, lon, n, online=online, cover_range_m=cover_range_m, dome_range_m=dome_range_m)
