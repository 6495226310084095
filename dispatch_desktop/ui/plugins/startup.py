"""Plugins join a desk: which to start (the Qt-free ``extensions.status``), and the host that starts them.

The composition root calls ``start_desk_plugins`` once the desk's own panels are built. Each plugin's
context shares the desk's models: the city model's events reach the plugins' listeners through one
``EventRelay`` (whose history requests go to the hub through the bus client), notices and alerts land in
the status bar or the alerts panel, the forces they require reach the dispatch panel's ranking through its
``RequiredForces``, and the commands go out through the desk's outbox.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from dispatch_desktop.api.context import Level
from dispatch_desktop.api.events import AnyBody
from dispatch_desktop.bus.command_reply import CommandReply
from dispatch_desktop.extensions import paths as plugin_paths
from dispatch_desktop.extensions.discovery import Discovered, discover
from dispatch_desktop.extensions.event_relay import EventRelay, FetchHistory
from dispatch_desktop.extensions.sentinel import Sentinel
from dispatch_desktop.extensions.settings import PluginSettings, settings_schema
from dispatch_desktop.extensions.state import PluginStates
from dispatch_desktop.extensions.status import PluginStatus, Status, plugin_statuses, start_plugins
from dispatch_desktop.ui.dispatch.required_forces import RequiredForces
from dispatch_desktop.ui.plugins.actions import IncidentActions
from dispatch_desktop.ui.plugins.advice import AdviceBoard
from dispatch_desktop.ui.plugins.context import DeskParts, Outcomes
from dispatch_desktop.ui.plugins.error_view import fault_summary
from dispatch_desktop.ui.plugins.guard import Fault, PluginGuard
from dispatch_desktop.ui.plugins.host import PluginHost, PluginToLoad
from dispatch_desktop.ui.workstation import Workstation

log = logging.getLogger(__name__)


class _Poster(QObject):
    """Runs a function on the GUI thread, whichever thread asks."""

    posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.posted.connect(lambda function: function(), Qt.ConnectionType.QueuedConnection)

    def post(self, function: Callable[[], None]) -> None:
        self.posted.emit(function)


@dataclass
class DeskPlugins:
    """What the desk keeps of its plugins: the host, the statuses found at start, why none run."""

    host: PluginHost
    statuses: list[PluginStatus] = field(default_factory=list)
    states: PluginStates | None = None
    safe_mode: bool = False
    advice: AdviceBoard | None = None  # the plugins' intake advisors, asked together


def start_desk_plugins(window: Workstation, actions: IncidentActions, *,
                       send: Callable[[AnyBody], Future[CommandReply]], read_only: Callable[[], str],
                       add_dispatch_section: Callable[[QWidget], None] = lambda _widget: None,
                       required_forces: RequiredForces | None = None,
                       fetch_history: FetchHistory, safe_mode: bool = False,
                       discovered: Sequence[Discovered] | None = None, sentinel_dir: Path | None = None,
                       data_dir: Path | None = None) -> DeskPlugins:
    """Discover, choose and start the desk's plugins (none with ``safe_mode``); never raises for a
    plugin's fault. ``required_forces``: the dispatch panel's (without it, what plugins require reaches no
    panel). ``discovered``, ``sentinel_dir`` and ``data_dir`` are for tests."""
    guard = PluginGuard(window)
    poster = _Poster(window)
    relay = EventRelay(fetch_history, poster.post, guard.listener_call("event listener"),
                       on_history_error=lambda why: _history_error(window, why))
    window.city_model.eventsApplied.connect(relay.deliver)
    window.city_model.stateReset.connect(relay.reset)
    # A plugin's predicate may hang on its own facts (a plugin event just heard): ask again after each batch.
    window.city_model.eventsApplied.connect(lambda _events, _notable: actions.refresh())
    names: dict[str, str] = {}

    def notify(plugin: str, text: str, level: Level) -> None:
        name = _name(names, plugin)
        if level is Level.WARNING:
            window.alerts_model.add_notice(f"{plugin}:{text}", window.city_model.now_ms(), name, text)
        else:
            window.status_bar.showMessage(f"{name}: {text}", 10_000)

    parts = DeskParts(city=window.city, city_model=window.city_model, selection=window.selection, guard=guard,
                      relay=relay, send=send, read_only=read_only, notify=notify,
                      language=lambda: window.language.language, language_changed=window.language.languageChanged,
                      actions=actions, advice=AdviceBoard(guard, lambda plugin: _name(names, plugin)),
                      add_dispatch_section=add_dispatch_section, outcomes=Outcomes(window),
                      required_forces=required_forces if required_forces is not None else RequiredForces(window),
                      alerts=window.alerts_model)
    host = PluginHost(parts, window.panels, actions, window.map_bridge.plugin_layers,
                      add_catalogues=window.language.add_catalogues,
                      sentinel=Sentinel(sentinel_dir), parent=window)
    guard.faulted.connect(lambda fault: _on_fault(window, names, fault))
    guard.pluginDisabled.connect(lambda plugin, fault: _on_disabled(window, names, plugin, fault))
    config_dir = window.settings.resolved_config_dir()
    states = PluginStates.load(config_dir)
    found = list(discovered) if discovered is not None else discover()
    if safe_mode:  # listed, and choices can be changed for the next start; none is started
        window.status_bar.set_safe_mode(True)
        return DeskPlugins(host, plugin_statuses(found, states), states, safe_mode=True)
    statuses = start_plugins(found, states, sentinel_dir)
    if states.warning:
        window.alerts_model.add_notice("plugins:state", window.city_model.now_ms(),
                                       QCoreApplication.translate("Plugins", "Plugins"), states.warning)
    to_load: list[PluginToLoad] = []
    for status in statuses:
        if status.status is Status.CRASHED:
            _crashed_notice(window, status)
        if status.status is not Status.ENABLED or status.plugin is None or status.plugin.manifest is None:
            continue
        manifest = status.plugin.manifest
        names[manifest.id] = manifest.name
        to_load.append(PluginToLoad(
            manifest=manifest,
            data_dir=(data_dir / manifest.id) if data_dir is not None else _data_dir(manifest.id),
            settings=_settings(manifest, config_dir, guard),
            translations=(manifest.source.parent / manifest.translations
                          if manifest.translations and manifest.source is not None else None)))
    host.load(to_load)
    return DeskPlugins(host, statuses, states, advice=parts.advice)


def _name(names: dict[str, str], plugin: str) -> str:
    """The plugin's name in the desk's language (its catalogue translates its manifest's name)."""
    return QCoreApplication.translate(plugin, names[plugin]) if plugin in names else plugin


def _data_dir(plugin_id: str) -> Path:
    try:
        return plugin_paths.plugin_data_dir(plugin_id)
    except Exception as error:  # the plugin is told when it asks for the folder
        log.warning("no data folder for plugin %s: %s", plugin_id, error)
        from dispatch_desktop import paths

        return paths.data_dir() / "plugins" / plugin_id


def _settings(manifest: Any, config_dir: Path, guard: PluginGuard) -> PluginSettings[Any] | None:
    schema = guard.call(manifest.id, settings_schema, manifest, what="settings schema")
    if schema is None:
        return None
    return PluginSettings(manifest.id, schema, config_dir / "plugins")


def _crashed_notice(window: Workstation, status: PluginStatus) -> None:
    text = QCoreApplication.translate(
        "Plugins", "The plugin {name} was being started when the desk stopped unexpectedly last time, so it is "
                   "disabled. Re-enable it in Settings → Plugins.").format(name=status.name or status.id)
    window.alerts_model.add_notice(f"crashed:{status.id}", window.city_model.now_ms(), status.name or status.id,
                                   text)


def _on_fault(window: Workstation, names: dict[str, str], fault: Fault) -> None:
    window.status_bar.showMessage(QCoreApplication.translate("Plugins", "Plugin {name}: {error}").format(
        name=_name(names, fault.plugin), error=fault_summary(fault)), 15_000)


def _on_disabled(window: Workstation, names: dict[str, str], plugin: str, fault: Fault) -> None:
    name = _name(names, plugin)
    text = QCoreApplication.translate(
        "Plugins", "The plugin {name} was stopped for this session after errors ({error}); the desk goes on "
                   "without it. Its panel shows what went wrong.").format(name=name, error=fault_summary(fault))
    window.alerts_model.add_notice(f"stopped:{plugin}", window.city_model.now_ms(), name, text)


def _history_error(window: Workstation, why: str) -> None:
    window.status_bar.showMessage(QCoreApplication.translate(
        "Plugins", "The plugins' earlier records could not be read from the hub: {why}").format(why=why), 30_000)
