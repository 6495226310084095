"""``generate_city``: the whole static city from one seed.

Same seed, same arguments → the very same city, byte for byte (``msgspec.msgpack.encode`` of two
generations is equal): randomness comes only from seeded generators, one stream per step, and nothing
iterates a set or depends on hashing. The figures default to Guangzhou's (see docs: 255 stations,
1,100 patrol groups, 80 emergency patrol areas, 27 duty points, 218 checkpoints; 559,000 cameras in
full, 2,000 by default to keep the desk light).
"""

from __future__ import annotations

import functools
from pathlib import Path

import msgspec

from dispatch_desktop.city.cameras import StreamUrl, build_cameras, stream_template, with_streams
from dispatch_desktop.city.context import Build
from dispatch_desktop.city.districts import load_districts
from dispatch_desktop.city.landmarks import build_landmarks
from dispatch_desktop.city.places import places_in, read_places
from dispatch_desktop.city.posts import build_checkpoints, build_duty_points, build_patrol_areas
from dispatch_desktop.city.roster import RosterSpec, build_units
from dispatch_desktop.city.stations import build_stations
from dispatch_desktop.domain.city import City

DEFAULT_SEED = 20161
GUANGZHOU_CAMERAS = 559_000


class CitySpec(msgspec.Struct, frozen=True):
    """How much of everything to generate."""

    stations: int = 255
    roster: RosterSpec = RosterSpec()
    patrol_areas: int = 80
    duty_points: int = 27
    checkpoints: int = 218
    landmarks: int = 300


def generate_city(
    seed: int = DEFAULT_SEED,
    *,
    cameras: int = 2_000,
    spec: CitySpec | None = None,
    stream_url: StreamUrl | str | None = None,
    stream_clips: int = 0,
    districts_path: Path | str | None = None,
) -> City:
    """Generate (or fetch from the in-process memo) the city for ``seed``.

    ``stream_url`` sets the cameras' video addresses: a function ``(index, camera) -> url`` or a
    template such as ``"file:///srv/clips/clip_{n}.mp4"`` whose ``{n}`` cycles over ``stream_clips``
    clips (see ``stream_template``). Without it every ``stream_url`` is "" (no stream configured).
    """
    if isinstance(cameras, bool) or not isinstance(cameras, int) or cameras < 0:
        raise ValueError(f"cameras must be a non-negative integer, not {cameras!r}")
    url_for = stream_template(stream_url, stream_clips) if isinstance(stream_url, str) else stream_url
    path = str(Path(districts_path).resolve()) if districts_path is not None else ""
    city = _generate(seed, cameras, spec or CitySpec(), path)
    return with_streams(city, url_for) if url_for is not None else city


@functools.lru_cache(maxsize=4)
def _generate(seed: int, cameras: int, spec: CitySpec, districts_path: str) -> City:
    build = Build(seed, load_districts(districts_path or None))
    places = places_in(read_places(), build.districts)
    stations = build_stations(build, spec.stations)
    build.make_roads()
    landmarks = build_landmarks(build, spec.landmarks, places)
    sites = places + landmarks  # posts and cameras gather at real places as much as at generated ones
    patrol_areas = build_patrol_areas(build, sites, spec.patrol_areas)
    duty_points = build_duty_points(build, sites, patrol_areas, spec.duty_points)
    checkpoints = build_checkpoints(build, spec.checkpoints)
    units = build_units(build, spec.roster)
    return City(
        seed=seed,
        districts=tuple(d.district for d in build.districts),
        stations=tuple(stations),
        units=tuple(units),
        patrol_areas=tuple(patrol_areas),
        duty_points=tuple(duty_points),
        checkpoints=tuple(checkpoints),
        cameras=tuple(build_cameras(build, sites, checkpoints, cameras)),
        landmarks=tuple(landmarks),
        places=tuple(places),
    )


def clear_cache() -> None:
    """Forget memoised cities (a full-size one holds a few hundred MB)."""
    _generate.cache_clear()
