"""Which camera is on which tile of the wall: layouts, pinning, filling for an incident.

Kept apart from the widgets so the rules can be tested without Qt: pinned cameras keep their tiles
when the wall is refilled for another incident; the other tiles take the ranked cameras in reading
order; a camera is never on two tiles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

LAYOUTS: tuple[int, ...] = (1, 4, 9, 16, 25)


def grid_side(size: int) -> int:
    if size not in LAYOUTS:  # every layout is a square grid
        raise ValueError(f"wall layout must be one of {LAYOUTS}, not {size}")
    return math.isqrt(size)


class WallPlan:
    def __init__(self, size: int = 9) -> None:
        grid_side(size)
        self.tiles: list[str | None] = [None] * size
        self.pinned: set[str] = set()

    @property
    def size(self) -> int:
        return len(self.tiles)

    def cameras(self) -> list[str]:
        return [c for c in self.tiles if c is not None]

    def index_of(self, camera_id: str) -> int | None:
        try:
            return self.tiles.index(camera_id)
        except ValueError:
            return None

    def is_pinned(self, camera_id: str) -> bool:
        return camera_id in self.pinned

    def resize(self, size: int) -> None:
        """Change the layout. Cameras keep their tiles where they fit; pinned cameras that would fall
        off are moved onto the first free or unpinned tiles that remain."""
        grid_side(size)
        if size >= self.size:
            self.tiles += [None] * (size - self.size)
            return
        kept, dropped = self.tiles[:size], self.tiles[size:]
        self.tiles = kept
        for camera in dropped:
            if camera is None or camera not in self.pinned:
                continue
            slot = next((i for i, c in enumerate(self.tiles) if c is None or c not in self.pinned), None)
            if slot is None:
                self.pinned.discard(camera)  # every tile is pinned already: it cannot stay
            else:
                self.tiles[slot] = camera
        self.pinned &= set(self.cameras())

    def fill(self, ranked: Iterable[str]) -> None:
        """Put the ranked cameras on the unpinned tiles, best first; pinned tiles stay as they are."""
        on_pins = {c for c in self.tiles if c in self.pinned}
        queue = iter(c for c in dict.fromkeys(ranked) if c not in on_pins)
        for i, camera in enumerate(self.tiles):
            if camera is None or camera not in self.pinned:
                self.tiles[i] = next(queue, None)

    def put(self, camera_id: str) -> int | None:
        """Show one camera (a click on the map): where it already is, else on the first empty tile,
        else instead of the last unpinned one. None if every tile is pinned."""
        where = self.index_of(camera_id)
        if where is not None:
            return where
        free = [i for i, c in enumerate(self.tiles) if c is None]
        if free:
            slot = free[0]
        else:
            unpinned = [i for i, c in enumerate(self.tiles) if c not in self.pinned]
            if not unpinned:
                return None
            slot = unpinned[-1]
        self.tiles[slot] = camera_id
        return slot

    def pin(self, camera_id: str, pinned: bool = True) -> bool:
        """Pin or unpin a camera that is on the wall; False if it is not on the wall."""
        if self.index_of(camera_id) is None:
            return False
        if pinned:
            self.pinned.add(camera_id)
        else:
            self.pinned.discard(camera_id)
        return True

    def remove(self, camera_id: str) -> None:
        where = self.index_of(camera_id)
        if where is not None:
            self.tiles[where] = None
        self.pinned.discard(camera_id)
