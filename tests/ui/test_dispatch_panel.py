"""The recommend-and-dispatch panel: one keystroke sends a unit, and every answer shows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, IncidentStatus, UnitStatus
from dispatch_desktop.domain.reasons import refusal
from dispatch_desktop.domain.timers import Level
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch.dialogs import ActionDialog
from dispatch_desktop.ui.dispatch.dispatch_panel import DispatchPanel
from dispatch_desktop.ui.models.selection import SelectionModel
from tests.ui.dispatch_world import T0, WORKSTATION, Clock, FakeHub, focus_in, type_text, world

pytestmark = pytest.mark.gui

INCIDENT = "J20251122-ws-7-1"


class Desk:
    def __init__(self, qtbot, panel: DispatchPanel, hub: FakeHub, clock: Clock) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.panel = panel
        self.hub = hub
        self.clock = clock

    def window(self):  # type: ignore[no-untyped-def]
        """Where the keyboard is: the open dialog, else the panel."""
        return self.panel.active_dialog or self.panel

    def key(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(focus_in(self.window()), key)

    def type(self, text: str) -> None:
        type_text(focus_in(self.window()), text)

    def dialog(self) -> ActionDialog:
        dialog = self.panel.active_dialog
        assert dialog is not None
        self.qtbot.waitUntil(lambda: focus_in(dialog) is not None and dialog.isAncestorOf(focus_in(dialog)))
        return dialog

    def call(self, kind: str = "theft", priority: int = 3, incident: str = INCIDENT,
             category: Category = Category.POLICE, department: str = "") -> None:
        """An incident at 天河体育中心, shown in the panel with the keyboard in the unit list."""
        self.hub.report(WORKSTATION, ev.IncidentCreated(
            incident=incident, call_time=self.clock(), caller_number="13800138000", lat=23.1375, lon=113.3245,
            address="天河体育中心", district="440106", station="S-440106-01", incident_type=kind,
            priority=priority, category=category, department=department,
        ))
        self.panel.show_incident(incident)
        self.panel.focus_recommendations()

    def ranked(self) -> list[str]:
        return [r.unit for r in self.panel.recommendations.rows()]

    def answered(self) -> None:
        """Wait for the hub's answer to reach the panel (it comes back through the event loop)."""
        self.qtbot.waitUntil(lambda: "…" not in self.panel.banner.text())

    def assigned(self) -> dict[str, str]:
        table = self.panel.assigned
        return {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}

    def tick(self, seconds: float) -> None:
        self.panel._model.clockTicked.emit(self.clock.advance(seconds))


@pytest.fixture
def desk(qtbot) -> Desk:  # type: ignore[no-untyped-def]
    clock = Clock()
    city, model, hub = world(clock)
    panel = DispatchPanel(city, model, hub, SelectionModel())
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return Desk(qtbot, panel, hub, clock)


def test_units_are_ranked_by_arrival_with_the_best_one_highlighted(desk: Desk) -> None:
    desk.call()
    assert desk.ranked() == ["PG-1", "PG-2", "RR-1", "PG-3", "PG-4"]
    assert desk.panel.highlighted_unit() == "PG-1"
    model = desk.panel.recommendations
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[:4] == ["1", "天河巡01组", labels.unit_kind("patrol"), "石牌所"]
    assert row[4] == "1:06"  # 30 s turnout + ~300 m at 30 km/h
    assert row[5] == "300 m"


def test_a_knife_attack_puts_the_rapid_response_team_first_and_says_why(desk: Desk) -> None:
    desk.call(kind="knife_attack", priority=1)
    assert desk.ranked()[:2] == ["RR-1", "PG-1"]
    assert desk.panel.highlighted_unit() == "RR-1"
    reason = desk.panel.recommendations.index(0, 7).data()
    assert "rapid-response" in reason


