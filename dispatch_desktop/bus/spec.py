"""The generated parts of ``docs/PROTOCOL.md``: field tables straight from the msgspec structs.

Run ``python -m dispatch_desktop.bus.spec`` to print them, ``--write docs/PROTOCOL.md`` to refresh the
document in place (between the ``<!-- BEGIN GENERATED: name -->`` / ``<!-- END GENERATED: name -->``
markers). A test checks the document against this output, so the tables cannot drift from the code.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
from msgspec import inspect as mi

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.session import Session
from dispatch_desktop.domain import events as ev

DESCRIPTIONS: dict[str, str] = {
    # envelope
    "v": "envelope version; must be 1",
    "source": "who produced it: the unit id (reports), the workstation id (commands), `hub` (the hub's own)",
    "seq": "the source's own sequence number, strictly increasing per source; `(source, seq)` is the event id",
    "t_src": "when the source made it: milliseconds since the Unix epoch, UTC",
    "body": "the event itself: a map whose `kind` selects one of the kinds below",
    "t_hub": "when the hub received it (ms since the epoch, UTC); senders send 0 or omit it, the hub sets it",
    "mode": "`live`, or `drill` for exercise events that never touch the live picture",
    # bodies
    "lat": "latitude, WGS84 decimal degrees (north positive)",
    "lon": "longitude, WGS84 decimal degrees (east positive)",
    "heading": "direction of travel, degrees clockwise from true north",
    "speed": "ground speed, metres per second",
    "status": "unit status",
    "note": "free text",
    "incident": "incident id",
    "order": "order id (see Orders)",
    "result": "outcome on scene, e.g. `resolved`",
    "summary": "free-text account",
    "record": "which structured record this is",
    "record_id": "the handset's id for this record",
    "fields": "the record's named values (field name → text)",
    "attachments": "files uploaded beforehand (see Attachments); the log keeps their fingerprints",
    "answers": "for a check answer: the `record_id` of the request it answers",
    "unit": "unit id",
    "unit_kind": "kind of unit",
    "station": "police station id",
    "name": "display name",
    "members": "officers in the unit",
    "call_time": "when the report came in (the 110 call rang, the walk-in arrived…), ms since the epoch, UTC",
    "caller_number": "caller's phone number",
    "address": "address as entered",
    "district": "district code (adcode)",
    "incident_type": "incident type code from the taxonomy",
    "priority": "1 (most urgent) to 4",
    "category": "police business or not",
    "department": "for non-police business: the department it belongs to",
    "caller_name": "caller's name",
    "description": "what the caller reported",
    "duplicate_of": "id of the incident this one duplicates, or empty",
    "reason": "why, in words",
    "disposition": "how it ended: `resolved`, `duplicate`, `invalid`, `referred`, `advice_given`…",
    "text": "message text",
    "refused_kind": "kind of the refused event",
    "code": "stable reason code",
    "message": "the reason in English (the UI translates by `code` and `params`)",
    "target": "the incident, unit or order the refused event was about",
    "params": "values that fill the message template",
    "sha256": "SHA-256 of the file, 64 lowercase hex digits",
    "operator": "the person signed in at the desk (name and badge number), for the timeline; may be empty",
    "origin": "how the incident reached the centre: a 110 `call`, a `walk_in` report, or found by an `officer`",
    "call": "the telephony gateway's id of the call (as in its `call_offered`)",
    "simulated": "true if a simulated city made it: never a real emergency",
    "number": "the caller's number (ANI) as the network gives it; empty when withheld",
    "line": "the number that was dialled",
    "location": "where the network places the caller (ALI), if it says; see `CallLocation`",
    "accuracy_m": "radius of the likely area in metres; 0 = not known",
    "method": "how the network located the caller: `cell`, `gnss`, `registered` (a landline's address)…",
    "mime": "media type, e.g. `image/jpeg`",
    "size": "size in bytes",
    # payloads
    "high_water": "highest seq the hub has stored for `source` (0: none)",
    "gseq": "global sequence number in the hub's log (0: none)",
    "hub": "id of the running hub instance; changes when the hub restarts",
    "time": "hub clock, ms since the epoch, UTC",
    "acks": "one entry per acknowledged report or command",
    "duplicate": "true if it had been stored before (a resend)",
    "offset": "byte offset of this chunk in the file",
    "received": "bytes of the file the hub holds; the next chunk starts here",
    "complete": "true once the whole file is stored and verified",
    "kind": "order kind",
    "request": "the requester's number for this request, echoed in the answer",
    "prev": "gseq of the last event published before this message (0 at the start of the log)",
    "events": "`[gseq, envelope]` pairs in gseq order",
}
SPECIFIC: dict[str, str] = {
    "Hello.source": "the sender's unit or workstation id (under Curve: its key's name)",
    "RefusalsSuppressed.source": "the unit or workstation whose refusals were answered but not stored",
    "RefusalsSuppressed.count": "how many (at least 1)",
    "RefusalsSuppressed.codes": "reason code -> how many of them (the counts add up to `count`)",
    "RefusalsSuppressed.first": "hub time (ms) of the first suppressed refusal of the window",
    "RefusalsSuppressed.last": "hub time (ms) of the last one",
    "Welcome.source": "the `source` of the hello it answers",
    "AckEntry.source": "`source` of the acknowledged event",
    "AckEntry.seq": "`seq` of the acknowledged event",
    "AckEntry.gseq": "where it is in the log",
    "Nack.source": "`source` of the refused message, if it could be read (else empty)",
    "Nack.seq": "`seq` of the refused message, if it could be read (else 0)",
    "Nack.gseq": "> 0: the refusal is stored at this gseq (a rule violation); 0: nothing was stored",
    "Upload.size": "size of the whole file in bytes",
    "Order.kind": "`dispatch`, `recall` or `message`",
    "Order.incident": "the incident (empty for a message)",
    "Order.text": "dispatch: the incident's address; recall: the reason; message: the text",
    "Order.time": "when the order was stored, ms since the epoch, UTC",
    "Order.mode": "`drill` for an order of the running drill (send its reports in drill mode); omitted for a live one",
    "OrderAck.unit": "the acknowledging unit (under Curve: its key's name)",
    "SnapshotRequest.mode": "`drill` for the running drill's state (`nack` `no_drill` when none runs); omitted "
                            "for the live state",
    "Snapshot.gseq": "the state holds exactly the events up to and including this gseq",
    "Heartbeat.gseq": "gseq of the newest event published so far",
    "EventsRequest.after": "the gseq the requester's copy holds: the events after it are wanted",
    "EventsRequest.limit": f"at most this many events in the answer (the hub sends at most {p.MAX_CATCHUP:,})",
    "EventsRequest.upto": "none after this gseq (0: up to the end of the log); for a stretch of history (section 9.6)",
    "EventsRequest.plugins": "only the `plugin_event`s of these plugin ids (empty: every event); section 9.6",
    "PluginEvent.plugin": "the plugin's id: the namespace of its events (section 9.6)",
    "PluginEvent.name": "which of the plugin's event types this is, as the plugin declares it",
    "PluginEvent.data": "one MessagePack value: the event, encoded by the schema the plugin declares for `name`",
    "PluginEvent.incident": "the incident it concerns, if any (for timelines, replay and exports)",
    "RecordExported.incident": "the incident whose record was exported; empty for a time range of the log",
    "RecordExported.start_ms": "the start of the span of the log exported, ms since the epoch, UTC",
    "RecordExported.end_ms": "its end (not before `start_ms`)",
    "RecordExported.format": "the file's format: `html`, `csv`, `kml`, `gpx` or `pdf` (docs/RECORD.md)",
    "RecordExported.sha256": "SHA-256 of the file's bytes, 64 lowercase hex digits: verifies a copy handed on",
    "RecordExported.size": "the file's size in bytes",
    "RecordExported.file": "the file's name, without any folder",
    "RecordExported.operator": "who exported it (name and badge number)",
    "DrillStarted.drill": "the drill's id, `D-YYYYMMDD-NN`: the day and its number that day",
    "DrillStarted.scenario": "the scenario file's id",
    "DrillStarted.version": "the scenario's version",
    "DrillStarted.enrolled": "real units taking part: each on the roster and available; only they get drill orders",
    "DrillStarted.simulated": "the drill's simulated units (no real unit's id), registered in drill mode",
    "DrillStarted.operator": "the trainer who starts it (name and badge number)",
    "DrillEnded.drill": "the running drill's id",
    "DrillEnded.reason": "`completed` (ran to its end), `ended` (ended early) or `aborted`",
    "DrillEnded.operator": "who ends it (name and badge number)",
    "DrillClockChanged.drill": "the running drill's id",
    "DrillClockChanged.action": "`paused` (drill time stops), `resumed` (runs again) or `warped` (its speed changed)",
    "DrillClockChanged.drill_ms": "the drill time at that moment, ms since the drill's start (pauses left out)",
    "DrillClockChanged.factor": "the warp in force from now on: drill time runs this many times as fast as wall time",
    "DrillClockChanged.operator": "the trainer (name and badge number)",
    "SupervisionOrderIssued.month": "the month reviewed, `YYYY-MM` in the command center's zone (not the month "
                                    "of issue)",
    "SupervisionOrderIssued.station": "the police station the order is addressed to",
    "SupervisionOrderIssued.number": "the order's number as printed on it, e.g. `督办〔2026〕11-01`",
    "SupervisionOrderIssued.this_month": "valid incidents of the station in the month reviewed",
    "SupervisionOrderIssued.last_month": "in the month before it; nil when the log does not hold that whole month",
    "SupervisionOrderIssued.last_year": "in the same month a year before; nil when the log does not reach back",
    "SupervisionOrderIssued.rank": "the station's place in the review, ranked by the rise (1: the largest; "
                                   "`analytics/review.py` says how), not above `stations`",
    "SupervisionOrderIssued.stations": "how many stations the review ranked",
    "SupervisionOrderIssued.sha256": "SHA-256 of the order's text as issued (UTF-8), 64 lowercase hex digits: "
                                     "verifies a copy handed on",
    "SupervisionOrderIssued.operator": "who issued it (name and badge number)",
    "CameraStatus.camera": "the camera's id in the city (`C-<adcode>-<NNNNNN>`)",
    "CameraStatus.online": "false: the camera is dark from now on; true: it is back",
    "CameraStatus.reason": "what the trainees' desks say about it, e.g. `演练注入：信号中断`",
    "CameraStatus.operator": "the trainer (name and badge number)",
    "Catchup.after": "the `after` of the request",
    "Catchup.last": "the newest gseq in the hub's log when it read it",
    "Catchup.more": "true if the log holds more of the events asked for after the last one here: ask again after it",
    "Catchup.events": "`[gseq, envelope]` pairs: every stored event after `after` (up to `upto`, of the `plugins` "
                      "asked for), in gseq order, up to the limit",
    "Catchup.code": "empty: served; `beyond_end`: the log ends before `after`; `unavailable`: not served now",
    "IncidentCreated.caller_number": "caller's phone number; may be empty (withheld, or not a call: see `origin`)",
    "IncidentCreated.call": "the call it was taken from (its `call_offered`'s `call`), or empty; "
                            "if set, the call must be answered at this workstation, and leaves the lines",
    "CallOffered.call": "the gateway's own id for the call, never reused: desks answer and settle the call by it",
    "CallOffered.address": "a landline's registered address, if the network gives one",
    "CallEnded.reason": "`hangup` (the caller hung up), `abandoned` (gave up before anyone answered), or the "
                        "gateway's own word",
    "CallClosed.disposition": "why no incident: `advice_given`, `misdial`, `silent`, `prank`, `duplicate`…",
    "CallClosed.note": "free text for the record",
}

_PRINTABLE = re.compile(r"^\^\[A-Za-z0-9_\.:\\-\][+*]\$$")


def _type(t: Any) -> str:
    if isinstance(t, mi.StrType):
        return "string"
    if isinstance(t, mi.IntType):
        return "integer"
    if isinstance(t, mi.FloatType):
        return "float"
    if isinstance(t, mi.BoolType):
        return "boolean"
    if isinstance(t, mi.BytesType):
        return "binary"
    if isinstance(t, mi.EnumType):
        return "string (enum)"
    if isinstance(t, mi.VarTupleType | mi.ListType):
        return f"array of {_type(t.item_type)}"
    if isinstance(t, mi.TupleType):
        return "array [" + ", ".join(_type(i) for i in t.item_types) + "]"
    if isinstance(t, mi.DictType):
        return f"map {_type(t.key_type)} → {_type(t.value_type)}"
    if isinstance(t, mi.StructType):
        return f"map ({t.cls.__name__})"
    if isinstance(t, mi.UnionType):
        present = [member for member in t.types if not isinstance(member, mi.NoneType)]
        if len(present) == 1:  # the one place the protocol takes nil: an optional sub-map
            return f"{_type(present[0])} or nil"
        return "map (a body)"
    return type(t).__name__


def _constraints(t: Any) -> str:
    parts: list[str] = []
    if isinstance(t, mi.UnionType):  # an optional value: the constraints of the value when present
        present = [member for member in t.types if not isinstance(member, mi.NoneType)]
        return _constraints(present[0]) if len(present) == 1 else ""
    if isinstance(t, mi.StrType):
        if t.pattern == r"^[0-9a-f]{64}$":
            return "exactly 64 lowercase hex digits"
        if t.min_length:
            parts.append(f"{t.min_length}–{t.max_length} chars" if t.max_length else f"≥ {t.min_length} chars")
        elif t.max_length:
            parts.append(f"≤ {t.max_length} chars")
        if t.pattern and _PRINTABLE.match(t.pattern):
            parts.append("ASCII letters, digits and `_ . : -` only")
        elif t.pattern:
            parts.append(f"matches `{t.pattern}`")
    elif isinstance(t, mi.BytesType) and t.max_length is not None:
        parts.append(f"{t.min_length or 0}–{t.max_length} bytes")
    elif isinstance(t, mi.IntType | mi.FloatType):
        low = f"≥ {_num(t.ge)}" if t.ge is not None else (f"> {_num(t.gt)}" if t.gt is not None else "")
        high = f"≤ {_num(t.le)}" if t.le is not None else (f"< {_num(t.lt)}" if t.lt is not None else "")
        parts.extend(x for x in (low, high) if x)
    elif isinstance(t, mi.EnumType):
        parts.append("one of " + ", ".join(f"`{m.value}`" for m in t.cls))
    elif isinstance(t, mi.VarTupleType | mi.DictType):
        if isinstance(t, mi.VarTupleType) and t.max_length is not None:
            parts.append(f"at most {t.max_length}")
        inner = _constraints(t.item_type if isinstance(t, mi.VarTupleType) else t.value_type)
        if inner:
            parts.append(f"each: {inner}")
    return "; ".join(parts)


def _num(value: float) -> str:
    if isinstance(value, int) and value in (2**53, 2**63 - 1):
        return "2^53" if value == 2**53 else "2^63−1"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _default(field: mi.Field) -> str:
    if field.required:
        return "required"
    value = field.default_factory() if field.default_factory is not msgspec.NODEFAULT else field.default
    return f"optional, default `{msgspec.json.encode(value).decode()}`"


def table(cls: type) -> str:
    info = mi.type_info(cls)
    assert isinstance(info, mi.StructType)
    rows = ["| field | type | presence | constraints | meaning |", "|---|---|---|---|---|"]
    if info.tag_field:
        rows.append(f"| `{info.tag_field}` | string | required | `\"{info.tag}\"` | selects this kind |")
    for field in info.fields:
        meaning = SPECIFIC.get(f"{cls.__name__}.{field.name}") or DESCRIPTIONS.get(field.name, "")
        rows.append(f"| `{field.encode_name}` | {_type(field.type)} | {_default(field)} | "
                    f"{_constraints(field.type)} | {meaning} |")
    return "\n".join(rows)


def kinds_section() -> str:
    from dispatch_desktop.bus.hub import COMMAND_TYPES, TELEPHONY_TYPES

    reports = sorted(ev.UNIT_REPORT_KINDS, key=list(ev.BODY_TYPES).index)
    commands = [k for k in ev.BODY_TYPES if ev.BODY_TYPES[k] in COMMAND_TYPES]
    telephony = [k for k in ev.BODY_TYPES if ev.BODY_TYPES[k] in TELEPHONY_TYPES]
    groups = (
        ("Reports from field units", reports),
        ("Commands from workstations", commands),
        ("Calls from telephony gateways", telephony),
        ("The hub's own events", [k for k in ev.BODY_TYPES if k not in {*reports, *commands, *telephony}]),
    )
    out: list[str] = []
    for title, kinds in groups:
        out.append(f"#### {title}\n")
        for kind in kinds:
            cls = ev.BODY_TYPES[kind]
            # the first paragraph, its lines joined and the source's indentation gone
            doc = " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())
            out.append(f"##### `{kind}`\n")
            if doc:
                out.append(f"{doc}\n")
            out.append(table(cls) + "\n")
    out.append("#### `Attachment` (inside `field_record` and `incident_note`)\n")
    out.append(table(ev.Attachment) + "\n")
    out.append("#### `CallLocation` (inside `call_offered`)\n")
    out.append(table(ev.CallLocation) + "\n")
    return "\n".join(out).rstrip() + "\n"


PAYLOADS: tuple[tuple[bytes, type], ...] = (
    (p.HELLO, p.Hello), (p.WELCOME, p.Welcome), (p.ACK, p.Ack), (p.ACK, p.AckEntry), (p.NACK, p.Nack),
    (p.UPLOAD, p.Upload), (p.UPLOAD_ACK, p.UploadAck), (p.ORDER, p.Order), (p.ORDER_ACK, p.OrderAck),
    (p.SNAPSHOT_REQUEST, p.SnapshotRequest), (p.SNAPSHOT, p.Snapshot), (p.EVENTS, p.Events),
    (p.HEARTBEAT, p.Heartbeat), (p.EVENTS_REQUEST, p.EventsRequest), (p.CATCHUP, p.Catchup),
)


def payloads_section() -> str:
    out: list[str] = []
    for msg_type, cls in PAYLOADS:
        name = p.TYPE_NAMES[msg_type]
        title = (f"`{cls.__name__}` (inside `ack`)" if cls is p.AckEntry
                 else f"`{name}` — type byte `{msg_type.decode()}`")
        out.append(f"#### {title}\n")
        out.append(table(cls) + "\n")
    return "\n".join(out).rstrip() + "\n"


def reasons_section() -> str:
    rows = ["| code | message template |", "|---|---|"]
    rows += [f"| `{code}` | {text} |" for code, text in p.NACK_TEMPLATES.items()]
    return "\n".join(rows) + "\n"


def domain_reasons_section() -> str:
    from dispatch_desktop.domain.reasons import TEMPLATES

    rows = ["| code | message template |", "|---|---|"]
    rows += [f"| `{code}` | {text} |" for code, text in TEMPLATES.items()]
    return "\n".join(rows) + "\n"


EXAMPLE = ev.envelope("PG-440103-01-01", 42,
                      ev.Position(lat=23.129163, lon=113.264435, heading=90.0, speed=8.5), 1_763_780_000_000)
"""The fixture of PROTOCOL.md section 20.11: the report of section 20.1 (a unit on the default city's
roster) at another time, so that the two dumps are not the same bytes."""


def example_section() -> str:
    frame = Session().envelope_frames(p.REPORT, EXAMPLE)[0]
    lines = []
    for start in range(0, len(frame), 16):
        chunk = frame[start:start + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{start:04x}  {hexes:<47}  {text}")
    return "```\n" + "\n".join(lines) + "\n```\n"


def envelope_section() -> str:
    return table(ev.Envelope) + "\n"


SECTIONS = {
    "envelope": envelope_section,
    "kinds": kinds_section,
    "payloads": payloads_section,
    "reasons": reasons_section,
    "domain-reasons": domain_reasons_section,
    "example": example_section,
}


def render(document: str) -> str:
    """The document with every generated section replaced by fresh output."""
    for name, make in SECTIONS.items():
        pattern = re.compile(rf"(<!-- BEGIN GENERATED: {name} -->\n).*?(<!-- END GENERATED: {name} -->)", re.S)
        if not pattern.search(document):
            raise ValueError(f"the document has no generated section {name!r}")
        document = pattern.sub(functools.partial(_refreshed, make), document)
    return document


def _refreshed(make: Callable[[], str], section: re.Match[str]) -> str:
    """A generated section's markers around fresh output."""
    return section.group(1) + make() + section.group(2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--write", type=Path, help="refresh the generated sections of this document in place")
    args = parser.parse_args(argv)
    if args.write:
        args.write.write_text(render(args.write.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    for name, make in SECTIONS.items():
        sys.stdout.write(f"<!-- {name} -->\n{make()}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
