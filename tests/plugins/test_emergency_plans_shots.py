"""The plan checklist and the plan's forces in a real desk, for a person to look at: with PLAN_SHOTS=DIR,
grabs of the whole window in Chinese and English at 1920×1080 and 1366×768 (the checklist with a step
overdue, one amber and one ticked; the force points, routes and cordon on the map) go to DIR. Without it the
test is skipped: grabs are not asserted on, a person looks at them.

    PLAN_SHOTS=/tmp/shots .venv/bin/pytest -q tests/plugins/test_emergency_plans_shots.py
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from emergency_plans.checklist_panel import ChecklistPanel
from emergency_plans.desk_model import model_for

from dispatch_desktop.api import Category
from dispatch_desktop.domain import events as ev
from dispatch_desktop.extensions.discovery import discover
from tests.ui.live_desk import DeskFactory

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300),
              pytest.mark.skipif(not os.environ.get("PLAN_SHOTS"), reason="set PLAN_SHOTS=DIR to take the grabs")]

PLAN = "railway_knife_attack_guangzhou_station"
SIZES = ((1920, 1080), (1366, 768))


def knife_attack(incident: str, call_time: int) -> ev.IncidentCreated:
    return ev.IncidentCreated(incident=incident, call_time=call_time, caller_number="13800138000", lat=23.1497,
                              lon=113.2545, address="广州火车站站前广场", district="440104", station="",
                              incident_type="knife_attack", priority=1, category=Category.POLICE,
                              description="站前广场有人持刀砍人，多人受伤")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_grab_the_checklist_and_the_forces(qtbot, make_desk: DeskFactory, language: str) -> None:  # type: ignore[no-untyped-def]
    folder = Path(os.environ["PLAN_SHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    plugin = [found for found in discover() if found.id == "emergency_plans"]
    desk = make_desk(language, plugins=plugin)
    window = desk.window
    panel = window.dock("emergency_plans.checklist").widget()
    assert isinstance(panel, ChecklistPanel)
    model = model_for(panel._desk)
    model.wait_for_library()
    incident = f"J-plan-{language}"
    # Called 100 s ago: "dispatch the team within 1 min of the call" is overdue, "patrols within 2 min" amber.
    desk.send(knife_attack(incident, int(time.time() * 1000) - 100_000))
    qtbot.waitUntil(lambda: incident in window.city_model.state.incidents, timeout=10_000)
    window.selection.select_incident(incident)
    model.activate(incident, PLAN)
    qtbot.waitUntil(lambda: bool(model.activations(incident)), timeout=10_000)
    activation = model.activations(incident)[0].id
    model.tick(activation, "railway_police_informed")
    qtbot.waitUntil(lambda: any(v.tick for v in model.view(activation)), timeout=10_000)
    window.dock("emergency_plans.checklist").raise_()
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.wait(1500)  # the map page redraws at the new size
        window.map_view.bridge.center_on(23.1497, 113.2535, 16)
        qtbot.wait(2000)  # the map moves; the countdown moves on
        assert window.grab().save(str(folder / f"plans-{language}-{width}x{height}.png"))
    panel.grab().save(str(folder / f"plans-panel-{language}.png"))
