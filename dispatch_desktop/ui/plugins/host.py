"""Loading plugins into the desk, and stopping one that misbehaves, without touching dispatch.

For each plugin the desk may start (the Qt-free ``extensions`` package decided which: installed, valid,
compatible with this API, enabled by the user, not the one that crashed the last start), in order:
the crash sentinel is armed with its id; its catalogue is added; its hook module is imported and
registered with pluggy (which checks its hookimpls against the hookspecs); its declared panels, map layers
and incident actions are built; its plugin events' schemas are loaded; then its ``activate`` hook runs.
Every step runs in the fault guard: an import that raises (even ``SystemExit``), a factory that fails, a
key that clashes, are that plugin's faults and the next plugin loads all the same. When the guard
disables a plugin, everything it registered goes: its listeners, map layers and actions, and its panels
show what went wrong instead; a notice lands in the alerts panel.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import pluggy
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from dispatch_desktop.api.actions import IncidentAction, KeyConflict
from dispatch_desktop.api.hookspecs import PROJECT, DeskHooks
from dispatch_desktop.extensions.manifest import Manifest
from dispatch_desktop.extensions.policy import event_schema
from dispatch_desktop.extensions.references import load_reference
from dispatch_desktop.extensions.sentinel import Sentinel
from dispatch_desktop.ui.plugins.actions import IncidentActions
from dispatch_desktop.ui.plugins.context import DeskParts, PluginDesk, SettingsStore
from dispatch_desktop.ui.plugins.error_view import PluginErrorView
from dispatch_desktop.ui.plugins.guard import START_HOLD_LIMIT_MS, Fault, PluginGuard
from dispatch_desktop.ui.plugins.panels import PanelContribution, PanelRegistry, dock_name

log = logging.getLogger(__name__)


@dataclass
class PluginToLoad:
    manifest: Manifest
    data_dir: Path
    settings: SettingsStore | None = None
    translations: Path | None = None  # the directory of its .qm files, if it has any


@dataclass
class Loaded:
    manifest: Manifest
    desk: PluginDesk | None = None
    module: object | None = None
    panels: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)
    active: bool = False  # activate() returned without a fault


class _Panel:
    """``PanelHandle`` for a plugin's panel."""

    def __init__(self, panel_id: str, registry: PanelRegistry) -> None:
        self._id = panel_id
        self._registry = registry

    @property
    def id(self) -> str:
        return self._id

    @property
    def widget(self) -> object:
        return self._registry.window.dock(dock_name(self._id)).widget()

    @property
    def visible(self) -> bool:
        return self._registry.window.dock(dock_name(self._id)).isVisible()

    def show(self) -> None:
        dock = self._registry.window.dock(dock_name(self._id))
        dock.show()
        dock.raise_()


