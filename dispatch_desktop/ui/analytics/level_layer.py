"""The level map: districts and station areas coloured green / blue / yellow / red by how far the last
complete hour lies above their normal value, two layers of the map's contributed layers (the same
``api.MapLayer`` a plugin gets), each with its legend.

An area without enough history (or when there is no history at all) is drawn grey with a dashed outline
and its label says "not enough history"; an area whose last fit failed keeps the colour of the older fit
and its label says since when. Clicking an area asks for its trend chart (``on_area_clicked``).

Areas are simplified once (shapely, about 30 m: invisible at the zoom where a district shows), and an
area's polygons are made again only when its level or label changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from PySide6.QtCore import QCoreApplication

from dispatch_desktop.api import LegendEntry, MapLayer, Polygon, Style
from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.city import City
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.analytics.texts import colour_name, level_details

if TYPE_CHECKING:
    from dispatch_desktop.analytics.counts import Area
    from dispatch_desktop.analytics.levels import AreaLevel

translate = QCoreApplication.translate  # lupdate collects translate("<context>", "<text>") calls
DISTRICT_LAYER = "analytics.district_levels"
STATION_LAYER = "analytics.station_levels"
TOLERANCE_DEG = 0.0003
COLOURS = {"green": "#2e7d32", "blue": "#1565c0", "yellow": "#f9a825", "red": "#c62828"}
THIN_COLOUR = "#9e9e9e"
# Well filled: the map's own districts are tinted already, and a level must read through that tint.
STYLES = {name: Style(colour=colour, fill=colour, weight=1.5, opacity=0.9, fill_opacity=0.55)
          for name, colour in COLOURS.items()}
THIN_STYLE = Style(colour="#616161", fill=THIN_COLOUR, weight=1.5, opacity=0.9, dash="4 4", fill_opacity=0.4)

Ring = tuple[tuple[float, float], ...]



def simplified_rings(shape: shapely.Geometry, tolerance: float = TOLERANCE_DEG) -> list[tuple[Ring, ...]]:
    """A (multi)polygon of (longitude, latitude) as parts of (latitude, longitude) rings, simplified;
    slivers left out."""
    simple = shapely.simplify(shape, tolerance, preserve_topology=True)
    parts = [simple] if isinstance(simple, shapely.Polygon) else list(getattr(simple, "geoms", []))
    out: list[tuple[Ring, ...]] = []
    for part in parts:
        if not isinstance(part, shapely.Polygon) or part.is_empty:
            continue
        rings = [_lat_lon(part.exterior.coords), *(_lat_lon(hole.coords) for hole in part.interiors)]
        if len(rings[0]) >= 3:
            out.append((rings[0], *(hole for hole in rings[1:] if len(hole) >= 3)))
    return out


def _lat_lon(coords: Iterable[Sequence[float]]) -> Ring:
    corners = [(float(lat), float(lon)) for lon, lat, *_ in coords]
    if len(corners) > 1 and corners[0] == corners[-1]:
        corners.pop()
    return tuple(corners)


@dataclass(frozen=True)
class MapArea:
    area: Area
    data_name: str  # the city's: "天河区", "龙口所"
    rings: tuple[tuple[Ring, ...], ...]

    @property
    def name(self) -> str:
        """As the user reads it: a district in the desk's language; a station area as the radio says it."""
        if str(self.area.kind) == "district":
            return labels.district_name(self.area.id, self.data_name)
        return self.data_name


def map_areas(city: City, kind: str, make_area: Callable[[str, str], Area]) -> list[MapArea]:
    if kind == "district":
        return [MapArea(make_area("district", d.adcode), d.name, tuple(simplified_rings(d.shape)))
                for d in city.districts]
    return [MapArea(make_area("station", s.id), s.short_name, tuple(simplified_rings(s.shape)))
            for s in city.stations]


def area_label(name: str, level: AreaLevel | None, *, first_fit: bool = False) -> str:
    """What the pointer shows over an area, in the desk's language. ``first_fit``: the normal values are being
    worked out for the first time, so an area without a level is not yet known, not short of history."""
    if (level is None or level.colour is None) and first_fit:
        return translate("AnalyticsLevels", "{area}: the normal values are being worked out…").format(area=name)
    if level is None or level.colour is None or level.status == "thin":
        return translate("AnalyticsLevels", "{area}: not enough history (历史数据不足)").format(area=name)
    text = f"{name}: {colour_name(str(level.colour))} · {level_details(level)}"
    if level.status == "failed":
        text += " · " + translate("AnalyticsLevels", "the last fit failed: normal values since {when}").format(
            when=localtime.date_time_text(level.since_ms))
    return text


def area_style(level: AreaLevel | None) -> Style:
    if level is None or level.colour is None or level.status == "thin":
        return THIN_STYLE
    return STYLES[str(level.colour)]


def _colour_label(name: str) -> Callable[[], str]:
    return lambda: colour_name(name)


def legend() -> list[LegendEntry]:
    rows = [LegendEntry(_colour_label(name), STYLES[name], "polygon") for name in COLOURS]
    rows.append(LegendEntry(lambda: translate("AnalyticsLevels", "not enough history"), THIN_STYLE, "polygon"))
    return rows


class LevelLayer:
    """One of the two layers: keeps its areas' colours in step with the levels it is given."""

    def __init__(self, layer: MapLayer, areas: Sequence[MapArea], on_area_clicked: Callable[[Area], None]) -> None:
        self.layer = layer
        self.areas = list(areas)
        self._by_id = {area.area.id: area for area in self.areas}
        self._levels: Mapping[Area, AreaLevel] = {}
        self._first_fit = False
        self._made: dict[str, tuple[tuple[str, str], list[Polygon]]] = {}
        layer.set_legend(legend())
        layer.on_click(lambda feature_id: self._clicked(feature_id, on_area_clicked))
        self.refresh()

    def _clicked(self, feature_id: str, on_area_clicked: Callable[[Area], None]) -> None:
        shown = self._by_id.get(feature_id.split("/", 1)[0])  # "id/2": the area's third part
        if shown is not None:
            on_area_clicked(shown.area)

    def set_levels(self, levels: Mapping[Area, AreaLevel]) -> None:
        self._levels = levels
        self.refresh()

    def set_first_fit(self, first_fit: bool) -> None:
        """The normal values are being worked out for the first time (see ``area_label``)."""
        if first_fit != self._first_fit:
            self._first_fit = first_fit
            self.refresh()

    def level(self, area: Area) -> AreaLevel | None:
        return self._levels.get(area)

    def features(self) -> tuple[list[Polygon], bool]:
        """Every area's polygons, and whether any changed since they were last made."""
        features: list[Polygon] = []
        changed = False
        for shown in self.areas:
            level = self._levels.get(shown.area)
            style = area_style(level)
            colour = str(level.colour) if level is not None and style is not THIN_STYLE else ""
            key = (colour, area_label(shown.name, level, first_fit=self._first_fit))
            made = self._made.get(shown.area.id)
            if made is None or made[0] != key:
                polygons = [Polygon(shown.area.id if n == 0 else f"{shown.area.id}/{n}", rings, key[1], style)
                            for n, rings in enumerate(shown.rings)]
                made = self._made[shown.area.id] = (key, polygons)
                changed = True
            features += made[1]
        return features, changed

    def refresh(self) -> None:
        """Send the map what changed (the labels follow the language: call it after a change of language)."""
        features, changed = self.features()
        if changed:
            self.layer.set_features(features)
