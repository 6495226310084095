"""Hypothesis strategies for event logs shaped like a dispatch centre's: a roster registered and on
duty, incidents going through their lives (interleaved, some only part-way, some referred, some
recalled, some drills, some taken from a 110 call; calls closed without one or abandoned while ringing),
units chattering positions and status, plus what a real log also holds:
illegal steps (a dispatcher grabbing a busy unit, an arrival for a closed incident…), resends of
events already sent, the hub's clock set back, an event the hub never stamped."""

from __future__ import annotations

import msgspec
from hypothesis import strategies as st

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, FieldRecordKind, Mode, UnitKind, UnitStatus
from tests.store.samples import T0

UNITS = ("P-0001", "P-0002", "P-0003", "T-0001")
KINDS = {"P": UnitKind.PATROL_GROUP, "T": UnitKind.TRAFFIC}

Step = tuple[str, ev.Body]  # (source, body); "ws" is replaced by a workstation id
GATEWAY = "gw-110"
DESK = "ws-1"  # the desk that answers a story's call, and so must settle it


def _call(incident: str, shape: str) -> list[Step]:
    """The telephone side of a story: the call rings, and is answered unless the caller gives up."""
    call = f"C-{incident}"
    offered = ev.CallOffered(call=call, number="13800138000", location=ev.CallLocation(
        lat=23.131, lon=113.331, accuracy_m=800, method="cell"))
    if shape == "abandoned":
        return [(GATEWAY, offered), (GATEWAY, ev.CallEnded(call=call, reason="abandoned"))]
    answered = [(GATEWAY, offered), (DESK, ev.CallAnswered(call=call, operator="李娜 010233"))]
    if shape == "call_closed":
        return [*answered, (GATEWAY, ev.CallEnded(call=call)),
                (DESK, ev.CallClosed(call=call, disposition="advice_given", operator="李娜 010233"))]
    return answered


def _story(incident: str, unit: str, shape: str, length: int) -> list[Step]:
    """One incident's life, cut short after ``length`` steps."""
    order = f"o-{incident}"
    created = ev.IncidentCreated(
        incident=incident, call_time=T0, caller_number="13800138000", lat=23.13, lon=113.33,
        address="天河路 385 号", district="440106", station="S-1", incident_type="theft", priority=2,
        category=Category.NON_POLICE if shape == "refer" else Category.POLICE, description="手机被抢",
    )
    if shape in ("abandoned", "call_closed"):
        return _call(incident, shape)[:length]
    if shape == "refer":
        return [("ws", created), ("ws", ev.IncidentReferred(incident=incident, department="城管",
                                                               reason="占道经营"))][:length]
    opening: list[Step] = [("ws", created)]
    if shape == "call":
        opening = [*_call(incident, shape), (DESK, msgspec.structs.replace(created, call=f"C-{incident}",
                                                                          operator="李娜 010233"))]
    steps: list[Step] = [*opening, ("ws", ev.UnitDispatched(incident=incident, unit=unit, order=order)),
                         ("hub", ev.OrderDelivered(order=order, unit=unit))]
    if shape == "recall":
        steps += [("ws", ev.UnitRecalled(incident=incident, unit=unit, reason="needed elsewhere")),
                  ("ws", ev.IncidentClosed(incident=incident, disposition="duplicate"))]
    else:
        steps += [
            (unit, ev.DispatchAck(incident=incident, order=order)),
            (unit, ev.Arrival(incident=incident)),
            (unit, ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY, record_id=f"fr-{incident}",
                                  incident=incident, fields={"证人": "2"})),
            ("ws", ev.IncidentNote(incident=incident, text="嫌疑人已控制")),
            (unit, ev.Clearance(incident=incident, result="arrested")),
            ("ws", ev.IncidentClosed(incident=incident, disposition="resolved")),
        ]
    return steps[:length]


