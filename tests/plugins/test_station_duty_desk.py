"""The station duty plugin in a real desk (the installed distribution on an in-process hub), as a
dispatcher meets it: its panels and layer, the incident's station on duty in the dispatch panel, the duty
leader's number on one key, a roster edited on one desk and found again from the log by a later one."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from dispatch_desktop.extensions.discovery import Discovered, discover
from tests.ui.live_desk import DeskFactory, Keyboard
from tests.ui.plugin_kit import failures
from tests.ui.test_desk_behaviour import _robbery

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def station_duty() -> list[Discovered]:
    found = [plugin for plugin in discover() if plugin.id == "station_duty"]
    assert len(found) == 1 and found[0].loadable, found
    return found


def test_the_plugin_loads_its_panels_layer_and_shows_the_station_on_duty_for_the_incident(
        qtbot, make_desk: DeskFactory, station_duty: list[Discovered]) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN", plugins=station_duty)
    window = desk.window
    assert [(f.what, f.message) for f in failures(desk, "station_duty")] == []
    for panel in ("station_duty.roster", "station_duty.responsibilities", "station_duty.load"):
        assert window.dock(panel).windowTitle()
    assert window.dock("station_duty.roster").windowTitle() == "值班表"
    assert "station_duty.load" in window.layer_menu.layer_actions
    created = desk.send(_robbery("J-duty-1", int(time.time() * 1000)))
    qtbot.waitUntil(lambda: "J-duty-1" in window.city_model.state.incidents, timeout=10_000)
    assert created.result().accepted
    window.selection.select_incident("J-duty-1")
    action = desk.incident_actions.qaction("station_duty.call_duty_leader")
    qtbot.waitUntil(action.isEnabled, timeout=5_000)
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    dialled: list[str] = []

    class Phone(QObject):
        """The softphone a tel: link is handed to."""

        @Slot(QUrl)
        def dial(self, url: QUrl) -> None:
            dialled.append(url.toString())

    phone = Phone()
    QDesktopServices.setUrlHandler("tel", phone, "dial")
    try:
        action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    number = QGuiApplication.clipboard().text()
    assert number and number.replace("-", "").isdigit()
    assert dialled == [f"tel:{number}"]
    assert failures(desk, "station_duty") == []


def test_the_triage_advice_appears_as_the_call_is_typed_and_one_key_takes_it(
        qtbot, make_desk: DeskFactory, station_duty: list[Discovered]) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN", plugins=station_duty)
    intake, keys = desk.intake, Keyboard(qtbot, desk)
    desk.window.activateWindow()
    keys.press(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: intake.isAncestorOf(keys.focus()))
    keys.type("13800138000")
    for _ in range(2):
        keys.press(Qt.Key.Key_Tab)
    keys.type("天河区")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)
    keys.type("theft")
    keys.press(Qt.Key.Key_Return)
    intake.description.setFocus()
    keys.type("楼下路口有人摆摊卖水果，把人行道都堵住了")
    # The word segmenter loads on a thread of its own at start: the advice comes once it is ready.
    qtbot.waitUntil(lambda: (intake.advice.ask(), intake.advice.offered is not None)[1], timeout=20_000)
    advice = intake.advice.text.toolTip()
    assert intake.advice.isVisible() and "城管" in advice and "摆摊" in advice
    keys.press(Qt.Key.Key_F4)
    with qtbot.waitSignal(intake.incidentCreated, timeout=15_000) as created:
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    model = desk.window.city_model
    qtbot.waitUntil(lambda: created.args[0] in model.state.incidents, timeout=10_000)
    incident = model.state.incidents[created.args[0]]
    assert (incident.category.value, incident.department) == ("non_police", "city_management")
    assert failures(desk, "station_duty") == []
