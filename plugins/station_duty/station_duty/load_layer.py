"""The map layer "Station load" (``station_duty.load``): every station's area coloured by its open
incidents per unit on shift, in 4 classes with a legend; the label under the pointer gives the figures.

The areas come from ``desk.city.stations`` (GeoJSON-style (longitude, latitude) rings), simplified once
(Douglas–Peucker, about 30 m) so that the 255 areas stay a light layer. The colours are worked out again
after the state changes, at most every ``REFRESH_MS`` (a live desk changes many times a second), and sent
to the map only when a colour or a label changed.

Clicking a station's area shows that station where the figures and the duty are: its row in the
"Station load" panel and its roster of the shift under way in the "Duty roster" panel, both brought to
the front.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QTimer

from dispatch_desktop.api import DeskContext, LegendEntry, MapLayer, Polygon, Station, Style, Subscription
from station_duty.load import CLASS_BOUNDS, StationLoad, load_class, station_loads

LAYER_ID = "station_duty.load"
SHOWN_IN = ("station_duty.roster", "station_duty.load")  # the panels a click on an area shows the station in
REFRESH_MS = 3000
TOLERANCE_DEG = 0.0003  # ~30 m: invisible at the zoom where a whole district shows
COLOURS = ("#2e7d32", "#f9a825", "#ef6c00", "#c62828")  # green, amber, orange, red: light → overloaded
STYLES = tuple(Style(colour=colour, fill=colour, weight=1, opacity=0.8, fill_opacity=0.3) for colour in COLOURS)

Ring = tuple[tuple[float, float], ...]


# --- geometry -----------------------------------------------------------------------------------------


def simplify(ring: Sequence[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker on a ring of (x, y): the corners that matter, first and last kept."""
    if len(ring) < 4:
        return list(ring)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        dx, dy = x2 - x1, y2 - y1
        length2 = dx * dx + dy * dy
        worst, at = 0.0, -1
        for n in range(first + 1, last):
            px, py = ring[n]
            if length2 == 0.0:
                distance2 = (px - x1) ** 2 + (py - y1) ** 2
            else:
                cross = dx * (py - y1) - dy * (px - x1)
                distance2 = cross * cross / length2
            if distance2 > worst:
                worst, at = distance2, n
        if at >= 0 and worst > tolerance * tolerance:
            keep[at] = True
            stack.extend(((first, at), (at, last)))
    return [point for point, kept in zip(ring, keep, strict=True) if kept]


def station_rings(station: Station, tolerance: float = TOLERANCE_DEG) -> list[tuple[Ring, ...]]:
    """The station's area as (latitude, longitude) rings per part, simplified; parts and holes that
    simplify to fewer than 3 corners are left out (slivers)."""
    parts = []
    for polygon in station.polygon:
        rings = [_lat_lon(simplify(ring, tolerance)) for ring in polygon]
        if len(rings[0]) >= 3:  # an outer boundary that is a sliver takes its holes with it
            parts.append((rings[0], *(hole for hole in rings[1:] if len(hole) >= 3)))
    return parts


def _lat_lon(ring: Sequence[tuple[float, float]]) -> Ring:
    """(longitude, latitude) corners as (latitude, longitude), without the closing repeat."""
    corners = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
    return tuple((lat, lon) for lon, lat in corners)


# --- the layer --------------------------------------------------------------------------------------


class Throttle:
    """Runs ``work`` soon after the first request (from the event loop, not inside the listener that asked:
    a listener must return at once), then at most once per ``interval_ms``: requests in between are
    gathered into one run at the end of the interval."""

    def __init__(self, work: Callable[[], None], interval_ms: int = REFRESH_MS) -> None:
        self._work = work
        self._pending = False
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return self._pending

    def request(self) -> None:
        if self._timer.isActive():
            self._pending = True
            return
        self._pending = True
        QTimer.singleShot(0, self._timer, self.flush)  # parented to the timer: gone with it

    def flush(self) -> None:
        """The end of the interval (or a test standing in for it): run if anything was requested."""
        if self._pending:
            self._run()

    def stop(self) -> None:
        self._timer.stop()
        self._pending = False

    def _run(self) -> None:
        self._pending = False
        self._timer.start()
        self._work()


