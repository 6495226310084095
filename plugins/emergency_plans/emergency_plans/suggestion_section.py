"""The dispatch panel's line "Plan suggested: <title> — Ctrl+Shift+P activates", for the incident it shows
(hidden when no plan is suggested). It follows the plans model (a plan activated, the library loaded) and
the desk's changes (the incident reclassified or moved)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from dispatch_desktop.api import DeskContext
from emergency_plans.desk_model import model_for
from emergency_plans.model import local
from emergency_plans.plan_actions import SUGGESTED_KEY


class SuggestionSection(QLabel):
    """Put into the dispatch panel with ``desk.add_dispatch_section(widget, widget.show_incident)``."""

    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergency_plans_suggestion")
        self.setWordWrap(True)
        self.setStyleSheet("font-weight: bold; color: #9a6700; padding: 2px 6px;")
        self._desk = desk
        self._incident = ""
        model_changes = model_for(desk).on_change(self._changed)
        desk_changes = desk.on_change(lambda _units, incidents: self._changed(incidents))
        self._subscriptions = (model_changes, desk_changes)
        self.destroyed.connect(self._let_go)
        self.show_incident("")

    def _let_go(self, _object: object = None) -> None:
        for subscription in self._subscriptions:
            subscription.cancel()

    def show_incident(self, incident_id: str) -> None:
        self._incident = incident_id
        self.refresh()

    def _changed(self, incidents: frozenset[str]) -> None:
        if self._incident and self._incident in incidents:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        suggestions = model_for(self._desk).suggestions(self._incident) if self._incident else []
        self.setVisible(bool(suggestions))
        if suggestions:
            self.setText(self._desk.tr("Plan suggested: {plan} \u2014 {key} activates").format(
                plan=local(suggestions[0].title, self._desk.language), key=SUGGESTED_KEY))
        else:
            self.clear()
