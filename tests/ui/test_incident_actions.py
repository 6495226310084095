"""Incident actions: a plugin's action shows beside F6–F9 in the Incident menu, the dispatch panel and the
keyboard reference, its key acts on the selected incident, and a key the desk already uses is refused
with a sentence naming the key and both owners."""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QLineEdit, QMainWindow

from dispatch_desktop.api.actions import IncidentAction, KeyConflict
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.ui.dispatch.dispatch_panel import DispatchPanel
from dispatch_desktop.ui.help import KeyReferenceDialog
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.plugins.actions import IncidentActions
from tests.ui.dispatch_world import WORKSTATION, Clock, FakeHub, focus_in, world

pytestmark = pytest.mark.gui

INCIDENT = "J20251122-ws-7-1"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@dataclass
class Desk:
    qtbot: object
    window: QMainWindow
    panel: DispatchPanel
    actions: IncidentActions
    selection: SelectionModel
    hub: FakeHub
    clock: Clock
    elsewhere: QLineEdit  # a field in another part of the window
    noted: list[str] = field(default_factory=list)  # what the plugin's handler was called with

    def incident(self, incident: str = INCIDENT, category: Category = Category.POLICE) -> None:
        """An incident at 天河体育中心, selected (the dispatch panel shows it)."""
        self.hub.report(WORKSTATION, ev.IncidentCreated(
            incident=incident, call_time=self.clock(), caller_number="13800138000", lat=23.1375, lon=113.3245,
            address="天河体育中心", district="440106", station="S-440106-01", incident_type="theft", priority=3,
            category=category, department="environment" if category is Category.NON_POLICE else "",
        ))
        self.selection.select_incident(incident)

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        where = self.panel.active_dialog or self.window
        self.qtbot.keyClick(focus_in(where), key, modifiers)  # type: ignore[attr-defined]

    def note_action(self, key: str = "Ctrl+Shift+L", enabled: Callable[[str], bool] | None = None,
                    title: str | Callable[[], str] = "Write it in the shift log") -> IncidentAction:
        return IncidentAction(id="shift_log.note_incident", title=title, key=key, enabled=enabled,
                              handler=self.noted.append)

    def menu_texts(self) -> list[str]:
        return [a.text() for a in self.actions.menu.actions()]

    def reference(self) -> list[tuple[str, str, str]]:
        dialog = KeyReferenceDialog(self.window)
        table = dialog.table
        rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
        dialog.deleteLater()
        return rows  # type: ignore[return-value]


@pytest.fixture
def desk(qtbot) -> Desk:  # type: ignore[no-untyped-def]
    """The dispatch panel docked in a main window whose menu bar has the Incident menu, as on the desk."""
    clock = Clock()
    city, model, hub = world(clock)
    window = QMainWindow()
    selection = SelectionModel(window)
    actions = IncidentActions(selection, model, window)
    window.menuBar().addMenu(actions.menu)
    panel = DispatchPanel(city, model, hub, selection, actions=actions)
    dock = QDockWidget(window)
    dock.setObjectName("dock_dispatch")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    elsewhere = QLineEdit(window)
    window.setCentralWidget(elsewhere)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    return Desk(qtbot, window, panel, actions, selection, hub, clock, elsewhere)


def test_a_plugin_action_shows_in_the_menu_the_dispatch_panel_and_the_keyboard_reference(desk: Desk) -> None:
    desk.actions.add(desk.note_action(), "shift_log")
    assert desk.menu_texts() == ["Re-rank units", "Transfer to department", "Recall a unit", "Close the incident",
                                 "", "Write it in the shift log"]  # the desk's own, a separator, the plugin's
    button = desk.panel.action_bar.buttons["shift_log.note_incident"]
    assert button.text() == "Write it in the shift log (Ctrl+Shift+L)" and button.isVisible()
    order = [b.text() for b in desk.panel.action_bar.findChildren(type(desk.panel.buttons["dispatch"]))
             if b.isVisible()]
    assert order == ["Dispatch (Enter/F5)", "Re-rank units (F6)", "Recall a unit (F8)", "Close the incident (F9)",
                     "Write it in the shift log (Ctrl+Shift+L)"]  # the built-ins first, in their order
    assert ("Ctrl+Shift+L", "Anywhere", "Write it in the shift log") in desk.reference()


