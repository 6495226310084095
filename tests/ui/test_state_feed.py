"""The bus client's thread hands states to the GUI thread without flooding or blocking it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from dispatch_desktop.domain.state import State
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.state_feed import StateBatch, StateFeed
from tests.ui.builders import EventLog


def _log_with_units(count: int) -> EventLog:
    log = EventLog()
    for n in range(count):
        log.register(f"P-{n:03d}")
        log.on_duty(f"P-{n:03d}")
    log.take()
    return log


def test_a_burst_from_the_bus_thread_arrives_once_on_the_gui_thread_with_the_newest_state(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _log_with_units(50)
    feed = StateFeed(min_interval_ms=0)
    received: list[tuple[StateBatch, bool]] = []
    feed.stateArrived.connect(lambda batch: received.append((batch, QThread.currentThread() is feed.thread())))
    pushed: list[State] = []

    def bus_thread() -> None:
        for step in range(500):
            unit = f"P-{step % 50:03d}"
            log.move(unit, 23.1 + step / 10_000, 113.3)
            feed.push(log.state, log.take_published())
            pushed.append(log.state)

    worker = threading.Thread(target=bus_thread)
    worker.start()
    worker.join()  # the GUI thread has not run in between: everything waits parked in the feed
    qtbot.waitUntil(lambda: bool(received))
    qtbot.wait(50)  # nothing else is on its way

    assert len(received) == 1
    batch, on_gui_thread = received[0]
    assert on_gui_thread
    assert batch.state is pushed[-1]
    assert batch.units == {f"P-{n:03d}" for n in range(50)}
    assert not batch.full


def test_connection_news_from_another_thread_reaches_the_city_model(qtbot) -> None:  # type: ignore[no-untyped-def]
    feed = StateFeed(min_interval_ms=0)
    model = CityModel(feed)
    with qtbot.waitSignal(model.connectionChanged) as blocker:
        threading.Thread(target=feed.set_connected, args=(True,)).start()
    assert blocker.args == [True]
    assert model.connected


def test_a_state_pushed_without_its_events_is_compared_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _log_with_units(3)
    feed = StateFeed(min_interval_ms=0)
    model = CityModel(feed)
    feed.push(log.state, [])
    qtbot.waitUntil(lambda: model.has_state)
    log.move("P-001", 23.2, 113.4)
    log.take()
    with qtbot.waitSignal(model.unitsChanged) as blocker:
        feed.push(log.state, None)  # a resync: the caller cannot say what changed
    assert blocker.args == [["P-001"]]


def test_a_state_right_after_a_delivery_waits_for_the_interval(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _log_with_units(2)
    feed = StateFeed(min_interval_ms=60_000)
    states: list[State] = []
    feed.stateArrived.connect(lambda batch: states.append(batch.state))
    feed.push(log.state, log.take_published())
    qtbot.waitUntil(lambda: len(states) == 1)
    log.move("P-000", 23.2, 113.4)
    feed.push(log.state, log.take_published())
    log.move("P-001", 23.3, 113.4)
    feed.push(log.state, log.take_published())
    qtbot.wait(50)
    assert len(states) == 1  # held back: the previous delivery was just now
    feed.flush()
    assert states[-1] is log.state


def test_pushing_something_that_is_not_a_state_is_refused_clearly() -> None:
    feed = StateFeed()
    with pytest.raises(TypeError, match="expects a State"):
        feed.push({"units": {}})  # type: ignore[arg-type]


def test_every_event_reaches_the_gui_thread_once_in_gseq_order_however_the_states_were_merged(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _log_with_units(5)
    feed = StateFeed(min_interval_ms=20)
    model = CityModel(feed)
    seen: list[int] = []
    model.eventsApplied.connect(lambda events, _notable: seen.extend(gseq for gseq, _event in events))
    first = log.gseq + 1

    def bus_thread() -> None:
        for step in range(300):
            log.move(f"P-{step % 5:03d}", 23.1 + step / 10_000, 113.3)
            feed.push(log.state, log.take_published())

    worker = threading.Thread(target=bus_thread)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) >= 300)
    qtbot.wait(50)
    assert seen == list(range(first, first + 300))


def test_a_snapshot_in_the_middle_of_a_batch_is_announced_between_the_events_before_and_after_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _log_with_units(2)
    feed = StateFeed(min_interval_ms=60_000)
    model = CityModel(feed)
    feed.push(log.state, log.take_published())
    feed.flush()
    order: list[object] = []
    model.eventsApplied.connect(lambda events, _notable: order.extend(gseq for gseq, _event in events))
    model.stateReset.connect(lambda state, gseq: order.append(("reset", gseq, state)))
    log.move("P-000", 23.2, 113.4)
    before = log.take_published()
    feed.push(log.state, before)
    log.move("P-001", 23.3, 113.4)
    log.take()
    snapshot = log.state
    feed.push(snapshot, None, gseq=log.gseq)  # a resync: the events in between are not known
    log.move("P-000", 23.4, 113.4)
    after = log.take_published()
    feed.push(log.state, after)
    feed.flush()
    assert order == [before[0][0], ("reset", log.gseq - 1, snapshot), after[0][0]]
    assert model.state is log.state
