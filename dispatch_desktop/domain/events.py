"""Event types: the versioned envelope and every body kind, as strict msgspec Structs.

An event is a fact that has been accepted. Field units and workstations produce them; the hub stamps
its receive time and stores them in an append-only log; `projection.apply` folds them into state.

Identity and idempotency: every event is named by its producer (``source``) and that producer's own
increasing sequence number (``seq``). ``(source, seq)`` *is* the event id: a resent event carries the
same pair and is stored once. Reports from a field unit have the unit's id as ``source``; accepted
workstation commands keep the workstation's id; the hub's own events have source ``"hub"``.

Units: coordinates are WGS84 decimal degrees, times are integer milliseconds since the Unix epoch
(UTC), headings are degrees clockwise from north, speeds metres per second.
"""

from __future__ import annotations

import enum
from typing import Annotated, cast, get_args

import msgspec

from dispatch_desktop.domain.enums import Category, FieldRecordKind, IncidentOrigin, Mode, UnitKind, UnitStatus

ENVELOPE_VERSION = 1

# Constrained field types shared by the bodies; msgspec enforces them while decoding.
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$")]
OptId = Annotated[str, msgspec.Meta(max_length=64, pattern=r"^[A-Za-z0-9_.:\-]*$")]
Text = Annotated[str, msgspec.Meta(max_length=2000)]
Short = Annotated[str, msgspec.Meta(max_length=200)]
Lat = Annotated[float, msgspec.Meta(ge=-90.0, le=90.0)]
Lon = Annotated[float, msgspec.Meta(ge=-180.0, le=180.0)]
Heading = Annotated[float, msgspec.Meta(ge=0.0, lt=360.0)]
Speed = Annotated[float, msgspec.Meta(ge=0.0, le=120.0)]  # m/s; nothing on a road goes faster
Millis = Annotated[int, msgspec.Meta(ge=0, lt=2**53)]
Seq = Annotated[int, msgspec.Meta(ge=1, le=2**63 - 1)]
Priority = Annotated[int, msgspec.Meta(ge=1, le=4)]  # 1 = most urgent
Metres = Annotated[int, msgspec.Meta(ge=0, le=1_000_000)]

PLUGIN_ID_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"
"""A plugin's id (its manifest's ``[plugin] id``): the namespace of its events, panels and actions."""
PLUGIN_EVENT_NAME_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
"""The name of one of a plugin's event types (its manifest's ``[[events]] name``)."""
MAX_PLUGIN_DATA = 16_384
"""Most bytes of data one plugin event carries (a plugin may declare a lower limit for its events)."""
PluginId = Annotated[str, msgspec.Meta(pattern=PLUGIN_ID_PATTERN)]
PluginEventName = Annotated[str, msgspec.Meta(pattern=PLUGIN_EVENT_NAME_PATTERN)]
PluginData = Annotated[bytes, msgspec.Meta(min_length=1, max_length=MAX_PLUGIN_DATA)]

# Every workstation command ends with ``operator``: the person signed in at the desk (name and badge),
# so the timeline says who did what, not only which desk. It is declared last in each body, by hand and
# not in a base class, because stored bodies are positional arrays: a field added later goes after it.


class Body(msgspec.Struct, frozen=True, tag_field="kind", forbid_unknown_fields=True, array_like=False, gc=False):
    """Base of every event body; the ``kind`` tag on the wire selects the class.

    ``gc=False`` (inherited), here and on the envelope: an event holds text, numbers and other events'
    parts, never itself, so it can be in no reference cycle, and the cyclic collector need not walk the
    hundreds of thousands a hub's batches, a desk's catch-up and a replay's read-ahead hold (a replay at ×64
    spent up to 80 ms of the GUI thread in collections that walked them)."""

    @property
    def kind(self) -> str:
        # msgspec types a tag as str | int | None; every body's is a str, which _kind_of checks once
        # for each class when BODY_TYPES is built.
        return cast(str, self.__struct_config__.tag)


# --- reports from field units (source = the unit's id) ------------------------------------------


