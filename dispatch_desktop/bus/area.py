"""The service area the hub accepts coordinates in, and the clock skew it accepts event times with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Area(Protocol):
    def contains(self, lat: float, lon: float) -> bool: ...


@dataclass(frozen=True)
class BBoxArea:
    """A latitude/longitude box: the cheap test the hub runs on every position."""

    south: float
    west: float
    north: float
    east: float

    def __post_init__(self) -> None:
        if not (-90 <= self.south < self.north <= 90 and -180 <= self.west < self.east <= 180):
            raise ValueError(f"not a bounding box: {self}")

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    @classmethod
    def parse(cls, text: str) -> BBoxArea:
        """``"south,west,north,east"`` in decimal degrees."""
        try:
            south, west, north, east = (float(part) for part in text.split(","))
        except ValueError:
            raise ValueError(f"expected 'south,west,north,east' in degrees, got {text!r}") from None
        return cls(south, west, north, east)


GUANGZHOU = BBoxArea(south=22.5, west=112.9, north=23.95, east=114.1)
"""Guangzhou's eleven districts with a margin; the default when no city is given."""

EVERYWHERE = BBoxArea(south=-90.0, west=-180.0, north=90.0, east=180.0)


@dataclass(frozen=True)
class Skew:
    """How far an event's source time may be from the hub's clock."""

    future_ms: int = 10 * 60_000
    past_ms: int = 24 * 3_600_000


DEFAULT_SKEW = Skew()
