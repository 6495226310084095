"""Station load: the counts per station on a small built state, the day in the command center's zone,
overdue, the map layer's classes, legend and refreshes, and the "Station load" panel (pytest-qt)."""

from __future__ import annotations

import math
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.state import State
from tests.plugins.station_duty_list_load_fake_desk import FakeCity, FakeDesk, at, square_station
from tests.ui.builders import EventLog

from station_duty.load import StationLoad, is_overdue, load_class, station_loads  # isort: skip
from station_duty.load_layer import COLOURS, StationLoadLayer, station_rings  # isort: skip

ZONE = ZoneInfo("Asia/Shanghai")
NOW = at("2025-11-22 10:00")
STATIONS = (square_station("S-1", "天河区龙口派出所", 23.14, 113.33),
            square_station("S-2", "越秀区华乐派出所", 23.13, 113.29),
            square_station("S-3", "海珠区南华西派出所", 23.11, 113.26))


def built_state() -> State:
    """S-1: 3 units, 2 on shift; 4 incidents today (one non-police, one closed, one referred), one from
    yesterday still open. S-2: 1 unit on shift, 1 open incident. S-3: nothing."""
    log = EventLog()
    for unit, station in (("PG-1", "S-1"), ("PG-2", "S-1"), ("PG-3", "S-1"), ("PG-4", "S-2")):
        log.register(unit, station=station)
    for unit in ("PG-1", "PG-2", "PG-4"):
        log.on_duty(unit)
    log.time = at("2025-11-21 23:30")  # yesterday in Guangzhou (15:30 UTC, the same UTC day as today's)
    log.create("J-0", station="S-1", priority=4)
    log.time = at("2025-11-22 00:10")
    log.create("J-1", station="S-1", priority=3)
    log.dispatch("J-1", "PG-1")
    log.arrive("J-1", "PG-1")
    log.create("J-2", station="S-1", category=Category.NON_POLICE, incident_type="noise")
    log.emit("ws-test", ev.IncidentReferred(incident="J-2", department="城管", reason="shop loudspeaker"))
    log.create("J-3", station="S-1")
    log.close("J-3")
    log.time = at("2025-11-22 09:58")
    log.create("J-4", station="S-1", priority=2)  # 2 minutes ago: within P2's dispatch target
    log.create("J-5", station="S-2", priority=1)
    return log.state


def test_counts_per_station_on_a_built_state() -> None:
    loads = station_loads(built_state(), NOW, ZONE, ("S-1", "S-2", "S-3"))
    assert loads["S-1"] == StationLoad("S-1", incidents_today=4, open=3, non_police_today=1, overdue=2,
                                       units_on_shift=2)
    assert loads["S-1"].non_police_share == 0.25
    assert loads["S-1"].open_per_unit == 1.5
    assert loads["S-2"] == StationLoad("S-2", incidents_today=1, open=1, overdue=1, units_on_shift=1)
    assert loads["S-3"] == StationLoad("S-3")
    assert loads["S-3"].non_police_share is None and loads["S-3"].open_per_unit == 0.0


def test_today_is_the_day_in_the_command_centers_zone() -> None:
    state = built_state()
    # In UTC it is 02:00 on the 22nd and J-0 (15:30 UTC on the 21st) is yesterday too, but so are the
    # incidents of 00:10 Guangzhou time (16:10 UTC on the 21st).
    assert station_loads(state, NOW, ZoneInfo("UTC"))["S-1"].incidents_today == 1
    assert station_loads(state, NOW, ZONE)["S-1"].incidents_today == 4


