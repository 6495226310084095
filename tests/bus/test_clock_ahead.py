"""A handset whose clock runs ahead cannot freeze itself on the map (issue 11, point 13).

Its fixes are accepted within the hub's window, but count as made when the hub received them; once
its clock is put right, its next fix shows at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import INSIDE, RawPeer, Running, now_ms, wait_for

pytestmark = pytest.mark.timeout(60)

FIVE_MINUTES = 5 * 60_000


def _fix(seq: int, t: int, lat: float) -> ev.Envelope:
    return ev.envelope("P-0001", seq, ev.Position(lat=lat, lon=INSIDE[1]), t)


def test_the_fix_after_a_clock_correction_shows_at_once(make_hub: Callable[..., Running],
                                                         raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub()
    unit = raw_peers(running.endpoints.field)
    unit.report(_fix(1, now_ms() + FIVE_MINUTES, INSIDE[0]))  # the handset's clock is 5 minutes fast
    assert unit.answer()[0] == p.ACK
    ahead = wait_for(lambda: running.hub.state.units["P-0001"].last_report)
    assert ahead <= now_ms()  # counted as received, not as the handset claims
    corrected = INSIDE[0] + 0.01
    unit.report(_fix(2, now_ms() + 50, corrected))  # the clock is put right; the unit has moved
    assert unit.answer()[0] == p.ACK
    wait_for(lambda: running.hub.state.units["P-0001"].lat == corrected)


def test_a_late_fix_still_does_not_replace_a_newer_one(make_hub: Callable[..., Running],
                                                       raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub()
    unit = raw_peers(running.endpoints.field)
    now = now_ms()
    unit.report(_fix(2, now, INSIDE[0]))
    assert unit.answer()[0] == p.ACK
    wait_for(lambda: running.hub.state.units["P-0001"].last_report)
    applied = running.hub.state.applied
    unit.report(_fix(1, now - 10_000, INSIDE[0] + 0.01))  # resent after an outage, older
    assert unit.answer()[0] == p.ACK
    wait_for(lambda: running.hub.state.applied > applied)
    assert running.hub.state.units["P-0001"].lat == INSIDE[0]
