"""The desk as a dispatcher meets it (issue 10): simulation never shown as live, nothing typed lost,
stale links and units visible, a supervisor's desk read-only from the start, every key documented,
overdue timers loud. Each on the real desk, its in-process hub and store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from dispatch_desktop.bus.keys import Role
from dispatch_desktop.controllers.outbox import EntryState
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.ui.keymap import conflicts, key_bindings
from dispatch_desktop.ui.models.incident_table import OVERDUE_COLOR
from tests.ui.live_desk import DeskFactory, Keyboard

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]


def _robbery(incident: str, call_time: int, *, simulated: bool = False) -> ev.IncidentCreated:
    return ev.IncidentCreated(incident=incident, call_time=call_time, caller_number="13600000000", lat=23.1375,
                              lon=113.3245, address="天河体育中心", district="440106", station="S-440106-01",
                              incident_type="robbery", priority=1, category=Category.POLICE, simulated=simulated)


def test_a_simulated_city_is_never_shown_as_live(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN", simulate=True, units=20)
    window = desk.window
    assert "模拟" in window.windowTitle() and "实战" not in window.windowTitle()
    assert window.status_bar.mode.text() == "模拟"
    assert desk.intake._simulated  # what a person creates here is marked as simulated too
    assert "回放练习时段" in window.status_bar.currentMessage()  # the demo offers its busy hour to replay
    desk.window.language_actions["en"].trigger()
    assert "Simulation" in window.windowTitle() and window.status_bar.mode.text() == "Simulation"


def test_closing_with_a_call_half_taken_asks_first_and_keeps_it(qtbot, make_desk: DeskFactory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN")
    desk.intake.start_call()
    desk.intake.caller_number.setText("13800138000")
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text: asked.append(text) or answer[0])
    assert not desk.window.close()  # "No": the window stays, the call with it
    assert asked and "接警" in asked[0]
    assert desk.intake.caller_number.text() == "13800138000"
    answer[0] = QMessageBox.StandardButton.Yes
    assert desk.window.close()
    assert (desk.state_dir / "call-draft.json").exists()  # kept for the next start


def test_a_call_being_typed_survives_a_killed_desk(qtbot, make_desk: DeskFactory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = make_desk("zh_CN", state_dir=tmp_path / "ws")
    first.intake.start_call()
    keys = Keyboard(qtbot, first)
    keys.type("13800138000")
    keys.press(Qt.Key.Key_Tab)
    keys.type("王先生")
    draft = tmp_path / "ws" / "call-draft.json"
    # On disk while it is typed: a kill -9 now loses nothing.
    qtbot.waitUntil(lambda: draft.exists() and "王先生" in draft.read_text("utf-8"), timeout=5_000)
    second = make_desk("zh_CN", state_dir=tmp_path / "ws")  # the next start, on the same workstation
    assert second.intake.caller_number.text() == "13800138000"
    assert second.intake.caller_name.text() == "王先生"
    assert "恢复" in second.intake.banner.text()


def test_when_the_hub_goes_away_the_whole_desk_says_so_and_commands_wait(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN")
    assert not desk.window.link_banner.isVisible()
    assert desk.services.hub is not None
    desk.services.hub.stop()
    qtbot.waitUntil(lambda: desk.window.link_banner.isVisible(), timeout=10_000)
    assert "断开" in desk.window.link_banner.label.text()
    future = desk.send(_robbery("J20261206-ws-e2e-7", desk.window.city_model.now_ms()))
    assert not desk.window.status_bar.outbox.isVisible()  # on its way: not yet worth a word
    # Unanswered for a few seconds (not the bus client's whole minute): queued, and the desk says so.
    qtbot.waitUntil(lambda: desk.outbox.waiting()[0].state is EntryState.QUEUED, timeout=8_000)
    qtbot.waitUntil(lambda: desk.window.status_bar.outbox.isVisible(), timeout=2_000)
    assert "排队" in desk.window.status_bar.outbox.text()
    assert not future.done()  # not dropped: still waiting for the hub
    assert desk.outbox.waiting()[0].body.incident == "J20261206-ws-e2e-7"  # type: ignore[attr-defined]


def test_a_supervisors_desk_is_read_only_from_the_start(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN", role=Role.SUPERVISOR)
    assert not desk.intake.caller_number.isEnabled()
    assert "督察" in desk.intake.submit_button.toolTip()
    assert not any(button.isEnabled() for button in desk.dispatch.buttons.values())
    keys = Keyboard(qtbot, desk)
    desk.window.map_view.setFocus()
    keys.press(Qt.Key.Key_F2)
    assert desk.outbox.entries() == [] and desk.intake.is_pristine()  # nothing answered, nothing typed


def test_the_title_names_the_desk_and_the_operator(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN")
    title = desk.window.windowTitle()
    assert "ws-e2e" in title and "张伟 012345" in title


def test_the_keyboard_reference_lists_every_real_binding_with_what_it_does(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN")
    bindings = key_bindings(desk.window)
    keys = {b.key for b in bindings}
    assert {"F1", "F2", "Shift+F2", "F5", "F6", "F9", "Ctrl+Return", "Alt+D", "Ctrl+1"} <= keys
    undocumented = [b.key for b in bindings if not b.description]
    assert undocumented == []
    assert conflicts(bindings) == []
    f9 = next(b for b in bindings if b.key == "F9")
    assert f9.anywhere and "结案" in f9.description


def test_an_overdue_timer_turns_its_row_red_enters_the_alerts_and_sounds(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN")
    model = desk.window.city_model
    desk.alarm.set_enabled(True)
    late = "J20261206-ws-e2e-8"
    assert desk.send(_robbery(late, model.now_ms() - 5 * 60_000)).result(10).accepted  # P1: 60 s to dispatch
    qtbot.waitUntil(lambda: desk.window.incident_table.is_overdue(late), timeout=5_000)
    table = desk.window.incident_table
    row = table.row_of(late)
    assert table.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color() == QColor(OVERDUE_COLOR)
    [alert] = desk.window.alerts_model.active_overdue()
    assert alert.incident == late and alert.overdue is not None and alert.overdue.over_s >= 230
    assert desk.alarm.rings == 1
    assert late in desk.window.status_bar.currentMessage()
