"""One unit flooding reports that break a rule cannot flood the log and every desk (issue 11, point 14):
its first refusals of the minute are stored as evidence, the rest are answered but only counted, one
``refusals_suppressed`` event says how many, and an honest unit is served throughout."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import INSIDE, RawPeer, Running, wait_for

pytestmark = pytest.mark.timeout(60)

BUDGET = 5
FLOOD = 200


class Clock:
    """The hub's clock, a minute ahead on demand (its minute windows are measured by it)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def ms(self) -> int:
        return int(self() * 1000)


def test_a_flood_of_refused_reports_is_stored_up_to_the_budget_then_summed(
        make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]) -> None:
    clock = Clock()
    running = make_hub(refusal_budget=BUDGET, clock=clock)
    flooder, honest = raw_peers(running.endpoints.field), raw_peers(running.endpoints.field)
    answers = []
    for seq in range(1, FLOOD + 1):
        flooder.report(ev.envelope("P-0001", seq, ev.Arrival(incident="J-404"), clock.ms()))  # no such incident
        if seq % 20 == 0:  # the honest unit keeps reporting through the flood, and keeps being answered
            honest.report(ev.envelope("P-0002", seq // 20, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), clock.ms()))
            assert honest.answer()[0] == p.ACK
    while len(answers) < FLOOD:
        kind, nack = flooder.answer()
        assert kind == p.NACK
        answers.append(nack)
    stored = [a for a in answers if a["gseq"] > 0]
    counted = [a for a in answers if a["gseq"] == 0]
    assert len(stored) == BUDGET and len(counted) == FLOOD - BUDGET
    assert all(a["code"] == stored[0]["code"] and a["params"]["suppressed"] == "1" for a in counted)
    assert "suppressed" not in stored[0]["params"]
    refused = [e for _g, e in running.stored() if isinstance(e.body, ev.Refused)]
    assert len(refused) == BUDGET

    clock.offset = 61.0  # the minute is over: the hub says what it did not store, once
    summary = wait_for(lambda: [e.body for _g, e in running.stored() if isinstance(e.body, ev.RefusalsSuppressed)])
    assert summary == [ev.RefusalsSuppressed(source="P-0001", count=FLOOD - BUDGET,
                                             codes={stored[0]["code"]: FLOOD - BUDGET},
                                             first=summary[0].first, last=summary[0].last)]
    assert summary[0].first <= summary[0].last
    wait_for(lambda: running.hub.state.refusal_count == FLOOD)  # every refusal counted on the desks


def test_a_hub_that_stops_stores_what_it_counted(make_hub: Callable[..., Running],
                                                raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub(refusal_budget=0, real=True)
    flooder = raw_peers(running.endpoints.field)
    flooder.report(ev.envelope("P-0001", 1, ev.Arrival(incident="J-404"), int(time.time() * 1000)))
    assert flooder.answer()[1]["gseq"] == 0
    running.hub.stop()
    summaries = [e.body for _g, e in running.stored() if isinstance(e.body, ev.RefusalsSuppressed)]
    assert [s.count for s in summaries] == [1]
