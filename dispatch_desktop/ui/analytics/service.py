"""The desk's analytics off the GUI thread: the dashboard's figures, the counts, the fit and the levels.

Two worker threads, so that a fit of several seconds never holds up the dashboard:

- *figures*: ``dashboard_figures`` from the desk's latest state, at most every ``interval_ms`` while the
  dashboard is shown (``set_active``), the latest state winning: states arriving while one is computed are
  not queued, only the newest is computed next; a district's trend (``request_trend``) runs here too;
- *history*: ``AnalyticsEngine``'s counts (every ``counts_interval_ms``, so each hour slot gets its
  levels soon after it ends), the fit when due or asked for ("Refit now"), the levels.

Results come back through queued signals; the GUI thread never waits on a worker or the database, and
while the history worker reads or fits, the values shown stay (``busyChanged`` says what it does).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from dispatch_desktop.analytics.dashboard import DashboardFigures, dashboard_figures
from dispatch_desktop.domain.state import State
from dispatch_desktop.ui.analytics.engine import SLOT_MS, AnalyticsEngine, Levels, Snapshot, trend_of

if TYPE_CHECKING:
    from dispatch_desktop.analytics.counts import Area

log = logging.getLogger(__name__)

DASHBOARD_INTERVAL_MS = 3_000
COUNTS_INTERVAL_MS = 60_000


class _Posted(QObject):
    """A worker's result, queued to the GUI thread."""

    done = Signal(object, object)  # callback, result
    progress = Signal(str, float)  # what the history worker does, fraction done (-1: unknown)


class CountingStopped(Exception):
    """The service was stopped while the history worker read the log."""


