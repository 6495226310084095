"""One status per plugin, the same for the plugin manager, ``plugins list`` and the desk's start-up.

In order of precedence: a broken manifest (or a duplicate id), an API range that excludes this desk's
``API_VERSION``, the user's choice or a crash at the last start, else enabled. A plugin the user has a
choice for but that is no longer installed is listed as missing. Only ``ENABLED`` plugins are activated.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dispatch_desktop.api.version import API_VERSION
from dispatch_desktop.extensions import sentinel
from dispatch_desktop.extensions.discovery import Discovered
from dispatch_desktop.extensions.state import CRASHED_MESSAGE, PluginStateError, PluginStates, Reason

log = logging.getLogger(__name__)


class Status(enum.StrEnum):
    ENABLED = "enabled"
    DISABLED = "disabled by user"
    CRASHED = "disabled: crashed last start"
    INCOMPATIBLE = "incompatible API"
    BROKEN = "broken manifest"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class PluginStatus:
    """A plugin as the user sees it in a list. ``detail`` says why it is not enabled (sentences, one per
    line), "" when it is; ``plugin`` is None for a missing one."""

    id: str
    status: Status
    detail: str
    plugin: Discovered | None

    @property
    def name(self) -> str:
        return self.plugin.manifest.name if self.plugin and self.plugin.manifest else ""

    @property
    def version(self) -> str:
        if self.plugin is None:
            return ""
        return self.plugin.manifest.version if self.plugin.manifest else self.plugin.distribution_version

    @property
    def api(self) -> str:
        return self.plugin.manifest.api if self.plugin and self.plugin.manifest else ""


def plugin_statuses(discovered: Sequence[Discovered], states: PluginStates,
                    api_version: str = API_VERSION) -> list[PluginStatus]:
    """The installed plugins in discovery order, then the missing ones by id."""
    statuses = [_status(plugin, states, api_version) for plugin in discovered]
    installed = {plugin.id for plugin in discovered}
    statuses += [PluginStatus(plugin_id, Status.MISSING,
                              "it is no longer installed; its choice is kept in case it comes back.", None)
                 for plugin_id in sorted(states.choices) if plugin_id not in installed]
    return statuses


def _status(plugin: Discovered, states: PluginStates, api_version: str) -> PluginStatus:
    if plugin.manifest is None or plugin.problems:
        return PluginStatus(plugin.id, Status.BROKEN, "\n".join(map(str, plugin.problems)), plugin)
    manifest = plugin.manifest
    if not manifest.supports(api_version):
        return PluginStatus(plugin.id, Status.INCOMPATIBLE,
                            f"it supports the plugin API {manifest.api}; this desk offers {api_version}. "
                            "Install a version of the plugin made for it.", plugin)
    choice = states.disabled_because(plugin.id)
    if choice is None:
        return PluginStatus(plugin.id, Status.ENABLED, "", plugin)
    if choice.reason is Reason.CRASHED:
        return PluginStatus(plugin.id, Status.CRASHED, choice.message or CRASHED_MESSAGE, plugin)
    return PluginStatus(plugin.id, Status.DISABLED, "you disabled it; enable it in the plugin manager or with "
                                                     f"'dispatch-desktop plugins enable {plugin.id}'.", plugin)


def start_plugins(discovered: Sequence[Discovered], states: PluginStates, sentinel_dir: Path | None = None,
                  api_version: str = API_VERSION) -> list[PluginStatus]:
    """At the desk's start: the plugin the crash sentinel names is disabled (its reason saved in
    ``states``) and the sentinel cleared; returns the statuses, the ``ENABLED`` ones to be activated in
    this order (arm the sentinel before each, disarm it once the desk runs)."""
    crashed = sentinel.left_by_last_run(sentinel_dir)
    if crashed is not None:
        log.warning("plugin %s %s; it is disabled", crashed, CRASHED_MESSAGE)
        states.disable(crashed, Reason.CRASHED, CRASHED_MESSAGE)
        try:
            states.save()
        except PluginStateError as error:  # disabled for this start anyway; the user is told by the status
            log.warning("%s", error)
        sentinel.disarm(sentinel_dir)
    return plugin_statuses(discovered, states, api_version)
