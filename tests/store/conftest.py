"""Store tests run against SQLite (a file in tmp_path) and PostgreSQL (a fresh schema per store in the
database named by DISPATCH_TEST_POSTGRES_URL, e.g. from scripts/postgres-for-tests): see tests/postgres.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from dispatch_desktop.store import EventStore
from tests.postgres import UrlFactory, new_url, pg_schema

__all__ = ["new_url", "pg_schema"]  # the shared fixtures, offered to the store tests

StoreFactory = Callable[..., EventStore]


@pytest.fixture
def open_store() -> Iterator[StoreFactory]:
    """``open_store(url, **options)``: EventStore.open, closed at the end of the test."""
    opened: list[EventStore] = []

    def _open(url: str, **options: int) -> EventStore:
        store = EventStore.open(url, **options)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()


@pytest.fixture
def url(new_url: UrlFactory) -> str:
    return new_url()


@pytest.fixture
def store(open_store: StoreFactory, url: str) -> EventStore:
    return open_store(url)
