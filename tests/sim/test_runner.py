"""The simulator against a real hub: real clients, keys, orders over the wire, wall-clock times."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dispatch_desktop.bus.hub import CurveSecurity, Endpoints, Hub, PlainSecurity
from dispatch_desktop.bus.keys import KeyDirectory, Role
from dispatch_desktop.city import registration_events
from dispatch_desktop.cli import main
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import IncidentOrigin, UnitKind
from dispatch_desktop.domain.intake import incident_prefix
from dispatch_desktop.sim.engine import SimConfig
from dispatch_desktop.sim.runner import SimulationRunner, Timebase, run_tag, simulated_roster
from dispatch_desktop.store import EventStore, Projector

ANY = "tcp://127.0.0.1:*"


def wait_for(predicate: Callable[[], Any], timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while not (value := predicate()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s")
        time.sleep(0.05)
    return value


@pytest.fixture
def make_hub(tmp_path: Path) -> Iterator[Callable[..., tuple[Hub, Endpoints]]]:
    hubs: list[Hub] = []

    def factory(city: City, units: int, keys: KeyDirectory | None = None) -> tuple[Hub, Endpoints]:
        store = EventStore.open(f"sqlite:///{tmp_path / 'events.sqlite3'}")
        plain = PlainSecurity(roles={SimConfig().phone: Role.TELEPHONY})  # the simulated telephony gateway
        hub = Hub(store, projector=Projector(store), security=CurveSecurity(keys.root) if keys is not None else plain,
                  blob_dir=tmp_path / "blobs", field_endpoint=ANY, workstation_endpoint=ANY, publish_endpoint=ANY,
                  bootstrap=simulated_roster(city, units))
        hubs.append(hub)
        return hub, hub.start()

    yield factory
    for hub in hubs:
        hub.stop()


def store_events(hub: Hub) -> list[tuple[int, ev.Envelope]]:
    return list(hub.store.read())  # type: ignore[attr-defined]


def test_simulated_time_goes_out_as_wall_clock_time() -> None:
    clock = Timebase(start_ms=1_000_000, speed=60)
    assert clock.sim(1_001_000) == 1_060_000  # a second of the desk's time is a simulated minute
    assert clock.wire(1_060_000) == 1_001_000
    clock.pause(500)
    assert clock.sim(1_001_500) == 1_060_000 and clock.wire(1_060_000) == 1_001_500
    with pytest.raises(ValueError, match="positive"):
        Timebase(start_ms=0, speed=0)
    assert int(run_tag(1_480_586_400_123), 36) == 1_480_586_400 and run_tag(0) == "0"


def test_the_roster_the_hub_needs(city: City) -> None:
    groups = simulated_roster(city, 1100)
    assert set(groups) <= set(registration_events(city))
    assert {b.unit_kind for b in groups} == {UnitKind.PATROL_GROUP}
    officers = simulated_roster(city, 2000)
    assert len(officers) == 2000 and {b.unit_kind for b in officers} == {UnitKind.OFFICER}


def test_a_city_against_a_real_hub(city: City, make_hub: Callable[..., tuple[Hub, Endpoints]]) -> None:
    hub, endpoints = make_hub(city, 40)
    runner = SimulationRunner(city, SimConfig(units=40), endpoints, speed=120)
    runner.start()
    try:
        assert runner.ready.wait(90), runner.failure
        # Calls ring and are taken, the automatic desk dispatches, units acknowledge orders that came over
        # the wire.
        wait_for(lambda: runner.counts["sent.dispatch_ack"] >= 3 and runner.counts["sent.arrival"] >= 1, 90)
    finally:
        runner.stop()
    assert runner.failure is None and runner.stopped
    state = hub.state
    assert state.refusal_count == 0
    assert not hub.stats()["nacks"]
    assert runner.counts["orders"] >= 3
    reporting = {u.id for u in state.units.values() if u.last_report}
    assert len(reporting) == 40
    now = time.time() * 1000
    offered = {e.body.call: e for _g, e in store_events(hub) if isinstance(e.body, ev.CallOffered)}
    assert offered and {e.source for e in offered.values()} == {"sim-phone"}
    for incident in state.incidents.values():
        assert now - 600_000 < incident.call_time <= now  # wall-clock times, not simulated ones
        # Numbered like any desk's incident, by the date of its call, from a call that rang first.
        assert incident.id.startswith(incident_prefix("sim-desk", incident.call_time))
        assert incident.call in offered and incident.origin is IncidentOrigin.CALL and incident.simulated
        assert offered[incident.call].body.number == incident.caller_number


def test_a_restarted_simulator_numbers_its_incidents_on(city: City,
                                                       make_hub: Callable[..., tuple[Hub, Endpoints]]) -> None:
    hub, endpoints = make_hub(city, 5)
    runs: list[list[str]] = []
    for _ in range(2):
        runner = SimulationRunner(city, SimConfig(units=5, incidents_per_day=50_000), endpoints, speed=60)
        known = set(hub.state.incidents)
        runner.start()
        try:
            assert runner.ready.wait(90), runner.failure
            wait_for(lambda known=known: len(set(hub.state.incidents) - known) >= 3, 90)
        finally:
            runner.stop()
        assert runner.failure is None
        runs.append(sorted(set(hub.state.incidents) - known))
    assert hub.state.refusal_count == 0
    first, second = ({incident: hub.state.incidents[incident].call_time for incident in run} for run in runs)
    for incident, call_time in {**first, **second}.items():
        assert incident.startswith(incident_prefix("sim-desk", call_time))  # the same series, no run tag
    # The second run carries on after the first, on the same day's series (a number per day and desk).
    def number(incident: str) -> int:
        return int(incident.rsplit("-", 1)[1])
    for incident in second:
        day = incident.rsplit("-", 1)[0]
        assert number(incident) > max((number(i) for i in first if i.startswith(day + "-")), default=0)


def test_units_take_their_keys_from_the_key_directory_and_make_missing_ones(
    city: City, make_hub: Callable[..., tuple[Hub, Endpoints]], tmp_path: Path
) -> None:
    keys = KeyDirectory(tmp_path / "keys")
    keys.hub_certificate()
    hub, endpoints = make_hub(city, 5, keys)
    runner = SimulationRunner(city, SimConfig(units=5, auto_dispatch=False), endpoints, speed=10, keys=keys)
    runner.start()
    try:
        assert runner.ready.wait(90), runner.failure
        wait_for(lambda: sum(1 for u in hub.state.units.values() if u.last_report) == 5, 90)
    finally:
        runner.stop()
    assert runner.failure is None
    names = {cert.name for cert, authorized in keys.listing() if authorized}
    assert names == {u.unit for u in simulated_roster(city, 5)} | {"sim-desk", "sim-phone"}
    assert {cert.name: cert.role for cert, _ in keys.listing() if cert.role} == {
        "sim-desk": Role.DISPATCHER, "sim-phone": Role.TELEPHONY}


def test_the_simulate_command(city: City, make_hub: Callable[..., tuple[Hub, Endpoints]]) -> None:
    hub, endpoints = make_hub(city, 10)
    code = main(["simulate", "--hub", endpoints.field, "--workstation", endpoints.workstation,
                 "--publish", endpoints.publish, "--plain", "--units", "10", "--speed", "30",
                 "--duration", "3", "--no-auto-dispatch"])
    assert code == 0
    assert sum(1 for u in hub.state.units.values() if u.last_report) == 10
    # Calls still ring, but without the automatic desk nobody answers one, and there are no incidents.
    kinds = {e.kind for _g, e in store_events(hub)}
    assert "call_offered" in kinds and not kinds & {"call_answered", "incident_created", "unit_dispatched"}


def test_the_simulate_command_says_what_is_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["simulate", "--speed", "0"])
    assert "greater than 0" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["simulate", "--hub", "localhost:5555"])
    assert "ZeroMQ endpoint" in capsys.readouterr().err
