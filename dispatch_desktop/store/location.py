"""What is at an event store's URL, found without writing a byte: nothing yet, an empty database, an
event store, or something that must not be opened (damaged, another program's, a newer version's).

Opening a store writes: SQLite's switch to WAL, the schema migrations, then the appends. On a damaged
file each of those can make the damage worse or destroy what a repair could still save, and on another
program's database they would mix our tables into it. So the commands and the app call ``inspect``
first; it reads through a read-only connection (SQLite's ``mode=ro``, PostgreSQL's
``default_transaction_read_only``) and refuses with a ``StoreProblem`` that says which file, that it
was not changed and what to do. Its ``code`` and ``params`` let the UI say the same in the user's
language. Qt-free.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from dispatch_desktop.store import migrate
from dispatch_desktop.store.backends import backend_for
from dispatch_desktop.store.errors import StoreError
from dispatch_desktop.store.schema import metadata

SQLITE_MAGIC = b"SQLite format 3\x00"
FIRST_TABLES = frozenset({"sources", "events", "late_events", "snapshots"})
"""The tables the first schema revision made: every event store has them, whatever its revision."""

_RESTORE_OR_CHECK = ("Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is "
                     "damaged.")

_FACTS_AND_ADVICE: dict[str, tuple[str, str]] = {
    "not_a_file": ("{store} is a directory, not an event store.",
                   "Give --db the path of the database file (events.sqlite3) instead."),
    "no_permission": ("You may not read {store}.",
                      "Run Dispatch Desktop as the user who owns the file, or ask an administrator for access."),
    "not_sqlite": ("{store} is not an SQLite database: it holds something else (overwritten, or --db names the "
                   "wrong file).", "Check --db; if your event store was there, restore it from your backup."),
    "truncated": ("{store} is cut short: {size} bytes, fewer than the {expected} it needs (an interrupted copy, "
                  "a full disk?).", _RESTORE_OR_CHECK),
    "unreadable": ("{store} is damaged: the database reports \"{detail}\".", _RESTORE_OR_CHECK),
    "incomplete": ("{store} is an event store with parts missing ({missing}).", _RESTORE_OR_CHECK),
    "not_ours": ("{store} is another program's database, not an event store (it holds {tables}).",
                 "Check --db: give an event store, or a new name for a new, empty one."),
    "newer_schema": ("{store} was written by a newer version of Dispatch Desktop (schema revision {revision}).",
                     "Open it with that version, or update this one."),
}

PROBLEMS: dict[str, str] = {
    code: f"{fact} It was not changed. {advice}" for code, (fact, advice) in _FACTS_AND_ADVICE.items()
}
"""code -> the English message: what is wrong, that the store was left as it was, what to do. ``{url}``
is the --db URL to repeat in a command (password hidden)."""

DAMAGE = frozenset({"not_sqlite", "truncated", "unreadable", "incomplete"})
"""The problems that mean the store itself is damaged (the others: it is the wrong thing to open)."""


class StoreProblem(StoreError):
    """The store must not be opened; nothing was written to it. ``code`` is a key of ``PROBLEMS``."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}
        super().__init__(PROBLEMS[code].format(**self.params))

    @property
    def fact(self) -> str:
        """What is wrong, without the advice (for a report that says what to do once, at its end)."""
        return _FACTS_AND_ADVICE[self.code][0].format(**self.params)

    @property
    def damaged(self) -> bool:
        return self.code in DAMAGE


class Found(Enum):
    NOTHING = "nothing"  # no file, no database: opening creates a new, empty store
    EMPTY = "empty"  # a database without tables (an empty file): opening makes it a new store
    STORE = "store"  # an event store, maybe of an older schema revision (opening upgrades it)


