"""The simulator against a hub that signs (``simulate --sign-key``): every unit and both desks sign."""

from __future__ import annotations

import time
from pathlib import Path

from dispatch_desktop.bus.hub import Hub, PlainSecurity
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain.city import City
from dispatch_desktop.sim.engine import SimConfig
from dispatch_desktop.sim.runner import SimulationRunner, simulated_roster
from dispatch_desktop.store import EventStore, Projector

ANY = "tcp://127.0.0.1:*"
KEY = bytes(range(32))


def test_a_simulated_city_reports_to_a_signing_hub(city: City, tmp_path: Path) -> None:
    store = EventStore.open(f"sqlite:///{tmp_path / 'events.sqlite3'}")
    hub = Hub(store, projector=Projector(store), security=PlainSecurity(roles={SimConfig().phone: Role.TELEPHONY}),
              blob_dir=tmp_path / "blobs", field_endpoint=ANY, workstation_endpoint=ANY, publish_endpoint=ANY,
              bootstrap=simulated_roster(city, 5), session_key=KEY)
    endpoints = hub.start()
    runner = SimulationRunner(city, SimConfig(units=5), endpoints, speed=60, session_key=KEY)
    try:
        runner.start()
        assert runner.ready.wait(90), runner.failure  # the desk's signed snapshot was read
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum(1 for u in hub.state.units.values() if u.last_report) < 5:
            time.sleep(0.1)
    finally:
        runner.stop()
        hub.stop()
        store.close()
    assert runner.failure is None
    assert sum(1 for u in hub.state.units.values() if u.last_report) == 5
    assert "bad_signature" not in hub.stats()["nacks"]
