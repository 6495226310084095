"""The event log: what goes in comes out, once, in order; reads by position, time and source."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitStatus
from dispatch_desktop.store import Appended, EventStore, event_store
from tests.store.conftest import StoreFactory
from tests.store.samples import T0, every_kind, position


def stored(store: EventStore) -> list[ev.Envelope]:
    return [event for _gseq, event in store.read()]


def test_every_kind_of_event_comes_back_equal(store: EventStore) -> None:
    events = every_kind()
    assert {type(e.body) for e in events} == set(ev.BODY_TYPES.values()), "a body kind has no sample"
    appended = store.append(events)
    assert appended == [Appended(g, False) for g in range(1, len(events) + 1)]
    assert list(store.read()) == list(enumerate(events, start=1))
    for gseq, event in enumerate(events, start=1):
        assert store.get(event.source, event.seq) == (gseq, event)
    assert store.get("P-0001", 999) is None
    assert store.get("nobody", 1) is None


def test_values_survive_bit_for_bit(store: EventStore) -> None:
    # Fixed-point storage must never round: these need every bit of their double.
    awkward = [0.1 + 0.2, 23.123456789012345, -0.0, 1e-9, 89.99999999999999]
    events = [
        ev.envelope("P-0001", n + 1, ev.Position(lat=v, lon=-v, heading=abs(v) % 360, speed=abs(v) % 120),
                    t_src=T0, t_hub=T0)
        for n, v in enumerate(awkward)
    ]
    store.append(events)
    for original, (_gseq, back) in zip(events, store.read(), strict=True):
        assert back == original
        for name in ("lat", "lon", "heading", "speed"):
            assert getattr(back.body, name).hex() == getattr(original.body, name).hex()


def test_a_resent_event_is_stored_once(store: EventStore) -> None:
    first = [position("P-0001", seq, T0 + seq * 5_000) for seq in range(1, 6)]
    store.append(first)
    again = store.append(first[2:])
    assert again == [Appended(3, True), Appended(4, True), Appended(5, True)]
    assert store.last_gseq() == 5
    assert stored(store) == first


def test_a_duplicate_within_one_batch_is_stored_once(store: EventStore) -> None:
    a, b = position("P-0001", 1, T0), position("P-0002", 1, T0 + 10)
    assert store.append([a, b, a, b, a]) == [
        Appended(1, False), Appended(2, False), Appended(1, True), Appended(2, True), Appended(1, True)
    ]
    assert stored(store) == [a, b]


def test_resends_late_events_and_new_ones_in_one_batch(store: EventStore) -> None:
    store.append([position("P-0001", seq, T0 + seq) for seq in (1, 2, 5)])
    late = position("P-0001", 3, T0 + 3)  # never stored: older than the high water, but new
    batch = [position("P-0001", 2, T0 + 2), late, position("P-0001", 6, T0 + 6), late,
             position("P-0002", 1, T0 + 7), position("P-0001", 6, T0 + 6)]
    assert store.append(batch) == [
        Appended(2, True), Appended(4, False), Appended(5, False), Appended(4, True), Appended(6, False),
        Appended(5, True),
    ]
    assert [(e.source, e.seq) for e in stored(store)] == [
        ("P-0001", 1), ("P-0001", 2), ("P-0001", 5), ("P-0001", 3), ("P-0001", 6), ("P-0002", 1)
    ]


def test_gseq_is_gap_free_and_high_waters_follow(store: EventStore) -> None:
    assert (store.last_gseq(), store.high_waters(), store.high_water("P-0001")) == (0, {}, 0)
    for batch in range(4):
        store.append([position(f"P-{u:04d}", batch + 1, T0 + batch * 5_000 + u) for u in range(1, 4)])
    assert [gseq for gseq, _event in store.read()] == list(range(1, 13))
    assert store.last_gseq() == 12
    assert store.high_waters() == {"P-0001": 4, "P-0002": 4, "P-0003": 4}
    assert store.high_water("P-0002") == 4
    assert store.high_water("P-0009") == 0


def test_two_writers_on_one_database_interleave_without_gaps(open_store: StoreFactory, url: str) -> None:
    one, two = open_store(url), open_store(url)
    one.append([position("P-0001", 1, T0)])
    # two's caches are stale now: it must notice, not reuse gseq 1 or miss that P-0001#1 exists
    assert two.append([position("P-0001", 1, T0), position("P-0002", 1, T0 + 1)]) == [
        Appended(1, True), Appended(2, False)
    ]
    assert one.append([position("P-0002", 1, T0 + 1), position("P-0003", 1, T0 + 2)]) == [
        Appended(2, True), Appended(3, False)
    ]
    assert [(g, e.source) for g, e in two.read()] == [(1, "P-0001"), (2, "P-0002"), (3, "P-0003")]


def test_reading_streams_in_chunks(store: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_store, "CHUNK", 4)
    events = [position("P-0001", seq, T0 + seq * 1_000) for seq in range(1, 12)]
    store.append(events)
    assert stored(store) == events
    assert [g for g, _e in store.read(after_gseq=3, limit=6)] == [4, 5, 6, 7, 8, 9]
    assert [g for g, _e in store.read(after_gseq=8)] == [9, 10, 11]
    assert list(store.read(after_gseq=11)) == []
    assert list(store.read(limit=0)) == []


def test_time_range_reads_by_hub_time(store: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_store, "CHUNK", 3)
    times = [T0 + 10, T0 + 20, T0 + 20, T0 + 30, T0 + 15, T0 + 40, T0 + 20, T0 + 50]  # clock set back once
    store.append([position(f"P-{n:04d}", 1, t) for n, t in enumerate(times, start=1)])
    found = [(e.t_hub, g) for g, e in store.read_time_range(T0 + 15, T0 + 40)]
    assert found == [(T0 + 15, 5), (T0 + 20, 2), (T0 + 20, 3), (T0 + 20, 7), (T0 + 30, 4)]
    assert list(store.read_time_range(T0 + 51, T0 + 99)) == []


def test_a_time_range_can_leave_out_the_positions_of_other_units(store: EventStore,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """An incident's record wants its own units' tracks, not the whole city's: the database drops the rest."""
    monkeypatch.setattr(event_store, "CHUNK", 3)
    status = ev.envelope("P-0002", 9, ev.StatusReport(status=UnitStatus.AVAILABLE), t_src=T0 + 24, t_hub=T0 + 25)
    late = position("P-0003", 7, T0 + 18)  # stored after later events: merged back in by hub time
    store.append([position(f"P-{n % 3 + 1:04d}", n, T0 + 10 * n) for n in range(1, 6)] + [status])
    store.append([late])
    everything = [(e.source, e.t_hub) for _g, e in store.read_time_range(T0, T0 + 100)]
    assert len(everything) == 7
    kept = [(e.source, e.t_hub) for _g, e in store.read_time_range(T0, T0 + 100, positions_of=["P-0003", "P-9"])]
    assert kept == [(source, t) for source, t in everything if source == "P-0003" or t == T0 + 25]
    assert kept == [("P-0003", T0 + 18), ("P-0003", T0 + 20), ("P-0002", T0 + 25), ("P-0003", T0 + 50)]
    only_reports = [e.body.kind for _g, e in store.read_time_range(T0, T0 + 100, positions_of=[])]
    assert only_reports == ["status"]


