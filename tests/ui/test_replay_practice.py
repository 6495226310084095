"""The practice hour: written once beside the log (never into it), nothing left behind when cancelled."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from dispatch_desktop.store import EventStore
from dispatch_desktop.ui.replay.practice import practice_path, practice_start_ms, write_practice_hour

pytestmark = [pytest.mark.timeout(240)]


def test_a_practice_stretch_is_a_simulated_city_at_yesterday_evening(tmp_path: Path) -> None:
    path = practice_path(tmp_path)
    assert write_practice_hour(path, cancelled=threading.Event(), units=40, minutes=3)
    with EventStore.open(f"sqlite:///{path}") as store:
        state = store.state_at()
        first = next(iter(store.read(0, limit=1)))[1]
    assert len(state.units) == 40 and state.incidents
    assert practice_start_ms() <= first.t_hub < practice_start_ms() + 3 * 60_000
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []  # no partial file left


def test_a_cancelled_practice_hour_leaves_nothing(tmp_path: Path) -> None:
    path = practice_path(tmp_path)
    cancelled = threading.Event()
    cancelled.set()
    assert not write_practice_hour(path, cancelled=cancelled, units=40, minutes=3)
    assert list(path.parent.iterdir()) == []
