"""The hub's memory of recent events answers exactly for the newest ``capacity`` of them, whatever the
batch sizes, and forgets the older ones (the store answers for those)."""

from __future__ import annotations

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from dispatch_desktop.bus.recent import RecentEvents


def stored(gseqs: range) -> tuple[list[tuple[str, int]], list[tuple[int, msgspec.Raw]]]:
    keys = [(f"P-{g % 7}", g) for g in gseqs]
    return keys, [(g, msgspec.Raw(f"event {g}".encode())) for g in gseqs]


@given(sizes=st.lists(st.integers(1, 1500), max_size=12), capacity=st.integers(1, 3000),
       lookups=st.lists(st.integers(0, 20_000), max_size=30))
def test_the_newest_events_are_found_and_the_oldest_forgotten(sizes: list[int], capacity: int,
                                                              lookups: list[int]) -> None:
    recent, gseq = RecentEvents(capacity), 0
    for size in sizes:
        recent.add(*stored(range(gseq + 1, gseq + size + 1)))
        gseq += size
        for wanted in lookups:  # looking up between adds: indexed batches must not be merged into
            found = recent.get((f"P-{wanted % 7}", wanted))
            if max(gseq - capacity, 0) < wanted <= gseq:
                assert found == (wanted, f"event {wanted}".encode())
            elif wanted <= gseq - capacity - 1500 or wanted > gseq or wanted == 0:
                assert found is None  # evicted whole batches at most one batch past capacity
        assert min(capacity, gseq) <= len(recent) < capacity + 1500 + 1024


def test_an_empty_commit_changes_nothing() -> None:
    recent = RecentEvents(10)
    recent.add([], [])
    assert len(recent) == 0 and recent.get(("P-1", 1)) is None
