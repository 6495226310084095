"""The command dashboard refreshing while a full-size city runs: how late the desk's GUI event loop runs.

The real ``Workstation`` window (map included) with the analytics desk built in, fed by the city of
``bench/gui.py`` (11,000 units reporting every 5 s and 1,000 open incidents, simulated in a child process,
folded here on a feed thread and pushed to the desk 20 times a second). The dashboard is shown and hidden
in turn, A-B-B-A (hidden, shown, shown, hidden), so that drift in the machine's load falls on both sides:

The simulated city holds only its 1,000 open incidents; the dashboard reads a whole day, so 10,000 of
today's incidents (``--day-incidents``) are added to the state it is given, on the worker.

- GUI stall p50 / p99 / max while the dashboard is shown and refreshing (goal p99 ≤ 50 ms), a 5 ms
  precise QTimer as in ``bench/gui.py``;
- the raw baseline from the same run: the same loop, the same city, the dashboard hidden (its figures are
  then not computed at all);
- per refresh: the figures' time on the analytics worker (``dashboard_figures``, Qt-free) and the time the
  GUI thread spends drawing them (``DashboardPanel.show_figures``), p50 / p99.

The levels' worker is not started by default (no counts are read: ``bench/analytics.py`` measures the
statistics); the dashboard's own hourly bars come from the state alone. With ``--fit`` the practice history
(8 simulated weeks) is written first, and after the four phases the stall is measured while the levels'
worker reads its counts and fits the normal values, the dashboard shown and refreshing meanwhile.

    .venv/bin/python bench/analytics_dashboard.py [--seconds 40] [--warmup 5] [--interval-ms 3000] [--fit]

No assertions: it prints a table.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import immutables
import msgspec
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from qt_probe import StallProbe, percentile, wait, wait_until  # bench/ is on sys.path when run as a script
from sim_feed import SimFeed

from dispatch_desktop.analytics.dashboard import dashboard_figures, day_start_ms
from dispatch_desktop.app import build_window
from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.ui.analytics import service as service_module
from dispatch_desktop.ui.analytics.desk import DASHBOARD_PANEL, AnalyticsDesk
from dispatch_desktop.ui.analytics.engine import history_path, real_toolkit
from dispatch_desktop.ui.analytics.practice_history import write_practice_history
from dispatch_desktop.ui.gui_thread_gc import GuiThreadCollector
from dispatch_desktop.ui.map.page import build_page
from dispatch_desktop.ui.models.state_feed import StateFeed
from dispatch_desktop.ui.workstation import WorkstationSettings

UNITS = 11_000
INCIDENTS = 1_000
REPORT_S = 5.0
PUSH_HZ = 20


def timed(function: Callable[..., Any], into: list[float]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            into.append((time.perf_counter() - start) * 1000)

    return run


def day_of_incidents(city: City, count: int, now_ms: int, seed: int = 7) -> immutables.Map[str, Incident]:
    """``count`` incidents of today before ``now_ms``, most closed, with dispatch and arrival times: the
    day a command center has behind it by evening (Guangzhou: about 10,000 valid incidents a day)."""
    rng = random.Random(seed)
    start = day_start_ms(now_ms)
    made = {}
    for n in range(count):
        station = rng.choice(city.stations)
        call = rng.randint(start, max(start + 1, now_ms - 60_000))
        dispatched = call + rng.randint(20, 900) * 1000
        arrived = dispatched + rng.randint(60, 1800) * 1000
        closed = arrived + rng.randint(600, 7200) * 1000 if arrived < now_ms - 3_600_000 else 0
        made[f"D{n:06d}"] = Incident(
            id=f"D{n:06d}", call_time=call, caller_number="", lat=station.lat, lon=station.lon, address="",
            district=station.district, station=station.id, incident_type="theft", priority=rng.randint(1, 4),
            category=Category.NON_POLICE if rng.random() < 0.33 else Category.POLICE, call=f"C{n:06d}",
            dispatched_at=dispatched if dispatched < now_ms else 0, arrived_at=arrived if arrived < now_ms else 0,
            closed_at=closed if 0 < closed < now_ms else 0,
            status=IncidentStatus.CLOSED if 0 < closed < now_ms else IncidentStatus.ON_SCENE)
    return immutables.Map(made)


def stall(values: list[float]) -> str:
    return f"{percentile(values, 50):.1f} / {percentile(values, 99):.1f} / {max(values, default=0):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=40.0, help="measured run, split into the four phases")
    parser.add_argument("--warmup", type=float, default=5.0, help="load before measuring starts")
    parser.add_argument("--interval-ms", type=int, default=service_module.DASHBOARD_INTERVAL_MS,
                        help="the dashboard's refresh interval (the desk's default)")
    parser.add_argument("--fit", action="store_true",
                        help="also: write the practice history first, then measure while the levels' worker "
                             "reads it and fits the normal values (dashboard shown)")
    parser.add_argument("--day-incidents", type=int, default=10_000,
                        help="incidents of today (most closed) added to the city's state the dashboard reads")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    collector = GuiThreadCollector(app)
    sim = SimFeed(UNITS, INCIDENTS, REPORT_S, PUSH_HZ)
    city = generate_city()
    state = sim.setup()

    worker_ms: list[float] = []

    with tempfile.TemporaryDirectory(prefix="bench-analytics-") as tmp:
        cache = Path(tmp) / "cache"
        build_page(city, cache)
        feed = StateFeed()
        window = build_window(city, feed, WorkstationSettings(
            user="bench", config_dir=Path(tmp) / "config", cache_dir=cache, restore_layout=False))
        data = Path(tmp) / "data"
        if args.fit:
            written = time.perf_counter()
            write_practice_history(history_path(data), city, real_toolkit(), cancelled=threading.Event())
            print(f"practice history written in {time.perf_counter() - written:.1f} s")
        analytics = AnalyticsDesk(window, city, f"sqlite:///{tmp}/live.sqlite3", data_dir=data,
                                  now_ms=lambda: window.city_model.state.time or int(time.time() * 1000),
                                  interval_ms=args.interval_ms, start_delay_ms=-1)
        # The city's state holds only its open incidents; the dashboard reads the whole day, which is added on
        # the worker (a merge of a few ms, counted in the worker's time), never on the GUI thread.
        day = day_of_incidents(city, args.day_incidents, int(time.time() * 1000))

        merge_ms: list[float] = []
        figures = timed(dashboard_figures, worker_ms)
        merged = timed(lambda state: msgspec.structs.replace(state, incidents=state.incidents.update(day)), merge_ms)

        def with_the_day(state: State, *rest: Any, **options: Any) -> Any:
            return figures(merged(state), *rest, **options)

        analytics.service.compute_figures = with_the_day
        draw_ms: list[float] = []
        panel = analytics.panel
        analytics.service.dashboardChanged.disconnect(panel.show_figures)
        analytics.service.dashboardChanged.connect(timed(panel.show_figures, draw_ms))
        window.open()
        collector.freeze_survivors()
        window.resize(1920, 1080)
        window.show()
        feed.push(state, None)
        wait_until(lambda: window.map_view.ready, 60.0)
        sim.on_tick = feed.push
        sim.go()
        wait(args.warmup)

        dock = window.dock(DASHBOARD_PANEL)
        phase_s = args.seconds / 4
        late: dict[bool, list[float]] = {False: [], True: []}
        refreshes: dict[bool, int] = {False: 0, True: 0}
        for shown in (False, True, True, False):  # A-B-B-A
            dock.setVisible(shown)
            if shown:
                dock.raise_()
            wait(0.5)  # the switch itself is not measured
            before = analytics.service.computed
            probe = StallProbe()
            probe.start()
            wait(phase_s)
            probe.stop()
            late[shown] += probe.late_ms
            refreshes[shown] += analytics.service.computed - before
        fitting: list[float] = []
        fit_s = 0.0
        counts_ms: list[float] = []
        fit_ms: list[float] = []
        engine = analytics.engine
        engine.counts = timed(engine.counts, counts_ms)  # type: ignore[method-assign]  # timed where it is called
        engine.fit = timed(engine.fit, fit_ms)  # type: ignore[method-assign]
        if args.fit:
            dock.setVisible(True)
            dock.raise_()
            started = time.perf_counter()
            probe = StallProbe()
            probe.start()
            analytics.service.refresh(refit=True)
            wait(0.2)
            wait_until(lambda: not analytics.service.history_busy, 600.0, step_ms=50)
            probe.stop()
            fit_s = time.perf_counter() - started
            fitting = probe.late_ms
        sim.stop()
        incidents = len(window.city_model.state.incidents)

        rows = [
            ("city", f"{UNITS} units", "", f"{incidents} incidents in the desk's state, pushed {PUSH_HZ}/s, "
                                           f"and {args.day_incidents} of today's for the dashboard"),
            ("GUI stall p50 / p99 / max (ms), dashboard refreshing", stall(late[True]), "p99 ≤ 50",
             f"{len(late[True])} ticks, {refreshes[True]} refreshes (every {args.interval_ms} ms at most)"),
            ("  baseline: the same loop, dashboard hidden", stall(late[False]), "",
             f"{len(late[False])} ticks, {refreshes[False]} refreshes"),
            ("figures on the worker p50 / p99 (ms)",
             f"{percentile(worker_ms, 50):.1f} / {percentile(worker_ms, 99):.1f}", "",
             f"{len(worker_ms)} computations, off the GUI thread (dashboard_figures, Qt-free); adding the day "
             f"to the state before each, a bench artefact: {percentile(merge_ms, 50):.0f} ms"),
            ("drawing on the GUI thread p50 / p99 (ms)",
             f"{percentile(draw_ms, 50):.1f} / {percentile(draw_ms, 99):.1f}", "",
             "DashboardPanel.show_figures: bars, figures, the district table"),
            *([("GUI stall p50 / p99 / max (ms), levels' worker fitting", stall(fitting), "p99 ≤ 50",
                f"{len(fitting)} ticks over {fit_s:.1f} s: counts of 8 weeks read in "
                f"{sum(counts_ms) / 1000:.1f} s on the worker thread, 266 areas fitted in {sum(fit_ms) / 1000:.1f} s "
                "(a child process at nice 10), levels")]
              if args.fit else []),
            ("threads", ", ".join(sorted({t.name for t in threading.enumerate() if t.name.startswith("analytics")})),
             "", "the analytics workers"),
        ]
        width = max(len(r[0]) for r in rows)
        print(f"\n{'measure':<{width}}  {'value':>18}  {'goal':>9}  note")
        for name, value, goal, note in rows:
            print(f"{name:<{width}}  {value:>18}  {goal:>9}  {note}")
        analytics.stop()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        wait(0.2)
    del app


if __name__ == "__main__":
    main()
