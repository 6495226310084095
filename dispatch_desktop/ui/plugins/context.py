"""``PluginDesk``: the desk as one plugin sees it (the ``dispatch_desktop.api.DeskContext`` protocol).

One per plugin, so that everything it registers is charged to it: its listeners run inside the fault
guard under its id, its texts come from its own catalogue, its plugin events carry its id, and when it is
stopped everything it registered goes with it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import msgspec
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from dispatch_desktop.api.actions import IncidentAction
from dispatch_desktop.api.context import (
    ChangeListener,
    EventListener,
    Level,
    OutcomeListener,
    PanelHandle,
    ResetListener,
    SelectionListener,
)
from dispatch_desktop.api.events import AnyBody, AppliedEvent
from dispatch_desktop.api.forces import ForceRequirement
from dispatch_desktop.api.intake import IntakeAdvisor
from dispatch_desktop.api.map_layers import MapLayer
from dispatch_desktop.api.version import API_VERSION
from dispatch_desktop.bus.command_reply import CommandReply as Outcome
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.state import State
from dispatch_desktop.extensions.event_relay import EventRelay
from dispatch_desktop.extensions.manifest import Manifest
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch.required_forces import RequiredForces
from dispatch_desktop.ui.models.alerts import AlertsModel
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.plugins.actions import IncidentActions
from dispatch_desktop.ui.plugins.advice import AdviceBoard
from dispatch_desktop.ui.plugins.guard import PluginGuard


class _Cancel:
    def __init__(self, *cancels: Callable[[], object]) -> None:
        self._cancels = cancels

    def cancel(self) -> None:
        for cancel in self._cancels:
            cancel()


class SettingsStore(Protocol):
    def load(self) -> msgspec.Struct | None: ...

    def save(self, settings: msgspec.Struct) -> None: ...


class Outcomes(QObject):
    """Hands a command's answer from the bus thread to the GUI thread."""

    arrived = Signal(object, object)  # callback, Outcome

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.arrived.connect(lambda callback, outcome: callback(outcome), Qt.ConnectionType.QueuedConnection)


@dataclass
class DeskParts:
    """What every plugin's context shares: the desk's models and services, built by the desk."""

    city: City
    city_model: CityModel
    selection: SelectionModel
    guard: PluginGuard
    relay: EventRelay
    send: Callable[[AnyBody], Future[Outcome]]
    read_only: Callable[[], str]  # why this desk sends nothing now ("" when it may send)
    notify: Callable[[str, str, Level], None]  # (plugin id, text, level)
    language: Callable[[], str]
    language_changed: Any  # the LanguageManager's languageChanged signal
    actions: IncidentActions
    advice: AdviceBoard
    add_dispatch_section: Callable[[QWidget], None]
    required_forces: RequiredForces  # what the plugins require per incident: the dispatch panel's board
    alerts: AlertsModel
    # Parented to the window by the desk: a command's answer arrives on the bus's thread, and a QObject whose
    # last Python reference went with it would be destroyed there, deadlocking against the GUI thread.
    outcomes: Outcomes


