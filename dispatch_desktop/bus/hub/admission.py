"""Admission: may one envelope go into the next batch? Pure functions of the envelope and of what the
hub knows (its rules, its roster, its blobs), with no sockets and no clock of their own; each refusal is
a ``p.BusError`` carrying the reason code the sender gets in its NACK (see PROTOCOL.md, "Reason codes").

The hub applies them in two steps around its resend check (``pipeline.Pipeline.resend``):

1. ``check_sender``: may this connection send this at all (envelope version, kind for the socket and
   the sender's role, source against the key's identity)? A resend is refused by these like a new event.
2. ``check_content``: is the event itself acceptable now (time window, service area, roster, attachments
   already uploaded)? Only new events are checked: a resend of a stored event is answered as stored even
   if, by now, its time has left the window.

Then the domain's rules (``projection.check``) decide between storing it and storing a refusal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import cast

import msgspec

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.area import Area, Skew
from dispatch_desktop.bus.keys import READ_ONLY_ROLES, Role
from dispatch_desktop.bus.plugin_policy import GENERIC_POLICY, PluginEventPolicy, check_well_formed
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import DrillInfo, Refusal
from dispatch_desktop.domain.taxonomy import code_problem

UNIT_REPORT_TYPES: frozenset[type[ev.Body]] = frozenset(ev.BODY_TYPES[k] for k in ev.UNIT_REPORT_KINDS)
COMMAND_TYPES: frozenset[type[ev.Body]] = frozenset({
    ev.IncidentCreated, ev.IncidentReclassified, ev.UnitDispatched, ev.UnitRecalled, ev.IncidentReferred,
    ev.IncidentClosed, ev.IncidentNote, ev.UnitStatusSet, ev.SosAcknowledged, ev.MessageSent,
    ev.CallAnswered, ev.CallClosed, ev.PluginEvent, ev.RecordExported, ev.DrillStarted, ev.DrillEnded,
    ev.DrillClockChanged, ev.SupervisionOrderIssued, ev.CameraStatus,
})
"""Bodies a dispatcher's or commander's desk may send; the others come from units, gateways or the hub.
(A plugin event's writers are the plugin's to say: ``check_plugin_event``; an export's fingerprint any
desk may record: ``READ_ONLY_EXCEPTIONS``.)"""
READ_ONLY_EXCEPTIONS: frozenset[type[ev.Body]] = frozenset({ev.RecordExported, ev.SupervisionOrderIssued})
"""Commands a read-only role (a supervisor) may send all the same: exporting an incident's record is a
supervisor's job, and the export's SHA-256 belongs in the log whoever made it; so is issuing the monthly
review's supervision order (督办令). Neither changes any state."""
LEADERS_ONLY_TYPES: frozenset[type[ev.Body]] = frozenset({ev.SupervisionOrderIssued})
"""Commands a supervisor's or a commander's desk may send, not a dispatcher's: a supervision order is the command
center's leadership speaking to a station."""
TELEPHONY_TYPES: frozenset[type[ev.Body]] = frozenset({ev.CallOffered, ev.CallEnded})
"""Bodies a telephony gateway (a workstation of role ``telephony``) may send, and no one else but, in drill
mode, the desk that started the running drill (its 110 calls: ``check_drill``)."""
DRILL_ONLY_TYPES: frozenset[type[ev.Body]] = frozenset({ev.UnitRegistered, ev.DrillClockChanged, ev.CameraStatus})
"""Commands a desk may send in drill mode only: a drill's simulated units join its roster (the live roster is
the hub's and the unit registry's), and its trainer's clock changes and dark cameras belong to the drill alone."""
TRAINER_ONLY_TYPES: frozenset[type[ev.Body]] = TELEPHONY_TYPES | {ev.DrillClockChanged, ev.CameraStatus}
"""In drill mode, sent by the running drill's trainer only (the desk that started it): its calls, its clock and
its cameras going dark."""
LIVE_ONLY_TYPES: frozenset[type[ev.Body]] = frozenset({ev.DrillStarted, ev.DrillEnded})
"""Sent in live mode only: every desk, live ones included, must learn that a drill starts or ends."""
WORKSTATION_BODY_TYPES = COMMAND_TYPES | TELEPHONY_TYPES | DRILL_ONLY_TYPES
"""Everything accepted on the workstation socket; which of it a sender may send depends on its role and,
for ``DRILL_ONLY_TYPES`` and ``LIVE_ONLY_TYPES``, on the envelope's mode."""
ORDER_BODIES = (ev.UnitDispatched, ev.UnitRecalled, ev.MessageSent)
"""Bodies that create an order for a unit (routed to it once stored)."""
_PLACED_BODIES = (ev.Position, ev.Sos, ev.IncidentCreated)  # their lat/lon must be in the service area
_ORDER_IDS: frozenset[type[ev.Body]] = frozenset({ev.UnitDispatched, ev.UnitRecalled})  # the hub fills in
_OrderBody = ev.UnitDispatched | ev.UnitRecalled  # their order id
_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")