class Position(Body, frozen=True, tag="position"):
    lat: Lat
    lon: Lon
    heading: Heading = 0.0
    speed: Speed = 0.0


class StatusReport(Body, frozen=True, tag="status"):
    """The unit changes its own availability (on duty, unavailable, back, off duty)."""

    status: UnitStatus
    note: Short = ""


class DispatchAck(Body, frozen=True, tag="dispatch_ack"):
    """The unit has received and accepted a dispatch order: it is now on its way."""

    incident: Id
    order: OptId = ""


class Arrival(Body, frozen=True, tag="arrival"):
    incident: Id


class Clearance(Body, frozen=True, tag="clearance"):
    """The unit reports the incident handled on scene; every unit on it is released."""

    incident: Id
    result: Short = ""
    summary: Text = ""


class Attachment(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A file (photo, audio…) uploaded beside the event; the log keeps its fingerprint only."""

    sha256: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
    mime: Short
    size: Annotated[int, msgspec.Meta(ge=0, le=50_000_000)]
    name: Short = ""


class FieldRecord(Body, frozen=True, tag="field_record"):
    """A structured record from the handset: survey, collection, identity / vehicle check."""

    record: FieldRecordKind
    record_id: Id
    incident: OptId = ""
    fields: dict[Short, Text] = {}
    attachments: tuple[Attachment, ...] = ()
    answers: OptId = ""  # for a check answer: the record_id of the request it answers


class Sos(Body, frozen=True, tag="sos"):
    """Emergency button: an officer needs help now."""

    lat: Lat
    lon: Lon
    note: Short = ""


# --- accepted workstation commands (source = the workstation's id) -------------------------------


class UnitRegistered(Body, frozen=True, tag="unit_registered"):
    """A unit joins the roster (or its details change). Also written by the hub at bootstrap."""

    unit: Id
    unit_kind: UnitKind
    station: OptId
    name: Short
    members: tuple[Short, ...] = ()
    lat: Lat = 0.0
    lon: Lon = 0.0
    operator: Short = ""


class IncidentCreated(Body, frozen=True, tag="incident_created"):
    incident: Id
    call_time: Millis
    caller_number: Short
    lat: Lat
    lon: Lon
    address: Short
    district: OptId
    station: OptId
    incident_type: Id
    priority: Priority
    category: Category
    department: Short = ""  # for non-police business: the department it belongs to
    caller_name: Short = ""
    description: Text = ""
    duplicate_of: OptId = ""
    origin: IncidentOrigin = IncidentOrigin.CALL
    call: OptId = ""  # the telephony call it was taken from (``call_offered.call``), if any
    simulated: bool = False  # raised by a simulated city: never a real emergency
    operator: Short = ""


class IncidentReclassified(Body, frozen=True, tag="incident_reclassified"):
    incident: Id
    incident_type: Id
    priority: Priority
    category: Category
    department: Short = ""
    reason: Short = ""
    operator: Short = ""


class UnitDispatched(Body, frozen=True, tag="unit_dispatched"):
    incident: Id
    unit: Id
    order: OptId = ""  # id of the order the hub routes to the unit
    operator: Short = ""


class UnitRecalled(Body, frozen=True, tag="unit_recalled"):
    incident: Id
    unit: Id
    reason: Short = ""
    order: OptId = ""
    operator: Short = ""


class IncidentReferred(Body, frozen=True, tag="incident_referred"):
    """Non-police business handed to the department that owns it (职责清单)."""

    incident: Id
    department: Short
    reason: Short
    operator: Short = ""


class IncidentClosed(Body, frozen=True, tag="incident_closed"):
    incident: Id
    disposition: Short  # resolved / duplicate / invalid / referred / advice_given …
    reason: Short = ""
    operator: Short = ""


class IncidentNote(Body, frozen=True, tag="incident_note"):
    """A dispatcher's note; may carry files (a video-wall snapshot) stored beside the database."""

    incident: Id
    text: Text
    attachments: tuple[Attachment, ...] = ()
    operator: Short = ""


class UnitStatusSet(Body, frozen=True, tag="unit_status_set"):
    """A dispatcher changes a unit's availability on its behalf (same rules as StatusReport)."""

    unit: Id
    status: UnitStatus
    reason: Short = ""
    operator: Short = ""


class SosAcknowledged(Body, frozen=True, tag="sos_ack"):
    unit: Id
    note: Short = ""
    operator: Short = ""


class MessageSent(Body, frozen=True, tag="message_sent"):
    unit: Id
    order: Id
    text: Text
    operator: Short = ""


# --- a plugin's own facts (source = the workstation's id) ---------------------------------------------


class PluginEvent(Body, frozen=True, tag="plugin_event"):
    """A fact a plugin records in the log (a plan activated, a roster changed), so that it replays, reaches
    every desk and appears in exports. The hub checks its form, and its schema where the plugin is
    installed beside the hub; it changes nothing in the state."""

    plugin: PluginId
    name: PluginEventName
    data: PluginData  # the MessagePack encoding of the plugin's declared schema for ``name``
    incident: OptId = ""  # the incident it concerns, if any (timelines, replay, exports)
    operator: Short = ""


# --- the record of what was handed on (source = the exporting workstation or program) -----------------

class ExportFormat(enum.StrEnum):
    """The file formats an incident's record is exported in (docs/RECORD.md)."""

    HTML = "html"
    CSV = "csv"
    KML = "kml"
    GPX = "gpx"
    PDF = "pdf"


Sha256 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
FileName = Annotated[str, msgspec.Meta(min_length=1, max_length=255, pattern=r"^(?!\.\.?$)[^/\\\x00]+$")]
"""A file's base name: no folder separator, not ``.`` or ``..``."""


class RecordExported(Body, frozen=True, tag="record_exported"):
    """An incident's record (or a time range of the log) was exported to a file: who exported what, when,
    and the file's SHA-256, so that a copy handed on can be verified against the log later. A fact for the
    record: it changes nothing in the state."""

    incident: OptId  # "" for a time range
    start_ms: Millis  # the span of the log exported
    end_ms: Millis
    format: ExportFormat
    sha256: Sha256
    size: Annotated[int, msgspec.Meta(ge=0, lt=2**53)]  # bytes
    file: FileName  # the file's name only: a path would tell the log about the exporter's folders
    operator: Short = ""

    def __post_init__(self) -> None:
        if self.end_ms < self.start_ms:  # msgspec turns this into a ValidationError when decoding
            raise ValueError(f"the exported span ends ({self.end_ms}) before it starts ({self.start_ms})")


# --- the monthly station review (source = the supervisor's workstation) --------------------------------

Month = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{4}-[01][0-9]$")]
"""A calendar month in the command center's zone: ``2026-11`` (01 to 12: ``SupervisionOrderIssued`` checks)."""
Count = Annotated[int, msgspec.Meta(ge=0, lt=2**31)]


class SupervisionOrderIssued(Body, frozen=True, tag="supervision_order_issued"):
    """A supervision order (督办令) was issued to a police station after the monthly station review: the month
    reviewed, the station, the order's number, the figures it quotes, and the SHA-256 of its text, so that a copy
    handed on can be checked against the log. A fact for the record: it changes nothing in the state."""

    month: Month  # the month reviewed, not the month of issue
    station: Id
    number: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]  # "督办〔2026〕11-01"
    this_month: Count  # valid incidents in the month reviewed
    last_month: Count | None  # None: the log does not hold the whole month before
    last_year: Count | None  # None: the log does not reach back to the same month a year before
    rank: Annotated[int, msgspec.Meta(ge=1, lt=2**31)]  # by the rise (analytics.review), 1 = the largest
    stations: Annotated[int, msgspec.Meta(ge=1, lt=2**31)]  # how many stations were ranked
    sha256: Sha256  # of the order's text as issued, UTF-8 (analytics.order.text_sha256)
    operator: Short = ""

    def __post_init__(self) -> None:  # msgspec turns these into a ValidationError when decoding
        if not 1 <= int(self.month[5:]) <= 12:
            raise ValueError(f"month {self.month} does not exist: give YYYY-MM with MM from 01 to 12")
        if self.rank > self.stations:
            raise ValueError(f"rank {self.rank} is beyond the {self.stations} stations ranked")


