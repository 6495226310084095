"""The emergency plans plugin in a real desk (the installed distribution on an in-process hub), as the
issue's done-when reads: a knife attack at Guangzhou Railway Station is suggested its plan, one key
activates it, the plan's forces head the dispatch list, the rapid-response team's own arrival ticks its
step without a click, an unmet step goes overdue into the alerts panel, a second workstation on the same
hub folds the same checklist, and so does a replay of the stored log."""

from __future__ import annotations

import queue
from pathlib import Path

import pytest
from emergency_plans.checklist import StepState, StepView
from emergency_plans.desk_model import PlansModel, model_for
from emergency_plans.plan_actions import open_dialog
from emergency_plans.plan_chooser import PlanChooser
from emergency_plans.plan_loading import load_plans
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from dispatch_desktop.api import AppliedEvent, Category, UnitStatus
from dispatch_desktop.app import Desk
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.extensions.discovery import Discovered, discover
from tests.plugins.emergency_plans_fake_desk import PlansDesk
from tests.ui.live_desk import DeskFactory, Handset, Keyboard
from tests.ui.plugin_kit import failures

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]

STATION_LAT, STATION_LON = 23.150, 113.254  # 广州站, the place the plan's trigger names
INCIDENT = "J20261207-ws-e2e-506"
PLAN = "railway_knife_attack_guangzhou_station"
TITLE = "Knife attack at Guangzhou Railway Station"
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


@pytest.fixture(scope="module")
def emergency_plans() -> list[Discovered]:
    found = [plugin for plugin in discover() if plugin.id == "emergency_plans"]
    assert len(found) == 1 and found[0].loadable, found
    return found


def _on_duty(qtbot, desk: Desk, kind: str, count: int) -> list[Handset]:  # type: ignore[no-untyped-def]
    """``count`` units of ``kind`` on duty, available, a few hundred metres north of the station."""
    city = desk.services.city
    assert city is not None
    handsets = [Handset(desk, unit.id) for unit in [u for u in city.units if u.kind == kind][:count]]
    for n, handset in enumerate(handsets):
        handset.on_duty_at(qtbot, desk, STATION_LAT + 0.002 * (n + 1), STATION_LON)
    return handsets


class SecondDesk:
    """Another workstation on the same hub, folding what the hub publishes into its own plans model."""

    def __init__(self, desk: Desk) -> None:
        assert desk.services.endpoints is not None and desk.services.city is not None
        self.desk = PlansDesk(city=desk.services.city)
        self.model = PlansModel(self.desk, load_plans(desk.services.city, None, "Asia/Shanghai"))  # type: ignore[arg-type]
        self.heard: queue.Queue[tuple[object, list[tuple[int, ev.Envelope]]]] = queue.Queue()
        self.client = WorkstationClient("ws-second", command_endpoint=desk.services.endpoints.workstation,
                                        publish_endpoint=desk.services.endpoints.publish,
                                        context=desk.services.context,
                                        on_state=lambda state, published: self.heard.put((state, published or [])))
        self.client.start()
        assert self.client.wait_synced(20)

    def pump(self) -> None:
        """What the hub published so far, applied here on the GUI thread as a desk applies it."""
        while not self.heard.empty():
            state, published = self.heard.get()
            self.desk.state = state  # type: ignore[assignment]
            for gseq, envelope in published:
                self.desk.deliver(AppliedEvent(gseq, envelope))


