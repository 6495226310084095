"""The hub's plugin-event policy, built from the manifests of the plugins installed where the hub runs.

``ManifestPolicy`` is a ``bus.plugin_policy.PluginEventPolicy``. It knows each installed plugin whose
manifest is sound and supports this ``API_VERSION``, whether or not a user disabled it on this machine
(the policy is about what the plugin's events must look like, not about who runs it). A plugin's schema
modules are imported at its first event, not at the hub's start: a hub with twenty plugins installed pays
for the ones whose events it sees. A schema that cannot be imported, or is not a msgspec Struct, makes
that plugin unknown to the hub (one logged warning): its events are then checked by the generic rules,
as on a hub where it is not installed. The checks themselves (declared names, roles, ``max_bytes``,
strict decoding) are ``bus.plugin_policy.DeclaredPolicy``'s.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import msgspec

from dispatch_desktop.api.version import API_VERSION
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.plugin_policy import GENERIC_POLICY, DeclaredEvent, DeclaredPolicy
from dispatch_desktop.domain import events as ev
from dispatch_desktop.extensions.discovery import Discovered, discover
from dispatch_desktop.extensions.manifest import Manifest
from dispatch_desktop.extensions.references import LoadError, load_reference

log = logging.getLogger(__name__)


class SchemaError(Exception):
    """A declared event schema that cannot be used; the message names the plugin, the field and why."""


def event_schema(manifest: Manifest, index: int) -> type[msgspec.Struct]:
    """Imports the schema of ``manifest.events[index]`` (plugin code); SchemaError if it is unusable."""
    spec = manifest.events[index]
    where = f"plugin {manifest.id}: events[{index}].schema {spec.schema!r}"
    try:
        schema = load_reference(spec.schema)
    except LoadError as error:
        raise SchemaError(f"{where}: {error}") from error
    if not (isinstance(schema, type) and issubclass(schema, msgspec.Struct)):
        raise SchemaError(f"{where} is not a msgspec.Struct class.")
    if not schema.__struct_config__.frozen:
        raise SchemaError(f"{where} must be frozen (class {schema.__name__}(msgspec.Struct, frozen=True)): "
                          "an event, once recorded, does not change.")
    return schema


def declared_events(manifest: Manifest) -> dict[str, DeclaredEvent]:
    """The manifest's events as the hub checks them, each schema imported; SchemaError on the first bad one."""
    return {spec.name: DeclaredEvent(event_schema(manifest, index), frozenset(Role(role) for role in spec.roles),
                                     spec.max_bytes)
            for index, spec in enumerate(manifest.events)}


class ManifestPolicy:
    """A ``PluginEventPolicy`` over installed manifests; a plugin's schemas are imported at its first event."""

    def __init__(self, manifests: Iterable[Manifest]) -> None:
        self._manifests = {manifest.id: manifest for manifest in manifests}
        self._policies: dict[str, DeclaredPolicy | None] = {}

    def plugins(self) -> list[str]:
        """The ids it may know (before any schema is imported)."""
        return sorted(self._manifests)

    def knows(self, plugin: str) -> bool:
        return self._policy(plugin) is not None

    def check(self, event: ev.PluginEvent, role: Role | None) -> None:
        policy = self._policy(event.plugin)
        (policy or GENERIC_POLICY).check(event, role)

    def _policy(self, plugin: str) -> DeclaredPolicy | None:
        try:
            return self._policies[plugin]
        except KeyError:
            pass
        manifest = self._manifests.get(plugin)
        if manifest is None:
            return None
        policy: DeclaredPolicy | None
        try:
            policy = DeclaredPolicy({plugin: declared_events(manifest)})
        except SchemaError as error:
            log.warning("%s; the hub checks the events of plugin %s by the generic rules only", error, plugin)
            policy = None
        self._policies[plugin] = policy
        return policy


def build_policy(discovered: Iterable[Discovered] | None = None, api_version: str = API_VERSION) -> ManifestPolicy:
    """The policy for the plugins installed here (``discover()`` unless given); broken, duplicate and
    incompatible plugins are left out (and so checked by the generic rules)."""
    plugins = discover() if discovered is None else discovered
    return ManifestPolicy(plugin.manifest for plugin in plugins
                          if plugin.loadable and plugin.manifest is not None and plugin.manifest.supports(api_version))
