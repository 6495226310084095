"""Which camera a drill darkens for "the camera near the call": the one a video wall shows first there.

A scenario's ``camera_dark: {near: knife}`` means the camera the trainees would look at first for that call's
place; a trainer's desk passes its own wall's choice to the runner, and the command line ranks the city's
cameras as a wall does (``video.selection``: cameras with a stream, covering the spot, nearest first).
"""

from __future__ import annotations

from collections.abc import Callable

from dispatch_desktop.domain.city import City
from dispatch_desktop.video.selection import CameraIndex


def first_camera_of(city: City) -> Callable[[float, float], str | None]:
    """The camera a video wall over the city's cameras shows first for a place (one with a stream), else, in a
    city whose cameras have no streams configured, the one it ranks first; the ranking is built when a drill
    first asks (indexing half a million cameras takes a moment), then kept."""
    built: list[CameraIndex] = []

    def streams(camera_id: str) -> bool:
        camera = built[0].get(camera_id)
        return camera is not None and bool(camera.stream_url)

    def first(lat: float, lon: float) -> str | None:
        if not built:
            built.append(CameraIndex(city.cameras))
        ranked = built[0].select(lat, lon, 1, online=streams) or built[0].select(lat, lon, 1)
        return ranked[0].camera.id if ranked else None

    return first
