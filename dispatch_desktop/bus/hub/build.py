"""The one way the application builds its hub: ``dispatch-desktop hub`` (a server of its own) and
``dispatch-desktop run`` (a hub inside the workstation's process) both describe it as a ``HubConfig``
and call ``build_hub``. Tests and benchmarks may build a ``Hub`` directly, with stand-ins for the store.

Kept out of the package's ``__init__`` because it imports the store (SQLAlchemy): a field client that
imports ``dispatch_desktop.bus`` does not need it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import zmq

from dispatch_desktop.bus.area import DEFAULT_SKEW, EVERYWHERE, Area, Skew
from dispatch_desktop.bus.hub.config import Endpoints, Security, Socket
from dispatch_desktop.bus.hub.server import Hub
from dispatch_desktop.bus.plugin_policy import GENERIC_POLICY, PluginEventPolicy
from dispatch_desktop.bus.refusal_budget import DEFAULT_PER_MINUTE
from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore, Projector
from dispatch_desktop.store.projector import Appender


@dataclass(frozen=True)
class HubConfig:
    """Everything that decides how a hub serves, whichever command starts it."""

    security: Security
    endpoints: Endpoints
    blob_dir: Path  # attachments (see ``paths.blob_dir_for``)
    area: Area = EVERYWHERE
    skew: Skew = DEFAULT_SKEW
    # registered as the hub's own events if the store lacks them, with the store's unit registry
    bootstrap: tuple[ev.AnyBody, ...] = ()
    sign_key: bytes = b""  # every message signed with it, and refused without its signature (bus.signing)
    refusal_budget: int = DEFAULT_PER_MINUTE  # refusals stored in full per source and minute (refusal_budget)
    # the plugins installed where the hub runs, to check their events by (built by ``extensions``)
    plugin_policy: PluginEventPolicy = GENERIC_POLICY


def roster(bootstrap: tuple[ev.AnyBody, ...], registry: list[ev.UnitRegistered]) -> list[ev.AnyBody]:
    """The bootstrap with the unit registry's entries (``dispatch-desktop units import``) after it, each
    unit once: a registry entry replaces the generated city's for the same id, so that the hub does not
    register both, one after the other, at every start."""
    listed = {body.unit for body in registry}
    kept = [body for body in bootstrap if not (isinstance(body, ev.UnitRegistered) and body.unit in listed)]
    return [*kept, *registry]


def build_hub(config: HubConfig, store: EventStore, *, appender: Appender | None = None,
              context: zmq.Context[Socket] | None = None) -> Hub:
    """A hub over ``store``, not started. ``appender``: appends in place of ``store.append`` (a
    ``StoreWriter`` in another process); ``context``: share one to serve ``inproc://`` endpoints."""
    endpoints = config.endpoints
    return Hub(
        store,
        projector=Projector(store, appender=appender),
        security=config.security,
        blob_dir=config.blob_dir,
        field_endpoint=endpoints.field,
        workstation_endpoint=endpoints.workstation,
        publish_endpoint=endpoints.publish,
        area=config.area,
        skew=config.skew,
        bootstrap=roster(config.bootstrap, store.registered_units()),
        session_key=config.sign_key,
        refusal_budget=config.refusal_budget,
        plugin_policy=config.plugin_policy,
        context=context,
    )