def test_a_knife_attack_at_the_railway_station_is_worked_through_its_plan(
        qtbot, make_desk: DeskFactory, emergency_plans: list[Discovered], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("en", plugins=emergency_plans)
    window, city_model = desk.window, desk.window.city_model
    assert [(f.what, f.message) for f in failures(desk, "emergency_plans")] == []
    assert window.dock("emergency_plans.checklist").windowTitle() == "Plan checklist"
    assert "emergency_plans.forces" in window.layer_menu.layer_actions
    plugin_desk = desk.plugins.host.plugins["emergency_plans"].desk
    assert plugin_desk is not None
    model = model_for(plugin_desk)
    qtbot.waitUntil(lambda: len(model.plans()) == 11, timeout=10_000)  # read off the GUI thread
    second = SecondDesk(desk)
    rapid = _on_duty(qtbot, desk, "rapid", 1)
    patrols = _on_duty(qtbot, desk, "patrol", 2)
    station_cars = _on_duty(qtbot, desk, "station", 1)
    try:
        # The knife attack is reported; the dispatch panel suggests the plan and names the key.
        desk.send(ev.IncidentCreated(
            incident=INCIDENT, call_time=city_model.now_ms(), caller_number="13600000000", lat=STATION_LAT,
            lon=STATION_LON, address="广州火车站广场", district="440104", station="S-440104-14",
            incident_type="knife_attack", priority=1, category=Category.POLICE, description="有人持刀砍人"))
        qtbot.waitUntil(lambda: INCIDENT in city_model.state.incidents, timeout=10_000)
        window.selection.select_incident(INCIDENT)
        line = desk.dispatch.findChild(QLabel, "emergency_plans_suggestion")
        assert line is not None
        qtbot.waitUntil(line.isVisible, timeout=5_000)
        assert line.text() == f"Plan suggested: {TITLE} — Ctrl+Shift+P activates"

        # One key activates it; every desk hears it from the hub.
        action = desk.incident_actions.qaction("emergency_plans.activate_suggested")
        assert action.shortcut().toString() == "Ctrl+Shift+P"
        qtbot.waitUntil(action.isEnabled, timeout=5_000)
        keys = Keyboard(qtbot, desk)
        window.activateWindow()
        window.map_view.setFocus()
        keys.press(Qt.Key.Key_P, CTRL | SHIFT)
        qtbot.waitUntil(lambda: bool(model.activations(INCIDENT)), timeout=10_000)
        [activation] = model.activations(INCIDENT)
        assert activation.plan == PLAN and activation.active
        assert any(envelope.body.kind == "plugin_event" for _gseq, envelope in desk.services.store.read())  # type: ignore[union-attr]
        # Active now: no longer suggested; the next plan the incident matches is.
        qtbot.waitUntil(lambda: TITLE not in line.text(), timeout=5_000)
        assert [plan.id for plan in model.suggestions(INCIDENT)] == ["violent_incident_citywide"]
        window.language_actions["zh_CN"].trigger()  # the plugin's catalogue: the line reads in Chinese
        assert line.text() == "提示预案：暴力恐怖及个人极端事件通用处置预案 — 按 Ctrl+Shift+P 启动"
        window.language_actions["en"].trigger()

        # The plan's forces head the dispatch list, marked; Ctrl+F5 sends them all.
        rows = [(r.unit, r.required) for r in desk.dispatch.recommendations.rows()]
        required = {unit for unit, is_required in rows if is_required}
        assert rows[0] == (rapid[0].unit, True)
        assert required == {rapid[0].unit, patrols[0].unit, patrols[1].unit, station_cars[0].unit}
        first = desk.dispatch.recommendations
        assert first.data(first.index(0, first.COLUMNS.index("reason"))).startswith(f"Required: {TITLE}")
        keys.press(Qt.Key.Key_F5, CTRL)
        qtbot.waitUntil(lambda: all(city_model.state.units[u].status is UnitStatus.DISPATCHED for u in required),
                        timeout=15_000)

        def state_of(step: str) -> StepState:
            return next(view.state for view in model.view(activation.id) if view.step.id == step)

        # The dispatches ticked their steps; the team's own acknowledgement and arrival tick theirs.
        qtbot.waitUntil(lambda: state_of("patrols_dispatched") is StepState.DONE, timeout=5_000)
        assert state_of("rapid_team_dispatched") is StepState.DONE
        team = rapid[0]
        team.pump_until(qtbot, lambda: INCIDENT in team.orders)
        team.client.report(ev.DispatchAck(incident=INCIDENT))
        team.client.report(ev.Arrival(incident=INCIDENT))
        team.pump_until(qtbot, lambda: state_of("rapid_team_on_scene") is StepState.DONE)
        [arrival] = [view for view in model.view(activation.id) if view.step.id == "rapid_team_on_scene"]
        assert arrival.tick is not None and not arrival.tick.manual
        assert (arrival.tick.mark.kind, arrival.tick.mark.unit) == ("arrival", team.unit)

        # Nobody tells the railway police: 3 minutes after the activation the step is overdue, in the alerts.
        started = plugin_desk.now_ms()
        plugin_desk.now_ms = lambda: started + 4 * 60_000  # type: ignore[method-assign]
        key = f"plugin:emergency_plans:{activation.id}/railway_police_informed"
        alerts = window.alerts_model
        qtbot.waitUntil(lambda: alerts.row_of(key) is not None, timeout=5_000)  # the plugin's one-second clock
        row = alerts.row_of(key)
        texts = [alerts.data(alerts.index(row, column)) for column in range(alerts.columnCount())]
        assert texts[1] == "Plan step overdue" and texts[3].startswith(f"{TITLE}: ")
        assert state_of("railway_police_informed") is StepState.OVERDUE
        # Its escalation is recorded once, and comes back from the hub like any event (not at once).
        qtbot.waitUntil(lambda: any(view.escalated is not None for view in model.view(activation.id)),
                        timeout=10_000)

        # A second workstation on the hub folds the same checklist; so does a replay of the stored log.
        now = plugin_desk.now_ms()
        second.desk.clock = now
        qtbot.waitUntil(lambda: (second.pump(), second.model.view(activation.id) == model.view(activation.id))[1],
                        timeout=10_000)
        store = desk.services.store
        assert store is not None

        def replayed() -> list[StepView]:
            """The stored log folded again through a fresh model (an escalation may still be on its way)."""
            replay = PlansDesk(city=desk.services.city)
            fresh = PlansModel(replay, second.model.loaded_plans())  # type: ignore[arg-type]
            replay.apply(*(AppliedEvent(gseq, envelope) for gseq, envelope in store.read()))
            replay.clock = now
            return fresh.view(activation.id)

        qtbot.waitUntil(lambda: replayed() == model.view(activation.id), timeout=10_000)

        # The report, exported from the incident's action, as a web page.
        desk.incident_actions.qaction("emergency_plans.export_report").trigger()
        dialog = open_dialog(plugin_desk)
        assert isinstance(dialog, QFileDialog)
        target = tmp_path / "knife-attack-report.html"
        dialog.fileSelected.emit(str(target))
        assert TITLE in target.read_text(encoding="utf-8")

        # "Activate a plan…" lists every plan, filtered as one types.
        desk.incident_actions.qaction("emergency_plans.choose_plan").trigger()
        chooser = open_dialog(plugin_desk)
        assert isinstance(chooser, PlanChooser)
        assert len(chooser.shown_plans()) == 11 and chooser.shown_plans()[0] != PLAN  # already active: not ★
        qtbot.keyClicks(chooser.filter, "south")
        assert chooser.shown_plans() == ["railway_knife_attack_guangzhou_south"]
        chooser.filter.setText("广州火车站")  # the plan already active: refused in the dialog, which stays
        assert chooser.shown_plans() == [PLAN]
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
        assert chooser.isVisible() and not chooser.error.isHidden()
        assert chooser.error.text() == f"The plan “{TITLE}” is already active on incident {INCIDENT}."
        chooser.reject()
        assert failures(desk, "emergency_plans") == []
    finally:
        second.client.stop()
        for handset in (*rapid, *patrols, *station_cars):
            handset.client.close()
