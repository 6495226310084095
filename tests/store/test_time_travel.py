"""Keyframe snapshots and ``state_at``: the picture at any moment, as it was then."""

from __future__ import annotations

import msgspec
import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentStatus, Mode, UnitKind, UnitStatus
from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.state import State
from dispatch_desktop.store import EventStore, Projector, event_store
from tests.store.conftest import StoreFactory
from tests.store.samples import T0, every_kind, position

UNITS = ("P-0001", "P-0002", "P-0003")


def morning() -> list[ev.Envelope]:
    """Three units on duty reporting every 5 s, the incident of ``every_kind`` (with its drill steps)
    in the middle, and the hub's clock set back by two minutes once."""
    log = [ev.envelope("hub", 100 + n, ev.UnitRegistered(unit=u, unit_kind=UnitKind.PATROL_GROUP,
                                                         station="S-1", name=u), t_src=T0 - 9_000, t_hub=T0 - 9_000)
           for n, u in enumerate(UNITS)]
    log += [ev.envelope(u, 1000, ev.StatusReport(status=UnitStatus.AVAILABLE), t_src=T0 - 8_000, t_hub=T0 - 8_000)
            for u in UNITS]
    story = iter(every_kind()[1:])  # P-0001 is registered above
    for tick in range(1, 31):
        t = T0 + tick * 5_000 - (120_000 if tick >= 25 else 0)
        log += [position(u, 1000 + tick, t + n) for n, u in enumerate(UNITS)]
        step = next(story, None)
        if step is not None:
            log.append(msgspec.structs.replace(step, t_hub=step.t_hub and t + 4, t_src=t))
    return log


def replay(events: list[ev.Envelope], mode: Mode = Mode.LIVE) -> State:
    return apply_all(State(mode=mode), events)


@pytest.fixture
def stored(open_store: StoreFactory, url: str) -> tuple[EventStore, list[ev.Envelope]]:
    store = open_store(url, snapshot_every=10)
    projector = Projector(store)
    log = morning()
    for start in range(0, len(log), 7):
        projector.append(log[start:start + 7])
    assert projector.state == replay(log)
    return store, log


def test_the_projector_writes_keyframes_every_n_events(stored: tuple[EventStore, list[ev.Envelope]]) -> None:
    store, log = stored
    keyframes = []
    at = len(log)
    while (found := store.latest_snapshot(at)) is not None:
        keyframes.append(found[0])
        assert found[1] == replay(log[: found[0]])
        at = found[0] - 1
    assert keyframes[::-1] == list(range(10, len(log) + 1, 10))  # at the very event, batches or not
    assert store.latest_snapshot(9) is None
    assert store.latest_snapshot(mode=Mode.DRILL) is None


def test_state_at_a_position_equals_replaying_up_to_it(stored: tuple[EventStore, list[ev.Envelope]]) -> None:
    store, log = stored
    for gseq in (0, 1, 9, 10, 11, 40, 57, len(log) - 1, len(log)):
        rebuilt = store.rebuild(gseq)
        assert rebuilt.state == replay(log[:gseq])
        assert rebuilt.gseq == gseq
        assert rebuilt.replayed < 10  # it started from a keyframe, not from the beginning
    assert store.state_at(len(log) + 50) == replay(log)  # beyond the end: everything so far
    with pytest.raises(ValueError, match="gseq must be >= 0"):
        store.state_at(-1)


def test_state_at_a_time_holds_every_event_stamped_by_then(stored: tuple[EventStore, list[ev.Envelope]]) -> None:
    store, log = stored
    # Times before, around and after the moment the clock was set back.
    for time_ms in (T0 - 10_000, T0, T0 + 20_002, T0 + 40_000, T0 + 5_000, T0 + 10_001, T0 + 119_999,
                    T0 + 1_000_000):
        expected = replay([e for e in log if e.t_hub <= time_ms])
        assert store.state_at(time_ms=time_ms) == expected, time_ms
    incident = store.state_at(time_ms=T0 + 30_000).incidents["J-20251122-0001"]
    assert incident.status is IncidentStatus.DISPATCHED  # dispatched by then, not yet on scene


