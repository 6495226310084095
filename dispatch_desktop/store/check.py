"""``dispatch-desktop db check``: is the event store whole? Read-only from start to end.

In order: what is at the URL (``location.inspect``: a file cut short or overwritten shows there); the
schema revision; the database engine's own check of every page and index (SQLite's
``integrity_check``, PostgreSQL's ``amcheck`` when an administrator has installed it); then the event
log's own promises that cost one pass or less: gseqs 1..N without a hole, every event's source
registered, the newest keyframe of each mode decodes, the newest events decode.

Every check yields a ``Finding``; ``verdict`` sums them up. Long checks report ``progress`` and stop
soon after ``stopped()`` turns true, raising ``Interrupted``. Nothing here writes: SQLite is opened
``mode=ro`` and PostgreSQL sessions are read-only (``location.readonly_engine``). Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import partial

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from dispatch_desktop.store import migrate
from dispatch_desktop.store.backends import EVENT_COLUMNS, backend_for, sqlite_connection
from dispatch_desktop.store.errors import StoreError
from dispatch_desktop.store.event_store import KEYFRAME_EVERY
from dispatch_desktop.store.keyframes import KeyframeCodec
from dispatch_desktop.store.location import Found, Location, StoreProblem, inspect, problem_in, readonly_engine
from dispatch_desktop.store.rows import MODES, decode_rows
from dispatch_desktop.store.schema import metadata

CHUNK = 200_000
"""gseqs counted per query of the log pass: a progress step of a fraction of a second."""
NEWEST_DECODED = 10_000
"""Newest events decoded one by one: about what a desk replays after the newest keyframe."""
REPORTED = 20
"""Problems listed at most per check: the first ones say where; hundreds more say nothing new."""
_TICKS = 20_000
"""SQLite virtual-machine steps between two calls of the progress handler: about a millisecond."""

Progress = Callable[[str, int, int], None]
"""(what is being checked, done, total); total 0: not known in advance (done then only grows)."""
Check = Callable[[Connection], "Finding"]

RESTORE = "stop the desks and the hub, then restore the event store from your backup"


class Status(Enum):
    PASSED = "ok"
    WARNING = "warning"
    FAILED = "DAMAGED"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Finding:
    check: str
    status: Status
    detail: str
    remedy: str = ""  # what to do about a failure or a warning


class CannotCheck(StoreError):
    """The check cannot run: nothing there, a server that does not answer, another program's data."""


class Interrupted(Exception):
    """``stopped()`` turned true: the check ended early, without a verdict."""


def verdict(findings: list[Finding]) -> tuple[int, str]:
    """The exit code (0 healthy, 1 damaged) and the closing words, with what to do."""
    failed = [finding for finding in findings if finding.status is Status.FAILED]
    warned = [finding for finding in findings if finding.status is Status.WARNING]
    remedies = dict.fromkeys(finding.remedy for finding in failed + warned if finding.remedy)
    todo = "".join(f"\n  - {remedy}" for remedy in remedies)
    if failed:
        return 1, f"verdict: DAMAGED ({len(failed)} of {len(findings)} checks failed). What to do:{todo}"
    if warned:
        return 0, f"verdict: healthy, with {len(warned)} warning(s):{todo}"
    return 0, f"verdict: healthy ({len(findings)} checks passed)"


def _listed(problems: list[str]) -> str:
    more = "\n    … and more" if len(problems) > REPORTED else ""
    return "".join(f"\n    {problem}" for problem in problems[:REPORTED]) + more


