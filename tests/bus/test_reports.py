"""Field reports: acknowledged only once committed, resent until acknowledged, stored exactly once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import FieldRecordKind, UnitStatus
from tests.bus.conftest import INSIDE, HubFactory, RawPeer, Running, now_ms, on_both_backends, wait_for

pytestmark = pytest.mark.timeout(60)


class GatedProjector:
    """Wraps the store's projector so a test can hold a commit (or make it fail) like a stuck disk."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.gate = threading.Event()
        self.gate.set()
        self.fail = False
        self.calls = 0

    @property
    def state(self) -> Any:
        return self.inner.state

    def append(self, events: Sequence[ev.Envelope]) -> Any:
        self.calls += 1
        self.gate.wait(30)
        if self.fail:
            raise OSError("disk full")
        return self.inner.append(events)


def _gated(make_hub: HubFactory) -> tuple[Running, GatedProjector]:
    store, projector = make_hub.open_store()
    gated = GatedProjector(projector)
    return make_hub(store=(store, gated)), gated


def _position(seq: int, unit: str = "P-0001", t: int | None = None, lat: float = INSIDE[0]) -> ev.Envelope:
    return ev.envelope(unit, seq, ev.Position(lat=lat, lon=INSIDE[1]), now_ms() if t is None else t)


def _count(running: Running, source: str, seq: int) -> int:
    return sum(1 for _g, e in running.stored() if (e.source, e.seq) == (source, seq))


@on_both_backends
def test_no_ack_before_the_commit(make_hub: HubFactory, raw_peers: Callable[..., RawPeer]) -> None:
    running, gated = _gated(make_hub)
    gated.gate.clear()  # the next commit hangs
    before = gated.calls
    unit = raw_peers(running.endpoints.field)
    unit.report(_position(1))
    wait_for(lambda: gated.calls > before)  # the hub is inside the commit
    assert unit.receive(timeout=1.0) is None  # ...and has acknowledged nothing
    assert _count(running, "P-0001", 1) == 0
    gated.gate.set()
    kind, ack = unit.answer()
    assert kind == p.ACK and ack["acks"][0]["seq"] == 1 and ack["acks"][0]["gseq"] > 0
    assert _count(running, "P-0001", 1) == 1


@on_both_backends
def test_a_failed_commit_is_not_acknowledged_and_the_resend_is_stored_once(make_hub: HubFactory) -> None:
    running, gated = _gated(make_hub)
    gated.fail = True
    before = gated.calls
    with FieldFleet() as fleet:
        unit = fleet.add(FieldClient("P-0001", running.endpoints.field, context=fleet.context, resend_after=0.3))
        seq = unit.position(*INSIDE)
        assert fleet.run_until(lambda: gated.calls >= before + 2, timeout=10)  # tried, failed, resent, failed
        assert unit.unacked == 1 and running.hub.stats()["store_errors"] >= 1
        gated.fail = False
        assert fleet.run_until(lambda: unit.unacked == 0, timeout=10)
    assert _count(running, "P-0001", seq) == 1


@on_both_backends
def test_an_unacknowledged_report_is_resent_and_stored_once(make_hub: HubFactory) -> None:
    running, gated = _gated(make_hub)
    gated.gate.clear()
    acks: list[tuple[int, int, bool]] = []
    with FieldFleet() as fleet:
        unit = fleet.add(FieldClient("P-0001", running.endpoints.field, context=fleet.context,
                                     resend_after=0.2, on_ack=lambda *a: acks.append(a)))
        seq = unit.position(*INSIDE)
        fleet.run_until(lambda: False, timeout=1.0)  # several resends pile up behind the stuck commit
        gated.gate.set()
        assert fleet.run_until(lambda: unit.unacked == 0, timeout=10)
        fleet.run_until(lambda: False, timeout=0.5)  # answers to the extra copies arrive and are ignored
    assert _count(running, "P-0001", seq) == 1
    assert [a[0] for a in acks] == [seq]
    assert running.hub.stats()["duplicates"] >= 1


def test_an_exact_resend_is_re_acknowledged_with_the_original_gseq(
    make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]
) -> None:
    running = make_hub()
    unit = raw_peers(running.endpoints.field)
    event = _position(5)
    unit.report(event)
    _, first = unit.answer()
    unit.report(event)
    _, second = unit.answer()
    assert first["acks"][0]["duplicate"] is False and second["acks"][0]["duplicate"] is True
    assert first["acks"][0]["gseq"] == second["acks"][0]["gseq"]
    assert _count(running, "P-0001", 5) == 1


