"""Keyframes share unchanged blocks of incidents, read the format of before, and a damaged one costs
time, never the state."""

from __future__ import annotations

import zlib

import msgspec
import pytest
import sqlalchemy as sa

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.state import State, encode_state
from dispatch_desktop.store import EventStore, keyframes
from tests.store.conftest import StoreFactory
from tests.store.samples import T0


def created(n: int) -> ev.Envelope:
    body = ev.IncidentCreated(
        incident=f"J-{n:05d}", call_time=T0 + n * 1_000, caller_number="13800138000", lat=23.13, lon=113.33,
        address=f"天河路 {n} 号", district="440106", station="S-440106-01", incident_type="theft", priority=2,
        category=Category.POLICE,
    )
    return ev.envelope("ws-1", n, body, t_src=T0 + n * 1_000, t_hub=T0 + n * 1_000 + 5)


def noted(n: int, seq: int) -> ev.Envelope:
    body = ev.IncidentNote(incident=f"J-{n:05d}", text="补充：嫌疑人穿黑衣")
    return ev.envelope("ws-2", seq, body, t_src=T0 + 10**6 + seq, t_hub=T0 + 10**6 + seq)


def count_blocks(url: str) -> int:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        count = conn.scalar(sa.text("SELECT count(*) FROM keyframe_blocks"))
    engine.dispose()
    return int(count or 0)


def test_a_new_keyframe_stores_only_the_blocks_that_changed(
    open_store: StoreFactory, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyframes, "BLOCK", 4)
    store = open_store(url)
    log = [created(n) for n in range(1, 21)]  # 5 blocks of 4
    store.append(log)
    store.save_snapshot(20, apply_all(State(), log))
    assert count_blocks(url) == 5
    later = [noted(20, 1), created(21)]  # the last block changes, a sixth begins
    store.append(later)
    store.save_snapshot(22, apply_all(State(), log + later))
    assert count_blocks(url) == 7
    fresh = open_store(url)  # nothing remembered: every block comes from the database
    assert fresh.latest_snapshot(20) == (20, apply_all(State(), log))
    assert fresh.latest_snapshot() == (22, apply_all(State(), log + later))
    assert fresh.state_at(22) == apply_all(State(), log + later)


def test_keyframes_written_before_blocks_existed_are_still_read(open_store: StoreFactory, url: str) -> None:
    store = open_store(url)
    log = [created(n) for n in range(1, 6)]
    store.append(log)
    old_state = apply_all(State(), log[:4])
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO snapshots (mode, gseq, t_hub_max, data) VALUES (0, 4, :t, :data)"),
                     {"t": log[3].t_hub, "data": zlib.compress(encode_state(old_state), 1)})
    engine.dispose()
    assert store.latest_snapshot() == (4, old_state)
    rebuilt = store.rebuild(5)
    assert (rebuilt.keyframe_gseq, rebuilt.state) == (4, apply_all(State(), log))


def rung(n: int, answered: bool) -> list[ev.Envelope]:
    """A 110 call ringing, or answered at ws-1 (calls live in a keyframe's head, not in its blocks)."""
    offer = ev.envelope("gw-110", n, ev.CallOffered(call=f"C-{n}", number="13800138000", location=ev.CallLocation(
        lat=23.13, lon=113.33, accuracy_m=500, method="cell")), t_src=T0 + n * 1_000, t_hub=T0 + n * 1_000 + 5)
    if not answered:
        return [offer]
    answer = ev.envelope("ws-1", 1_000 + n, ev.CallAnswered(call=f"C-{n}", operator="李娜 010233"),
                         t_src=T0 + n * 1_000 + 50, t_hub=T0 + n * 1_000 + 55)
    return [offer, answer]


def test_a_keyframe_keeps_the_calls_on_the_lines(open_store: StoreFactory, url: str) -> None:
    store = open_store(url)
    log = [created(1), *rung(2, answered=False), *rung(3, answered=True)]
    store.append(log)
    state = apply_all(State(), log)
    store.save_snapshot(len(log), state)
    restored = open_store(url).latest_snapshot()
    assert restored == (len(log), state)
    assert restored is not None and restored[1].calls["C-3"].answered_by == "ws-1"
    assert restored[1].calls["C-2"].ringing


