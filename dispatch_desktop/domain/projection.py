"""``apply(state, event)``: the pure, deterministic fold from the event log to the city's state.

Each event kind has a transition that either returns the new state or a ``Refusal``. ``apply`` never
raises for a rule violation: it records the refusal in the state (so a replay shows it too) and leaves
everything else untouched. ``check`` runs the same transition without recording anything, which is
how the hub decides whether to accept a command before storing it.

Mode: a live state ignores drill events; a drill state applies both, because drills run on top of
the real city (real units, real positions) with incidents of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentStatus, Mode, OrderKind, UnitStatus
from dispatch_desktop.domain.reasons import SUMMARIES, refusal
from dispatch_desktop.domain.rules import MANUAL_UNIT_TRANSITIONS, TERMINAL_INCIDENT_STATUSES
from dispatch_desktop.domain.state import (
    REFUSALS_KEPT,
    REFUSED_LINES_PER_INCIDENT,
    Call,
    DrillInfo,
    Incident,
    PendingOrder,
    Refusal,
    RefusalRecord,
    State,
    TimelineEntry,
    Unit,
)

_replace = msgspec.structs.replace
Outcome = State | Refusal
_B = TypeVar("_B", bound=ev.Body)
# A transition takes the body of its own kind; the table holds them all, so its values take any body, and
# `_transition` is where the checker sees that each one is filed under the kind it takes.
_AnyTransition = Callable[[State, ev.Envelope, Any], Outcome]


def _transition(kind: type[_B], transition: Callable[[State, ev.Envelope, _B], Outcome]) -> tuple[
        type[ev.Body], _AnyTransition]:
    return kind, transition


def apply(state: State, event: ev.Envelope) -> State:
    """Fold one event into the state. Pure: the input state is never modified."""
    if event.mode is Mode.DRILL and state.mode is Mode.LIVE:
        return state
    outcome = _TRANSITIONS[type(event.body)](state, event, event.body)
    if isinstance(outcome, Refusal):
        outcome = _record_refusal(state, event, event.kind, outcome, _target_of(event.body))
    return _replace(outcome, time=max(outcome.time, event.time), applied=outcome.applied + 1)


def apply_all(state: State, events: Iterable[ev.Envelope]) -> State:
    for event in events:
        state = apply(state, event)
    return state


def check(state: State, event: ev.Envelope) -> Refusal | None:
    """Would this event be accepted? Returns the refusal if not. Does not change anything."""
    outcome = _TRANSITIONS[type(event.body)](state, event, event.body)
    return outcome if isinstance(outcome, Refusal) else None


# --- helpers --------------------------------------------------------------------------------------


def _target_of(body: ev.Body) -> str:
    for attribute in ("incident", "unit", "order", "call"):
        value = getattr(body, attribute, "")
        if value:
            return value
    return ""


def _record_refusal(
    state: State, event: ev.Envelope, refused_kind: str, reason: Refusal, target: str
) -> State:
    record = RefusalRecord(
        time=event.time,
        source=event.source,
        seq=event.seq,
        refused_kind=refused_kind,
        code=reason.code,
        message=reason.message,
        target=target,
    )
    incidents = state.incidents
    incident = incidents.get(target)
    if incident is not None and _refused_lines(incident) < REFUSED_LINES_PER_INCIDENT:
        # Unsigned: the hub stores a refused command as a ``refused`` event, which does not say who tried.
        entry = TimelineEntry(time=event.time, kind="refused", source=event.source, text=reason.message)
        incidents = incidents.set(target, _noted(incident, entry))
    return _replace(
        state,
        refusals=(*state.refusals, record)[-REFUSALS_KEPT:],
        refusal_count=state.refusal_count + 1,
        incidents=incidents,
    )


def _refused_lines(incident: Incident) -> int:
    return sum(1 for entry in incident.timeline if entry.kind == "refused")


def _note(incident: Incident, event: ev.Envelope, kind: str, *, unit: str = "", text: str = "") -> Incident:
    """The incident with one more timeline line; a workstation's command signs it with its ``operator``."""
    entry = TimelineEntry(time=event.time, kind=kind, source=event.source, unit=unit, text=text,
                          operator=getattr(event.body, "operator", ""))
    return _noted(incident, entry)


