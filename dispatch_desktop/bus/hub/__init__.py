"""The hub: the one place where reports and commands become stored events.

``Hub`` (``server.py``) is the facade: build one with ``build.build_hub`` (the ``dispatch-desktop hub``
command and the workstation's in-process hub) or directly (tests, benchmarks). Behind it, one module
per concern:

- ``transport``: the three sockets, receiving, answering, publishing, heartbeats and snapshots;
- ``inbox``: what each message received sets in motion (a report or command checked and queued or
  answered, a hello welcomed, an order acknowledged, an upload stored);
- ``admission``: pure checks that decide whether one envelope may be queued (no sockets: see
  ``tests/bus/test_admission.py``);
- ``pipeline``: the batch being received, the one being committed on the committer thread, and the
  acknowledgements once it is stored;
- ``orders``: which connection reaches each unit, and repeating orders until acknowledged;
- ``peers``: the key ring, ZAP, and the identity and role behind each connection;
- ``config``: what a hub is given (endpoints, security, the store's protocols).
"""

from dispatch_desktop.bus.hub.admission import (
    COMMAND_TYPES,
    TELEPHONY_TYPES,
    UNIT_REPORT_TYPES,
    WORKSTATION_BODY_TYPES,
)
from dispatch_desktop.bus.hub.config import (
    HUB_SOURCE,
    CannotListen,
    CurveSecurity,
    Endpoints,
    EventLog,
    PlainSecurity,
    Security,
    StateProjector,
    next_port,
)
from dispatch_desktop.bus.hub.server import Hub

__all__ = [
    "COMMAND_TYPES",
    "HUB_SOURCE",
    "TELEPHONY_TYPES",
    "UNIT_REPORT_TYPES",
    "WORKSTATION_BODY_TYPES",
    "CannotListen",
    "CurveSecurity",
    "Endpoints",
    "EventLog",
    "Hub",
    "PlainSecurity",
    "Security",
    "StateProjector",
    "next_port",
]
