"""Shared by the video tests and the wall's Qt tests: cameras at known places and small clips."""

from __future__ import annotations

import math
from pathlib import Path

from dispatch_desktop.domain.city import Camera
from dispatch_desktop.video.clips import ClipSpec, ensure_clips

SPOT = (23.1291, 113.2644)  # 海珠广场

# A camera CSV with three good rows (2, 3 and 11) and every kind of bad one in between.
GOOD_AND_BAD = """id,name,lat,lon,district,station,stream_url,heading,fov,tags
GZ-0001,天河路口东,23.1375,113.3240,440106,S-440106-01,rtsp://10.0.0.1/ch1,90,60,路口;高清
GZ-0002,体育中心西门,23.1380,113.3200,440106,S-440106-01,http://127.0.0.1:8080/,,,
GZ-0003,坏纬度,123.1,113.32,440106,,,,,
GZ 0004,空格编号,23.1,113.3,,,,,,
GZ-0005,朝向越界,23.1,113.3,,,,400,60,
GZ-0001,重复编号,23.1,113.3,,,,,,
GZ-0006,,abc,113.3,,,ftp://x/y,,,
GZ-0007,只有视角,23.1,113.3,,,,,45,
GZ-0008,少一列,23.1,113.3
GZ-0009,设备号,23.12,113.31,,,0,359.5,120,球机
"""

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