def _noted(incident: Incident, entry: TimelineEntry) -> Incident:
    return _replace(incident, timeline=(*incident.timeline, entry))


def _unit(state: State, unit_id: str) -> Unit | Refusal:
    unit = state.units.get(unit_id)
    return unit if unit is not None else refusal("unknown_unit", unit=unit_id)


def _incident(state: State, incident_id: str) -> Incident | Refusal:
    incident = state.incidents.get(incident_id)
    return incident if incident is not None else refusal("unknown_incident", incident=incident_id)


def _open_incident(state: State, incident_id: str) -> Incident | Refusal:
    incident = _incident(state, incident_id)
    if isinstance(incident, Incident) and incident.status in TERMINAL_INCIDENT_STATUSES:
        return refusal("incident_closed", incident=incident_id, status=incident.status.value)
    return incident


def _call(state: State, call_id: str) -> Call | Refusal:
    call = state.calls.get(call_id)
    return call if call is not None else refusal("unknown_call", call=call_id)


def _call_answered_here(state: State, event: ev.Envelope, call_id: str) -> Call | Refusal:
    """The call, if the sending workstation is the one that answered it: only that desk may settle it."""
    call = _call(state, call_id)
    if isinstance(call, Call) and call.answered_by != event.source:
        return refusal("call_not_yours", call=call_id)
    return call


def _with(state: State, *, unit: Unit | None = None, incident: Incident | None = None) -> State:
    changes: dict[str, object] = {}
    if unit is not None:
        changes["units"] = state.units.set(unit.id, unit)
    if incident is not None:
        changes["incidents"] = state.incidents.set(incident.id, incident)
    return _replace(state, **changes)


def _release_units(state: State, incident: Incident, unit_ids: Iterable[str]) -> State:
    units = state.units
    for unit_id in unit_ids:
        unit = units.get(unit_id)
        if unit is not None and unit.incident == incident.id:
            units = units.set(unit_id, _replace(unit, status=UnitStatus.AVAILABLE, incident=""))
    return _replace(state, units=units)


def _add_order(state: State, event: ev.Envelope, order: str, unit: str, kind: OrderKind,
               incident: str, text: str) -> State:
    if not order:
        return state
    pending = PendingOrder(order=order, unit=unit, kind=kind.value, incident=incident, text=text,
                           time=event.time, mode=event.mode)
    return _replace(state, orders=state.orders.set(order, pending))


# --- field-unit reports ---------------------------------------------------------------------------


def report_time(t_src: int, t_hub: int) -> int:
    """When a unit's report counts as made, for "the newest fix wins": its source time, but never
    later than the hub received it. A handset whose clock runs ahead would otherwise hold the map at
    its future fix, ignoring every correct one until real time caught up (up to the hub's 10-minute
    window); counted at the hub's time, the next fix after the clock is put right wins at once.
    ``t_hub`` is 0 only before the hub has stamped the event."""
    return t_src if not t_hub or t_src <= t_hub else t_hub


def _latest_report(unit: Unit, event: ev.Envelope) -> int:
    return max(unit.last_report, report_time(event.t_src, event.t_hub))


def _position(state: State, event: ev.Envelope, body: ev.Position) -> Outcome:
    unit = _unit(state, event.source)
    if isinstance(unit, Refusal):
        return unit
    made = report_time(event.t_src, event.t_hub)
    if made < unit.last_report:
        return state  # a late, out-of-order fix: the newer one already stands
    moved = _replace(unit, lat=body.lat, lon=body.lon, heading=body.heading, speed=body.speed,
                     last_report=made)
    return _replace(state, units=state.units.set(moved.id, moved))


