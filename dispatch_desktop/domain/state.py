"""The live state of the city as projected from the event log.

Everything here is immutable: entity records are frozen Structs and the collections are HAMT maps
(``immutables.Map``), so ``apply`` returns a new state that shares all untouched parts with the old one
in O(log n), and a state handed to a view can never change under it.
"""

from __future__ import annotations

from typing import Any

import immutables
import msgspec

from dispatch_desktop.domain.enums import Category, IncidentOrigin, IncidentStatus, Mode, UnitKind, UnitStatus
from dispatch_desktop.domain.events import CallLocation


# gc=False: these records hold only strings, numbers and tuples of each other, so they can never be
# part of a reference cycle; untracked, a keyframe of 10,000 incidents decodes about 40 % faster.
class TimelineEntry(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """One line of an incident's history: what happened, when, and who said so."""

    time: int  # ms
    kind: str  # the event kind that made it
    source: str
    unit: str = ""
    text: str = ""
    operator: str = ""  # the person at the desk, for a workstation's command


class Unit(msgspec.Struct, frozen=True, gc=False):
    id: str
    kind: UnitKind
    station: str
    name: str
    members: tuple[str, ...] = ()
    status: UnitStatus = UnitStatus.OFF_DUTY
    lat: float = 0.0
    lon: float = 0.0
    heading: float = 0.0
    speed: float = 0.0
    last_report: int = 0  # ms, source time of the newest report
    incident: str = ""  # the incident it is assigned to, if any
    sos: bool = False


class Incident(msgspec.Struct, frozen=True, gc=False):
    id: str
    call_time: int
    caller_number: str
    lat: float
    lon: float
    address: str
    district: str
    station: str
    incident_type: str
    priority: int
    category: Category
    department: str = ""
    caller_name: str = ""
    description: str = ""
    duplicate_of: str = ""
    status: IncidentStatus = IncidentStatus.NEW
    units: tuple[str, ...] = ()  # currently assigned
    created_at: int = 0  # ms, when the incident was entered
    dispatched_at: int = 0  # first dispatch
    arrived_at: int = 0  # first arrival
    cleared_at: int = 0
    closed_at: int = 0
    disposition: str = ""
    timeline: tuple[TimelineEntry, ...] = ()
    origin: IncidentOrigin = IncidentOrigin.CALL
    call: str = ""  # the telephony call it was taken from, if any
    simulated: bool = False  # raised by a simulated city
    created_by: str = ""  # the operator who entered it
    drill: str = ""  # the drill it was entered in (its id), whether from a drill's call or a walk-in

    @property
    def is_open(self) -> bool:
        return self.status not in (IncidentStatus.CLOSED, IncidentStatus.REFERRED)


class Call(msgspec.Struct, frozen=True, gc=False):
    """A 110 call on the command centre's lines, from the moment it rings until a desk is done with it.

    It leaves ``State.calls`` when nothing more can come of it: abandoned while ringing, closed without an
    incident (``call_closed``), or entered as one (``incident_created`` naming it). An answered call stays
    after the caller hangs up (``ended_at``): the call-taker may still be typing."""

    id: str
    number: str = ""  # the caller's number (ANI); "" when withheld
    line: str = "110"
    location: CallLocation | None = None  # where the network places the caller (ALI), if it says
    address: str = ""  # a landline's registered address
    simulated: bool = False
    source: str = ""  # the telephony gateway that offered it
    offered_at: int = 0  # ms
    answered_by: str = ""  # the workstation that picked it up; "" while it rings
    operator: str = ""  # who picked it up there
    answered_at: int = 0
    ended_at: int = 0  # the line went down; 0 while the caller is on it
    end_reason: str = ""

    @property
    def ringing(self) -> bool:
        return not self.answered_by


class PendingOrder(msgspec.Struct, frozen=True, gc=False):
    """An order to a unit that the unit has not yet confirmed holding (store and forward)."""

    order: str
    unit: str
    kind: str  # OrderKind value
    incident: str
    text: str
    time: int
    mode: Mode = Mode.LIVE  # a drill's order (in a drill state only): routed to the drill's units only


class DrillInfo(msgspec.Struct, frozen=True, gc=False):
    """The drill that runs now, as its ``drill_started`` said; in every state, live ones included, so
    that each desk knows a drill runs and which real units take part."""

    drill: str
    scenario: str
    version: int
    enrolled: tuple[str, ...] = ()
    simulated: tuple[str, ...] = ()
    operator: str = ""
    started_at: int = 0  # ms, hub time of ``drill_started``
    # the ``drill_started`` event's id: where a restarted hub finds the live state the drill began from
    source: str = ""
    seq: int = 0

    def takes_part(self, unit: str) -> bool:
        """Is ``unit`` enrolled in the drill or simulated for it: may it get the drill's orders?"""
        return unit in self.enrolled or unit in self.simulated


class Refusal(msgspec.Struct, frozen=True):
    """Why something was not allowed, in words a dispatcher can read. ``code`` is stable and
    ``params`` fill the message, so the UI can translate it."""

    code: str
    message: str
    params: dict[str, str] = {}

    def __str__(self) -> str:
        return self.message


class RefusalRecord(msgspec.Struct, frozen=True, gc=False):
    time: int
    source: str
    seq: int
    refused_kind: str
    code: str
    message: str
    target: str = ""


REFUSALS_KEPT = 200  # the state keeps the newest ones; all of them stay in the log
REFUSED_LINES_PER_INCIDENT = 50
"""An incident's timeline shows its first refusals; beyond these a unit or desk that keeps trying would
grow the timeline (and every snapshot, and the cost of every later refusal) without bound. The log
keeps every one, and ``refusal_count`` counts them."""


class State(msgspec.Struct, frozen=True):
    mode: Mode = Mode.LIVE
    time: int = 0  # ms, time of the newest applied event
    applied: int = 0  # how many events this state has seen (including refused ones)
    units: immutables.Map[str, Unit] = immutables.Map()  # unit id -> Unit
    incidents: immutables.Map[str, Incident] = immutables.Map()  # incident id -> Incident
    orders: immutables.Map[str, PendingOrder] = immutables.Map()  # order id -> PendingOrder
    refusals: tuple[RefusalRecord, ...] = ()
    refusal_count: int = 0
    calls: immutables.Map[str, Call] = immutables.Map()  # call id -> Call
    drill: DrillInfo | None = None  # the drill that runs now, if any
    cameras_dark: immutables.Map[str, int] = immutables.Map()  # camera id -> since (ms): a drill's dark cameras

    def open_incidents(self) -> list[Incident]:
        return [i for i in self.incidents.values() if i.is_open]

    def to_plain(self) -> dict[str, Any]:
        """A plain, order-independent structure: for snapshots and for comparing states."""
        return {
            "mode": self.mode,
            "time": self.time,
            "applied": self.applied,
            "units": dict(self.units.items()),
            "incidents": dict(self.incidents.items()),
            "orders": dict(self.orders.items()),
            "refusals": self.refusals,
            "refusal_count": self.refusal_count,
            "calls": dict(self.calls.items()),
            "drill": self.drill,
            "cameras_dark": dict(self.cameras_dark.items()),
        }

    @classmethod
    def from_plain(cls, plain: dict[str, Any]) -> State:
        return cls(
            mode=plain["mode"],
            time=plain["time"],
            applied=plain["applied"],
            units=immutables.Map(plain["units"]),
            incidents=immutables.Map(plain["incidents"]),
            orders=immutables.Map(plain["orders"]),
            refusals=tuple(plain["refusals"]),
            refusal_count=plain["refusal_count"],
            calls=immutables.Map(plain.get("calls", {})),  # absent from snapshots older than calls
            drill=plain.get("drill"),  # absent from snapshots older than drills
            cameras_dark=immutables.Map(plain.get("cameras_dark", {})),  # absent from older snapshots
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, State) and self.to_plain() == other.to_plain()

    # Unhashable, as its __eq__ compares contents. Python spells that `__hash__ = None`; typeshed types
    # __hash__ as a method and needs this same ignore for list and dict.
    __hash__ = None  # type: ignore[assignment]


class _PlainState(msgspec.Struct, frozen=True):
    mode: Mode
    time: int
    applied: int
    units: dict[str, Unit]
    incidents: dict[str, Incident]
    orders: dict[str, PendingOrder]
    refusals: tuple[RefusalRecord, ...]
    refusal_count: int
    calls: dict[str, Call] = {}  # absent from snapshots older than calls
    drill: DrillInfo | None = None  # absent from snapshots older than drills
    cameras_dark: dict[str, int] = {}  # absent from snapshots older than camera_status


_snapshot_encoder = msgspec.msgpack.Encoder()
_snapshot_decoder = msgspec.msgpack.Decoder(_PlainState)


def encode_state(state: State) -> bytes:
    """Serialise a state for a keyframe snapshot."""
    return _snapshot_encoder.encode(state.to_plain())


def decode_state(data: bytes) -> State:
    plain = _snapshot_decoder.decode(data)
    return State.from_plain(msgspec.structs.asdict(plain))
