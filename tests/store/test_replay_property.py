"""The property time travel rests on: keyframe + tail replay == the full log replayed from nothing.

For random, realistic logs (see ``sequences``) appended in random batches through the ``Projector``
with keyframes every few events, the state rebuilt by the store at any point (by position, by hub
time, live or drill) equals folding the stored events from an empty state, and replays agree.
"""

from __future__ import annotations

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.state import State
from dispatch_desktop.store import EventStore, Projector
from dispatch_desktop.store.schema import metadata
from tests.store.sequences import event_logs, unique


def batches(log: list[ev.Envelope], sizes: list[int]) -> list[list[ev.Envelope]]:
    out, start = [], 0
    for size in sizes:
        out.append(log[start:start + size])
        start += size
    return [*out, log[start:]]


def emptied(url: str) -> str:
    """The database at ``url`` with its tables emptied: a new log without migrating a new schema."""
    EventStore.open(url).close()  # creates the schema the first time
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())
    engine.dispose()
    return url


def replay(events: list[ev.Envelope], mode: Mode = Mode.LIVE) -> State:
    return apply_all(State(mode=mode), events)


def test_keyframe_plus_tail_equals_the_whole_log(url: str) -> None:
    # Fewer examples on PostgreSQL, where every query is a round trip to the server: the property is
    # the same, and the SQL differs little.
    @settings(max_examples=20 if url.startswith("sqlite") else 10, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(log=event_logs(), data=st.data())
    def check(log: list[ev.Envelope], data: st.DataObject) -> None:
        every = data.draw(st.integers(1, 9), label="snapshot_every")
        with EventStore.open(emptied(url), snapshot_every=every) as store:
            projector = Projector(store)
            for batch in batches(log, data.draw(st.lists(st.integers(0, 15), max_size=8), label="batches")):
                projector.append(batch)
            stored = [event for _gseq, event in store.read()]
            assert stored == unique(log)
            whole = replay(stored)
            assert replay(stored) == whole  # the fold is deterministic
            assert projector.state == whole
            assert store.state_at() == whole
            assert Projector(store).state == whole  # a restarted hub: keyframe + tail

            gseq = data.draw(st.integers(0, len(stored)), label="gseq")
            assert store.state_at(gseq) == replay(stored[:gseq])
            assert store.state_at(gseq, mode=Mode.DRILL) == replay(stored[:gseq], Mode.DRILL)

            times = sorted({e.t_hub for e in stored})
            time_ms = data.draw(st.sampled_from(times) | st.integers(0, times[-1] + 1) if times else st.just(0),
                                label="time_ms")
            at_time = [e for e in stored if e.t_hub <= time_ms]
            assert store.state_at(time_ms=time_ms) == replay(at_time)
            assert store.state_at(time_ms=time_ms, mode=Mode.DRILL) == replay(at_time, Mode.DRILL)
            t1 = data.draw(st.integers(time_ms, time_ms + 60_000), label="t1")
            in_range = sorted((e.t_hub, g) for g, e in enumerate(stored, start=1) if time_ms <= e.t_hub < t1)
            assert [(e.t_hub, g) for g, e in store.read_time_range(time_ms, t1)] == in_range

            # Sending the whole log again changes nothing.
            appended, state = projector.append(log)
            assert all(result.duplicate for result in appended)
            assert state == whole

    check()
