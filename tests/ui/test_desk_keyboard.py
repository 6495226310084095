"""A standard 110 call on the real desk, from the keyboard alone, counting the keys: the call rings with
its number and location, F2 answers it, the place is typed in pinyin initials, the type in English,
and the nearest unit is dispatched — in at most 20 keystrokes (32–34 before calls came with their
number and places could be found by pinyin)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.domain.enums import IncidentOrigin, UnitStatus
from tests.ui.live_desk import DeskFactory, Handset, Keyboard, Phone

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]

CTRL = Qt.KeyboardModifier.ControlModifier
KEY_BUDGET = 20


def test_a_standard_call_from_ringing_to_dispatched_takes_at_most_20_keys(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("zh_CN")
    city = desk.services.city
    assert city is not None
    place = next(p for p in city.gazetteer if p.name == "广州东站")
    model = desk.window.city_model
    unit = next(u for u in city.units if u.kind == "patrol" and city.station(u.station).district == "440106")
    handset = Handset(desk, unit.id)
    phone = Phone(desk)
    try:
        handset.on_duty_at(qtbot, desk, place.lat + 0.003, place.lon)
        call = phone.ring("13800138000", place.lat + 0.004, place.lon + 0.002, accuracy_m=800)
        qtbot.waitUntil(lambda: call in model.state.calls, timeout=10_000)

        keys = Keyboard(qtbot, desk)
        desk.window.activateWindow()
        desk.window.map_view.setFocus()
        keys.press(Qt.Key.Key_F2)  # answers the ringing call: number and approximate place come with it
        qtbot.waitUntil(lambda: desk.intake.call == call, timeout=10_000)
        assert desk.intake.caller_number.text() == "13800138000"
        assert keys.focus() is desk.intake.location
        keys.type("gzdz")  # 广州东站, by its pinyin initials
        keys.press(Qt.Key.Key_Return)
        assert desk.intake.resolved_location is not None
        assert desk.intake.location.text() == "广州东站"
        keys.press(Qt.Key.Key_Tab)
        keys.type("fight")
        keys.press(Qt.Key.Key_Return)
        with qtbot.waitSignal(desk.intake.incidentCreated, timeout=15_000) as created:
            keys.press(Qt.Key.Key_Return, CTRL)
        incident_id = created.args[0]
        qtbot.waitUntil(lambda: desk.dispatch.highlighted_unit() == unit.id, timeout=10_000)
        with qtbot.waitSignal(desk.dispatch.dispatched, timeout=15_000):
            keys.press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: model.state.units[unit.id].status is UnitStatus.DISPATCHED, timeout=10_000)
    finally:
        phone.close()
        handset.client.close()

    assert keys.count <= KEY_BUDGET, f"{keys.count} keys from F2 to dispatched"
    incident = model.state.incidents[incident_id]
    assert (incident.call, incident.origin, incident.caller_number) == (call, IncidentOrigin.CALL, "13800138000")
    assert incident.created_by == "张伟 012345"  # who took it
    assert call not in model.state.calls  # the call became this incident
    assert [e.operator for e in incident.timeline] == ["张伟 012345", "张伟 012345"]
    assert desk.window.dock("dispatch").isVisible()  # the dispatch panel came up after the incident was made