def test_overdue_follows_the_step_the_incident_is_in() -> None:
    state = built_state()
    j1, j4, j5 = (state.incidents[i] for i in ("J-1", "J-4", "J-5"))
    assert is_overdue(j1, NOW)  # P3 on scene since 00:10: over 2 hours to clear
    assert not is_overdue(j4, NOW)  # P2, 2 minutes without dispatch: at the target, not over it
    assert is_overdue(j4, NOW + 1000)
    assert is_overdue(j5, NOW)  # P1, 2 minutes without dispatch
    assert not is_overdue(state.incidents["J-3"], NOW)  # closed
    assert state.incidents["J-2"].status == IncidentStatus.REFERRED
    assert not is_overdue(state.incidents["J-2"], NOW)


def test_terror_and_extreme_violence_are_held_to_the_rapid_response_teams_minute_targets() -> None:
    """As the desk's own timers: a knife attack has 30 s to dispatch, not a P1's 60 s."""
    log = EventLog()
    log.time = NOW - 45_000
    log.create("J-K", station="S-1", priority=1, incident_type="knife_attack")
    log.create("J-F", station="S-1", priority=1, incident_type="fight")
    assert is_overdue(log.state.incidents["J-K"], NOW)
    assert not is_overdue(log.state.incidents["J-F"], NOW)


@pytest.mark.parametrize(("open_", "units", "expected"), [
    (0, 0, 0), (0, 3, 0), (1, 3, 0), (1, 2, 1), (1, 1, 2), (3, 2, 2), (2, 1, 3), (1, 0, 3),
])
def test_the_layer_classes_by_open_incidents_per_unit_on_shift(open_: int, units: int, expected: int) -> None:
    assert load_class(StationLoad("S", open=open_, units_on_shift=units)) == expected


def test_no_unit_on_shift_with_open_incidents_is_the_worst() -> None:
    assert math.isinf(StationLoad("S", open=1).open_per_unit)


# --- the map layer ------------------------------------------------------------------------------------


@pytest.fixture
def desk(tmp_path: Path) -> FakeDesk:
    return FakeDesk(data_dir=tmp_path, city=FakeCity(STATIONS), state=built_state())


def colours(desk: FakeDesk) -> dict[str, str]:
    return {feature.id: feature.style.fill for feature in desk.layers["station_duty.load"].features}