@pytest.mark.parametrize("scan_rows", [2, 20_000])
def test_every_instant_finds_exactly_the_events_stamped_by_then(
    open_store: StoreFactory, url: str, monkeypatch: pytest.MonkeyPatch, scan_rows: int
) -> None:
    # The keyframes bracket the instant, bisection narrows a wide bracket (2 rows: nearly all of the way) and
    # one scan ends it. No late events here: they would decide the answer instead (the test above has some).
    monkeypatch.setattr(event_store, "_SCAN_ROWS", scan_rows)
    log = [position(u, 1000 + tick, T0 + tick * 5_000 + n * (tick % 3)) for tick in range(40)
           for n, u in enumerate(UNITS)]
    store = open_store(url, snapshot_every=10)
    Projector(store).append(log)
    for time_ms in sorted({e.t_hub + d for e in log for d in (-1, 0, 1)}):
        stamped = [e for e in log if e.t_hub <= time_ms]
        rebuilt = store.rebuild(time_ms=time_ms)
        assert (rebuilt.gseq, rebuilt.state) == (len(stamped), replay(stamped)), time_ms


def test_the_keyframe_before_an_instant_is_the_state_at_its_event(
    stored: tuple[EventStore, list[ev.Envelope]]
) -> None:
    store, log = stored
    assert store.keyframe_before(log[8].t_hub) is None  # the first keyframe is at gseq 10
    keyframe = store.keyframe_before(T0 + 40_000)
    assert keyframe is not None
    assert keyframe.state == replay(log[: keyframe.gseq])
    assert keyframe.time_ms == max(e.t_hub for e in log[: keyframe.gseq]) <= T0 + 40_000
    assert max(e.t_hub for e in log[: keyframe.gseq + 10]) > T0 + 40_000  # the next keyframe is past it
    assert store.keyframe_before(T0 + 40_000, Mode.DRILL) is None  # no drill keyframes stored


def test_drill_state_sees_drill_events_live_state_does_not(stored: tuple[EventStore, list[ev.Envelope]]) -> None:
    store, log = stored
    first_drill = next(n for n, e in enumerate(log, start=1) if e.mode is Mode.DRILL)
    for gseq in (first_drill - 1, first_drill, len(log)):
        rebuilt = store.rebuild(gseq, mode=Mode.DRILL)
        assert rebuilt.state == replay(log[:gseq], Mode.DRILL)
        assert rebuilt.keyframe_gseq > 0  # a live keyframe from before the drill began
    assert store.state_at(mode=Mode.DRILL).refusal_count != store.state_at().refusal_count


def test_a_restarted_projector_resumes_from_the_newest_keyframe(
    stored: tuple[EventStore, list[ev.Envelope]]
) -> None:
    store, log = stored
    projector = Projector(store)
    assert projector.gseq == len(log)
    assert projector.state == replay(log)
    more = [position(u, 5000, T0 + 500_000) for u in UNITS]
    _appended, state = projector.append(more)
    assert state == replay(log + more)


def test_a_projector_folds_in_what_another_writer_stored(open_store: StoreFactory, url: str) -> None:
    mine, theirs = open_store(url, snapshot_every=4), open_store(url)
    projector = Projector(mine)
    log = morning()
    projector.append(log[:10])
    theirs.append(log[10:20])
    appended, state = projector.append(log[15:30])
    assert [a.duplicate for a in appended] == [True] * 5 + [False] * 10
    assert state == replay(log[:30])
    theirs.append(log[30:])
    assert projector.catch_up() == replay(log)


def test_a_keyframe_that_cannot_be_written_does_not_fail_the_append(
    open_store: StoreFactory, url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = open_store(url, snapshot_every=5)
    projector = Projector(store)
    log = morning()

    def disk_full(gseq: int, state: State) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "save_snapshot", disk_full)
    appended, state = projector.append(log[:12])
    assert [a.gseq for a in appended] == list(range(1, 13))
    assert state == replay(log[:12])
    assert "could not write the keyframe at gseq 5" in caplog.text
    assert "gseq 6" not in caplog.text  # not retried at every event: 5 events later
    monkeypatch.undo()
    projector.append(log[12:20])
    assert store.latest_snapshot(19) == (15, replay(log[:15]))


def test_keyframes_must_match_stored_events(store: EventStore) -> None:
    with pytest.raises(ValueError, match="no keyframe at gseq 1"):
        store.save_snapshot(1, State())
    store.append([position("P-0001", 1, T0)])
    store.save_snapshot(1, State(time=5))
    store.save_snapshot(1, State(time=7))  # replaces
    assert store.latest_snapshot() == (1, State(time=7))