# --- drills (source = the workstation of the trainer who runs it; sent in live mode) ---------------------

DrillId = Annotated[str, msgspec.Meta(pattern=r"^D-[0-9]{8}-[0-9]{2}$")]
"""A drill's id: ``D-YYYYMMDD-NN``, the day it runs and its number that day."""


class DrillEndReason(enum.StrEnum):
    COMPLETED = "completed"  # every inject done, the scenario ran to its end
    ENDED = "ended"  # the trainer ended it early
    ABORTED = "aborted"  # stopped for a real emergency or a fault


class DrillStarted(Body, frozen=True, tag="drill_started"):
    """A drill begins: from now on the hub keeps a drill state beside the live one, and every ``mode =
    "drill"`` event until ``drill_ended`` belongs to this drill. Sent in live mode, so that every desk knows
    a drill runs and which real units take part (its live state's ``drill``)."""

    drill: DrillId
    scenario: Id
    version: Annotated[int, msgspec.Meta(ge=1, lt=2**31)]
    enrolled: tuple[Id, ...] = ()  # real units taking part: only they (and ``simulated``) get drill orders
    simulated: tuple[Id, ...] = ()  # the drill's own units, registered in drill mode (``unit_registered``)
    operator: Short = ""


class DrillEnded(Body, frozen=True, tag="drill_ended"):
    """The running drill ends; its drill state is dropped, and drill-mode events are refused until the next."""

    drill: DrillId
    reason: DrillEndReason
    operator: Short = ""