@dataclass(frozen=True)
class Location:
    shown: str  # the URL, password hidden
    found: Found
    path: Path | None = None  # the SQLite file; None for PostgreSQL and in-memory databases
    server: bool = False  # PostgreSQL
    revision: str = ""  # the schema revision of a store
    missing_dir: Path | None = None  # the SQLite file's directory, when it does not exist

    @property
    def in_memory(self) -> bool:
        return self.path is None and not self.server

    @property
    def where(self) -> str:
        """The file, or the URL of a server's database: what to name to a person."""
        return str(self.path) if self.path is not None else self.shown


def inspect(url: str, *, verify_before_upgrade: bool = True) -> Location:
    """What is at ``url``; raises ``StoreProblem`` for what must not be opened, ``StoreError`` when it
    cannot be looked at (a bad URL, a server that does not answer). Writes nothing. With
    ``verify_before_upgrade``, a SQLite store that opening would migrate is checked page by page first
    (``PRAGMA quick_check``: minutes on a log of millions of events, as long as the migration itself)."""
    backend, parsed = backend_for(url)
    shown = parsed.render_as_string(hide_password=True)
    if backend.name == "postgresql":
        return _inspect_server(url, shown)
    if parsed.database in (None, "", ":memory:"):
        return Location(shown, Found.NOTHING)
    path = Path(parsed.database).expanduser()
    if not path.exists():
        directory = path.parent
        return Location(shown, Found.NOTHING, path=path, missing_dir=None if directory.is_dir() else directory)
    return _inspect_file(path, url, shown, verify_before_upgrade)


def readonly_engine(url: str) -> Engine:
    """An engine that cannot write to the store at ``url`` and never creates it: SQLite opened
    ``mode=ro``, PostgreSQL sessions read-only by default. For looking and checking only."""
    backend, parsed = backend_for(url)
    if backend.name == "postgresql":
        given = parsed.query.get("options")  # a tuple when the URL repeats it
        earlier = [given] if isinstance(given, str) else list(given or ())
        options = " ".join(filter(None, [*earlier, "-c default_transaction_read_only=on"]))
        return sa.create_engine(parsed.update_query_dict({"options": options}), poolclass=sa.pool.NullPool)
    if parsed.database in (None, "", ":memory:"):
        raise StoreError("an in-memory database has nothing to look at")
    uri = Path(parsed.database).expanduser().resolve().as_uri() + "?mode=ro"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    return sa.create_engine("sqlite://", creator=connect, poolclass=StaticPool)