def test_enter_dispatches_the_highlighted_unit_and_the_list_moves_on(desk: Desk) -> None:
    desk.call()
    with desk.qtbot.waitSignal(desk.panel.dispatched) as signal:
        desk.key(Qt.Key.Key_Return)
    assert signal.args == [INCIDENT, "PG-1"]
    assert desk.hub.state.units["PG-1"].status is UnitStatus.DISPATCHED
    assert desk.hub.state.incidents[INCIDENT].status is IncidentStatus.DISPATCHED
    assert "天河巡01组" in desk.panel.banner.text()
    assert desk.assigned() == {"天河巡01组": f"Dispatched {labels.clock_text(T0)}"}
    assert desk.ranked()[0] == "PG-2"  # the next best, ready for a second unit
    with desk.qtbot.waitSignal(desk.panel.dispatched) as signal:
        desk.key(Qt.Key.Key_F5)
    assert signal.args == [INCIDENT, "PG-2"]


def test_a_number_key_dispatches_that_row(desk: Desk) -> None:
    desk.call()
    with desk.qtbot.waitSignal(desk.panel.dispatched) as signal:
        desk.key(Qt.Key.Key_3)
    assert signal.args == [INCIDENT, "RR-1"]
    desk.key(Qt.Key.Key_9)
    assert "row 9" in desk.panel.banner.text()
    assert len(desk.hub.of_kind(ev.UnitDispatched)) == 1


def test_acknowledgement_and_arrival_show_with_their_times(desk: Desk) -> None:
    desk.call()
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    desk.clock.advance(12)
    desk.hub.report("PG-1", ev.DispatchAck(incident=INCIDENT))
    assert desk.assigned() == {"天河巡01组": f"En route {labels.clock_text(T0 + 12_000)}"}
    desk.clock.advance(60)
    desk.hub.report("PG-1", ev.Arrival(incident=INCIDENT))
    assert desk.assigned() == {"天河巡01组": f"On scene {labels.clock_text(T0 + 72_000)}"}


def test_a_refusal_from_the_hub_is_shown_with_its_reason(desk: Desk) -> None:
    desk.call()
    refused = refusal("unit_not_available", unit="PG-1", status="en_route")
    desk.hub.refuse_with = refused
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    assert desk.panel.banner.is_error
    # The unit is named as people call it, not by its roster id.
    assert "天河巡01组" in desk.panel.banner.text() and "PG-1" not in desk.panel.banner.text()
    assert desk.panel.recommendations.dispatchable(0)  # no longer "sending"


def test_a_refusal_goes_away_once_it_no_longer_applies(desk: Desk) -> None:
    desk.call()
    desk.hub.refuse_with = refusal("unit_not_available", unit="PG-1", status="en_route")
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    assert desk.panel.banner.is_error
    desk.hub.report(WORKSTATION, ev.UnitDispatched(incident=INCIDENT, unit="PG-2"))  # the incident moves on
    assert not desk.panel.banner.isVisible()


def test_a_refusal_stays_while_nothing_about_the_incident_changed(desk: Desk) -> None:
    desk.call()
    desk.hub.refuse_with = refusal("unit_not_available", unit="PG-1", status="en_route")
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    desk.hub.report("PG-4", ev.Position(lat=23.126, lon=113.271))  # elsewhere in the city
    assert desk.panel.banner.is_error


def test_a_unit_taken_by_another_desk_cannot_be_sent_from_the_stale_list(desk: Desk) -> None:
    desk.call()
    desk.hub.report("PG-1", ev.StatusReport(status=UnitStatus.UNAVAILABLE))  # meanwhile, elsewhere
    assert desk.ranked()[0] == "PG-1"  # the list stands still under the cursor…
    assert desk.panel.recommendations.index(0, 6).data() == labels.unit_status("unavailable")
    desk.panel.table.setCurrentIndex(desk.panel.recommendations.index(0, 0))
    desk.key(Qt.Key.Key_Return)
    assert desk.hub.of_kind(ev.UnitDispatched) == []  # …but does not send a unit that cannot go
    assert "cannot be sent" in desk.panel.banner.text()
    desk.key(Qt.Key.Key_F6)
    assert desk.ranked()[0] == "PG-2"


