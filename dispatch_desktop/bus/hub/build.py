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
    bootstrap: tuple[ev.Body, ...] = ()  # registered as the hub's own events if the store lacks them
    sign_key: bytes = b""  # every message signed with it, and refused without its signature (bus.signing)


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
        bootstrap=config.bootstrap,
        session_key=config.sign_key,
        context=context,
    )
