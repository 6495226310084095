"""Synthetic camera clips for the demo and the tests: no network, no real footage.

Each clip looks like a fixed street camera: a road with moving cars and pedestrians, an on-screen
clock and the clip's camera label burned in (OpenCV's Hershey fonts are ASCII only, so the Chinese
camera name is drawn by the wall, not into the video). Clips are Motion-JPEG in AVI: every frame is a
key frame, so looping is a cheap seek to frame 0 and any OpenCV build can write and read them.

The set is written once to ``<data dir>/demo_clips`` and reused; a manifest records what was asked for,
so a different request regenerates instead of silently reusing clips of the wrong shape.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2
import numpy as np

from dispatch_desktop.paths import data_dir

CLIP_DIR_NAME = "demo_clips"
MANIFEST = "manifest.json"
_FOURCC = "MJPG"
_SUFFIX = ".avi"
_FORMAT_VERSION = 2  # bump when the picture or the names change, so old sets are regenerated
CLIP_NAME = "clip_{n:02d}" + _SUFFIX
"""File name of clip ``n`` (0-based): also a ``{n}`` stream template for ``generate_city``."""


@dataclass(frozen=True)
class ClipSpec:
    """What a clip set looks like. The defaults are the demo's: 16 clips of 640×360, 12 s at 12 fps."""

    count: int = 16
    width: int = 640
    height: int = 360
    fps: float = 12.0
    seconds: float = 12.0

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"clip count must be at least 1, not {self.count}")
        if self.width < 64 or self.height < 48 or self.width % 2 or self.height % 2:
            raise ValueError(f"clip size must be even and at least 64×48, not {self.width}×{self.height}")
        if not 1.0 <= self.fps <= 60.0:
            raise ValueError(f"clip fps must be between 1 and 60, not {self.fps}")
        if not 0.5 <= self.seconds <= 120.0:
            raise ValueError(f"clip length must be between 0.5 and 120 s, not {self.seconds}")

    @property
    def frames(self) -> int:
        return max(1, round(self.fps * self.seconds))


def clip_label(number: int) -> str:
    """The label burned into clip ``number`` (1-based), e.g. ``GZ-CAM 07``."""
    return f"GZ-CAM {number:02d}"


def render_frame(
    index: int,
    *,
    label: str,
    width: int = 640,
    height: int = 360,
    fps: float = 12.0,
    variant: int = 0,
    clock: dt.datetime | None = None,
) -> np.ndarray:
    """One BGR frame of a synthetic street scene at frame ``index``.

    ``variant`` changes the colours, traffic and lane layout so that tiles on the wall are told apart at
    a glance; ``clock`` is the time shown (by default: a fixed date plus the frame's time in the clip).
    """
    t = index / fps
    sx, sy = width / 640.0, height / 360.0
    img = _background(width, height, variant).copy()
    road_top, road_bottom = int(150 * sy), int(300 * sy)
    rng = np.random.default_rng(variant)
    mid = (road_top + road_bottom) // 2
    dash = int(40 * sx)
    offset = int(t * 60 * sx) % (2 * dash)
    for dash_x in range(-2 * dash, width + 2 * dash, 2 * dash):
        cv2.line(img, (dash_x + offset, mid), (dash_x + offset + dash, mid), (210, 210, 210), max(1, int(2 * sy)))
    # Cars: two lanes each way, wrapping around the frame at different speeds.
    lanes = 4
    for car in range(3 + variant % 4):
        lane = car % lanes
        speed = (40 + 25 * ((car * 7 + variant) % 5)) * sx * (1 if lane < 2 else -1)
        span = width + 120 * sx
        x = (car * 173 * sx + t * speed) % span - 60 * sx
        y = road_top + (lane + 0.5) * (road_bottom - road_top) / lanes
        colour = rng.integers(40, 230, size=3).tolist()
        w, h = 54 * sx, 22 * sy
        cv2.rectangle(img, (int(x - w / 2), int(y - h / 2)), (int(x + w / 2), int(y + h / 2)), colour, -1)
    # Pedestrians on the pavement: circles bobbing along.
    for person in range(2 + variant % 3):
        x = (person * 211 * sx + t * (18 + 6 * person) * sx) % width
        y = (318 + 8 * math.sin(t * 3 + person)) * sy
        cv2.circle(img, (int(x), int(y)), max(2, int(7 * sy)), (30, 180 - 20 * person, 230), -1)
    stamp = clock or dt.datetime(2024, 5, 1, 9, 30, 0) + dt.timedelta(seconds=t)
    font = cv2.FONT_HERSHEY_SIMPLEX
    scale = 0.55 * sy
    _text(img, stamp.strftime("%Y-%m-%d %H:%M:%S"), (int(10 * sx), int(24 * sy)), font, scale)
    _text(img, label, (int(10 * sx), height - int(12 * sy)), font, scale * 1.2)
    return img