def test_soon_free_units_are_listed_but_not_sent(desk: Desk) -> None:
    desk.hub.report("PG-1", ev.StatusReport(status=UnitStatus.UNAVAILABLE))
    desk.call()
    rows = desk.panel.recommendations.rows()
    assert rows[-1].unit == "PG-1" and not rows[-1].available
    desk.key(getattr(Qt.Key, f"Key_{len(rows)}"))
    assert desk.hub.of_kind(ev.UnitDispatched) == []


def test_timers_turn_amber_then_red(desk: Desk) -> None:
    desk.call(kind="robbery", priority=1)  # P1: dispatch within 60 s
    desk.tick(47)
    assert desk.panel.timers.levels[0] is Level.OK
    assert "0:47" in desk.panel.timers.boxes[0].text()
    desk.tick(1)
    assert desk.panel.timers.levels[0] is Level.WARNING
    desk.tick(13)
    assert desk.panel.timers.levels[0] is Level.OVERDUE
    desk.key(Qt.Key.Key_Return)  # dispatched at last: the dispatch timer stops, the arrival one runs
    desk.answered()
    desk.tick(1)
    assert desk.panel.timers.levels == [Level.OVERDUE, Level.OK, Level.PENDING]


def test_f7_transfers_a_non_police_incident_with_a_required_reason(desk: Desk) -> None:
    desk.call(kind="noise", priority=4, category=Category.NON_POLICE, department="environment")
    assert desk.panel.department.isVisible()
    desk.key(Qt.Key.Key_F7)
    dialog = desk.dialog()
    assert dialog.value == "environment"
    desk.key(Qt.Key.Key_Tab)  # from the department to the reason
    desk.key(Qt.Key.Key_Return)
    assert dialog.reason_error.isVisible()
    assert desk.hub.of_kind(ev.IncidentReferred) == []
    assert desk.panel.active_dialog is dialog
    desk.type("夜间施工噪音")
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    [referred] = desk.hub.of_kind(ev.IncidentReferred)
    assert (referred.department, referred.reason) == ("environment", "夜间施工噪音")  # type: ignore[attr-defined]
    assert desk.hub.state.incidents[INCIDENT].status is IncidentStatus.REFERRED
    assert not desk.panel.banner.is_error


def test_actions_that_do_not_apply_do_nothing_and_say_nothing(desk: Desk) -> None:
    desk.call()
    assert not desk.panel.buttons["transfer"].isVisibleTo(desk.panel)  # police business: no transfer
    assert not desk.panel.buttons["recall"].isEnabled()  # nobody to recall yet
    desk.key(Qt.Key.Key_F7)
    desk.key(Qt.Key.Key_F8)
    assert desk.panel.active_dialog is None
    assert not desk.panel.banner.isVisible()
    desk.panel.show_incident("")
    for key in (Qt.Key.Key_F5, Qt.Key.Key_F6, Qt.Key.Key_F9):
        desk.key(key)
    assert desk.panel.active_dialog is None and not desk.panel.banner.isVisible()
    assert desk.hub.commands == []  # nothing was sent


def test_a_read_only_desk_disables_every_action_and_says_why(desk: Desk) -> None:
    desk.call()
    desk.panel.set_read_only("supervisor: read-only")
    assert not any(button.isEnabled() for button in desk.panel.buttons.values())
    assert desk.panel.buttons["dispatch"].toolTip() == "supervisor: read-only"
    desk.key(Qt.Key.Key_Return)
    desk.key(Qt.Key.Key_F9)
    assert desk.hub.of_kind(ev.UnitDispatched) == [] and desk.panel.active_dialog is None


def test_f8_recalls_the_unit_and_it_is_proposed_again(desk: Desk) -> None:
    desk.call()
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    desk.key(Qt.Key.Key_F8)
    assert desk.dialog().value == "PG-1"
    desk.key(Qt.Key.Key_Tab)
    desk.type("wrong address")
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    assert desk.hub.state.units["PG-1"].status is UnitStatus.AVAILABLE
    assert desk.hub.state.incidents[INCIDENT].status is IncidentStatus.NEW
    assert desk.ranked()[0] == "PG-1"
    assert desk.assigned()["天河巡01组"].startswith("Recalled")