def _set_status(state: State, event: ev.Envelope, unit_id: str, status: UnitStatus) -> Outcome:
    unit = _unit(state, unit_id)
    if isinstance(unit, Refusal):
        return unit
    if status is unit.status:
        return state
    if unit.incident:
        return refusal("unit_busy_on_incident", unit=unit.id, incident=unit.incident)
    if status not in MANUAL_UNIT_TRANSITIONS.get(unit.status, frozenset()):
        if status in (UnitStatus.DISPATCHED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE):
            return refusal("status_needs_dispatch_flow", unit=unit.id, status=status.value)
        return refusal("illegal_unit_transition", unit=unit.id, from_status=unit.status.value,
                       to_status=status.value)
    # Only the unit's own report says it was heard from: a desk setting its status does not make a silent
    # unit look fresh on the map and in the recommendations.
    heard = _latest_report(unit, event) if event.source == unit.id else unit.last_report
    return _with(state, unit=_replace(unit, status=status, last_report=heard))


def _status_report(state: State, event: ev.Envelope, body: ev.StatusReport) -> Outcome:
    return _set_status(state, event, event.source, body.status)


def _unit_status_set(state: State, event: ev.Envelope, body: ev.UnitStatusSet) -> Outcome:
    return _set_status(state, event, body.unit, body.status)


def _assigned_pair(state: State, unit_id: str, incident_id: str) -> tuple[Unit, Incident] | Refusal:
    unit = _unit(state, unit_id)
    if isinstance(unit, Refusal):
        return unit
    incident = _open_incident(state, incident_id)
    if isinstance(incident, Refusal):
        return incident
    if unit.incident != incident.id:
        return refusal("unit_not_assigned", unit=unit.id, incident=incident.id)
    return unit, incident


def _dispatch_ack(state: State, event: ev.Envelope, body: ev.DispatchAck) -> Outcome:
    pair = _assigned_pair(state, event.source, body.incident)
    if isinstance(pair, Refusal):
        return pair
    unit, incident = pair
    if unit.status is not UnitStatus.DISPATCHED:
        return refusal("unit_not_dispatched", unit=unit.id, status=unit.status.value)
    state = _with(state, unit=_replace(unit, status=UnitStatus.EN_ROUTE),
                  incident=_note(incident, event, "dispatch_ack", unit=unit.id))
    return _replace(state, orders=state.orders.delete(body.order)) if body.order in state.orders else state


def _arrival(state: State, event: ev.Envelope, body: ev.Arrival) -> Outcome:
    pair = _assigned_pair(state, event.source, body.incident)
    if isinstance(pair, Refusal):
        return pair
    unit, incident = pair
    # An arrival without an acknowledgement implies one: the unit is plainly there.
    if unit.status not in (UnitStatus.DISPATCHED, UnitStatus.EN_ROUTE):
        return refusal("unit_not_en_route", unit=unit.id, status=unit.status.value, incident=incident.id)
    incident = _replace(
        _note(incident, event, "arrival", unit=unit.id),
        status=IncidentStatus.ON_SCENE,
        arrived_at=incident.arrived_at or event.time,
    )
    return _with(state, unit=_replace(unit, status=UnitStatus.ON_SCENE), incident=incident)


def _clearance(state: State, event: ev.Envelope, body: ev.Clearance) -> Outcome:
    pair = _assigned_pair(state, event.source, body.incident)
    if isinstance(pair, Refusal):
        return pair
    unit, incident = pair
    if unit.status is not UnitStatus.ON_SCENE:
        return refusal("unit_not_on_scene", unit=unit.id, status=unit.status.value, incident=incident.id)
    text = " — ".join(part for part in (body.result, body.summary) if part)
    cleared = _replace(
        _note(incident, event, "clearance", unit=unit.id, text=text),
        status=IncidentStatus.CLEARED,
        cleared_at=event.time,
        units=(),
        disposition=body.result or incident.disposition,
    )
    state = _release_units(state, incident, incident.units)
    return _with(state, incident=cleared)


