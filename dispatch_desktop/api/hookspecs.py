"""The hooks a plugin implements (pluggy hookspecs). The desk calls each plugin's own hooks one at a
time, guarded, never through pluggy's chained call: one plugin's failure must not stop another's
(pluggy#419).

A plugin's ``module`` (named in its manifest) implements them with ``@hookimpl``::

    from dispatch_desktop.api import DeskContext, hookimpl

    @hookimpl
    def activate(desk: DeskContext) -> None:
        desk.on_event(my_listener, kinds={"incident_created"})
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from dispatch_desktop.api.context import DeskContext

PROJECT = "dispatch_desktop"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class DeskHooks:
    """The hookspecs, registered with the desk's ``pluggy.PluginManager``."""

    @hookspec
    def activate(self, desk: DeskContext) -> None:
        """The desk is up: register listeners, keep ``desk`` for later. The plugin's panels, map layers
        and incident actions declared in its manifest exist already (``desk.panel(id)``,
        ``desk.map_layer(id)``). Must return quickly (the desk's GUI thread runs it)."""

    @hookspec
    def deactivate(self) -> None:
        """The desk is closing, or the plugin is being disabled: stop timers, let go of resources."""
