"""Admission without sockets: each rule that decides whether the hub queues an envelope, called directly,
with the reason code and parameters a client would get in its NACK."""

from __future__ import annotations

from collections.abc import Callable

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.area import BBoxArea, Skew
from dispatch_desktop.bus.hub.admission import (
    FIELD,
    WORKSTATION,
    best_effort_ids,
    check_content,
    check_sender,
    nack_source,
    refused,
    same,
    stamp,
)
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, UnitStatus
from dispatch_desktop.domain.state import Refusal

NOW = 1_700_000_000_000
AREA = BBoxArea(south=22.5, west=112.9, north=23.95, east=114.1)
INSIDE = (23.12, 113.26)
OUTSIDE = (39.9, 116.4)  # Beijing
SKEW = Skew(future_ms=60_000, past_ms=3_600_000)
SHA = "ab" * 32


def envelope(body: ev.Body, *, source: str = "P-0001", seq: int = 1, t_src: int = NOW) -> ev.Envelope:
    return ev.envelope(source, seq, body, t_src)


def refusal_of(call: Callable[[], None]) -> p.BusError:
    with pytest.raises(p.BusError) as caught:
        call()
    return caught.value


def content(event: ev.Envelope, *, roster: tuple[str, ...] = ("P-0001",), blobs: frozenset[str] = frozenset()) -> None:
    check_content(event, now=NOW, skew=SKEW, area=AREA, roster=roster, has_blob=lambda sha, size: sha in blobs)


POSITION = ev.Position(lat=INSIDE[0], lon=INSIDE[1])
NOTE = ev.IncidentNote(incident="J-1", text="到场")


# --- who may send what ------------------------------------------------------------------------------


def test_a_unit_report_from_its_own_key_is_admitted() -> None:
    check_sender(envelope(POSITION), FIELD, "P-0001", None)


def test_an_envelope_of_another_version_is_refused() -> None:
    event = msgspec.structs.replace(envelope(POSITION), v=ev.ENVELOPE_VERSION + 1)
    error = refusal_of(lambda: check_sender(event, FIELD, "", None))
    assert error.code == "bad_version" and error.params["expected"] == str(ev.ENVELOPE_VERSION)


def test_a_command_sent_as_a_field_report_is_refused() -> None:
    error = refusal_of(lambda: check_sender(envelope(NOTE), FIELD, "", None))
    assert error.code == "kind_not_allowed" and error.params["sender"] == "field unit"


def test_a_unit_report_sent_as_a_command_is_refused() -> None:
    error = refusal_of(lambda: check_sender(envelope(POSITION, source="ws-01"), WORKSTATION, "", Role.DISPATCHER))
    assert error.code == "kind_not_allowed" and error.params["sender"] == "workstation"


def test_a_key_speaks_for_its_own_name_only() -> None:
    error = refusal_of(lambda: check_sender(envelope(POSITION, source="P-0002"), FIELD, "P-0001", None))
    assert (error.code, error.params) == ("wrong_source", {"identity": "P-0001", "source": "P-0002"})


def test_without_keys_any_source_is_taken_as_given() -> None:
    check_sender(envelope(POSITION, source="P-0002"), FIELD, "", None)


def test_a_supervisor_commands_nothing() -> None:
    error = refusal_of(lambda: check_sender(envelope(NOTE, source="ws-sup"), WORKSTATION, "ws-sup", Role.SUPERVISOR))
    assert error.code == "read_only"


def test_only_a_telephony_gateway_offers_calls() -> None:
    offered = envelope(ev.CallOffered(call="C-1"), source="gw-110")
    check_sender(offered, WORKSTATION, "gw-110", Role.TELEPHONY)
    error = refusal_of(lambda: check_sender(offered, WORKSTATION, "gw-110", Role.DISPATCHER))
    assert error.code == "kind_not_allowed" and error.params["sender"] == "dispatcher workstation"


def test_a_telephony_gateway_sends_nothing_but_calls() -> None:
    error = refusal_of(lambda: check_sender(envelope(NOTE, source="gw-110"), WORKSTATION, "gw-110", Role.TELEPHONY))
    assert error.code == "kind_not_allowed" and error.params["sender"] == "telephony workstation"


def test_a_dispatcher_sends_commands() -> None:
    check_sender(envelope(NOTE, source="ws-01"), WORKSTATION, "ws-01", Role.DISPATCHER)


# --- what an event may say --------------------------------------------------------------------------


def test_a_position_in_the_area_from_a_unit_on_the_roster_is_admitted() -> None:
    content(envelope(POSITION))


@pytest.mark.parametrize(("offset_ms", "code", "skew_s"), [(61_000, "time_future", "61"),
                                                           (-3_601_000, "time_past", "3601")])
def test_a_time_outside_the_window_is_refused(offset_ms: int, code: str, skew_s: str) -> None:
    error = refusal_of(lambda: content(envelope(POSITION, t_src=NOW + offset_ms)))
    assert error.code == code and error.params["skew_s"] == skew_s


@pytest.mark.parametrize("offset_ms", [60_000, -3_600_000])
def test_the_window_includes_its_edges(offset_ms: int) -> None:
    content(envelope(POSITION, t_src=NOW + offset_ms))