class StoreCheck:
    """``StoreCheck(url).run()`` yields a ``Finding`` per check, in order; raises ``CannotCheck`` and
    ``Interrupted``. ``quick``: SQLite's ``quick_check`` (it does not match the indexes against their
    tables: several times faster) instead of ``integrity_check``."""

    def __init__(self, url: str, *, quick: bool = False, progress: Progress | None = None,
                 stopped: Callable[[], bool] = lambda: False) -> None:
        self.url = url
        self.quick = quick
        self._progress = progress or (lambda _what, _done, _total: None)
        self._stopped = stopped
        self._where = self._shown = sa.make_url(url).render_as_string(hide_password=True)

    def run(self) -> Iterator[Finding]:
        integrity = ("quick_check" if self.quick else "integrity_check", self._sqlite_integrity)
        try:
            location = self._locate()
        except StoreProblem as problem:
            self._where = problem.params["store"]
            yield Finding("store", Status.FAILED, problem.fact, RESTORE)
            # What else is damaged, SQLite's own check can still say; of garbage it can say nothing.
            if problem.code != "not_sqlite" and backend_for(self.url)[0].name == "sqlite":
                yield from self._each(integrity)
            return
        self._where = location.where
        kind = "PostgreSQL database" if location.server else "SQLite file"
        yield Finding("store", Status.PASSED, f"an event store ({kind} {location.where})")
        yield self._revision(location)
        log_checks: list[tuple[str, Check]] = [
            ("gseq", self._gseqs),
            *((f"{mode.value} keyframe", partial(self._keyframe, code)) for code, mode in MODES.items()),
            ("newest events", self._newest_events),
        ]
        yield from self._each(("amcheck", self._amcheck) if location.server else integrity, *log_checks)

    # --- what is there --------------------------------------------------------------------------

    def _locate(self) -> Location:
        try:
            location = inspect(self.url, verify_before_upgrade=False)
        except StoreProblem as problem:
            if problem.damaged:
                raise
            raise CannotCheck(str(problem)) from None
        except StoreError as error:
            raise CannotCheck(str(error)) from None
        if location.found is Found.NOTHING:
            raise CannotCheck(f"there is no event store at {location.where}: nothing to check")
        if location.found is Found.EMPTY:
            raise CannotCheck(f"{location.where} holds no tables: it is not an event store (yet)")
        return location

    @staticmethod
    def _revision(location: Location) -> Finding:
        newest = migrate.head_revision()
        if location.revision == newest:
            return Finding("schema", Status.PASSED, f"revision {location.revision} (the newest)")
        return Finding("schema", Status.WARNING, f"revision {location.revision}; the newest is {newest}",
                       f"'dispatch-desktop db upgrade --db {location.shown}' brings the schema up to date "
                       "(the desk and the hub do it when they open the store)")

    def _each(self, *checks: tuple[str, Check]) -> Iterator[Finding]:
        engine = readonly_engine(self.url)
        try:
            for name, check in checks:
                yield self._guarded(name, check, engine)
        finally:
            engine.dispose()

    def _guarded(self, name: str, check: Check, engine: Engine) -> Finding:
        """Runs one check on a connection of its own; a database error on the way is a finding too:
        damage when the database says so, else a check that could not run."""
        try:
            with engine.connect() as conn:
                return check(conn)
        except sa.exc.DBAPIError as error:
            if self._stopped():  # SQLite's "interrupted": the progress handler asked it to stop
                raise Interrupted from None
            problem = problem_in(error, self._where, self._shown)
            if problem is not None:
                return Finding(name, Status.FAILED, problem.fact, RESTORE)
            return Finding(name, Status.SKIPPED, f"could not run: {str(getattr(error, 'orig', error)).strip()}")

    def _step(self, what: str, done: int, total: int) -> None:
        if self._stopped():
            raise Interrupted
        self._progress(what, done, total)

    # --- the engine's own check -----------------------------------------------------------------

    def _sqlite_integrity(self, conn: Connection) -> Finding:
        pragma = "quick_check" if self.quick else "integrity_check"
        raw = sqlite_connection(conn)
        ticks = 0

        def tick() -> bool:
            nonlocal ticks
            ticks += 1
            if self._stopped():
                return True  # SQLite abandons the statement
            self._progress(pragma, ticks, 0)
            return False

        raw.set_progress_handler(tick, _TICKS)
        try:
            try:
                rows = conn.exec_driver_sql(f"PRAGMA {pragma}({REPORTED + 1})").all()
            except sa.exc.DBAPIError as error:
                # Matching an index to its table, integrity_check gives up at a page it cannot read;
                # quick_check does not go there and lists the damaged pages.
                if self.quick or self._stopped() or problem_in(error, "", "") is None:
                    raise
                rows = conn.exec_driver_sql(f"PRAGMA quick_check({REPORTED + 1})").all()
        finally:
            raw.set_progress_handler(None, 0)
        # A row may hold several lines; "*** in database main ***" heads them and names no problem.
        lines = [line for row in rows for line in str(row[0]).splitlines() if not line.startswith("*** in database")]
        if lines == ["ok"]:
            return Finding(pragma, Status.PASSED, "every page and index reads back as SQLite wrote it")
        return Finding(pragma, Status.FAILED, f"SQLite lists these problems:{_listed(lines)}", RESTORE)

    def _amcheck(self, conn: Connection) -> Finding:
        schema = conn.exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'amcheck'").scalar()
        if schema is None:
            available = conn.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'amcheck'").first()
            how = ("an administrator can install it in this database with CREATE EXTENSION amcheck"
                   if available else "the server lacks it: install PostgreSQL's contrib package")
            return Finding("amcheck", Status.SKIPPED, "pages and indexes not checked: the amcheck extension is "
                           f"not installed ({how}; db check never writes, so it does not install it)")
        tables = sorted(metadata.tables)
        in_schema = "relnamespace = current_schema()::regnamespace AND relname = ANY(:tables)"
        indexes = conn.execute(sa.text(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am am ON am.oid = c.relam WHERE am.amname = 'btree' AND i.indrelid IN "
            f"(SELECT oid FROM pg_class WHERE {in_schema}) ORDER BY 1"), {"tables": tables}).scalars().all()
        heaps = conn.execute(sa.text(f"SELECT relname FROM pg_class WHERE relkind = 'r' AND {in_schema} ORDER BY 1"),
                             {"tables": tables}).scalars().all()
        # verify_heapam (amcheck 1.3, PostgreSQL 14) checks the tables' pages; before it, indexes only.
        has_heap_check = conn.execute(sa.text(
            "SELECT 1 FROM pg_proc WHERE proname = 'verify_heapam' AND pronamespace = CAST(:schema AS regnamespace)"),
            {"schema": schema}).first() is not None
        work = [("bt_index_check", name) for name in indexes]
        work += [("verify_heapam", name) for name in heaps] if has_heap_check else []
        functions = conn.dialect.identifier_preparer.quote_schema(schema)
        problems: list[str] = []
        for done, (function, relation) in enumerate(work):
            self._step("amcheck", done, len(work))
            query = sa.text(f"SELECT * FROM {functions}.{function}(quote_ident(:name)::regclass)")
            try:
                rows = conn.execute(query, {"name": relation}).all()
            except sa.exc.DBAPIError as error:
                if problem_in(error, relation, self._shown) is None:
                    raise
                problems.append(f"{relation}: {str(error.orig).strip()}")
                conn.rollback()  # PostgreSQL refuses everything else in a failed transaction
                continue
            if function == "verify_heapam":  # a row per damaged tuple, its message last
                problems += [f"{relation}: {row[-1]}" for row in rows]
        self._step("amcheck", len(work), len(work))
        if problems:
            return Finding("amcheck", Status.FAILED, f"{len(problems)} problem(s):{_listed(problems)}", RESTORE)
        tables_too = f" and {len(heaps)} tables" if has_heap_check else ""
        return Finding("amcheck", Status.PASSED, f"{len(indexes)} indexes{tables_too} verified")

    # --- the event log's own promises -----------------------------------------------------------

    def _gseqs(self, conn: Connection) -> Finding:
        """gseqs are 1..N with no hole (the store hands them out under the writers' lock), and every
        event's source is registered (both are written in one transaction): one pass, in chunks."""
        first, last = conn.exec_driver_sql("SELECT min(gseq), max(gseq) FROM events").one()
        if last is None:
            return Finding("gseq", Status.PASSED, "the log is empty")
        count_chunk = sa.text(
            "SELECT count(*), count(*) - count(s.id) FROM events e LEFT JOIN sources s ON s.id = e.source_id "
            "WHERE e.gseq > :start AND e.gseq <= :end")
        missing = extra = orphans = 0
        first_bad: int | None = None
        for start in range(0, last, CHUNK):
            self._step("events", start, last)
            end = min(start + CHUNK, last)
            count, lost = conn.execute(count_chunk, {"start": start, "end": end}).one()
            if count != end - start or lost:
                first_bad = start if first_bad is None else first_bad
            missing += max(end - start - count, 0)
            extra += max(count - (end - start), 0)
            orphans += lost
        self._step("events", last, last)
        faults = [text for present, text in [
            (missing, f"{missing:,} events missing from gseq 1..{last:,}"),
            (extra, f"{extra:,} gseqs stored twice"),
            (orphans, f"{orphans:,} events of an unregistered source"),
            (first < 1, f"gseqs from {first}, below 1"),
        ] if present]
        if not faults:
            return Finding("gseq", Status.PASSED, f"gseq 1..{last:,} without a hole; every source registered")
        where = "" if first_bad is None else f" (the first after gseq {first_bad:,})"
        return Finding("gseq", Status.FAILED, f"{'; '.join(faults)}{where}", RESTORE)

    def _keyframe(self, code: int, conn: Connection) -> Finding:
        name = f"{MODES[code].value} keyframe"
        last = conn.exec_driver_sql("SELECT max(gseq) FROM events").scalar() or 0
        row = conn.execute(sa.text("SELECT gseq, data FROM snapshots WHERE mode = :mode ORDER BY gseq DESC LIMIT 1"),
                           {"mode": code}).first()
        keyframes = f"'dispatch-desktop db keyframes --db {self._shown}'"
        rewrite = f"the events are whole: {keyframes} rewrites the keyframes"
        if row is None:
            if code == 0 and last >= 2 * KEYFRAME_EVERY:
                return Finding(name, Status.WARNING, f"none in a log of {last:,} events: every start replays it all",
                               f"{keyframes} writes keyframes")
            return Finding(name, Status.PASSED, "none yet")
        gseq, data = int(row[0]), bytes(row[1])
        if gseq > last:
            return Finding(name, Status.FAILED, f"the newest is at gseq {gseq:,}, past the last event {last:,}",
                           RESTORE)
        blocks = sa.text("SELECT hash, data FROM keyframe_blocks WHERE hash IN :hashes").bindparams(
            sa.bindparam("hashes", expanding=True))

        def fetch(hashes: Collection[bytes]) -> dict[bytes, bytes]:
            return {bytes(digest): bytes(block) for digest, block in conn.execute(blocks, {"hashes": list(hashes)})}

        try:
            state = KeyframeCodec().unpack(data, fetch)
        except Exception as error:  # whatever a damaged keyframe makes the decoder say
            return Finding(name, Status.FAILED, f"the newest, at gseq {gseq:,}, does not decode: {error}", rewrite)
        return Finding(name, Status.PASSED, f"the newest, at gseq {gseq:,}, decodes "
                       f"(units: {len(state.units):,}, incidents: {len(state.incidents):,})")

    def _newest_events(self, conn: Connection) -> Finding:
        names = {int(row[0]): str(row[1]) for row in conn.exec_driver_sql("SELECT id, name FROM sources")}
        rows = conn.exec_driver_sql(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY gseq DESC LIMIT {NEWEST_DECODED}")
        bad: list[str] = []
        decoded = 0
        for decoded, row in enumerate(rows, start=1):
            if decoded % 1000 == 0:
                self._step("newest events", decoded, NEWEST_DECODED)
            try:
                decode_rows([tuple(row)], names)
            except Exception as error:  # a damaged body, an unknown kind or source: each says which
                bad.append(f"gseq {row[0]}: {type(error).__name__}: {error}")
        if not decoded:
            return Finding("newest events", Status.PASSED, "the log is empty")
        if bad:
            return Finding("newest events", Status.FAILED, f"{len(bad)} of the newest {decoded:,} do not decode:"
                           f"{_listed(bad)}", RESTORE)
        return Finding("newest events", Status.PASSED, f"the newest {decoded:,} decode")
