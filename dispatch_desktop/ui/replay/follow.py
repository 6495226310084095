"""Following incidents in a replay: their units' tracks drawn up to the replay instant, and the map kept
on them.

The tracks are a map layer contributed through the same registry plugins use (``replay.tracks``): per unit
the fixes of its record up to the instant, cut at silences longer than the record's gap (a straight line
across one would invent a route), and the incident's place. "Follow" keeps the followed units and the
place in view: the map is moved when they leave the middle of the view the last move chose, not at every
frame, so it does not swim.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.api.map_layers import LegendEntry, Line, MapFeature, Point, Style
from dispatch_desktop.domain.state import State
from dispatch_desktop.record import GAP_MS, IncidentRecord
from dispatch_desktop.ui.map.bridge import MapBridge

TRACK_COLOURS = ("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#4e342e")
LAYER_ID = "replay.tracks"
MIN_ZOOM, MAX_ZOOM = 11, 16  # 16: a street and its corners around units standing at one spot
_TILE = 256


def track_features(records: Sequence[IncidentRecord], time_ms: int) -> list[MapFeature]:
    """Each unit's driven track up to ``time_ms`` (one line per run between silences) and each incident's
    place; a unit that belongs to several followed incidents is drawn once."""
    features: list[MapFeature] = []
    drawn: set[str] = set()
    colour_of: dict[str, str] = {}
    for record in records:
        incident = record.incident
        features.append(Point(f"incident-{incident.id}", incident.lat, incident.lon, label=incident.id,
                              style=Style(colour="#b71c1c", fill="#ef5350", radius=9, fill_opacity=0.8)))
        for track in record.units:
            if track.unit in drawn:
                continue
            drawn.add(track.unit)
            colour = colour_of.setdefault(track.unit, TRACK_COLOURS[len(colour_of) % len(TRACK_COLOURS)])
            shown = track.fixes[:bisect.bisect_right([fix.time_ms for fix in track.fixes], time_ms)]
            run: list[tuple[float, float]] = []
            runs = 0
            for index, fix in enumerate(shown):
                if index and fix.time_ms - shown[index - 1].time_ms > GAP_MS:
                    runs = _flush(features, track.unit, track.name, run, runs, colour)
                    run = []
                run.append((fix.lat, fix.lon))
            _flush(features, track.unit, track.name, run, runs, colour)
    return features


def _flush(features: list[MapFeature], unit: str, name: str, run: list[tuple[float, float]], runs: int,
           colour: str) -> int:
    if len(run) >= 2:
        features.append(Line(f"track-{unit}-{runs}", tuple(run), label=name or unit,
                             style=Style(colour=colour, weight=4, opacity=0.85)))
        return runs + 1
    return runs


def view_for(points: Iterable[tuple[float, float]], width_px: int, height_px: int) -> tuple[float, float, int] | None:
    """Centre and the largest zoom (Web Mercator, 256-pixel tiles) at which every point fits the view with
    a margin; None without points."""
    points = list(points)
    if not points:
        return None
    lats = [lat for lat, _lon in points]
    lons = [lon for _lat, lon in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    lon_span = max(east - west, 1e-4) * 1.4  # a margin so that nothing sits on the edge
    lat_span = max(_mercator_y(north) - _mercator_y(south), 1e-6) * 1.4
    zoom_x = math.log2(width_px * 360 / (_TILE * lon_span))
    zoom_y = math.log2(height_px * 2 * math.pi / (_TILE * lat_span))
    zoom = int(max(MIN_ZOOM, min(MAX_ZOOM, math.floor(min(zoom_x, zoom_y)))))
    return (south + north) / 2, (west + east) / 2, zoom


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


class Follower:
    """Draws the followed incidents' tracks and, with ``following`` on, keeps them in view."""

    def __init__(self, bridge: MapBridge, view_size: Callable[[], tuple[int, int]]) -> None:
        self._bridge = bridge
        self._size = view_size
        self.layer = bridge.plugin_layers.add(
            LAYER_ID, lambda: QCoreApplication.translate("ReplayFollow", "Tracks of the followed units"))
        self.layer.set_legend([
            LegendEntry(lambda: QCoreApplication.translate("ReplayFollow", "a unit's track"),
                        Style(colour=TRACK_COLOURS[0], weight=4), "line"),
            LegendEntry(lambda: QCoreApplication.translate("ReplayFollow", "the incident"),
                        Style(colour="#b71c1c", fill="#ef5350"), "point"),
        ])
        self.records: list[IncidentRecord] = []
        self.following = True
        self._view: tuple[float, float, int] | None = None

    def set_records(self, records: Sequence[IncidentRecord]) -> None:
        self.records = list(records)
        self._view = None

    def show(self, state: State, time_ms: int, placed: Mapping[str, tuple[float, float]]) -> None:
        self.layer.set_features(track_features(self.records, time_ms))
        if self.following and self.records:
            self._keep_in_view(self._points(state, placed))

    def _points(self, state: State, placed: Mapping[str, tuple[float, float]]) -> list[tuple[float, float]]:
        points = [(record.incident.lat, record.incident.lon) for record in self.records]
        for record in self.records:
            for track in record.units:
                unit = state.units.get(track.unit)
                if unit is not None and unit.last_report:
                    points.append(placed.get(track.unit) or (unit.lat, unit.lon))
        return points

    def _keep_in_view(self, points: list[tuple[float, float]]) -> None:
        width, height = self._size()
        wanted = view_for(points, max(width, 200), max(height, 200))
        if wanted is None:
            return
        if self._view is not None and not self._moved_enough(self._view, wanted):
            return
        self._view = wanted
        self._bridge.center_on(*wanted)

    @staticmethod
    def _moved_enough(shown: tuple[float, float, int], wanted: tuple[float, float, int]) -> bool:
        """Re-centre when the zoom the points need changed, or their centre left the middle third."""
        if shown[2] != wanted[2]:
            return True
        degrees_across = 360 / 2 ** shown[2] * 4  # about four tiles across the view
        return (abs(shown[0] - wanted[0]) > degrees_across / 6) or (abs(shown[1] - wanted[1]) > degrees_across / 6)