def test_its_key_calls_the_handler_with_the_selected_incident_wherever_the_keyboard_is(desk: Desk) -> None:
    desk.actions.add(desk.note_action(), "shift_log")
    desk.incident()
    desk.panel.focus_recommendations()
    desk.press(Qt.Key.Key_L, CTRL_SHIFT)
    assert desk.noted == [INCIDENT]
    desk.incident("J20251122-ws-7-2")
    desk.elsewhere.setFocus()
    desk.press(Qt.Key.Key_L, CTRL_SHIFT)
    assert desk.noted == [INCIDENT, "J20251122-ws-7-2"]
    desk.panel.action_bar.buttons["shift_log.note_incident"].click()
    desk.actions.menu.actions()[-1].trigger()
    assert desk.noted[2:] == ["J20251122-ws-7-2"] * 2


def test_it_is_disabled_without_an_incident_and_while_its_predicate_says_no(desk: Desk) -> None:
    desk.actions.add(desk.note_action(enabled=lambda incident: bool(desk.hub.state.incidents[incident].units)),
                     "shift_log")
    action = desk.actions.qaction("shift_log.note_incident")
    button = desk.panel.action_bar.buttons["shift_log.note_incident"]
    assert not action.isEnabled() and not button.isEnabled()  # no incident selected
    desk.press(Qt.Key.Key_L, CTRL_SHIFT)
    desk.incident()
    assert not action.isEnabled() and not button.isEnabled()  # selected, but nobody on it yet
    desk.press(Qt.Key.Key_L, CTRL_SHIFT)
    assert desk.noted == []
    desk.panel.focus_recommendations()
    desk.press(Qt.Key.Key_Return)  # a unit sent: the incident's record changed, the predicate is asked again
    desk.qtbot.waitUntil(lambda: bool(desk.hub.state.incidents[INCIDENT].units))  # type: ignore[attr-defined]
    assert action.isEnabled() and button.isEnabled()
    desk.press(Qt.Key.Key_L, CTRL_SHIFT)
    assert desk.noted == [INCIDENT]
    desk.selection.select_incident("")
    assert not action.isEnabled()


def test_without_a_predicate_it_applies_to_any_open_incident(desk: Desk) -> None:
    desk.actions.add(desk.note_action(), "shift_log")
    action = desk.actions.qaction("shift_log.note_incident")
    desk.incident()
    assert action.isEnabled()
    desk.hub.report(WORKSTATION, ev.IncidentClosed(incident=INCIDENT, disposition="resolved"))
    assert not action.isEnabled()


def test_a_key_the_desk_already_uses_is_refused_with_both_owners_and_the_desk_keeps_it(desk: Desk) -> None:
    with pytest.raises(KeyConflict) as refused:
        desk.actions.add(desk.note_action(key="F7"), "shift_log")
    assert str(refused.value) == ("F7 is already Transfer to department (core); the action shift_log.note_incident "
                                  "of plugin shift_log cannot use it. Give it another key, or none.")
    assert "Write it in the shift log" not in desk.menu_texts()
    assert "shift_log.note_incident" not in desk.panel.action_bar.buttons
    desk.incident(category=Category.NON_POLICE)
    desk.press(Qt.Key.Key_F7)
    assert desk.panel.active_dialog is not None  # F7 still transfers
    desk.press(Qt.Key.Key_Escape)
    desk.actions.add(desk.note_action(key="Ctrl+Shift+L"), "shift_log")  # another key: taken
    with pytest.raises(KeyConflict, match="^" + re.escape("Ctrl+Shift+L is already Write it in the shift log "
                                                          "(shift_log); the action other_plugin.x of plugin "
                                                          "other_plugin cannot")):
        desk.actions.add(IncidentAction(id="other_plugin.x", title="X", key="ctrl+shift+l", handler=print),
                         "other_plugin")