class DrillClockAction(enum.StrEnum):
    PAUSED = "paused"  # drill time stops
    RESUMED = "resumed"  # drill time runs again, at ``factor``
    WARPED = "warped"  # drill time runs ``factor`` times as fast as wall time from now on


class DrillClockChanged(Body, frozen=True, tag="drill_clock"):
    """The trainer paused, resumed or warped the running drill's clock. Sent in drill mode by the desk that
    started the drill, so that the log knows the drill time of every event (the report scores on it)."""

    drill: DrillId
    action: DrillClockAction
    drill_ms: Millis  # the drill time (ms since the drill's start) at that moment
    factor: Annotated[float, msgspec.Meta(ge=1.0, le=10.0)] = 1.0  # the warp in force from now on
    operator: Short = ""


class CameraStatus(Body, frozen=True, tag="camera_status"):
    """A camera went dark or came back, as a drill injects it: sent in drill mode by the drill's trainer, so the
    trainees' video wall shows the camera offline and picks others (a live camera's darkness the wall sees in
    its stream itself)."""

    camera: Id  # the city's camera id, C-<adcode>-<NNNNNN>
    online: bool  # False: dark from now on; True: back
    reason: Short = ""  # what the trainees are told, e.g. "演练注入：信号中断"
    operator: Short = ""


# --- the telephone side: 110 calls with their number and location (ANI / ALI) ----------------------


class CallLocation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where the caller probably is, as the telephone network knows it (ALI / AML)."""

    lat: Lat
    lon: Lon
    accuracy_m: Metres = 0  # radius of the likely area; 0 = unknown
    method: Short = ""  # "cell" (the mobile's cell), "gnss" (the handset's own fix), "registered" (a landline)


class CallOffered(Body, frozen=True, tag="call_offered"):
    """A 110 call rings at the command center (from the telephony gateway, source = its id)."""

    call: Id
    number: Short = ""  # the caller's number (ANI); "" when withheld
    line: Short = "110"
    location: CallLocation | None = None
    address: Short = ""  # a landline's registered address, if the network gives one
    simulated: bool = False  # rung by a simulated city


class CallEnded(Body, frozen=True, tag="call_ended"):
    """The line went down (from the telephony gateway): the caller hung up, answered or not."""

    call: Id
    reason: Short = "hangup"


class CallAnswered(Body, frozen=True, tag="call_answered"):
    """A workstation picks up a ringing call: it is this desk's from now on."""

    call: Id
    operator: Short = ""


