"""Event store benchmarks: append speed, bytes on disk, time travel over a day of Guangzhou.

(a) append throughput of N position events through ``EventStore.append`` in batches, against the raw
    driver inserting the very same rows into an identical table (sqlite3 ``executemany``; psycopg
    ``COPY`` for PostgreSQL) with the same durability settings and one commit per batch
    (goal: ratio >= 0.5);
(b) bytes on disk per stored position event, indexes included (goal on SQLite: <= 100 B);
(c) ``state_at`` at random moments of a 24-hour log: 1,100 patrol units reporting every 5 s
    (~19 M positions) plus 10,000 incidents with their dispatch, acknowledgement, arrival, clearance
    and closing (goal: median <= 300 ms), with keyframes every --snapshot-every events (the store's
    default); "cold" is the first rebuild of a freshly opened store at the end of the day, before it
    has decoded any keyframe block. The day's log is cached in bench/out/ (about 25 minutes to
    generate at full scale; a cached day with other keyframes is reused by rewriting its keyframes,
    a few minutes); --hours scales it down. Its size on disk per event, keyframes included, is printed.

    .venv/bin/python bench/store.py [--events N] [--db sqlite|postgres|both] [--hours H]
                                    [--pg-url URL] [--skip-append] [--skip-replay]

PostgreSQL runs when --pg-url or DISPATCH_TEST_POSTGRES_URL is set (scripts/postgres-for-tests).
Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import math
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, FieldRecordKind, UnitKind, UnitStatus
from dispatch_desktop.store import EventStore, Projector
from dispatch_desktop.store.event_store import KEYFRAME_EVERY
from dispatch_desktop.store.rows import encode_event
from dispatch_desktop.store.schema import metadata

OUT = Path(__file__).resolve().parent / "out"
T0 = 1_763_740_800_000  # 2025-11-22 00:00 Beijing time
REPORT_MS = 5_000
UNITS = 1_100
INCIDENTS_PER_DAY = 10_000
BATCH = 1_000
GENERATOR_VERSION = 3  # bump when the generated day changes, to invalidate cached files
KEYFRAME_FORMAT = 2  # bump when store/keyframes.py changes how keyframes are stored

# Guangzhou's urban districts, roughly.
SOUTH, NORTH, WEST, EAST = 22.95, 23.40, 113.15, 113.55
M_PER_DEG = 111_320.0


# --- realistic inputs ---------------------------------------------------------------------------------

Item = tuple[int, int, str, ev.Body]
"""(t_hub, t_src, source, body): an event before it is numbered (see ``numbered``)."""


def unit_ids(count: int) -> list[str]:
    return [f"P-{n:04d}" for n in range(1, count + 1)]


def roster(units: list[str], t: int) -> list[Item]:
    """UnitRegistered for every unit (by the hub at bootstrap), then each goes on duty."""
    kinds = [UnitKind.PATROL_GROUP] * 7 + [UnitKind.RAPID_RESPONSE, UnitKind.TRAFFIC, UnitKind.STATION_CAR,
                                           UnitKind.OFFICER]
    out: list[Item] = [
        (t + n, t, "hub", ev.UnitRegistered(
            unit=unit, unit_kind=kinds[n % len(kinds)], station=f"S-4401{n % 11:02d}-{n % 7:02d}",
            name=f"巡组 {unit}", members=(f"警员{n:04d}A", f"警员{n:04d}B"),
            lat=round(SOUTH + (n * 0.61803 % 1) * (NORTH - SOUTH), 6),
            lon=round(WEST + (n * 0.41421 % 1) * (EAST - WEST), 6)))
        for n, unit in enumerate(units, start=1)
    ]
    out += [(t + 5_000 + n, t + 4_900 + n, unit, ev.StatusReport(status=UnitStatus.AVAILABLE))
            for n, unit in enumerate(units, start=1)]
    return out


def numbered(items: list[Item], seqs: dict[str, int]) -> list[ev.Envelope]:
    """Envelopes in hub-time order, each source counting its own seq on, as a handset does."""
    items.sort(key=lambda item: item[0])
    out = []
    for t_hub, t_src, source, body in items:
        seq = seqs[source] = seqs.get(source, 0) + 1
        out.append(ev.Envelope(v=1, source=source, seq=seq, t_src=t_src, t_hub=t_hub, body=body))
    return out


class Fleet:
    """Vectorised random walk of every unit; one GPS fix per unit per 5 s, handset precision."""

    def __init__(self, units: list[str], rng: np.random.Generator) -> None:
        self.units = units
        self.rng = rng
        n = len(units)
        self.lat = rng.uniform(SOUTH, NORTH, n)
        self.lon = rng.uniform(WEST, EAST, n)
        self.heading = rng.uniform(0, 360, n)
        self.speed = rng.uniform(0, 12, n)
        self.phase = (np.arange(n) * REPORT_MS // n).astype(np.int64)  # reports spread over the 5 s

    def tick(self, t: int) -> list[Item]:
        n = len(self.units)
        self.heading = (self.heading + self.rng.normal(0, 20, n)) % 360
        self.speed = np.clip(self.speed + self.rng.normal(0, 1.5, n), 0, 16)
        self.speed[self.rng.random(n) < 0.2] = 0.0  # stopped at lights, parked on scene
        step = self.speed * REPORT_MS / 1000 / M_PER_DEG
        rad = np.radians(self.heading)
        self.lat = np.clip(self.lat + step * np.cos(rad), SOUTH, NORTH)
        self.lon = np.clip(self.lon + step * np.sin(rad) / math.cos(math.radians(23.1)), WEST, EAST)
        lag = self.rng.integers(40, 900, n)
        t_src = (t + self.phase).tolist()
        t_hub = (t + self.phase + lag).tolist()
        return [
            (th, ts, unit, ev.Position(lat=la, lon=lo, heading=he, speed=sp))
            for unit, ts, th, la, lo, he, sp in zip(
                self.units, t_src, t_hub, np.round(self.lat, 6).tolist(), np.round(self.lon, 6).tolist(),
                (np.round(self.heading, 1) % 360).tolist(), np.round(self.speed, 2).tolist(), strict=True)
        ]


class Incidents:
    """10,000 calls a day, each with its life: dispatch, delivery, ack, arrival, field record,
    clearance and closing; a third are not police business and are referred."""

    def __init__(self, units: list[str], per_day: int, rng: random.Random) -> None:
        self.rng = rng
        self.available = list(units)
        rng.shuffle(self.available)
        self.every_ms = 86_400_000 // per_day
        self.next_call = T0 + 60_000
        self.number = 0
        self.queue: list[tuple[int, int, Callable[[int], Item | None]]] = []
        self.order = itertools.count()

    def _event(self, source: str, body: ev.Body, t: int) -> Item:
        return (t, t - 30, source, body)

    def _later(self, t: int, make: Callable[[int], Item | None]) -> None:
        heapq.heappush(self.queue, (t, next(self.order), make))

    def until(self, t_end: int) -> list[Item]:
        """Everything that happens before ``t_end``."""
        while self.next_call < t_end:
            self._call(self.next_call)
            self.next_call += self.rng.randint(self.every_ms // 2, self.every_ms * 3 // 2)
        out = []
        while self.queue and self.queue[0][0] < t_end:
            t, _n, make = heapq.heappop(self.queue)
            event = make(t)
            if event is not None:
                out.append(event)
        return out

    def _unit_report(self, unit: str, body: ev.Body, t: int) -> Item:
        return (t, t - 200, unit, body)

    def _call(self, t: int) -> None:
        rng = self.rng
        self.number += 1
        incident = f"J-20251122-{self.number:05d}"
        ws = f"ws-{rng.randint(1, 12):02d}"
        police = rng.random() > 0.33
        created = ev.IncidentCreated(
            incident=incident, call_time=t - 40_000, caller_number=f"138{rng.randint(0, 99_999_999):08d}",
            lat=round(rng.uniform(SOUTH, NORTH), 6), lon=round(rng.uniform(WEST, EAST), 6),
            address=f"天河路 {rng.randint(1, 999)} 号", district=f"4401{rng.randint(3, 18):02d}",
            station=f"S-4401{rng.randint(0, 10):02d}-{rng.randint(0, 6):02d}",
            incident_type=rng.choice(("theft", "dispute", "traffic_accident", "noise", "fraud")),
            priority=rng.randint(1, 4), category=Category.POLICE if police else Category.NON_POLICE,
            description="报警人称" + "现场情况" * rng.randint(1, 6),
        )
        self._later(t, lambda t: self._event(ws, created, t))
        if not police:
            referred = ev.IncidentReferred(incident=incident, department="城管", reason="职责清单")
            self._later(t + rng.randint(30_000, 120_000), lambda t: self._event(ws, referred, t))
            return
        self._later(t + rng.randint(30_000, 120_000), lambda t: self._dispatch(ws, incident, t))

    def _dispatch(self, ws: str, incident: str, t: int) -> Item | None:
        rng = self.rng
        if not self.available:  # every unit busy: the call waits a minute
            self._later(t + 60_000, lambda t: self._dispatch(ws, incident, t))
            return None
        unit = self.available.pop(rng.randrange(len(self.available)))
        order = f"o-{incident}"
        self._later(t + rng.randint(500, 3_000),
                    lambda t: self._event("hub", ev.OrderDelivered(order=order, unit=unit), t))
        ack = t + rng.randint(10_000, 60_000)
        self._later(ack, lambda t: self._unit_report(unit, ev.DispatchAck(incident=incident, order=order), t))
        arrival = ack + rng.randint(180_000, 900_000)
        self._later(arrival, lambda t: self._unit_report(unit, ev.Arrival(incident=incident), t))
        if rng.random() < 0.5:
            record = ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY, record_id=f"fr-{incident}",
                                    incident=incident, fields={"证人": str(rng.randint(0, 4))})
            self._later(arrival + 120_000, lambda t: self._unit_report(unit, record, t))
        cleared = arrival + rng.randint(600_000, 2_400_000)
        clearance = ev.Clearance(incident=incident, result="resolved", summary="已处置")
        self._later(cleared, lambda t: self._clear(unit, clearance, t))
        closed = ev.IncidentClosed(incident=incident, disposition="resolved")
        self._later(cleared + rng.randint(60_000, 600_000), lambda t: self._event(ws, closed, t))
        return self._event(ws, ev.UnitDispatched(incident=incident, unit=unit, order=order), t)

    def _clear(self, unit: str, body: ev.Clearance, t: int) -> Item:
        self.available.append(unit)
        return self._unit_report(unit, body, t)


def day(hours: float, seed: int, *, calls_per_day: int = INCIDENTS_PER_DAY,
        bootstrap: bool = True) -> Iterator[list[ev.Envelope]]:
    """The log in batches of ten report rounds (~11,000 events) in hub-time order, as the hub stamps
    them: whatever arrives after a batch's end waits for the next one."""
    units = unit_ids(UNITS)
    fleet = Fleet(units, np.random.default_rng(seed))
    calls = Incidents(units, max(calls_per_day, 1), random.Random(seed))
    seqs: dict[str, int] = {}
    if bootstrap:
        yield numbered(roster(units, T0), seqs)
    ticks = int(hours * 3600_000 // REPORT_MS)
    pending: list[Item] = []
    for start in range(0, ticks, 10):
        end = min(start + 10, ticks)
        items = pending
        for tick in range(start, end):
            items += fleet.tick(T0 + 60_000 + tick * REPORT_MS)
        boundary = T0 + 60_000 + end * REPORT_MS
        if calls_per_day:
            items += calls.until(boundary)
        pending = [item for item in items if item[0] >= boundary]
        yield numbered([item for item in items if item[0] < boundary], seqs)
    yield numbered(pending, seqs)


# --- (a) and (b): appending -------------------------------------------------------------------------------


def positions(count: int, seed: int) -> list[ev.Envelope]:
    hours = count / UNITS * REPORT_MS / 3600_000 + 0.01
    batches = day(hours, seed, calls_per_day=0, bootstrap=False)
    return list(itertools.islice(itertools.chain.from_iterable(batches), count))


def fresh_sqlite(name: str) -> tuple[str, Path]:
    path = OUT / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}", path


