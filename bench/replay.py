"""bench/replay.py: the replay window on a Guangzhou day, each figure beside its raw baseline from the same run.

On the 24-hour log that ``db generate`` writes (1,100 patrol groups reporting every 5 s, ~19 M events, ~10,000
incidents), per backend:

1. raw ``state_at``: ``EventStore.state_at(time_ms=T)`` at --seeks random instants of the log (p50 / p90);
2. seek → painted: a real ``ReplayDesk`` (offscreen, the real map page, ``generate_city()``, the plugins
   installed as the live desk has them), ``player.seek(T)`` at the same instants, until the frame is in the
   window's models, the map bridge sent its delta and a ``repaint()`` of the window returned (goal p90 ≤ 200 ms);
3. drag across the day: the timeline's ``scrubbed`` emitted from a timer at mouse-move rate (--drag-seconds at
   --moves-per-s) from the log's start to its end; distinct frames sent to the map per second (goal ≥ 10),
   beside the rate raw ``state_at`` alone would allow;
4. ×64 playback from 18:00 (a busy hour) for --play-seconds of wall time: the GUI thread's stall (bench/gui.py's
   5 ms probe timer) p50 / p99 / max (goal p99 ≤ 50 ms), beside the same probe on an idle empty window; frames
   shown per second, how far behind the clock each was, and the Qt-free ``ReplayEngine.advance`` of one tick;
5. export: ``record.exported.render(..., "html")`` and ``ui.report_pdf.report_pdf`` of --export-incidents closed
   incidents with units (goal ≤ 2 s both together), beside the raw ``incident_record`` read.

    .venv/bin/python bench/replay.py [--db URL] [--pg-url URL] [--seeks 30] [--export-incidents 3]

SQLite always (--db, default bench/out/day24.sqlite3); PostgreSQL when --pg-url or DISPATCH_TEST_POSTGRES_URL
names a database holding a log (a 24-hour copy takes long on two cores: a shorter day generated there is fine,
the table says what each backend ran on). Prints a table per backend and writes bench/out/replay-<backend>.json.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa
from gui import idle_baseline  # bench/gui.py: the stall probe on an idle empty window
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from qt_probe import percentile, wait, wait_until
from record import _chosen  # bench/record.py: closed incidents with units, spread over the log
from replay_measures import PaintWatch, PluginFaults, drag_across, play, seek_to_painted, wait_painted

from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.localtime import zone
from dispatch_desktop.record import incident_record, record_statistics
from dispatch_desktop.record.exported import render
from dispatch_desktop.replay.engine import ReplayEngine
from dispatch_desktop.replay.opening import OpenedLog, ReplayRequest, open_log
from dispatch_desktop.store import EventStore
from dispatch_desktop.store.location import Found, inspect
from dispatch_desktop.ui.gil import hand_the_gil_back_promptly
from dispatch_desktop.ui.gui_thread_gc import GuiThreadCollector
from dispatch_desktop.ui.map.page import build_page
from dispatch_desktop.ui.replay.player import TICK_MS
from dispatch_desktop.ui.replay.window import ReplayDesk
from dispatch_desktop.ui.report_pdf import report_pdf
from dispatch_desktop.ui.workstation import WorkstationSettings

OUT = Path(__file__).resolve().parent / "out"
DAY = OUT / "day24.sqlite3"
MAKE_DAY = ("dispatch-desktop db generate --hours 24 --seed 20161 --start 2026-12-01T00:00 "
            "--db sqlite:///bench/out/day24.sqlite3")
SPEED = 64.0
ADVANCE_STEPS = 200  # Qt-free ticks of ×64 playback for the raw baseline (8 s of wall time, 8.5 min replayed)


def _ms(work: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return (time.perf_counter() - start) * 1000, result


def p(values: list[float], q: float) -> float:
    return percentile([v for v in values if v == v], q)  # NaN (a frame that changed nothing) left out


def shown(url: str) -> str:
    return sa.make_url(url).render_as_string(hide_password=True)


def busy_hour(opened: OpenedLog, hour: int) -> int:
    """``hour``:00 local on the log's first day, or the span's middle when the log does not reach it."""
    first, last = opened.span.first_ms, opened.span.last_ms
    day = datetime.fromtimestamp(first / 1000, zone()).replace(hour=hour, minute=0, second=0, microsecond=0)
    at = int(day.timestamp() * 1000)
    return at if first <= at <= last - 60_000 else (first + last) // 2


# --- Qt-free baselines -------------------------------------------------------------------------------------


def raw_state_at(store: EventStore, instants: list[int]) -> list[float]:
    return [_ms(lambda at=at: store.state_at(time_ms=at))[0] for at in instants]


def raw_advance(store: EventStore, start_ms: int) -> list[float]:
    """One ×64 tick (40 ms of wall time = 2.56 s of the log) folded by the engine alone, per tick."""
    engine = ReplayEngine(store)
    engine.seek(start_ms)
    step = int(TICK_MS * SPEED)
    return [_ms(lambda n=n: engine.advance(start_ms + n * step))[0] for n in range(1, ADVANCE_STEPS + 1)]


def exports(url: str, count: int) -> dict[str, list[float]]:
    """Per incident: the raw record read, then what an export from the window costs on top of it."""
    times: dict[str, list[float]] = {"record": [], "statistics": [], "html": [], "pdf": [], "html+pdf": []}
    with EventStore.open(url, maintenance=False) as store:
        for incident in _chosen(store, count):
            record_ms, record = _ms(lambda incident=incident: incident_record(store, incident))
            stats_ms, stats = _ms(lambda record=record: record_statistics(record))
            html_ms, _html = _ms(lambda record=record, stats=stats: render(record, stats, "html"))
            pdf_ms, _pdf = _ms(lambda record=record, stats=stats: report_pdf(record, stats))
            for name, value in (("record", record_ms), ("statistics", stats_ms), ("html", html_ms),
                                ("pdf", pdf_ms), ("html+pdf", html_ms + pdf_ms)):
                times[name].append(value)
    return times


# --- the window --------------------------------------------------------------------------------------------


def open_desk(opened: OpenedLog, city: City, work: Path, *, plugins: bool) -> tuple[ReplayDesk, PaintWatch]:
    settings = WorkstationSettings(user="bench", config_dir=work / "config", cache_dir=work / "cache",
                                   restore_layout=False, operator="督察 bench")
    desk = ReplayDesk(opened, city, settings, ReplayRequest(), plugins=None if plugins else (),
                      state_dir=work / "state")
    desk.window.resize(1920, 1080)
    desk.window.show()
    watch = PaintWatch(desk)
    if not wait_until(lambda: desk.window.map_view.ready and desk.frame is not None, 120, step_ms=10):
        raise SystemExit(f"the replay window's map did not load: {desk.window.map_view.failure or 'no answer'}")
    wait_painted(desk, watch, desk.frame.time_ms if desk.frame else opened.span.first_ms)
    wait(1.0)  # the plugins' first history read, the first collections
    return desk, watch


def close_desk(desk: ReplayDesk) -> None:
    desk.window.close()
    desk.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    wait(0.3)


# --- one backend -------------------------------------------------------------------------------------------


def bench(url: str, backend: str, city: City, work: Path, collector: GuiThreadCollector,
          args: argparse.Namespace, idle_ms: list[float]) -> dict[str, Any]:
    print(f"\n{backend}: opening {url} ...", flush=True)
    opened_ms, opened = _ms(lambda: open_log(url, ReplayRequest()))
    span = opened.span
    log = {"events": span.events, "hours": (span.last_ms - span.first_ms) / 3_600_000,
           "incidents": sum(opened.density.counts), "open_log_ms": opened_ms,
           "first": datetime.fromtimestamp(span.first_ms / 1000, zone()).isoformat(),
           "last": datetime.fromtimestamp(span.last_ms / 1000, zone()).isoformat()}
    rng = random.Random(args.seed)
    instants = [rng.randint(span.first_ms, span.last_ms) for _ in range(args.seeks)]
    busy = busy_hour(opened, args.play_hour)

    # The raw figures on the window's own store before the window opens (its worker owns it afterwards):
    # open_log already read the newest state, so the keyframe blocks are decoded for both, as in the window.
    print(f"  raw state_at at {len(instants)} instants, raw ×64 ticks ...", flush=True)
    raw = {"state_at_ms": raw_state_at(opened.store, instants), "advance_ms": raw_advance(opened.store, busy)}

    print("  the replay window ...", flush=True)
    phases: dict[str, float] = {}
    with PluginFaults() as faults:
        desk, watch = open_desk(opened, city, work, plugins=not args.no_plugins)
        collector.freeze_survivors()  # as the desk does once started
        try:
            print(f"  seek → painted at the same {len(instants)} instants ...", flush=True)
            phases["seek"] = time.perf_counter()
            seeks = seek_to_painted(desk, watch, instants)
            print(f"  dragging across the log for {args.drag_seconds:g} s ...", flush=True)
            phases["drag"] = time.perf_counter()
            drag = drag_across(desk, watch, span.first_ms, span.last_ms, seconds=args.drag_seconds,
                               moves_per_s=args.moves_per_s)
            print(f"  ×{SPEED:g} playback from {datetime.fromtimestamp(busy / 1000, zone()):%H:%M} for "
                  f"{args.play_seconds:g} s ...", flush=True)
            phases["playback"] = time.perf_counter()
            playback = play(desk, watch, busy, seconds=args.play_seconds, speed=SPEED)
        finally:
            close_desk(desk)
    plugin_faults = [{"plugin": plugin, "during": max((name for name, at in phases.items() if at <= when),
                                                      key=phases.__getitem__, default="opening"),
                      "fault": summary} for when, plugin, summary in faults.faults]
    print(f"  exports of {args.export_incidents} incidents ...", flush=True)
    exported = exports(url, args.export_incidents)
    return {"backend": backend, "url": shown(url), "log": log, "instants": instants,
            "raw": raw, "idle_stall_ms": idle_ms, "seek": seeks, "drag": drag, "playback": playback,
            "exports": exported, "plugin_faults": plugin_faults, "plugins_disabled": faults.disabled()}


def table(result: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    raw, seek, drag, playback, exported = (result[k] for k in ("raw", "seek", "drag", "playback", "exports"))
    state_at, idle, advance = raw["state_at_ms"], result["idle_stall_ms"], raw["advance_ms"]

    def p50_90(values: list[float]) -> str:
        return f"{p(values, 50):.0f} / {p(values, 90):.0f}"

    def stall(values: list[float]) -> str:
        return f"{p(values, 50):.1f} / {p(values, 99):.1f} / {max(values, default=0):.1f}"

    def most(values: list[float]) -> str:
        return f"{statistics.median(values):.0f} / {max(values):.0f}" if values else "-"

    behind = playback["behind_replay_ms"]
    gc_ms = playback["gc_ms"]
    return [
        ("seek → painted p50 / p90 (ms)", p50_90(seek["painted"]), "p90 ≤ 200",
         f"raw state_at {p50_90(state_at)}",
         f"{len(seek['painted'])} seeks; in the models {p50_90(seek['shown'])}, delta sent "
         f"{p50_90(seek['flushed'])}; worker build {p50_90(seek['built'])}, then the GUI thread "
         f"{p50_90(seek['gui'])}"),
        ("drag: frames painted / s", f"{drag['painted_per_s']:.1f}", "≥ 10",
         f"raw state_at alone {1000 / max(p(state_at, 50), 0.001):.1f}/s",
         f"{drag['moves']} moves in {drag['drag_s']:.1f} s, {drag['frames_painted']} frames sent to the map, "
         f"{drag['frames_shown']} shown, build p50/p90 {p50_90(drag['built_ms'])} ms; GUI stall "
         f"p50/p99/max {stall(drag['stall_ms'])} ms"),
        (f"×{SPEED:g} GUI stall p50 / p99 / max (ms)", stall(playback["stall_ms"]), "p99 ≤ 50",
         f"idle empty window {stall(idle)}",
         f"{len(playback['stall_ms'])} probe ticks in {playback['elapsed_s']:.0f} s; {len(gc_ms)} collections "
         f"on the GUI thread, max {max(gc_ms, default=0):.0f} ms (gen 2: {len(playback['gc_gen2_ms'])})"),
        (f"×{SPEED:g} frames shown / s", f"{playback['shown_per_s']:.1f}", "",
         f"raw advance of one tick p50/p90 {p50_90(advance)} ms",
         f"{playback['replayed_s'] / 60:.1f} min replayed; map deltas sent {playback['flushes_per_s']:.1f}/s; "
         f"worker build p50/p90 {p50_90(playback['built_ms'])} ms"),
        (f"×{SPEED:g} shown frame behind the clock p50 / p90 (s)",
         f"{p(behind, 50) / 1000:.1f} / {p(behind, 90) / 1000:.1f}", "", "",
         f"replay time; in wall time {p(behind, 50) / SPEED:.0f} / {p(behind, 90) / SPEED:.0f} ms"),
        ("export HTML + PDF median / max (ms)", most(exported["html+pdf"]), "≤ 2000",
         f"raw incident_record {most(exported['record'])}",
         f"{len(exported['html'])} closed incidents; HTML {most(exported['html'])}, PDF {most(exported['pdf'])}, "
         f"statistics {most(exported['statistics'])}"),
        ("plugin faults (guard)", str(len(result["plugin_faults"])), "0", "",
         "; ".join(f"{f['plugin']} during {f['during']}: {f['fault']}" for f in result["plugin_faults"])
         + (f" → disabled for the session: {', '.join(result['plugins_disabled'])}"
            if result["plugins_disabled"] else "")),
    ]


def print_table(result: dict[str, Any]) -> None:
    log = result["log"]
    print(f"\n{result['backend']}: {log['events']:,} events, {log['hours']:.1f} h ({log['first'][:16]} – "
          f"{log['last'][:16]}), {log['incidents']:,} incidents; open_log {log['open_log_ms']:.0f} ms; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    rows = [("measure", "value", "goal", "raw baseline, same run", "note"), *table(result)]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4])


def _pg_log(url: str) -> bool:
    """The database holds an event log with events (else say how to make one)."""
    if inspect(url).found is Found.STORE:
        with EventStore.open(url, maintenance=False) as store:
            if store.last_gseq() > 0:
                return True
    print(f"PostgreSQL skipped: {shown(url)} holds no event log. Generate one there (a 24-hour copy "
          f"takes long on 2 cores; 6 hours around the evening peak is enough):\n  dispatch-desktop db generate "
          f"--hours 6 --seed 20161 --start 2026-12-01T14:00 --db {shown(url)}")
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=f"sqlite:///{DAY}", help="the SQLite log (default: %(default)s)")
    parser.add_argument("--pg-url", default=os.environ.get("DISPATCH_TEST_POSTGRES_URL", ""),
                        help="a PostgreSQL database holding a log (default: $DISPATCH_TEST_POSTGRES_URL)")
    parser.add_argument("--seeks", type=int, default=30)
    parser.add_argument("--export-incidents", type=int, default=3)
    parser.add_argument("--drag-seconds", type=float, default=3.0)
    parser.add_argument("--moves-per-s", type=int, default=60)
    parser.add_argument("--play-seconds", type=float, default=30.0)
    parser.add_argument("--play-hour", type=int, default=18, help="local hour playback starts at (busy)")
    parser.add_argument("--idle-seconds", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=15, help="of the random instants")
    parser.add_argument("--no-plugins", action="store_true", help="without the installed plugins' panels")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one backend")
    args = parser.parse_args()
    if args.db.startswith("sqlite:///") and not Path(args.db.removeprefix("sqlite:///")).exists():
        print(f"There is no log at {args.db}: make the 24-hour Guangzhou day first (about 8 minutes, 1.5 GB):\n"
              f"  .venv/bin/{MAKE_DAY}", file=sys.stderr)
        raise SystemExit(2)

    app = QApplication.instance() or QApplication([])
    collector = GuiThreadCollector(app)  # as the desk (app.main): cyclic collection on the GUI thread only
    hand_the_gil_back_promptly()  # as the desk and `replay open` do
    with tempfile.TemporaryDirectory(prefix="bench-replay-") as tmp:
        work = Path(tmp)
        city = generate_city()
        build_page(city, work / "cache")  # a warm map page, as on any desk after its first start
        idle = idle_baseline(args.idle_seconds)
        backends = [("sqlite", args.db)] if args.only != "postgresql" else []
        if args.pg_url and args.only != "sqlite" and _pg_log(args.pg_url):
            backends.append(("postgresql", args.pg_url))
        elif not args.pg_url:
            print("PostgreSQL skipped: no --pg-url and no DISPATCH_TEST_POSTGRES_URL (scripts/postgres-for-tests)")
        for backend, url in backends:
            result = bench(url, backend, city, work, collector, args, idle)
            print_table(result)
            OUT.mkdir(exist_ok=True)
            (OUT / f"replay-{backend}.json").write_text(json.dumps(
                {**result, "table": table(result), "args": vars(args)}, indent=1, ensure_ascii=False))
    del app


if __name__ == "__main__":
    main()
