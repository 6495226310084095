"""A unit that sends nothing gets its orders promptly after the hub restarts (PROTOCOL.md 8.1): the
reference client notices that ZeroMQ made its connection anew and says hello at once, instead of
waiting for its keep-alive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.hub import CurveSecurity, Hub, PlainSecurity
from dispatch_desktop.bus.keys import KeyDirectory
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import AREA, UNITS, HubFactory, Running, roster

pytestmark = pytest.mark.timeout(60)

# Far beyond the test: without noticing the reconnection these units would not be heard from again.
SILENT = 3600.0
# Generous, and still well under the 10 s keep-alive of a real unit.
PROMPTLY = 5.0


def _restart(make_hub: HubFactory, running: Running, tmp_path: Path) -> Running:
    """Stop the hub and start a new one on the same store and endpoints, as a restarted hub process."""
    running.hub.stop()
    security = CurveSecurity(running.keys.root) if running.keys is not None else PlainSecurity()
    endpoints = running.endpoints
    hub = Hub(running.store, projector=type(running.projector)(running.store), security=security,
              blob_dir=tmp_path / "blobs", field_endpoint=endpoints.field, workstation_endpoint=endpoints.workstation,
              publish_endpoint=endpoints.publish, area=AREA, bootstrap=roster())
    make_hub.hubs.append(hub)  # stopped at the end of the test
    hub.start()
    return Running(hub, running.store, running.projector, endpoints, running.keys)


@pytest.mark.parametrize("secure", [False, True], ids=["plain", "curve"])
def test_silent_units_get_orders_sent_after_a_hub_restart_without_waiting_for_their_keepalive(
        make_hub: HubFactory, keys: KeyDirectory, tmp_path: Path,
        workstations: Callable[..., WorkstationClient], secure: bool) -> None:
    running = make_hub(keys=keys if secure else None)
    orders: dict[str, list[p.Order]] = {unit: [] for unit in UNITS}
    with FieldFleet() as fleet:
        for unit in UNITS:
            fleet.add(FieldClient(unit, running.endpoints.field, context=fleet.context, keepalive=SILENT,
                                  curve=running.credentials(unit) if secure else None,
                                  on_order=orders[unit].append))
        assert fleet.run_until(lambda: all(client.welcome is not None for client in fleet), timeout=10)
        first_hub = fleet.client(UNITS[0]).welcome.hub  # type: ignore[union-attr]

        restarted = _restart(make_hub, running, tmp_path)
        desk = workstations(restarted)
        # The first unit added and the last: every unit of the fleet, not only the one it watches.
        for unit in (UNITS[0], UNITS[-1]):
            reply = desk.send_command(ev.MessageSent(unit=unit, order=f"M-{unit}", text="回所里"))
            assert reply.result(timeout=10).accepted

        assert fleet.run_until(lambda: bool(orders[UNITS[0]] and orders[UNITS[-1]]), timeout=PROMPTLY), (
            "a silent unit did not get its order after the hub restarted")
        assert [order.order for order in orders[UNITS[-1]]] == [f"M-{UNITS[-1]}"]
        # The units said hello to the new hub (its welcome names the new instance), nothing else. The two
        # orders may come before the other units' welcomes on a loaded machine: wait for those too.
        assert fleet.run_until(lambda: all(client.welcome.hub != first_hub  # type: ignore[union-attr]
                                           for client in fleet), timeout=PROMPTLY)
        assert all(client.unacked == 0 and client.acked == 0 for client in fleet)


def test_units_still_say_hello_after_a_restart_when_the_watched_unit_left_the_fleet(
        make_hub: HubFactory, tmp_path: Path, workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub()
    orders: list[p.Order] = []
    with FieldFleet() as fleet:
        for unit in UNITS:
            fleet.add(FieldClient(unit, running.endpoints.field, context=fleet.context, keepalive=SILENT,
                                  on_order=orders.append))
        assert fleet.run_until(lambda: all(client.welcome is not None for client in fleet), timeout=10)
        fleet.remove(UNITS[0])  # the unit whose socket the fleet watched goes off the air

        desk = workstations(_restart(make_hub, running, tmp_path))
        assert desk.send_command(ev.MessageSent(unit=UNITS[-1], order="M-1", text="回所里")).result(10).accepted
        assert fleet.run_until(lambda: bool(orders), timeout=PROMPTLY), (
            "a silent unit did not get its order after the hub restarted")
