"""The desk's analytics work, Qt-free: the hour counts, the normal values and the levels, read and kept on
the analytics worker thread (``service.AnalyticsService`` calls it; nothing here touches Qt or is called
from the GUI thread).

Where the counts come from: the desk's live log (the database URL the replay launcher uses too) and, if
present, a history log at ``<data dir>/analytics/history.sqlite3`` (written by "Generate practice
history", or copied there from ``dispatch-desktop db generate --incidents-only``). Each is read
incrementally by a ``CountCache`` kept under ``<data dir>/analytics/``; the two are spliced, the history
up to the first hour the live log counted anything and the live log from there (``splice``).

The normal values (``NormalModel``) are fitted when there are none or they are older than the config's
``refit_days``, and on demand ("Refit now"); the model is pickled to ``<data dir>/analytics/`` so a
restarted desk has its levels at once. A fit that raises keeps the model in use (the caller says so).

``Toolkit`` gathers the functions of the other analytics modules this needs, so that tests can run the
desk's side with stand-ins; ``real_toolkit()`` imports the real ones when first asked.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import pickle
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from dispatch_desktop.analytics.alerts import AlertRun, alert_runs
from dispatch_desktop.domain.city import City

if TYPE_CHECKING:
    from dispatch_desktop.analytics.config import AnalyticsConfig, StaffingRule
    from dispatch_desktop.analytics.counts import Area, HourlyCounts
    from dispatch_desktop.analytics.levels import AreaLevel
    from dispatch_desktop.analytics.normal import NormalModel

log = logging.getLogger(__name__)

SLOT_MS = 3_600_000
DAY_SLOTS = 24
ANALYTICS_DIR = "analytics"
HISTORY_FILE = "history.sqlite3"
MODEL_FILE = "normal-model.pickle"
BAND_Q = 0.95
RETRY_FIT_MS = 3_600_000  # a failed fit is tried again on its own after an hour ("Refit now" at once)

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Toolkit:
    """The analytics functions the desk calls (the interfaces of issue 17)."""

    load_config: Callable[[], AnalyticsConfig]
    count_cache: Callable[[Path, str, City], Any]  # CountCache(directory, url, city)
    fit_normal: Callable[..., NormalModel]
    levels_at: Callable[..., dict[Area, AreaLevel]]
    staffing_for: Callable[[AreaLevel, AnalyticsConfig], StaffingRule | None]
    # normal_band(counts, model, area, first_slot, slots, q): (expected, low, high) as the levels read them
    normal_band: Callable[..., tuple[np.ndarray, np.ndarray, np.ndarray] | None]
    # level_ranks(counts, model, config, area, first_slot, last_slot): each hour's colour rank, or None
    level_ranks: Callable[..., np.ndarray | None]
    write_history: Callable[..., object]
    area: Callable[[str, str], Area]  # Area(AreaKind(kind), id)
    open_store: Callable[..., contextlib.AbstractContextManager[Any]]  # (url, writing=False): an EventStore
    log_absent: Callable[[str], bool]  # nothing at the URL (opening it would create an empty log)


def real_toolkit() -> Toolkit:
    """The analytics modules of issue 17. The statistics (statsmodels, scipy) are imported when first called,
    which is on the analytics worker: the GUI thread never waits for that import; the fit runs in a child
    process (``fit_process``), whose Python never competes with the GUI thread's."""
    from dispatch_desktop.analytics.config import load_config
    from dispatch_desktop.analytics.counts import Area, AreaKind, CountCache
    from dispatch_desktop.store import EventStore, StoreError
    from dispatch_desktop.store.location import Found, inspect

    def absent(url: str) -> bool:
        try:
            return inspect(url).found is not Found.STORE
        except StoreError:
            return False  # damaged: opening it says what is wrong

    def fit_normal(counts: HourlyCounts, config: AnalyticsConfig, *, until_slot: int,
                   previous: NormalModel | None = None, cancelled: Cancelled | None = None) -> NormalModel:
        from dispatch_desktop.ui.analytics.fit_process import fit_in_process

        model: NormalModel = fit_in_process(counts, config, until_slot=until_slot, previous=previous,
                                            cancelled=cancelled)
        return model

    def levels_at(*args: Any, **kwargs: Any) -> dict[Area, AreaLevel]:
        from dispatch_desktop.analytics import levels

        return levels.levels_at(*args, **kwargs)

    def staffing_for(level: AreaLevel, config: AnalyticsConfig) -> StaffingRule | None:
        from dispatch_desktop.analytics import levels

        return levels.staffing_for(level, config)

    def normal_band(*args: Any, **kwargs: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        from dispatch_desktop.analytics import levels

        return levels.normal_band(*args, **kwargs)

    def level_ranks(*args: Any, **kwargs: Any) -> np.ndarray | None:
        from dispatch_desktop.analytics import levels

        return levels.level_ranks(*args, **kwargs)

    def write_history(*args: Any, **kwargs: Any) -> object:
        from dispatch_desktop.analytics import history

        return history.write_history(*args, **kwargs)

    return Toolkit(load_config=lambda: load_config(None), count_cache=CountCache, fit_normal=fit_normal,
                   levels_at=levels_at, staffing_for=staffing_for, normal_band=normal_band, level_ranks=level_ranks,
                   write_history=write_history,
                   area=lambda kind, area_id: Area(AreaKind(kind), area_id),
                   open_store=lambda url, writing=False: EventStore.open(url, maintenance=writing), log_absent=absent)


def analytics_dir(data_dir: Path) -> Path:
    return data_dir / ANALYTICS_DIR


def history_path(data_dir: Path) -> Path:
    return analytics_dir(data_dir) / HISTORY_FILE


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class Levels:
    """The levels of every area at one slot, and what they rest on."""

    at_slot: int  # the last complete slot they describe
    by_area: Mapping[Area, AreaLevel]  # empty: no normal values yet (no history)
    fitted_at_ms: int  # 0: no model
    fit_error: str = ""  # the last fit failed with this; the levels come from the model before


@dataclass(frozen=True)
class Snapshot:
    """What the worker last worked out, handed to the GUI thread whole (all of it immutable)."""

    counts: HourlyCounts | None  # the history's and the live log's, spliced: what the levels read
    live_counts: HourlyCounts | None  # the live log's alone: what the dashboard's day reads
    model: NormalModel | None
    config: AnalyticsConfig
    levels: Levels
    has_history: bool  # a history log is there


@dataclass(frozen=True)
class Trend:
    """A district's (or station area's) hourly counts over the last days against its normal value."""

    area: Area
    first_slot: int
    observed: np.ndarray  # per slot
    expected: np.ndarray | None  # None: no normal value (no model, or the area is thin)
    low: np.ndarray | None
    high: np.ndarray | None
    level: AreaLevel | None
    staffing: StaffingRule | None
    ranks: np.ndarray | None = None  # each hour's level as read at its end (0 green … 3 red); None: no colour
    alerts: tuple[AlertRun, ...] = ()  # the runs of hours at yellow or red among them


def trend_of(snapshot: Snapshot, area: Area, days: int, toolkit: Toolkit) -> Trend:
    """Any thread: the last ``days`` days up to the snapshot's slot (included). The normal value and its band
    are drawn as the levels read them (``levels.normal_band``: the fitted mean times the recent level), so
    that the chart beside a level shows what that level was held against."""
    slots = days * DAY_SLOTS
    last = snapshot.levels.at_slot
    first = last - slots + 1
    observed = np.zeros(slots, dtype=np.int64)
    counts = snapshot.counts
    if counts is not None and counts.slots:
        lo, hi = max(first, counts.first_slot), min(last + 1, counts.first_slot + counts.slots)
        if lo < hi:
            with contextlib.suppress(KeyError):  # an area the counts do not know: nothing observed
                observed[lo - first:hi - first] = counts.series(area)[lo - counts.first_slot:hi - counts.first_slot]
    level = snapshot.levels.by_area.get(area)
    expected = low = high = ranks = None
    model = snapshot.model
    if model is not None and model.status_by_area.get(area, "thin") != "thin":
        band = toolkit.normal_band(counts, model, area, first, slots, BAND_Q) if counts is not None else None
        if band is None:  # no counts to read the recent level from: the fitted normal value as such
            band = (model.expected(area, first, slots), *model.band(area, first, slots, BAND_Q))
        expected, low, high = (np.asarray(values, dtype=float) for values in band)
        if counts is not None:
            ranks = toolkit.level_ranks(counts, model, snapshot.config, area, first, last)
    staffing = (toolkit.staffing_for(level, snapshot.config) if level is not None and level.colour is not None
                else None)
    return Trend(area=area, first_slot=first, observed=observed, expected=expected, low=low, high=high,
                 level=level, staffing=staffing, ranks=ranks,
                 alerts=tuple(alert_runs(ranks)) if ranks is not None else ())


def trimmed(counts: HourlyCounts, first: int, end: int) -> HourlyCounts | None:
    """The columns of ``counts`` from slot ``first`` to before ``end``; None when none are left."""
    lo, hi = max(first, counts.first_slot), min(end, counts.first_slot + counts.slots)
    if lo >= hi:
        return None
    columns = slice(lo - counts.first_slot, hi - counts.first_slot)
    return dataclasses.replace(counts, first_slot=lo, valid=counts.valid[:, columns],
                               non_police=counts.non_police[:, columns], calls=counts.calls[columns])


def first_busy_slot(counts: HourlyCounts) -> int | None:
    """The first slot in which anything was counted (a log's first hours may be empty columns)."""
    busy = np.flatnonzero(counts.valid.sum(axis=0) + counts.calls)
    return counts.first_slot + int(busy[0]) if len(busy) else None


def splice(history: HourlyCounts | None, live: HourlyCounts | None, now_slot: int) -> HourlyCounts | None:
    """The history log's counts before the live log's first counted slot (and never after ``now_slot``:
    practice history is written in whole days), then the live log's.

    Not summed where they overlap: an archive and the live log that both hold today's morning would count
    it twice, and an archive that ends before the live log begins would leave hours of zeros between them,
    which the levels would read as a quiet district suddenly surging."""
    live_start = first_busy_slot(live) if live is not None else None
    end = min(now_slot + 1, live_start) if live_start is not None else now_slot + 1
    before = trimmed(history, history.first_slot, end) if history is not None else None
    if before is None:
        return live
    if live is None or live_start is None:
        return before
    after = trimmed(live, live_start, live.first_slot + live.slots)
    return before.combined(after) if after is not None else before


def last_slot(counts: HourlyCounts, wanted: int) -> int:
    """``wanted``, or the counts' last slot when they end before it."""
    return min(wanted, counts.first_slot + counts.slots - 1)


class AnalyticsEngine:
    """Counts, fits and levels for one desk. Called from one worker thread at a time."""

    def __init__(self, city: City, live_url: str, data_dir: Path, toolkit: Toolkit | None = None, *,
                 wall_ms: Callable[[], int] = lambda: int(time.time() * 1000)) -> None:
        self.city = city
        self.live_url = live_url
        self.directory = analytics_dir(data_dir)
        self.history_path = history_path(data_dir)
        self._toolkit = toolkit
        self._wall_ms = wall_ms
        self._caches: dict[str, Any] = {}
        self._config: AnalyticsConfig | None = None
        self.model: NormalModel | None = None
        self._model_loaded = False
        self.live_counts: HourlyCounts | None = None  # as last read
        self._failed_at_ms = -RETRY_FIT_MS  # when a fit last failed

    @property
    def toolkit(self) -> Toolkit:
        if self._toolkit is None:
            self._toolkit = real_toolkit()
        return self._toolkit

    @property
    def config(self) -> AnalyticsConfig:
        if self._config is None:
            self._config = self.toolkit.load_config()
        return self._config

    @property
    def model_path(self) -> Path:
        return self.directory / MODEL_FILE

    def has_history(self) -> bool:
        return self.history_path.exists()

    # --- counts ---------------------------------------------------------------------------------------

    def counts(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> HourlyCounts | None:
        """The history log's counts up to where the live log begins, then the live log's (``splice``); None
        when there is neither. The live log's own counts are kept in ``live_counts`` (the dashboard's day
        is the live log's: simulated history never adds to today's figures)."""
        history = live = None
        sources = 2 if self.has_history() else 1

        def part(n: int) -> Progress:
            return lambda fraction: progress(min(1.0, (n + fraction) / sources)) if progress is not None else None

        if self.has_history():
            history = self._read(sqlite_url(self.history_path), "history", part(0), cancelled)
        if not self.toolkit.log_absent(self.live_url):
            live = self._read(self.live_url, "live", part(sources - 1), cancelled)
        self.live_counts = live
        return splice(history, live, self._wall_ms() // SLOT_MS)

    def _read(self, url: str, name: str, progress: Progress, cancelled: Cancelled | None) -> HourlyCounts:
        cache = self._caches.get(name)
        if cache is None:
            directory = self.directory / f"counts-{name}"
            directory.mkdir(parents=True, exist_ok=True)
            cache = self._caches[name] = self.toolkit.count_cache(directory, url, self.city)
        with self.toolkit.open_store(url) as store:
            counts: HourlyCounts = cache.update(store, progress=progress, cancelled=cancelled)
        return counts

    def forget_history_counts(self) -> None:
        """The history log was written anew: its counts are read again from the start."""
        self._caches.pop("history", None)
        with contextlib.suppress(FileNotFoundError):
            for path in (self.directory / "counts-history").iterdir():
                path.unlink()

    # --- the normal values ------------------------------------------------------------------------------

    def cached_model(self) -> NormalModel | None:
        if not self._model_loaded:
            self._model_loaded = True
            try:
                self.model = pickle.loads(self.model_path.read_bytes())  # our own file, written below
            except FileNotFoundError:
                self.model = None
            except Exception as error:  # a file from another version: fitted again
                log.warning("the cached normal values %s could not be read (%s); they are fitted again",
                            self.model_path, error)
                self.model = None
            if self.model is not None:
                from dispatch_desktop.analytics.normal import METHOD  # imported by the unpickling already

                if getattr(self.model, "method", METHOD) != METHOD:
                    log.info("the cached normal values %s were made by an older method; they are fitted again",
                             self.model_path)
                    self.model = None
        return self.model

    def needs_fit(self) -> bool:
        """No model, or one older than ``refit_days``; but not within ``RETRY_FIT_MS`` of a failed fit (a
        fit that fails would otherwise be tried again at every read of the counts)."""
        now = self._wall_ms()
        if now - self._failed_at_ms < RETRY_FIT_MS:
            return False
        model = self.cached_model()
        if model is None:
            return True
        return now - model.fitted_at_ms > self.config.refit_days * 86_400_000

    def fit(self, counts: HourlyCounts, until_slot: int, cancelled: Cancelled | None = None) -> NormalModel:
        """Fit afresh from ``counts`` up to ``until_slot``; kept in memory and on disk. Raises what the fit
        raises (the model in use stays)."""
        try:
            model = self.toolkit.fit_normal(counts, self.config, until_slot=last_slot(counts, until_slot),
                                            previous=self.cached_model(), cancelled=cancelled)
        except Exception:
            self._failed_at_ms = self._wall_ms()
            raise
        self._failed_at_ms = -RETRY_FIT_MS
        self.model = model
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = self.model_path.with_name(f".{MODEL_FILE}.{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(model))
        os.replace(partial, self.model_path)
        return model

    # --- levels -------------------------------------------------------------------------------------------

    def levels(self, counts: HourlyCounts | None, at_slot: int, fit_error: str = "") -> Levels:
        """The levels of ``at_slot``, or of the last slot the counts reach when they end before it (a
        history log and no live one: the panel says which hour the levels are of)."""
        model = self.cached_model()
        if counts is None or model is None or not counts.slots:
            return Levels(at_slot=at_slot, by_area={}, fitted_at_ms=0, fit_error=fit_error)
        at_slot = last_slot(counts, at_slot)
        by_area = self.toolkit.levels_at(counts, model, self.config, at_slot)
        return Levels(at_slot=at_slot, by_area=by_area, fitted_at_ms=model.fitted_at_ms, fit_error=fit_error)

    def areas(self) -> Iterator[Area]:
        for district in self.city.districts:
            yield self.toolkit.area("district", district.adcode)
        for station in self.city.stations:
            yield self.toolkit.area("station", station.id)
