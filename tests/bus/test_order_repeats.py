"""An order a unit has not acknowledged is repeated at the documented interval (2 s), not later."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import RawPeer, Running

pytestmark = pytest.mark.timeout(60)


def test_an_unacknowledged_order_is_repeated_every_two_seconds(make_hub: Callable[..., Running],
                                                               raw_peers: Callable[..., RawPeer],
                                                               workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub()  # the default interval, as PROTOCOL.md documents it
    assert running.hub.orders.resend_interval == 2.0
    handset = raw_peers(running.endpoints.field)
    handset.send(handset.session.pack(p.HELLO, p.Hello(source="P-0002")))
    reply = workstations(running).send_command(ev.MessageSent(unit="P-0002", order="M-1", text="回所里"))
    assert reply.result(timeout=10).accepted
    arrivals: list[float] = []
    deadline = time.monotonic() + 20
    while len(arrivals) < 4 and time.monotonic() < deadline:  # the handset never acknowledges
        got = handset.receive(timeout=5)
        if got is not None and got[0] == p.ORDER and got[1]["order"] == "M-1":
            arrivals.append(time.monotonic())
    assert len(arrivals) == 4, arrivals
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    # Generous bounds around 2 s: a repeat that waited for the next fixed round came after up to 4 s.
    assert all(1.5 <= gap < 3.2 for gap in gaps), gaps