class PluginDesk:
    """See the module docstring and ``dispatch_desktop.api.context.DeskContext``."""

    def __init__(self, manifest: Manifest, parts: DeskParts, *, data_dir: Path,
                 settings: SettingsStore | None = None, schemas: dict[str, type[msgspec.Struct]] | None = None
                 ) -> None:
        self.manifest = manifest
        self._parts = parts
        self._data_dir = data_dir
        self._settings_store = settings
        self._settings: msgspec.Struct | None = settings.load() if settings is not None else None
        self._schemas = schemas or {}
        self.panels: dict[str, PanelHandle] = {}
        self.layers: dict[str, MapLayer] = {}
        self._subscriptions: list[Callable[[], None]] = []
        self.selection = _PluginSelection(self)
        self.actions = _PluginActions(self)

    # --- the guard ------------------------------------------------------------------------------------

    @property
    def plugin_id(self) -> str:
        return self.manifest.id

    @property
    def api_version(self) -> str:
        return API_VERSION

    def guarded(self, function: Callable[..., Any], what: str) -> Callable[..., Any]:
        """``function`` wrapped to run inside the guard, charged to this plugin."""
        guard, plugin = self._parts.guard, self.plugin_id
        return lambda *args: guard.call(plugin, function, *args, what=what)

    def _connect(self, signal: Any, slot: Callable[..., Any]) -> _Cancel:
        connection = signal.connect(slot)
        undone = [False]

        def cancel() -> None:
            if not undone[0]:
                undone[0] = True
                signal.disconnect(connection)

        self._subscriptions.append(cancel)
        return _Cancel(cancel)

    def close(self) -> None:
        """The plugin is stopped: none of its listeners runs again."""
        for cancel in self._subscriptions:
            with contextlib.suppress(RuntimeError, TypeError):  # the signal's owner is gone (closing desk)
                cancel()
        self._subscriptions.clear()
        self._parts.relay.drop_plugin(self.plugin_id)
        # Kept apart from the subscriptions: a plugin re-derives these on every event it hears.
        self._parts.required_forces.drop_owner(self.plugin_id)
        self._parts.alerts.clear_plugin_alerts(self.plugin_id)

    # --- reading --------------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._parts.city_model.state

    @property
    def city(self) -> City:
        return self._parts.city

    @property
    def mode(self) -> str:
        return self._parts.city_model.mode.value

    def now_ms(self) -> int:
        return self._parts.city_model.now_ms()

    @property
    def language(self) -> str:
        return self._parts.language()

    @property
    def time_zone(self) -> ZoneInfo:
        return localtime.zone()

    @property
    def read_only(self) -> str:
        return self._parts.read_only()

    def incident_type_name(self, code: str) -> str:
        return labels.incident_type_name(code)

    # --- listening ------------------------------------------------------------------------------------

    def on_event(self, listener: EventListener, *, kinds: Iterable[str] | None = None) -> _Cancel:
        if isinstance(kinds, str):
            raise TypeError("on_event(kinds=...) takes a collection of kinds, e.g. {'incident_created'}")
        entry = self._parts.relay.add_listener(self.plugin_id, listener, kinds)
        self._subscriptions.append(entry.cancel)
        return _Cancel(entry.cancel)

    def on_reset(self, listener: ResetListener) -> _Cancel:
        entry = self._parts.relay.add_reset_listener(self.plugin_id, listener)
        self._subscriptions.append(entry.cancel)
        return _Cancel(entry.cancel)

    def on_change(self, listener: ChangeListener) -> _Cancel:
        model = self._parts.city_model
        pending: dict[str, set[str]] = {"units": set(), "incidents": set()}

        def units(ids: list[str]) -> None:
            pending["units"].update(ids)

        def incidents(ids: list[str]) -> None:
            pending["incidents"].update(ids)

        def shown(_state: State) -> None:
            if pending["units"] or pending["incidents"]:
                changed = frozenset(pending["units"]), frozenset(pending["incidents"])
                pending["units"], pending["incidents"] = set(), set()
                self._parts.guard.call(self.plugin_id, listener, *changed, what="on_change listener")

        cancels = [self._connect(model.unitsChanged, units), self._connect(model.incidentsChanged, incidents),
                   self._connect(model.stateChanged, shown)]
        return _Cancel(*(cancel.cancel for cancel in cancels))

    def on_language(self, listener: Callable[[str], None]) -> _Cancel:
        return self._connect(self._parts.language_changed, self.guarded(listener, "on_language listener"))

    # --- acting ---------------------------------------------------------------------------------------

    def send(self, body: AnyBody, on_outcome: OutcomeListener | None = None) -> Future[Outcome]:
        why = self._parts.read_only()
        if why:
            raise PermissionError(why)
        future = self._parts.send(body)
        if on_outcome is not None:
            callback = self.guarded(on_outcome, "outcome listener")
            outcomes = self._parts.outcomes
            future.add_done_callback(lambda done: outcomes.arrived.emit(callback, _outcome_of(done)))
        return future

    def record(self, name: str, data: msgspec.Struct, *, incident: str = "",
               on_outcome: OutcomeListener | None = None) -> Future[Outcome]:
        schema = self._schemas.get(name)
        if schema is None:
            declared = ", ".join(sorted(self._schemas)) or "none"
            raise ValueError(f"plugin {self.plugin_id} declares no event {name!r} (declared: {declared})")
        if not isinstance(data, schema):
            raise TypeError(f"event {name!r} of plugin {self.plugin_id} takes a {schema.__name__}, "
                            f"not a {type(data).__name__}")
        body = ev.PluginEvent(plugin=self.plugin_id, name=name, data=msgspec.msgpack.encode(data),
                              incident=incident)
        return self.send(body, on_outcome)

    def decode(self, event: AppliedEvent) -> msgspec.Struct | None:
        body = event.event.body
        if not isinstance(body, ev.PluginEvent) or body.plugin != self.plugin_id:
            return None
        schema = self._schemas.get(body.name)
        if schema is None:
            return None
        try:
            decoded: msgspec.Struct = msgspec.msgpack.decode(body.data, type=schema)
        except msgspec.ValidationError:
            return None
        return decoded

    def panel(self, panel_id: str) -> PanelHandle:
        try:
            return self.panels[panel_id]
        except KeyError:
            raise KeyError(f"plugin {self.plugin_id} has no panel {panel_id!r} "
                           f"(its panels: {', '.join(self.panels) or 'none'})") from None

    def map_layer(self, layer_id: str) -> MapLayer:
        try:
            return self.layers[layer_id]
        except KeyError:
            raise KeyError(f"plugin {self.plugin_id} has no map layer {layer_id!r} "
                           f"(its layers: {', '.join(self.layers) or 'none'})") from None

    def advise_intake(self, advisor: IntakeAdvisor) -> _Cancel:
        cancel = self._parts.advice.add(self.plugin_id, advisor)
        self._subscriptions.append(cancel)
        return _Cancel(cancel)

    def add_dispatch_section(self, widget: object, show_incident: Callable[[str], None]) -> None:
        if not isinstance(widget, QWidget):
            raise TypeError(f"a dispatch section is a QWidget, not a {type(widget).__name__}")
        self._parts.add_dispatch_section(widget)
        show = self.guarded(show_incident, "dispatch section")
        self._connect(self._parts.selection.incidentSelected, show)
        self._subscriptions.append(widget.hide)  # a stopped plugin's section goes with it
        show(self._parts.selection.incident)

    def require_forces(self, incident: str, forces: Sequence[ForceRequirement], reason: str) -> _Cancel:
        return _Cancel(self._parts.required_forces.require(self.plugin_id, incident, forces, reason))

    def raise_alert(self, key: str, title: str, text: str, *, incident: str = "") -> None:
        for name, value in (("key", key), ("title", title)):
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"plugin {self.plugin_id}: raise_alert needs a {name} (a non-empty text), "
                                 f"not {value!r}")
        self._parts.alerts.raise_plugin_alert(self.plugin_id, key, self.now_ms(), title=title, text=str(text),
                                              incident=str(incident or ""), plugin_name=self.manifest.name)

    def clear_alert(self, key: str) -> None:
        self._parts.alerts.clear_plugin_alert(self.plugin_id, key)

    def notify(self, text: str, level: Level = Level.INFO) -> None:
        self._parts.notify(self.plugin_id, str(text), Level(level))

    # --- keeping ----------------------------------------------------------------------------------

    @property
    def settings(self) -> msgspec.Struct | None:
        return self._settings

    def save_settings(self, settings: msgspec.Struct) -> None:
        if self._settings_store is None:
            raise ValueError(f"plugin {self.plugin_id} declares no settings in its manifest")
        self._settings_store.save(settings)
        self._settings = settings

    @property
    def data_dir(self) -> Path:
        self._data_dir.mkdir(parents=True, exist_ok=True)
        return self._data_dir

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.plugin_id, text, disambiguation, n)