def test_keys_bound_elsewhere_in_the_window_are_refused_too(desk: Desk) -> None:
    call = QShortcut(QKeySequence("F2"), desk.window)  # as the intake form binds its keys on the window
    call.setContext(Qt.ShortcutContext.ApplicationShortcut)
    call.setWhatsThis("Answer the next ringing 110 call")
    with pytest.raises(KeyConflict, match="^" + re.escape("F2 is already Answer the next ringing 110 call (core); ")):
        desk.actions.add(desk.note_action(key="F2"), "shift_log")
    # Enter works only inside the dispatch panel, but a window-wide Enter would reach it there too.
    with pytest.raises(KeyConflict, match="^" + re.escape("Return is already Dispatch the highlighted unit (core)")):
        desk.actions.add(desk.note_action(key="Return"), "shift_log")
    with pytest.raises(ValueError, match=re.escape("'Ctrl+Bogus' is not a key")):
        desk.actions.add(desk.note_action(key="Ctrl+Bogus"), "shift_log")
    assert desk.actions.registered()[-1].owner == "core"  # none of them was added


def test_ids_are_the_owners_and_unique(desk: Desk) -> None:
    with pytest.raises(ValueError, match=re.escape("must be named 'other_plugin.<name>'")):
        desk.actions.add(desk.note_action(), "other_plugin")
    desk.actions.owned_by("shift_log").add(desk.note_action())
    with pytest.raises(ValueError, match=re.escape("already an incident action shift_log.note_incident")):
        desk.actions.add(desk.note_action(key=""), "shift_log")
    with pytest.raises(ValueError, match=re.escape("'<plugin id>.<name>'")):
        IncidentAction(id="Note", title="Note", handler=print)


def test_f6_to_f9_are_the_desks_incident_actions_and_listed_even_while_disabled(desk: Desk) -> None:
    core = [(r.action.id, r.action.key) for r in desk.actions.registered()]
    assert core == [("core.rerank", "F6"), ("core.transfer", "F7"), ("core.recall", "F8"), ("core.close", "F9")]
    rows = desk.reference()  # no incident selected: all four disabled, still in the reference
    for key, title in (("F6", "Re-rank units"), ("F7", "Transfer to department"), ("F8", "Recall a unit"),
                       ("F9", "Close the incident")):
        assert (key, "Anywhere", title) in rows
    desk.incident()
    desk.press(Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: bool(desk.hub.state.incidents[INCIDENT].units))  # type: ignore[attr-defined]
    desk.elsewhere.setFocus()  # F8 from outside the panel
    desk.press(Qt.Key.Key_F8)
    assert desk.panel.active_dialog is not None and desk.panel.active_dialog.value == "PG-1"


def test_a_disabled_plugin_leaves_with_its_key_menu_entry_and_button(desk: Desk) -> None:
    desk.actions.add(desk.note_action(), "shift_log")
    desk.actions.remove_owner("shift_log")
    assert "Write it in the shift log" not in desk.menu_texts()
    assert "shift_log.note_incident" not in desk.panel.action_bar.buttons
    desk.incident()
    desk.press(Qt.Key.Key_L, CTRL_SHIFT)
    assert desk.noted == []
    desk.actions.add(desk.note_action(), "shift_log")  # its key is free again


