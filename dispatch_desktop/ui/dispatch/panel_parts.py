"""What the parts of ``DispatchPanel`` kept in modules of their own (its incident actions) may use of the
panel, for the type checker. Imported under ``TYPE_CHECKING`` only; at run time the mixin derives from
``object``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QWidget

from dispatch_desktop.domain.enums import IncidentStatus
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.ui.dispatch.commands import CommandRunner, Outcome
from dispatch_desktop.ui.dispatch.dialogs import ActionDialog
from dispatch_desktop.ui.dispatch.recommend_model import RecommendationModel
from dispatch_desktop.ui.dispatch.widgets import Banner
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.plugins.actions import IncidentActions


class PanelParts(QWidget):
    dispatched: ClassVar[Signal]

    # collaborators
    _model: CityModel
    _operator: Callable[[], str]
    _runner: CommandRunner
    _actions: IncidentActions

    # what it shows and remembers
    _read_only: str
    _error_for: tuple[str, IncidentStatus, tuple[str, ...]] | None
    _close_note: dict[str, str]
    active_dialog: ActionDialog | None

    # widgets
    banner: Banner
    assigned: QTableWidget
    buttons: dict[str, QPushButton]
    recommendations: RecommendationModel
    required_note: QLabel
    unmet: QLabel

    @property
    def incident_id(self) -> str:
        raise NotImplementedError

    def incident(self) -> Incident | None:
        raise NotImplementedError

    def show_incident(self, incident_id: str) -> None: ...

    def focus_recommendations(self) -> None: ...

    def highlighted_unit(self) -> str:
        raise NotImplementedError

    def _rank(self, state: State, keep: str = "") -> None: ...

    def _report(self, outcome: Outcome, success: str) -> bool:
        raise NotImplementedError

    def _show_header(self, incident: Incident | None) -> None: ...

    def _update_buttons(self, incident: Incident | None) -> None: ...

    def _recall_offer(self, incident: Incident) -> str:
        raise NotImplementedError