def test_the_positions_of_a_unit_another_process_wrote_first_are_kept(open_store: StoreFactory, url: str) -> None:
    """The hub reads through its own store while its writer appends: a unit new to the reader is still found."""
    reader, writer = open_store(url), open_store(url)
    reader.append([position("P-0001", 1, T0)])
    writer.append([position("P-0009", n, T0 + n) for n in range(1, 6)])
    kept = [e.source for _g, e in reader.read_time_range(T0, T0 + 100, positions_of=["P-0009"])]
    assert kept == ["P-0009"] * 5


def test_bad_input_is_refused_and_stores_nothing(store: EventStore) -> None:
    good = position("P-0001", 1, T0)
    with pytest.raises(TypeError, match="expected an Envelope"):
        store.append([good, {"source": "P-0001", "seq": 2}])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not an event body"):
        store.append([ev.Envelope(v=1, source="P-0001", seq=2, t_src=T0, body="hello")])  # type: ignore[arg-type]
    assert store.last_gseq() == 0
    assert store.append([]) == []
    assert store.append([good]) == [Appended(1, False)]


def test_numbers_no_column_can_hold_are_refused(store: EventStore) -> None:
    too_big = ev.envelope("P-0002", 2**64, ev.Arrival(incident="J-1"), t_src=T0, t_hub=T0)  # unvalidated
    with pytest.raises(ValueError, match="does not fit in 64 bits"):
        store.append([position("P-0002", 1, T0), too_big])
    assert store.last_gseq() == 0


def test_a_failed_transaction_stores_nothing_and_the_store_goes_on(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.append([position("P-0001", 1, T0)])
    insert = store._backend.insert_events

    def insert_then_fail(conn: object, rows: list[tuple[object, ...]]) -> None:
        insert(conn, rows)  # type: ignore[arg-type]
        raise OSError("disk full")

    monkeypatch.setattr(store._backend, "insert_events", insert_then_fail)
    with pytest.raises(OSError, match="disk full"):
        store.append([position("P-0002", 1, T0 + 1), position("P-0001", 2, T0 + 2)])
    monkeypatch.undo()
    assert (store.last_gseq(), store.high_waters()) == (1, {"P-0001": 1})
    assert store.append([position("P-0003", 1, T0 + 3), position("P-0001", 2, T0 + 2)]) == [
        Appended(2, False), Appended(3, False)
    ]
    assert [(g, e.source, e.seq) for g, e in store.read()] == [(1, "P-0001", 1), (2, "P-0003", 1), (3, "P-0001", 2)]


def test_the_log_is_checkpointed_beside_the_writer(tmp_path: Path) -> None:
    """The hub's commits never copy the write-ahead log into the database themselves (a stall of
    0.1 s or more at full load): a thread of the store does, within a second or so."""
    path = tmp_path / "events.db"
    with EventStore.open(f"sqlite:///{path}") as store:
        empty = path.stat().st_size
        store.append([position(f"P-{n % 50:04d}", n, T0 + n) for n in range(1, 5_001)])
        assert Path(f"{path}-wal").stat().st_size > 100_000  # the events are in the log…
        deadline = time.monotonic() + 10
        while path.stat().st_size == empty and time.monotonic() < deadline:
            time.sleep(0.05)
        assert path.stat().st_size > empty  # …and were copied into the database while it stayed open


def test_a_reader_beside_a_writer_process_leaves_the_checkpoints_to_it(tmp_path: Path) -> None:
    """The hub opens the log with ``maintenance=False`` when its StoreWriter writes it: one checkpointer."""
    def checkpointers() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if t.name == "dispatch-store-checkpoint"}

    url = f"sqlite:///{tmp_path / 'events.db'}"
    before = checkpointers()  # other tests' stores may still be winding down
    with EventStore.open(url, maintenance=False) as reader, EventStore.open(url) as writer:
        writer.append([position("P-0001", 1, T0)])
        assert len(checkpointers() - before) == 1  # the writer's
        assert reader.last_gseq() == 1
