"""The map layer "Places in the shift log": where the incidents written in this shift's log are. Qt-free.

One point per incident (at its location in the desk's state), labelled with the incident's id and type
(in the desk's language) and the times of its entries in the shift; a click on it selects the incident on
the desk. Entries about no incident, or about one the desk does not know, draw nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from dispatch_desktop.api import DeskContext, LegendEntry, MapLayer, Point, Style
from shift_log.book import Entry
from shift_log.session import ShiftLogSession
from shift_log.shifts import Span, clock

STYLE = Style(colour="#8a4b00", fill="#f2a900", weight=2, radius=7, fill_opacity=0.9)
"""Amber: apart from the desk's own incident colours (by priority) and units."""


def place_label(session: ShiftLogSession, incident_id: str, written: Sequence[int]) -> str:
    """``"20250506-0012 · Theft: in the shift log at 08:40, 09:40"`` (in the desk's language)."""
    times = ", ".join(clock(ms, session.zone) for ms in written)
    return session.desk.tr("{incident}: in the shift log at {times}").format(
        incident=session.incident_label(incident_id), times=times)


def place_points(entries: Sequence[Entry], session: ShiftLogSession) -> list[Point]:
    """A point per incident the entries concern (in the order first written), its label the incident and
    the entries' times in the order written."""
    times: dict[str, list[int]] = {}
    for entry in sorted(entries, key=lambda entry: entry.gseq):
        if entry.incident:
            times.setdefault(entry.incident, []).append(entry.time_ms)
    points = []
    incidents = session.desk.state.incidents
    for incident_id, written in times.items():
        incident = incidents.get(incident_id)
        if incident is None:
            continue
        label = place_label(session, incident_id, written)
        points.append(Point(incident_id, incident.lat, incident.lon, label=label, style=STYLE))
    return points


class PlacesLayer:
    """Keeps the layer drawing the shift's places; redraws only when they change."""

    def __init__(self, desk: DeskContext, session: ShiftLogSession, layer: MapLayer) -> None:
        self._desk = desk
        self._session = session
        self._layer = layer
        self._drawn: list[Point] | None = None
        layer.set_legend([LegendEntry(lambda: desk.tr("An incident written in this shift's log"), STYLE)])
        layer.on_click(self._clicked)
        session.on_changed(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        points = place_points(self._session.entries(Span.SHIFT), self._session)
        if points != self._drawn:
            self._drawn = points
            self._layer.set_features(points)

    def _clicked(self, feature_id: str) -> None:
        self._desk.selection.select_incident(feature_id)
