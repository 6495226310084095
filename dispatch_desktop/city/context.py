"""What every step of the generator shares: the districts, their samplers, seeded randomness, the
name pool, and a station locator once stations exist."""

from __future__ import annotations

import random
import zlib

import numpy as np

from dispatch_desktop.city.districts import DistrictShape
from dispatch_desktop.city.names import NamePool, road_names
from dispatch_desktop.city.spatial import Sampler
from dispatch_desktop.domain.city import Station, nearest_site, plane_xy


class Build:
    def __init__(self, seed: int, districts: list[DistrictShape]):
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
        self.seed = seed
        self.districts = districts
        self.by_code = {d.district.adcode: d for d in districts}
        self.samplers = {d.district.adcode: Sampler(d.geometry, d.facts.cores) for d in districts}
        self.places = NamePool(self.py_rng("places"))
        self.stations: dict[str, list[Station]] = {}
        self.station_area_m2: dict[str, float] = {}
        self.roads: dict[str, list[str]] = {}
        self._station_xy: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    # Each step draws from its own stream, so changing how many cameras there are (say) leaves the
    # stations, roster and posts exactly as they were.
    def np_rng(self, topic: str) -> np.random.Generator:
        return np.random.default_rng([self.seed, zlib.crc32(topic.encode())])

    def py_rng(self, topic: str) -> random.Random:
        return random.Random(f"{self.seed}/{topic}")  # str seeds are hashed with SHA-512: stable

    def set_stations(self, adcode: str, stations: list[Station]) -> None:
        self.stations[adcode] = stations
        self._station_xy[adcode] = plane_xy(np.array([s.lat for s in stations]), np.array([s.lon for s in stations]))

    def make_roads(self, extra: int = 8) -> None:
        """Name each district's main roads: a few more than it has stations."""
        rng = self.py_rng("roads")
        for d in self.districts:
            count = len(self.stations.get(d.district.adcode, ())) + extra
            self.roads[d.district.adcode] = road_names(self.places.take_many(count), rng)

    def station_index(self, adcode: str, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Index (into ``self.stations[adcode]``) of the station responsible for each point, computed
        the way ``City.station_at`` does."""
        sx, sy = self._station_xy[adcode]
        x, y = plane_xy(lat, lon)
        return nearest_site(x, y, sx, sy)

    def station_ids(self, adcode: str, lat: np.ndarray, lon: np.ndarray) -> list[str]:
        stations = self.stations[adcode]
        return [stations[i].id for i in self.station_index(adcode, lat, lon).tolist()]
