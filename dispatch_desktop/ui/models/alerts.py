"""Alerts (告警): what needs a dispatcher's eyes now, derived from the state.

Officers who pressed the emergency button (SOS, until acknowledged), refused reports or commands
(the newest ones the state keeps), overdue timers (fed by the desk's once-a-second overdue check:
the incident, which phase and by how long, until it is done), and the plugins' own alerts (an emergency
plan's overdue step: raised and cleared by the plugin, gone when it stops).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable

import msgspec
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor

from dispatch_desktop.controllers.overdue import Overdue, OverdueCheck
from dispatch_desktop.domain.state import RefusalRecord, State, Unit
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.dispatch.describe import unit_name
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.keyed_table import Column, KeyedTableModel
from dispatch_desktop.ui.palette import SOS_COLOR, tint


class AlertKind(enum.StrEnum):
    SOS = "sos"
    OVERDUE = "overdue"
    REFUSAL = "refusal"
    NOTICE = "notice"  # a plugin's warning, or the desk's word about a plugin
    PLUGIN = "plugin"  # a plugin's alert (api 1.2 ``raise_alert``), until the plugin clears it


class Alert(msgspec.Struct, frozen=True):
    key: str
    kind: AlertKind
    time: int
    unit: str = ""  # the unit it is about, if any
    incident: str = ""  # the incident it is about, if any
    subject: str = ""  # how to name what it is about
    code: str = ""
    message: str = ""
    lat: float = 0.0
    lon: float = 0.0
    overdue: Overdue | None = None
    plugin: str = ""  # the plugin that raised it
    title: str = ""  # a plugin alert's own kind ("Step overdue"), in the desk's language


TIME = QT_TRANSLATE_NOOP("Alerts", "Time")
KIND = QT_TRANSLATE_NOOP("Alerts", "Alert")
SUBJECT = QT_TRANSLATE_NOOP("Alerts", "About")
DETAILS = QT_TRANSLATE_NOOP("Alerts", "Details")

_KIND_TEXT = {
    AlertKind.SOS: QT_TRANSLATE_NOOP("Alerts", "SOS"),
    AlertKind.OVERDUE: QT_TRANSLATE_NOOP("Alerts", "Overdue"),
    AlertKind.REFUSAL: QT_TRANSLATE_NOOP("Alerts", "Refused"),
    AlertKind.NOTICE: QT_TRANSLATE_NOOP("Alerts", "Notice"),
}
MAX_NOTICES = 50
"""Notices kept in the panel; the oldest goes when a new one comes (they stay in the log file)."""


def _details(alert: Alert, unit_name: Callable[[str], str] | None = None) -> str:
    if alert.kind is AlertKind.SOS:
        return QCoreApplication.translate("Alerts", "Officer needs help at {lat:.5f}, {lon:.5f}").format(
            lat=alert.lat, lon=alert.lon
        )
    if alert.kind in (AlertKind.NOTICE, AlertKind.PLUGIN):
        return alert.message
    if alert.overdue is not None:
        late = alert.overdue
        return QCoreApplication.translate("Alerts", "{phase} overdue by {over} (target {target})").format(
            phase=texts.phase(late.phase), over=labels.duration_text(int(late.over_s * 1000)),
            target=labels.duration_text(int(late.target_s * 1000)))
    return labels.refusal_text(alert.code, alert.message, unit_name=unit_name)


def _kind_text(alert: Alert) -> str:
    if alert.kind is AlertKind.PLUGIN:
        return alert.title
    return QCoreApplication.translate("Alerts", _KIND_TEXT[alert.kind])


class AlertsModel(KeyedTableModel):
    context = "Alerts"

    sosRaised = Signal(str)  # unit id: a new emergency, worth drawing attention to the panel

    def __init__(self, city_model: CityModel, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(TIME, lambda a: labels.clock_text(a.time), sort=lambda a: a.time,
                       align=Qt.AlignmentFlag.AlignRight),
                Column(KIND, _kind_text, sort=lambda a: _KIND_RANK[a.kind], background=_kind_tint),
                Column(SUBJECT, self._subject),
                # The tooltip is the whole sentence, in the user's language, for a cell cut short.
                Column(DETAILS, self._details, tooltip=self._details),
            ],
            parent,
        )
        self._city_model = city_model
        self._alerts: dict[str, Alert] = {}
        city_model.unitsChanged.connect(self._on_units)
        city_model.refusalsChanged.connect(self._on_refusals)
        city_model.incidentsChanged.connect(self._on_incidents)
        if city_model.has_state:
            self._on_units(list(city_model.state.units.keys()))
            self._on_refusals()

    def _details(self, alert: Alert) -> str:
        """The alert in words, naming units by call sign (荔湾巡01组), as the rest of the desk does."""
        state = self._city_model.state
        return _details(alert, lambda unit_id: unit_name(state, unit_id))

    def _subject(self, alert: Alert) -> str:
        """What it is about; a plugin's alert names its incident as the others do (the id · its type),
        once the incident is known, else its plugin (by the manifest's name, in the plugin's catalogue)."""
        if alert.kind is not AlertKind.PLUGIN:
            return alert.subject
        if not alert.incident:
            return QCoreApplication.translate(alert.plugin, alert.subject)
        incident = self._city_model.state.incidents.get(alert.incident)
        if incident is None:
            return alert.incident
        return f"{alert.incident} · {labels.incident_type_name(incident.incident_type)}"

    def record(self, key: str) -> Alert | None:
        return self._alerts.get(key)

    def active_sos(self) -> list[str]:
        return [a.unit for a in self._alerts.values() if a.kind is AlertKind.SOS]

    def active_overdue(self) -> list[Alert]:
        return [a for a in self._alerts.values() if a.kind is AlertKind.OVERDUE]

    def add_notice(self, key: str, time_ms: int, subject: str, message: str) -> None:
        """A notice (a plugin's warning, a plugin stopped): shown until newer ones push it out."""
        key = f"notice:{key}"
        changed = [key]
        self._alerts.pop(key, None)
        self._alerts[key] = Alert(key, AlertKind.NOTICE, time_ms, subject=subject, message=message)
        notices = [k for k, alert in self._alerts.items() if alert.kind is AlertKind.NOTICE]
        for old in notices[:-MAX_NOTICES]:
            del self._alerts[old]
            changed.append(old)
        self.sync(changed)

    def raise_plugin_alert(self, plugin: str, key: str, time_ms: int, *, title: str, text: str, incident: str,
                           plugin_name: str) -> None:
        """A plugin's alert ``key`` (its own keys): new, or updated in place keeping its first time."""
        full_key = f"plugin:{plugin}:{key}"
        had = self._alerts.get(full_key)
        self._alerts[full_key] = Alert(full_key, AlertKind.PLUGIN, had.time if had is not None else time_ms,
                                       incident=incident, subject=plugin_name, message=text, plugin=plugin,
                                       title=title)
        self.sync([full_key])

    def _on_incidents(self, incident_ids: Iterable[str]) -> None:
        # A plugin may raise an alert about an incident before this desk has it: named once it comes.
        changed = set(incident_ids)
        about = [key for key, alert in self._alerts.items() if alert.kind is AlertKind.PLUGIN and alert.incident
                 in changed]
        if about:
            self.sync(about)

    def clear_plugin_alert(self, plugin: str, key: str) -> None:
        full_key = f"plugin:{plugin}:{key}"
        if self._alerts.pop(full_key, None) is not None:
            self.sync([full_key])

    def clear_plugin_alerts(self, plugin: str) -> None:
        """The plugin stopped: its alerts go with it."""
        gone = [key for key, alert in self._alerts.items() if alert.kind is AlertKind.PLUGIN and alert.plugin == plugin]
        for key in gone:
            del self._alerts[key]
        if gone:
            self.sync(gone)

    def set_overdue(self, check: OverdueCheck, now_ms: int) -> None:
        """The desk's overdue check of this second: each overdue phase is an alert until it is done."""
        state = self._city_model.state
        changed = []
        for incident_id, phase in check.ended:
            key = f"overdue:{incident_id}:{phase.value}"
            if self._alerts.pop(key, None) is not None:
                changed.append(key)
        for late in check.overdue.values():
            key = f"overdue:{late.incident}:{late.phase.value}"
            incident = state.incidents.get(late.incident)
            since = now_ms - int(late.over_s * 1000)
            subject = late.incident
            if incident is not None:
                subject = f"{late.incident} · {labels.incident_type_name(incident.incident_type)}"
            self._alerts[key] = Alert(key, AlertKind.OVERDUE, since, incident=late.incident, subject=subject,
                                      overdue=late, lat=incident.lat if incident else 0.0,
                                      lon=incident.lon if incident else 0.0)
            changed.append(key)
        if changed:
            self.sync(changed)

    def _on_units(self, unit_ids: Iterable[str]) -> None:
        units = self._city_model.state.units
        changed: list[str] = []
        raised: list[str] = []
        for unit_id in unit_ids:
            key = f"sos:{unit_id}"
            unit: Unit | None = units.get(unit_id)
            had = key in self._alerts
            if unit is not None and unit.sos:
                self._alerts[key] = Alert(key, AlertKind.SOS, unit.last_report, unit=unit.id,
                                          incident=unit.incident, subject=unit.name or unit.id,
                                          lat=unit.lat, lon=unit.lon)
                if not had:
                    raised.append(unit.id)
            elif had:
                del self._alerts[key]
            else:
                continue
            changed.append(key)
        if changed:
            self.sync(changed)
        for unit_id in raised:
            self.sosRaised.emit(unit_id)

    def _on_refusals(self) -> None:
        state: State = self._city_model.state
        current = {_refusal_key(r): r for r in state.refusals}
        stale = [key for key, alert in self._alerts.items()
                 if alert.kind is AlertKind.REFUSAL and key not in current]
        for key in stale:
            del self._alerts[key]
        fresh = [key for key in current if key not in self._alerts]
        for key in fresh:
            self._alerts[key] = _refusal_alert(key, current[key], state)
        if stale or fresh:
            self.sync([*stale, *fresh])


def _refusal_key(record: RefusalRecord) -> str:
    return f"refused:{record.source}#{record.seq}"


def _refusal_alert(key: str, record: RefusalRecord, state: State) -> Alert:
    # Name who was refused (a unit reporting) and what about (its target), whichever are known.
    source_unit = state.units.get(record.source)
    target_unit = state.units.get(record.target) if record.target else None
    unit = target_unit or source_unit
    incident = record.target if record.target in state.incidents else ""
    names = [u.name or u.id for u in (source_unit, target_unit) if u is not None]
    if incident:
        names.append(incident)
    subject = " → ".join(dict.fromkeys(names)) or record.target or record.source
    return Alert(key, AlertKind.REFUSAL, record.time, unit=unit.id if unit is not None else "",
                 incident=incident, subject=subject, code=record.code, message=record.message)


_KIND_RANK = {AlertKind.SOS: 0, AlertKind.OVERDUE: 1, AlertKind.PLUGIN: 2, AlertKind.REFUSAL: 3, AlertKind.NOTICE: 4}
OVERDUE_TINT = "#e53935"
PLUGIN_TINT = "#ff8f00"  # amber: a plugin's alert (a plan's step late) beside the desk's red


def _kind_tint(alert: Alert) -> QColor | None:
    if alert.kind is AlertKind.SOS:
        return tint(SOS_COLOR, 170)
    if alert.kind is AlertKind.OVERDUE:
        return tint(OVERDUE_TINT, 120)
    if alert.kind is AlertKind.PLUGIN:
        return tint(PLUGIN_TINT, 120)
    return None