def problem_in(error: BaseException, where: str, url: str) -> StoreProblem | None:
    """The damage a database error reports (SQLite's CORRUPT or NOTADB, PostgreSQL's data or index
    corrupted), looked for along the chain of causes; None for any other error."""
    for cause in _causes(error):
        if isinstance(cause, StoreProblem):
            return cause
        corrupt = (isinstance(cause, sqlite3.DatabaseError)
                   and getattr(cause, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        if corrupt or getattr(cause, "sqlstate", None) in ("XX001", "XX002"):
            return StoreProblem("unreadable", store=where, detail=str(cause).strip(), url=url)
    return None


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)  # SQLAlchemy's wrapper of the driver's error
        if isinstance(orig, BaseException):
            yield orig
        current = current.__cause__ or current.__context__


def _inspect_file(path: Path, url: str, shown: str, verify_before_upgrade: bool) -> Location:
    if path.is_dir():
        raise StoreProblem("not_a_file", store=path)
    if not os.access(path, os.R_OK):
        raise StoreProblem("no_permission", store=path)
    wal = path.with_name(path.name + "-wal")
    # Committed transactions not yet copied into the file live in the WAL: the file alone may then be
    # shorter than its header says, or empty, and still be whole.
    wal_in_use = wal.exists() and wal.stat().st_size > 0
    size = path.stat().st_size
    if size == 0 and not wal_in_use:
        return Location(shown, Found.EMPTY, path=path)
    if size > 0:
        _check_header(path, size, wal_in_use, shown)
    found, revision = _read_schema(readonly_engine(url), str(path), shown, verify_before_upgrade)
    return Location(shown, found, path=path, revision=revision)


def _check_header(path: Path, size: int, wal_in_use: bool, shown: str) -> None:
    """The first 100 bytes (SQLite's file header) against the file: what a half-copied or overwritten
    file shows at once, without SQLite (which would call both "malformed")."""
    with path.open("rb") as file:
        head = file.read(100)
    if not head.startswith(SQLITE_MAGIC[:len(head)]):
        raise StoreProblem("not_sqlite", store=path)
    if len(head) < 100:
        raise StoreProblem("truncated", store=path, size=size, expected=100, url=shown)  # the header alone
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise StoreProblem("unreadable", store=path, detail=f"invalid page size {page_size} in the header",
                           url=shown)
    pages = int.from_bytes(head[28:32], "big")
    # The page count is valid only when the header's two change counters agree (SQLite's own rule).
    expected = pages * page_size if pages and head[24:28] == head[92:96] else 0
    if not wal_in_use and (size % page_size or size < expected):
        whole_pages = size - size % page_size + page_size
        raise StoreProblem("truncated", store=path, size=size, expected=max(expected, whole_pages), url=shown)


def _read_schema(engine: Engine, where: str, url: str, verify_before_upgrade: bool) -> tuple[Found, str]:
    try:
        with engine.connect() as conn:
            tables = set(sa.inspect(conn).get_table_names())
            found, revision = _classify(conn, tables, where, url)
            if found is Found.STORE:
                # The newest page of the log and the sources: what opening reads first.
                conn.exec_driver_sql("SELECT max(gseq) FROM events").all()
                conn.exec_driver_sql("SELECT count(*) FROM sources").all()
                if verify_before_upgrade and revision != migrate.head_revision() and engine.dialect.name == "sqlite":
                    _quick_check(conn, where, url)
            return found, revision
    except sa.exc.DBAPIError as error:
        problem = problem_in(error, where, url)
        if problem is not None:
            raise problem from None
        raise StoreError(f"cannot read {where}: {getattr(error, 'orig', None) or error}") from None
    finally:
        engine.dispose()


def _classify(conn: Connection, tables: set[str], where: str, url: str) -> tuple[Found, str]:
    if not tables:
        return Found.EMPTY, ""
    if not tables & FIRST_TABLES:
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise StoreProblem("not_ours", store=where, tables=shown)
    revision = migrate.current_revision(conn) if "alembic_version" in tables else ""
    if not revision:
        raise StoreProblem("incomplete", store=where, missing="its schema revision", url=url)
    script = ScriptDirectory.from_config(migrate.alembic_config())
    try:
        script.get_revision(revision)
    except CommandError:
        raise StoreProblem("newer_schema", store=where, revision=revision) from None
    required = set(metadata.tables) if revision == script.get_current_head() else FIRST_TABLES
    missing = sorted(required - tables)
    if missing:
        raise StoreProblem("incomplete", store=where, missing="tables: " + ", ".join(missing), url=url)
    return Found.STORE, revision


def _quick_check(conn: Connection, where: str, url: str) -> None:
    # The first problem is enough to refuse; 'db check' lists them all.
    first = str(conn.exec_driver_sql("PRAGMA quick_check(1)").scalar())
    if first != "ok":
        detail = next((line for line in first.splitlines() if not line.startswith("*** in database")), first)
        raise StoreProblem("unreadable", store=where, detail=detail, url=url)


def _inspect_server(url: str, shown: str) -> Location:
    engine = readonly_engine(url)
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as error:
        engine.dispose()
        if _no_such_database(error):
            return Location(shown, Found.NOTHING, server=True)
        raise StoreError(f"cannot reach {shown}: {str(getattr(error, 'orig', error)).strip()}") from None
    found, revision = _read_schema(engine, shown, shown, verify_before_upgrade=False)
    return Location(shown, found, server=True, revision=revision)


def _no_such_database(error: sa.exc.OperationalError) -> bool:
    orig = getattr(error, "orig", None)
    return getattr(orig, "sqlstate", None) == "3D000" or "does not exist" in str(orig)
