"""What the replay timeline draws from records: status bars per incident and unit, a tick per event."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.record import CALL_STATUS, Bar, IncidentRecord, LaneKind, TickCategory, incident_record, lanes_of
from dispatch_desktop.store import EventStore
from tests.record.story import INCIDENT, OTHER_INCIDENT, T0

S = 1_000


def _relative(bars: Sequence[Bar]) -> list[tuple[float, float, str]]:
    """(start, end, status), the times in seconds after the call."""
    return [((bar.start_ms - T0) / S, (bar.end_ms - T0) / S, str(bar.status)) for bar in bars]


def test_the_incidents_lane_shows_its_status_from_the_call_to_the_closing(story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT)
    incident_lane = lanes_of([record])[0]
    assert (incident_lane.kind, incident_lane.title, incident_lane.detail) == (LaneKind.INCIDENT, INCIDENT, "snatch")
    # Closed at +1800 s: its closed bar runs to the end of the span read (the margin after the closing).
    assert _relative(incident_lane.bars) == [
        (0, 60, CALL_STATUS), (60, 120, "new"), (120, 600, "dispatched"), (600, 1500, "on_scene"),
        (1500, 1800, "cleared"), (1800, (record.end_ms - T0) / S, "closed")]
    for before, after in itertools.pairwise(incident_lane.bars):
        assert before.end_ms <= after.start_ms


def test_each_unit_sent_has_its_own_lane_with_en_route_and_on_scene_bars(story_store: EventStore) -> None:
    _incident, patrol, rapid = lanes_of([incident_record(story_store, INCIDENT)])
    assert (patrol.kind, patrol.unit, patrol.title, patrol.detail) == (LaneKind.UNIT, "P-0001", "天河巡组一", "patrol")
    assert _relative(patrol.bars) == [(120, 600, "en_route"), (600, 1500, "on_scene")]
    assert rapid.title == "突击一队"
    assert _relative(rapid.bars) == [(180, 300, "en_route")]  # recalled before it arrived


def test_every_event_of_the_record_has_exactly_one_tick_at_its_hub_time(story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT)
    ticks = [tick for lane in lanes_of([record]) for tick in lane.ticks]
    assert sorted((tick.gseq, tick.time_ms, tick.kind) for tick in ticks) == [
        (gseq, event.t_hub, event.kind) for gseq, event in record.events]


def test_a_units_events_are_on_its_lane_and_the_rest_on_the_incidents(story_store: EventStore) -> None:
    incident, patrol, rapid = lanes_of([incident_record(story_store, INCIDENT)])
    assert [tick.kind for tick in patrol.ticks] == [
        "unit_dispatched", "order_delivered", "dispatch_ack", "arrival", "field_record", "clearance"]
    assert [tick.kind for tick in rapid.ticks] == ["unit_dispatched", "dispatch_ack", "unit_recalled"]
    assert [tick.kind for tick in incident.ticks] == [
        "call_offered", "call_answered", "incident_created", "call_ended", "incident_note", "plugin_event",
        "incident_closed"]
    assert {tick.unit_name for tick in rapid.ticks} == {"突击一队"}


def test_ticks_say_what_happened_and_to_whom_in_their_category(story_store: EventStore) -> None:
    incident, patrol, _rapid = lanes_of([incident_record(story_store, INCIDENT)])
    arrival = next(tick for tick in patrol.ticks if tick.kind == "arrival")
    assert (arrival.category, arrival.label) == (TickCategory.ARRIVAL, "arrival 天河巡组一")
    plan_step = next(tick for tick in incident.ticks if tick.kind == "plugin_event")
    assert (plan_step.category, plan_step.label) == (TickCategory.PLUGIN, "emergency_plans: step_done")
    assert [tick.category for tick in incident.ticks][:3] == [TickCategory.CALL, TickCategory.CALL,
                                                               TickCategory.INCIDENT]


def test_an_open_incident_and_its_unit_run_to_the_end_of_the_log(story_store: EventStore) -> None:
    record = incident_record(story_store, OTHER_INCIDENT)
    incident, unit = lanes_of([record])
    assert _relative(incident.bars) == [(70, 130, "new"), (130, (record.log_end_ms - T0) / S, "dispatched")]
    assert _relative(unit.bars) == [(130, (record.log_end_ms - T0) / S, "en_route")]


def test_recalling_the_last_unit_sends_the_incident_back_to_waiting(story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT)
    # The story up to R-0001's recall without P-0001: R-0001 was then the only unit on it.
    events = tuple(item for item in record.events
                   if item.event.t_hub <= T0 + 300 * S and getattr(item.event.body, "unit", "") != "P-0001"
                   and item.event.source != "P-0001")
    only_rapid: IncidentRecord = msgspec.structs.replace(record, events=events, units=record.units[1:])
    statuses = [bar.status for bar in lanes_of([only_rapid])[0].bars]
    assert statuses == [CALL_STATUS, "new", "dispatched", "new"]


def test_records_give_their_lanes_in_order_and_an_incident_met_twice_once(story_store: EventStore) -> None:
    first, second = incident_record(story_store, INCIDENT), incident_record(story_store, OTHER_INCIDENT)
    lanes = lanes_of([first, second, first])
    assert [lane.key for lane in lanes] == [INCIDENT, f"{INCIDENT}/P-0001", f"{INCIDENT}/R-0001", OTHER_INCIDENT,
                                            f"{OTHER_INCIDENT}/P-0099"]


def test_an_export_of_the_record_is_a_tick_on_the_incidents_lane(story_store: EventStore) -> None:
    # Within the span read (the closing plus the margin): the record lists it.
    exported = ev.RecordExported(incident=INCIDENT, start_ms=T0, end_ms=T0 + 1800 * S, format="pdf", sha256="0" * 64,
                                 size=1_234, file=f"{INCIDENT}.pdf", operator="督察 王强 010001")
    story_store.append([ev.envelope("ws-9", 1, exported, t_src=T0 + 2000 * S, t_hub=T0 + 2000 * S)])
    incident = lanes_of([incident_record(story_store, INCIDENT)])[0]
    tick = incident.ticks[-1]
    assert (tick.kind, tick.category, tick.label, tick.time_ms) == (
        "record_exported", TickCategory.EXPORT, "record exported pdf", T0 + 2000 * S)
