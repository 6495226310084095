"""Police stations (派出所): spread over districts by population, denser in the centres, each with
its responsibility area (the Voronoi cell of the station within its district)."""

from __future__ import annotations

import numpy as np

from dispatch_desktop.city.alloc import apportion
from dispatch_desktop.city.context import Build
from dispatch_desktop.city.districts import DistrictShape
from dispatch_desktop.city.spatial import Sampler, metres, to_plane, voronoi_cells
from dispatch_desktop.domain.city import Station, from_shape, nearest_site, plane_xy

_MARGIN_M = 250.0  # stations keep off the district border
_POPULATION_DRAWS = 200  # Monte Carlo residents per station, to estimate each area's population


def build_stations(build: Build, total: int) -> list[Station]:
    counts = apportion(total, [d.district.population for d in build.districts], minimum=1)
    rng = build.np_rng("stations")
    out: list[Station] = []
    for shape, count in zip(build.districts, counts, strict=True):
        stations = _district_stations(build, shape, count, rng)
        build.set_stations(shape.district.adcode, stations)
        out += stations
    return out


def _district_stations(build: Build, shape: DistrictShape, count: int, rng: np.random.Generator) -> list[Station]:
    district = shape.district
    sampler = build.samplers[district.adcode]
    lat, lon = _spaced_sites(sampler, rng, count, area_m2=sampler.plane.area)
    # Number them from the district's main centre outwards: -01 is the central station.
    core_lat, core_lon, _ = shape.facts.cores[0]
    cx, cy = plane_xy(core_lat, core_lon)
    x, y = plane_xy(lat, lon)
    order = np.lexsort((lon, lat, np.hypot(x - cx, y - cy)))
    lat, lon = lat[order], lon[order]
    cells = voronoi_cells(shape.geometry, lat, lon)
    for i, cell in enumerate(cells):
        build.station_area_m2[_station_id(district.adcode, i)] = to_plane(cell).area
    population = _populations(sampler, rng, lat, lon, district.population)
    return [
        Station(
            id=_station_id(district.adcode, i),
            name=f"{district.name}{build.places.take()}派出所",
            district=district.adcode,
            lat=float(lat[i]),
            lon=float(lon[i]),
            population=int(population[i]),
            polygon=from_shape(cells[i]),
        )
        for i in range(count)
    ]


def _station_id(adcode: str, index: int) -> str:
    return f"S-{adcode}-{index + 1:02d}"


def _spaced_sites(
    sampler: Sampler, rng: np.random.Generator, count: int, *, area_m2: float
) -> tuple[np.ndarray, np.ndarray]:
    """Density-weighted sites no two of which are closer than a spacing that shrinks until ``count``
    fit: real stations are never next door to each other, even downtown."""
    spacing = 0.5 * np.sqrt(area_m2 / count)
    chosen_lat: list[float] = []
    chosen_lon: list[float] = []
    chosen_xy: list[np.ndarray] = []
    while len(chosen_lat) < count:
        lat, lon = sampler.sample(rng, 10 * count, margin_m=_MARGIN_M)
        xy = metres(lat, lon)
        for i in range(lat.size):
            if chosen_xy and np.min(np.hypot(*(np.array(chosen_xy) - xy[i]).T)) < spacing:
                continue
            chosen_lat.append(float(lat[i]))
            chosen_lon.append(float(lon[i]))
            chosen_xy.append(xy[i])
            if len(chosen_lat) == count:
                break
        spacing *= 0.8
    return np.array(chosen_lat), np.array(chosen_lon)


def _populations(
    sampler: Sampler, rng: np.random.Generator, lat: np.ndarray, lon: np.ndarray, district_population: int
) -> np.ndarray:
    """Residents per station area: draw residents from the density and count whose area they live in
    (nearest station on the plane, which is exactly the Voronoi cell)."""
    draws = _POPULATION_DRAWS * lat.size
    rlat, rlon = sampler.sample(rng, draws)
    nearest = nearest_site(*plane_xy(rlat, rlon), *plane_xy(lat, lon))
    share = np.bincount(nearest, minlength=lat.size) / draws
    return np.round(share * district_population).astype(np.int64)
