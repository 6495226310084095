"""The "Plan checklist" panel against a stand-in desk and model: what a dispatcher sees of the selected
incident's plans (countdowns, colours, who ticked what) and what the keys do."""

from __future__ import annotations

import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from emergency_plans.checklist import StepState
from emergency_plans.checklist_panel import CHOOSE_KEY, STATE_COLOURS, ChecklistPanel
from emergency_plans.checklist_rows import activation_rows, countdown
from emergency_plans.events import PlanDeactivated
from emergency_plans.plan_actions import SUGGESTED_KEY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from tests.plugins.emergency_plans_log import INCIDENT, Log, knife_plan
from tests.plugins.emergency_plans_view_fakes import CALL_SIGNS, FakeDesk, FakeModel, at_s

STEP, DEADLINE = 1, 2


def started() -> Log:
    """The knife attack: the plan activated at 0:30, the rapid-response team dispatched at 0:40."""
    log = Log()
    log.units()
    log.incident(20)
    log.activate(knife_plan(), 30)
    log.dispatch("rrt-1", 40)
    return log


@pytest.fixture
def desk() -> FakeDesk:
    desk = FakeDesk()
    desk.now = at_s(230)  # patrols due at 3:40 (3 min from the first dispatch): late; the team due at 4:00
    return desk


@pytest.fixture
def model(desk: FakeDesk) -> FakeModel:
    return FakeModel(desk, started())


@pytest.fixture
def panel(qtbot, desk: FakeDesk, model: FakeModel) -> ChecklistPanel:  # type: ignore[no-untyped-def]
    widget = ChecklistPanel(desk, model=model)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    desk.selection.select_incident(INCIDENT)
    return widget


def step_item(panel: ChecklistPanel, number: int, activation: int = 0) -> QTreeWidgetItem:
    top = panel.tree.topLevelItem(activation)
    assert top is not None
    item = top.child(number - 1)
    assert item is not None
    return item


def colour(item: QTreeWidgetItem) -> str:
    return str(item.background(STEP).color().name()) if item.background(STEP).style() != Qt.BrushStyle.NoBrush else ""


def press(qtbot, panel: ChecklistPanel, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, key)


def test_the_panel_follows_the_selected_incident_and_says_what_to_do_without_one(
        qtbot, desk: FakeDesk, model: FakeModel) -> None:  # type: ignore[no-untyped-def]
    panel = ChecklistPanel(desk, model=model)
    qtbot.addWidget(panel)
    assert panel.message.text() == "Select an incident to see the checklists of its plans."
    assert panel.tree.topLevelItemCount() == 0
    desk.selection.select_incident(INCIDENT)
    top = panel.tree.topLevelItem(0)
    assert top is not None and panel.message.isHidden()
    assert panel.title.text() == f"Incident {INCIDENT}: 广州火车站广场"
    assert top.text(0) == "Knife attack at a railway station — v3\nactivated 08:00:30 by 王警官 010203"
    assert [step_item(panel, n).text(0) for n in range(1, 9)] == [str(n) for n in range(1, 9)]
    assert step_item(panel, 1).text(STEP).startswith("* Dispatch the rapid-response team\nDispatcher")  # mandatory
    assert step_item(panel, 8).text(STEP) == "Agree the press line\nSupervisor · 30 min from activation"  # optional


def test_each_step_shows_its_countdown_amber_red_or_green_with_the_unit_that_did_it(
        panel: ChecklistPanel) -> None:
    done, arrived, patrols, survey = (step_item(panel, n) for n in (1, 2, 3, 5))
    assert done.text(STEP).endswith(f"✓ 08:00:40 — dispatch of {CALL_SIGNS['rrt-1']}")  # a call sign, not "rrt-1"
    assert colour(done) == STATE_COLOURS[StepState.DONE][0]
    assert (arrived.text(DEADLINE), colour(arrived)) == ("00:10 left", STATE_COLOURS[StepState.AMBER][0])
    assert (patrols.text(DEADLINE), colour(patrols)) == ("+00:10", STATE_COLOURS[StepState.OVERDUE][0])
    assert (survey.text(DEADLINE), colour(survey)) == ("—", "")  # no unit on scene yet: its clock has not started
    assert survey.text(STEP) == "* Scene survey\nUnits on scene · 20 min from the first arrival"