def _outcome_of(done: Future[Outcome]) -> Outcome:
    error = done.exception()
    if error is None:
        return done.result()
    return Outcome(seq=0, accepted=False, code="timeout", message=str(error) or type(error).__name__)


class _PluginSelection:
    """The shared selection, with listeners charged to the plugin."""

    def __init__(self, desk: PluginDesk) -> None:
        self._desk = desk
        self._model = desk._parts.selection

    @property
    def incident(self) -> str:
        return self._model.incident

    @property
    def unit(self) -> str:
        return self._model.unit

    @property
    def camera(self) -> str:
        return self._model.camera

    def select_incident(self, incident_id: str) -> None:
        self._model.select_incident(incident_id)

    def select_unit(self, unit_id: str) -> None:
        self._model.select_unit(unit_id)

    def select_camera(self, camera_id: str) -> None:
        self._model.select_camera(camera_id)

    def on_change(self, listener: SelectionListener) -> _Cancel:
        call = self._desk.guarded(listener, "selection listener")
        model = self._model
        cancels = [self._desk._connect(model.incidentSelected, lambda i: call("incident", i)),
                   self._desk._connect(model.unitSelected, lambda u: call("unit", u)),
                   self._desk._connect(model.cameraSelected, lambda c: call("camera", c))]
        return _Cancel(*(cancel.cancel for cancel in cancels))


class _PluginActions:
    """``desk.actions``: actions added at run time, their handler and predicate run in the guard."""

    def __init__(self, desk: PluginDesk) -> None:
        self._desk = desk

    def add(self, action: IncidentAction) -> None:
        desk = self._desk
        guard, plugin = desk._parts.guard, desk.plugin_id
        handler, predicate = action.handler, action.enabled

        def run(incident: str) -> None:
            guard.call(plugin, handler, incident, what=f"incident action {action.id}")

        guarded_predicate: Callable[[str], bool] | None = None
        if predicate is not None:
            test = predicate

            def guarded_predicate(incident: str) -> bool:
                return guard.call(plugin, test, incident, what=f"enabled of {action.id}") is True

        guarded = IncidentAction(id=action.id, title=action.title, key=action.key, enabled=guarded_predicate,
                                 handler=run)
        desk._parts.actions.add(guarded, plugin)
