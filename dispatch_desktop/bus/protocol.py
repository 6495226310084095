"""The Dispatch Desktop bus protocol (DDP), version 1: message types, payloads, reason codes, limits.

``docs/PROTOCOL.md`` is the normative description; this module is its executable form. Every message is
one ZeroMQ frame ``header ‖ [signature] ‖ payload`` (plus one binary *data* frame for uploads and
snapshots), where the header is four ASCII bytes ``b"DD1" + type`` and the payload is a MessagePack map.
The payload structs below are what the hub and the clients encode and strictly decode.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.events import Envelope, Id, Millis, OptId, PluginId, Seq, Short, Text

MAGIC = b"DD"
VERSION = b"1"
PREFIX = MAGIC + VERSION
HEADER_SIZE = 4
SIGNATURE_SIZE = 32  # HMAC-SHA256, present only when the session has a key

# Message types: the fourth header byte. Upper case goes to the hub, lower case comes from it
# (except the two published ones, which only the hub sends).
HELLO = b"H"  # client -> hub
WELCOME = b"w"  # hub -> client, answers HELLO
REPORT = b"R"  # field unit -> hub: an Envelope with a unit-report body
COMMAND = b"C"  # workstation -> hub: an Envelope with a command body
ACK = b"a"  # hub -> sender: stored (or already stored)
NACK = b"n"  # hub -> sender: not accepted, with a reason code
UPLOAD = b"U"  # field unit -> hub: one chunk of an attachment (+ data frame)
UPLOAD_ACK = b"u"  # hub -> field unit
ORDER = b"o"  # hub -> field unit: an order to carry out
ORDER_ACK = b"K"  # field unit -> hub: "I hold this order"
SNAPSHOT_REQUEST = b"S"  # workstation -> hub
SNAPSHOT = b"s"  # hub -> workstation (+ data frame: the encoded State)
EVENTS = b"E"  # hub PUB: stored events with their gseq
HEARTBEAT = b"B"  # hub PUB: once a second, the newest gseq
EVENTS_REQUEST = b"G"  # workstation -> hub: the stored events after a gseq (catch-up after a gap)
CATCHUP = b"g"  # hub -> workstation, answers EVENTS_REQUEST

TYPE_NAMES: dict[bytes, str] = {
    HELLO: "hello", WELCOME: "welcome", REPORT: "report", COMMAND: "command", ACK: "ack", NACK: "nack",
    UPLOAD: "upload", UPLOAD_ACK: "upload_ack", ORDER: "order", ORDER_ACK: "order_ack",
    SNAPSHOT_REQUEST: "snapshot_request", SNAPSHOT: "snapshot", EVENTS: "events", HEARTBEAT: "heartbeat",
    EVENTS_REQUEST: "events_request", CATCHUP: "catchup",
}
FIELD_TYPES = frozenset({HELLO, REPORT, UPLOAD, ORDER_ACK})
"""What the hub accepts on the field socket."""
WORKSTATION_TYPES = frozenset({HELLO, COMMAND, SNAPSHOT_REQUEST, EVENTS_REQUEST, UPLOAD})
"""What the hub accepts on the workstation socket."""
DATA_FRAME_TYPES = frozenset({UPLOAD, SNAPSHOT})
"""Types that carry exactly one binary data frame after the message frame."""

# --- limits -----------------------------------------------------------------------------------------

MAX_PAYLOAD = 256 * 1024
"""Largest message frame (header, signature and payload) the hub accepts; larger ones are NACKed."""
MAX_CHUNK = 256 * 1024
"""Largest upload data frame."""
MAX_FRAME = 1024 * 1024
"""ZMQ_MAXMSGSIZE on the hub's inbound sockets: a peer sending a bigger frame is disconnected."""
MAX_FRAMES = 2
"""At most a message frame and a data frame (after the routing id on the hub's ROUTER sockets)."""
MAX_ATTACHMENT = 50_000_000
MAX_CATCHUP = 10_000
"""Most events in one ``catchup`` answer (which also ends before its frame outgrows ``MAX_PAYLOAD``); the
rest follow on request (``more``)."""

# --- payloads ---------------------------------------------------------------------------------------

Sha256 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
Count = Annotated[int, msgspec.Meta(ge=0, le=2**63 - 1)]


