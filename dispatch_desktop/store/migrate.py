"""Bringing a database's schema up to date when the store opens it (alembic, run programmatically)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine

from dispatch_desktop.store.backends import Backend, backend_for
from dispatch_desktop.store.errors import StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")
_OPEN_ATTEMPTS = 5

MIGRATIONS = Path(__file__).resolve().with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(conn: Connection) -> str:
    return MigrationContext.configure(conn).get_current_revision() or ""


def upgrade(engine: Engine, backend: Backend) -> None:
    """Applies the missing migrations in one transaction. Two processes opening a new database at
    once are serialised (SQLite's write lock, a PostgreSQL advisory lock): the second finds it done."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    with backend.writing(engine.connect()) as conn, conn.begin():
        if backend.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext('dispatch_desktop.store.migrate'))")
        current = current_revision(conn)
        if current:
            try:
                script.get_revision(current)
            except CommandError:
                raise StoreError(
                    f"the database has schema revision {current!r}, unknown to this version of Dispatch "
                    "Desktop: it was written by a newer version; open it with that one"
                ) from None
        if current == script.get_current_head():
            return
        if current:
            # Some migrations rewrite an index of the whole log: about two minutes for a day of
            # Guangzhou (19 M events). Interrupting one is safe: it is a single transaction.
            log.warning("upgrading the store's schema from %s to %s; on a log of millions of events this "
                        "takes minutes (interrupting it leaves the log as it was)", current,
                        script.get_current_head())
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_migrated(url: str, what: str, prepare: Callable[[Engine, Backend], T]) -> T:
    """Open ``url``, bring its schema up to date and hand the engine to ``prepare``; any failure on the
    way disposes of the engine and becomes a ``StoreError`` that says what was being opened
    (``what``, e.g. "the event store") and where, without the password."""
    backend, parsed = backend_for(url)
    shown = parsed.render_as_string(hide_password=True)
    for attempt in range(_OPEN_ATTEMPTS):
        engine: Engine | None = None
        try:
            engine = backend.create_engine(parsed)
            upgrade(engine, backend)
            return prepare(engine, backend)
        except StoreError as error:
            if engine is not None:
                engine.dispose()
            raise StoreError(f"cannot open {what} {shown}: {error}") from None
        except (sa.exc.SQLAlchemyError, OSError) as error:
            if engine is not None:
                engine.dispose()
            reason = getattr(error, "orig", None) or error
            # Several processes creating one new SQLite file at once: the losers of the schema race
            # get "database is locked" at once (no busy wait applies to a stale read snapshot).
            # Opening is idempotent, so try again shortly.
            if "database is locked" in str(reason) and attempt + 1 < _OPEN_ATTEMPTS:
                time.sleep(0.2 * (attempt + 1))
                continue
            raise StoreError(f"cannot open {what} {shown}: {reason}") from error
    raise AssertionError("unreachable")
