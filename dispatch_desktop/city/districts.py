"""The 11 districts: real boundaries from the bundled GeoJSON, plus the figures that weight them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import msgspec
import shapely
from shapely.geometry import shape
from shapely.ops import polylabel

from dispatch_desktop.domain.city import District, from_shape
from dispatch_desktop.paths import DISTRICTS_GEOJSON


class CityDataError(ValueError):
    """A data file the city is built from is missing or malformed."""


class DistrictFacts(msgspec.Struct, frozen=True):
    population: int
    # Where people live most densely: (lat, lon, weight) town centres that pull stations, cameras and
    # places towards them. Hand-placed from a map; approximate.
    cores: tuple[tuple[float, float, float], ...]


# Approximate resident populations (7th national census, 2020, rounded) and main town centres.
DISTRICT_FACTS: dict[str, DistrictFacts] = {
    "440103": DistrictFacts(1_240_000, ((23.125, 113.245, 1.0), (23.075, 113.225, 0.4))),  # 荔湾 上下九 / 芳村
    "440104": DistrictFacts(1_040_000, ((23.129, 113.275, 1.0),)),  # 越秀 北京路
    "440105": DistrictFacts(1_820_000, ((23.098, 113.300, 1.0), (23.095, 113.360, 0.5))),  # 海珠 江南西 / 琶洲
    "440106": DistrictFacts(2_240_000, ((23.136, 113.330, 1.0), (23.125, 113.390, 0.5))),  # 天河 天河城 / 车陂
    "440111": DistrictFacts(3_740_000, ((23.175, 113.265, 1.0), (23.255, 113.290, 0.6))),  # 白云 三元里 / 嘉禾
    "440112": DistrictFacts(1_260_000, ((23.100, 113.450, 0.8), (23.170, 113.460, 0.8))),  # 黄埔 鱼珠 / 科学城
    "440113": DistrictFacts(2_650_000, ((22.940, 113.365, 1.0), (23.010, 113.320, 0.7))),  # 番禺 市桥 / 大石
    "440114": DistrictFacts(1_640_000, ((23.400, 113.220, 1.0), (23.380, 113.300, 0.4))),  # 花都 新华 / 机场
    "440115": DistrictFacts(850_000, ((22.800, 113.530, 1.0), (22.870, 113.470, 0.4))),  # 南沙 蕉门 / 黄阁
    "440117": DistrictFacts(720_000, ((23.550, 113.590, 1.0), (23.630, 113.630, 0.3))),  # 从化 街口 / 温泉
    "440118": DistrictFacts(1_470_000, ((23.290, 113.820, 0.8), (23.140, 113.620, 1.0))),  # 增城 荔城 / 新塘
}


@dataclasses.dataclass(frozen=True)
class DistrictShape:
    """A district as loaded: its record plus its shapely geometry in degrees."""

    district: District
    geometry: shapely.MultiPolygon
    facts: DistrictFacts


def load_districts(path: Path | str | None = None) -> list[DistrictShape]:
    """Read the district GeoJSON, sorted by adcode. Raises CityDataError on anything unexpected."""
    path = Path(path) if path is not None else DISTRICTS_GEOJSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CityDataError(f"district boundaries not found: {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CityDataError(f"cannot read district boundaries {path}: {exc}") from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise CityDataError(f"{path}: not a GeoJSON FeatureCollection")
    out = [_district(feature, path) for feature in features]
    codes = [d.district.adcode for d in out]
    if sorted(codes) != sorted(DISTRICT_FACTS):
        raise CityDataError(f"{path}: expected the districts {sorted(DISTRICT_FACTS)}, found {sorted(codes)}")
    return sorted(out, key=lambda d: d.district.adcode)


def _district(feature: Any, path: Path) -> DistrictShape:
    """``feature``: one decoded JSON value, of whatever shape the file has; a wrong one fails here."""
    try:
        props = feature["properties"]
        adcode, name = str(props["adcode"]), str(props["name"])
        shaped = shape(feature["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CityDataError(f"{path}: malformed feature: {exc!r}") from exc
    if isinstance(shaped, shapely.Polygon):
        shaped = shapely.MultiPolygon([shaped])
    if not isinstance(shaped, shapely.MultiPolygon) or shaped.is_empty or not shaped.is_valid:
        raise CityDataError(f"{path}: district {adcode} {name} has no valid polygon")
    geometry = shaped
    if adcode not in DISTRICT_FACTS:
        raise CityDataError(f"{path}: unexpected district {adcode} {name}")
    centre = geometry.centroid
    if not geometry.contains(centre):
        centre = polylabel(max(geometry.geoms, key=lambda g: g.area), tolerance=1e-4)
    shapely.prepare(geometry)
    district = District(
        adcode=adcode,
        name=name,
        short_name=name.removesuffix("区") if len(name) > 2 else name,
        population=DISTRICT_FACTS[adcode].population,
        centroid_lat=round(centre.y, 6),
        centroid_lon=round(centre.x, 6),
        polygon=from_shape(geometry),
    )
    return DistrictShape(district=district, geometry=geometry, facts=DISTRICT_FACTS[adcode])
