"""The incident action "Write the incident in the shift log" (Ctrl+Shift+L): the panel comes to the front
with the incident's id, type and address in its box, ready for the dispatcher to go on typing."""

from __future__ import annotations

from dispatch_desktop.api import DeskContext, Level
from shift_log.panel import ShiftLogPanel
from shift_log.session import PANEL_ID


def note_incident(desk: DeskContext, incident_id: str) -> None:
    panel = desk.panel(PANEL_ID)
    panel.show()
    widget = panel.widget
    if not isinstance(widget, ShiftLogPanel):  # the desk shows the panel's error instead
        desk.notify(desk.tr("The shift log panel could not be built; see the panel for what went wrong."),
                    Level.WARNING)
        return
    widget.note_incident(incident_id)


def can_note(desk: DeskContext, incident_id: str) -> bool:
    """Any incident the desk knows, open or closed (a handover often tells of one closed in the shift),
    on a desk that may write (not a supervisor's, not a replay: the desk asks again when its mode changes)."""
    return not desk.read_only and incident_id in desk.state.incidents