def raw_sqlite_rate(rows: list[tuple[object, ...]]) -> float:
    """The baseline: sqlite3 alone, same table (made by the store's migrations), same pragmas."""
    url, path = fresh_sqlite("bench-raw.db")
    EventStore.open(url).close()
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "cache_size=-65536", "wal_autocheckpoint=4000"):
        conn.execute(f"PRAGMA {pragma}")
    sql = "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    start = time.perf_counter()
    for first in range(0, len(rows), BATCH):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows[first:first + BATCH])
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return len(rows) / elapsed


def raw_postgres_rate(url: str, rows: list[tuple[object, ...]]) -> float:
    """The baseline: psycopg COPY alone into an identical table."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        driver.commit()
        with driver.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS bench_raw_events")
            cursor.execute("CREATE TABLE bench_raw_events (LIKE events INCLUDING ALL)")
        driver.commit()
        start = time.perf_counter()
        for first in range(0, len(rows), BATCH):
            with driver.cursor() as cursor, cursor.copy("COPY bench_raw_events FROM STDIN") as copy:
                for row in rows[first:first + BATCH]:
                    copy.write_row(row)
            driver.commit()
        elapsed = time.perf_counter() - start
        with driver.cursor() as cursor:
            cursor.execute("DROP TABLE bench_raw_events")
        driver.commit()
    engine.dispose()
    return len(rows) / elapsed


def store_rate(store: EventStore, events: list[ev.Envelope]) -> float:
    start = time.perf_counter()
    for first in range(0, len(events), BATCH):
        store.append(events[first:first + BATCH])
    return len(events) / (time.perf_counter() - start)


def rows_for(events: list[ev.Envelope]) -> list[tuple[object, ...]]:
    """The rows the store writes for these events into an empty log (sources numbered in order)."""
    ids: dict[str, int] = {}
    rows = []
    for gseq, event in enumerate(events, start=1):
        e = encode_event(event)
        source_id = ids.setdefault(e.source, len(ids) + 1)
        rows.append((gseq, source_id, e.seq, e.t_hub, e.t_lag, e.kind, e.mode, e.v, e.body))
    return rows


def sqlite_bytes(path: Path, count: int) -> tuple[float, str]:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    parts = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    conn.close()
    detail = ", ".join(f"{name} {size / count:.1f}" for name, size in parts if size / count >= 0.1)
    return path.stat().st_size / count, detail


def postgres_bytes(url: str, count: int) -> tuple[float, str]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        total = conn.scalar(sa.text("SELECT pg_total_relation_size('events')"))
        heap = conn.scalar(sa.text("SELECT pg_relation_size('events')"))
    engine.dispose()
    return total / count, f"table {heap / count:.1f}, indexes {(total - heap) / count:.1f}"


def bench_append(count: int, backends: list[str], pg_url: str) -> None:
    print(f"\n(a, b) appending {count:,} position events of {UNITS:,} units in batches of {BATCH:,}")
    events = positions(count, seed=1)
    rows = rows_for(events)
    print(f"{'':30}{'events/s':>12}{'ratio':>9}{'B/event':>10}   on disk")
    if "sqlite" in backends:
        raw = raw_sqlite_rate(rows)
        url, path = fresh_sqlite("bench-store.db")
        with EventStore.open(url) as store:
            rate = store_rate(store, events)
        size, detail = sqlite_bytes(path, count)
        print(f"{'SQLite raw executemany':30}{raw:12,.0f}")
        print(f"{'SQLite EventStore.append':30}{rate:12,.0f}{rate / raw:9.2f}{size:10.1f}   {detail}")
        print(f"{'':30}{'':12}{'(>=0.5)':>9}{'(<=100)':>10}")
    if "postgresql" in backends:
        url = bench_database(pg_url, "dispatch_bench_append", drop=True)
        with EventStore.open(url) as store:
            raw = raw_postgres_rate(url, rows)
            rate = store_rate(store, events)
        size, detail = postgres_bytes(url, count)
        print(f"{'PostgreSQL raw COPY':30}{raw:12,.0f}")
        print(f"{'PostgreSQL EventStore.append':30}{rate:12,.0f}{rate / raw:9.2f}{size:10.1f}   {detail}")


# --- (c): time travel ------------------------------------------------------------------------------------


def day_file(hours: float, every: int, seed: int) -> Path:
    OUT.mkdir(exist_ok=True)
    stem = f"day-v{GENERATOR_VERSION}-h{hours:g}-u{UNITS}-i{INCIDENTS_PER_DAY}"
    path = OUT / f"{stem}-k{every}-f{KEYFRAME_FORMAT}-s{seed}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    same_day = [other for other in OUT.glob(f"{stem}-k*-s{seed}.db") if other != path]
    if same_day:  # the same events with other keyframes: rewriting them beats generating 19 M events
        print(f"rewriting the keyframes of {same_day[0].name} every {every:,} events into {path.name}...", flush=True)
        start = time.perf_counter()
        shutil.copyfile(same_day[0], partial)
        with EventStore.open(f"sqlite:///{partial}", snapshot_every=every) as store:
            def progress(done: int, total: int) -> bool:
                if done % 100 == 0 or done == total:
                    print(f"  {done:,}/{total:,} keyframes, {time.perf_counter() - start:.0f} s", flush=True)
                return True

            store.rewrite_keyframes(every, progress=progress)
    else:
        url, _ = fresh_sqlite(partial.name)
        print(f"generating {hours:g} h of the city into {path} (cached for next time)...", flush=True)
        start = time.perf_counter()
        with EventStore.open(url, snapshot_every=every) as store:
            projector = Projector(store)
            for batch in day(hours, seed):
                projector.append(batch)
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")  # what a day really takes on disk, without the space old keyframes left behind
    count = conn.execute("SELECT max(gseq) FROM events").fetchone()[0]
    conn.close()
    partial.rename(path)
    print(f"  {count:,} events in {time.perf_counter() - start:.0f} s", flush=True)
    return path


def bench_database(pg_url: str, name: str, *, drop: bool) -> str:
    url = sa.make_url(pg_url).set(database=name)
    if drop:
        admin = sa.create_engine(sa.make_url(pg_url), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        admin.dispose()
    return url.render_as_string(hide_password=False)


def copy_to_postgres(sqlite_path: Path, pg_url: str) -> str:
    """The same log in PostgreSQL, table by table (re-projecting 19 M events would only be slower)."""
    url = bench_database(pg_url, "dispatch_bench_day", drop=False)
    source = sqlite3.connect(sqlite_path)
    fingerprint = "SELECT (SELECT max(gseq) FROM events), (SELECT sum(gseq) FROM snapshots)"
    wanted = source.execute(fingerprint).fetchone()
    EventStore.open(url).close()
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        if tuple(conn.execute(sa.text(fingerprint)).one()) == wanted:
            engine.dispose()
            return url
        print(f"copying the log into PostgreSQL ({wanted[0]:,} events)...", flush=True)
        driver = conn.connection.driver_connection
        with driver.cursor() as cursor:
            for table in reversed(metadata.sorted_tables):
                cursor.execute(f"TRUNCATE {table.name}")
            for table in metadata.sorted_tables:
                columns = ", ".join(column.name for column in table.columns)
                with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                    for row in source.execute(f"SELECT {columns} FROM {table.name}"):
                        copy.write_row(row)
            cursor.execute("ANALYZE")
        driver.commit()
    engine.dispose()
    return url


def bench_replay(url: str, label: str, moments: int, seed: int) -> None:
    with EventStore.open(url) as store:
        # Cold: a store that has decoded no keyframe block yet, at the end of the day (every block).
        start = time.perf_counter()
        rebuilt = store.rebuild()
        cold_ms = (time.perf_counter() - start) * 1000
        first = next(store.read(limit=1))[1].t_hub
        last = rebuilt.state.time
        rng = random.Random(seed)
        times, cpu, replayed = [], [], []
        for _ in range(moments):
            moment = rng.randint(first, last)
            start, start_cpu = time.perf_counter(), time.process_time()
            rebuilt = store.rebuild(time_ms=moment)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            replayed.append(rebuilt.replayed)
        start = time.perf_counter()
        keyframe = store.latest_snapshot()
        load_ms = (time.perf_counter() - start) * 1000
    p90 = statistics.quantiles(times, n=10)[-1]
    assert keyframe is not None
    print(f"{label:12}{statistics.median(times):10.0f}{p90:9.0f}{max(times):9.0f}{statistics.median(cpu):9.0f}"
          f"{statistics.mean(replayed):12,.0f}{load_ms:15.0f}{cold_ms:10.0f}"
          f"  ({len(keyframe[1].incidents):,} incidents)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000, help="position events for (a) and (b)")
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--hours", type=float, default=24.0, help="length of the generated log for (c)")
    parser.add_argument("--snapshot-every", type=int, default=KEYFRAME_EVERY)
    parser.add_argument("--moments", type=int, default=20)
    parser.add_argument("--pg-url", default=os.environ.get("DISPATCH_TEST_POSTGRES_URL", ""))
    parser.add_argument("--skip-append", action="store_true")
    parser.add_argument("--skip-replay", action="store_true")
    args = parser.parse_args()

    backends = ["sqlite", "postgresql"] if args.db == "both" else ["postgresql" if args.db == "postgres" else "sqlite"]
    if "postgresql" in backends and not args.pg_url:
        print("PostgreSQL skipped: no --pg-url and no DISPATCH_TEST_POSTGRES_URL (scripts/postgres-for-tests)")
        backends.remove("postgresql")
    OUT.mkdir(exist_ok=True)
    print(f"store bench: SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    if not args.skip_append and backends:
        bench_append(args.events, backends, args.pg_url)
    if not args.skip_replay and backends:
        path = day_file(args.hours, args.snapshot_every, seed=7)
        with sqlite3.connect(path) as conn:
            count = conn.execute("SELECT max(gseq) FROM events").fetchone()[0]
        print(f"\n(c) state_at at {args.moments} random moments of a {args.hours:g} h log: {count:,} events, "
              f"{UNITS:,} units every {REPORT_MS // 1000} s, {INCIDENTS_PER_DAY * args.hours / 24:,.0f} incidents, "
              f"keyframe every {args.snapshot_every:,} events; {path.stat().st_size / count:.1f} B/event on disk")
        # cpu: the median CPU time of this process, less sensitive than wall time to a busy machine.
        print(f"{'':12}{'median ms':>10}{'p90 ms':>9}{'max ms':>9}{'cpu ms':>9}{'replayed':>12}{'keyframe ms':>15}"
              f"{'cold ms':>10}")
        if "sqlite" in backends:
            bench_replay(f"sqlite:///{path}", "SQLite", args.moments, seed=11)
        if "postgresql" in backends:
            bench_replay(copy_to_postgres(path, args.pg_url), "PostgreSQL", args.moments, seed=11)
        print(f"{'':12}{'(<=300)':>10}")


if __name__ == "__main__":
    main()
