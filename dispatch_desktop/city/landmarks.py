"""Generated places people name when they call: metro stations, squares, malls, markets, hospitals,
schools… They fill the city around the real places shipped in resources/places, never taking one of
their names, and get a readable English name ("Zhupai Metro Station") for search."""

from __future__ import annotations

import random

import numpy as np

from dispatch_desktop.city.alloc import apportion
from dispatch_desktop.city.context import Build
from dispatch_desktop.domain.city import District, Landmark, LandmarkKind
from dispatch_desktop.domain.gazetteer import romaniser

K = LandmarkKind

# (kind, share of all landmarks, name templates, how strongly they crowd into the centres)
_MIX: tuple[tuple[LandmarkKind, int, tuple[str, ...], float], ...] = (
    (K.METRO, 70, ("{}地铁站",), 1.5),
    (K.TRANSPORT, 12, ("{}客运站", "{}公交总站"), 1.0),
    (K.SQUARE, 25, ("{}广场", "{}文化广场"), 1.5),
    (K.MALL, 30, ("{}购物中心", "{}商业中心", "{}百货"), 1.5),
    (K.MARKET, 40, ("{}市场", "{}农贸市场", "{}批发市场"), 1.2),
    (K.HOSPITAL, 38, ("{}医院", "{}社区卫生服务中心"), 1.0),
    (K.SCHOOL, 60, ("{}小学", "{}中学", "{}实验学校"), 1.0),
    (K.PARK, 25, ("{}公园", "{}湿地公园"), 0.8),
)
_NEIGHBOURHOOD_SHARE = 0.4  # places often share their neighbourhood's (station's) name
_MARGIN_M = 60.0
# Every station area gets at least one place people name (a caller's address names one within
# 500 m); where no real place is shipped, one of the everyday kinds every neighbourhood has.
_COVER_KINDS = (K.MARKET, K.SCHOOL, K.TRANSPORT, K.HOSPITAL, K.SQUARE, K.PARK)
_MIX_OF = {kind: (share, templates) for kind, share, templates, _ in _MIX}


def build_landmarks(build: Build, total: int, shipped: list[Landmark]) -> list[Landmark]:
    """``total`` places: first one in each station area that holds no shipped place (most populous
    areas first, while ``total`` lasts), the rest spread by kind and population."""
    rng = build.np_rng("landmarks")
    names = build.py_rng("landmark-names")
    english = romaniser(d.district for d in build.districts).english
    used = {p.name for p in shipped}  # a search for a real place must not find a made-up namesake
    per_district: dict[str, list[Landmark]] = {d.district.adcode: [] for d in build.districts}

    def add(district: District, kind: LandmarkKind, name: str, lat: float, lon: float) -> None:
        placed = per_district[district.adcode]
        placed.append(Landmark(id=f"L-{district.adcode}-{len(placed) + 1:03d}", name=name, kind=kind,
                               district=district.adcode, lat=lat, lon=lon, english=english(name)))

    bare = _bare_stations(build, shipped)[:total]
    cover_rng = build.np_rng("landmark-cover")
    weights = np.array([_MIX_OF[kind][0] for kind in _COVER_KINDS], dtype=np.float64)
    for shape in build.districts:
        district = shape.district
        mine = [i for code, i in bare if code == district.adcode]
        lat, lon = _near_stations(build, cover_rng, district.adcode, mine)
        kinds = cover_rng.choice(len(_COVER_KINDS), size=len(mine), p=weights / weights.sum())
        for i, station in enumerate(mine):
            kind = _COVER_KINDS[int(kinds[i])]
            templates = _MIX_OF[kind][1]
            neighbourhood = _place_of(build.stations[district.adcode][station].name, district)
            name = _unique(names.choice(templates).format(neighbourhood), used, build, names, templates)
            add(district, kind, name, float(lat[i]), float(lon[i]))

    kind_counts = apportion(total - len(bare), [share for _, share, _, _ in _MIX])
    populations = [d.district.population for d in build.districts]
    for (kind, _, templates, sharpness), count in zip(_MIX, kind_counts, strict=True):
        minimum = 1 if kind is K.HOSPITAL and count >= len(populations) else 0
        for shape, n in zip(build.districts, apportion(count, populations, minimum=minimum), strict=True):
            if not n:
                continue
            district = shape.district
            lat, lon = build.samplers[district.adcode].sample(rng, n, margin_m=_MARGIN_M, sharpness=sharpness)
            station_of = build.station_index(district.adcode, lat, lon)
            for i in range(n):
                if kind is K.HOSPITAL and i == 0:
                    name = _unique(f"{district.name}人民医院", used, build, names, templates)
                else:
                    nearby = build.stations[district.adcode][int(station_of[i])]
                    name = _name(build, names, templates, used, _place_of(nearby.name, district))
                add(district, kind, name, float(lat[i]), float(lon[i]))
    return [landmark for group in per_district.values() for landmark in group]


def _bare_stations(build: Build, shipped: list[Landmark]) -> list[tuple[str, int]]:
    """(adcode, station index) of the station areas no shipped place lies in, most populous first."""
    out: list[tuple[str, int]] = []
    for shape in build.districts:
        code = shape.district.adcode
        mine = [p for p in shipped if p.district == code]
        lat = np.array([p.lat for p in mine], dtype=np.float64)
        lon = np.array([p.lon for p in mine], dtype=np.float64)
        covered = set(build.station_index(code, lat, lon).tolist()) if mine else set()
        out += [(code, i) for i in range(len(build.stations[code])) if i not in covered]

    def crowd(row: tuple[str, int]) -> tuple[int, str]:
        station = build.stations[row[0]][row[1]]
        return -station.population, station.id

    return sorted(out, key=crowd)


def _near_stations(
    build: Build, rng: np.random.Generator, adcode: str, indices: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """A point in each given station's area, near the station where people live (scattered as far
    as the area is large)."""
    stations = [build.stations[adcode][i] for i in indices]
    lat = np.array([s.lat for s in stations], dtype=np.float64)
    lon = np.array([s.lon for s in stations], dtype=np.float64)
    if not stations:
        return lat, lon
    wanted = np.array(indices)
    sigma = np.clip(np.array([build.station_area_m2[s.id] for s in stations]) ** 0.5 * 0.25, 150.0, 1_500.0)
    todo = np.arange(len(stations))
    for _ in range(20):  # the rest keep the station's own position, which its area always holds
        if not todo.size:
            break
        la, lo = build.samplers[adcode].scatter(rng, lat[todo], lon[todo], sigma[todo])
        ok = build.station_index(adcode, la, lo) == wanted[todo]
        lat[todo[ok]] = la[ok]
        lon[todo[ok]] = lo[ok]
        todo = todo[~ok]
    return lat, lon


def _place_of(station_name: str, district: District) -> str:
    return station_name.removeprefix(district.name).removesuffix("派出所")


def _name(
    build: Build, names: random.Random, templates: tuple[str, ...], used: set[str], neighbourhood: str
) -> str:
    place = neighbourhood if names.random() < _NEIGHBOURHOOD_SHARE else build.places.take()
    return _unique(names.choice(templates).format(place), used, build, names, templates)


def _unique(name: str, used: set[str], build: Build, names: random.Random, templates: tuple[str, ...]) -> str:
    while name in used:  # taken: a fresh place name cannot clash
        name = names.choice(templates).format(build.places.take())
    used.add(name)
    return name
