"""The district trend: the hourly counts of the last days against the normal value and its band, the level
and the staffing it calls for; the span is choosable."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtGui import QTextDocument

from dispatch_desktop.ui.analytics.engine import DAY_SLOTS, SLOT_MS
from tests.analytics.fakes import Area, AreaKind, AreaLevel, Colour, counts_of
from tests.ui.analytics.fake_toolkit import Analytics
from tests.ui.conftest import NOW

pytestmark = [pytest.mark.gui]

TIANHE = Area(AreaKind.DISTRICT, "440106")
HAIZHU = Area(AreaKind.DISTRICT, "440105")
LAST = NOW // SLOT_MS - 1  # the last complete slot


def shown_trend(qtbot, make_analytics_desk, area: Area):  # type: ignore[no-untyped-def]
    """The analytics desk, its first snapshot worked out, with ``area``'s trend shown."""
    desk = make_analytics_desk()
    desk.service.refresh()
    qtbot.waitUntil(lambda: desk.service.snapshot is not None, timeout=5000)
    with qtbot.waitSignal(desk.service.trendReady, timeout=5000):
        desk.show_trend(area)
    return desk


def test_the_trend_shows_the_counts_against_the_normal_band_and_the_staffing(qtbot, make_analytics_desk,  # type: ignore[no-untyped-def]
                                                                            analytics: Analytics) -> None:
    first = LAST - 30 * DAY_SLOTS + 1
    counts = counts_of((TIANHE, HAIZHU), first, 30 * DAY_SLOTS)
    counts.valid[0] = np.arange(30 * DAY_SLOTS) % 9
    analytics.counts = counts
    analytics.levels = {TIANHE: AreaLevel(TIANHE, Colour.RED, window_h=3, observed=25, expected=12.3,
                                          p_value=0.0004)}
    desk = shown_trend(qtbot, make_analytics_desk, TIANHE)
    trend = desk.trend
    _x, observed = trend.observed_curve.getData()
    assert len(observed) == 7 * DAY_SLOTS  # a week by default
    assert list(observed) == list(counts.valid[0][-7 * DAY_SLOTS:])
    _x, low = trend.low_curve.getData()
    _x, high = trend.high_curve.getData()
    _x, normal = trend.normal_curve.getData()
    assert set(low) == {2.0} and set(high) == {6.0} and set(normal) == {4.0}  # the model's band and value
    assert "25" in trend.level_label.text() and "p = 0.0004" in trend.level_label.text()
    assert "+4" in trend.staffing_label.text() and "启动二级勤务" in trend.staffing_label.text()

    with qtbot.waitSignal(desk.service.trendReady, timeout=5000):
        trend.days_box.setCurrentIndex(3)  # 28 days
    assert len(trend.observed_curve.getData()[1]) == 28 * DAY_SLOTS


def test_an_area_without_history_says_so_and_draws_no_band(qtbot, make_analytics_desk,  # type: ignore[no-untyped-def]
                                                           analytics: Analytics) -> None:
    analytics.counts = counts_of((TIANHE, HAIZHU), LAST - 10, 11)
    analytics.levels = {HAIZHU: AreaLevel(HAIZHU, None, status="thin")}
    desk = shown_trend(qtbot, make_analytics_desk, HAIZHU)
    assert "历史数据不足" in desk.trend.level_label.text()
    assert desk.trend.staffing_label.text() == ""


def test_the_normal_band_is_drawn_as_the_level_reads_it_times_the_recent_level(  # type: ignore[no-untyped-def]
        qtbot, make_analytics_desk, analytics: Analytics) -> None:
    analytics.counts = counts_of((TIANHE, HAIZHU), LAST - 7 * DAY_SLOTS + 1, 7 * DAY_SLOTS)
    analytics.level = 1.5  # the city has run half as busy again as the fit since it was made
    desk = shown_trend(qtbot, make_analytics_desk, TIANHE)
    trend = desk.trend
    assert set(trend.normal_curve.getData()[1]) == {6.0}  # the fake model's 4 an hour, times 1.5
    assert set(trend.low_curve.getData()[1]) == {3.0} and set(trend.high_curve.getData()[1]) == {9.0}


def test_a_very_small_p_reads_whole_in_the_level_line(qtbot, make_analytics_desk,  # type: ignore[no-untyped-def]
                                                      analytics: Analytics) -> None:
    analytics.counts = counts_of((TIANHE, HAIZHU), LAST - 7 * DAY_SLOTS + 1, 7 * DAY_SLOTS)
    analytics.levels = {TIANHE: AreaLevel(TIANHE, Colour.RED, window_h=3, observed=211, expected=128.2,
                                          p_value=2e-9)}
    desk = shown_trend(qtbot, make_analytics_desk, TIANHE)
    shown = QTextDocument()
    shown.setHtml(desk.trend.level_label.text())  # what the rich-text label shows, not its markup
    assert shown.toPlainText().rstrip().endswith("p < 0.0001")  # "<" once opened a tag and hid the rest


def test_the_hours_at_yellow_or_red_are_shaded_and_counted_as_alerts(qtbot, make_analytics_desk,  # type: ignore[no-untyped-def]
                                                                     analytics: Analytics) -> None:
    analytics.counts = counts_of((TIANHE, HAIZHU), LAST - 7 * DAY_SLOTS + 1, 7 * DAY_SLOTS)
    analytics.levels = {TIANHE: AreaLevel(TIANHE, Colour.GREEN, window_h=3, observed=12, expected=12.3, p_value=0.5)}
    ranks = np.zeros(7 * DAY_SLOTS, dtype=np.int64)
    ranks[10:13] = (2, 3, 2)  # one alert of three hours, red at its worst
    ranks[50] = 2  # another of one hour, yellow
    ranks[60:64] = 1  # blue hours are no alert
    analytics.hour_ranks = {TIANHE: ranks}
    desk = shown_trend(qtbot, make_analytics_desk, TIANHE)
    trend = desk.trend
    hour = SLOT_MS / 1000
    assert [region.getRegion() for region in trend.alert_regions] == [(10 * hour, 13 * hour), (50 * hour, 51 * hour)]
    red, yellow = (region.brush.color().name() for region in trend.alert_regions)
    assert (red, yellow) == ("#c62828", "#f9a825")
    # days, hours at yellow, hours at red, alerts: in this order in either language
    assert re.findall(r"\d+", trend.alerts_label.text()) == ["7", "3", "1", "2"]

    analytics.hour_ranks = {}
    with qtbot.waitSignal(desk.service.trendReady, timeout=5000):
        trend.days_box.setCurrentIndex(0)  # 3 days: worked out again, no alert left
    assert trend.alert_regions == []
    assert re.findall(r"\d+", trend.alerts_label.text()) == ["3", "0", "0", "0"]