def test_a_keyframe_written_before_calls_existed_is_still_read(open_store: StoreFactory, url: str) -> None:
    store = open_store(url)
    log = [created(n) for n in range(1, 4)]
    store.append(log)
    store.save_snapshot(3, apply_all(State(), log))
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        data = conn.scalar(sa.text("SELECT data FROM snapshots WHERE gseq = 3"))
        head = msgspec.msgpack.decode(zlib.decompress(data[len(keyframes.MAGIC):]))
        assert head[-2:] == [[], None]  # the calls and the drill: the last items of a head, absent from the old layout
        old = keyframes.MAGIC + zlib.compress(msgspec.msgpack.encode(head[:-2]), 1)
        conn.execute(sa.text("UPDATE snapshots SET data = :data WHERE gseq = 3"), {"data": old})
    engine.dispose()
    assert open_store(url).latest_snapshot() == (3, apply_all(State(), log))


def test_a_keyframe_whose_block_is_lost_is_skipped_and_the_log_replayed(
    open_store: StoreFactory, url: str, caplog: pytest.LogCaptureFixture
) -> None:
    store = open_store(url)
    log = [created(n) for n in range(1, 6)]
    store.append(log)
    store.save_snapshot(5, apply_all(State(), log))
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM keyframe_blocks"))
    engine.dispose()
    fresh = EventStore.open(url)
    try:
        rebuilt = fresh.rebuild(5)
    finally:
        fresh.close()
    assert (rebuilt.keyframe_gseq, rebuilt.replayed) == (0, 5)
    assert rebuilt.state == apply_all(State(), log)
    assert "keyframe at gseq 5 is unreadable" in caplog.text


def test_keyframes_can_be_rewritten_at_another_density(open_store: StoreFactory, url: str) -> None:
    store = open_store(url, snapshot_every=1_000)
    log = [created(n) for n in range(1, 24)] + [noted(n, 100 + n) for n in range(1, 24)]
    for start in range(0, len(log), 5):
        store.append(log[start:start + 5])
    seen: list[tuple[int, int]] = []
    assert store.rewrite_keyframes(10, progress=lambda done, total: seen.append((done, total)) is None) == 4
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    for gseq in (10, 20, 30, 40):
        assert store.latest_snapshot(gseq + 9) == (gseq, apply_all(State(), log[:gseq]))
    assert store.rewrite_keyframes(15, progress=lambda done, total: False) == 1  # cancelled after one
    assert store.latest_snapshot() == (15, apply_all(State(), log[:15]))


def test_rewriting_drops_the_blocks_no_keyframe_uses_and_other_writers_recover(
    open_store: StoreFactory, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyframes, "BLOCK", 4)
    hub = open_store(url)
    log = [created(n) for n in range(1, 21)]
    hub.append(log)
    at_20 = apply_all(State(), log)
    hub.save_snapshot(20, at_20)
    assert count_blocks(url) == 5
    admin = open_store(url)
    assert admin.rewrite_keyframes(7) == 2  # keyframes at 7 and 14: the blocks of the one at 20 go
    # Left: 1-4 and 5-7 (at 7), 5-8, 9-12 and 13-14 (at 14); 13-16 and 17-20 went with the one at 20.
    assert count_blocks(url) == 5
    # The hub still remembers the pruned blocks as written; its next keyframe must not rely on that.
    later = [noted(20, 1)]
    hub.append(later)
    hub.save_snapshot(21, apply_all(at_20, later))  # the same incident objects but J-00020
    assert open_store(url).latest_snapshot() == (21, apply_all(State(), log + later))


def test_after_a_keyframe_the_events_commits_still_wait_for_the_disk(store: EventStore) -> None:
    # A keyframe is committed without a sync (it can be derived again); the events after it must not be.
    setting = "PRAGMA synchronous" if store.dialect == "sqlite" else "SHOW synchronous_commit"
    with store._engine.connect() as conn:  # the pooled connection the keyframe will be written on
        if store.dialect == "postgresql":  # the test server runs with it off: make the default "on"
            conn.exec_driver_sql("SET synchronous_commit TO on")
            conn.commit()
        before = conn.exec_driver_sql(setting).scalar()
    assert before in (2, "on")  # FULL
    store.append([created(n) for n in range(1, 4)])
    store.save_snapshot(3, apply_all(State(), [created(n) for n in range(1, 4)]))
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql(setting).scalar() == before
