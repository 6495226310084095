"""The shift log's hooks: on activation its map layer starts following the log, and a timer lets the
views notice when a shift ends or the last 24 hours move on."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from dispatch_desktop.api import DeskContext, hookimpl
from shift_log.places import PlacesLayer
from shift_log.session import LAYER_ID, close_sessions, session_for

TICK_MS = 30_000
"""How often the views look at the clock: a shift's end shows within half a minute."""

_running: list[tuple[PlacesLayer, QTimer]] = []


@hookimpl
def activate(desk: DeskContext) -> None:
    session = session_for(desk)
    places = PlacesLayer(desk, session, desk.map_layer(LAYER_ID))
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(session.tick)
    timer.start()
    _running.append((places, timer))


@hookimpl
def deactivate() -> None:
    for _places, timer in _running:
        timer.stop()
    _running.clear()
    close_sessions()
