"""PostgreSQL for the tests: the server named by DISPATCH_TEST_POSTGRES_URL (e.g. from
scripts/postgres-for-tests, which run-tests.sh starts), a fresh schema per database a test asks for.

Test areas that run against both backends import the fixtures from here into their conftest:

* ``new_url``: parametrised over SQLite and PostgreSQL, a factory of URLs of new, empty databases (a
  file in tmp_path, or a schema dropped at the end). The PostgreSQL leg is skipped, saying why, when
  no server is configured.
* ``pg_schema``: the URL of a new PostgreSQL schema and an engine to set it up with (PostgreSQL only).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

POSTGRES_URL = os.environ.get("DISPATCH_TEST_POSTGRES_URL", "")
NO_POSTGRES = "PostgreSQL not available: set DISPATCH_TEST_POSTGRES_URL or run scripts/postgres-for-tests"

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql",
                 marks=[pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)]),
]

UrlFactory = Callable[[], str]


class PostgresSchemas:
    """Hands out URLs of new, empty schemas and drops them all at the end."""

    def __init__(self, base_url: str) -> None:
        self.base = sa.make_url(base_url)
        self.engine = sa.create_engine(self.base, isolation_level="AUTOCOMMIT")
        self.names: list[str] = []

    def new_url(self) -> str:
        name = f"test_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {name}")
        self.names.append(name)
        url = self.base.update_query_dict({"options": f"-csearch_path={name}"})
        return url.render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.engine.connect() as conn:
            for name in self.names:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        self.engine.dispose()


@pytest.fixture(params=BACKENDS)
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[UrlFactory]:
    """Makes URLs of new, empty databases of the parametrised kind."""
    if request.param == "sqlite":
        counter = iter(range(1_000_000))
        yield lambda: f"sqlite:///{tmp_path / f'events-{next(counter)}.db'}"
        return
    schemas = PostgresSchemas(POSTGRES_URL)
    try:
        yield schemas.new_url
    finally:
        schemas.drop_all()


@pytest.fixture
def pg_schema() -> Iterator[tuple[str, sa.Engine]]:
    """The URL of a new, empty PostgreSQL schema and an engine to write into it as a setup."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    schemas = PostgresSchemas(POSTGRES_URL)
    url = schemas.new_url()
    engine = sa.create_engine(url)
    try:
        yield url, engine
    finally:
        engine.dispose()
        schemas.drop_all()