def test_sequence_numbers_below_the_high_water(make_hub: Callable[..., Running],
                                               raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub()
    unit = raw_peers(running.endpoints.field)
    t = now_ms()
    unit.report(_position(10, t=t))
    assert unit.answer()[0] == p.ACK
    # A report older than the newest one, never stored (lost with a crashed hub): accepted late.
    unit.report(_position(7, t=t - 5_000))
    kind, answer = unit.answer()
    assert kind == p.ACK and answer["acks"][0]["duplicate"] is False
    # Newer data under an old number: the unit's counter went backwards.
    unit.report(_position(8, t=t + 1_000))
    kind, nack = unit.answer()
    assert kind == p.NACK and nack["code"] == "seq_backwards" and (nack["source"], nack["seq"]) == ("P-0001", 8)
    # The same number as a stored report with different content is not a resend either.
    unit.report(_position(10, t=t, lat=23.2))
    kind, nack = unit.answer()
    assert kind == p.NACK and nack["code"] == "seq_backwards"
    assert _count(running, "P-0001", 8) == 0 and _count(running, "P-0001", 7) == 1


def test_a_rule_violation_is_stored_as_a_refusal_and_nacked_with_the_reason(
    make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]
) -> None:
    running = make_hub()
    unit = raw_peers(running.endpoints.field)
    event = ev.envelope("P-0001", 1, ev.DispatchAck(incident="J-404"), now_ms())
    unit.report(event)
    kind, nack = unit.answer()
    assert kind == p.NACK and nack["code"] == "unknown_incident" and nack["gseq"] > 0
    assert nack["message"] == "Incident J-404 does not exist."
    stored = dict(running.stored())[nack["gseq"]]
    assert isinstance(stored.body, ev.Refused) and (stored.source, stored.seq) == ("P-0001", 1)
    assert stored.body.refused_kind == "dispatch_ack" and stored.body.code == "unknown_incident"
    unit.report(event)  # the resend gets the same answer, from the store
    kind, again = unit.answer()
    assert kind == p.NACK and again["gseq"] == nack["gseq"] and again["code"] == "unknown_incident"
    assert running.hub.state.refusal_count == 1


def test_status_reports_change_the_unit_and_reach_the_state(make_hub: Callable[..., Running]) -> None:
    running = make_hub()
    with FieldFleet() as fleet:
        unit = fleet.add(FieldClient("P-0002", running.endpoints.field, context=fleet.context))
        unit.report(ev.StatusReport(status=UnitStatus.AVAILABLE))
        unit.position(23.13, 113.27, heading=45.0, speed=8.0)
        assert fleet.run_until(lambda: unit.unacked == 0, timeout=10)
    state = running.hub.state.units["P-0002"]
    assert (state.status, state.lat, state.lon, state.heading) == (UnitStatus.AVAILABLE, 23.13, 113.27, 45.0)


def test_attachments_are_uploaded_before_their_record_and_kept_beside_the_store(
    make_hub: Callable[..., Running], tmp_path: Any
) -> None:
    running = make_hub()
    photo = bytes(range(256)) * 2000  # 512 KB: three chunks
    with FieldFleet() as fleet:
        unit = fleet.add(FieldClient("P-0001", running.endpoints.field, context=fleet.context))
        attachment = unit.upload(photo, "image/jpeg", "scene.jpg")
        seq = unit.report(ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY, record_id="R-1",
                                         attachments=(attachment,), fields={"weather": "rain"}))
        assert fleet.run_until(lambda: unit.unacked == 0 and unit.uploading == 0, timeout=20)
    assert (tmp_path / "blobs" / attachment.sha256[:2] / attachment.sha256).read_bytes() == photo
    stored = [e for _g, e in running.stored() if (e.source, e.seq) == ("P-0001", seq)]
    assert stored[0].body == ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY, record_id="R-1",
                                            attachments=(attachment,), fields={"weather": "rain"})


def test_a_handset_whose_counter_was_reset_continues_above_the_high_water(
    make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]
) -> None:
    running = make_hub()
    old = raw_peers(running.endpoints.field)
    old.report(_position(100))  # before the handset was reset
    assert old.answer()[0] == p.ACK
    nacks: list[p.Nack] = []
    with FieldFleet() as fleet:
        unit = fleet.add(FieldClient("P-0001", running.endpoints.field, context=fleet.context, first_seq=1,
                                     on_nack=nacks.append))
        first = unit.position(*INSIDE)  # sent before the hub's welcome can say where to continue
        assert fleet.run_until(lambda: unit.unacked == 0, timeout=10)
        assert first <= 100 and [n.code for n in nacks] == ["seq_backwards"]
        again = unit.position(*INSIDE)
        assert fleet.run_until(lambda: unit.unacked == 0, timeout=10)
    assert again > 100 and _count(running, "P-0001", again) == 1
