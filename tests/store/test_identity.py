"""An event's identity is (source, seq): stored once, found again exactly, however far back it is.

No unique index enforces it (see ``schema.SEQ_EPOCH``): ``EventStore`` decides from the high waters and
a lookup that walks the epoch-led index back from the newest epoch. The property test shrinks the
epoch to a few events (the lookup's SQL spells the same expression, the index just goes unused), so
that small random logs span many epochs, with late events, gaps, quiet sources and resends.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import Appended, EventStore, event_store, migrate
from dispatch_desktop.store.schema import SEQ_EPOCH, sources, store_marks
from tests.store.samples import T0, position
from tests.store.test_replay_property import emptied

SOURCES = ("P-0001", "P-0002", "P-0003")

# One step of a unit's life: the next seq (``next``, with a gap of 0-3 first), or a resend / a late
# report of an earlier number (``again``, given as a distance below the unit's counter).
steps = st.lists(
    st.tuples(st.sampled_from(SOURCES), st.sampled_from(["next", "again"]), st.integers(0, 3)),
    max_size=60,
)


def small_epochs(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(event_store, "SEQ_EPOCH", size)
    monkeypatch.setattr(event_store, "SEQ_EPOCH_SQL", f"(gseq / {size})")


@pytest.mark.parametrize("epoch", [1, 3])
def test_every_identity_is_stored_once_and_found_again(url: str, epoch: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    small_epochs(monkeypatch, epoch)

    @settings(max_examples=40 if url.startswith("sqlite") else 10, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(script=steps, cuts=st.lists(st.integers(1, 12), max_size=8))
    def check(script: list[tuple[str, str, int]], cuts: list[int]) -> None:
        counter = dict.fromkeys(SOURCES, 0)
        sent: list[ev.Envelope] = []
        for source, step, n in script:
            if step == "next":
                counter[source] += 1 + n
                seq = counter[source]
            else:
                seq = max(counter[source] - n, 1)
            # The same (source, seq) always carries the same content: a resend, never a clash.
            sent.append(position(source, seq, T0 + seq * 1000 + SOURCES.index(source)))
        expected: dict[tuple[str, int], int] = {}
        results: list[Appended] = []
        for event in sent:
            key = (event.source, event.seq)
            first = expected.get(key)
            if first is None:
                first = expected[key] = len(expected) + 1
                results.append(Appended(first, False))
            else:
                results.append(Appended(first, True))

        high_waters: dict[str, int] = {}
        for source, seq in expected:
            high_waters[source] = max(seq, high_waters.get(source, 0))

        with EventStore.open(emptied(url)) as store:
            start = 0
            for size in [*cuts, len(sent)]:
                assert store.append(sent[start:start + size]) == results[start:start + size]
                start += size
            assert [(e.source, e.seq) for _g, e in store.read()] == list(expected)
            with EventStore.open(url) as reopened:  # nothing cached: every answer from the database
                for stores in (store, reopened):
                    for source in SOURCES:
                        for seq in range(high_waters.get(source, 0) + 2):
                            found = stores.get(source, seq)
                            assert (found[0] if found else None) == expected.get((source, seq)), (source, seq)
                    assert stores.high_waters() == high_waters
                # Everything again, in one batch, from the process that did not write it.
                assert reopened.append(sent) == [Appended(r.gseq, True) for r in results]
            assert store.last_gseq() == len(expected)

    check()


def test_a_resend_from_many_epochs_back_is_answered_not_stored(store: EventStore) -> None:
    quiet = position("P-0001", 7, T0)
    store.append([quiet])
    for block in range(5):  # five epochs of other units' reports
        store.append([position(f"P-{n % 900 + 100:04d}", block * 10 + n // 900 + 1, T0 + n)
                      for n in range(SEQ_EPOCH)])
    assert store.append([quiet, position("P-0001", 6, T0 - 1)]) == [
        Appended(1, True), Appended(5 * SEQ_EPOCH + 2, False)  # 6 is late but new
    ]
    assert store.get("P-0001", 7) == (1, quiet)
    assert store.get("P-0001", 5) is None
    assert store.high_water("P-0001") == 7


def saved_high_waters(url: str) -> tuple[int, dict[str, int]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            mark = conn.scalar(sa.select(store_marks.c.value)) or 0
            return mark, {row.name: row.high_water for row in conn.execute(sa.select(sources))
                          if row.high_water}
    finally:
        engine.dispose()


def test_high_waters_are_saved_as_the_log_grows_and_caught_up_on_opening(
        url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_store, "HIGH_WATERS_EVERY", 10)
    with EventStore.open(url) as store:
        store.append([position("P-0001", seq, T0 + seq) for seq in range(1, 9)])
        assert saved_high_waters(url) == (0, {})  # not yet past 10 events
        store.append([position("P-0002", 1, T0), position("P-0001", 9, T0 + 9), position("P-0001", 10, T0 + 10)])
        assert saved_high_waters(url) == (11, {"P-0001": 10, "P-0002": 1})
        store.append([position("P-0002", seq, T0 + seq) for seq in range(2, 6)])
    assert saved_high_waters(url) == (11, {"P-0001": 10, "P-0002": 1})
    with EventStore.open(url) as again:
        assert again.high_waters() == {"P-0001": 10, "P-0002": 5}
        # The next save writes what this process caught up on as well as what it appended.
        again.append([position("P-0003", seq, T0 + seq) for seq in range(1, 7)])
    assert saved_high_waters(url) == (21, {"P-0001": 10, "P-0002": 5, "P-0003": 6})


def test_a_log_with_late_events_keeps_them_through_the_migration(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with EventStore.open(url) as store:
        store.append([position("P-0001", seq, T0 + seq) for seq in (1, 2, 5, 6)])
        store.append([position("P-0001", 3, T0 + 3), position("P-0002", 1, T0)])
    engine = sa.create_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004_no_t_hub_index")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    engine.dispose()
    with EventStore.open(url) as store:
        assert store.high_waters() == {"P-0001": 6, "P-0002": 1}
        assert store.get("P-0001", 3) == (5, position("P-0001", 3, T0 + 3))
        assert store.get("P-0001", 4) is None
        assert store.append([position("P-0001", 4, T0 + 4)]) == [Appended(7, False)]
