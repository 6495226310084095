"""The roster's part of the plugin's ``activate`` and ``deactivate``: the session, the dispatch panel's
"On duty now" section, and a clock that lets the views notice when a shift ends."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from dispatch_desktop.api import DeskContext
from station_duty.roster.on_duty import add_on_duty_section
from station_duty.roster.session import close_sessions, session_for

TICK_MS = 30_000
"""How often the views look at the clock: a new shift shows within half a minute of its start."""

_timers: list[QTimer] = []


def start(desk: DeskContext) -> None:
    session = session_for(desk)
    add_on_duty_section(desk)
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(session.tick)
    timer.start()
    _timers.append(timer)


def stop() -> None:
    for timer in _timers:
        timer.stop()
    _timers.clear()
    close_sessions()
