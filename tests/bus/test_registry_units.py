"""A unit imported into the unit registry is registered by a hub started on that store (as the hub
command and the workstation's own hub build it), and may report; a unit re-imported with new details is
registered again, once, at the next start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub import Endpoints, PlainSecurity
from dispatch_desktop.bus.hub.build import HubConfig, build_hub, roster
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitKind, UnitStatus
from dispatch_desktop.roster_csv import import_roster
from dispatch_desktop.store import EventStore
from dispatch_desktop.store.units import UnitStore
from tests.bus.conftest import ANY, AREA, INSIDE, RawPeer, now_ms

pytestmark = pytest.mark.timeout(60)

ROSTER = "编号,类型,派出所,呼号\nVX-001,单警,S-440106-01,天河单警01\n"
RENAMED = "编号,类型,派出所,呼号\nVX-001,单警,S-440106-02,天河单警一号\n"
CITY_UNIT = ev.UnitRegistered(unit="P-0001", unit_kind=UnitKind.PATROL_GROUP, station="S-440106-01", name="巡01")


def _import(url: str, text: str) -> None:
    with UnitStore.open(url) as registry:
        assert not import_roster(registry, text).refused


def _registrations(store: EventStore) -> list[tuple[str, str, str]]:
    return [(e.body.unit, e.body.station, e.body.name) for _g, e in store.read()
            if isinstance(e.body, ev.UnitRegistered)]


def _serve(tmp_path: Path, url: str, check: Callable[[Endpoints], None] = lambda _endpoints: None) -> None:
    store = EventStore.open(url)
    config = HubConfig(security=PlainSecurity(), endpoints=Endpoints(ANY, ANY, ANY), blob_dir=tmp_path / "blobs",
                       area=AREA, bootstrap=(CITY_UNIT,))
    hub = build_hub(config, store)
    try:
        check(hub.start())
    finally:
        hub.stop()
        store.close()


def test_a_unit_from_the_registry_is_registered_at_start_and_may_report(
    tmp_path: Path, raw_peers: Callable[..., RawPeer]
) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    _import(url, ROSTER)

    def reports(endpoints: Endpoints) -> None:
        handset = raw_peers(endpoints.field)
        handset.report(ev.envelope("VX-001", 1, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
        kind, answer = handset.answer()
        assert kind == p.ACK and answer["acks"][0]["gseq"] > 0, answer
        stranger = raw_peers(endpoints.field)
        stranger.report(ev.envelope("VX-404", 1, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
        kind, answer = stranger.answer()
        assert kind == p.NACK and answer["code"] == "not_on_roster"

    _serve(tmp_path, url, reports)
    with EventStore.open(url) as store:
        assert _registrations(store) == [("P-0001", "S-440106-01", "巡01"), ("VX-001", "S-440106-01", "天河单警01")]
        assert store.state_at().units["VX-001"].status is UnitStatus.OFF_DUTY  # a new unit starts off duty


def test_a_unit_re_imported_with_new_details_is_registered_again_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    _import(url, ROSTER)
    _serve(tmp_path, url)
    _serve(tmp_path, url)  # nothing changed: nothing registered again
    _import(url, RENAMED)
    _serve(tmp_path, url)
    _serve(tmp_path, url)
    with EventStore.open(url) as store:
        assert _registrations(store)[1:] == [("VX-001", "S-440106-01", "天河单警01"),
                                             ("VX-001", "S-440106-02", "天河单警一号")]
        assert store.state_at().units["VX-001"].name == "天河单警一号"


def test_the_registry_replaces_a_city_unit_of_the_same_id() -> None:
    mine = ev.UnitRegistered(unit="P-0001", unit_kind=UnitKind.TRAFFIC, station="S-440106-02", name="交警01")
    assert roster((CITY_UNIT,), [mine]) == [mine]