def test_f9_with_units_on_the_incident_recalls_them_and_closes_in_one_step(desk: Desk) -> None:
    desk.call()
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    desk.key(Qt.Key.Key_F9)
    dialog = desk.dialog()
    assert dialog.value == "resolved"
    assert dialog.option.isChecked() and "天河巡01组" in dialog.option.text()
    desk.key(Qt.Key.Key_Tab)
    desk.type("已劝离")
    desk.key(Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: desk.hub.state.incidents[INCIDENT].status is IncidentStatus.CLOSED)
    [recalled] = desk.hub.of_kind(ev.UnitRecalled)
    assert recalled.unit == "PG-1"  # type: ignore[attr-defined]
    [closed] = desk.hub.of_kind(ev.IncidentClosed)
    assert (closed.disposition, closed.reason) == ("resolved", "已劝离")  # type: ignore[attr-defined]
    assert desk.hub.state.units["PG-1"].status is UnitStatus.AVAILABLE


def test_f9_without_recalling_is_refused_by_name_and_the_note_is_kept(desk: Desk) -> None:
    desk.call()
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    desk.key(Qt.Key.Key_F9)
    dialog = desk.dialog()
    dialog.option.setChecked(False)
    desk.key(Qt.Key.Key_Tab)
    desk.type("嫌疑人已移交")
    desk.key(Qt.Key.Key_Return)
    desk.answered()
    assert desk.panel.banner.is_error and "天河巡01组" in desk.panel.banner.text()
    assert desk.hub.state.incidents[INCIDENT].status is IncidentStatus.DISPATCHED
    desk.key(Qt.Key.Key_F9)
    assert desk.dialog().reason.text() == "嫌疑人已移交"  # what was typed is not lost
    for report in (ev.DispatchAck(incident=INCIDENT), ev.Arrival(incident=INCIDENT),
                   ev.Clearance(incident=INCIDENT, result="resolved")):
        desk.hub.report("PG-1", report)
    assert not desk.panel.banner.isVisible()  # the refusal no longer applies
    desk.key(Qt.Key.Key_Escape)
    desk.key(Qt.Key.Key_F9)
    dialog = desk.dialog()
    assert not dialog.option.isVisible()  # nobody left to recall
    desk.key(Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: desk.hub.state.incidents[INCIDENT].status is IncidentStatus.CLOSED)
    assert desk.hub.state.incidents[INCIDENT].disposition == "resolved"


def test_escape_cancels_a_dialog_without_sending(desk: Desk) -> None:
    desk.call()
    desk.key(Qt.Key.Key_F9)
    desk.dialog()
    desk.key(Qt.Key.Key_Escape)
    assert desk.panel.active_dialog is None
    assert desk.hub.of_kind(ev.IncidentClosed) == []


def test_nothing_is_sent_while_replaying_the_past(desk: Desk) -> None:
    desk.call()
    desk.panel._model.set_replay(True)
    desk.key(Qt.Key.Key_Return)
    desk.key(Qt.Key.Key_F9)
    assert desk.hub.of_kind(ev.UnitDispatched) == [] and desk.panel.active_dialog is None
    assert not desk.panel.buttons["dispatch"].isEnabled()  # the window's mode says it is a replay


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def test_the_desk_switches_to_chinese_and_back(desk: Desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dispatch_desktop.ui.i18n import LanguageManager

    desk.call(kind="knife_attack", priority=1)
    english = desk.panel.buttons["dispatch"].text()
    manager = LanguageManager(cache_dir=tmp_path)
    try:
        assert manager.set_language("zh_CN")
        assert _has_chinese(desk.panel.buttons["dispatch"].text())
        assert _has_chinese(desk.panel.recommendations.headerData(1, Qt.Orientation.Horizontal))
        assert _has_chinese(desk.panel.recommendations.index(0, 7).data())  # the reason, too
        assert _has_chinese(desk.panel.timers.boxes[0].text())
    finally:
        manager.uninstall()
    desk.qtbot.waitUntil(lambda: desk.panel.buttons["dispatch"].text() == english)
