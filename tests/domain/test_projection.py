"""The rules a dispatcher relies on: what the projection accepts, what it refuses, and why."""

from __future__ import annotations

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, IncidentStatus, Mode, UnitKind, UnitStatus
from dispatch_desktop.domain.projection import apply, apply_all, check
from dispatch_desktop.domain.state import State

T0 = 1_763_780_000_000


class Log:
    """Builds envelopes with per-source sequence numbers and a steadily advancing clock."""

    def __init__(self) -> None:
        self.seqs: dict[str, int] = {}
        self.time = T0

    def __call__(self, source: str, body: ev.Body, *, mode: Mode = Mode.LIVE) -> ev.Envelope:
        self.seqs[source] = self.seqs.get(source, 0) + 1
        self.time += 1_000
        return ev.envelope(source, self.seqs[source], body, t_src=self.time, t_hub=self.time + 5, mode=mode)


@pytest.fixture
def log() -> Log:
    return Log()


def created(incident: str = "J-1", category: Category = Category.POLICE) -> ev.IncidentCreated:
    return ev.IncidentCreated(
        incident=incident, call_time=T0, caller_number="13900000000", lat=23.13, lon=113.32,
        address="天河区体育西路 1 号", district="440106", station="S-440106-01", incident_type="robbery",
        priority=1, category=category,
    )


@pytest.fixture
def ready(log: Log) -> State:
    """Two patrol groups on duty and one new incident."""
    state = State()
    for unit in ("P-1", "P-2"):
        state = apply(state, log("hub", ev.UnitRegistered(unit=unit, unit_kind=UnitKind.PATROL_GROUP,
                                                          station="S-440106-01", name=unit)))
        state = apply(state, log(unit, ev.StatusReport(status=UnitStatus.AVAILABLE)))
    return apply(state, log("ws-1", created()))


def test_full_incident_life_sets_statuses_and_timer_marks(ready: State, log: Log) -> None:
    state = apply_all(ready, [
        log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1", order="o-1")),
        log("P-1", ev.DispatchAck(incident="J-1", order="o-1")),
        log("P-1", ev.Arrival(incident="J-1")),
    ])
    incident = state.incidents["J-1"]
    assert incident.status is IncidentStatus.ON_SCENE
    assert state.units["P-1"].status is UnitStatus.ON_SCENE
    assert incident.created_at < incident.dispatched_at < incident.arrived_at
    state = apply_all(state, [
        log("P-1", ev.Clearance(incident="J-1", result="resolved", summary="suspect detained")),
        log("ws-1", ev.IncidentClosed(incident="J-1", disposition="resolved")),
    ])
    incident = state.incidents["J-1"]
    assert incident.status is IncidentStatus.CLOSED
    assert state.units["P-1"].status is UnitStatus.AVAILABLE and state.units["P-1"].incident == ""
    assert [e.kind for e in incident.timeline] == [
        "incident_created", "unit_dispatched", "dispatch_ack", "arrival", "clearance", "incident_closed",
    ]
    assert state.refusal_count == 0


