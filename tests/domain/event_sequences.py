"""Hypothesis strategies that produce plausible event logs: a few units, incidents and 110 calls going
through their lives, with the odd illegal step a real log also contains (a second dispatcher
grabbing a busy unit, a late arrival report, a desk settling a call another desk answered…)."""

from __future__ import annotations

import msgspec
from hypothesis import strategies as st

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, IncidentOrigin, Mode, UnitKind, UnitStatus

UNITS = ("P-0001", "P-0002", "P-0003", "R-0001")
INCIDENTS = ("J-1", "J-2", "J-3", "J-4")
T0 = 1_763_780_000_000

ACTIONS = (
    "register", "on_duty", "off_duty", "unavailable", "create", "dispatch", "ack", "arrive", "clear",
    "recall", "close", "refer", "note", "position", "sos", "sos_ack", "message", "delivered",
    "reclassify", "field_record", "offer", "answer", "hang_up", "close_call", "create_from_call", "plugin",
)
GATEWAY = "gw-110"
CALL_ACTIONS = ("offer", "offer", "answer", "answer", "hang_up", "close_call", "create_from_call", "note",
                "dispatch", "position")
"""Mostly calls: with every kind equally likely, a call is seldom offered, answered and settled in one log."""


def _body(action: str, unit: str, incident: str, n: int) -> tuple[str, ev.Body]:
    """The body for one step and who sends it (a unit reports as itself; commands come from a
    workstation)."""
    ws = "ws-1" if n % 2 else "ws-2"
    call = f"C-{incident}"  # one call per incident slot: offers, answers and settlements meet often
    operator = f"operator {n % 3}"
    match action:
        case "register":
            kind = UnitKind.RAPID_RESPONSE if unit.startswith("R") else UnitKind.PATROL_GROUP
            return "hub", ev.UnitRegistered(unit=unit, unit_kind=kind, station="S-1", name=unit)
        case "on_duty":
            return unit, ev.StatusReport(status=UnitStatus.AVAILABLE)
        case "off_duty":
            return ws, ev.UnitStatusSet(unit=unit, status=UnitStatus.OFF_DUTY, reason="shift end")
        case "unavailable":
            return unit, ev.StatusReport(status=UnitStatus.UNAVAILABLE, note="meal")
        case "create":
            return ws, ev.IncidentCreated(
                incident=incident, call_time=T0 + n, caller_number="13800000000", lat=23.1 + n % 7 / 100,
                lon=113.3, address="天河路 1 号", district="440106", station="S-1", incident_type="theft",
                priority=1 + n % 4, category=Category.POLICE if n % 3 else Category.NON_POLICE,
            )
        case "dispatch":
            return ws, ev.UnitDispatched(incident=incident, unit=unit, order=f"o-{n}")
        case "ack":
            return unit, ev.DispatchAck(incident=incident)
        case "arrive":
            return unit, ev.Arrival(incident=incident)
        case "clear":
            return unit, ev.Clearance(incident=incident, result="resolved")
        case "recall":
            return ws, ev.UnitRecalled(incident=incident, unit=unit, reason="needed elsewhere", order=f"r-{n}")
        case "close":
            return ws, ev.IncidentClosed(incident=incident, disposition="resolved")
        case "refer":
            return ws, ev.IncidentReferred(incident=incident, department="城管", reason="not police business")
        case "note":
            return ws, ev.IncidentNote(incident=incident, text=f"note {n}", operator=operator)
        case "position":
            return unit, ev.Position(lat=23.0 + (n % 50) / 100, lon=113.2 + (n % 30) / 100,
                                     heading=float(n % 360), speed=float(n % 20))
        case "sos":
            return unit, ev.Sos(lat=23.12, lon=113.31)
        case "sos_ack":
            return ws, ev.SosAcknowledged(unit=unit)
        case "message":
            return ws, ev.MessageSent(unit=unit, order=f"m-{n}", text="call the desk")
        case "delivered":
            return "hub", ev.OrderDelivered(order=f"o-{n - 1}", unit=unit)
        case "reclassify":
            return ws, ev.IncidentReclassified(incident=incident, incident_type="robbery", priority=1,
                                               category=Category.POLICE, reason="weapon seen")
        case "field_record":
            return unit, ev.FieldRecord(record=ev.FieldRecordKind.SCENE_SURVEY, record_id=f"fr-{n}",
                                        incident=incident, fields={"witnesses": "2"})
        case "offer":
            located = ev.CallLocation(lat=23.1 + n % 9 / 100, lon=113.3, accuracy_m=n % 1500, method="cell")
            return GATEWAY, ev.CallOffered(call=call, number=f"139{n:08d}", location=located if n % 3 else None)
        case "answer":
            return ws, ev.CallAnswered(call=call, operator=operator)
        case "hang_up":
            return GATEWAY, ev.CallEnded(call=call, reason="abandoned" if n % 2 else "hangup")
        case "close_call":
            return ws, ev.CallClosed(call=call, disposition="advice_given", operator=operator)
        case "plugin":  # a plugin's own fact: replays, keyframes and fast replay must all leave it out
            data = msgspec.msgpack.encode({"entry": n, "unit": unit})
            return ws, ev.PluginEvent(plugin="shift_log", name="entry_added", data=data, incident=incident)
        case "create_from_call":
            source, created = _body("create", unit, incident, n)
            return source, msgspec.structs.replace(created, call=call, origin=IncidentOrigin.CALL, operator=operator)
    raise AssertionError(action)


@st.composite
def event_logs(draw: st.DrawFn, max_size: int = 120, actions: tuple[str, ...] = ACTIONS) -> list[ev.Envelope]:
    steps = draw(st.lists(
        st.tuples(st.sampled_from(actions), st.sampled_from(UNITS), st.sampled_from(INCIDENTS),
                  st.integers(0, 5_000), st.booleans()),
        max_size=max_size,
    ))
    # Every log starts the way a real one does: the roster is registered and on duty.
    prologue = [("register", u, INCIDENTS[0], 0, False) for u in UNITS]
    prologue += [("on_duty", u, INCIDENTS[0], 0, False) for u in UNITS]
    seqs: dict[str, int] = {}
    log: list[ev.Envelope] = []
    time = T0
    for n, (action, unit, incident, gap, drill) in enumerate([*prologue, *steps]):
        source, body = _body(action, unit, incident, n)
        seqs[source] = seqs.get(source, 0) + 1
        time += gap
        mode = Mode.DRILL if drill and n % 5 == 0 else Mode.LIVE
        log.append(ev.envelope(source, seqs[source], body, t_src=time, t_hub=time + 3, mode=mode))
    return log


def mixed_logs(max_size: int = 120) -> st.SearchStrategy[list[ev.Envelope]]:
    """Logs of every kind, half of them busy with calls."""
    return st.one_of(event_logs(max_size), event_logs(max_size, actions=CALL_ACTIONS))
