"""A unit imported into the unit registry is registered by a hub started on that store, and may report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub import Hub, PlainSecurity
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitStatus
from dispatch_desktop.roster_csv import import_roster
from dispatch_desktop.store import EventStore, Projector
from dispatch_desktop.store.units import UnitStore, registered_units
from tests.bus.conftest import ANY, AREA, INSIDE, RawPeer, now_ms

pytestmark = pytest.mark.timeout(60)

ROSTER = "编号,类型,派出所,呼号\nVX-001,单警,S-440106-01,天河单警01\n"


def test_a_unit_from_the_registry_is_registered_at_start_and_may_report(
    tmp_path: Path, raw_peers: Callable[..., RawPeer]
) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    with UnitStore.open(url) as registry:
        assert import_roster(registry, ROSTER).done.added == 1
    store = EventStore.open(url)
    hub = Hub(store, projector=Projector(store), security=PlainSecurity({}), blob_dir=tmp_path / "blobs",
              field_endpoint=ANY, workstation_endpoint=ANY, publish_endpoint=ANY, area=AREA,
              bootstrap=registered_units(url))
    try:
        endpoints = hub.start()
        handset = raw_peers(endpoints.field)
        handset.report(ev.envelope("VX-001", 1, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
        kind, answer = handset.answer()
        assert kind == p.ACK and answer["acks"][0]["gseq"] > 0, answer
        stranger = raw_peers(endpoints.field)
        stranger.report(ev.envelope("VX-404", 1, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
        kind, answer = stranger.answer()
        assert kind == p.NACK and answer["code"] == "not_on_roster"
    finally:
        hub.stop()
    registrations = [e for _g, e in store.read() if isinstance(e.body, ev.UnitRegistered)]
    assert [(e.source, e.body.unit, e.body.name) for e in registrations] == [("hub", "VX-001", "天河单警01")]
    assert store.state_at().units["VX-001"].status is UnitStatus.OFF_DUTY  # a new unit starts off duty
    store.close()
