"""Events as a plugin sees them: every event the desk applies, once, in global-sequence order.

``AppliedEvent`` pairs an ``Envelope`` with its ``gseq`` (the hub's global sequence number, which orders
every event of the log). ``historical`` marks a plugin's own events that happened before the desk
started (or before a resynchronisation), delivered first so the plugin can rebuild what it shows.

The event bodies are the wire's (``docs/PROTOCOL.md``); the ones a plugin is most likely to read are
re-exported here. ``body.kind`` names the kind (``"incident_created"`` …).
"""

from __future__ import annotations

from dataclasses import dataclass

from dispatch_desktop.domain.events import (
    AnyBody,
    Arrival,
    CallAnswered,
    CallClosed,
    CallEnded,
    CallOffered,
    Clearance,
    DispatchAck,
    Envelope,
    FieldRecord,
    IncidentClosed,
    IncidentCreated,
    IncidentNote,
    IncidentReclassified,
    IncidentReferred,
    MessageSent,
    PluginEvent,
    Position,
    Sos,
    SosAcknowledged,
    StatusReport,
    UnitDispatched,
    UnitRecalled,
    UnitRegistered,
    UnitStatusSet,
)


@dataclass(frozen=True, slots=True)
class AppliedEvent:
    gseq: int
    event: Envelope
    historical: bool = False

    @property
    def kind(self) -> str:
        return self.event.body.kind

    @property
    def body(self) -> AnyBody:
        return self.event.body

    @property
    def time(self) -> int:
        """When it happened (ms since the epoch): the hub's receive time, else the sender's."""
        return self.event.time


__all__ = [
    "AnyBody",
    "AppliedEvent",
    "Arrival",
    "CallAnswered",
    "CallClosed",
    "CallEnded",
    "CallOffered",
    "Clearance",
    "DispatchAck",
    "Envelope",
    "FieldRecord",
    "IncidentClosed",
    "IncidentCreated",
    "IncidentNote",
    "IncidentReclassified",
    "IncidentReferred",
    "MessageSent",
    "PluginEvent",
    "Position",
    "Sos",
    "SosAcknowledged",
    "StatusReport",
    "UnitDispatched",
    "UnitRecalled",
    "UnitRegistered",
    "UnitStatusSet",
]
