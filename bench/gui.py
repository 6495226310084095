"""The dispatcher's workstation under a full city: 11,000 moving units and 1,000 open incidents.

The real ``Workstation`` window is fed by the simulator driven in real time through the hub's fold
(``Loopback``) in a child process (``sim_feed.py``: on a thread of this process its CPU-bound Python would
hold the GIL the GUI thread needs for every model call): every unit reports every 5 s (≈ 2,200 reports a
second). A feed thread here folds the published events into this desk's State and pushes it to the
``StateFeed`` twenty times a second with the events folded in since the last push, as the bus
client does.

Goals and how each is measured:

- map updates painted ≥ 10 a second: the page's own count of deltas it applied (``DispatchMap.stats.deltas``,
  bumped at the end of ``applyDelta``), read with ``runJavaScript`` once a second; the bridge's ``flushed``
  count (deltas sent) is printed beside it;
- GUI stall p99 ≤ 50 ms: a 5 ms precise QTimer, how late each tick fires;
- start to interactive ≤ 4 s: from building the window to the window exposed, the page reporting Leaflet
  (``typeof L``) and the first state on the map (the page applied a delta holding the units);
- memory ≤ 1.5 GB: RSS of this process plus its children (QtWebEngineProcess), peak over the run.

Raw baselines from the same run: the same stall timer on an idle loop with an empty QMainWindow, and the
Qt-free cost of folding one 5 s report cycle of 11,000 units into the State (``projection.apply`` through
the loopback, which is what the hub does), measured in the simulator's process.

    .venv/bin/python bench/gui.py [--seconds 30] [--warmup 5] [--cold-cache]

No assertions: it prints a table.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import psutil
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from qt_probe import StallProbe, percentile, wait, wait_until  # bench/ is on sys.path when run as a script
from sim_feed import SimFeed

from dispatch_desktop.app import build_window
from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.enums import IncidentStatus
from dispatch_desktop.ui.gil import SWITCH_INTERVAL_S
from dispatch_desktop.ui.gui_thread_gc import GuiThreadCollector
from dispatch_desktop.ui.map.page import build_page
from dispatch_desktop.ui.models.state_feed import StateFeed
from dispatch_desktop.ui.workstation import Workstation, WorkstationSettings

UNITS = 11_000
INCIDENTS = 1_000
REPORT_S = 5.0
PUSH_HZ = 20  # the bus client hands the desk a state at least 20 times a second under load
OPEN = (IncidentStatus.NEW, IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE)


# --- measuring ------------------------------------------------------------------------------------------


def child_cpu(child: psutil.Process) -> float:
    try:
        times = child.cpu_times()
    except psutil.Error:
        return 0.0
    return times.user + times.system


def rss_all(process: psutil.Process) -> int:
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        with contextlib.suppress(psutil.Error):  # a helper process that just went away
            total += child.memory_info().rss
    return total


class PageCounter:
    """``DispatchMap.stats`` of the page, fetched asynchronously (``runJavaScript`` answers later)."""

    def __init__(self, window: Workstation) -> None:
        self._window = window
        self.deltas = -1
        self.units_on_page = 0
        self.last_apply_ms = 0.0
        self.answers = 0
        self._pending = False

    def poll(self) -> None:
        if self._pending:  # one question at a time: a busy page would otherwise pile them up
            return
        self._pending = True
        # As JSON text: what runJavaScript hands back for a JS array depends on the Qt version.
        script = ("JSON.stringify(window.DispatchMap && DispatchMap.stats ? [DispatchMap.stats.deltas, "
                  "Object.keys(DispatchMap.units).length, DispatchMap.stats.lastApplyMs] : null)")
        self._window.map_view.run_js(script, self._on_answer)

    def _on_answer(self, result: object) -> None:
        self._pending = False
        self.answers += 1
        if isinstance(result, str):
            result = json.loads(result)
        if isinstance(result, list) and len(result) == 3:
            self.deltas = int(result[0])
            self.units_on_page = int(result[1])
            self.last_apply_ms = float(result[2])


# --- the run -------------------------------------------------------------------------------------------


def idle_baseline(seconds: float) -> list[float]:
    window = QMainWindow()
    window.resize(1600, 900)
    window.show()
    wait(0.5)
    probe = StallProbe()
    probe.start()
    wait(seconds)
    probe.stop()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return list(probe.late_ms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="measured run under load")
    parser.add_argument("--warmup", type=float, default=5.0, help="load before measuring starts")
    parser.add_argument("--baseline-seconds", type=float, default=5.0, help="idle empty-window stall run")
    parser.add_argument("--cold-cache", action="store_true",
                        help="start with no generated map page (a first run); default: page built beforehand")
    parser.add_argument("--switch-interval-ms", type=float, default=SWITCH_INTERVAL_S * 1000,
                        help="sys.setswitchinterval (GIL hand-off between the feed thread and the GUI); "
                             "default: the desk's own (%(default)g ms, dispatch_desktop/ui/gil.py)")
    args = parser.parse_args()
    sys.setswitchinterval(args.switch_interval_ms / 1000)

    process = psutil.Process()
    cores = psutil.cpu_count() or 1
    app = QApplication.instance() or QApplication([])
    collector = GuiThreadCollector(app)  # as the desk (app.main): cyclic collection on the GUI thread only

    # The city's own process starts first and sets up while this one generates the same city for the map.
    sim = SimFeed(UNITS, INCIDENTS, REPORT_S, PUSH_HZ)
    t0 = time.perf_counter()
    city = generate_city()
    city_s = time.perf_counter() - t0
    state = sim.setup()
    setup_s = sim.info["setup_s"]
    engine_s, fold_s, folded = sim.info["engine_s"], sim.info["fold_s"], int(sim.info["folded"])
    units = len(state.units)
    open_count = sum(1 for i in state.incidents.values() if i.status in OPEN)

    idle = idle_baseline(args.baseline_seconds)

    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        cache = Path(tmp) / "cache"
        page_s = 0.0
        if not args.cold_cache:
            t0 = time.perf_counter()
            build_page(city, cache)
            page_s = time.perf_counter() - t0

        # --- start to interactive ---
        rss_before = rss_all(process)
        t_start = time.perf_counter()
        feed = StateFeed()
        window = build_window(city, feed, WorkstationSettings(
            user="bench", config_dir=Path(tmp) / "config", cache_dir=cache, restore_layout=False,
        ))
        window.open()
        collector.freeze_survivors()  # as the desk does once started
        built_s = time.perf_counter() - t_start
        window.resize(1920, 1080)
        window.show()
        feed.push(state, None)
        marks: dict[str, float] = {}
        counter = PageCounter(window)
        last_poll = [0.0]

        def interactive() -> bool:
            now = time.perf_counter() - t_start
            if "shown" not in marks and window.isVisible() and window.windowHandle() is not None \
                    and window.windowHandle().isExposed():
                marks["shown"] = now
            if "state" not in marks and window.city_model.has_state and window.city_model.state is state:
                marks["state"] = now
            if "leaflet" not in marks and window.map_view.leaflet_loaded:
                marks["leaflet"] = now
            if "bridge" not in marks and window.map_view.ready:
                marks["bridge"] = now
            if "painted" not in marks and counter.deltas >= 1 and counter.units_on_page >= units:
                marks["painted"] = now
            if window.map_view.ready and now - last_poll[0] > 0.02:
                last_poll[0] = now
                counter.poll()
            return len(marks) == 5 or bool(window.map_view.failure)

        ready = wait_until(interactive, 60.0, step_ms=5)
        interactive_s = max(marks.values()) if ready and len(marks) == 5 else float("nan")
        if not ready:
            print(f"not interactive after 60 s: page deltas {counter.deltas}, units on page "
                  f"{counter.units_on_page} of {units}, marks {marks}")

        # --- under load ---
        flushes: list[tuple[int, int, int]] = []
        window.map_bridge.flushed.connect(lambda u, i, b: flushes.append((u, i, b)))
        sim.on_tick = feed.push
        sim.go()
        wait(args.warmup)

        probe = StallProbe()
        peak_rss = rss_all(process)
        counter.poll()
        wait(0.3)
        deltas0, flush0, msgs0, pushes0 = counter.deltas, len(flushes), sim.messages, sim.pushes
        busy0 = sim.fold_s
        per_second: list[int] = []
        cpu0 = process.cpu_times()
        children = [c for c in process.children(recursive=True) if c.pid != sim.process.pid]
        sim_process = psutil.Process(sim.process.pid)
        sim_cpu0 = child_cpu(sim_process)
        child0 = {c.pid: child_cpu(c) for c in children}
        psutil.cpu_percent(None)
        t0 = time.perf_counter()
        probe.start()
        previous = deltas0
        while time.perf_counter() - t0 < args.seconds:
            wait(1.0)
            counter.poll()
            peak_rss = max(peak_rss, rss_all(process))
            if counter.deltas >= 0:
                per_second.append(counter.deltas - previous)
                previous = counter.deltas
        probe.stop()
        elapsed = time.perf_counter() - t0
        counter.poll()
        wait(0.3)  # the last answer from the page
        measured = time.perf_counter() - t0
        machine_cpu = psutil.cpu_percent(None)
        cpu1 = process.cpu_times()
        child_core = {c.pid: 100 * (child_cpu(c) - child0[c.pid]) / measured for c in children}
        sim_core = 100 * (child_cpu(sim_process) - sim_cpu0) / measured
        feed_core = 100 * (sim.fold_s - busy0) / elapsed
        report_rate = (sim.messages - msgs0) / elapsed
        push_rate = (sim.pushes - pushes0) / elapsed
        sim.stop()

        applied_rate = (counter.deltas - deltas0) / measured
        sent = flushes[flush0:]
        flush_rate = len(sent) / elapsed
        rows_per_flush = statistics.median(u for u, _, _ in sent) if sent else 0
        bytes_per_flush = statistics.median(b for _, _, b in sent) if sent else 0
        cpu_core = 100 * ((cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)) / elapsed
        late = probe.late_ms
        fold_core = 100 * fold_s / REPORT_S
        per_event_us = fold_s / max(folded, 1) * 1e6

        def stall(values: list[float]) -> str:
            return f"{percentile(values, 50):.1f} / {percentile(values, 99):.1f} / {max(values, default=0):.1f}"

        def marks_note() -> str:
            order = ("shown", "state", "leaflet", "bridge", "painted")
            return ", ".join(f"{k} {marks[k]:.2f}" for k in order if k in marks)

        rows = [
            ("city", f"{units} units", "", f"{open_count} open incidents, generated in {city_s:.1f} s, "
                                             f"sim set-up {setup_s:.1f} s"),
            ("map deltas applied by the page / s", f"{applied_rate:.1f}", "≥ 10",
             "page counter DispatchMap.stats.deltas polled 1/s; per-second min / median "
             f"{min(per_second, default=0)} / {statistics.median(per_second) if per_second else 0:g}"),
            ("map deltas sent (bridge.flushed) / s", f"{flush_rate:.1f}", "",
             f"median {rows_per_flush:.0f} unit rows, {bytes_per_flush / 1024:.0f} KiB a delta; "
             f"last page apply {counter.last_apply_ms:.1f} ms, last flush {window.map_bridge.last_flush_ms:.1f} ms"),
            ("GUI stall p50 / p99 / max (ms)", stall(late), "p99 ≤ 50", f"{len(late)} ticks under load"),
            ("  baseline: idle empty QMainWindow", stall(idle), "",
             f"{len(idle)} ticks; p99 ratio {percentile(late, 99) / max(percentile(idle, 99), 0.01):.0f}×"),
            ("start to interactive (s)", f"{interactive_s:.2f}", "≤ 4",
             f"{'cold' if args.cold_cache else 'warm'} page cache; window built {built_s:.2f}; {marks_note()}"),
            ("  map page generation, Qt-free (s)", f"{page_s:.2f}" if page_s else "in start", "",
             "folium page into the cache (a first run pays it)"),
            ("memory, this + children, peak (MB)", f"{peak_rss / 2**20:.0f}", "≤ 1536",
             f"before window {rss_before / 2**20:.0f}; {len(process.children(recursive=True))} child processes"),
            ("load: reports / s, pushes / s", f"{report_rate:.0f} / {push_rate:.1f}", f"≈ 2200 / {PUSH_HZ}",
             f"sim process {sim_core:.0f}% of a core, worst step {sim.worst_step_ms:.0f} ms; "
             f"feed thread folding here {feed_core:.0f}%"),
            ("  baseline: raw fold of one 5 s cycle (ms)", f"{fold_s * 1000:.0f}", "",
             f"{folded} messages, {per_event_us:.1f} µs each, {fold_core:.0f}% of a core at real time "
             f"(engine step {engine_s * 1000:.0f} ms); no Qt"),
            ("GIL switch interval (ms)", f"{sys.getswitchinterval() * 1000:g}", "", "the feed thread shares the GIL"),
            ("CPU, this process (% of one core)", f"{cpu_core:.0f}", "",
             f"machine {machine_cpu:.0f}% of {cores} cores (includes QtWebEngineProcess and the simulator)"),
        ]
        busiest = sorted(child_core.values(), reverse=True)
        rows.append(("CPU, web engine children (% of one core)", " / ".join(f"{c:.0f}" for c in busiest[:3]), "",
                     f"busiest first; page answered {counter.answers} of the JS polls"))
        if window.map_view.failure:
            rows.append(("MAP FAILED", window.map_view.failure, "", ""))
        width = max(len(r[0]) for r in rows)
        print(f"\n{'measure':<{width}}  {'value':>14}  {'goal':>11}  note")
        for name, value, goal, note in rows:
            print(f"{name:<{width}}  {value:>14}  {goal:>11}  {note}")

        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        wait(0.2)
    del app


if __name__ == "__main__":
    main()
