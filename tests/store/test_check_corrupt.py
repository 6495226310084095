"""A damaged or foreign database is refused before anything writes to it, with words that say which
file, that it was not changed and what to do; the desk's start-up says the same through an error code
the UI can translate."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa

from dispatch_desktop.embedded import STARTUP_ERRORS, EmbeddedServices, Options, StartupError
from dispatch_desktop.store.location import PROBLEMS, Found, StoreProblem, inspect
from tests.store.damaged import DAMAGE, fingerprint, scramble_page, spoiled_store, write_store


def _start_desk(url: str) -> None:
    """The desk's embedded start-up as ``dispatch-desktop run`` drives it, without the simulator."""
    services = EmbeddedServices(Options(database_url=url, simulate=False, cameras=0))
    try:
        services.start(lambda _label, _step, _steps: None, lambda: False)
    finally:
        services.stop()


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_store_is_refused_untouched_and_says_what_to_do(tmp_path: Path, damage: str) -> None:
    path, url, code, before = spoiled_store(tmp_path, damage)

    with pytest.raises(StoreProblem) as looked:
        inspect(url)
    assert looked.value.code == code and looked.value.damaged
    assert str(path) in str(looked.value) and "It was not changed" in str(looked.value)
    assert "backup" in str(looked.value)

    with pytest.raises(StartupError) as started:
        _start_desk(url)
    assert started.value.code == code
    assert started.value.params["store"] == str(path)
    assert str(started.value) == STARTUP_ERRORS[code].format(**started.value.params)
    assert fingerprint(path) == before


def test_a_store_to_be_upgraded_is_checked_page_by_page_first(tmp_path: Path) -> None:
    """A migration rewrites much of the file: on a damaged one it must not start. An index page
    that opening never reads is found by the page check that runs only before a migration."""
    path = tmp_path / "events.sqlite3"
    url = write_store(path)
    scramble_page(path, "ix_events_seq_epoch")
    assert inspect(url).found is Found.STORE  # at the newest revision: the cheap look passes
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0004_no_t_hub_index'")
    before = fingerprint(path)

    with pytest.raises(StartupError) as started:
        _start_desk(url)
    assert started.value.code == "unreadable"
    assert fingerprint(path) == before


def _sqlite_with(path: Path, *statements: str) -> str:
    with closing(sqlite3.connect(path)) as conn, conn:
        for statement in statements:
            conn.execute(statement)
    return f"sqlite:///{path}"


def test_another_programs_database_is_not_made_into_an_event_store(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    url = _sqlite_with(path, "CREATE TABLE customers (id INTEGER)", "CREATE TABLE orders (id INTEGER)")
    before = fingerprint(path)
    with pytest.raises(StartupError) as started:
        _start_desk(url)
    assert started.value.code == "not_ours"
    assert started.value.params == {"store": str(path), "tables": "customers, orders"}
    assert fingerprint(path) == before


def test_a_store_of_a_newer_version_is_left_to_that_version(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite3"
    write_store(path)
    url = _sqlite_with(path, "UPDATE alembic_version SET version_num = '0099_from_the_future'")
    before = fingerprint(path)
    with pytest.raises(StoreProblem) as looked:
        inspect(url)
    assert looked.value.code == "newer_schema" and not looked.value.damaged
    assert looked.value.params["revision"] == "0099_from_the_future"
    assert fingerprint(path) == before


def test_a_store_missing_a_table_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite3"
    write_store(path)
    url = _sqlite_with(path, "DROP TABLE keyframe_blocks")
    with pytest.raises(StoreProblem) as looked:
        inspect(url)
    assert looked.value.code == "incomplete" and "keyframe_blocks" in looked.value.params["missing"]


@pytest.mark.parametrize(("make", "found"), [
    (lambda path: None, Found.NOTHING),
    (lambda path: path.write_bytes(b""), Found.EMPTY),
])
def test_nothing_or_an_empty_file_is_where_a_new_store_may_go(tmp_path: Path, make: Callable[[Path], None],
                                                                found: Found) -> None:
    path = tmp_path / "events.sqlite3"
    make(path)
    location = inspect(f"sqlite:///{path}")
    assert location.found is found and location.path == path and location.missing_dir is None
    elsewhere = tmp_path / "not" / "there"
    assert inspect(f"sqlite:///{elsewhere / 'events.sqlite3'}").missing_dir == elsewhere


def test_every_problem_has_a_start_up_sentence() -> None:
    assert PROBLEMS.items() <= STARTUP_ERRORS.items()
    error = StartupError.of("store_unavailable", store="postgresql+psycopg://u@db/x", reason="connection refused")
    assert (error.code, error.params) == ("store_unavailable", {"store": "postgresql+psycopg://u@db/x",
                                                                "reason": "connection refused"})
    assert str(error) == "The event store postgresql+psycopg://u@db/x could not be opened: connection refused"


def _tables(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(sa.inspect(conn).get_table_names())


@pytest.mark.postgres
def test_a_postgresql_database_of_another_program_is_refused_untouched(pg_schema: tuple[str, sa.Engine]) -> None:
    url, engine = pg_schema
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE customers (id integer)")
    with pytest.raises(StartupError) as started:
        _start_desk(url)
    assert started.value.code == "not_ours"
    assert _tables(engine) == {"customers"}  # no table of ours was added


@pytest.mark.postgres
def test_a_postgresql_store_missing_a_table_is_damaged(pg_schema: tuple[str, sa.Engine]) -> None:
    url, engine = pg_schema
    _start_desk(url)  # an empty schema becomes a store
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE snapshots")
    with pytest.raises(StoreProblem) as looked:
        inspect(url)
    assert looked.value.code == "incomplete" and "snapshots" in looked.value.params["missing"]
    assert "snapshots" not in _tables(engine)
