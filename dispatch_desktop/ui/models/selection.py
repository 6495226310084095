"""The one selection every panel and the map share (napari's layer selection, in small).

Panels call ``select_unit`` / ``select_incident`` when the user picks a row or a marker and listen to
the signals to follow a pick made elsewhere. Signals fire only on a real change, so a view that
re-selects what it was just told to select ends the round trip.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SelectionModel(QObject):
    unitSelected = Signal(str)  # "" when cleared
    incidentSelected = Signal(str)
    followChanged = Signal(str)  # the unit the map keeps centred on, "" for none
    cameraSelected = Signal(str)  # the camera picked on the map or by a plugin ("" when cleared)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unit = ""
        self._incident = ""
        self._follow = ""
        self._camera = ""

    @property
    def unit(self) -> str:
        return self._unit

    @property
    def incident(self) -> str:
        return self._incident

    @property
    def follow(self) -> str:
        return self._follow

    @property
    def camera(self) -> str:
        return self._camera

    def select_unit(self, unit_id: str) -> None:
        if unit_id != self._unit:
            self._unit = unit_id
            self.unitSelected.emit(unit_id)

    def select_incident(self, incident_id: str) -> None:
        if incident_id != self._incident:
            self._incident = incident_id
            self.incidentSelected.emit(incident_id)

    def set_follow(self, unit_id: str) -> None:
        if unit_id != self._follow:
            self._follow = unit_id
            self.followChanged.emit(unit_id)

    def select_camera(self, camera_id: str) -> None:
        """A camera picked (on the map, by a plugin): the video wall puts it up. Picking the same camera
        again puts it up again (the user may have replaced it on the wall since)."""
        self._camera = camera_id
        self.cameraSelected.emit(camera_id)
