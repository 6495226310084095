"""A small, known city for the intake and dispatch tests: two districts cut as rectangles (天河 and
越秀), three police stations and a few landmarks at real-looking places. Qt-free, so the domain tests
can use it too."""

from __future__ import annotations

from dispatch_desktop.domain.city import City, District, Landmark, LandmarkKind, MultiPolygonCoords, Station


def _box(west: float, south: float, east: float, north: float) -> MultiPolygonCoords:
    ring = ((west, south), (east, south), (east, north), (west, north), (west, south))
    return ((ring,),)


def make_city() -> City:
    tianhe = District("440106", "天河区", "天河", 1_800_000, 23.15, 113.35, _box(113.30, 23.10, 113.40, 23.20))
    yuexiu = District("440104", "越秀区", "越秀", 1_000_000, 23.13, 113.27, _box(113.24, 23.10, 113.30, 23.16))
    stations = (
        Station("S-440104-01", "越秀区北京街派出所", "440104", 23.125, 113.27, 200_000,
                _box(113.24, 23.10, 113.30, 23.16)),
        Station("S-440106-01", "天河区石牌派出所", "440106", 23.135, 113.33, 300_000,
                _box(113.30, 23.10, 113.35, 23.20)),
        Station("S-440106-02", "天河区龙口派出所", "440106", 23.150, 113.37, 300_000,
                _box(113.35, 23.10, 113.40, 23.20)),
    )
    landmarks = (
        Landmark("L-1", "天河体育中心", LandmarkKind.SQUARE, "440106", 23.1375, 113.3245),
        Landmark("L-2", "体育西路地铁站", LandmarkKind.METRO, "440106", 23.1330, 113.3215),
        Landmark("L-3", "广州东站", LandmarkKind.TRANSPORT, "440106", 23.1505, 113.3250),
        Landmark("L-4", "北京路步行街", LandmarkKind.MARKET, "440104", 23.1250, 113.2700),
        Landmark("L-5", "龙口西菜市场", LandmarkKind.MARKET, "440106", 23.1480, 113.3560),
    )
    return City(seed=1, districts=(yuexiu, tianhe), stations=stations, units=(), patrol_areas=(),
                duty_points=(), checkpoints=(), cameras=(), landmarks=landmarks)
