"""Clicking a station's area on the "Station load" layer shows that station where a dispatcher looks next:
its row selected and scrolled into view in the "Station load" panel, its duty on the shift under way in the
"Duty roster" panel, both brought to the front."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from station_duty.load_layer import LAYER_ID, StationLoadLayer
from station_duty.load_panel import StationLoadPanel
from station_duty.roster.panel import RosterPanel
from station_duty.roster.session import close_sessions

from tests.plugins.station_duty_roster_fake_desk import STATION, FakeDesk, FakePanel

ELSEWHERE = "S-440114-01"  # a station of 花都区, far down the table from 永亭所


@pytest.fixture(autouse=True)
def _no_session_left() -> Iterator[None]:
    yield
    close_sessions()


def test_a_click_on_a_station_area_selects_it_in_both_panels_and_raises_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    desk = FakeDesk(now="2025-05-06 10:00")
    load, roster = StationLoadPanel(desk), RosterPanel(desk)
    for widget in (load, roster):
        qtbot.addWidget(widget)
        widget.resize(420, 300)
        widget.show()
    desk.panels = {"station_duty.load": FakePanel(load), "station_duty.roster": FakePanel(roster)}
    layer = StationLoadLayer(desk, desk.map_layer(LAYER_ID))
    load.filter.setText("花都")  # hides 永亭所's row
    roster.show_station(ELSEWHERE, date(2025, 5, 1), "night")
    roster.as_of.setChecked(True)
    [feature] = [f for f in desk.layers[LAYER_ID].features if f.id.split("/")[0] == STATION]
    click = desk.layers[LAYER_ID].click
    assert click is not None
    click(feature.id)  # what the map reports
    assert load.selected_stations() == [STATION]
    [index] = load.table.selectionModel().selectedRows()
    shown, row = load.table.viewport().rect(), load.table.visualRect(index)
    assert abs(row.center().y() - shown.center().y()) < row.height()  # scrolled to the middle of the table
    assert load.filter.text() == ""
    assert (roster.station_id(), roster.chosen_day(), roster.shift.currentData()) == (STATION, date(2025, 5, 6),
                                                                                       "day")
    assert not roster.as_of.isChecked() and roster.slot_label.text() == "Day shift 08:00–20:00"
    assert [panel.raised for panel in desk.panels.values()] == [1, 1]
    # A second part of a station's area is the same station; a Ctrl held meanwhile (the desk's keys use it)
    # does not add the row to the one chosen before.
    window = load.window().windowHandle()  # through the window system: the application's modifier state
    QTest.keyPress(window, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
    click(f"{ELSEWHERE}/1")
    QTest.keyRelease(window, Qt.Key.Key_Control)
    assert load.selected_stations() == [ELSEWHERE] and roster.station_id() == ELSEWHERE
    layer.stop()


def test_a_click_on_a_desk_without_the_panels_does_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    desk = FakeDesk(now="2025-05-06 10:00")
    layer = StationLoadLayer(desk, desk.map_layer(LAYER_ID))
    click = desk.layers[LAYER_ID].click
    assert click is not None
    click(STATION)
    assert desk.notices == []
    layer.stop()
