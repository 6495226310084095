"""Units imported while the hub runs: registered at once when the hub is asked (``Hub.register``; the hub
command does it on SIGHUP), without a restart; a unit already registered alike is not registered again."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.roster_csv import import_roster
from dispatch_desktop.store.units import UnitStore
from tests.bus.conftest import INSIDE, RawPeer, Running, hub_process, now_ms, roster, wait_for

pytestmark = pytest.mark.timeout(120)

REPO = Path(__file__).resolve().parents[2]
NEW = ev.UnitRegistered(unit="VX-009", unit_kind=UnitKind.OFFICER, station="S-440106-01", name="天河单警09")


def _registrations(running: Running) -> list[str]:
    return [e.body.unit for _g, e in running.stored() if isinstance(e.body, ev.UnitRegistered)]


def test_a_unit_registered_while_the_hub_runs_may_report_at_once(make_hub: Callable[..., Running],
                                                                raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub()
    before = _registrations(running)
    running.hub.register([*roster(), NEW])  # the registry read again: three known units and a new one
    wait_for(lambda: "VX-009" in running.hub.state.units)
    handset = raw_peers(running.endpoints.field)
    handset.report(ev.envelope("VX-009", 1, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
    assert handset.answer()[0] == p.ACK
    assert _registrations(running) == [*before, "VX-009"]  # the known ones were not registered again


def test_the_hub_command_reads_the_registry_again_on_sighup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    with hub_process(tmp_path, "--db", url) as (hub, field):
        with UnitStore.open(url) as registry:  # imported while the hub runs, as `units import` does
            assert not import_roster(registry, "编号,类型,派出所,呼号\nVX-009,单警,S-440106-01,天河单警09\n").refused
        hub.send_signal(signal.SIGHUP)
        peer = RawPeer(field)
        try:
            def accepted() -> bool:
                peer.report(ev.envelope("VX-009", int(now_ms()), ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
                return peer.answer()[0] == p.ACK
            wait_for(accepted, timeout=15, interval=0.2)
        finally:
            peer.close()
