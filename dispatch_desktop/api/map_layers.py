"""Map layers: points, lines and areas a plugin draws on the desk's map, with styles, labels and clicks.

A plugin declares its layers in its manifest (``[[map_layers]]``: id, title, shown by default or not) and
gets each as a ``MapLayer`` from ``desk.map_layer(id)``. The layer is listed in the map's layer switches
(on the map and in the View > Map layers menu) after the desk's own layers, and its legend entries in the
map's legend after the desk's own; the dispatcher shows or hides it like any other layer.

The features are plain frozen values, checked when made: a feature that could not be drawn raises
``ValueError`` naming the feature and the field at the plugin's line that made it, never later on the map.
Positions are ``(latitude, longitude)`` in degrees (WGS 84, as the desk's units and incidents), latitude
first: note that GeoJSON writes them the other way round.

Labels: a feature's ``label`` shows in a small tooltip while the pointer is over it; with
``Style(permanent_label=True)`` it is written beside the feature all the time (for tens of features,
not thousands: each permanent label is an element of the page).

Every method of a ``MapLayer`` is called on the desk's GUI thread (from a hook, a listener, a panel).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeAlias

__all__ = [
    "LAYER_ID", "LatLon", "LegendEntry", "Line", "MapFeature", "MapLayer", "Point", "Polygon", "Style",
]

LAYER_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}\.[a-z][a-z0-9_]{0,39}$")
"""``<plugin id>.<name>``, like ``"shift_log.places"``: the plugin's id keeps layers of plugins apart."""

LatLon: TypeAlias = tuple[float, float]
"""A position: (latitude, longitude) in degrees."""

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DASH = re.compile(r"^\d+(?:\.\d+)?(?:[ ,]+\d+(?:\.\d+)?)*$")
MAX_WEIGHT = 20.0
MAX_RADIUS = 40.0
MAX_ID_LENGTH = 200


def _number(value: object, what: str) -> float:
    # bool is an int to Python, but True as a width is a mistake, not a 1.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, not {value!r}")
    return float(value)


def _fraction(value: object, what: str) -> float:
    number = _number(value, what)
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{what} must lie between 0 and 1 (0 invisible, 1 solid), not {value!r}")
    return number


def _position(value: object) -> LatLon:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 2:
        raise ValueError(f"must be a (latitude, longitude) pair, not {value!r}")
    return _lat(value[0]), _lon(value[1])


def _lat(value: object, what: str = "") -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -90.0 <= value <= 90.0:
        lead = f"{what}: the latitude" if what else "the latitude"
        _number(value, lead)  # not a number at all: says so
        raise ValueError(f"{lead} {value!r} is outside -90..90 degrees "
                         "(positions are (latitude, longitude), latitude first)")
    return float(value)


def _lon(value: object, what: str = "") -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -180.0 <= value <= 180.0:
        lead = f"{what}: the longitude" if what else "the longitude"
        _number(value, lead)
        raise ValueError(f"{lead} {value!r} is outside -180..180 degrees")
    return float(value)