@dataclass(frozen=True, slots=True)
class Channel:
    """One of the hub's two inbound sockets, as admission sees it: who sends there and what."""

    sender: str  # as a NACK names it: "field unit", "workstation"
    allowed: frozenset[type[ev.Body]]
    by_role: bool  # does the sender's role (dispatcher, supervisor, telephony…) narrow what it may send?


FIELD = Channel("field unit", UNIT_REPORT_TYPES, by_role=False)
WORKSTATION = Channel("workstation", WORKSTATION_BODY_TYPES, by_role=True)


def check_source(identity: str, source: str) -> None:
    """A keyed connection speaks for its key's name only (``identity`` is empty without keys)."""
    if identity and source != identity:
        raise p.BusError("wrong_source", identity=identity, source=source)


def check_sender(event: ev.Envelope, channel: Channel, identity: str, role: Role | None,
                 plugins: PluginEventPolicy = GENERIC_POLICY) -> None:
    """May the connection with this key ``identity`` and ``role`` send ``event`` on ``channel``? For a
    plugin event, ``plugins`` says who may write it and what it holds (``check_plugin_event``)."""
    if event.v != ev.ENVELOPE_VERSION:
        raise p.BusError("bad_version", version=event.v, expected=ev.ENVELOPE_VERSION)
    body_type = type(event.body)
    if body_type not in channel.allowed:
        raise p.BusError("kind_not_allowed", sender=channel.sender, kind=event.kind)
    check_source(identity, event.source)
    if channel.by_role:
        if body_type is ev.PluginEvent:
            check_plugin_event(cast(ev.PluginEvent, event.body), role, plugins)
            return
        if role in READ_ONLY_ROLES and body_type not in READ_ONLY_EXCEPTIONS:
            raise p.BusError("read_only", identity=event.source, role=role)
        if body_type in LEADERS_ONLY_TYPES and role not in (Role.SUPERVISOR, Role.COMMANDER, None):
            raise p.BusError("kind_not_allowed", sender=f"{role} workstation", kind=event.kind)
        if body_type in LEADERS_ONLY_TYPES and event.mode is not Mode.LIVE:  # a drill issues no real order
            raise p.BusError("kind_not_allowed", sender="drill workstation", kind=event.kind)
        # A gateway speaks for the telephone network only, and only a gateway does; but a drill's calls are
        # rung by the drill's trainer, in drill mode (``check_drill`` then requires the desk that started it).
        telephony = body_type in TELEPHONY_TYPES
        if telephony != (role is Role.TELEPHONY) and not (telephony and event.mode is Mode.DRILL):
            raise p.BusError("kind_not_allowed", sender=f"{role or 'unknown'} workstation", kind=event.kind)
        if body_type in DRILL_ONLY_TYPES and event.mode is not Mode.DRILL:
            raise p.BusError("kind_not_allowed", sender="live workstation", kind=event.kind)
        if body_type in LIVE_ONLY_TYPES and event.mode is not Mode.LIVE:
            raise p.BusError("drill_live_only", kind=event.kind)


_UNIT_COMMANDS = (ev.UnitDispatched, ev.UnitRecalled, ev.MessageSent, ev.UnitStatusSet, ev.SosAcknowledged,
                  ev.UnitRegistered)
"""Commands about one unit (``body.unit``): in drill mode, that unit must take part in the drill."""


def check_drill(event: ev.Envelope, drill: DrillInfo | None) -> None:
    """May a drill-mode ``event`` go to the running ``drill`` (None: none runs)? Every drill event belongs
    to the running drill, and a drill reaches only its own units: a unit's report in drill mode must come
    from one, a command about a unit must name one (so a drill order never reaches any other unit). The
    drill's calls (``call_offered``, ``call_ended``) and its clock (``drill_clock``, naming the running drill)
    come from the desk that started it, its trainer."""
    if drill is None:
        raise p.BusError("no_drill", kind=event.kind)
    body = event.body
    if type(body) in TRAINER_ONLY_TYPES and event.source != drill.source:
        # The drill's 110 calls come from its trainer's desk alone (a real gateway's calls are live ones), and
        # so does its clock: another desk's pause would make the report score the drill on a clock it never ran.
        raise p.BusError("kind_not_allowed", sender="workstation other than the drill's trainer", kind=event.kind)
    if type(body) is ev.DrillClockChanged:
        named = body.drill
        if named != drill.drill:
            raise p.BusError("bad_field", detail=f"drill_clock names drill {named}, but drill {drill.drill} runs")
    if type(body) in UNIT_REPORT_TYPES:
        unit = event.source
    elif isinstance(body, _UNIT_COMMANDS):
        unit = body.unit
    else:
        unit = ""
    if unit and not drill.takes_part(unit):
        raise p.BusError("not_enrolled", unit=unit, drill=drill.drill)