def test_the_countdown_moves_every_second_without_building_the_rows_again(
        panel: ChecklistPanel, desk: FakeDesk) -> None:
    arrived = step_item(panel, 2)
    panel.tree.setCurrentItem(arrived)
    assert panel.countdown.isActive()
    desk.now = at_s(236)
    panel.countdown.timeout.emit()
    assert step_item(panel, 2) is arrived and panel.tree.currentItem() is arrived  # same row, still selected
    assert arrived.text(DEADLINE) == "00:04 left"
    desk.now = at_s(241)
    panel.countdown.timeout.emit()
    assert (arrived.text(DEADLINE), colour(arrived)) == ("+00:01", STATE_COLOURS[StepState.OVERDUE][0])


def test_the_teams_arrival_turns_its_step_green_when_the_model_says_so(
        panel: ChecklistPanel, model: FakeModel, desk: FakeDesk) -> None:
    arrived = step_item(panel, 2)
    model.fold(model.log.arrive("rrt-1", 225))
    assert arrived.text(STEP).endswith(f"✓ 08:03:45 — arrival of {CALL_SIGNS['rrt-1']}")
    assert (arrived.text(DEADLINE), colour(arrived)) == ("", STATE_COLOURS[StepState.DONE][0])


def test_a_number_key_ticks_that_step_and_the_tick_says_who(qtbot, panel: ChecklistPanel,  # type: ignore[no-untyped-def]
                                                            model: FakeModel) -> None:
    press(qtbot, panel, Qt.Key.Key_3)
    assert model.commands == [("tick", "act-1", "patrols_dispatched", "")]
    patrols = step_item(panel, 3)
    assert patrols.text(STEP).endswith("by hand: 王警官 010203 · late by 00:10")
    assert colour(patrols) == STATE_COLOURS[StepState.DONE][0]


def test_enter_ticks_the_selected_step(qtbot, panel: ChecklistPanel, model: FakeModel) -> None:  # type: ignore[no-untyped-def]
    panel.tree.setCurrentItem(step_item(panel, 6))
    press(qtbot, panel, Qt.Key.Key_Return)
    assert model.commands == [("tick", "act-1", "railway_police", "")]


def test_an_untick_asks_why_and_nothing_typed_is_lost(qtbot, panel: ChecklistPanel,  # type: ignore[no-untyped-def]
                                                      model: FakeModel) -> None:
    press(qtbot, panel, Qt.Key.Key_1)  # step 1 was ticked by the team's dispatch
    assert model.commands == [] and panel.editor.isVisible()
    assert "step 1 (Dispatch the rapid-response team)" in panel.editor.question.text()
    assert not panel.editor.confirm.isEnabled()  # no reason yet
    qtbot.keyClicks(panel.editor.reason, "wrong team")
    qtbot.keyClick(panel.editor.reason, Qt.Key.Key_Escape)
    assert panel.editor.isHidden() and model.commands == []
    press(qtbot, panel, Qt.Key.Key_1)
    assert panel.editor.reason.text() == "wrong team"
    qtbot.keyClick(panel.editor.reason, Qt.Key.Key_Return)
    assert model.commands == [("untick", "act-1", "rrt_dispatched", "wrong team")]
    assert panel.editor.isHidden() and colour(step_item(panel, 1)) == STATE_COLOURS[StepState.OVERDUE][0]