@functools.lru_cache(maxsize=32)
def _background(width: int, height: int, variant: int) -> np.ndarray:
    """The still part of the scene (sky, buildings, road), drawn once per clip."""
    rng = np.random.default_rng(variant)
    sx, sy = width / 640.0, height / 360.0
    base = rng.integers(55, 95, size=3)
    img = cv2.merge([np.full((height, width), int(c), np.uint8) for c in base])
    for k in range(8):
        x0 = int(k * 80 * sx)
        top = int((40 + rng.integers(0, 60)) * sy)
        shade = (base + rng.integers(-25, 25, size=3)).clip(0, 255)
        cv2.rectangle(img, (x0, top), (x0 + int(72 * sx), int(140 * sy)), shade.tolist(), -1)
    cv2.rectangle(img, (0, int(150 * sy)), (width, int(300 * sy)), (48, 48, 50), -1)
    img.flags.writeable = False  # shared by every frame of the clip
    return img


def _text(img: np.ndarray, text: str, origin: tuple[int, int], font: int, scale: float) -> None:
    thickness = max(1, round(scale * 2))
    cv2.putText(img, text, origin, font, scale, (0, 0, 0), thickness + 2, cv2.LINE_AA)
    cv2.putText(img, text, origin, font, scale, (255, 255, 255), thickness, cv2.LINE_AA)


def clip_dir() -> Path:
    return data_dir() / CLIP_DIR_NAME


def clip_paths(directory: Path, spec: ClipSpec) -> list[Path]:
    return [directory / CLIP_NAME.format(n=n) for n in range(spec.count)]


def write_clip(path: Path, spec: ClipSpec, number: int) -> None:
    """Write the clip labelled ``number`` (1-based) to ``path`` atomically: a crash never leaves a
    truncated clip behind."""
    partial = path.with_name(f".{path.stem}.{os.getpid()}.partial{_SUFFIX}")  # per process: no clashes
    writer = cv2.VideoWriter(str(partial), cv2.VideoWriter.fourcc(*_FOURCC), spec.fps, (spec.width, spec.height))
    if not writer.isOpened():
        raise OSError(f"OpenCV cannot write {_FOURCC} video to {partial}")
    try:
        for index in range(spec.frames):
            writer.write(
                render_frame(
                    index,
                    label=clip_label(number),
                    width=spec.width,
                    height=spec.height,
                    fps=spec.fps,
                    variant=number,
                )
            )
    finally:
        writer.release()
    os.replace(partial, path)


def ensure_clips(directory: Path | None = None, spec: ClipSpec | None = None) -> list[Path]:
    """The clip set in ``directory`` (default: the data dir's ``demo_clips``), generated if missing.

    Existing clips are reused when the manifest matches ``spec`` and every file is there; otherwise the
    set is (re)written. Returns the clip paths in order.
    """
    spec = spec or ClipSpec()
    directory = directory or clip_dir()
    directory.mkdir(parents=True, exist_ok=True)
    paths = clip_paths(directory, spec)
    wanted = {"version": _FORMAT_VERSION, "fourcc": _FOURCC, **asdict(spec)}
    manifest = directory / MANIFEST
    if _read_manifest(manifest) == wanted and all(p.is_file() and p.stat().st_size > 0 for p in paths):
        return paths
    manifest.unlink(missing_ok=True)
    for stale in set(directory.glob(f"clip_*{_SUFFIX}")) - set(paths):
        stale.unlink()  # left by an earlier, larger or differently named set
    for n, path in enumerate(paths):
        write_clip(path, spec, n + 1)
    manifest.write_text(json.dumps(wanted, indent=2), encoding="utf-8")
    return paths


def _read_manifest(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def demo_stream_urls(paths: Sequence[Path]) -> list[str]:
    """Stream addresses (``file://`` URLs) for the clips, in the order cameras cycle over them."""
    return [path.resolve().as_uri() for path in paths]


def demo_stream_template(directory: Path | None = None) -> str:
    """A ``file://`` URL template with ``{n}`` for the clip number, for
    ``generate_city(..., stream_url=demo_stream_template(), stream_clips=len(clips))``."""
    # as_uri() percent-encodes any brace in the directory, so only {n} is left for the formatter.
    return (directory or clip_dir()).resolve().as_uri() + "/" + CLIP_NAME


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the synthetic demo camera clips (once).")
    parser.add_argument("--dir", type=Path, default=None, help="output directory (default: data dir)")
    parser.add_argument("--count", type=int, default=ClipSpec.count)
    parser.add_argument("--seconds", type=float, default=ClipSpec.seconds)
    parser.add_argument("--fps", type=float, default=ClipSpec.fps)
    args = parser.parse_args(argv)
    try:
        spec = ClipSpec(count=args.count, seconds=args.seconds, fps=args.fps)
        paths = ensure_clips(args.dir, spec)
    except (ValueError, OSError) as error:
        print(f"make-demo-clips: {error}", file=sys.stderr)
        return 1
    print(f"{len(paths)} clips in {paths[0].parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
