"""What differs between SQLite and PostgreSQL: connecting, serialising writers, bulk inserting."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from dispatch_desktop.store.checkpointer import Checkpointer
from dispatch_desktop.store.errors import StoreError

WRITE = "dispatch_write"
"""Execution option marking a connection whose transaction will write (see ``Backend.writing``)."""

EVENT_COLUMNS = "gseq, source_id, seq, t_hub, t_lag, kind, mode, v, body"
"""The events table's columns, in the order every raw row has them."""
_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
_INSERTS = tuple((size, f"INSERT INTO events ({EVENT_COLUMNS}) VALUES {', '.join([_ROW] * size)}")
                 for size in (100, 10, 1))
"""(rows, statement), largest first; 100 rows are 900 parameters, within SQLite's oldest default
limit of 999 per statement."""


class Backend:
    """The SQLite way; ``PostgresBackend`` overrides what PostgreSQL does differently."""

    name = "sqlite"

    def create_engine(self, url: sa.URL) -> Engine:
        database = url.database or ""
        memory = database in ("", ":memory:")
        if not memory:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            url,
            # One connection shared by every user of an in-memory database, else it would vanish.
            poolclass=StaticPool if memory else None,
            connect_args={"check_same_thread": False, "timeout": 30.0},
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def start_maintenance(self, url: sa.URL) -> Callable[[], None]:
        """Starts what keeps the database in shape beside the writers; returns how to stop it."""
        if url.database in (None, "", ":memory:"):
            return lambda: None
        return Checkpointer(str(Path(url.database).expanduser())).start().stop

    def writing(self, conn: Connection) -> Connection:
        """Marks the connection so its transaction starts with SQLite's write lock (BEGIN IMMEDIATE):
        writers queue up front instead of failing at their first write when another one got in."""
        return conn.execution_options(**{WRITE: True})

    def lock_for_append(self, conn: Connection) -> None:
        """Serialises appenders until commit; on SQLite BEGIN IMMEDIATE already did."""

    def lock_keyframes(self, conn: Connection) -> None:
        """Serialises writers of keyframes and their blocks until commit (BEGIN IMMEDIATE, on SQLite)."""

    @contextmanager
    def derived_transaction(self, conn: Connection) -> Iterator[None]:
        """A transaction that writes only what the log can give again (keyframes): its commit does not
        wait for the disk. The hub's writer makes one every ~10,000 events, and the sync was most of
        its cost (10-25 ms, a stall every second for the batches behind it). In WAL mode this loses
        nothing else: a crash can lose the keyframe, never corrupt it, and the next synchronous
        commit syncs the WAL that holds it too."""
        raw = sqlite_connection(conn)
        raw.execute("PRAGMA synchronous=NORMAL")
        try:
            with conn.begin():
                yield
        finally:
            try:
                raw.execute("PRAGMA synchronous=FULL")
            except Exception:
                conn.invalidate()  # never hand out a connection whose commits would not sync
                raise

    def bytes_at(self, column: str, position: int, data: bytes) -> str:
        """SQL that is true where ``column`` (a blob) holds ``data`` from byte ``position`` (1 = the first)."""
        return f"substr({column}, {position}, {len(data)}) = X'{data.hex()}'"

    def last_gseq(self, conn: Connection) -> int:
        """``max(gseq)`` straight through the driver: append asks it once per batch, and SQLAlchemy's
        statement caching and result wrapping cost several times the query itself."""
        cursor = conn.connection.cursor()
        try:
            cursor.execute("SELECT max(gseq) FROM events")
            row = cursor.fetchone()
        finally:
            cursor.close()
        return int(row[0] or 0) if row is not None else 0

    def insert_events(self, conn: Connection, rows: Sequence[tuple[object, ...]]) -> None:
        # Multi-row INSERTs: 100 rows per statement, the rest 10 then 1 at a time. The sqlite3 module
        # releases and retakes the GIL around every statement step: with ``executemany`` that is once
        # per row, and each retake can wait out the switch interval while the hub's loop thread runs
        # Python; a step per ten or hundred rows makes the write both cheaper and nearly free of that.
        cursor = conn.connection.cursor()
        try:
            start = 0
            for size, statement in _INSERTS:
                end = start + (len(rows) - start) // size * size
                for first in range(start, end, size):
                    cursor.execute(statement, list(chain.from_iterable(rows[first : first + size])))
                start = end
        finally:
            cursor.close()