def test_the_models_refusal_is_shown_in_the_panel_and_the_reason_typed_stays(
        qtbot, panel: ChecklistPanel, model: FakeModel) -> None:  # type: ignore[no-untyped-def]
    model.refusal = "This desk sends nothing: a supervisor's key."
    press(qtbot, panel, Qt.Key.Key_3)
    assert panel.error.isVisible() and panel.error.text() == model.refusal
    press(qtbot, panel, Qt.Key.Key_1)
    qtbot.keyClicks(panel.editor.reason, "wrong team")
    qtbot.keyClick(panel.editor.reason, Qt.Key.Key_Return)
    assert panel.editor.isVisible() and panel.editor.reason.text() == "wrong team"
    assert model.commands == []
    press(qtbot, panel, Qt.Key.Key_9)
    assert panel.error.text() == "This checklist has no step 9."


def test_without_an_active_plan_the_panel_names_the_key_that_activates_one(
        qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    log = Log()
    log.units()
    log.incident(20)
    model = FakeModel(desk, log)
    panel = ChecklistPanel(desk, model=model)
    qtbot.addWidget(panel)
    desk.selection.select_incident(INCIDENT)
    assert CHOOSE_KEY in panel.message.text() and panel.tree.isHidden()
    model.suggested = [knife_plan()]
    model.changed()
    assert panel.message.text() == (f"No plan active for this incident — {SUGGESTED_KEY} activates the "
                                    "suggested one: Knife attack at a railway station.")


def test_a_plan_stood_down_is_greyed_and_stops_counting(panel: ChecklistPanel, model: FakeModel) -> None:
    model.fold(model.log.own(PlanDeactivated(activation="act-1", by="李值班长"), 232))
    top = panel.tree.topLevelItem(0)
    assert top is not None and "ended 08:03:52 by 李值班长" in top.text(0)
    patrols = step_item(panel, 3)
    assert patrols.text(DEADLINE) == "—" and colour(patrols) == ""
    assert patrols.foreground(STEP).color().name() == "#8a8a8a"
    assert not panel.countdown.isActive()


def test_the_steps_read_in_the_desks_language(qtbot, panel: ChecklistPanel,  # type: ignore[no-untyped-def]
                                              desk: FakeDesk) -> None:
    desk.set_language("zh_CN", {"{title} — v{version}": "{title}（第 {version} 版）"})
    top = panel.tree.topLevelItem(0)
    assert top is not None and top.text(0).startswith("火车站持刀伤人处置预案（第 3 版）")
    assert step_item(panel, 1).text(STEP).startswith("* 派羊城突击队\n")


def test_rows_count_down_to_the_second_and_never_show_zero_left_before_overdue() -> None:
    model = FakeModel(FakeDesk(), started())
    activation = model.checklists.activation("act-1")
    assert activation is not None
    views = model.checklists.view("act-1", at_s(239.5))
    assert countdown(views[1], at_s(239.5), str) == "{time} left".format(time="00:01")
    assert countdown(views[1], at_s(240), str) == "+00:00"
    rows = activation_rows(activation, views, tr=str, language="en", zone=ZoneInfo("Asia/Shanghai"),
                           now_ms=at_s(239.5), stopped=True, unit_name=str)
    assert [row.countdown for row in rows.steps] == [""] * 8  # a stopped checklist shows no clock


def test_a_panel_behind_another_tab_does_no_work_and_is_up_to_date_when_shown(
        panel: ChecklistPanel, desk: FakeDesk) -> None:
    arrived = step_item(panel, 2)
    panel.hide()
    desk.now = at_s(236)
    panel.countdown.timeout.emit()
    assert arrived.text(DEADLINE) == "00:10 left"
    panel.show()
    assert arrived.text(DEADLINE) == "00:04 left"


def test_the_keys_the_empty_state_names_are_the_manifests() -> None:
    manifest = Path(__import__("emergency_plans").__file__).parent / "dispatch_plugin.toml"
    keys = {action["id"]: action.get("key") for action in tomllib.loads(manifest.read_text())["incident_actions"]}
    assert keys["emergency_plans.activate_suggested"] == SUGGESTED_KEY
    assert keys["emergency_plans.choose_plan"] == CHOOSE_KEY
