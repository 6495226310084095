"""The replay timeline's pyqtgraph pieces: a time axis that reads the command center's local time, a view
box whose left clicks seek, and the colours and marker shapes of statuses and events.

The x coordinate of every item is seconds since an origin the timeline fixes once (``TimeScale``), not
epoch milliseconds: 1.7e12 on a scene coordinate leaves a bar of a few seconds a fraction of one float's
step once Qt's transforms are applied, and pyqtgraph's own ``DateAxisItem`` would read the machine's zone.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg  # type: ignore[import-untyped]  # pyqtgraph ships no type hints
from PySide6.QtCore import QPointF, Qt

from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.enums import IncidentStatus, UnitStatus
from dispatch_desktop.record.lanes import CALL_STATUS, LaneKind, TickCategory
from dispatch_desktop.ui.palette import CALL_COLOR, INCIDENT_STATUS_COLOR, UNIT_STATUS_COLOR

DAY_S = 86_400
_STEPS_S = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200,
            DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 28 * DAY_S)
"""Tick spacings a person counts in: seconds, minutes, quarter hours, hours, days, weeks."""
_LABEL_PX = 80  # room for one "HH:MM:SS" label and the gap to the next

TICK_STYLE: dict[TickCategory, tuple[str, str]] = {
    TickCategory.CALL: ("o", "#004d40"),
    TickCategory.INCIDENT: ("s", "#c62828"),
    TickCategory.DISPATCH: ("t1", "#ef6c00"),
    TickCategory.ACKNOWLEDGED: ("t1", "#1565c0"),
    TickCategory.ARRIVAL: ("d", "#6a1b9a"),
    TickCategory.FIELD: ("h", "#5d4037"),
    TickCategory.NOTE: ("s", "#546e7a"),
    TickCategory.RECALL: ("x", "#37474f"),
    TickCategory.REFERRAL: ("p", "#607d8b"),
    TickCategory.CLEARANCE: ("star", "#2e7d32"),
    TickCategory.CLOSED: ("s", "#212121"),
    TickCategory.PLUGIN: ("p", "#ad1457"),
    TickCategory.EXPORT: ("d", "#000000"),
    TickCategory.REFUSED: ("x", "#d50000"),
    TickCategory.OTHER: ("o", "#9e9e9e"),
}
"""Marker shape (pyqtgraph's symbol names) and fill of each kind of event."""


def status_color(kind: LaneKind, status: str) -> str:
    """A bar's fill: the tables' and the map's own colour of the incident's or the unit's status."""
    if status == CALL_STATUS:
        return CALL_COLOR
    if kind is LaneKind.INCIDENT:
        return INCIDENT_STATUS_COLOR[IncidentStatus(status)]
    return UNIT_STATUS_COLOR[UnitStatus(status)]


class TimeScale:
    """Epoch milliseconds to the plot's x (seconds since the origin) and back. The origin is fixed by the
    first time the timeline is given and never moves, so nothing drawn has to be placed again."""

    def __init__(self) -> None:
        self.origin_ms: int | None = None

    def x(self, ms: int) -> float:
        if self.origin_ms is None:
            self.origin_ms = ms
        return (ms - self.origin_ms) / 1000

    def ms(self, x: float) -> int:
        return round((self.origin_ms or 0) + x * 1000)


class LocalTimeAxis(pg.AxisItem):
    """A time axis in the command center's zone (``domain.localtime``), whatever the machine's: ticks at
    round local times, ``HH:MM:SS`` within a day, the date with the time when the view spans more."""

    def __init__(self, scale: TimeScale, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self._scale = scale
        self._span_s = 0.0

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        if self._scale.origin_ms is None or not math.isfinite(minVal) or maxVal <= minVal or size <= 0:
            return []
        self._span_s = maxVal - minVal
        most = max(2, int(size / _LABEL_PX))
        major = next((step for step in _STEPS_S if self._span_s / step <= most), _STEPS_S[-1])
        minor = next((step for step in reversed(_STEPS_S) if step < major and major % step == 0
                      and self._span_s / step <= most * 5), 0)
        levels = [(float(major), self._aligned(minVal, maxVal, major))]
        if minor:
            levels.append((float(minor), self._aligned(minVal, maxVal, minor)))
        return levels

    def _aligned(self, low: float, high: float, step: int) -> list[float]:
        """x of every local time in [low, high] that is a whole multiple of ``step`` (local midnights for
        days). The offset is the zone's at ``low``: a daylight-saving change inside the view shifts the ticks
        after it by the change, for the zones that have one."""
        origin_ms = self._scale.origin_ms or 0
        offset_s = localtime.utc_offset_ms(self._scale.ms(low)) / 1000
        local_low = origin_ms / 1000 + low + offset_s
        first = math.ceil(local_low / step) * step
        count = int((high - low) // step) + 1
        values = [first + n * step - offset_s - origin_ms / 1000 for n in range(count)]
        return [value for value in values if low <= value <= high]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing >= DAY_S:
            pattern = "%Y-%m-%d"
        elif self._span_s > DAY_S:
            pattern = "%m-%d %H:%M"
        else:
            pattern = "%H:%M:%S"
        return [localtime.local(self._scale.ms(value)).strftime(pattern) for value in values]


class SeekViewBox(pg.ViewBox):
    """A view box that zooms and pans in time only, and hands its left clicks (not drags) to ``on_click``
    with the clicked point in data coordinates and in the scene."""

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=True, y=False)
        self.on_click: Callable[[QPointF, QPointF], None] | None = None

    def mouseClickEvent(self, ev: pg.GraphicsScene.mouseEvents.MouseClickEvent) -> None:
        if ev.button() == Qt.MouseButton.LeftButton and self.on_click is not None:
            ev.accept()
            self.on_click(self.mapSceneToView(ev.scenePos()), ev.scenePos())
            return
        super().mouseClickEvent(ev)
