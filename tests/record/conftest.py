"""The record's tests: a small story log in SQLite (``story_store``); ``new_url`` for the tests that also
run against PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dispatch_desktop.domain.localtime import set_zone, zone
from dispatch_desktop.store import EventStore
from tests.postgres import new_url, pg_schema
from tests.record.story import write_story

__all__ = ["new_url", "pg_schema"]


@pytest.fixture
def story_store(tmp_path: Path) -> Iterator[EventStore]:
    with EventStore.open(f"sqlite:///{tmp_path / 'story.db'}") as store:
        write_story(store)
        yield store


@pytest.fixture(autouse=True)
def guangzhou_time() -> Iterator[None]:
    """Local times in the exports are the command center's: Guangzhou's here, whatever the machine's."""
    before = zone().key
    set_zone("Asia/Shanghai")
    yield
    set_zone(before)