def _field_record(state: State, event: ev.Envelope, body: ev.FieldRecord) -> Outcome:
    unit = _unit(state, event.source)
    if isinstance(unit, Refusal):
        return unit
    unit = _replace(unit, last_report=_latest_report(unit, event))
    if not body.incident:
        return _with(state, unit=unit)
    incident = _incident(state, body.incident)
    if isinstance(incident, Refusal):
        return incident
    text = f"{body.record.value} {body.record_id}" + (f" ({len(body.attachments)})" if body.attachments else "")
    return _with(state, unit=unit, incident=_note(incident, event, "field_record", unit=unit.id, text=text))


def _sos(state: State, event: ev.Envelope, body: ev.Sos) -> Outcome:
    unit = _unit(state, event.source)
    if isinstance(unit, Refusal):
        return unit
    return _with(state, unit=_replace(unit, sos=True, lat=body.lat, lon=body.lon,
                                      last_report=_latest_report(unit, event)))


# --- workstation commands -------------------------------------------------------------------------


def _unit_registered(state: State, event: ev.Envelope, body: ev.UnitRegistered) -> Outcome:
    existing = state.units.get(body.unit)
    if existing is None:
        unit = Unit(id=body.unit, kind=body.unit_kind, station=body.station, name=body.name,
                    members=body.members, lat=body.lat, lon=body.lon)
    else:  # a re-registration updates the roster details and keeps what the unit is doing
        unit = _replace(existing, kind=body.unit_kind, station=body.station, name=body.name,
                        members=body.members)
    return _with(state, unit=unit)


def _incident_created(state: State, event: ev.Envelope, body: ev.IncidentCreated) -> Outcome:
    if body.incident in state.incidents:
        return refusal("incident_exists", incident=body.incident)
    if body.duplicate_of and body.duplicate_of not in state.incidents:
        return refusal("duplicate_of_unknown", incident=body.incident, duplicate_of=body.duplicate_of)
    if body.call:
        call = _call_answered_here(state, event, body.call)
        if isinstance(call, Refusal):
            return call
        state = _replace(state, calls=state.calls.delete(call.id))  # dealt with: it is an incident now
    incident = Incident(
        id=body.incident, call_time=body.call_time, caller_number=body.caller_number, lat=body.lat,
        lon=body.lon, address=body.address, district=body.district, station=body.station,
        incident_type=body.incident_type, priority=body.priority, category=body.category,
        department=body.department, caller_name=body.caller_name, description=body.description,
        duplicate_of=body.duplicate_of, created_at=event.time, origin=body.origin, call=body.call,
        simulated=body.simulated, created_by=body.operator,
        drill=state.drill.drill if event.mode is Mode.DRILL and state.drill is not None else "",
    )
    return _with(state, incident=_note(incident, event, "incident_created", text=body.description))


def _incident_reclassified(state: State, event: ev.Envelope, body: ev.IncidentReclassified) -> Outcome:
    incident = _open_incident(state, body.incident)
    if isinstance(incident, Refusal):
        return incident
    changed = _replace(
        _note(incident, event, "incident_reclassified",
              text=f"{body.incident_type} P{body.priority} {body.reason}".strip()),
        incident_type=body.incident_type, priority=body.priority, category=body.category,
        department=body.department,
    )
    return _with(state, incident=changed)


def _unit_dispatched(state: State, event: ev.Envelope, body: ev.UnitDispatched) -> Outcome:
    unit = _unit(state, body.unit)
    if isinstance(unit, Refusal):
        return unit
    incident = _open_incident(state, body.incident)
    if isinstance(incident, Refusal):
        return incident
    if incident.status is IncidentStatus.CLEARED:
        return refusal("illegal_incident_transition", incident=incident.id,
                       from_status=incident.status.value, to_status=IncidentStatus.DISPATCHED.value)
    if unit.incident:
        return refusal("unit_already_assigned", unit=unit.id, incident=unit.incident)
    if unit.status is not UnitStatus.AVAILABLE:
        return refusal("unit_not_available", unit=unit.id, status=unit.status.value)
    status = IncidentStatus.ON_SCENE if incident.status is IncidentStatus.ON_SCENE else IncidentStatus.DISPATCHED
    incident = _replace(
        _note(incident, event, "unit_dispatched", unit=unit.id),
        status=status,
        units=(*incident.units, unit.id),
        dispatched_at=incident.dispatched_at or event.time,
    )
    state = _with(state, unit=_replace(unit, status=UnitStatus.DISPATCHED, incident=incident.id),
                  incident=incident)
    return _add_order(state, event, body.order, unit.id, OrderKind.DISPATCH, incident.id, incident.address)