def _noise(action: str, unit: str, incident: str, n: int) -> Step:
    """A step out of any story: legal or not depending on what happened before."""
    match action:
        case "position":
            return unit, ev.Position(lat=round(23.0 + n % 50 / 100, 6), lon=round(113.2 + n % 30 / 100, 6),
                                     heading=float(n % 360), speed=round(n % 17 * 0.7, 2))
        case "odd_position":
            return unit, ev.Position(lat=23.1 + 1 / (n + 3), lon=113.3 - 1 / (n + 7))
        case "unavailable":
            return unit, ev.StatusReport(status=UnitStatus.UNAVAILABLE, note="meal")
        case "available":
            return unit, ev.StatusReport(status=UnitStatus.AVAILABLE)
        case "off_duty":
            return "ws", ev.UnitStatusSet(unit=unit, status=UnitStatus.OFF_DUTY, reason="shift end")
        case "en_route_by_hand":
            return "ws", ev.UnitStatusSet(unit=unit, status=UnitStatus.EN_ROUTE)
        case "sos":
            return unit, ev.Sos(lat=23.12, lon=113.31, note="需要增援")
        case "sos_ack":
            return "ws", ev.SosAcknowledged(unit=unit)
        case "dispatch":
            return "ws", ev.UnitDispatched(incident=incident, unit=unit, order=f"x-{n}")
        case "arrive":
            return unit, ev.Arrival(incident=incident)
        case "clear":
            return unit, ev.Clearance(incident=incident)
        case "close":
            return "ws", ev.IncidentClosed(incident=incident, disposition="resolved")
        case "message":
            return "ws", ev.MessageSent(unit=unit, order=f"m-{n}", text="回所报到")
        case "delivered":
            return "hub", ev.OrderDelivered(order=f"m-{n - 1}", unit=unit)
        case "reclassify":
            return "ws", ev.IncidentReclassified(incident=incident, incident_type="robbery", priority=1,
                                                 category=Category.POLICE, reason="weapon seen")
        case "reregister":
            return "hub", ev.UnitRegistered(unit=unit, unit_kind=KINDS[unit[0]], station="S-2", name=unit)
        case "refused":
            return "hub", ev.Refused(refused_kind="unit_dispatched", code="unit_not_available",
                                     message=f"Unit {unit} is busy", target=unit, params={"unit": unit})
        case "suppressed":
            return "hub", ev.RefusalsSuppressed(source=unit, count=n % 7 + 1, codes={"not_assigned": n % 7 + 1},
                                                first=T0 + n, last=T0 + n + 500)
    raise AssertionError(action)


NOISE = ("position", "position", "position", "odd_position", "unavailable", "available", "off_duty",
         "en_route_by_hand", "sos", "sos_ack", "dispatch", "arrive", "clear", "close", "message",
         "delivered", "reclassify", "reregister", "refused", "suppressed")


@st.composite
def event_logs(draw: st.DrawFn) -> list[ev.Envelope]:
    """A log as appended: may contain resends (the same envelope twice)."""
    units = UNITS[: draw(st.integers(1, len(UNITS)))]
    chains: list[tuple[Mode, list[Step]]] = []
    for number in range(1, draw(st.integers(0, 5)) + 1):
        drill = draw(st.booleans()) and draw(st.booleans())
        incident = f"{'D' if drill else 'J'}-{number}"
        shape = draw(st.sampled_from(("full", "full", "recall", "refer", "call", "call_closed", "abandoned")))
        story = _story(incident, draw(st.sampled_from(units)), shape, draw(st.integers(1, 9)))
        chains.append((Mode.DRILL if drill else Mode.LIVE, story))
    incidents = [f"J-{n}" for n in range(1, 7)]
    noise = draw(st.lists(st.tuples(st.sampled_from(NOISE), st.sampled_from(units), st.sampled_from(incidents)),
                          max_size=30))
    chains.append((Mode.LIVE, [_noise(action, unit, incident, n) for n, (action, unit, incident) in
                               enumerate(noise)]))
    # Interleave the chains as the day does, keeping each one's own order.
    schedule = draw(st.lists(st.integers(0, len(chains) - 1), max_size=120))
    positions = [0] * len(chains)
    merged: list[tuple[Mode, Step]] = []
    for pick in [*schedule, *[i for i, (_m, steps) in enumerate(chains) for _ in steps]]:
        mode, steps = chains[pick]
        if positions[pick] < len(steps):
            merged.append((mode, steps[positions[pick]]))
            positions[pick] += 1

    prologue: list[tuple[Mode, Step]] = [
        (Mode.LIVE, ("hub", ev.UnitRegistered(unit=u, unit_kind=KINDS[u[0]], station="S-1", name=u)))
        for u in units
    ]
    prologue += [(Mode.LIVE, (u, ev.StatusReport(status=UnitStatus.AVAILABLE))) for u in units]
    return _envelopes(draw, [*prologue, *merged])


def _envelopes(draw: st.DrawFn, steps: list[tuple[Mode, Step]]) -> list[ev.Envelope]:
    seqs: dict[str, int] = {}
    log: list[ev.Envelope] = []
    clock = T0
    for n, (mode, (source, body)) in enumerate(steps):
        if source == "ws":
            source = "ws-1" if n % 3 else "ws-2"
        seqs[source] = seqs.get(source, 0) + 1
        clock += draw(st.integers(0, 20_000))
        if draw(st.integers(0, 40)) == 0:  # the hub's clock is set back
            clock -= draw(st.integers(1, 60_000))
        t_hub = 0 if draw(st.integers(0, 60)) == 0 else clock  # never stamped
        t_src = clock - draw(st.integers(0, 3_000))
        log.append(ev.envelope(source, seqs[source], body, t_src=t_src, t_hub=t_hub, mode=mode))
        if draw(st.integers(0, 12)) == 0:  # a unit or workstation resends something
            log.append(log[draw(st.integers(0, len(log) - 1))])
    return log


def unique(log: list[ev.Envelope]) -> list[ev.Envelope]:
    """The events a log stores: each (source, seq) once, where it first appears."""
    seen: set[tuple[str, int]] = set()
    out = []
    for event in log:
        if (event.source, event.seq) not in seen:
            seen.add((event.source, event.seq))
            out.append(event)
    return out
