"""The whole desk as ``dispatch-desktop run`` builds it, against a real in-process hub and store:
a 110 call taken and dispatched with the keyboard alone, the unit answering over the bus from the
field, and a second workstation on the same hub seeing all of it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import threading

import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.app import Desk
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentStatus, UnitStatus
from dispatch_desktop.domain.state import State
from tests.ui.live_desk import DeskFactory, Handset, Keyboard

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def desk(make_desk: DeskFactory) -> Desk:
    return make_desk("zh_CN")


def test_call_to_closed_incident_by_keyboard_over_the_real_hub_seen_by_a_second_desk(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    assert desk.services.endpoints is not None
    second_states: list[State] = []
    seen = threading.Event()

    def on_state(state: State, _changed: object) -> None:
        second_states.append(state)
        seen.set()

    second = WorkstationClient("ws-second", command_endpoint=desk.services.endpoints.workstation,
                               publish_endpoint=desk.services.endpoints.publish, context=desk.services.context,
                               on_state=on_state)
    second.start()
    try:
        assert second.wait_synced(20)
        model = desk.window.city_model
        keys = Keyboard(qtbot, desk)
        city = desk.services.city
        assert city is not None

        # A patrol group of a 天河区 station logs on from its handset and reports where it is.
        tianhe = next(u for u in city.units if u.kind == "patrol" and city.station(u.station).district == "440106")
        handset = Handset(desk, tianhe.id)
        handset.on_duty_at(qtbot, desk, tianhe.lat, tianhe.lon)

        # F2 from wherever the focus is; caller, place from the gazetteer, type, then Ctrl+Enter.
        desk.window.activateWindow()
        desk.window.map_view.setFocus()
        keys.press(Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: desk.intake.isAncestorOf(keys.focus()))
        keys.type("13800138000")
        keys.press(Qt.Key.Key_Tab)
        keys.press(Qt.Key.Key_Tab)
        keys.type("天河区")
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_Tab)
        keys.type("robbery")
        keys.press(Qt.Key.Key_Return)
        with qtbot.waitSignal(desk.intake.incidentCreated, timeout=15_000) as created:
            keys.press(Qt.Key.Key_Return, CTRL)
        incident_id = created.args[0]
        qtbot.waitUntil(lambda: incident_id in model.state.incidents, timeout=10_000)
        assert model.state.incidents[incident_id].district == "440106"  # 天河区

        # The recommendation list has the keyboard, the only unit on duty on top; Enter sends it.
        qtbot.waitUntil(lambda: desk.dispatch.highlighted_unit() == tianhe.id, timeout=10_000)
        unit_id = tianhe.id
        with qtbot.waitSignal(desk.dispatch.dispatched, timeout=15_000):
            keys.press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: model.state.units[unit_id].status is UnitStatus.DISPATCHED, timeout=10_000)

        # The second desk sees the incident and the dispatch (well within a second on one machine).
        qtbot.waitUntil(lambda: bool(second_states) and second_states[-1].units[unit_id].incident == incident_id,
                        timeout=5_000)

        # The unit's handset gets the order, acknowledges, arrives and clears.
        try:
            handset.pump_until(qtbot, lambda: incident_id in handset.orders)
            handset.client.report(ev.DispatchAck(incident=incident_id))
            handset.pump_until(qtbot, lambda: model.state.units[unit_id].status is UnitStatus.EN_ROUTE)
            handset.client.report(ev.Arrival(incident=incident_id))
            handset.pump_until(qtbot, lambda: model.state.incidents[incident_id].status is IncidentStatus.ON_SCENE)
            handset.client.report(ev.Clearance(incident=incident_id, result="resolved", summary="已处置"))
            handset.pump_until(qtbot, lambda: model.state.incidents[incident_id].status is IncidentStatus.CLEARED)
        finally:
            handset.client.close()

        # F9, a disposition note, Enter: closed, on both desks.
        desk.dispatch.show_incident(incident_id)
        keys.press(Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: desk.dispatch.active_dialog is not None, timeout=5_000)
        qtbot.waitUntil(lambda: desk.dispatch.active_dialog.isAncestorOf(keys.focus()), timeout=5_000)
        keys.press(Qt.Key.Key_Tab)
        keys.type("嫌疑人已移交")
        keys.press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: model.state.incidents[incident_id].status is IncidentStatus.CLOSED, timeout=10_000)
        qtbot.waitUntil(lambda: second_states[-1].incidents[incident_id].status is IncidentStatus.CLOSED,
                        timeout=5_000)
        assert [e.kind for e in model.state.incidents[incident_id].timeline] == [
            "incident_created", "unit_dispatched", "dispatch_ack", "arrival", "clearance", "incident_closed"]
    finally:
        second.stop()
