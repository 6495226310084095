"""A ``Toolkit`` of stand-ins for the analytics modules other helpers write: counts, fit and levels the
test decides, a history writer that can be cancelled. The desk's own code runs unchanged over it."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from dispatch_desktop.domain.city import City
from dispatch_desktop.ui.analytics.engine import Toolkit
from tests.analytics.fakes import Area, AreaKind, AreaLevel, FakeConfig, FakeCounts, FakeModel, staffing_for


class Written(NamedTuple):
    fraction: float  # as history.HistoryProgress


@dataclass
class FakeStore:
    url: str


@dataclass
class Analytics:
    """What the fake modules answer, and what they were asked (counted on the worker threads)."""

    counts: FakeCounts | None = None  # the live log's (and the history log's unless given below)
    history_counts: FakeCounts | None = None
    levels: Mapping[Area, AreaLevel] = field(default_factory=dict)
    fit_error: Exception | None = None
    level: float = 1.0  # the recent level the normal band is read with
    hour_ranks: Mapping[Area, np.ndarray] = field(default_factory=dict)  # each hour's colour, the last hours'
    fits: int = 0
    reads: list[str] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)
    history_steps: int = 50
    history_step_s: float = 0.02
    started_history: threading.Event = field(default_factory=threading.Event)

    def toolkit(self) -> Toolkit:
        return Toolkit(load_config=FakeConfig, count_cache=self._cache, fit_normal=self._fit,
                       levels_at=self._levels_at, staffing_for=staffing_for, normal_band=self._normal_band,
                       level_ranks=self._level_ranks, write_history=self._write_history,
                       area=lambda kind, area_id: Area(AreaKind(kind), area_id), open_store=self._open_store,
                       log_absent=lambda url: False)

    def _normal_band(self, counts: FakeCounts, model: FakeModel, area: Area, first_slot: int, slots: int,
                     q: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The fake model's value and band times ``level`` (the recent level the real one reads)."""
        low, high = model.band(area, first_slot, slots, q)
        return (model.expected(area, first_slot, slots) * self.level, low * self.level, high * self.level)

    def _level_ranks(self, counts: FakeCounts, model: FakeModel, config: FakeConfig, area: Area, first_slot: int,
                     last_slot: int) -> np.ndarray:
        """``hour_ranks[area]`` as the last hours up to ``last_slot``, green before them."""
        ranks = np.zeros(last_slot - first_slot + 1, dtype=np.int64)
        given = np.asarray(self.hour_ranks.get(area, ()), dtype=np.int64)[-len(ranks):]
        ranks[len(ranks) - len(given):] = given
        return ranks

    def _cache(self, directory: Path, url: str, city: City) -> Any:
        analytics = self

        class Cache:
            def update(self, store: FakeStore, *, progress: Any = None, cancelled: Any = None) -> FakeCounts | None:
                analytics.threads.add(threading.current_thread().name)
                analytics.reads.append(store.url)
                if progress is not None:
                    progress(1.0)
                if store.url.endswith("history.sqlite3") and analytics.history_counts is not None:
                    return analytics.history_counts
                return analytics.counts

        return Cache()

    @contextlib.contextmanager
    def _open_store(self, url: str, writing: bool = False) -> Iterator[FakeStore]:
        if writing:
            Path(url.removeprefix("sqlite:///")).touch()
        yield FakeStore(url)

    def _fit(self, counts: FakeCounts, config: FakeConfig, *, until_slot: int, previous: Any = None,
             cancelled: Any = None) -> FakeModel:
        self.threads.add(threading.current_thread().name)
        self.fits += 1
        if self.fit_error is not None:
            raise self.fit_error
        # Every area the counts know is fitted, but those the test gave a thin or failed level.
        statuses = {area: self.levels[area].status if area in self.levels else "ok" for area in counts.areas}
        return FakeModel(fitted_at_ms=int(time.time() * 1000), trained_until_slot=until_slot,
                         status_by_area=statuses)

    def _levels_at(self, counts: FakeCounts, model: FakeModel, config: FakeConfig,
                   at_slot: int) -> dict[Area, AreaLevel]:
        return dict(self.levels)

    def _write_history(self, store: FakeStore, city: City, *, start_ms: int, days: int, seed: int,
                       scale: float = 1.0, progress: Any = None, cancelled: Any = None) -> None:
        self.started_history.set()
        for step in range(self.history_steps):
            if cancelled is not None and cancelled():
                return
            time.sleep(self.history_step_s)
            if progress is not None:
                progress(Written(fraction=(step + 1) / self.history_steps))
