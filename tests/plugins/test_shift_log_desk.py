"""The shift log in a real desk (the installed distribution, on an in-process hub and store), as a
dispatcher meets it: the panel beside dispatch and the action in the Incident menu, an entry typed and
sent with Enter that comes back from the log, the log again in a desk started later, a supervisor's desk
that reads it, and Ctrl+Shift+L on the selected incident."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from dispatch_desktop.app import Desk
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev
from dispatch_desktop.extensions.discovery import Discovered, discover
from dispatch_desktop.ui.map.plugin_layers import PluginMapLayer
from tests.ui.dispatch_world import type_text
from tests.ui.live_desk import DeskFactory, Keyboard
from tests.ui.plugin_kit import failures
from tests.ui.test_desk_behaviour import _robbery

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]

OPERATOR = "张伟 012345"  # the operator make_desk signs in


@pytest.fixture(scope="module")
def shift_log() -> list[Discovered]:
    """The shift log as installed in the environment (editable, from plugins/shift_log), and no other."""
    found = [plugin for plugin in discover() if plugin.id == "shift_log"]
    assert len(found) == 1 and found[0].loadable, found
    return found


class ShiftLogView:
    """The shift log's panel in a desk, read as the dispatcher reads it."""

    def __init__(self, desk: Desk) -> None:
        self.dock: QDockWidget = desk.window.dock("shift_log.entries")
        editor = self.dock.findChild(QLineEdit, "shift_log_editor")
        entries = self.dock.findChild(QListWidget, "shift_log_entries")
        assert editor is not None and entries is not None, "the panel is not the shift log's (an error view?)"
        self.editor: QLineEdit = editor
        self.entries: QListWidget = entries
        # The last 24 hours, not this shift: a run across 08:00 or 20:00 must still list what it wrote.
        self.dock.widget().last_day.setChecked(True)  # type: ignore[attr-defined]

    def in_front(self) -> bool:
        """Whether the dispatcher sees the panel: a tab behind another has no visible region (it still
        counts as visible to Qt)."""
        return not self.editor.visibleRegion().isEmpty()

    def shown(self) -> list[str]:
        return [self.entries.item(row).text() for row in range(self.entries.count())]

    def message(self) -> str:
        return "\n".join(label.text() for label in self.dock.findChildren(QLabel) if label.isVisible())


def _plugin_events(desk: Desk) -> list[ev.PluginEvent]:
    """The shift log's events in the hub's log, read back as any desk reads its history."""
    published = desk.client.request_events(plugins=["shift_log"]).result(10)
    return [envelope.body for _gseq, envelope in published if isinstance(envelope.body, ev.PluginEvent)]


def test_an_entry_sent_with_enter_comes_back_from_the_log_with_the_operator_and_a_later_desk_lists_it(
        qtbot: QtBot, make_desk: DeskFactory, shift_log: list[Discovered], tmp_path: Path) -> None:
    database = tmp_path / "log.sqlite3"
    desk = make_desk("zh_CN", plugins=shift_log, database=database)
    window = desk.window
    assert failures(desk, "shift_log") == []
    view = ShiftLogView(desk)
    assert view.dock.windowTitle() == "值班日志"
    assert view.dock in window.tabifiedDockWidgets(window.dock("dispatch"))
    assert "将警情记入值班日志" in [action.text() for action in desk.incident_actions.menu.actions()]
    assert view.editor.isEnabled()

    view.dock.show()
    view.dock.raise_()
    view.editor.setFocus()
    type_text(view.editor, "交接：天河北路夜间封闭")
    QTest.keyClick(view.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(row.endswith("\n交接：天河北路夜间封闭") for row in view.shown()), timeout=10_000)
    [row] = view.shown()
    assert row.splitlines()[0].endswith(f"  ·  {OPERATOR}")  # "08:15  ·  张伟 012345"
    qtbot.waitUntil(lambda: view.editor.text() == "", timeout=5_000)
    [stored] = _plugin_events(desk)
    assert (stored.plugin, stored.name, stored.operator, stored.incident) == ("shift_log", "entry_added", OPERATOR, "")
    desk.stop()

    later = make_desk("zh_CN", plugins=shift_log, database=database, workstation="ws-later")
    assert failures(later, "shift_log") == []
    view = ShiftLogView(later)
    qtbot.waitUntil(lambda: view.shown() == [row], timeout=10_000)  # from the log, as history


def test_a_supervisors_desk_reads_the_log_with_the_box_disabled_and_the_reason_from_the_start(
        qtbot: QtBot, make_desk: DeskFactory, shift_log: list[Discovered]) -> None:
    desk = make_desk("zh_CN", role=Role.SUPERVISOR, plugins=shift_log)
    assert failures(desk, "shift_log") == []
    view = ShiftLogView(desk)
    assert not view.editor.isEnabled()  # before anything was sent
    reason = desk.read_only_reason()
    assert "督察" in reason
    assert f"{reason} 在此只能查看值班日志，不能填写。" in view.message()
    assert view.editor.toolTip() == f"{reason} 在此只能查看值班日志，不能填写。"


def test_ctrl_shift_l_starts_an_entry_about_the_selected_incident_which_is_then_on_the_map(
        qtbot: QtBot, make_desk: DeskFactory, shift_log: list[Discovered]) -> None:
    desk = make_desk("zh_CN", plugins=shift_log)
    window = desk.window
    incident = "J-shift-1"
    assert desk.send(_robbery(incident, int(time.time() * 1000))).result(10).accepted
    qtbot.waitUntil(lambda: incident in window.city_model.state.incidents, timeout=10_000)
    window.selection.select_incident(incident)
    view = ShiftLogView(desk)
    dispatch = window.dock("dispatch")
    dispatch.raise_()  # the dispatch panel in front, the shift log's tab behind it
    qtbot.waitUntil(lambda: not view.in_front(), timeout=5_000)
    action = desk.incident_actions.qaction("shift_log.note_incident")
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+L"

    window.map_view.setFocus()
    Keyboard(qtbot, desk).press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(view.in_front, timeout=5_000)  # the panel came forward
    assert view.editor.text() == f"{incident} · 抢劫 · 天河体育中心: "
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.editor, timeout=5_000)
    assert view.editor.cursorPosition() == len(view.editor.text())

    type_text(view.editor, "已处置")
    QTest.keyClick(view.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(view.shown()) == 1, timeout=10_000)
    assert view.shown()[0].splitlines()[0].endswith(f"  ·  {OPERATOR}  ·  {incident} · 抢劫")
    [stored] = _plugin_events(desk)
    assert stored.incident == incident
    layer = window.map_bridge.plugin_layers.layer("shift_log.places")
    assert isinstance(layer, PluginMapLayer)
    qtbot.waitUntil(lambda: [feature.id for feature in layer.features] == [incident], timeout=5_000)
    [point] = layer.features
    assert point.label.startswith(f"{incident} · 抢劫：")
