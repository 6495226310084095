"""The simulator's incidents carry only codes the published taxonomy knows (the hub refuses others)."""

from __future__ import annotations

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.taxonomy import code_problem
from dispatch_desktop.sim.calls import CallModel, CallStream
from tests.sim.conftest import HOUR_MS, START_MS


def test_a_simulated_evening_of_calls_has_no_unknown_code(city: City) -> None:
    stream = CallStream(CallModel(city), seed=7, start_ms=START_MS)
    calls = []
    while stream.next_time() < START_MS + 3 * HOUR_MS:
        calls.append(stream.pop())
    assert len(calls) > 1_000
    assert [(c.body, code_problem(c.body)) for c in calls if code_problem(c.body) is not None] == []
