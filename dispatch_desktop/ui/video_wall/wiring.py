"""Connecting the wall to the rest of the desk: it follows the incident selected anywhere.

The shared ``SelectionModel`` names incidents by id; the wall needs their position, which the
``CityModel``'s current state has. ``IncidentFollower`` bridges the two (and refills the wall when the
followed incident is moved, e.g. its address corrected).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.video_wall.wall import VideoWall


class IncidentFollower(QObject):
    """Lives as the wall's child: the connections end with the wall."""

    def __init__(self, wall: VideoWall, selection: SelectionModel, city: CityModel) -> None:
        super().__init__(wall)
        self._wall = wall
        self._city = city
        self._shown: tuple[str, float, float] | None = None
        selection.incidentSelected.connect(self._on_selected)
        city.incidentsChanged.connect(self._on_incidents_changed)
        if selection.incident:
            self._on_selected(selection.incident)

    @Slot(str)
    def _on_selected(self, incident_id: str) -> None:
        incident = self._city.state.incidents.get(incident_id) if incident_id else None
        if incident is None:
            self._shown = None
            self._wall.clear_incident()
            return
        self._shown = (incident.id, incident.lat, incident.lon)
        self._wall.show_incident(*self._shown)

    @Slot(list)
    def _on_incidents_changed(self, incident_ids: list[str]) -> None:
        if self._shown is None or self._shown[0] not in incident_ids:
            return
        incident = self._city.state.incidents.get(self._shown[0])
        if incident is not None and (incident.lat, incident.lon) != self._shown[1:]:
            self._on_selected(incident.id)


def follow_selection(wall: VideoWall, selection: SelectionModel, city: CityModel) -> IncidentFollower:
    """Make the wall show the cameras of whichever incident the dispatcher selects."""
    return IncidentFollower(wall, selection, city)


def follow_dark_cameras(wall: VideoWall, city: CityModel) -> None:
    """Show a drill's dark cameras offline on the wall (the drill view's state holds them; a live one none)."""
    city.stateChanged.connect(lambda state: wall.set_dark_cameras(state.cameras_dark))
