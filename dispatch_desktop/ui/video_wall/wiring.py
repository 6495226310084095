"""Connecting the wall to the rest of the desk: it follows the incident selected anywhere.

The shared ``SelectionModel`` names incidents by id; the wall needs their position, which the
``CityModel``'s current state has. ``IncidentFollower`` bridges the two (and refills the wall when the
followed incident is moved, e.g. its address corrected).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from dispatch_desktop.ui.map.bridge import MapBridge
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.video_wall.wall import VideoWall


class IncidentFollower(QObject):
    """Lives as the wall's child: the connections end with the wall."""

    def __init__(self, wall: VideoWall, selection: SelectionModel, city: CityModel) -> None:
        super().__init__(wall)
        self._wall = wall
        self._city = city
        self._selected = ""
        self._shown: tuple[str, float, float] | None = None
        selection.incidentSelected.connect(self._on_selected)
        city.incidentsChanged.connect(self._on_incidents_changed)
        if selection.incident:
            self._on_selected(selection.incident)

    @Slot(str)
    def _on_selected(self, incident_id: str) -> None:
        self._selected = incident_id
        incident = self._city.state.incidents.get(incident_id) if incident_id else None
        if incident is None:
            self._shown = None
            self._wall.clear_incident()
            return
        self._shown = (incident.id, incident.lat, incident.lon)
        self._wall.show_incident(*self._shown)

    @Slot(list)
    def _on_incidents_changed(self, incident_ids: list[str]) -> None:
        """The selected incident moved (its address corrected), or came or went (a replay passing the moment it
        was entered: the wall follows it from there)."""
        if not self._selected or self._selected not in incident_ids:
            return
        incident = self._city.state.incidents.get(self._selected)
        where = None if incident is None else (incident.id, incident.lat, incident.lon)
        if where != self._shown:
            self._on_selected(self._selected)


def follow_selection(wall: VideoWall, selection: SelectionModel, city: CityModel) -> IncidentFollower:
    """Make the wall show the cameras of whichever incident the dispatcher selects."""
    return IncidentFollower(wall, selection, city)


def follow_dark_cameras(wall: VideoWall, city: CityModel) -> None:
    """Show a drill's dark cameras offline on the wall (the drill view's state holds them; a live one none)."""
    city.stateChanged.connect(lambda state: wall.set_dark_cameras(state.cameras_dark))


def connect_wall(wall: VideoWall, selection: SelectionModel, city: CityModel, map_bridge: MapBridge) -> None:
    """Everything a desk's wall (live or a replay's) follows: the incident selected anywhere, a drill's dark
    cameras, and a camera clicked on the map or chosen elsewhere, put on the wall."""
    follow_selection(wall, selection, city)
    follow_dark_cameras(wall, city)
    map_bridge.cameraClicked.connect(selection.select_camera)
    selection.cameraSelected.connect(lambda camera: camera and wall.put_camera_on_wall(camera))
