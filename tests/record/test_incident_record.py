"""An incident's record read from the log: its own events, its units and their fixes within the margins."""

from __future__ import annotations

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.record import DEFAULT_MARGIN_MS, UnknownIncident, incident_record
from dispatch_desktop.store import EventStore
from tests.postgres import UrlFactory
from tests.record.story import CALL, INCIDENT, OTHER_INCIDENT, T0, write_story

S = 1_000

STORY_KINDS = [
    "call_offered", "call_answered", "incident_created", "call_ended", "unit_dispatched", "order_delivered",
    "dispatch_ack", "unit_dispatched", "dispatch_ack", "unit_recalled", "arrival", "field_record",
    "incident_note", "plugin_event", "clearance", "incident_closed",
]


def test_the_record_holds_the_incidents_own_events_in_log_order(new_url: UrlFactory) -> None:
    with EventStore.open(new_url()) as store:
        write_story(store)
        record = incident_record(store, INCIDENT)
    assert [event.kind for _gseq, event in record.events] == STORY_KINDS
    gseqs = [gseq for gseq, _event in record.events]
    assert gseqs == sorted(gseqs)
    for _gseq, event in record.events:  # nothing of the other call, the other incident or its unit
        body = event.body
        assert getattr(body, "incident", INCIDENT) == INCIDENT
        assert getattr(body, "call", CALL) == CALL
        assert getattr(body, "unit", "P-0001") != "P-0099"


def test_the_units_sent_are_named_in_dispatch_order_with_their_assignments(story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT)
    assert [(track.unit, track.name, track.kind) for track in record.units] == [
        ("P-0001", "天河巡组一", "patrol"), ("R-0001", "突击一队", "rapid")]
    patrol, rapid = record.units
    assert [(a.dispatched_ms, a.arrived_ms, a.released_ms) for a in patrol.assignments] == [
        (T0 + 120 * S, T0 + 600 * S, T0 + 1500 * S)]
    assert [(a.dispatched_ms, a.arrived_ms, a.released_ms) for a in rapid.assignments] == [
        (T0 + 180 * S, 0, T0 + 300 * S)]


def test_a_units_fixes_run_from_a_margin_before_its_dispatch_to_a_margin_after_its_release(
        story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT, margin_ms=2 * 60 * S)
    rapid = record.units[1]
    times = [fix.time_ms for fix in rapid.fixes]
    # R-0001 reports every 5 s all along, its fixes made at T0 + 5k s - 99 ms; sent at +180 s and recalled at
    # +300 s, it is kept from +60 s to +420 s: the first fix after the one, the last before the other.
    assert times[0] == T0 + 65 * S - 99
    assert times[-1] == T0 + 420 * S - 99
    assert times == sorted(times)
    assert len(times) == (420 - 65) // 5 + 1


def test_the_default_margin_keeps_five_minutes_each_side(story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT)
    assert record.margin_ms == DEFAULT_MARGIN_MS == 5 * 60 * S
    assert record.start_ms == T0 - DEFAULT_MARGIN_MS
    patrol = record.units[0]
    assert patrol.fixes[0].time_ms >= T0 + 120 * S - DEFAULT_MARGIN_MS
    assert patrol.fixes[-1].time_ms <= T0 + 1500 * S + DEFAULT_MARGIN_MS


def test_an_unknown_incident_is_named_in_a_sentence(story_store: EventStore) -> None:
    with pytest.raises(UnknownIncident, match=r"no incident 'J-20251122-09999' in this event log \(2 incidents"):
        incident_record(story_store, "J-20251122-09999")


def test_the_other_incident_has_its_own_unit(story_store: EventStore) -> None:
    record = incident_record(story_store, OTHER_INCIDENT)
    assert [track.unit for track in record.units] == ["P-0099"]
    assert "call_offered" not in [event.kind for _gseq, event in record.events]


def test_an_event_stamped_late_keeps_its_place_in_the_log(story_store: EventStore) -> None:
    # A note the hub stamped with a clock set back: earlier hub time than events stored before it. The record
    # lists events as the log holds them (gseq), which is the order the desks applied them.
    note = ev.IncidentNote(incident=INCIDENT, text="补录")
    late = ev.envelope("ws-9", 1, note, t_src=T0 + 100 * S, t_hub=T0 + 100 * S)
    (appended,) = story_store.append([late])
    record = incident_record(story_store, INCIDENT)
    gseqs = [gseq for gseq, _event in record.events]
    assert gseqs == sorted(gseqs)
    assert gseqs[-1] == appended.gseq