def legend(desk: DeskContext) -> list[LegendEntry]:
    low, middle, high = CLASS_BOUNDS
    texts: tuple[Callable[[], str], ...] = (
        lambda: desk.tr("Under {n} open incidents per unit on shift").format(n=f"{low:g}"),
        lambda: desk.tr("{low} to {high} open incidents per unit on shift").format(low=f"{low:g}",
                                                                                   high=f"{middle:g}"),
        lambda: desk.tr("{low} to {high} open incidents per unit on shift").format(low=f"{middle:g}",
                                                                                   high=f"{high:g}"),
        lambda: desk.tr("{n} or more per unit, or open incidents and no unit on shift").format(n=f"{high:g}"),
    )
    return [LegendEntry(text, style, "polygon") for text, style in zip(texts, STYLES, strict=True)]


def area_label(desk: DeskContext, station: Station, load: StationLoad) -> str:
    """``"龙口所: 3 open, 2 units on shift, 4 today, 1 overdue"`` in the desk's language."""
    return desk.tr("{station}: {open} open, {units} units on shift, {today} today, {overdue} overdue").format(
        station=station.short_name, open=load.open, units=load.units_on_shift, today=load.incidents_today,
        overdue=load.overdue)


class StationLoadLayer:
    """Keeps the layer ``station_duty.load`` up to date (``start_load(desk)`` makes one)."""

    def __init__(self, desk: DeskContext, layer: MapLayer, interval_ms: int = REFRESH_MS) -> None:
        self._desk = desk
        self._layer = layer
        self._stations = desk.city.stations
        self._station_ids = tuple(station.id for station in self._stations)
        self._rings = {station.id: station_rings(station) for station in self._stations}
        self._drawn: list[Polygon] | None = None
        self._changed = False
        # Per station, the (class, label) its polygons were last made with, and the polygons: making a
        # polygon checks every corner, so only a station whose colour or label changed is made again.
        self._made: dict[str, tuple[tuple[int, str], list[Polygon]]] = {}
        self.throttle = Throttle(self.refresh, interval_ms)
        layer.set_legend(legend(desk))
        layer.on_click(lambda feature_id: show_station(desk, feature_id.split("/", 1)[0]))  # "id/2": a part
        self._subscriptions: list[Subscription] = [
            desk.on_change(lambda _units, _incidents: self.throttle.request()),
            desk.on_reset(lambda _state: self.throttle.request()),
            desk.on_language(lambda _language: self.refresh()),
        ]
        self.refresh()

    def features(self) -> list[Polygon]:
        desk = self._desk
        loads = station_loads(desk.state, desk.now_ms(), desk.time_zone, self._station_ids)
        features: list[Polygon] = []
        self._changed = False
        for station in self._stations:
            load = loads[station.id]
            key = (load_class(load), area_label(desk, station, load))
            made = self._made.get(station.id)
            if made is None or made[0] != key:
                style = STYLES[key[0]]
                polygons = [Polygon(station.id if n == 0 else f"{station.id}/{n}", rings, key[1], style)
                            for n, rings in enumerate(self._rings[station.id])]
                made = self._made[station.id] = (key, polygons)
                self._changed = True
            features += made[1]
        return features

    def refresh(self) -> None:
        features = self.features()
        if self._changed or self._drawn is None:  # the map is sent nothing when no colour or label changed
            self._layer.set_features(features)
            self._drawn = features

    def stop(self) -> None:
        for subscription in self._subscriptions:
            subscription.cancel()
        self.throttle.stop()


@runtime_checkable
class ShowsStation(Protocol):
    def select_station(self, station_id: str) -> None: ...


def show_station(desk: DeskContext, station_id: str) -> None:
    """Show ``station_id`` in each of the panels ``SHOWN_IN`` and bring them to the front."""
    for panel_id in SHOWN_IN:
        try:
            panel = desk.panel(panel_id)
        except KeyError:
            continue  # a desk built without it (a test's throwaway manifest)
        if isinstance(panel.widget, ShowsStation):
            panel.widget.select_station(station_id)
            panel.show()


def start_load(desk: DeskContext) -> StationLoadLayer:
    """For the plugin's ``activate``: keep the returned object and call its ``stop()`` in ``deactivate``."""
    return StationLoadLayer(desk, desk.map_layer(LAYER_ID))
