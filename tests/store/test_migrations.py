"""Opening a database brings its schema up to date; what cannot be opened says why."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dispatch_desktop.store import EventStore, StoreError, migrate
from dispatch_desktop.store.schema import SEQ_EPOCH_SQL, metadata
from tests.postgres import NO_POSTGRES, POSTGRES_URL, UrlFactory
from tests.store.conftest import StoreFactory
from tests.store.samples import T0, position

TABLES = {"alembic_version", "events", "late_events", "snapshots", "sources"}  # others may add more


def revision(url: str) -> str:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return migrate.current_revision(conn)
    finally:
        engine.dispose()


def squeezed(sql: str) -> str:
    """SQL without spaces and parentheses: PostgreSQL adds both to what it was given."""
    return "".join(sql.split()).replace("(", "").replace(")", "")


def index_definition(conn: sa.Connection, name: str) -> str:
    if conn.dialect.name == "sqlite":
        query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
    else:
        query = "SELECT indexdef FROM pg_indexes WHERE indexname = :name AND schemaname = current_schema()"
    return conn.scalar(sa.text(query), {"name": name}) or ""


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_a_new_database_gets_the_schema_the_code_expects(open_store: StoreFactory, url: str) -> None:
    open_store(url)
    assert revision(url) == migrate.head_revision() != ""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) >= TABLES
            known = MigrationContext.configure(conn, opts={
                "include_name": lambda name, kind, _parent: kind != "table" or name in metadata.tables
            })
            assert compare_metadata(known, metadata) == []
            # Alembic cannot compare expression indexes on SQLite; appends rely on this one's shape.
            assert squeezed(index_definition(conn, "ix_events_seq_epoch")).endswith(
                squeezed(f"{SEQ_EPOCH_SQL}, source_id, seq"))
    finally:
        engine.dispose()


def test_an_existing_database_keeps_its_events(open_store: StoreFactory, url: str) -> None:
    events = [position("P-0001", seq, T0 + seq) for seq in range(1, 4)]
    with EventStore.open(url) as first:
        first.append(events)
    again = open_store(url)
    assert [e for _g, e in again.read()] == events
    assert again.high_waters() == {"P-0001": 3}
    assert revision(url) == migrate.head_revision()


def test_a_database_at_an_older_revision_is_upgraded(open_store: StoreFactory, url: str) -> None:
    open_store(url).close()
    engine = sa.create_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    engine.dispose()
    assert revision(url) == ""
    store = open_store(url)
    assert revision(url) == migrate.head_revision()
    assert store.append([position("P-0001", 1, T0)])[0].gseq == 1


def test_an_empty_sqlite_file_is_made_a_store(open_store: StoreFactory, tmp_path: Path) -> None:
    path = tmp_path / "made-elsewhere.db"
    sqlite3.connect(path).close()
    open_store(f"sqlite:///{path}").append([position("P-0001", 1, T0)])
    assert revision(f"sqlite:///{path}") == migrate.head_revision()


def test_missing_directories_are_created(open_store: StoreFactory, tmp_path: Path) -> None:
    open_store(f"sqlite:///{tmp_path / 'a' / 'b' / 'events.db'}")
    assert (tmp_path / "a" / "b" / "events.db").is_file()


def test_three_openers_of_one_new_database_at_once_all_succeed(new_url: UrlFactory) -> None:
    url = new_url()
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            EventStore.open(url).close()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert revision(url) == migrate.head_revision()


def test_a_database_from_a_newer_version_is_refused(open_store: StoreFactory, url: str) -> None:
    open_store(url).append([position("P-0001", 1, T0)])
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    engine.dispose()
    with pytest.raises(StoreError, match="written by a newer version"):
        EventStore.open(url)
    assert revision(url) == "9999_from_the_future"


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"not a database, but someone's notes\n" * 200)
    with pytest.raises(StoreError, match="cannot open the event store"):
        EventStore.open(f"sqlite:///{path}")
    assert path.read_bytes() == b"not a database, but someone's notes\n" * 200


@pytest.mark.parametrize("url", ["mysql://u@h/db", "not a url", "sqlite+aiosqlite:///x.db"])
def test_unsupported_urls_are_refused(url: str) -> None:
    with pytest.raises(StoreError):
        EventStore.open(url)


@pytest.mark.postgres
@pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
def test_a_missing_postgresql_database_is_created(open_store: StoreFactory) -> None:
    name = f"dispatch_test_{uuid.uuid4().hex[:10]}"
    url = sa.make_url(POSTGRES_URL).set(database=name)
    try:
        store = open_store(url.render_as_string(hide_password=False))
        assert store.append([position("P-0001", 1, T0)])[0].gseq == 1
        store.close()
    finally:
        admin = sa.create_engine(sa.make_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        admin.dispose()
