"""A drill replayed as its trainees saw it: the drill's own state (its incidents and simulated units beside the
live city), over the drill's span, while a live replay of the same instant shows none of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.replay.opening import DRILL_MARGIN_MS, ReplayRefused, ReplayRequest, open_log
from dispatch_desktop.store import EventStore
from tests.drill.drill_log import DRILL, EARLIER_DRILL, T0, S, write_drill_log


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'drill.db'}"
    with EventStore.open(url) as store:
        write_drill_log(store)
    return url


def test_a_drill_opens_on_its_span_in_its_own_state(url: str) -> None:
    opened = open_log(url, ReplayRequest(drill=DRILL))
    try:
        assert opened.drill is not None and opened.drill.drill == DRILL
        assert (opened.span.first_ms, opened.span.last_ms) == (T0 - DRILL_MARGIN_MS, T0 + 480 * S + DRILL_MARGIN_MS)
        state = opened.engine.seek(T0 + 200 * S).state
        assert state.mode is Mode.DRILL and state.drill is not None and state.drill.drill == DRILL
        assert state.incidents["J-D-1"].drill == DRILL and state.incidents["J-D-1"].arrived_at == T0 + 180 * S
        assert "DRILL-PG-1" in state.units
        assert "J-L-1" in state.incidents and not state.incidents["J-L-1"].drill  # live work goes on beside it
        assert "J-D-0" not in state.incidents  # the earlier drill's incident is not this drill's
        later = opened.engine.advance(T0 + 260 * S).state  # played on: the SOS at +04:00 is folded in
        assert later.units["DRILL-PG-1"].sos and not state.units["DRILL-PG-1"].sos
        assert opened.marks and min(opened.marks) >= T0  # ←/→ step through the drill's incidents
    finally:
        opened.store.close()
    live = open_log(url, ReplayRequest(start_ms=T0, end_ms=T0 + 480 * S))
    try:
        assert "J-D-1" not in live.engine.seek(T0 + 200 * S).state.incidents
    finally:
        live.store.close()


def test_an_unknown_drill_is_refused_naming_the_drills_the_log_holds(url: str) -> None:
    with pytest.raises(ReplayRefused) as refused:
        open_log(url, ReplayRequest(drill="D-20251122-07"))
    assert refused.value.code == "unknown_drill" and refused.value.values["drill"] == "D-20251122-07"
    assert EARLIER_DRILL in str(refused.value) and DRILL in str(refused.value)