def test_second_dispatcher_cannot_take_a_unit_already_sent(ready: State, log: Log) -> None:
    state = apply(ready, log("ws-1", created("J-2")))
    state = apply(state, log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1")))
    second = log("ws-2", ev.UnitDispatched(incident="J-2", unit="P-1"))

    reason = check(state, second)
    assert reason is not None and reason.code == "unit_already_assigned"
    assert "P-1" in reason.message and "J-1" in reason.message

    after = apply(state, second)
    assert after.units["P-1"].incident == "J-1"
    assert after.incidents["J-2"].status is IncidentStatus.NEW
    assert after.refusal_count == 1
    assert after.refusals[-1].source == "ws-2" and after.refusals[-1].code == "unit_already_assigned"
    # The refusal is visible in the incident's own history too.
    assert after.incidents["J-2"].timeline[-1].kind == "refused"


@pytest.mark.parametrize(
    ("body_source", "body", "code"),
    [
        ("P-1", ev.Arrival(incident="J-1"), "unit_not_assigned"),
        ("P-1", ev.DispatchAck(incident="J-1"), "unit_not_assigned"),
        ("P-1", ev.StatusReport(status=UnitStatus.ON_SCENE), "status_needs_dispatch_flow"),
        ("ws-1", ev.UnitDispatched(incident="J-9", unit="P-1"), "unknown_incident"),
        ("ws-1", ev.UnitDispatched(incident="J-1", unit="P-9"), "unknown_unit"),
        ("P-9", ev.Position(lat=23.1, lon=113.3), "unknown_unit"),
        ("ws-1", ev.IncidentClosed(incident="J-9", disposition="x"), "unknown_incident"),
        ("ws-1", created(), "incident_exists"),
        ("ws-1", ev.SosAcknowledged(unit="P-1"), "no_sos"),
    ],
)
def test_illegal_steps_are_refused_with_a_readable_reason(
    ready: State, log: Log, body_source: str, body: ev.Body, code: str
) -> None:
    event = log(body_source, body)
    reason = check(ready, event)
    assert reason is not None and reason.code == code
    assert reason.message and "{" not in reason.message  # every template placeholder was filled
    after = apply(ready, event)
    assert after.refusals[-1].code == code
    assert after.units == ready.units and set(after.incidents.keys()) == set(ready.incidents.keys())


def test_unit_off_duty_cannot_be_dispatched(ready: State, log: Log) -> None:
    state = apply(ready, log("ws-1", ev.UnitStatusSet(unit="P-2", status=UnitStatus.OFF_DUTY)))
    reason = check(state, log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-2")))
    assert reason is not None and reason.code == "unit_not_available"
    assert "off_duty" in reason.message


def test_busy_unit_cannot_go_off_duty_until_recalled(ready: State, log: Log) -> None:
    state = apply(ready, log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1")))
    reason = check(state, log("P-1", ev.StatusReport(status=UnitStatus.OFF_DUTY)))
    assert reason is not None and reason.code == "unit_busy_on_incident"
    state = apply(state, log("ws-1", ev.UnitRecalled(incident="J-1", unit="P-1", reason="wrong unit")))
    assert state.incidents["J-1"].status is IncidentStatus.NEW  # the last unit left: back to the queue
    assert check(state, log("P-1", ev.StatusReport(status=UnitStatus.OFF_DUTY))) is None


def test_incident_with_units_on_it_cannot_be_closed(ready: State, log: Log) -> None:
    state = apply(ready, log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1")))
    reason = check(state, log("ws-1", ev.IncidentClosed(incident="J-1", disposition="resolved")))
    assert reason is not None and reason.code == "units_still_assigned"


def test_non_police_incident_is_referred_to_its_department(ready: State, log: Log) -> None:
    state = apply(ready, log("ws-1", created("J-2", Category.NON_POLICE)))
    state = apply(state, log("ws-1", ev.IncidentReferred(incident="J-2", department="城管",
                                                         reason="street vendor blocking the road")))
    incident = state.incidents["J-2"]
    assert incident.status is IncidentStatus.REFERRED and incident.department == "城管"
    assert not incident.is_open
    assert check(state, log("ws-1", ev.UnitDispatched(incident="J-2", unit="P-1"))).code == "incident_closed"


def test_dispatched_incident_cannot_be_referred(ready: State, log: Log) -> None:
    state = apply(ready, log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1")))
    reason = check(state, log("ws-1", ev.IncidentReferred(incident="J-1", department="城管", reason="x")))
    assert reason is not None and reason.code == "refer_needs_new"


def test_late_position_fix_does_not_move_the_unit_back(ready: State, log: Log) -> None:
    newer = log("P-1", ev.Position(lat=23.20, lon=113.40))
    state = apply(ready, newer)
    older = ev.envelope("P-1", 99, ev.Position(lat=23.00, lon=113.00), t_src=newer.t_src - 5_000)
    state = apply(state, older)
    assert (state.units["P-1"].lat, state.units["P-1"].lon) == (23.20, 113.40)
    assert state.refusal_count == 0


def test_drill_events_stay_out_of_the_live_picture(ready: State, log: Log) -> None:
    drill = log("ws-1", created("D-1"), mode=Mode.DRILL)
    assert "D-1" not in apply(ready, drill).incidents
    drill_state = State(mode=Mode.DRILL)
    live = log("hub", ev.UnitRegistered(unit="P-7", unit_kind=UnitKind.PATROL_GROUP, station="S", name="P-7"))
    drill_state = apply_all(drill_state, [live, drill])
    assert "D-1" in drill_state.incidents and "P-7" in drill_state.units


def test_dispatch_order_pending_until_acknowledged(ready: State, log: Log) -> None:
    state = apply(ready, log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1", order="o-1")))
    assert state.orders["o-1"].unit == "P-1" and state.orders["o-1"].kind == "dispatch"
    delivered = apply(state, log("hub", ev.OrderDelivered(order="o-1", unit="P-1")))
    assert "o-1" not in delivered.orders
    # A recall voids the dispatch order the unit never picked up, and queues the recall itself.
    recalled = apply(state, log("ws-1", ev.UnitRecalled(incident="J-1", unit="P-1", order="r-1")))
    assert "o-1" not in recalled.orders and recalled.orders["r-1"].kind == "recall"


def test_sos_raises_and_acknowledgement_clears_the_alarm(ready: State, log: Log) -> None:
    state = apply(ready, log("P-2", ev.Sos(lat=23.15, lon=113.35, note="attacked")))
    assert state.units["P-2"].sos and state.units["P-2"].lat == 23.15
    state = apply(state, log("ws-1", ev.SosAcknowledged(unit="P-2")))
    assert not state.units["P-2"].sos


def test_apply_never_modifies_the_state_it_was_given(ready: State, log: Log) -> None:
    before = ready.to_plain()
    apply(ready, log("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1")))
    apply(ready, log("P-1", ev.Position(lat=23.2, lon=113.4)))
    apply(ready, log("ws-2", ev.UnitDispatched(incident="J-9", unit="P-1")))
    assert ready.to_plain() == before


def test_a_unit_that_keeps_trying_cannot_grow_an_incident_timeline_without_bound(ready: State, log: Log) -> None:
    from dispatch_desktop.domain.state import REFUSED_LINES_PER_INCIDENT

    state = ready
    for _ in range(REFUSED_LINES_PER_INCIDENT + 30):  # arrivals at an incident it was never sent to
        state = apply(state, log("P-1", ev.Arrival(incident="J-1")))
    refused = [entry for entry in state.incidents["J-1"].timeline if entry.kind == "refused"]
    assert len(refused) == REFUSED_LINES_PER_INCIDENT  # the first ones stay readable on the incident
    assert state.refusal_count == REFUSED_LINES_PER_INCIDENT + 30  # and every one is still counted


def test_a_desk_setting_a_status_does_not_make_a_silent_unit_look_heard_from(ready: State, log: Log) -> None:
    heard = ready.units["P-1"].last_report
    after = apply(ready, log("ws-1", ev.UnitStatusSet(unit="P-1", status=UnitStatus.UNAVAILABLE)))
    assert after.units["P-1"].status is UnitStatus.UNAVAILABLE
    assert after.units["P-1"].last_report == heard  # still stale on the map if it was
    reported = apply(after, log("P-1", ev.StatusReport(status=UnitStatus.AVAILABLE)))
    assert reported.units["P-1"].last_report > heard  # its own report is