def _positions(value: object, what: str) -> tuple[LatLon, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ValueError(f"{what} must be a sequence of (latitude, longitude) pairs, not {value!r}")
    positions = []
    for n, item in enumerate(value):
        # The common case first, without the ABC checks: a layer of 255 station areas has ~8,000 corners,
        # remade whenever a label changes (the full check of each cost the GUI thread ~15 ms per refresh).
        if type(item) is tuple and len(item) == 2:
            lat, lon = item
            if type(lat) is float and type(lon) is float and -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0:
                positions.append(item)
                continue
        try:
            positions.append(_position(item))
        except ValueError as exc:  # named here, not for every position that is fine (a route has thousands)
            raise ValueError(f"{what}[{n}]: {exc}") from None
    return tuple(positions)


def _feature_id(value: object, kind: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"a map {kind}'s id must be a non-empty text (it is what a click reports), "
                         f"not {value!r}")
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(f"the map {kind} id {value[:40]!r}… is {len(value)} characters long; "
                         f"keep it under {MAX_ID_LENGTH}")
    return value


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a text, not {value!r}")
    return value


def _check_style(value: object, what: str) -> None:
    if not isinstance(value, Style):
        raise ValueError(f"{what} must be a Style(...), not {value!r}")


@dataclass(frozen=True, slots=True)
class Style:
    """How a feature is drawn.

    - ``colour``: the outline of an area, the line itself, the rim of a point: ``"#rrggbb"``.
    - ``fill``: the inside of an area or a point, ``"#rrggbb"``; ``""`` leaves it empty (a ring, an
      outline). Lines are never filled.
    - ``weight``: the width of the line or outline in screen pixels (0 for none, up to 20).
    - ``radius``: a point's radius in screen pixels (it keeps its size at every zoom; up to 40).
    - ``opacity``: of the line or outline, 0 (invisible) to 1 (solid).
    - ``dash``: dashes of the line or outline as Leaflet writes them, lengths in pixels of dash and gap
      (``"6 4"``); ``""`` for a solid line.
    - ``fill_opacity``: of the fill, 0 to 1 (0.35 lets the map show through an area).
    - ``permanent_label``: write the feature's label beside it all the time, not only under the pointer.
    """

    colour: str = "#1f6feb"
    fill: str = ""
    weight: float = 2
    radius: float = 6
    opacity: float = 1.0
    dash: str = ""
    fill_opacity: float = 0.35
    permanent_label: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.colour, str) or not _COLOUR.match(self.colour):
            raise ValueError(f"Style colour {self.colour!r} must be '#rrggbb', like '#1f6feb'")
        if not isinstance(self.fill, str) or (self.fill and not _COLOUR.match(self.fill)):
            raise ValueError(f"Style fill {self.fill!r} must be '#rrggbb', like '#1f6feb', or '' for no fill")
        weight = _number(self.weight, "Style weight")
        if not 0.0 <= weight <= MAX_WEIGHT:
            raise ValueError(f"Style weight {self.weight!r} must lie between 0 and {MAX_WEIGHT:g} pixels")
        radius = _number(self.radius, "Style radius")
        if not 0.0 < radius <= MAX_RADIUS:
            raise ValueError(f"Style radius {self.radius!r} must be more than 0 and at most {MAX_RADIUS:g} pixels")
        object.__setattr__(self, "weight", weight)
        object.__setattr__(self, "radius", radius)
        object.__setattr__(self, "opacity", _fraction(self.opacity, "Style opacity"))
        object.__setattr__(self, "fill_opacity", _fraction(self.fill_opacity, "Style fill_opacity"))
        if not isinstance(self.dash, str) or (self.dash and not _DASH.match(self.dash.strip())):
            raise ValueError(f"Style dash {self.dash!r} must be pixel lengths of dash and gap like '6 4', "
                             "or '' for a solid line")
        if not isinstance(self.permanent_label, bool):
            raise ValueError(f"Style permanent_label must be True or False, not {self.permanent_label!r}")


@dataclass(frozen=True, slots=True)
class Point:
    """A place: drawn as a circle of ``style.radius`` pixels at (``lat``, ``lon``)."""

    id: str
    lat: float
    lon: float
    label: str = ""
    style: Style = field(default_factory=Style)

    def __post_init__(self) -> None:
        _feature_id(self.id, "point")
        what = f"point {self.id!r}"
        object.__setattr__(self, "lat", _lat(self.lat, what))
        object.__setattr__(self, "lon", _lon(self.lon, what))
        _text(self.label, f"{what}: the label")
        _check_style(self.style, f"{what}: the style")


@dataclass(frozen=True, slots=True)
class Line:
    """A route or a boundary that is not an area: ``points`` are its (latitude, longitude) pairs in
    order, at least 2 (kept as a tuple of tuples)."""

    id: str
    points: Sequence[LatLon]
    label: str = ""
    style: Style = field(default_factory=Style)

    def __post_init__(self) -> None:
        _feature_id(self.id, "line")
        what = f"line {self.id!r}"
        points = _positions(self.points, f"{what}: points")
        if len(points) < 2:
            raise ValueError(f"{what} has {len(points)} point(s); a line needs at least 2")
        object.__setattr__(self, "points", points)
        _text(self.label, f"{what}: the label")
        _check_style(self.style, f"{what}: the style")


