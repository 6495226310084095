"""The level map: districts and station areas coloured by level, grey with "not enough history" when
thin, a failed fit's colour kept with since when; a click opens the area's trend."""

from __future__ import annotations

import datetime as dt

import pytest

from dispatch_desktop.api import Polygon
from dispatch_desktop.domain.localtime import zone
from dispatch_desktop.ui.analytics.level_layer import COLOURS, DISTRICT_LAYER, STATION_LAYER, THIN_COLOUR
from tests.analytics.fakes import Area, AreaKind, AreaLevel, Colour, counts_of
from tests.ui.analytics.fake_toolkit import Analytics

pytestmark = [pytest.mark.gui]

TIANHE = Area(AreaKind.DISTRICT, "440106")
HAIZHU = Area(AreaKind.DISTRICT, "440105")
LIWAN = Area(AreaKind.DISTRICT, "440103")
SINCE = int(dt.datetime(2026, 11, 20, 8, tzinfo=zone()).timestamp() * 1000)


def features_of(desk, layer_id: str) -> dict[str, Polygon]:  # type: ignore[no-untyped-def]
    layer = desk.window.map_bridge.plugin_layers.layer(layer_id)
    return {feature.id: feature for feature in layer.features if "/" not in feature.id}


def test_districts_take_the_colour_of_their_level_thin_ones_none(qtbot, make_analytics_desk,  # type: ignore[no-untyped-def]
                                                                analytics: Analytics) -> None:
    analytics.levels = {
        TIANHE: AreaLevel(TIANHE, Colour.RED, window_h=3, observed=25, expected=12.3, p_value=0.0004),
        HAIZHU: AreaLevel(HAIZHU, None, status="thin"),
        LIWAN: AreaLevel(LIWAN, Colour.YELLOW, status="failed", since_ms=SINCE, observed=9, expected=4.0,
                         p_value=0.004),
    }
    analytics.counts = counts_of((TIANHE, HAIZHU, LIWAN), 0, 1)
    desk = make_analytics_desk()
    before = features_of(desk, DISTRICT_LAYER)
    assert {f.style.fill for f in before.values()} == {THIN_COLOUR}  # nothing known yet: no colour anywhere
    assert all("历史数据不足" in f.label for f in before.values())
    desk.service.refresh()
    qtbot.waitUntil(lambda: desk.service.snapshot is not None, timeout=5000)
    shown = features_of(desk, DISTRICT_LAYER)
    assert shown["440106"].style.fill == COLOURS["red"]
    assert "25" in shown["440106"].label and "12.3" in shown["440106"].label
    assert shown["440105"].style.fill == THIN_COLOUR and "历史数据不足" in shown["440105"].label
    assert shown["440103"].style.fill == COLOURS["yellow"]  # the older fit's colour, kept
    assert "2026-11-20 08:00" in shown["440103"].label
    assert shown["440111"].style.fill == THIN_COLOUR  # no level at all: not enough history either
    legend = desk.window.map_bridge.plugin_layers.layer(DISTRICT_LAYER).legend
    assert [entry.style.fill for entry in legend] == [*COLOURS.values(), THIN_COLOUR]


def test_station_areas_are_a_layer_of_their_own(qtbot, make_analytics_desk, analytics: Analytics,  # type: ignore[no-untyped-def]
                                                city) -> None:
    station = city.stations[0]
    area = Area(AreaKind.STATION, station.id)
    analytics.levels = {area: AreaLevel(area, Colour.BLUE)}
    analytics.counts = counts_of((area,), 0, 1)
    desk = make_analytics_desk()
    desk.service.refresh()
    qtbot.waitUntil(lambda: desk.service.snapshot is not None, timeout=5000)
    shown = features_of(desk, STATION_LAYER)
    assert len(shown) == len(city.stations)
    assert shown[station.id].style.fill == COLOURS["blue"]
    assert station.short_name in shown[station.id].label
    assert shown[city.stations[1].id].style.fill == THIN_COLOUR


def test_clicking_a_district_opens_its_trend(qtbot, make_analytics_desk) -> None:  # type: ignore[no-untyped-def]
    desk = make_analytics_desk(language="en")
    layers = desk.window.map_bridge.plugin_layers
    layers.set_visible(DISTRICT_LAYER, True)
    layers.clickFeature(DISTRICT_LAYER, "440106")
    assert desk.window.dock("analytics_trend").isVisibleTo(desk.window)
    assert desk.trend.area == TIANHE
    assert desk.trend.area_box.currentText() == "Tianhe"


def test_while_the_first_fit_runs_the_areas_say_so_not_that_history_is_short(qtbot, make_analytics_desk) -> None:  # type: ignore[no-untyped-def]
    desk = make_analytics_desk()
    desk.service.busyChanged.emit("fitting", -1.0)  # the history worker began; no model has come back yet
    assert all("正在计算常态值" in f.label for f in features_of(desk, DISTRICT_LAYER).values())
    assert all("正在计算常态值" in f.label for f in features_of(desk, STATION_LAYER).values())
    desk.service.busyChanged.emit("", 1.0)  # done, and still no level: now it is the history
    assert all("历史数据不足" in f.label for f in features_of(desk, DISTRICT_LAYER).values())
