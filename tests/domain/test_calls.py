"""110 calls on the lines: offered by the telephony gateway, picked up by one desk, settled by that desk
as an incident or closed, and gone when the caller hangs up before anyone answered."""

from __future__ import annotations

import msgspec
import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentOrigin, UnitKind, UnitStatus
from dispatch_desktop.domain.projection import apply, apply_all, check
from dispatch_desktop.domain.state import State, decode_state, encode_state
from tests.domain.test_projection import Log, created

GATEWAY = "gw-110"
CELL = ev.CallLocation(lat=23.131, lon=113.321, accuracy_m=600, method="cell")


def offered(call: str = "C-1", *, number: str = "13912345678", location: ev.CallLocation | None = CELL,
            simulated: bool = False) -> ev.CallOffered:
    return ev.CallOffered(call=call, number=number, location=location, simulated=simulated)


def from_call(incident: str, call: str, operator: str = "李娜 010233") -> ev.IncidentCreated:
    return msgspec.structs.replace(created(incident), call=call, origin=IncidentOrigin.CALL, operator=operator)


@pytest.fixture
def log() -> Log:
    return Log()


@pytest.fixture
def ringing(log: Log) -> State:
    return apply(State(), log(GATEWAY, offered()))


def refused(state: State, event: ev.Envelope, code: str) -> State:
    """Asserts the event is refused with ``code``, and that nothing but the refusal record changed."""
    reason = check(state, event)
    assert reason is not None and reason.code == code, reason
    assert "{" not in reason.message
    after = apply(state, event)
    assert after.refusals[-1].code == code
    assert (after.calls, after.incidents, after.units) == (state.calls, state.incidents, state.units)
    return after


def test_an_offered_call_rings_with_its_number_and_location(ringing: State, log: Log) -> None:
    call = ringing.calls["C-1"]
    assert call.ringing and call.number == "13912345678" and call.location == CELL
    assert call.source == GATEWAY and call.offered_at == ringing.time and call.line == "110"
    refused(ringing, log(GATEWAY, offered()), "call_exists")


def test_the_first_desk_to_answer_gets_the_call(ringing: State, log: Log) -> None:
    state = apply(ringing, log("ws-1", ev.CallAnswered(call="C-1", operator="李娜 010233")))
    call = state.calls["C-1"]
    assert not call.ringing and (call.answered_by, call.operator) == ("ws-1", "李娜 010233")
    assert call.answered_at == state.time
    second = log("ws-2", ev.CallAnswered(call="C-1", operator="王强 010777"))
    reason = check(state, second)
    assert reason is not None and reason.params == {"call": "C-1", "workstation": "ws-1"}
    refused(state, second, "call_taken")
    # The same desk clicking again is no mistake: nothing changes, nothing is refused.
    again = apply(state, log("ws-1", ev.CallAnswered(call="C-1")))
    assert again.calls == state.calls and again.refusal_count == 0


def test_a_call_nobody_answered_is_gone_when_the_caller_hangs_up(ringing: State, log: Log) -> None:
    state = apply(ringing, log(GATEWAY, ev.CallEnded(call="C-1", reason="abandoned")))
    assert "C-1" not in state.calls and state.refusal_count == 0
    refused(state, log("ws-1", ev.CallAnswered(call="C-1")), "unknown_call")


def test_an_answered_call_outlives_the_hang_up_until_the_desk_is_done(ringing: State, log: Log) -> None:
    state = apply_all(ringing, [log("ws-1", ev.CallAnswered(call="C-1", operator="李娜 010233")),
                                log(GATEWAY, ev.CallEnded(call="C-1", reason="hangup"))])
    call = state.calls["C-1"]
    assert call.ended_at == state.time and call.end_reason == "hangup" and call.answered_by == "ws-1"
    state = apply(state, log("ws-1", from_call("J-1", "C-1")))
    assert "C-1" not in state.calls
    incident = state.incidents["J-1"]
    assert (incident.call, incident.origin, incident.created_by) == ("C-1", IncidentOrigin.CALL, "李娜 010233")
    assert incident.timeline[0].operator == "李娜 010233"
    # The caller hanging up after the incident exists is the gateway reporting its line: no error.
    late = apply(state, log(GATEWAY, ev.CallEnded(call="C-1")))
    assert late.refusal_count == 0 and late.calls == state.calls