def _unit_recalled(state: State, event: ev.Envelope, body: ev.UnitRecalled) -> Outcome:
    pair = _assigned_pair(state, body.unit, body.incident)
    if isinstance(pair, Refusal):
        return pair
    unit, incident = pair
    remaining = tuple(u for u in incident.units if u != unit.id)
    status = incident.status if remaining else IncidentStatus.NEW
    incident = _replace(_note(incident, event, "unit_recalled", unit=unit.id, text=body.reason),
                        units=remaining, status=status)
    state = _with(state, unit=_replace(unit, status=UnitStatus.AVAILABLE, incident=""), incident=incident)
    # A dispatch order the unit never picked up is void once it is recalled.
    stale = [o.order for o in state.orders.values()
             if o.unit == unit.id and o.incident == incident.id and o.kind == OrderKind.DISPATCH]
    orders = state.orders
    for order in stale:
        orders = orders.delete(order)
    state = _replace(state, orders=orders)
    return _add_order(state, event, body.order, unit.id, OrderKind.RECALL, incident.id, body.reason)


def _incident_referred(state: State, event: ev.Envelope, body: ev.IncidentReferred) -> Outcome:
    incident = _open_incident(state, body.incident)
    if isinstance(incident, Refusal):
        return incident
    if incident.status is not IncidentStatus.NEW:
        return refusal("refer_needs_new", incident=incident.id, status=incident.status.value)
    referred = _replace(
        _note(incident, event, "incident_referred", text=f"{body.department}: {body.reason}"),
        status=IncidentStatus.REFERRED, department=body.department, closed_at=event.time,
        disposition="referred",
    )
    return _with(state, incident=referred)


def _incident_closed(state: State, event: ev.Envelope, body: ev.IncidentClosed) -> Outcome:
    incident = _incident(state, body.incident)
    if isinstance(incident, Refusal):
        return incident
    if incident.status is IncidentStatus.CLOSED:
        return refusal("incident_closed", incident=incident.id, status=incident.status.value)
    if incident.units:
        return refusal("units_still_assigned", incident=incident.id, units=", ".join(incident.units))
    closed = _replace(
        _note(incident, event, "incident_closed", text=f"{body.disposition} {body.reason}".strip()),
        status=IncidentStatus.CLOSED, closed_at=event.time, disposition=body.disposition,
    )
    return _with(state, incident=closed)


def _incident_note(state: State, event: ev.Envelope, body: ev.IncidentNote) -> Outcome:
    incident = _incident(state, body.incident)
    if isinstance(incident, Refusal):
        return incident
    text = body.text + (f" ({len(body.attachments)})" if body.attachments else "")
    return _with(state, incident=_note(incident, event, "incident_note", text=text))


def _sos_ack(state: State, event: ev.Envelope, body: ev.SosAcknowledged) -> Outcome:
    unit = _unit(state, body.unit)
    if isinstance(unit, Refusal):
        return unit
    if not unit.sos:
        return refusal("no_sos", unit=unit.id)
    return _with(state, unit=_replace(unit, sos=False))


def _message_sent(state: State, event: ev.Envelope, body: ev.MessageSent) -> Outcome:
    unit = _unit(state, body.unit)
    if isinstance(unit, Refusal):
        return unit
    return _add_order(state, event, body.order, unit.id, OrderKind.MESSAGE, "", body.text)


# --- 110 calls: offered and ended by a telephony gateway, answered and closed by a workstation ---------


