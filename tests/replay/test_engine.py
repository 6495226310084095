"""``ReplayEngine``: every frame is exactly the store's state at its instant, however it was reached."""

from __future__ import annotations

import random

from dispatch_desktop.domain import events as ev
from dispatch_desktop.replay.engine import ReplayEngine
from dispatch_desktop.replay.interpolate import positions_between
from dispatch_desktop.store import EventStore
from tests.record.story import GAP, INCIDENT, T0, p0001_lat

S = 1000


def test_the_span_is_the_first_and_last_hub_time(story_store: EventStore) -> None:
    span = ReplayEngine(story_store).span()
    assert span.first_ms == T0 - 1300 * S
    assert span.last_ms == T0 + 2700 * S - 5 * S + 2
    assert span.events == story_store.last_gseq()


def test_a_seek_is_the_state_at_that_instant(story_store: EventStore) -> None:
    engine = ReplayEngine(story_store)
    for seconds in (-1300, 0, 61, 119, 120, 601, 1799, 1800, 2600):
        frame = engine.seek(T0 + seconds * S)
        assert frame.state == story_store.state_at(time_ms=T0 + seconds * S)
        assert frame.events is None and frame.time_ms == T0 + seconds * S


def test_playback_folds_exactly_the_events_in_between(story_store: EventStore) -> None:
    # A keyframe in the middle: the first seek starts from it, the steps fold past it.
    middle = story_store.rebuild(time_ms=T0 + 400 * S)
    story_store.save_snapshot(middle.gseq, middle.state)
    engine = ReplayEngine(story_store)
    rng = random.Random(7)
    t = T0 - 100 * S
    engine.seek(t)
    while t < T0 + 2000 * S:
        step = rng.choice((1, 250, 4 * S, 37 * S, 64 * S))
        frame = engine.advance(t + step)
        expected = [item for item in story_store.read(0) if t < item[1].t_hub <= t + step]
        t += step
        assert frame.state == story_store.state_at(time_ms=t)
        assert frame.events == expected
    assert story_store.state_at(time_ms=t).incidents[INCIDENT].status.value == "closed"


def test_going_back_or_far_rebuilds(story_store: EventStore) -> None:
    engine = ReplayEngine(story_store, jump_ms=60 * S)
    engine.seek(T0 + 600 * S)
    assert engine.advance(T0 + 300 * S).events is None
    assert engine.advance(T0 + 900 * S).events is None  # 10 minutes ahead: past the jump limit
    assert engine.advance(T0 + 905 * S).events is not None


def test_units_move_between_their_fixes(story_store: EventStore) -> None:
    engine = ReplayEngine(story_store)
    fix = T0 + 100 * S  # P-0001 reports at T0 + 100 s (hub time; its own time is 100 ms earlier)
    frame = engine.seek(fix - 100 + 2500)  # the unit's clock runs 100 ms behind the hub's
    unit = frame.state.units["P-0001"]
    assert unit.lat == p0001_lat(fix)
    lat, lon = positions_between(frame.state, frame.time_ms, frame.next_fixes)["P-0001"]
    # Half way between its fix at +100 s and the next one at +105 s (both by the unit's own clock).
    assert abs(lat - (p0001_lat(fix) + p0001_lat(fix + 5 * S)) / 2) < 1e-6
    assert lon == 113.30


def test_a_silence_is_not_bridged(story_store: EventStore) -> None:
    engine = ReplayEngine(story_store)
    frame = engine.seek(T0 + (GAP[0] + 200 * S))
    assert "P-0001" in frame.next_fixes  # it reports again after the gap…
    assert "P-0001" not in positions_between(frame.state, frame.time_ms, frame.next_fixes)  # …but 8 min later


def test_a_growing_log_is_read_again_at_its_end(story_store: EventStore) -> None:
    engine = ReplayEngine(story_store)
    end = engine.span().last_ms
    engine.seek(end)
    later = ev.envelope("ws-1", 999, ev.IncidentNote(incident=INCIDENT, text="补充"), t_src=end + 1000,
                        t_hub=end + 1000)
    story_store.append([later])
    frame = engine.advance(end + 2000)
    assert [event for _gseq, event in frame.events or []] == [later]


def test_a_keyframe_with_a_lost_block_costs_time_not_the_truth(story_store: EventStore) -> None:
    import sqlalchemy as sa

    at = T0 + 700 * S
    expected = story_store.state_at(time_ms=at)
    middle = story_store.rebuild(time_ms=T0 + 400 * S)
    story_store.save_snapshot(middle.gseq, middle.state)
    with story_store._engine.begin() as conn:  # the damage a bad disk or a hand-edited database leaves
        conn.execute(sa.text("DELETE FROM keyframe_blocks"))
    engine = ReplayEngine(story_store)
    assert engine.seek(at).state == expected  # replayed from the log's start instead
    assert engine.advance(at + 30 * S).state == story_store.state_at(time_ms=at + 30 * S)


def test_a_drag_previews_the_keyframe_before_the_cursor_then_steps_exactly(story_store: EventStore) -> None:
    middle = story_store.rebuild(time_ms=T0 + 400 * S)
    story_store.save_snapshot(middle.gseq, middle.state)
    engine = ReplayEngine(story_store)
    cursor = T0 + 430 * S  # 30 s after the keyframe: its state stands in while the cursor moves
    preview = engine.seek(cursor, fixes=False)
    assert preview.preview and preview.time_ms == cursor
    assert (preview.gseq, preview.state) == (middle.gseq, middle.state) != (middle.gseq, story_store.state_at(
        time_ms=cursor))
    step = engine.advance(cursor + 2 * S)  # the drag ended: the next frame is the exact one again
    assert step.state == story_store.state_at(time_ms=cursor + 2 * S) and not step.preview
    far = engine.seek(T0 + 500 * S, fixes=False)  # 100 s past the keyframe: too far, rebuilt exactly
    assert far.state == story_store.state_at(time_ms=T0 + 500 * S) and far.preview
