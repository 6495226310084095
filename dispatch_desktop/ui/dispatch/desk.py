"""The intake form and the dispatch panel side by side, joined so a call flows into a dispatch:
Ctrl+Enter in the form creates the incident, the panel shows it with the best unit highlighted and
takes the keyboard, and Enter sends the unit."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.duplicates import DEFAULT_DUPLICATE_CONFIG, DuplicateConfig
from dispatch_desktop.domain.recommend import RecommendConfig
from dispatch_desktop.ui.dispatch.commands import SendCommand
from dispatch_desktop.ui.dispatch.dispatch_panel import DEFAULT_PANEL_CONFIG, DispatchPanel
from dispatch_desktop.ui.dispatch.intake import IntakeForm
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel


def connect_intake_to_panel(intake: IntakeForm, panel: DispatchPanel) -> None:
    """A new incident goes straight to the panel, which takes the keyboard; a duplicate shows its
    original. Use this when the two live in separate docks."""
    intake.incidentCreated.connect(lambda incident_id: _show(panel, incident_id))
    intake.duplicateRecorded.connect(lambda _new, original: _show(panel, original))


def _show(panel: DispatchPanel, incident_id: str) -> None:
    panel.show_incident(incident_id)
    panel.focus_recommendations()


class DispatchDesk(QWidget):
    """``intake`` on the left, ``panel`` on the right."""

    def __init__(
        self,
        city: City,
        model: CityModel,
        send_command: SendCommand,
        selection: SelectionModel,
        workstation: str,
        parent: QWidget | None = None,
        *,
        recommend_config: RecommendConfig = DEFAULT_PANEL_CONFIG,
        duplicate_config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG,
    ) -> None:
        super().__init__(parent)
        self.intake = IntakeForm(city, model, send_command, workstation, selection, self,
                                 duplicate_config=duplicate_config)
        self.panel = DispatchPanel(city, model, send_command, selection, self, config=recommend_config)
        connect_intake_to_panel(self.intake, self.panel)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.intake)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def install_shortcuts(self, window: QObject) -> list[QShortcut]:
        """F2 / Ctrl+N application-wide (the panel's F5–F9 already work window-wide)."""
        return self.intake.install_shortcuts(window)
