"""Large appends: the SQLite backend writes rows in multi-row statements of 100, 10 and 1 rows, so every
batch size must store exactly its events, in order, whatever remainder it leaves."""

from __future__ import annotations

import pytest

from dispatch_desktop.store import Appended, EventStore
from tests.store.samples import T0, position


@pytest.mark.parametrize("size", [1, 9, 10, 11, 99, 100, 101, 111, 250])
def test_every_batch_size_stores_each_event_once_in_order(store: EventStore, size: int) -> None:
    first = [position(f"P-{n % 7:04d}", n // 7 + 1, T0 + n) for n in range(size)]
    assert store.append(first) == [Appended(g, False) for g in range(1, size + 1)]
    # The same events again, followed by new ones: the old ones are answered, not stored twice.
    more = [position(f"P-{n % 7:04d}", n // 7 + 1, T0 + n) for n in range(size, 2 * size)]
    assert store.append(first + more) == (
        [Appended(g, True) for g in range(1, size + 1)] + [Appended(g, False) for g in range(size + 1, 2 * size + 1)]
    )
    assert list(store.read()) == list(enumerate(first + more, start=1))
