"""Overdue timers made loud: once a second the desk's ``OverdueWatch`` is asked what is overdue; the
queue turns those rows red, the alerts panel lists each with how long, the status bar names the newest,
and the alarm may sound (SOS raised anywhere sounds it too)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from dispatch_desktop.controllers.overdue import OverdueCheck, OverdueWatch
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.alarm import Alarm
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.models.alerts import AlertsModel
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.incident_table import IncidentTableModel


class OverdueNotifier(QObject):
    message = Signal(str)  # a sentence for the status bar about what just went overdue

    def __init__(self, city_model: CityModel, incidents: IncidentTableModel, alerts: AlertsModel, alarm: Alarm,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = city_model
        self._incidents = incidents
        self._alerts = alerts
        self._alarm = alarm
        self.watch = OverdueWatch()
        city_model.clockTicked.connect(self.check)
        alerts.sosRaised.connect(lambda _unit: alarm.ring(city_model.now_ms()))

    def check(self, now_ms: int) -> OverdueCheck:
        result = self.watch.check(self._model.state, now_ms)
        self._incidents.set_overdue(result.incidents)
        self._alerts.set_overdue(result, now_ms)
        if result.newly:
            first = result.newly[0]
            incident = self._model.state.incidents.get(first.incident)
            kind = labels.incident_type_name(incident.incident_type) if incident is not None else ""
            self.message.emit(QCoreApplication.translate("Desk", "{incident} {type}: {phase} overdue by {over}").format(
                incident=first.incident, type=kind, phase=texts.phase(first.phase),
                over=labels.duration_text(int(first.over_s * 1000))))
            self._alarm.ring(now_ms)
        return result