@pytest.mark.parametrize("body", [
    ev.Position(lat=OUTSIDE[0], lon=OUTSIDE[1]),
    ev.Sos(lat=OUTSIDE[0], lon=OUTSIDE[1]),
])
def test_a_unit_report_outside_the_service_area_is_refused(body: ev.Body) -> None:
    error = refusal_of(lambda: content(envelope(body)))
    assert error.code == "outside_area" and error.params["lat"] == str(OUTSIDE[0])


def test_a_call_located_outside_the_service_area_is_refused() -> None:
    located = ev.CallOffered(call="C-1", location=ev.CallLocation(lat=OUTSIDE[0], lon=OUTSIDE[1]))
    error = refusal_of(lambda: content(envelope(located, source="gw-110")))
    assert error.code == "outside_area"
    content(envelope(ev.CallOffered(call="C-1"), source="gw-110"))  # a call the network cannot place is fine


def test_a_unit_off_the_roster_is_refused() -> None:
    error = refusal_of(lambda: content(envelope(ev.StatusReport(status=UnitStatus.AVAILABLE), source="P-9999")))
    assert (error.code, error.params) == ("not_on_roster", {"unit": "P-9999"})


def test_a_command_needs_no_roster_entry() -> None:
    content(envelope(NOTE, source="ws-01"), roster=())


def _created(**changes: str) -> ev.IncidentCreated:
    body = ev.IncidentCreated(incident="J-1", call_time=NOW, caller_number="13800000000", lat=INSIDE[0],
                              lon=INSIDE[1], address="天河路 1 号", district="440106", station="S-440106-01",
                              incident_type="theft", priority=2, category=Category.POLICE)
    return msgspec.structs.replace(body, **changes)


@pytest.mark.parametrize(("field", "value"), [
    ("incident_type", "teleportation"), ("district", "110101"), ("station", "S-1"), ("department", "mars"),
])
def test_an_incident_with_a_code_outside_the_taxonomy_is_refused(field: str, value: str) -> None:
    content(envelope(_created(), source="ws-01"))
    error = refusal_of(lambda: content(envelope(_created(**{field: value}), source="ws-01")))
    assert (error.code, error.params) == ("unknown_code", {"field": field, "value": value})
    assert "resources/taxonomy.json" in error.message


def test_a_reclassification_to_an_unknown_type_is_refused() -> None:
    body = ev.IncidentReclassified(incident="J-1", incident_type="teleportation", priority=2,
                                   category=Category.POLICE)
    assert refusal_of(lambda: content(envelope(body, source="ws-01"))).code == "unknown_code"


def test_an_attachment_must_be_uploaded_first() -> None:
    picture = ev.Attachment(sha256=SHA, mime="image/jpeg", size=10)
    attached = ev.IncidentNote(incident="J-1", text="截图", attachments=(picture,))
    error = refusal_of(lambda: content(envelope(attached, source="ws-01")))
    assert (error.code, error.params["sha256"]) == ("attachment_missing", SHA)
    content(envelope(attached, source="ws-01"), blobs=frozenset({SHA}))


# --- what the hub makes of an admitted event --------------------------------------------------------


def test_stamp_sets_the_hub_time_and_names_an_unnamed_order() -> None:
    dispatched = stamp(envelope(ev.UnitDispatched(incident="J-1", unit="P-0001"), source="ws-01", seq=7), NOW + 5)
    assert dispatched.t_hub == NOW + 5
    assert dispatched.body == ev.UnitDispatched(incident="J-1", unit="P-0001", order="ws-01:7")
    named = ev.UnitDispatched(incident="J-1", unit="P-0001", order="O-1")
    assert stamp(envelope(named, source="ws-01"), NOW).body == named


def test_a_refused_command_is_stored_as_a_refusal_naming_its_target() -> None:
    event = envelope(ev.UnitDispatched(incident="J-1", unit="P-0001"), source="ws-01")
    stored = refused(event, Refusal("unit_busy", "P-0001 is busy", {"unit": "P-0001"}))
    assert isinstance(stored.body, ev.Refused)
    assert (stored.body.refused_kind, stored.body.code, stored.body.target) == ("unit_dispatched", "unit_busy", "J-1")
    assert (stored.source, stored.seq, stored.t_src) == (event.source, event.seq, event.t_src)


def test_a_resend_is_the_same_event_and_a_changed_one_is_not() -> None:
    event = envelope(POSITION)
    assert same(event, stamp(event, NOW))  # the hub's stamp is not part of what was sent
    assert not same(event, envelope(ev.Position(lat=INSIDE[0], lon=INSIDE[1] + 0.001)))
    assert not same(event, envelope(POSITION, t_src=NOW + 1))
    as_refused = refused(envelope(NOTE, source="ws-01"), Refusal("no_incident", "no such incident"))
    assert same(as_refused, envelope(NOTE, source="ws-01"))


def test_a_nack_names_what_it_answers_when_that_can_be_read() -> None:
    frame = p.PREFIX + p.REPORT + msgspec.msgpack.encode({"source": "P-0001", "seq": 12, "body": "?"})
    assert best_effort_ids([frame], p.HEADER_SIZE) == ("P-0001", 12)
    assert best_effort_ids([p.PREFIX + p.REPORT + b"\xc1"], p.HEADER_SIZE) == ("", 0)
    assert nack_source("P-0001") == "P-0001"
    assert nack_source("P-0001\n2024 CRITICAL forged") == ""