class AnalyticsService(QObject):
    dashboardChanged = Signal(object)  # DashboardFigures
    snapshotChanged = Signal(object)  # engine.Snapshot: counts, model, config and the levels
    trendReady = Signal(object)  # engine.Trend
    busyChanged = Signal(str, float)  # what the history worker does ("": nothing), fraction (-1: unknown)
    failed = Signal(str)  # a sentence for the status bar

    def __init__(self, engine: AnalyticsEngine, state: Callable[[], State], *, districts: Iterable[str],
                 now_ms: Callable[[], int] = lambda: int(time.time() * 1000),
                 interval_ms: int = DASHBOARD_INTERVAL_MS, counts_interval_ms: int = COUNTS_INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._state = state
        self._districts = tuple(districts)
        self._now_ms = now_ms
        self._figures_pool = ThreadPoolExecutor(1, thread_name_prefix="analytics-figures")
        self._history_pool = ThreadPoolExecutor(1, thread_name_prefix="analytics-history")
        self._stopping = threading.Event()
        self._posted = _Posted(self)
        self._posted.done.connect(lambda callback, result: callback(result), Qt.ConnectionType.QueuedConnection)
        self._posted.progress.connect(self.busyChanged, Qt.ConnectionType.QueuedConnection)
        self.snapshot: Snapshot | None = None
        self.figures: DashboardFigures | None = None
        self.active = False
        self.computed = 0  # dashboard computations finished (tests, the bench)
        self.compute_figures: Callable[..., DashboardFigures] = dashboard_figures  # the bench times it
        self._figures_running = False
        self._figures_wanted = False
        self._last_figures_at = -1e18
        self._figures_timer = QTimer(self)
        self._figures_timer.setSingleShot(True)
        self._figures_timer.timeout.connect(self._start_figures)
        self._interval_ms = interval_ms
        self._history_running = False
        self._history_wanted: bool | None = None  # None: nothing waiting; else "with a refit"
        self._counts_timer = QTimer(self)
        self._counts_timer.setInterval(counts_interval_ms)
        self._counts_timer.timeout.connect(lambda: self.refresh())

    # --- the dashboard ------------------------------------------------------------------------------

    def set_active(self, active: bool) -> None:
        """The dashboard is shown (its figures are worked out) or not (nothing is computed for it)."""
        self.active = active
        if active:
            self.request_dashboard()
        else:
            self._figures_timer.stop()
            self._figures_wanted = False

    def request_dashboard(self) -> None:
        """The state changed: recompute soon, at most once per interval, the newest state winning."""
        if not self.active or self._stopping.is_set():
            return
        self._figures_wanted = True
        if self._figures_running or self._figures_timer.isActive():
            return
        since = (time.perf_counter() * 1000) - self._last_figures_at
        self._figures_timer.start(max(0, round(self._interval_ms - since)))

    def _start_figures(self) -> None:
        if not self._figures_wanted or self._figures_running or self._stopping.is_set():
            return
        self._figures_wanted = False
        self._figures_running = True
        self._last_figures_at = time.perf_counter() * 1000
        state = self._state()  # immutable: safe to hand to the worker
        counts = self.snapshot.live_counts if self.snapshot is not None else None
        now, districts, compute = self._now_ms(), self._districts, self.compute_figures
        self._submit(self._figures_pool,
                     lambda: compute(state, counts, now_ms=now, districts=districts),
                     self._figures_done, self._figures_failed)

    def _figures_done(self, figures: object) -> None:
        self._figures_running = False
        assert isinstance(figures, DashboardFigures)
        self.figures = figures
        self.computed += 1
        self.dashboardChanged.emit(figures)
        if self._figures_wanted:
            self._figures_wanted = False
            self.request_dashboard()

    def _figures_failed(self, error: BaseException) -> None:
        self._figures_running = False
        log.exception("the dashboard's figures failed", exc_info=error)
        self.failed.emit(QCoreApplication.translate(
            "AnalyticsService", "The dashboard could not be worked out: {reason}").format(reason=error))

    # --- a trend --------------------------------------------------------------------------------------

    def request_trend(self, area: Area, days: int) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return  # asked again when the first snapshot arrives (the chart listens to snapshotChanged)
        toolkit = self.engine.toolkit
        self._submit(self._figures_pool, lambda: trend_of(snapshot, area, days, toolkit),
                     self.trendReady.emit, self._figures_failed_quietly)

    def _figures_failed_quietly(self, error: BaseException) -> None:
        log.warning("a trend could not be worked out: %s", error)
        self.failed.emit(QCoreApplication.translate(
            "AnalyticsService", "The trend could not be worked out: {reason}").format(reason=error))

    # --- counts, fit, levels ------------------------------------------------------------------------------

    def start(self) -> None:
        """Read the counts (and fit if due) now, then every ``counts_interval_ms``."""
        self._counts_timer.start()
        self.refresh()

    def refresh(self, *, refit: bool = False) -> None:
        """Read the new events, refit when due (or when ``refit``), work out the levels of the last complete
        slot. While a run is under way the request waits for it (one more run, not one per request)."""
        if self._stopping.is_set():
            return
        if self._history_running:
            self._history_wanted = bool(self._history_wanted) or refit
            return
        self._history_running = True
        at_slot = self._now_ms() // SLOT_MS - 1
        self._submit(self._history_pool, lambda: self._history_work(at_slot, refit), self._history_done,
                     self._history_failed)

    def replace_history(self) -> None:
        """A history log was just written: read it from the start and fit again."""
        self._submit(self._history_pool, self.engine.forget_history_counts, lambda _none: self.refresh(refit=True),
                     self._history_failed)

    def _history_work(self, at_slot: int, refit: bool) -> Snapshot:
        """On the history worker."""
        translate = QCoreApplication.translate  # a plain lookup: safe on any thread
        engine = self.engine
        reading = translate("AnalyticsService", "Counting incidents per hour…")
        self._posted.progress.emit(reading, 0.0)
        counts = engine.counts(progress=lambda fraction: self._posted.progress.emit(reading, fraction),
                               cancelled=self._stopping.is_set)
        fit_error = ""
        if counts is not None and counts.slots and (refit or engine.needs_fit()):
            self._posted.progress.emit(translate("AnalyticsService", "Fitting the normal values…"), -1.0)
            try:
                engine.fit(counts, at_slot, cancelled=self._stopping.is_set)
            except Exception as error:  # the model in use stays: the levels say since when
                if self._stopping.is_set():
                    raise CountingStopped() from error
                log.warning("fitting the normal values failed: %s", error)
                fit_error = str(error) or type(error).__name__
        levels: Levels = engine.levels(counts, at_slot, fit_error)
        return Snapshot(counts=counts, live_counts=engine.live_counts, model=engine.cached_model(),
                        config=engine.config, levels=levels, has_history=engine.has_history())

    def _history_done(self, snapshot: object) -> None:
        assert isinstance(snapshot, Snapshot)
        self._history_finished()
        self.snapshot = snapshot
        self.snapshotChanged.emit(snapshot)
        if snapshot.levels.fit_error:
            self.failed.emit(QCoreApplication.translate(
                "AnalyticsService", "Fitting the normal values failed ({reason}); the levels use the values "
                "fitted before.").format(reason=snapshot.levels.fit_error))
        self.request_dashboard()  # the log's counts fill the hours the state does not have

    def _history_failed(self, error: BaseException) -> None:
        self._history_finished()
        if isinstance(error, CountingStopped) or self._stopping.is_set():
            return
        log.warning("the analytics could not read the counts: %s", error)
        self.failed.emit(QCoreApplication.translate(
            "AnalyticsService", "The analytics could not read the event log: {reason}. The values shown are "
            "the last ones read.").format(reason=error))

    def _history_finished(self) -> None:
        self._history_running = False
        self.busyChanged.emit("", 1.0)
        if self._history_wanted is not None:
            refit, self._history_wanted = self._history_wanted, None
            self.refresh(refit=refit)

    @property
    def history_busy(self) -> bool:
        return self._history_running

    # --- threads ---------------------------------------------------------------------------------------

    def _submit(self, pool: ThreadPoolExecutor, work: Callable[[], object], then: Callable[[object], None],
                failed: Callable[[BaseException], None]) -> Future[object] | None:
        if self._stopping.is_set():
            return None
        posted = self._posted

        def finish(done: Future[object]) -> None:
            if done.cancelled():
                return
            error = done.exception()
            if error is None:
                posted.done.emit(then, done.result())
            else:
                posted.done.emit(failed, error)

        try:
            future = pool.submit(work)
        except RuntimeError:  # shut down meanwhile
            return None
        future.add_done_callback(finish)
        return future

    def stop(self) -> None:
        """Stop asking; a read or fit under way is told to stop; nothing is waited for."""
        self._stopping.set()
        self._counts_timer.stop()
        self._figures_timer.stop()
        for pool in (self._figures_pool, self._history_pool):
            pool.shutdown(wait=False, cancel_futures=True)
