"""The full 559,000 cameras: generated in bulk, still every one inside its district."""

from __future__ import annotations

import numpy as np
import shapely

from dispatch_desktop.city import GUANGZHOU_CAMERAS, clear_cache, generate_city
from dispatch_desktop.domain.city import City


def test_full_camera_count(city: City) -> None:
    try:
        full = generate_city(cameras=GUANGZHOU_CAMERAS)
        assert len(full.cameras) == 559_000
        assert full.stations == city.stations  # only the cameras grow
        assert len({c.id for c in full.cameras}) == 559_000
        district = np.array([c.district for c in full.cameras])
        lat = np.fromiter((c.lat for c in full.cameras), float, len(full.cameras))
        lon = np.fromiter((c.lon for c in full.cameras), float, len(full.cameras))
        for d in full.districts:
            mine = district == d.adcode
            assert mine.sum() > 10_000
            assert shapely.contains_xy(d.shape, lon[mine], lat[mine]).all()
        assert len(full.cameras_near(23.13, 113.32, radius_m=200)) == 16
    finally:
        clear_cache()  # a full city is a few hundred MB; don't keep it for the rest of the run
