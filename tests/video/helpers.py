"""Shared by the video tests and the wall's Qt tests: cameras at known places and small clips."""

from __future__ import annotations

import math
from pathlib import Path

from dispatch_desktop.domain.city import Camera
from dispatch_desktop.video.clips import ClipSpec, ensure_clips

SPOT = (23.1291, 113.2644)  # 海珠广场
_M_PER_DEG = 6_371_008.8 * math.pi / 180.0


def offset(lat: float, lon: float, *, north_m: float = 0.0, east_m: float = 0.0) -> tuple[float, float]:
    """The point ``north_m`` / ``east_m`` metres from (lat, lon)."""
    return lat + north_m / _M_PER_DEG, lon + east_m / (_M_PER_DEG * math.cos(math.radians(lat)))


def camera(
    camera_id: str,
    *,
    north_m: float = 0.0,
    east_m: float = 0.0,
    heading: float | None = None,
    fov: float | None = None,
    url: str = "",
    name: str = "",
) -> Camera:
    """A camera placed relative to ``SPOT``."""
    lat, lon = offset(*SPOT, north_m=north_m, east_m=east_m)
    return Camera(
        id=camera_id, name=name or f"测试摄像头 {camera_id}", district="440104", station="S-440104-01",
        lat=lat, lon=lon, heading=heading, fov=fov, stream_url=url,
    )


def small_clips(directory: Path, count: int = 3, seconds: float = 2.0) -> list[Path]:
    """A few short 320×180 clips at 12 fps (fast to write, real MJPG files)."""
    return ensure_clips(directory, ClipSpec(count=count, width=320, height=180, fps=12.0, seconds=seconds))
