"""How the intake form and the dispatch panel are joined so a call flows into a dispatch: Ctrl+Enter
in the form creates the incident, the panel shows it with the best unit highlighted and takes the
keyboard, and Enter sends the unit."""

from __future__ import annotations

from dispatch_desktop.ui.dispatch.dispatch_panel import DispatchPanel
from dispatch_desktop.ui.dispatch.intake import IntakeForm


def connect_intake_to_panel(intake: IntakeForm, panel: DispatchPanel) -> None:
    """A new incident goes straight to the panel, which takes the keyboard; a duplicate shows its
    original. The two live in separate docks."""
    intake.incidentCreated.connect(lambda incident_id: _show(panel, incident_id))
    intake.duplicateRecorded.connect(lambda _new, original: _show(panel, original))


def _show(panel: DispatchPanel, incident_id: str) -> None:
    panel.show_incident(incident_id)
    panel.focus_recommendations()