class CallClosed(Body, frozen=True, tag="call_closed"):
    """An answered call that becomes no incident (most calls: advice, silent, misdial, prank...)."""

    call: Id
    disposition: Short
    note: Short = ""
    operator: Short = ""


# --- the hub's own events (source = "hub") --------------------------------------------------------


class OrderDelivered(Body, frozen=True, tag="order_delivered"):
    """The unit's handset confirmed it holds the order (store-and-forward completed)."""

    order: Id
    unit: Id


class Refused(Body, frozen=True, tag="refused"):
    """A report or command that broke the rules. Stored under the refused message's own
    (source, seq), so a resend gets the same answer and the refusal stays on record."""

    refused_kind: Short
    code: Short
    message: Text
    target: OptId = ""
    params: dict[Short, Short] = {}


class RefusalsSuppressed(Body, frozen=True, tag="refusals_suppressed"):
    """Refusals of one source that were answered but not stored, because it had used up its budget of
    stored refusals for the minute (``hub --refusal-budget``): a unit sending thousands of reports that
    break a rule must not flood the log and every desk, yet the record must say it happened. One per
    source and minute window, stored when the window ends."""

    source: Id
    count: Annotated[int, msgspec.Meta(ge=1)]
    codes: dict[Short, Annotated[int, msgspec.Meta(ge=1)]]  # reason code -> how many
    first: Millis  # hub time of the first suppressed refusal
    last: Millis  # and of the last


AnyBody = (
    Position
    | StatusReport
    | DispatchAck
    | Arrival
    | Clearance
    | FieldRecord
    | Sos
    | UnitRegistered
    | IncidentCreated
    | IncidentReclassified
    | UnitDispatched
    | UnitRecalled
    | IncidentReferred
    | IncidentClosed
    | IncidentNote
    | UnitStatusSet
    | SosAcknowledged
    | MessageSent
    | OrderDelivered
    | Refused
    | CallOffered
    | CallEnded
    | CallAnswered
    | CallClosed
    | RefusalsSuppressed
    | PluginEvent
    | RecordExported
    | DrillStarted
    | DrillEnded
    | DrillClockChanged
    | SupervisionOrderIssued
    | CameraStatus  # new kinds at the end: KIND_CODES numbers them in this order
)



def _kind_of(cls: type[AnyBody]) -> str:
    tag = cls.__struct_config__.tag
    if not isinstance(tag, str):
        raise TypeError(f"event body {cls.__name__} needs a text tag (its kind), not {tag!r}")
    return tag


BODY_TYPES: dict[str, type[AnyBody]] = {_kind_of(cls): cls for cls in get_args(AnyBody)}
KIND_CODES: dict[str, int] = {kind: code for code, kind in enumerate(BODY_TYPES, start=1)}
"""Stable small integers for the store's kind column. Append new kinds at the end only."""

UNIT_REPORT_KINDS = frozenset(
    {"position", "status", "dispatch_ack", "arrival", "clearance", "field_record", "sos"}
)
"""Kinds a field unit may send; for these the unit is the envelope's source."""


class Envelope(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    """One event as it travels and as it is stored (untracked by the cyclic collector: see ``Body``)."""

    v: int
    source: Id
    seq: Seq
    t_src: Millis
    body: AnyBody
    t_hub: Millis = 0
    mode: Mode = Mode.LIVE

    @property
    def event_id(self) -> str:
        return f"{self.source}#{self.seq}"

    @property
    def kind(self) -> str:
        return self.body.kind

    @property
    def time(self) -> int:
        """The event's time for the projection: when the hub received it, else when it was made."""
        return self.t_hub or self.t_src


def envelope(
    source: str,
    seq: int,
    body: AnyBody,
    t_src: int,
    *,
    t_hub: int = 0,
    mode: Mode = Mode.LIVE,
) -> Envelope:
    return Envelope(
        v=ENVELOPE_VERSION, source=source, seq=seq, t_src=t_src, body=body, t_hub=t_hub, mode=mode
    )
