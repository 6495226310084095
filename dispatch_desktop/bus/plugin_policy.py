"""Which plugin events the hub accepts: the generic rules, and a plugin's own declarations where it is installed.

A plugin records its facts as ``plugin_event`` bodies (``domain.events.PluginEvent``): its id, the event's
name, and ``data``, the MessagePack encoding of the schema the plugin declares for that name. The hub stores
and forwards them whether or not it knows the plugin, so that a desk's plugin works against a hub that was
never told about it. What it checks (PROTOCOL.md, "Plugin events"):

- always: the id and name patterns and 1..16,384 bytes of data (by decoding the envelope), that the data is
  one well-formed MessagePack value (``check_well_formed``), and that a telephony gateway sends none;
- then the ``PluginEventPolicy`` the hub was given, when it ``knows`` the plugin: its declared names, schema,
  size and roles (``DeclaredPolicy`` implements that from a table of ``DeclaredEvent``; the ``extensions``
  package builds one from the manifests installed where the hub runs);
- else ``GENERIC_POLICY``: dispatchers and commanders may write (and a workstation with no role, as for
  every command; the plain, key-less hub gives each one the role it is configured with, by default
  dispatcher), a read-only supervisor may not.

A refusal is a ``p.BusError``, answered with a ``nack`` and never stored, like the other checks of the form
of a message (``unknown_code``, ``read_only``): a malformed or undeclared plugin event is a bug of its
sender to fix, not a fact of the day's record, and the state has nothing to say about it (the domain's
refusals, which are stored, are for rule violations against the state). The checks depend on the event
and the sender's role only, so the hub runs them with the sender's (``admission.check_sender``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

import msgspec

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev

DEFAULT_WRITERS: frozenset[Role] = frozenset({Role.DISPATCHER, Role.COMMANDER})
"""Who may write a plugin's events when the plugin does not say (or the hub does not know the plugin)."""

_well_formed = msgspec.msgpack.Decoder()


class PluginEventPolicy(Protocol):
    """What the hub asks about a plugin event it is given, besides the generic rules it always applies."""

    def knows(self, plugin: str) -> bool:
        """Does this policy have the declarations of ``plugin``? If not, the generic rules decide alone."""
        ...

    def check(self, event: ev.PluginEvent, role: Role | None) -> None:
        """Raise ``p.BusError`` if a workstation of ``role`` (None: one without a role, which the hub
        treats as a dispatcher) may not record ``event``; return if it may."""
        ...


class GenericPolicy:
    """Knows no plugin: dispatchers and commanders may write any plugin event, a supervisor none."""

    def knows(self, plugin: str) -> bool:
        return False

    def check(self, event: ev.PluginEvent, role: Role | None) -> None:
        check_role(event, role, DEFAULT_WRITERS)


GENERIC_POLICY: PluginEventPolicy = GenericPolicy()
"""The hub's policy when it is given none: the generic rules only."""


def check_well_formed(event: ev.PluginEvent) -> None:
    """The data must be exactly one MessagePack value, whoever knows the plugin: every desk decodes it."""
    try:
        _well_formed.decode(event.data)
    except (msgspec.DecodeError, ValueError, RecursionError) as error:  # ValueError: invalid UTF-8
        raise p.BusError("bad_field", detail=f"the data of plugin event {_qualified(event)} is not one "
                                             f"well-formed MessagePack value: {error}") from None


def check_role(event: ev.PluginEvent, role: Role | None, writers: frozenset[Role]) -> None:
    """A workstation of ``role`` may write ``event`` if its role is among ``writers``; a workstation
    without a role counts as a dispatcher, as it does for every command. The refusal names the plugin's
    event (``kind_not_allowed``, kind ``<plugin>.<name>``), also for a supervisor: read-only for the
    dispatch commands, it may still be allowed some plugins' events, so the role alone does not say why."""
    if (role or Role.DISPATCHER) not in writers:
        raise p.BusError("kind_not_allowed", sender=f"{role} workstation", kind=_qualified(event))


def _qualified(event: ev.PluginEvent) -> str:
    return f"{event.plugin}.{event.name}"


@dataclass(frozen=True)
class DeclaredEvent:
    """One event type a plugin declares (its manifest's ``[[events]]``): the msgspec Struct its data
    decodes to, who may write it, and its largest data."""

    schema: type[msgspec.Struct]
    roles: frozenset[Role] = DEFAULT_WRITERS
    max_bytes: int = ev.MAX_PLUGIN_DATA

    def __post_init__(self) -> None:
        if not 1 <= self.max_bytes <= ev.MAX_PLUGIN_DATA:
            raise ValueError(f"max_bytes {self.max_bytes} is not between 1 and {ev.MAX_PLUGIN_DATA}")
        if Role.TELEPHONY in self.roles:
            raise ValueError("roles: a telephony gateway never writes plugin events; allow dispatcher, "
                             "commander or supervisor")


class DeclaredPolicy:
    """A ``PluginEventPolicy`` from declarations: ``plugins`` maps a plugin id to its event names, each to
    its ``DeclaredEvent``. For a plugin it knows, the hub refuses a name it does not declare
    (``plugin_event_undeclared``), a role the event does not list (``kind_not_allowed``), data over the
    declared ``max_bytes`` (``plugin_event_oversized``) and data that does not decode strictly to the
    declared schema (``bad_field``, with msgspec's words)."""

    def __init__(self, plugins: Mapping[str, Mapping[str, DeclaredEvent]]) -> None:
        self._plugins = {plugin: dict(names) for plugin, names in plugins.items()}
        # One decoder per schema, made once: the hub decodes every plugin event it knows with it.
        self._decoders = {
            (plugin, name): msgspec.msgpack.Decoder(declared.schema)
            for plugin, names in self._plugins.items() for name, declared in names.items()
        }

    def knows(self, plugin: str) -> bool:
        return plugin in self._plugins

    def plugins(self) -> Iterable[str]:
        return self._plugins.keys()

    def check(self, event: ev.PluginEvent, role: Role | None) -> None:
        declared = self._plugins.get(event.plugin, {}).get(event.name)
        if declared is None:
            raise p.BusError("plugin_event_undeclared", plugin=event.plugin, name=event.name)
        check_role(event, role, declared.roles)
        if len(event.data) > declared.max_bytes:
            raise p.BusError("plugin_event_oversized", plugin=event.plugin, name=event.name,
                             size=len(event.data), limit=declared.max_bytes)
        try:
            self._decoders[(event.plugin, event.name)].decode(event.data)
        except (msgspec.DecodeError, ValueError, RecursionError) as error:
            raise p.BusError("bad_field", detail=f"the data of plugin event {_qualified(event)} does not match "
                                                 f"its schema {declared.schema.__qualname__}: {error}") from None
