"""The ZeroMQ bus between the hub, the field units and the workstations (Qt-free).

- ``Hub``: validates, stores (through the event store), acknowledges and publishes; the ``hub`` package.
- ``FieldClient`` / ``FieldFleet``: a field unit's handset, and many of them on one thread; ``field.py``, ``fleet.py``.
- ``WorkstationClient``: a live copy of the state plus commands, on its own thread; ``workstation.py``.
- ``Session`` and the message types: ``session.py``, ``protocol.py``; the spec is ``docs/PROTOCOL.md``.
- Keys and authentication: ``keys.py`` (key files, ``KeyRing``), ``zap.py`` (the ZAP handler).
"""

from dispatch_desktop.bus.area import GUANGZHOU, BBoxArea, Skew
from dispatch_desktop.bus.field import FieldClient
from dispatch_desktop.bus.fleet import FieldFleet
from dispatch_desktop.bus.hub import CurveSecurity, Endpoints, Hub, PlainSecurity
from dispatch_desktop.bus.keys import ClientCurve, KeyDirectory, Kind, Role
from dispatch_desktop.bus.session import Session
from dispatch_desktop.bus.workstation import CommandReply, CommandTimeout, WorkstationClient

__all__ = [
    "GUANGZHOU",
    "BBoxArea",
    "ClientCurve",
    "CommandReply",
    "CommandTimeout",
    "CurveSecurity",
    "Endpoints",
    "FieldClient",
    "FieldFleet",
    "Hub",
    "KeyDirectory",
    "Kind",
    "PlainSecurity",
    "Role",
    "Session",
    "Skew",
    "WorkstationClient",
]