def sqlite_connection(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 module's own connection under ``conn``, for what SQLAlchemy does not do (pragmas)."""
    raw = conn.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError(f"expected a SQLite connection, got {type(raw).__name__}")
    return raw


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event below issue BEGIN: the sqlite3 module's own transaction handling
    # would start transactions behind our back and cannot do BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # WAL: readers (the UI, time travel) never block the hub's appends, nor it them.
        # synchronous=FULL: in WAL mode NORMAL already loses nothing when the *process* is killed (a
        # commit is in the OS's hands once written), but after a power cut or OS crash it may lose
        # the last transactions. The hub acknowledges an event once append returns and the unit then
        # forgets it, so a commit must survive those too: FULL syncs the WAL at each commit, one
        # fsync per batch, which costs little next to the page writes of the batch itself.
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "busy_timeout=30000",
            "cache_size=-65536",  # KiB: the (source, seq) index is written all over on every batch
            # Pages: the safety net only; checkpoints normally run beside the writer (checkpointer.py).
            "wal_autocheckpoint=65536",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        cursor.close()
    if mode not in ("wal", "memory"):  # in-memory databases have no WAL, and need none
        raise StoreError(f"SQLite refused WAL journaling (journal_mode={mode}); the store needs it")


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


class PostgresBackend(Backend):
    name = "postgresql"

    def create_engine(self, url: sa.URL) -> Engine:
        engine = sa.create_engine(url, pool_pre_ping=True)
        try:
            engine.connect().close()
        except sa.exc.OperationalError:
            if not _create_database(url):
                raise
        return engine

    def start_maintenance(self, url: sa.URL) -> Callable[[], None]:
        return lambda: None  # the server does its own

    def writing(self, conn: Connection) -> Connection:
        return conn

    def bytes_at(self, column: str, position: int, data: bytes) -> str:
        # X'…' is a bit string to PostgreSQL; decode() makes the bytea, whatever the string settings.
        return f"substr({column}, {position}, {len(data)}) = decode('{data.hex()}', 'hex')"

    def lock_for_append(self, conn: Connection) -> None:
        # One appender at a time, readers unaffected. Taking gseq = max + 1 under this lock keeps the
        # log gap-free and, above all, makes commit order equal gseq order: with a sequence, a reader
        # could see gseq 101 committed before 100 and, reading "after 101", miss 100 for ever.
        conn.exec_driver_sql("LOCK TABLE events IN EXCLUSIVE MODE")

    def lock_keyframes(self, conn: Connection) -> None:
        # Pruning must not delete a block that a keyframe being written refers to: one at a time.
        conn.exec_driver_sql("LOCK TABLE snapshots, keyframe_blocks IN EXCLUSIVE MODE")

    @contextmanager
    def derived_transaction(self, conn: Connection) -> Iterator[None]:
        with conn.begin():
            conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
            yield

    def insert_events(self, conn: Connection, rows: Sequence[tuple[object, ...]]) -> None:
        import psycopg  # the postgres extra: only a PostgreSQL store gets here, and its engine uses it

        raw = conn.connection.driver_connection
        if not isinstance(raw, psycopg.Connection):
            raise TypeError(f"expected a psycopg connection, got {type(raw).__name__}")
        cursor = raw.cursor()
        with cursor, cursor.copy(f"COPY events ({EVENT_COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _create_database(url: sa.URL) -> bool:
    """Creates the database named by ``url`` if the server lacks it; False when it exists (so the
    connection failed for another reason) or the server cannot be reached either."""
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            ).first()
            if exists:
                return False
            quoted = conn.dialect.identifier_preparer.quote(url.database or "")
            conn.exec_driver_sql(f"CREATE DATABASE {quoted}")
            return True
    except sa.exc.OperationalError:
        return False
    finally:
        admin.dispose()


def in_memory(url: str) -> bool:
    """An in-memory SQLite database: no other process can open it."""
    backend, parsed = backend_for(url)
    return backend.name == "sqlite" and parsed.database in (None, "", ":memory:")


def backend_for(url: str) -> tuple[Backend, sa.URL]:
    """The backend and the SQLAlchemy URL for a store URL; ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as error:
        raise StoreError(f"not a database URL: {url!r} ({error})") from None
    if parsed.drivername in ("sqlite", "sqlite+pysqlite"):
        return Backend(), parsed
    if parsed.drivername in ("postgresql", "postgresql+psycopg"):
        return PostgresBackend(), parsed.set(drivername="postgresql+psycopg")
    raise StoreError(
        f"unsupported database {parsed.drivername!r}: use sqlite:///path/to/file.db or "
        "postgresql+psycopg://user@host/db"
    )