def _call_offered(state: State, event: ev.Envelope, body: ev.CallOffered) -> Outcome:
    if body.call in state.calls:
        return refusal("call_exists", call=body.call)
    call = Call(id=body.call, number=body.number, line=body.line, location=body.location, address=body.address,
                simulated=body.simulated, source=event.source, offered_at=event.time)
    return _replace(state, calls=state.calls.set(call.id, call))


def _call_answered(state: State, event: ev.Envelope, body: ev.CallAnswered) -> Outcome:
    call = _call(state, body.call)
    if isinstance(call, Refusal):
        return call
    if call.answered_by == event.source:
        return state  # picked up twice at the same desk (a second click, a resend): still this desk's
    if call.answered_by:
        return refusal("call_taken", call=call.id, workstation=call.answered_by)
    answered = _replace(call, answered_by=event.source, operator=body.operator, answered_at=event.time)
    return _replace(state, calls=state.calls.set(call.id, answered))


def _call_ended(state: State, event: ev.Envelope, body: ev.CallEnded) -> Outcome:
    call = state.calls.get(body.call)
    if call is None or call.ended_at:
        # The gateway reports the line, not the desk's work: a caller often hangs up after the
        # call-taker has already entered or closed the call, and that is no error.
        return state
    if call.ringing:  # abandoned: nobody picked up, and there is no one left to pick up for
        return _replace(state, calls=state.calls.delete(call.id))
    ended = _replace(call, ended_at=event.time, end_reason=body.reason)
    return _replace(state, calls=state.calls.set(call.id, ended))


def _call_closed(state: State, event: ev.Envelope, body: ev.CallClosed) -> Outcome:
    call = _call_answered_here(state, event, body.call)
    if isinstance(call, Refusal):
        return call
    return _replace(state, calls=state.calls.delete(call.id))


# --- the hub's own events -------------------------------------------------------------------------


def _order_delivered(state: State, event: ev.Envelope, body: ev.OrderDelivered) -> Outcome:
    pending = state.orders.get(body.order)
    if pending is None or pending.unit != body.unit:
        return refusal("unknown_order", order=body.order, unit=body.unit)
    return _replace(state, orders=state.orders.delete(body.order))


def _refused(state: State, event: ev.Envelope, body: ev.Refused) -> Outcome:
    reason = Refusal(code=body.code, message=body.message, params=dict(body.params))
    return _record_refusal(state, event, body.refused_kind, reason, body.target)


def _refusals_suppressed(state: State, event: ev.Envelope, body: ev.RefusalsSuppressed) -> Outcome:
    """Refusals answered but not stored one by one: counted, and listed once with the refusals, so a desk
    sees that a unit keeps sending what the rules refuse."""
    code = "refusals_suppressed"
    record = RefusalRecord(time=event.time, source=event.source, seq=event.seq, refused_kind="", code=code,
                           message=SUMMARIES[code].format(count=body.count, unit=body.source), target=body.source)
    return _replace(state, refusals=(*state.refusals, record)[-REFUSALS_KEPT:],
                    refusal_count=state.refusal_count + body.count)


# --- plugins' own facts ----------------------------------------------------------------------------


def _plugin_event(state: State, event: ev.Envelope, body: ev.PluginEvent) -> Outcome:
    """A plugin's fact is the plugin's to fold (the desk hands it to the plugin's listeners): the state
    only counts it, as every event, and takes its time."""
    return state


def _record_exported(state: State, event: ev.Envelope, body: ev.RecordExported) -> Outcome:
    """An export's fingerprint is a fact for the record only: a program writing it straight into the store
    (``record.exported.record_directly``) relies on the state not depending on it."""
    return state


def _supervision_order_issued(state: State, event: ev.Envelope, body: ev.SupervisionOrderIssued) -> Outcome:
    """A supervision order is a fact for the record: the review reads the orders already issued from the log
    (``analytics.order.issued_orders``), so no desk's state has to keep a year of them."""
    return state


# --- drills: started and ended in live mode, so that every state knows which drill runs ---------------