@dataclass(frozen=True, slots=True)
class Polygon:
    """An area: ``rings`` are its outer boundary, then any holes, each a sequence of (latitude,
    longitude) pairs with at least 3 different corners (closing it by repeating the first is optional).
    One ring is still written as a sequence of rings: ``Polygon("zone", (ring,))``. Kept as tuples."""

    id: str
    rings: Sequence[Sequence[LatLon]]
    label: str = ""
    style: Style = field(default_factory=Style)

    def __post_init__(self) -> None:
        _feature_id(self.id, "polygon")
        what = f"polygon {self.id!r}"
        given: object = self.rings  # checked as whatever the caller passed
        if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
            raise ValueError(f"{what}: rings must be a sequence of rings, not {given!r}")
        rings = tuple(given)
        if not rings:
            raise ValueError(f"{what} has no rings; give its outer boundary as rings=(ring,)")
        if isinstance(rings[0], Sequence) and rings[0] and isinstance(rings[0][0], (int, float)):
            raise ValueError(f"{what}: rings holds (latitude, longitude) pairs, not rings; "
                             "for one ring write rings=(ring,)")
        checked = tuple(_positions(ring, f"{what}: rings[{n}]") for n, ring in enumerate(rings))
        for n, ring in enumerate(checked):
            corners = len(ring) - 1 if len(ring) > 1 and ring[0] == ring[-1] else len(ring)
            if corners < 3:
                raise ValueError(f"{what}: rings[{n}] has {corners} corner(s); a ring needs at least 3")
        object.__setattr__(self, "rings", checked)
        _text(self.label, f"{what}: the label")
        _check_style(self.style, f"{what}: the style")


MapFeature: TypeAlias = Point | Line | Polygon
"""Anything a layer draws."""

LegendShape = Literal["point", "line", "polygon"]


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """A row of the map's legend under the layer's title: a swatch drawn in ``style`` as a point, a
    line or an area (``shape``), and what it means. ``label`` is a text or a function of no arguments
    returning it in the desk's current language (read again after a language change)."""

    label: str | Callable[[], str]
    style: Style = field(default_factory=Style)
    shape: LegendShape = "point"

    def __post_init__(self) -> None:
        if not callable(self.label) and (not isinstance(self.label, str) or not self.label.strip()):
            raise ValueError(f"a legend entry's label must be a non-empty text or a function returning one, "
                             f"not {self.label!r}")
        _check_style(self.style, f"legend entry {self.label!r}: the style")
        if self.shape not in ("point", "line", "polygon"):
            raise ValueError(f"legend entry {self.label!r}: shape {self.shape!r} must be 'point', 'line' or "
                             "'polygon'")

    def text(self) -> str:
        """The label as it reads now."""
        return self.label() if callable(self.label) else self.label


class MapLayer(Protocol):
    """One contributed layer of the map (``desk.map_layer(id)``)."""

    @property
    def id(self) -> str:
        """``"<plugin id>.<name>"``, as declared in the manifest."""

    @property
    def visible(self) -> bool:
        """Whether the layer is shown now (the dispatcher may switch it at any time)."""

    def set_features(self, features: Iterable[MapFeature]) -> None:
        """Draw these features instead of the ones drawn so far. The map is updated a moment later (calls
        in quick succession are sent once, the last one winning), and again whenever the page reloads.
        Raises ``ValueError`` when an item is not a Point, Line or Polygon, or two features share an id."""

    def clear(self) -> None:
        """Draw nothing (the layer stays listed)."""

    def set_visible(self, visible: bool) -> None:
        """Show or hide the layer, as the dispatcher's switch does (and the switch follows)."""

    def set_legend(self, entries: Iterable[LegendEntry]) -> None:
        """The layer's rows in the map's legend, in order, instead of those given before (none: the
        layer has no section in the legend)."""

    def on_click(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(feature_id)`` when the dispatcher clicks one of the layer's features. Such a
        click selects nothing else on the map and is not a click on an empty spot. A layer without any
        callback lets clicks through to the map: its features only show their labels."""