def test_only_the_desk_that_answered_may_settle_the_call(ringing: State, log: Log) -> None:
    refused(ringing, log("ws-1", ev.CallClosed(call="C-1", disposition="misdial")), "call_not_yours")
    refused(ringing, log("ws-1", from_call("J-1", "C-1")), "call_not_yours")
    state = apply(ringing, log("ws-1", ev.CallAnswered(call="C-1")))
    refused(state, log("ws-2", ev.CallClosed(call="C-1", disposition="misdial")), "call_not_yours")
    after = refused(state, log("ws-2", from_call("J-1", "C-1")), "call_not_yours")
    assert "J-1" not in after.incidents
    refused(state, log("ws-1", from_call("J-1", "C-9")), "unknown_call")
    refused(state, log("ws-1", ev.CallClosed(call="C-9", disposition="misdial")), "unknown_call")
    closed = apply(state, log("ws-1", ev.CallClosed(call="C-1", disposition="advice_given", note="问路")))
    assert "C-1" not in closed.calls and closed.refusal_count == 0
    refused(closed, log("ws-1", from_call("J-1", "C-1")), "unknown_call")


def test_a_walk_in_report_needs_no_caller_number(log: Log) -> None:
    body = msgspec.structs.replace(created("J-7"), caller_number="", origin=IncidentOrigin.WALK_IN,
                                   operator="陈静 020118")
    state = apply(State(), log("ws-1", body))
    incident = state.incidents["J-7"]
    assert state.refusal_count == 0
    assert (incident.origin, incident.caller_number, incident.call, incident.created_by) == (
        IncidentOrigin.WALK_IN, "", "", "陈静 020118")


def test_the_timeline_says_who_did_what(log: Log) -> None:
    state = State()
    for unit in ("P-1", "P-2"):
        state = apply_all(state, [
            log("hub", ev.UnitRegistered(unit=unit, unit_kind=UnitKind.PATROL_GROUP, station="S-1", name=unit)),
            log(unit, ev.StatusReport(status=UnitStatus.AVAILABLE)),
        ])
    state = apply_all(state, [
        log("ws-1", msgspec.structs.replace(created("J-1"), operator="李娜 010233")),
        log("ws-2", ev.UnitDispatched(incident="J-1", unit="P-1", operator="王强 010777")),
        log("P-1", ev.DispatchAck(incident="J-1")),
        log("ws-1", ev.IncidentNote(incident="J-1", text="嫌疑人穿黑衣", operator="李娜 010233")),
        log("ws-2", ev.UnitDispatched(incident="J-1", unit="P-1", operator="王强 010777")),  # refused
    ])
    timeline = state.incidents["J-1"].timeline
    assert [(e.kind, e.source, e.operator) for e in timeline] == [
        ("incident_created", "ws-1", "李娜 010233"),
        ("unit_dispatched", "ws-2", "王强 010777"),
        ("dispatch_ack", "P-1", ""),
        ("incident_note", "ws-1", "李娜 010233"),
        # A refused command is stored by the hub as a ``refused`` event, which names the desk only.
        ("refused", "ws-2", ""),
    ]


def test_a_snapshot_keeps_the_calls_on_the_lines(log: Log) -> None:
    state = apply_all(State(), [
        log(GATEWAY, offered("C-1")),
        log(GATEWAY, offered("C-2", location=None, number="", simulated=True)),
        log("ws-1", ev.CallAnswered(call="C-2", operator="李娜 010233")),
        log(GATEWAY, ev.CallEnded(call="C-2")),
    ])
    again = decode_state(encode_state(state))
    assert again == state and set(again.calls) == {"C-1", "C-2"}
    assert again.calls["C-1"].location == CELL and again.calls["C-2"].ended_at == state.time
    assert again != msgspec.structs.replace(state, calls=state.calls.delete("C-1"))  # the calls are compared


def test_a_snapshot_written_before_calls_existed_still_reads(log: Log) -> None:
    state = apply(State(), log("ws-1", created("J-1")))
    # What an older version wrote: no calls, incidents without their origin, call, simulated and
    # created_by, timeline lines of five items (no operator).
    older = msgspec.to_builtins(state.to_plain())
    del older["calls"]
    for incident in older["incidents"].values():
        for name in ("origin", "call", "simulated", "created_by"):
            del incident[name]
        incident["timeline"] = [entry[:5] for entry in incident["timeline"]]
    restored = decode_state(msgspec.msgpack.encode(older))
    assert restored == state and len(restored.calls) == 0
    assert restored.incidents["J-1"].origin is IncidentOrigin.CALL
