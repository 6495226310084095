"""How the live map draws each thing: shapes, sizes and styles, and the flag bits of a unit's code.

The page draws its markers and its legend's swatches from these same dicts (sent in its config), and
folium draws the areas from them, so a symbol and its explanation in the legend cannot drift apart.
Colours that mean the same in the tables (statuses, priorities, SOS) come from ``ui.palette``.
"""

from __future__ import annotations

from typing import Any

from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.ui.palette import DISTRICT_FILLS, MAP_BACKGROUND, PRIORITY_COLOR, SOS_COLOR, UNIT_STATUS_COLOR

# A unit's code: status in bits 0-2, kind in bits 3-5, then one bit per flag.
KIND_SHIFT = 3
SOS_BIT = 1 << 6
STALE_BIT = 1 << 7

UNIT_SHAPES: dict[UnitKind, str] = {
    # Station cars get a shape of their own: as squares they looked like traffic police and like stations
    # (a hexagon, tried first, is a circle at this size). No incident is drawn pointing down.
    UnitKind.PATROL_GROUP: "circle", UnitKind.RAPID_RESPONSE: "star", UnitKind.TRAFFIC: "square",
    UnitKind.STATION_CAR: "triangleDown", UnitKind.OFFICER: "circle",
}
UNIT_RADIUS: dict[UnitKind, float] = {
    # An officer on foot is a smaller dot than a patrol group's car, or the two could not be told apart.
    UnitKind.PATROL_GROUP: 5, UnitKind.RAPID_RESPONSE: 9, UnitKind.TRAFFIC: 4, UnitKind.STATION_CAR: 5,
    UnitKind.OFFICER: 3.5,
}
CLASS_SHAPES: dict[str, str] = {
    "critical": "star", "violent": "triangle", "property": "diamond", "traffic": "square", "order": "circle",
    "non_police": "circle",
}
STALE_STYLE: dict[str, Any] = {
    # Hollow with a dark dashed outline: the unit is somewhere near there, not surely there. (A grey fill
    # with a grey outline vanished against the district fills.)
    "color": "#263238", "weight": 1.8, "fillColor": "#ffffff", "fillOpacity": 0.75, "dashArray": "3 2",
}
SELECTION_STYLE: dict[str, Any] = {"color": "#00b8d4", "weight": 3, "radius": 14, "fill": False}
FOCUS_COLOR = "#d500f9"  # apart from the priority oranges and reds, and from the selection's cyan
DISTRICT_AREA_STYLE: dict[str, Any] = {"color": "#455a64", "weight": 1.6, "fillOpacity": 0.5}
DISTRICT_AREA_OVER_TILES = 0.15  # the fill opacity over a tile layer, whose streets must show through
STATION_AREA_STYLE: dict[str, Any] = {"color": "#546e7a", "weight": 0.7, "opacity": 0.8, "fill": True,
                                      "fillOpacity": 0.0, "dashArray": "3 3"}
PATROL_AREA_STYLE: dict[str, Any] = {"color": "#e65100", "weight": 1.5, "fillColor": "#ff9800",
                                     "fillOpacity": 0.25}
POINT_STYLES: dict[str, dict[str, Any]] = {
    "station": {"shape": "square", "radius": 3.5, "color": "#ffffff", "weight": 1, "fillColor": "#263238",
                "fillOpacity": 1},
    "dutyPoint": {"shape": "pentagon", "radius": 6, "color": "#ffffff", "weight": 1.2, "fillColor": "#283593",
                  "fillOpacity": 1},
    "checkpoint": {"shape": "bar", "radius": 4, "color": "#ffffff", "weight": 1, "fillColor": "#00695c",
                   "fillOpacity": 1},
    "camera": {"shape": "circle", "radius": 2.5, "color": "#37474f", "weight": 0.5, "fillColor": "#90a4ae",
               "fillOpacity": 0.9},
}


def district_area_style(over_tiles: bool) -> dict[str, Any]:
    return {**DISTRICT_AREA_STYLE, "fillOpacity": DISTRICT_AREA_OVER_TILES} if over_tiles else DISTRICT_AREA_STYLE


def symbols_config(over_tiles: bool) -> dict[str, Any]:
    """The page config's part that says how to draw (the rest says what the codes mean)."""
    return {
        "codeBits": {"kindShift": KIND_SHIFT, "sos": SOS_BIT, "stale": STALE_BIT},
        "unitShapes": {kind.value: shape for kind, shape in UNIT_SHAPES.items()},
        "unitRadius": {kind.value: radius for kind, radius in UNIT_RADIUS.items()},
        "classShapes": CLASS_SHAPES,
        "colors": {
            "unitStatus": {s.value: c for s, c in UNIT_STATUS_COLOR.items()},
            "priority": {str(p): c for p, c in PRIORITY_COLOR.items()},
            "sos": SOS_COLOR,
            "focus": FOCUS_COLOR,
            "background": MAP_BACKGROUND,
            "districtFills": list(DISTRICT_FILLS),
        },
        "styles": {
            **POINT_STYLES,
            "stale": STALE_STYLE,
            "selection": SELECTION_STYLE,
            "districtArea": district_area_style(over_tiles),
            "stationArea": STATION_AREA_STYLE,
            "patrolArea": PATROL_AREA_STYLE,
        },
    }