def test_the_layer_colours_each_station_area_by_its_class(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    StationLoadLayer(desk, desk.map_layer("station_duty.load"))
    layer = desk.layers["station_duty.load"]
    assert colours(desk) == {"S-1": COLOURS[2], "S-2": COLOURS[2], "S-3": COLOURS[0]}
    s1 = next(feature for feature in layer.features if feature.id == "S-1")
    assert s1.label == "龙口所: 3 open, 2 units on shift, 4 today, 2 overdue"
    assert s1.rings[0][0] == (23.13, 113.32)  # (latitude, longitude), as the map takes them
    assert len(layer.legend) == 4
    assert layer.legend[0].text() == "Under 0.5 open incidents per unit on shift"


def test_the_layer_redraws_at_most_once_per_interval(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    layer_keeper = StationLoadLayer(desk, desk.map_layer("station_duty.load"), interval_ms=60_000)
    layer = desk.layers["station_duty.load"]
    desk.change(built_state())  # the first change after the start: within the interval
    assert layer.drawn == 1
    log = EventLog()
    log.register("PG-9", station="S-3")
    log.on_duty("PG-9")
    desk.change(log.state)  # S-1 and S-2 now have nothing open
    assert layer.drawn == 1 and layer_keeper.throttle.pending
    layer_keeper.throttle.flush()  # the end of the interval
    assert layer.drawn == 2
    assert colours(desk) == {"S-1": COLOURS[0], "S-2": COLOURS[0], "S-3": COLOURS[0]}


def test_an_unchanged_picture_is_not_sent_again(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    keeper = StationLoadLayer(desk, desk.map_layer("station_duty.load"), interval_ms=60_000)
    keeper.refresh()
    assert desk.layers["station_duty.load"].drawn == 1


def test_the_layer_speaks_chinese_after_the_language_changes(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    StationLoadLayer(desk, desk.map_layer("station_duty.load"))
    desk.switch_language("zh_CN")
    layer = desk.layers["station_duty.load"]
    s1 = next(feature for feature in layer.features if feature.id == "S-1")
    assert s1.label == "龙口所：未结 3 宗，在勤警力 2 个，今日 4 宗，超时 2 宗"
    assert all("<untranslated" not in entry.text() for entry in layer.legend)


def test_the_citys_station_areas_stay_light() -> None:
    from dispatch_desktop.city import generate_city
    city = generate_city()
    parts = {station.id: station_rings(station) for station in city.stations}
    assert all(parts.values())  # every station has an area on the map
    corners = sum(len(ring) for rings in parts.values() for part in rings for ring in part)
    original = sum(len(ring) for station in city.stations for part in station.polygon for ring in part)
    assert corners < original / 2


# --- the panel ----------------------------------------------------------------------------------------


def test_the_panel_lists_todays_counts_per_station_busiest_first(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    from station_duty.load_panel import StationLoadPanel
    panel = StationLoadPanel(desk)
    qtbot.addWidget(panel)
    panel.show()
    proxy = panel.proxy
    rows = [[proxy.index(row, column).data() for column in range(proxy.columnCount())]
            for row in range(proxy.rowCount())]
    assert rows[0] == ["龙口所", "", "4", "3", "25%", "2", "2", "1.5"]
    assert [row[0] for row in rows] == ["龙口所", "华乐所", "南华西所"]
    panel.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data() == "南华西所"  # no unit on shift
    assert panel.summary.text() == "Today 5 incidents; now 4 open, 3 overdue, 3 units on shift"
    panel.filter.setText("华乐")
    assert proxy.rowCount() == 1


def test_the_panel_sorts_again_when_the_figures_change(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    from station_duty.load_panel import StationLoadPanel
    panel = StationLoadPanel(desk)
    qtbot.addWidget(panel)
    panel.show()
    log = EventLog()
    log.time = NOW
    for n in range(5):  # 南华西所, idle until now, gets five incidents: it goes to the top (open, busiest first)
        log.create(f"J-9{n}", station="S-3")
    desk.change(log.state)
    panel.throttle.flush()
    assert [panel.proxy.index(0, column).data() for column in (0, 3)] == ["南华西所", "5"]


def test_a_hidden_panel_counts_again_only_when_it_is_shown(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    from station_duty.load_panel import StationLoadPanel
    panel = StationLoadPanel(desk)
    qtbot.addWidget(panel)  # never shown: a tab behind others
    before = panel.summary.text()
    desk.change(State())  # every incident gone
    panel.throttle.flush()
    assert panel.summary.text() == before  # not counted unseen
    panel.show()
    assert panel.summary.text() == "Today 0 incidents; now 0 open, 0 overdue, 0 units on shift"


def test_the_panel_speaks_chinese(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from station_duty.load_panel import StationLoadPanel
    desk = FakeDesk(data_dir=tmp_path, city=FakeCity(STATIONS), state=built_state(), language="zh_CN")
    panel = StationLoadPanel(desk)
    qtbot.addWidget(panel)
    headings = [panel.model.headerData(n, Qt.Orientation.Horizontal) for n in range(panel.model.columnCount())]
    assert headings[:4] == ["派出所", "分局", "今日警情", "未结"]
    assert panel.summary.text().startswith("今日警情 5 宗")


def test_a_change_is_counted_from_the_event_loop_not_inside_the_listener_that_heard_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    from station_duty.load_layer import Throttle

    runs: list[int] = []
    throttle = Throttle(lambda: runs.append(1), interval_ms=50)
    throttle.request()
    throttle.request()
    assert runs == []  # the listener returns at once: a recount may take longer than a listener may
    qtbot.waitUntil(lambda: len(runs) == 1, timeout=2_000)
    throttle.request()  # within the interval: gathered into one run at its end
    qtbot.wait(120)
    assert len(runs) == 2
    throttle.stop()
