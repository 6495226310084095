"""Colours that mean something, shared by the tables and the map so both speak the same code."""

from __future__ import annotations

from PySide6.QtGui import QColor

from dispatch_desktop.domain.enums import IncidentStatus, UnitStatus

UNIT_STATUS_COLOR: dict[UnitStatus, str] = {
    UnitStatus.OFF_DUTY: "#9e9e9e",
    UnitStatus.AVAILABLE: "#2e7d32",
    UnitStatus.DISPATCHED: "#f9a825",
    UnitStatus.EN_ROUTE: "#1565c0",
    UnitStatus.ON_SCENE: "#7b1fa2",
    UnitStatus.UNAVAILABLE: "#5d4037",
}

INCIDENT_STATUS_COLOR: dict[IncidentStatus, str] = {
    IncidentStatus.NEW: "#c62828",
    IncidentStatus.DISPATCHED: "#f9a825",
    IncidentStatus.ON_SCENE: "#7b1fa2",
    IncidentStatus.CLEARED: "#2e7d32",
    IncidentStatus.REFERRED: "#607d8b",
    IncidentStatus.CLOSED: "#9e9e9e",
}

CALL_COLOR = "#00838f"
"""An incident before it is entered: its 110 call ringing and being taken (the replay timeline's first bar)."""

PRIORITY_COLOR: dict[int, str] = {1: "#d32f2f", 2: "#f57c00", 3: "#fbc02d", 4: "#1e88e5"}

SOS_COLOR = "#ff1744"
CONNECTED_COLOR = "#2e7d32"
DISCONNECTED_COLOR = "#c62828"

MODE_COLOR = {"live": "#2e7d32", "simulation": "#6a1b9a", "drill": "#ef6c00", "replay": "#1565c0"}

# Eleven district fills that stay apart from the status and priority colours above.
DISTRICT_FILLS: tuple[str, ...] = (
    "#a6cee3", "#b2df8a", "#fdbf6f", "#cab2d6", "#ffff99", "#8dd3c7",
    "#bebada", "#fb9a99", "#80b1d3", "#ccebc5", "#d9d9d9",
)

MAP_BACKGROUND = "#eef2f5"


def tint(color: str, alpha: int = 70) -> QColor:
    """A see-through version of a colour for a cell background, so text stays readable."""
    tinted = QColor(color)
    tinted.setAlpha(alpha)
    return tinted
