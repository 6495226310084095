"""The embedded set-up: hub and clients in one process, on inproc:// endpoints of one shared context."""

from __future__ import annotations

from pathlib import Path

import pytest
import zmq

from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.hub import Hub, PlainSecurity
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitStatus
from tests.bus.conftest import AREA, INSIDE, incident, open_store, roster, wait_for

pytestmark = pytest.mark.timeout(60)


def test_an_in_process_hub_on_inproc_endpoints_serves_units_and_workstations(tmp_path: Path) -> None:
    context = zmq.Context()
    store, projector = open_store(tmp_path)
    hub = Hub(store, projector=projector, security=PlainSecurity(), blob_dir=tmp_path / "blobs",
              field_endpoint="inproc://field", workstation_endpoint="inproc://desk",
              publish_endpoint="inproc://events", area=AREA, bootstrap=roster(), context=context)
    endpoints = hub.start()
    desk = WorkstationClient("ws-01", command_endpoint=endpoints.workstation, publish_endpoint=endpoints.publish,
                             context=context)
    desk.start()
    orders = []
    try:
        assert desk.wait_synced(10)
        with FieldFleet(context=context) as fleet:
            unit = fleet.add(FieldClient("P-0001", endpoints.field, context=context, on_order=orders.append))
            unit.report(ev.StatusReport(status=UnitStatus.AVAILABLE))
            unit.position(*INSIDE)
            assert fleet.run_until(lambda: unit.unacked == 0, timeout=10)
            assert desk.send_command(incident("J-1")).result(timeout=10).accepted
            assert desk.send_command(ev.UnitDispatched(incident="J-1", unit="P-0001")).result(timeout=10).accepted
            assert fleet.run_until(lambda: orders and not hub.state.orders, timeout=10)
        wait_for(lambda: desk.gseq == hub.stats()["last_gseq"])
        assert desk.state == hub.state and desk.state.units["P-0001"].incident == "J-1"
    finally:
        desk.stop()
        hub.stop()
        context.term()