def _drill_started(state: State, event: ev.Envelope, body: ev.DrillStarted) -> Outcome:
    if state.drill is not None:
        return refusal("drill_running", running=state.drill.drill, drill=body.drill)
    for unit_id in body.enrolled:
        unit = state.units.get(unit_id)
        if unit is None:
            return refusal("drill_unit_unknown", unit=unit_id, drill=body.drill)
        if unit.status is not UnitStatus.AVAILABLE or unit.incident:
            return refusal("drill_unit_not_available", unit=unit_id, status=unit.status.value, drill=body.drill)
    for unit_id in body.simulated:
        # A drill order goes to a simulated unit's id: were it a real unit's, a real handset would get it.
        if unit_id in state.units:
            return refusal("drill_unit_real", unit=unit_id, drill=body.drill)
    drill = DrillInfo(drill=body.drill, scenario=body.scenario, version=body.version, enrolled=body.enrolled,
                      simulated=body.simulated, operator=body.operator, started_at=event.time,
                      source=event.source, seq=event.seq)
    return _replace(state, drill=drill)


def _drill_ended(state: State, event: ev.Envelope, body: ev.DrillEnded) -> Outcome:
    if state.drill is None or state.drill.drill != body.drill:
        return refusal("drill_not_running", drill=body.drill)
    return _replace(state, drill=None)


def _drill_clock(state: State, event: ev.Envelope, body: ev.DrillClockChanged) -> Outcome:
    """The drill clock's pauses and warps are for the drill's report (drill time): no state holds them, and the
    hub checks at admission that they come from the running drill's trainer."""
    return state


def _camera_status(state: State, event: ev.Envelope, body: ev.CameraStatus) -> Outcome:
    """A drill's camera going dark (the hub admits it from the drill's trainer in drill mode only, so only a
    drill state ever holds one; it goes with the drill's state when the drill ends)."""
    if body.online:
        return _replace(state, cameras_dark=state.cameras_dark.delete(body.camera)) \
            if body.camera in state.cameras_dark else state
    if body.camera in state.cameras_dark:
        return state
    return _replace(state, cameras_dark=state.cameras_dark.set(body.camera, event.time))


_TRANSITIONS: dict[type[ev.Body], _AnyTransition] = dict([
    _transition(ev.Position, _position),
    _transition(ev.StatusReport, _status_report),
    _transition(ev.DispatchAck, _dispatch_ack),
    _transition(ev.Arrival, _arrival),
    _transition(ev.Clearance, _clearance),
    _transition(ev.FieldRecord, _field_record),
    _transition(ev.Sos, _sos),
    _transition(ev.UnitRegistered, _unit_registered),
    _transition(ev.IncidentCreated, _incident_created),
    _transition(ev.IncidentReclassified, _incident_reclassified),
    _transition(ev.UnitDispatched, _unit_dispatched),
    _transition(ev.UnitRecalled, _unit_recalled),
    _transition(ev.IncidentReferred, _incident_referred),
    _transition(ev.IncidentClosed, _incident_closed),
    _transition(ev.IncidentNote, _incident_note),
    _transition(ev.UnitStatusSet, _unit_status_set),
    _transition(ev.SosAcknowledged, _sos_ack),
    _transition(ev.MessageSent, _message_sent),
    _transition(ev.OrderDelivered, _order_delivered),
    _transition(ev.Refused, _refused),
    _transition(ev.CallOffered, _call_offered),
    _transition(ev.CallEnded, _call_ended),
    _transition(ev.CallAnswered, _call_answered),
    _transition(ev.CallClosed, _call_closed),
    _transition(ev.RefusalsSuppressed, _refusals_suppressed),
    _transition(ev.PluginEvent, _plugin_event),
    _transition(ev.RecordExported, _record_exported),
    _transition(ev.DrillStarted, _drill_started),
    _transition(ev.DrillEnded, _drill_ended),
    _transition(ev.DrillClockChanged, _drill_clock),
    _transition(ev.SupervisionOrderIssued, _supervision_order_issued),
    _transition(ev.CameraStatus, _camera_status),
])
assert set(_TRANSITIONS) == set(ev.BODY_TYPES.values()), "every event kind needs a transition"
