"""The emergency plans plugin's hooks: the desk's plans model, its one-second clock, the dispatch panel's
suggestion line and the forces map layer, wired in one place; everything let go of at ``deactivate``."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from dispatch_desktop.api import DeskContext, hookimpl
from emergency_plans.desk_model import close_models, model_for
from emergency_plans.forces_layer import ForcesLayer, start_forces_layer
from emergency_plans.plan_actions import close_dialogs
from emergency_plans.suggestion_section import SuggestionSection

CLOCK_MS = 1_000
"""How often the checklists look at the clock: a countdown, amber, overdue and escalations to the second."""

_timers: list[QTimer] = []
_layers: list[ForcesLayer] = []


@hookimpl
def activate(desk: DeskContext) -> None:
    model = model_for(desk)
    timer = QTimer()
    timer.setInterval(CLOCK_MS)
    timer.timeout.connect(model.tick_clock)
    timer.start()
    _timers.append(timer)
    section = SuggestionSection(desk)
    desk.add_dispatch_section(section, section.show_incident)
    _layers.append(start_forces_layer(desk))


@hookimpl
def deactivate() -> None:
    for timer in _timers:
        timer.stop()
    _timers.clear()
    for layer in _layers:
        layer.stop()
    _layers.clear()
    close_dialogs()
    close_models()
