"""A replay opened from the live desk (Ctrl+Shift+R on the selected incident) shows that incident, and
nothing done in it reaches the hub: a replay sends nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.ui.dispatch.dispatch_panel import DispatchPanel
from dispatch_desktop.ui.dispatch.intake import IntakeForm
from dispatch_desktop.ui.replay.window import ReplayDesk
from tests.ui.live_desk import DeskFactory

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]

INCIDENT = "J-20261207-00042"


def test_a_replay_opened_from_the_desk_sends_nothing_whatever_is_pressed(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN", units=5)
    model = desk.window.city_model
    now = model.now_ms()
    created = ev.IncidentCreated(incident=INCIDENT, call_time=now - 60_000, caller_number="13600000000",
                                 lat=23.1375, lon=113.3245, address="天河体育中心", district="440106",
                                 station="S-440106-01", incident_type="robbery", priority=1,
                                 category=Category.POLICE)
    assert desk.send(created).result(10).accepted
    qtbot.waitUntil(lambda: INCIDENT in model.state.incidents, timeout=10_000)
    desk.window.selection.select_incident(INCIDENT)
    opened: list[ReplayDesk] = []
    desk.replays.on_opened = opened.append
    desk.window.activateWindow()
    qtbot.keyClick(desk.window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    replay = opened[0]
    window = replay.window
    qtbot.waitUntil(lambda: replay.frame is not None and bool(replay.records), timeout=10_000)
    assert [record.incident.id for record in replay.records] == [INCIDENT]
    assert window.findChildren(DispatchPanel) == [] and window.findChildren(IntakeForm) == []
    assert "回放" in window.windowTitle() and "回放" in window.status_bar.mode.text()

    store = desk.services.store
    assert store is not None
    before = store.last_gseq()
    sent_before = desk.outbox_model.rowCount()
    window.show()
    qtbot.waitExposed(window)
    window.selection.select_incident(INCIDENT)
    control, shift, none = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                            Qt.KeyboardModifier.NoModifier)
    for key, modifier in ((Qt.Key.Key_F6, none), (Qt.Key.Key_F7, none), (Qt.Key.Key_F8, none),
                          (Qt.Key.Key_F9, none), (Qt.Key.Key_Return, control), (Qt.Key.Key_N, control),
                          (Qt.Key.Key_F5, control), (Qt.Key.Key_R, control | shift), (Qt.Key.Key_Space, none)):
        qtbot.keyClick(window, key, modifier)
    qtbot.wait(300)
    assert store.last_gseq() == before  # nothing reached the hub's log
    assert desk.outbox_model.rowCount() == sent_before
    assert len(desk.replays.replays) == 1  # Ctrl+Shift+R in a replay opens no second one

    window.close()
    assert desk.replays.replays == []
