"""Places people name when they call: metro stations, squares, malls, markets, hospitals, schools…"""

from __future__ import annotations

import random

from dispatch_desktop.city.alloc import apportion
from dispatch_desktop.city.context import Build
from dispatch_desktop.domain.city import District, Landmark, LandmarkKind

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


def build_landmarks(build: Build, total: int) -> list[Landmark]:
    rng = build.np_rng("landmarks")
    names = build.py_rng("landmark-names")
    kind_counts = apportion(total, [share for _, share, _, _ in _MIX])
    populations = [d.district.population for d in build.districts]
    used: set[str] = set()
    per_district: dict[str, list[Landmark]] = {d.district.adcode: [] for d in build.districts}
    for (kind, _, templates, sharpness), count in zip(_MIX, kind_counts, strict=True):
        minimum = 1 if kind is K.HOSPITAL and count >= len(populations) else 0
        for shape, n in zip(build.districts, apportion(count, populations, minimum=minimum), strict=True):
            if not n:
                continue
            district = shape.district
            lat, lon = build.samplers[district.adcode].sample(rng, n, margin_m=_MARGIN_M, sharpness=sharpness)
            station_of = build.station_index(district.adcode, lat, lon)
            placed = per_district[district.adcode]
            for i in range(n):
                if kind is K.HOSPITAL and i == 0:
                    name = _unique(f"{district.name}人民医院", used, build, names, templates)
                else:
                    nearby = build.stations[district.adcode][int(station_of[i])]
                    name = _name(build, names, templates, used, _place_of(nearby.name, district))
                placed.append(
                    Landmark(
                        id=f"L-{district.adcode}-{len(placed) + 1:03d}",
                        name=name,
                        kind=kind,
                        district=district.adcode,
                        lat=float(lat[i]),
                        lon=float(lon[i]),
                    )
                )
    return [landmark for group in per_district.values() for landmark in group]


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