def check_plugin_event(body: ev.PluginEvent, role: Role | None, plugins: PluginEventPolicy) -> None:
    """The generic rules, whoever knows the plugin (well-formed data; never from a telephony gateway),
    then the rules of ``plugins`` if it knows the plugin, else the generic ones (``plugin_policy``)."""
    if role is Role.TELEPHONY:
        raise p.BusError("kind_not_allowed", sender=f"{role} workstation", kind=body.kind)
    check_well_formed(body)
    (plugins if plugins.knows(body.plugin) else GENERIC_POLICY).check(body, role)


def stamp(event: ev.Envelope, now: int) -> ev.Envelope:
    """Stamp the hub's receive time; give dispatches and recalls an order id if they lack one."""
    body = event.body
    # A type test, not isinstance: this runs for every report, and isinstance against a msgspec Struct
    # class goes through its metaclass, some 70 ns per class that does not match (bench/hub_loop.py).
    if type(body) in _ORDER_IDS and not cast(_OrderBody, body).order:
        body = msgspec.structs.replace(body, order=f"{event.source}:{event.seq}")
        return msgspec.structs.replace(event, body=body, t_hub=now)
    return msgspec.structs.replace(event, t_hub=now)


def check_content(event: ev.Envelope, now: int, skew: Skew, area: Area, roster: Container[str],
                  has_blob: Callable[[str, int], bool]) -> None:
    """Is a new event acceptable at hub time ``now`` (ms): its time within ``skew`` of it, its place in
    ``area``, its unit (for a unit report) on the ``roster``, its codes in the published taxonomy, its
    attachments uploaded (``has_blob``)?"""
    t_src = event.t_src
    if t_src > now + skew.future_ms:
        raise p.BusError("time_future", skew_s=(t_src - now) // 1000, limit_s=skew.future_ms // 1000)
    if t_src < now - skew.past_ms:
        raise p.BusError("time_past", skew_s=(now - t_src) // 1000, limit_s=skew.past_ms // 1000)
    body = event.body
    body_type = type(body)
    if isinstance(body, _PLACED_BODIES) and not area.contains(body.lat, body.lon):
        raise p.BusError("outside_area", lat=body.lat, lon=body.lon)
    if body_type in UNIT_REPORT_TYPES and event.source not in roster:
        raise p.BusError("not_on_roster", unit=event.source)
    if body_type is ev.Position:  # nearly every event, and it has neither a call's place nor attachments
        return
    unknown = code_problem(body)  # an incident's type, district, station and department
    if unknown is not None:
        raise p.BusError("unknown_code", field=unknown.field, value=unknown.value)
    located = body.location if isinstance(body, ev.CallOffered) else None
    if located is not None and not area.contains(located.lat, located.lon):
        raise p.BusError("outside_area", lat=located.lat, lon=located.lon)
    for attachment in getattr(body, "attachments", ()):
        if not has_blob(attachment.sha256, attachment.size):
            raise p.BusError("attachment_missing", sha256=attachment.sha256, size=attachment.size)


def refused(event: ev.Envelope, refusal: Refusal) -> ev.Envelope:
    """The event as stored when the domain refuses it: a ``Refused`` body naming what it was about."""
    target = ""
    for attribute in ("incident", "unit", "order", "call"):
        target = getattr(event.body, attribute, "") or ""
        if target:
            break
    body = ev.Refused(refused_kind=event.kind, code=refusal.code, message=refusal.message,
                      target=target, params=dict(refusal.params))
    return msgspec.structs.replace(event, body=body)


def same(stored: ev.Envelope, event: ev.Envelope) -> bool:
    """Is ``event`` an exact resend of ``stored`` (as stored: a refusal keeps the time and kind only)?"""
    if stored.t_src != event.t_src or stored.mode != event.mode:
        return False
    if isinstance(stored.body, ev.Refused) and not isinstance(event.body, ev.Refused):
        return stored.body.refused_kind == event.kind
    return stored.body == event.body


def nack_source(source: str) -> str:
    """``source`` if it is a well-formed id that a NACK may echo back, else empty."""
    return source if not source or _ID.match(source) else ""


_lenient = msgspec.msgpack.Decoder()


def best_effort_ids(frames: list[bytes], offset: int) -> tuple[str, int]:
    """(source, seq) of a message that failed validation, if they can be read, so that the sender can
    match the NACK to what it sent. ``offset``: where the payload starts (after header and signature)."""
    if len(frames) != 1 or len(frames[0]) <= offset:
        return "", 0
    try:
        data = _lenient.decode(frames[0][offset:])
    except (msgspec.DecodeError, ValueError, RecursionError):  # ValueError: invalid UTF-8
        return "", 0
    if not isinstance(data, dict):
        return "", 0
    source, seq = data.get("source"), data.get("seq")
    if not isinstance(source, str) or not isinstance(seq, int) or isinstance(seq, bool):
        return "", 0
    return source, seq if 0 < seq < 2**63 else 0
