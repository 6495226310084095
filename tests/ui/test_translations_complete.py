"""A Chinese desk shows no English: every text on screen (labels, buttons, hints, tool tips, titles,
menus, table headers and cells, the status bar, the dialogs) is walked while the desk works a call.
The same walk on the English desk shows that the check can see English at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from dispatch_desktop.app import Desk
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.ui.help import AboutDialog, AboutFacts, KeyReferenceDialog
from dispatch_desktop.ui.signin import SignInDialog
from tests.ui.live_desk import DeskFactory, Handset, Phone
from tests.ui.text_walk import english_words, untranslated, visible_texts

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]


def _busy_desk(qtbot, make_desk: DeskFactory, language: str) -> tuple[Desk, list[QWidget]]:  # type: ignore[no-untyped-def]
    """A desk mid-work: a call ringing, one being taken, an incident dispatched and overdue, its close
    dialog open, the keyboard reference and About open."""
    desk = make_desk(language)
    city = desk.services.city
    assert city is not None
    model = desk.window.city_model
    place = next(p for p in city.gazetteer if p.name == "天河城")
    unit = next(u for u in city.units if u.kind == "patrol" and city.station(u.station).district == "440106")
    handset = Handset(desk, unit.id)
    phone = Phone(desk)
    try:
        handset.on_duty_at(qtbot, desk, place.lat, place.lon + 0.002)
        phone.ring("13900000000", place.lat, place.lon)
        answered = phone.ring("13700000000", place.lat + 0.01, place.lon)
        qtbot.waitUntil(lambda: answered in model.state.calls, timeout=10_000)
        desk.call_taker.answer(answered)
        qtbot.waitUntil(lambda: desk.intake.call == answered, timeout=10_000)
        now = model.now_ms()
        worked = _create(desk, "J20261206-ws-e2e-90", now, place.lat, place.lon, unit.station, simulated=True)
        assert desk.send(ev.UnitDispatched(incident=worked, unit=unit.id)).result(10).accepted
        qtbot.waitUntil(lambda: worked in model.state.incidents, timeout=10_000)
        handset.pump_until(qtbot, lambda: worked in handset.orders)
        handset.client.report(ev.FieldRecord(record="scene_survey", record_id="R-1", incident=worked))
        handset.pump_until(qtbot, lambda: len(model.state.incidents[worked].timeline) >= 3)
        _create(desk, "J20261206-ws-e2e-91", now - 10 * 60_000, place.lat, place.lon, unit.station)  # overdue
        desk.window.selection.select_incident(worked)
        qtbot.waitUntil(lambda: desk.window.alerts_model.active_overdue() != [], timeout=5_000)
        desk.dispatch.request_close()
        assert desk.dispatch.active_dialog is not None
        keys = KeyReferenceDialog(desk.window)
        about = AboutDialog(AboutFacts("ws-e2e", "张伟 012345", "调度员", "sqlite:///events.sqlite3", "—"),
                            desk.window)
        sign_in = SignInDialog("ws-e2e", Role.SUPERVISOR)
        for dialog in (keys, about, sign_in):
            dialog.show()
        for dock in ("incident_detail", "outbox", "alerts", "calls", "incident_queue", "unit_board"):
            desk.window.dock(dock).show()
        qtbot.wait(1200)  # a clock tick: timers, overdue rows, elapsed times
        return desk, [desk.window, desk.dispatch.active_dialog, keys, about, sign_in]
    finally:
        phone.close()
        handset.client.close()


def _create(desk: Desk, incident: str, call_time: int, lat: float, lon: float, station: str, *,
            simulated: bool = False) -> str:
    body = ev.IncidentCreated(incident=incident, call_time=call_time, caller_number="13600000000", lat=lat, lon=lon,
                              address="天河城南门", district="440106", station=station, incident_type="robbery",
                              priority=1, category=Category.POLICE, simulated=simulated)
    assert desk.send(body).result(10).accepted
    return incident


def test_a_chinese_desk_at_work_shows_no_english(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    desk, windows = _busy_desk(qtbot, make_desk, "zh_CN")
    try:
        english = [(where, text) for window in windows for where, text in untranslated(window)]
        for panel in ("incident_detail", "outbox", "alerts"):  # tabs behind others: raise each to read it
            desk.window.dock(panel).raise_()
        english += untranslated(desk.window)
    finally:
        _close(windows)
    assert english == [], "\n".join(f"{where}: {text!r} ({english_words(text)})" for where, text in english)


def _close(windows: list[QWidget]) -> None:
    """The dialogs opened on the desk (the sign-in one has no parent) go with the test, not later."""
    for window in windows[1:]:
        window.close()
        window.deleteLater()


def test_the_walk_sees_english_on_an_english_desk(qtbot, make_desk: DeskFactory) -> None:  # type: ignore[no-untyped-def]
    _desk, windows = _busy_desk(qtbot, make_desk, "en")
    try:
        texts = {text for window in windows for _where, text in visible_texts(window)}
    finally:
        _close(windows)
    found = [text for text in texts if english_words(text)]
    assert len(found) > 100  # the check would notice English: it is everywhere here
    assert any("Keyboard reference" in text for text in texts)
    assert any("Overdue" in text for text in texts)
    assert Qt.Key.Key_F2  # (the keys table lists F2 among its rows)