class Payload(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base of the non-envelope payloads: MessagePack maps with string keys."""


class Hello(Payload, frozen=True):
    """Sent by a client on connecting (and as a keep-alive): who it is."""

    source: Id


class Welcome(Payload, frozen=True):
    source: Id
    high_water: Count  # highest seq stored for this source, 0 if none
    gseq: Count  # newest stored gseq
    hub: Short  # hub instance id; changes when the hub restarts
    time: Millis  # hub clock


class AckEntry(Payload, frozen=True):
    source: Id
    seq: Seq
    gseq: Count
    duplicate: bool = False


class Ack(Payload, frozen=True):
    """One or more reports or commands from this connection are durably stored."""

    acks: tuple[AckEntry, ...]


class Nack(Payload, frozen=True):
    """Not accepted. ``gseq`` > 0 means the refusal itself is stored (a domain rule violation);
    0 means nothing was stored. Either way the sender must not resend the same message."""

    code: Short
    message: Text
    source: OptId = ""
    seq: Count = 0
    gseq: Count = 0
    params: dict[Short, Short] = {}


class Upload(Payload, frozen=True):
    """One chunk of an attachment; the chunk's bytes are the data frame."""

    sha256: Sha256
    size: Annotated[int, msgspec.Meta(ge=0, le=MAX_ATTACHMENT)]
    offset: Count


class UploadAck(Payload, frozen=True):
    sha256: Sha256
    received: Count  # bytes the hub holds; the next chunk must start here
    complete: bool


class Order(Payload, frozen=True, omit_defaults=True):
    """An order for a unit (dispatch, recall, message); resent until the unit acknowledges it.

    ``mode``: "drill" for an order of the running drill (sent only to the units enrolled in it or simulated
    for it), whose reports the handset then sends in drill mode. Omitted when "live" (``omit_defaults``), so
    that a live order is the same bytes as before the field existed and an old handset keeps working."""

    order: Id
    unit: Id
    kind: Short  # OrderKind value
    incident: OptId
    text: Text
    time: Millis
    mode: Mode = Mode.LIVE


class OrderAck(Payload, frozen=True):
    order: Id
    unit: Id


class SnapshotRequest(Payload, frozen=True, omit_defaults=True):
    """Asks for the hub's state. ``mode``: "drill" for the running drill's state (refused ``no_drill`` when
    none runs). Omitted when "live" (``omit_defaults``), so that a live request is the same bytes as before
    the field existed and an older hub still answers it."""

    request: Count = 0  # echoed in the reply, so a late answer to an old request can be told apart
    mode: Mode = Mode.LIVE


class Snapshot(Payload, frozen=True):
    """The hub's state as of ``gseq``; the data frame is ``encode_state(state)``."""

    request: Count
    gseq: Count
    hub: Short


class Events(Payload, frozen=True):
    """Stored events in gseq order. ``prev`` is the gseq of the last event the hub published before
    these (0 at the start of the log), so a subscriber can tell whether it missed a message."""

    prev: Count
    events: tuple[tuple[int, Envelope], ...]


class EncodedEvents(Payload, frozen=True):
    """``Events`` as the hub sends them: each envelope already encoded (``msgspec.Raw``), so the bytes made
    once when the batch was stored go in the message as they are. It encodes to the very bytes of the
    ``Events`` it stands for (the same fields in the same order; tests/bus/test_session.py checks)."""

    prev: Count
    events: tuple[tuple[int, msgspec.Raw], ...]


MAX_REQUESTED_PLUGINS = 256
"""Most plugin ids one ``events_request`` may name."""


class EventsRequest(Payload, frozen=True, omit_defaults=True):
    """The stored events after ``after`` (catch-up after a gap, or a plugin's history), at most ``limit``
    (and ``MAX_CATCHUP``); with ``upto``, none after it; with ``plugins``, only those plugins' events.
    Encoded without the fields that hold their defaults: a catch-up then names neither ``upto`` nor
    ``plugins``, and an older hub, which knows neither, serves it as before."""

    request: Count = 0  # echoed in the reply, so a late answer to an old request can be told apart
    after: Count = 0
    limit: Annotated[int, msgspec.Meta(ge=1, le=2**63 - 1)] = MAX_CATCHUP
    upto: Count = 0  # 0: no upper bound
    plugins: Annotated[tuple[PluginId, ...], msgspec.Meta(max_length=MAX_REQUESTED_PLUGINS)] = ()


CATCHUP_BEYOND_END = "beyond_end"
CATCHUP_UNAVAILABLE = "unavailable"


class Catchup(Payload, frozen=True):
    """The answer to ``EventsRequest``: with ``code`` empty, every stored event with a gseq above
    ``after``, in gseq order, up to the limit; ``more`` says the log holds events after the last one.
    ``code`` ``beyond_end``: the log ends before ``after`` (``last``); ``unavailable``: the hub cannot
    serve it now. Either way the events are not coming: take a snapshot."""

    request: Count
    hub: Short
    after: Count
    last: Count
    more: bool
    events: tuple[tuple[int, Envelope], ...]
    code: Short = ""


class EncodedCatchup(Payload, frozen=True):
    """``Catchup`` as the hub sends it: each envelope already encoded, so that the hub can stop adding
    events before the message outgrows ``MAX_PAYLOAD`` (which the receiving ``Session`` enforces too)."""

    request: Count
    hub: Short
    after: Count
    last: Count
    more: bool
    events: tuple[tuple[int, msgspec.Raw], ...]
    code: Short = ""


class Heartbeat(Payload, frozen=True):
    gseq: Count  # newest published gseq
    hub: Short
    time: Millis


# --- reason codes -----------------------------------------------------------------------------------

NACK_TEMPLATES: dict[str, str] = {
    "bad_frames": "The message has the wrong number or layout of frames.",
    "bad_version": "Protocol or envelope version {version} is not supported (expected {expected}).",
    "bad_signature": "The message signature does not match.",
    "unknown_type": "Message type {type} is not accepted on this socket.",
    "oversized": "The message is {size} bytes; the limit is {limit}.",
    "malformed": "The payload is not a valid MessagePack message of this type: {detail}",
    "unknown_kind": "Event kind {kind} is not known: {detail}",
    "unknown_field": "The message has a field that is not in the protocol: {detail}",
    "missing_field": "The message lacks a required field: {detail}",
    "bad_field": "A field has an invalid value: {detail}",
    "kind_not_allowed": "A {sender} may not send {kind} events.",
    "wrong_source": "This connection is authenticated as {identity}; it cannot send as {source}.",
    "unauthorized": "The key for {identity} is no longer authorized.",
    "read_only": "Workstation {identity} has the role {role}, which is read-only.",
    "not_on_roster": "Unit {unit} is not on the roster.",
    "outside_area": "Position {lat}, {lon} is outside the service area.",
    "unknown_code": "The {field} {value} is not in the published taxonomy (resources/taxonomy.json).",
    "time_future": "The event time is {skew_s} s ahead of the hub clock (limit {limit_s} s).",
    "time_past": "The event time is {skew_s} s behind the hub clock (limit {limit_s} s).",
    "seq_backwards": (
        "Sequence number {seq} of {source} is not above its high water {high_water} and is not a "
        "resend of a stored event."
    ),
    "attachment_missing": "Attachment {sha256} ({size} bytes) has not been uploaded.",
    "upload_offset": "Upload of {sha256} must continue at byte {expected}, not {offset}.",
    "upload_mismatch": "Uploaded bytes do not match {sha256} / {size} bytes; the upload starts over.",
    "plugin_event_undeclared": "Plugin {plugin} declares no event named {name} (installed beside the hub).",
    "plugin_event_oversized": (
        "Plugin event {plugin}.{name} carries {size} bytes of data; the plugin declares at most {limit}."
    ),
    "no_drill": "No drill is running: a {kind} event in drill mode has no drill to belong to.",
    "not_enrolled": (
        "Unit {unit} is neither enrolled in drill {drill} nor simulated for it: the drill cannot reach it."
    ),
    "drill_live_only": "A {kind} event is sent in live mode: every desk must learn that a drill starts or ends.",
    "internal_error": "The hub could not process this message; it has been logged.",
}
"""Bus-level reasons: nothing is stored. Domain refusals (``domain/reasons.py``) come back as NACKs too,
with the refusal stored and its gseq in the NACK."""


class BusError(Exception):
    """A message that the hub answers with a NACK (and does not store)."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = {key: _short(value) for key, value in params.items()}
        try:
            message = NACK_TEMPLATES[code].format(**self.params)
        except (KeyError, IndexError):
            message = code
        self.message = message[:2000]
        super().__init__(self.message)


def _short(value: object) -> str:
    text = value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)
    return text[:200]


def classify_decode_error(error: msgspec.DecodeError) -> BusError:
    """Map msgspec's decode errors to reason codes, keeping msgspec's text as the detail."""
    detail = str(error)
    if not isinstance(error, msgspec.ValidationError):
        return BusError("malformed", detail=detail)
    if "unknown field" in detail:
        return BusError("unknown_field", detail=detail)
    if "missing required field" in detail:
        return BusError("missing_field", detail=detail)
    if detail.startswith("Invalid value") and detail.endswith(".kind`"):
        kind = detail.split("'", 2)[1] if detail.count("'") >= 2 else "?"
        return BusError("unknown_kind", kind=kind, detail=detail)
    if detail.startswith("Expected `object`") and " - at " not in detail:
        return BusError("malformed", detail=detail)
    return BusError("bad_field", detail=detail)
