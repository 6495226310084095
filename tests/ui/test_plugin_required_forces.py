"""Plugin API 1.2 on the real desk: a plugin's required forces head the dispatch panel's list, marked,
Ctrl+F5 sends them all, the rows go as the units do, what no free unit can fill is said; a plugin's alert
shows in the alerts panel with its title, picking it selects the incident, clearing takes it away; a
stopped plugin's requirements and alerts go with it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.api import ForceRequirement, UnitKind
from dispatch_desktop.app import Desk
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, UnitStatus
from dispatch_desktop.ui.keymap import key_bindings
from dispatch_desktop.ui.panels.alerts_panel import AlertsPanel
from tests.ui.live_desk import DeskFactory, Handset, Keyboard
from tests.ui.plugin_kit import write_plugin

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]

HOOKS = '''
from dispatch_desktop.api import hookimpl

DESKS = []

@hookimpl
def activate(desk):
    DESKS.append(desk)
'''
LAT, LON = 23.1375, 113.3245  # 天河体育中心
INCIDENT = "J20261207-ws-e2e-1"
PLAN = "Knife attack plan"


def _plugin_desk(plugin_id: str):  # type: ignore[no-untyped-def]
    return __import__(f"{plugin_id}.hooks", fromlist=["DESKS"]).DESKS[-1]


def _on_duty(qtbot, desk: Desk, kind: str, north: list[float]) -> list[str]:  # type: ignore[no-untyped-def]
    """Units of ``kind`` on duty, available, ``north`` degrees north of the incident each."""
    city = desk.services.city
    assert city is not None
    units = [u for u in city.units if u.kind == kind][: len(north)]
    for unit, degrees in zip(units, north, strict=True):
        handset = Handset(desk, unit.id)
        handset.on_duty_at(qtbot, desk, LAT + degrees, LON)
        handset.client.close()
    return [u.id for u in units]


def _incident(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    model = desk.window.city_model
    desk.send(ev.IncidentCreated(incident=INCIDENT, call_time=model.now_ms(), caller_number="13600000000", lat=LAT,
                                 lon=LON, address="天河体育中心", district="440106", station="S-440106-01",
                                 incident_type="knife_attack", priority=1, category=Category.POLICE))
    qtbot.waitUntil(lambda: INCIDENT in model.state.incidents, timeout=10_000)
    desk.window.selection.select_incident(INCIDENT)


def _shoot(desk: Desk, name: str) -> None:
    """With DISPATCH_SHOTS=DIR, the dispatch panel as it looks now, to DIR/<name>.png (for a person to see)."""
    folder = os.environ.get("DISPATCH_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        desk.dispatch.grab().save(str(Path(folder) / f"{name}.png"))


def _rows(desk: Desk) -> list[tuple[str, bool]]:
    return [(r.unit, r.required) for r in desk.dispatch.recommendations.rows()]


def test_required_forces_head_the_list_and_ctrl_f5_sends_them_all(
        qtbot, make_desk: DeskFactory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plugin = write_plugin(tmp_path / "site", "plan", {"hooks": HOOKS})
    desk = make_desk("en", plugins=[plugin])
    rapid = _on_duty(qtbot, desk, "rapid", [0.012, 0.03])
    patrol = _on_duty(qtbot, desk, "patrol", [0.002, 0.004, 0.02])
    _incident(qtbot, desk)
    panel, model = desk.dispatch, desk.window.city_model
    plugin_desk = _plugin_desk(plugin.id)
    ordinary = _rows(desk)
    assert not any(required for _unit, required in ordinary)

    standing = plugin_desk.require_forces(INCIDENT, [ForceRequirement(UnitKind.PATROL_GROUP, 2),
                                                     ForceRequirement(UnitKind.RAPID_RESPONSE),
                                                     ForceRequirement(UnitKind.TRAFFIC)], PLAN)
    # The nearest free rapid-response team first, then the two nearest patrol groups, marked; the rest after.
    rows = _rows(desk)
    assert rows[:3] == [(rapid[0], True), (patrol[0], True), (patrol[1], True)]
    assert rows[3:] and not any(required for _unit, required in rows[3:])
    first = panel.recommendations
    assert first.data(first.index(0, first.COLUMNS.index("reason"))).startswith(f"Required: {PLAN}")
    assert panel.buttons["dispatch_required"].isVisibleTo(panel) and panel.buttons["dispatch_required"].isEnabled()
    # No traffic unit is on duty: said under the list, not dropped.
    assert panel.unmet.isVisibleTo(panel)
    assert panel.unmet.text() == f"Required, but no free unit to send: 1 × Traffic police ({PLAN})"
    assert panel.required_note.text() == f"Required forces first ({PLAN}), in amber: Ctrl+F5 sends them all"
    _shoot(desk, "required_forces_en")
    desk.window.language_actions["zh_CN"].trigger()
    assert first.data(first.index(0, first.COLUMNS.index("reason"))).startswith(f"必需警力：{PLAN}")
    assert panel.unmet.text().startswith("必需警力无空闲单位可派：1 × ")
    _shoot(desk, "required_forces_zh_CN")
    desk.window.language_actions["en"].trigger()

    with pytest.raises(ValueError, match="names PATROL_GROUP twice"):
        plugin_desk.require_forces(INCIDENT, [ForceRequirement(UnitKind.PATROL_GROUP)] * 2, PLAN)
    with pytest.raises(ValueError, match="needs a reason"):
        plugin_desk.require_forces(INCIDENT, [ForceRequirement(UnitKind.PATROL_GROUP)], " ")
    assert _rows(desk) == rows  # a refused call leaves the standing requirement as it was
    standing.cancel()  # stood down: the ordinary ranking again
    assert _rows(desk) == ordinary and not panel.buttons["dispatch_required"].isVisibleTo(panel)

    plugin_desk.require_forces(INCIDENT, [ForceRequirement(UnitKind.RAPID_RESPONSE),
                                          ForceRequirement(UnitKind.PATROL_GROUP, 2)], PLAN)
    [binding] = key_bindings(desk.window, only="Ctrl+F5")  # in the keyboard reference, with what it does
    assert binding.anywhere and "required" in binding.description
    keys = Keyboard(qtbot, desk)
    desk.window.activateWindow()
    desk.window.map_view.setFocus()  # Ctrl+F5 works from anywhere in the window
    keys.press(Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)
    sent = [rapid[0], patrol[0], patrol[1]]
    qtbot.waitUntil(lambda: all(model.state.units[u].status is UnitStatus.DISPATCHED for u in sent), timeout=15_000)
    assert sorted(model.state.incidents[INCIDENT].units) == sorted(sent)
    qtbot.waitUntil(lambda: not any(required for _unit, required in _rows(desk)), timeout=10_000)
    assert not panel.unmet.isVisible()

    # One more rapid-response team than are free: the one there is, and a line for the missing one.
    plugin_desk.require_forces(INCIDENT, [ForceRequirement(UnitKind.RAPID_RESPONSE, 3)], PLAN)
    assert [unit for unit, required in _rows(desk) if required] == [rapid[1]]
    assert panel.unmet.isVisible() and "1 × " in panel.unmet.text() and PLAN in panel.unmet.text()

    desk.plugins.host.stop_plugin(plugin.id)  # a disabled plugin's requirements go with it
    assert not any(required for _unit, required in _rows(desk))
    assert not panel.unmet.isVisible() and not panel.required_note.isVisible()


def test_a_plugins_alert_shows_with_its_title_selects_its_incident_and_goes_when_cleared(
        qtbot, make_desk: DeskFactory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plugin = write_plugin(tmp_path / "site", "planalerts", {"hooks": HOOKS})
    desk = make_desk("en", plugins=[plugin])
    _incident(qtbot, desk)
    desk.window.selection.select_incident("")
    plugin_desk = _plugin_desk(plugin.id)
    alerts = desk.window.alerts_model
    panel = desk.window.dock("alerts").widget()
    assert isinstance(panel, AlertsPanel)

    plugin_desk.raise_alert("step-3", "Step overdue", "Cordon not set 5 min after arrival", incident=INCIDENT)
    key = f"plugin:{plugin.id}:step-3"
    row = alerts.row_of(key)
    assert row is not None
    texts = [alerts.data(alerts.index(row, column)) for column in range(alerts.columnCount())]
    assert texts[1:] == ["Step overdue", f"{INCIDENT} · Knife attack", "Cordon not set 5 min after arrival"]
    first_time = alerts.record(key).time  # type: ignore[union-attr]
    plugin_desk.now_ms = lambda: first_time + 60_000  # raised again a minute later
    plugin_desk.raise_alert("step-3", "Step overdue", "Cordon not set 9 min after arrival", incident=INCIDENT)
    again = alerts.record(key)
    assert again is not None and again.time == first_time and again.message.startswith("Cordon not set 9")

    view_row = panel.proxy.row_of(key)
    assert view_row is not None
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.visualRect(panel.proxy.index(view_row, 2)).center())
    assert desk.window.selection.incident == INCIDENT

    plugin_desk.clear_alert("step-3")
    assert alerts.row_of(key) is None
    with pytest.raises(ValueError, match="needs a key"):
        plugin_desk.raise_alert("", "Step overdue", "no key")
    plugin_desk.raise_alert("plan-wide", "Plan note", "no incident")
    assert alerts.data(alerts.index(alerts.row_of(f"plugin:{plugin.id}:plan-wide"), 2)).startswith("Test plugin")
    desk.plugins.host.stop_plugin(plugin.id)  # a disabled plugin's alerts go with it
    assert alerts.row_of(f"plugin:{plugin.id}:plan-wide") is None