class PluginHost(QObject):
    changed = Signal()  # a plugin was loaded or stopped (the plugin manager listens)

    def __init__(self, parts: DeskParts, panels: PanelRegistry, actions: IncidentActions, layers: Any,
                 *, add_catalogues: Callable[[str, Path], None], sentinel: Sentinel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.guard: PluginGuard = parts.guard
        self.panels = panels
        self.actions = actions
        self.layers = layers  # the map's PluginLayers
        self._add_catalogues = add_catalogues
        self._sentinel = sentinel
        self.plugins: dict[str, Loaded] = {}
        self.manager = pluggy.PluginManager(PROJECT)
        self.manager.add_hookspecs(DeskHooks)
        self.guard.pluginDisabled.connect(self._stop)

    # --- starting -------------------------------------------------------------------------------------

    def load(self, plugins: list[PluginToLoad]) -> None:
        """Load and activate each plugin in turn; the sentinel is disarmed once all are through."""
        for plugin in plugins:
            try:
                self._sentinel.arm(plugin.manifest.id)
            except OSError as error:
                log.warning("crash sentinel not written (%s): a plugin that crashes the desk will not be "
                            "disabled at the next start", error)
            self._load_one(plugin)
        try:
            self._sentinel.disarm()
        except OSError as error:
            log.warning("crash sentinel not removed: %s", error)
        self.changed.emit()

    def _load_one(self, plugin: PluginToLoad) -> None:
        manifest = plugin.manifest
        plugin_id = manifest.id
        loaded = self.plugins[plugin_id] = Loaded(manifest)
        guard = self.guard
        if plugin.translations is not None:
            guard.call(plugin_id, self._add_catalogues, plugin_id, plugin.translations, what="translations",
                       timed=False)  # the desk's own work (every widget told of the new texts), not the plugin's
        module = guard.call(plugin_id, importlib.import_module, manifest.module, what=f"import {manifest.module}",
                            fatal=True, timed=False)
        if module is None:
            return
        loaded.module = module
        if guard.call(plugin_id, self.manager.register, module, plugin_id, what="hook registration",
                      fatal=True, timed=False) is None:
            return
        schemas = guard.call(plugin_id, _schemas_of, manifest, what="event schemas", fatal=True, timed=False)
        if schemas is None:
            return
        desk = PluginDesk(manifest, self.parts, data_dir=plugin.data_dir, settings=plugin.settings, schemas=schemas)
        loaded.desk = desk
        for spec in manifest.map_layers:
            # The layer's calls into the plugin (legend labels, clicks) are charged to it too.
            charged = functools.partial(guard.call, plugin_id, what=f"map layer {spec.id}")
            layer = guard.call(plugin_id, self.layers.add, spec.id, _title(desk, spec.title), spec.visible,
                               guard=charged, what=f"map layer {spec.id}")
            if layer is not None:
                desk.layers[spec.id] = layer
                loaded.layers.append(spec.id)
        for panel in manifest.panels:
            self._add_panel(desk, loaded, panel.id, panel.title, panel.area, panel.tab_group, panel.factory)
        for action in manifest.incident_actions:
            self._add_action(desk, action.id, action.title, action.key, action.handler, action.enabled)
        if manifest.events:
            self.parts.relay.record_history_of(plugin_id)
        for hook in self.manager.hook.activate.get_hookimpls():
            if hook.plugin_name == plugin_id and not guard.is_disabled(plugin_id):
                guard.call(plugin_id, hook.function, desk=desk, what="activate", fatal=True,
                           limit_ms=START_HOLD_LIMIT_MS)
        loaded.active = not guard.is_disabled(plugin_id)

    def _add_panel(self, desk: PluginDesk, loaded: Loaded, panel_id: str, title: str, area: str, tab_group: str,
                   factory_ref: str) -> None:
        plugin_id = desk.plugin_id
        factory = self.guard.call(plugin_id, load_reference, factory_ref, what=f"panel {panel_id}", timed=False)

        def build() -> Any:
            if factory is None:
                return PluginErrorView(desk.tr(desk.manifest.name), self.guard.faults(plugin_id), disabled=False)
            widget = self.guard.call(plugin_id, factory, desk, what=f"panel {panel_id}",
                                     limit_ms=START_HOLD_LIMIT_MS)  # panels are built as the desk starts
            if widget is None:
                return PluginErrorView(desk.tr(desk.manifest.name), self.guard.faults(plugin_id), disabled=False)
            return widget

        contribution = PanelContribution(panel_id, build, _title(desk, title), area, tab_group, owner=plugin_id)
        # Not timed here: the factory's own call is (one slow panel is one fault, not two).
        if self.guard.call(plugin_id, self.panels.add, contribution, what=f"panel {panel_id}",
                           timed=False) is not None:
            desk.panels[panel_id] = _Panel(panel_id, self.panels)
            loaded.panels.append(panel_id)

    def _add_action(self, desk: PluginDesk, action_id: str, title: str, key: str, handler_ref: str,
                    enabled_ref: str) -> None:
        plugin_id = desk.plugin_id
        guard = self.guard
        handler = guard.call(plugin_id, load_reference, handler_ref, what=f"incident action {action_id}",
                             timed=False)
        predicate = (guard.call(plugin_id, load_reference, enabled_ref, what=f"incident action {action_id}",
                                timed=False) if enabled_ref else None)
        if handler is None or (enabled_ref and predicate is None):
            return
        run_handler: Callable[..., Any] = handler  # checked callable below

        def run(incident: str) -> None:
            guard.call(plugin_id, run_handler, desk, incident, what=f"incident action {action_id}")

        enabled: Callable[[str], bool] | None = None
        if predicate is not None:
            test: Callable[..., Any] = predicate

            def enabled(incident: str) -> bool:
                return guard.call(plugin_id, test, desk, incident, what=f"enabled of {action_id}") is True

        for reference, target in ((handler_ref, handler), (enabled_ref, predicate)):
            if target is not None and not callable(target):
                guard.record(Fault(plugin_id, f"incident action {action_id}", f"{reference} is not callable", ""))
                return
        action = IncidentAction(id=action_id, title=_title(desk, title), key=key, enabled=enabled, handler=run)
        try:
            self.actions.add(action, plugin_id)
        except (KeyConflict, ValueError) as error:
            guard.record(Fault(plugin_id, f"incident action {action_id}", str(error), ""))

    # --- stopping -------------------------------------------------------------------------------------

    def stop_all(self) -> None:
        """The desk closes: every active plugin's ``deactivate`` runs (guarded), listeners are dropped."""
        for plugin_id, loaded in self.plugins.items():
            if loaded.active and not self.guard.is_disabled(plugin_id):
                self._deactivate(plugin_id)
            if loaded.desk is not None:
                loaded.desk.close()

    def _deactivate(self, plugin_id: str) -> None:
        for hook in self.manager.hook.deactivate.get_hookimpls():
            if hook.plugin_name == plugin_id:
                self.guard.call(plugin_id, hook.function, what="deactivate")

    def stop_plugin(self, plugin_id: str) -> None:
        """The user disabled the plugin: it is deactivated and everything it registered goes; its panels
        are hidden (their place in the layout is kept for when it comes back)."""
        loaded = self.plugins.get(plugin_id)
        if loaded is None or not loaded.active:
            return
        self._deactivate(plugin_id)
        loaded.active = False
        name = loaded.desk.tr(loaded.manifest.name) if loaded.desk is not None else loaded.manifest.name
        text = QCoreApplication.translate("Plugins", "The plugin {name} is disabled. Enable it in Settings → "
                                                     "Plugins; it starts at the next start.").format(name=name)
        self._take_back(plugin_id, loaded, lambda: _message(text))
        for panel_id in loaded.panels:
            self.panels.window.dock(dock_name(panel_id)).hide()
        self.changed.emit()

    def _stop(self, plugin_id: str, fault: Fault) -> None:
        """The guard gave up on the plugin: take back everything it registered, show why."""
        loaded = self.plugins.get(plugin_id)
        if loaded is None:
            return
        was_active, loaded.active = loaded.active, False
        if was_active:
            for hook in self.manager.hook.deactivate.get_hookimpls():
                if hook.plugin_name == plugin_id:
                    try:  # the guard refuses a disabled plugin's code: this one last call is caught here
                        hook.function()
                    except BaseException:  # it is being stopped for misbehaving already
                        log.exception("plugin %s: deactivate failed", plugin_id)
        name = loaded.desk.tr(loaded.manifest.name) if loaded.desk is not None else loaded.manifest.name
        self._take_back(plugin_id, loaded, lambda: PluginErrorView(name, self.guard.faults(plugin_id)))
        self.changed.emit()

    def _take_back(self, plugin_id: str, loaded: Loaded, replacement: Callable[[], QWidget]) -> None:
        if loaded.desk is not None:
            loaded.desk.close()
        self.actions.remove_owner(plugin_id)
        for layer_id in loaded.layers:
            self.layers.remove(layer_id)
        loaded.layers.clear()
        for panel_id in loaded.panels:
            self.panels.replace_widget(panel_id, replacement())


def _message(text: str) -> QWidget:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _title(desk: PluginDesk, text: str) -> Callable[[], str]:
    return lambda: desk.tr(text)


def _schemas_of(manifest: Manifest) -> dict[str, type[msgspec.Struct]]:
    """The declared events' schemas, checked as the hub checks them (the same function)."""
    return {spec.name: event_schema(manifest, index) for index, spec in enumerate(manifest.events)}
