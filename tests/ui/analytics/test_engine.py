"""The analytics worker's engine (Qt-free): where the counts come from, the normal values kept across a
restart and fitted again once older than ``refit_days``, no levels without history."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from dispatch_desktop.analytics.normal import METHOD
from dispatch_desktop.domain.city import City
from dispatch_desktop.ui.analytics.engine import SLOT_MS, AnalyticsEngine, history_path, splice
from tests.analytics.fakes import Area, AreaKind, AreaLevel, Colour, counts_of
from tests.ui.analytics.fake_toolkit import Analytics

DAY_MS = 86_400_000
TIANHE = Area(AreaKind.DISTRICT, "440106")
LIVE = "sqlite:///live.sqlite3"


def engine_at(city: City, data_dir: Path, analytics: Analytics, wall: list[int]) -> AnalyticsEngine:
    return AnalyticsEngine(city, LIVE, data_dir, analytics.toolkit(), wall_ms=lambda: wall[0])


def test_counts_come_from_the_live_log_and_the_history_log_when_there_is_one(city: City, tmp_path: Path) -> None:
    analytics = Analytics(counts=counts_of((TIANHE,), 0, 24))
    engine = engine_at(city, tmp_path, analytics, [100 * SLOT_MS])
    engine.counts()
    assert analytics.reads == [LIVE]
    history_path(tmp_path).parent.mkdir(parents=True, exist_ok=True)
    history_path(tmp_path).touch()
    engine.counts()
    assert analytics.reads[1:] == [f"sqlite:///{history_path(tmp_path)}", LIVE]


def test_the_history_fills_the_hours_before_the_live_log_never_after_nor_twice() -> None:
    history = counts_of((TIANHE,), 0, 72)  # written in whole days, today's evening included
    history.valid[0] = 1
    history.calls[:] = 2
    live = counts_of((TIANHE,), 40, 11)  # the desk's own log: its first hours empty, then busy
    live.valid[0, 5:] = 7
    spliced = splice(history, live, now_slot=50)
    assert spliced is not None and (spliced.first_slot, spliced.slots) == (0, 51)
    assert list(spliced.valid[0, 40:46]) == [1, 1, 1, 1, 1, 7]  # the archive until the live log counts
    assert set(spliced.valid[0, 45:]) == {7} and set(spliced.calls[45:]) == {0}  # then the live log alone
    alone = splice(history, None, now_slot=50)
    assert alone is not None and alone.slots == 51  # never the hours still to come
    assert splice(None, live, now_slot=50) is live and splice(None, None, now_slot=50) is None


def test_the_normal_values_outlive_a_restart_and_are_fitted_again_when_stale(city: City, tmp_path: Path) -> None:
    analytics = Analytics(counts=counts_of((TIANHE,), 0, 24))
    wall = [int(time.time() * 1000)]  # the fit stamps the wall clock
    first = engine_at(city, tmp_path, analytics, wall)
    assert first.needs_fit()
    counts = first.counts()
    assert counts is not None
    first.fit(counts, until_slot=23)
    restarted = engine_at(city, tmp_path, analytics, wall)
    model = restarted.cached_model()
    assert model is not None and model.trained_until_slot == 23  # read back from the disk, not fitted
    assert not restarted.needs_fit() and analytics.fits == 1
    wall[0] += 15 * DAY_MS  # the config's refit_days is 14
    assert restarted.needs_fit()


def test_normal_values_cached_by_an_older_method_are_fitted_again(city: City, tmp_path: Path) -> None:
    analytics = Analytics(counts=counts_of((TIANHE,), 0, 24))
    wall = [int(time.time() * 1000)]
    first = engine_at(city, tmp_path, analytics, wall)
    counts = first.counts()
    assert counts is not None
    first.fit(counts, until_slot=23)
    stale = pickle.loads(first.model_path.read_bytes())
    object.__setattr__(stale, "method", METHOD - 1)  # as a model pickled by an older method reads
    first.model_path.write_bytes(pickle.dumps(stale))
    restarted = engine_at(city, tmp_path, analytics, wall)
    assert restarted.cached_model() is None and restarted.needs_fit()


def test_no_history_means_no_levels_and_levels_stop_where_the_counts_end(city: City, tmp_path: Path) -> None:
    analytics = Analytics(counts=counts_of((TIANHE,), 100, 24),
                          levels={TIANHE: AreaLevel(TIANHE, Colour.BLUE)})
    engine = engine_at(city, tmp_path, analytics, [0])
    counts = engine.counts()
    assert engine.levels(counts, at_slot=200).by_area == {}  # never fitted: "not enough history" everywhere
    assert counts is not None
    engine.fit(counts, until_slot=200)
    levels = engine.levels(counts, at_slot=200)
    assert levels.at_slot == 123 and levels.by_area[TIANHE].colour == Colour.BLUE  # the counts' last slot


def test_a_failed_fit_is_not_tried_again_at_every_read_but_after_an_hour(city: City, tmp_path: Path) -> None:
    analytics = Analytics(counts=counts_of((TIANHE,), 0, 24), fit_error=RuntimeError("did not converge"))
    wall = [int(time.time() * 1000)]
    engine = engine_at(city, tmp_path, analytics, wall)
    counts = engine.counts()
    assert counts is not None and engine.needs_fit()
    with pytest.raises(RuntimeError):
        engine.fit(counts, until_slot=23)
    assert not engine.needs_fit()
    wall[0] += 3_600_001
    assert engine.needs_fit()
