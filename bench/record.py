"""bench/record.py: one incident's record and its exports, on a generated log, beside the raw read.

The log is bench/store.py's simulated city (1,100 units reporting every 5 s, about 10,000 incidents a
day), --hours of it (1 by default: about 800,000 events), cached in bench/out/. For --incidents closed
incidents with units, in the same run:

- raw read: ``EventStore.read_time_range`` over the record's span, every event decoded and dropped (the
  floor: reading the span is what a record costs, as the store has no index by incident or unit);
- record: ``incident_record`` (the newest state for the incident, then that same read, filtered);
- statistics, CSV, KML and GPX from the record.

    .venv/bin/python bench/record.py [--hours 1] [--incidents 10] [--pg-url URL]

PostgreSQL runs too when --pg-url or DISPATCH_TEST_POSTGRES_URL is set. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store import copy_to_postgres, day_file  # bench/store.py: the day generator and its cache

from dispatch_desktop.domain.enums import IncidentStatus
from dispatch_desktop.record import event_log_csv, gpx, incident_record, kml, record_statistics
from dispatch_desktop.store import EventStore
from dispatch_desktop.store.event_store import KEYFRAME_EVERY

COLUMNS = ("raw read", "record", "statistics", "CSV", "KML", "GPX")


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return (time.perf_counter() - start) * 1000, result


def _chosen(store: EventStore, count: int) -> list[str]:
    """Closed incidents that had units, spread over the log (every n-th of them)."""
    state = store.state_at()
    closed = sorted(i.id for i in state.incidents.values() if i.status is IncidentStatus.CLOSED and i.dispatched_at)
    step = max(1, len(closed) // max(count, 1))
    return closed[::step][:count]


def bench(url: str, label: str, count: int) -> None:
    with EventStore.open(url) as store:
        times: dict[str, list[float]] = {name: [] for name in COLUMNS}
        spans, events, fixes = [], [], []
        for incident in _chosen(store, count):
            record_ms, record = _timed(lambda incident=incident: incident_record(store, incident))
            raw_ms, read = _timed(lambda record=record: sum(1 for _ in store.read_time_range(record.start_ms,
                                                                                              record.end_ms)))
            times["raw read"].append(raw_ms)
            times["record"].append(record_ms)
            for name, export in (("statistics", record_statistics), ("CSV", event_log_csv), ("KML", kml),
                                 ("GPX", gpx)):
                times[name].append(_timed(lambda export=export, record=record: export(record))[0])
            spans.append((record.end_ms - record.start_ms) / 60_000)
            events.append(read)
            fixes.append(sum(len(track.fixes) for track in record.units))
    if not events:
        print(f"{label:12}no closed incident with units in this log: generate more hours")
        return
    medians = "".join(f"{statistics.median(times[name]):>12.0f}" for name in COLUMNS)
    print(f"{label:12}{medians}   span {statistics.median(spans):.0f} min, {statistics.median(events):,.0f} events "
          f"read, {statistics.median(fixes):,.0f} fixes kept (medians of {len(events)} incidents)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hours", type=float, default=1.0)
    parser.add_argument("--incidents", type=int, default=10)
    parser.add_argument("--pg-url", default=os.environ.get("DISPATCH_TEST_POSTGRES_URL", ""))
    args = parser.parse_args()
    path = day_file(args.hours, KEYFRAME_EVERY, seed=7)
    print(f"record bench: {args.hours:g} h log {path.name}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}; median ms per incident")
    print(f"{'':12}" + "".join(f"{name:>12}" for name in COLUMNS))
    bench(f"sqlite:///{path}", "SQLite", args.incidents)
    if args.pg_url:
        bench(copy_to_postgres(path, args.pg_url), "PostgreSQL", args.incidents)
    else:
        print("PostgreSQL skipped: no --pg-url and no DISPATCH_TEST_POSTGRES_URL (scripts/postgres-for-tests)")


if __name__ == "__main__":
    main()
