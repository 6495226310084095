"""Qt objects caught in reference cycles are destroyed on the GUI thread, however busy the other threads are
(a Qt object destroyed on a bus thread crashed or deadlocked the desk; see ui/gui_thread_gc.py)."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject

from dispatch_desktop.ui.gui_thread_gc import GuiThreadCollector

pytestmark = pytest.mark.gui


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _churn_cycles(count: int) -> None:
    """What a busy bus thread does: allocations enough to trigger automatic collection many times."""
    for _ in range(count):
        _Cycle()


def test_a_qt_object_in_a_cycle_dropped_while_another_thread_churns_dies_on_the_gui_thread(
        qtbot, _gui_thread_garbage_collection: GuiThreadCollector) -> None:  # type: ignore[no-untyped-def]
    assert not gc.isenabled()  # the session's collector (as app.main installs one) is in charge
    gc.collect()
    died_on: list[str] = []
    holder = _Cycle()
    holder.qobject = QObject()  # type: ignore[attr-defined]
    # The wrapper's deallocation deletes the C++ object, on the thread that runs it: record that thread.
    weakref.finalize(holder.qobject, lambda: died_on.append(threading.current_thread().name))  # type: ignore[attr-defined]
    del holder  # only the cycle keeps it now
    worker = threading.Thread(target=_churn_cycles, args=(200_000,), name="bus-like")
    worker.start()
    worker.join()
    assert died_on == []  # nothing was collected on the busy thread
    qtbot.waitUntil(lambda: died_on != [], timeout=5_000)  # the collector's timer, on the GUI thread
    assert died_on == [threading.main_thread().name]


def test_a_worker_that_turns_automatic_collection_back_on_is_overruled(
        qtbot, _gui_thread_garbage_collection: GuiThreadCollector) -> None:  # type: ignore[no-untyped-def]
    gc.enable()  # as the store's keyframe decoding may, racing the collector at start-up
    _gui_thread_garbage_collection.collect_due()
    assert not gc.isenabled()