def test_titles_are_read_again_when_the_language_changes(desk: Desk, tmp_path: Path) -> None:
    from dispatch_desktop.ui.i18n import LanguageManager

    manager = LanguageManager(cache_dir=tmp_path)
    desk.actions.add(desk.note_action(title=lambda: "写入值班日志" if manager.language == "zh_CN" else "Shift log"),
                     "shift_log")
    button = desk.panel.action_bar.buttons["shift_log.note_incident"]
    try:
        assert manager.set_language("zh_CN")
        assert desk.actions.menu.title() == "警情(&I)"
        assert desk.menu_texts()[:4] == ["重新排序", "移交部门", "撤回警力", "结案"]
        assert button.text() == "写入值班日志 (Ctrl+Shift+L)"
        assert desk.panel.buttons["close"].text() == "结案 (F9)"
        assert ("F9", "任意位置", "结案") in desk.reference()
    finally:
        manager.uninstall()
    desk.qtbot.waitUntil(lambda: button.text() == "Shift log (Ctrl+Shift+L)")  # type: ignore[attr-defined]
    assert desk.actions.menu.title() == "&Incident"


def test_on_a_narrow_panel_the_buttons_wrap_instead_of_running_off_its_edge(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    city, model, hub = world(clock)
    selection = SelectionModel()
    panel = DispatchPanel(city, model, hub, selection)
    panel.incident_actions.add(IncidentAction(id="shift_log.note_incident", key="Ctrl+Shift+L", handler=print,
                                              title="Write the incident in the shift log"), "shift_log")
    qtbot.addWidget(panel)
    panel.resize(500, 700)  # the dispatch dock on a 1366×768 screen
    panel.show()
    qtbot.waitExposed(panel)
    Desk(qtbot, QMainWindow(), panel, panel.incident_actions, selection, hub, clock,
         QLineEdit()).incident(category=Category.NON_POLICE)  # all five of the panel's buttons show
    qtbot.waitUntil(lambda: panel.buttons["transfer"].isVisible())
    shown = [b for b in panel.action_bar.findChildren(type(panel.buttons["dispatch"])) if b.isVisible()]
    assert len(shown) == 6 and panel.width() <= 500
    for button in shown:
        box = button.geometry().translated(button.parentWidget().mapTo(panel, button.parentWidget().rect().topLeft()))
        assert panel.rect().contains(box), f"{button.text()} runs off the panel ({box} outside {panel.rect()})"


def test_when_the_plugins_buttons_would_take_too_many_lines_they_fold_into_one_menu_with_their_keys(
        qtbot) -> None:  # type: ignore[no-untyped-def]
    """Three plugins' five buttons on a 1366×768 screen took five lines: the recommended units shrank to two
    rows and the last buttons were cut off."""
    clock = Clock()
    city, model, hub = world(clock)
    panel = DispatchPanel(city, model, hub, SelectionModel())
    titles = ["Activate the suggested plan", "Activate a plan…", "Export the plan report…",
              "Write the incident in the shift log", "Copy / dial the duty leader's number"]
    for n, title in enumerate(titles):
        panel.incident_actions.add(IncidentAction(id=f"plugin{n}.act", key=f"Ctrl+Shift+{n + 1}", handler=print,
                                                  title=title), f"plugin{n}")
    qtbot.addWidget(panel)
    panel.resize(480, 700)  # the dispatch dock on a 1366×768 screen
    panel.show()
    qtbot.waitExposed(panel)
    bar = panel.action_bar
    qtbot.waitUntil(lambda: bar.more.isVisible())
    assert bar.folded and not any(bar.buttons[f"plugin{n}.act"].isVisible() for n in range(5))
    assert panel.buttons["dispatch"].isVisible() and panel.buttons["close"].isVisible()  # the desk's own stay
    listed = [(action.toolTip(), action.shortcut().toString()) for action in bar.more.menu().actions()]
    assert listed == [(title, f"Ctrl+Shift+{n + 1}") for n, title in enumerate(titles)]
    lines = {button.y() for button in bar.findChildren(type(panel.buttons["dispatch"])) if button.isVisible()}
    assert len(lines) <= 3

    panel.resize(1800, 700)  # room enough: every button in the open again
    qtbot.waitUntil(lambda: not bar.more.isVisible())
    assert not bar.folded and all(bar.buttons[f"plugin{n}.act"].isVisible() for n in range(5))
