"""The replay timeline as a supervisor uses it: click an event to go there, drag the cursor to scrub,
zoom in time only, the cursor kept in view, times read in the command center's zone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from dispatch_desktop.domain.localtime import set_zone, zone
from dispatch_desktop.record import Lane, Tick, incident_record, lanes_of
from dispatch_desktop.store import EventStore
from dispatch_desktop.ui.i18n import LanguageManager
from dispatch_desktop.ui.replay.timeline import BAR_HEIGHT, ReplayTimeline
from tests.record.story import INCIDENT, T0, write_story

S = 1_000
MS_PER_PIXEL_SLACK = 4  # a click lands within a pixel or two of where it aimed


@pytest.fixture(scope="module")
def story_lanes(tmp_path_factory: pytest.TempPathFactory) -> list[Lane]:
    with EventStore.open(f"sqlite:///{tmp_path_factory.mktemp('story') / 'story.db'}") as store:
        write_story(store)
        return lanes_of([incident_record(store, INCIDENT)])


@pytest.fixture(autouse=True)
def guangzhou_time() -> Iterator[None]:
    before = zone().key
    set_zone("Asia/Shanghai")
    yield
    set_zone(before)


@pytest.fixture
def timeline(qtbot, story_lanes: list[Lane]) -> ReplayTimeline:  # type: ignore[no-untyped-def]
    widget = ReplayTimeline()
    qtbot.addWidget(widget)
    widget.resize(1366, 320)
    widget.set_lanes(story_lanes)
    widget.set_cursor(T0 + 300 * S)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _at(widget: ReplayTimeline, ms: int, lane_y: float) -> QPoint:
    """Where on the screen (the view's viewport) the data point (time, lane) is drawn."""
    scene = widget.view.mapViewToScene(QPointF(widget.scale.x(ms), lane_y))
    return widget.graphics.mapFromScene(scene)


def _ms_per_pixel(widget: ReplayTimeline) -> float:
    return widget.view.viewPixelSize()[0] * 1000


def _tick(lanes: list[Lane], kind: str, unit_name: str = "") -> tuple[int, Tick]:
    return next((row, tick) for row, lane in enumerate(lanes) for tick in lane.ticks
                if tick.kind == kind and tick.unit_name == unit_name)


def _send_mouse(widget: ReplayTimeline, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:
    """A mouse event with the buttons held (QTest's mouseMove holds none, so it never drags)."""
    viewport = widget.graphics.viewport()
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def test_clicking_an_event_seeks_to_its_time(qtbot, timeline: ReplayTimeline,  # type: ignore[no-untyped-def]
                                             story_lanes: list[Lane]) -> None:
    row, arrival = _tick(story_lanes, "arrival", "天河巡组一")
    assert arrival.time_ms == T0 + 600 * S
    spot = _at(timeline, arrival.time_ms, row - BAR_HEIGHT / 2) + QPoint(2, 1)  # a little off its centre
    with qtbot.waitSignal(timeline.seekRequested, timeout=2_000) as seek:
        qtbot.mouseClick(timeline.graphics.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert seek.args == [arrival.time_ms]


def test_clicking_an_empty_spot_seeks_to_the_time_under_the_mouse(qtbot, timeline: ReplayTimeline) -> None:  # type: ignore[no-untyped-def]
    aimed = T0 + 1_000 * S  # R-0001's lane is empty then (recalled at +300 s)
    with qtbot.waitSignal(timeline.seekRequested, timeout=2_000) as seek:
        qtbot.mouseClick(timeline.graphics.viewport(), Qt.MouseButton.LeftButton, pos=_at(timeline, aimed, 2))
    assert abs(seek.args[0] - aimed) <= MS_PER_PIXEL_SLACK * _ms_per_pixel(timeline)


def test_clicking_near_a_bookmark_seeks_to_the_bookmark(qtbot, timeline: ReplayTimeline) -> None:  # type: ignore[no-untyped-def]
    bookmark = T0 + 1_000 * S
    timeline.set_bookmarks([(bookmark, "Witness arrives")])
    _ms, (_line, _strip_line, label) = timeline._bookmarks[0]
    qtbot.waitUntil(lambda: label.sceneBoundingRect().height() > 0)  # the labels' strip laid out above the lanes
    beside = _at(timeline, bookmark, 2) + QPoint(3, 0)
    with qtbot.waitSignal(timeline.seekRequested, timeout=2_000) as seek:
        qtbot.mouseClick(timeline.graphics.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    assert seek.args == [bookmark]
    on_label = timeline.graphics.mapFromScene(label.sceneBoundingRect().center())  # its words, right of the line
    with qtbot.waitSignal(timeline.seekRequested, timeout=2_000) as seek:
        qtbot.mouseClick(timeline.graphics.viewport(), Qt.MouseButton.LeftButton, pos=on_label)
    assert seek.args == [bookmark]


@pytest.fixture
def every_mouse_move() -> Iterator[None]:
    """pyqtgraph drops mouse moves closer than 10 ms apart (a hand makes none); a test's come faster."""
    before = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", -1)
    yield
    pg.setConfigOption("mouseRateLimit", before)


@pytest.mark.usefixtures("every_mouse_move")
def test_dragging_the_cursor_scrubs_then_seeks_where_it_was_let_go(qtbot, timeline: ReplayTimeline) -> None:  # type: ignore[no-untyped-def]
    scrubbed: list[int] = []
    sought: list[int] = []
    timeline.scrubbed.connect(scrubbed.append)
    timeline.seekRequested.connect(sought.append)
    timeline.set_cursor(T0 + 310 * S)  # the replay clock moving it says nothing back
    assert scrubbed == sought == []
    start = _at(timeline, T0 + 310 * S, 2)
    held = Qt.MouseButton.LeftButton
    _send_mouse(timeline, QEvent.Type.MouseButtonPress, start, held)
    for step in range(1, 6):
        _send_mouse(timeline, QEvent.Type.MouseMove, start + QPoint(40 * step, 0), held)
    _send_mouse(timeline, QEvent.Type.MouseButtonRelease, start + QPoint(200, 0), Qt.MouseButton.NoButton)
    assert len(scrubbed) >= 4
    assert scrubbed == sorted(scrubbed) and scrubbed[0] > T0 + 310 * S
    assert sought == [scrubbed[-1]]
    assert abs(sought[0] - (T0 + 310 * S + 200 * _ms_per_pixel(timeline))) <= MS_PER_PIXEL_SLACK * _ms_per_pixel(
        timeline)


def test_the_wheel_zooms_in_time_and_keeps_every_lane_in_view(qtbot, timeline: ReplayTimeline) -> None:  # type: ignore[no-untyped-def]
    (x_before, y_before) = timeline.view.viewRange()
    centre = _at(timeline, T0 + 900 * S, 1)
    viewport = timeline.graphics.viewport()
    wheel = QWheelEvent(QPointF(centre), QPointF(viewport.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    x_after, y_after = timeline.view.viewRange()
    assert x_after[1] - x_after[0] < (x_before[1] - x_before[0]) * 0.9  # zoomed in
    assert y_after == y_before == [-0.5, 2.5]  # three lanes, all of them, as before


def test_the_view_pages_to_follow_the_cursor_unless_the_user_moved_it(qtbot, timeline: ReplayTimeline) -> None:  # type: ignore[no-untyped-def]
    timeline.set_time_range(T0, T0 + 600 * S)
    timeline.set_cursor(T0 + 700 * S)  # past the view's end: the next page shows it
    start, end = timeline.time_range()
    assert start <= T0 + 700 * S <= end and end - start == pytest.approx(600 * S, abs=2)
    timeline.view.sigRangeChangedManually.emit([True, False])  # as a wheel or a drag on the plot does
    before = timeline.time_range()
    timeline.set_cursor(T0 + 2_000 * S)
    assert timeline.time_range() == before  # left where the user looks


def test_the_time_axis_reads_guangzhou_time_on_a_machine_set_to_utc(
        monkeypatch: pytest.MonkeyPatch, timeline: ReplayTimeline) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        axis = timeline.time_axis
        x = timeline.scale.x(T0)  # 02:53:20 UTC
        timeline.set_time_range(T0 - 600 * S, T0 + 600 * S)
        assert axis.tickStrings([x], 1.0, 60.0) == ["10:53:20"]
        minutes = dict(axis.tickValues(*timeline.view.viewRange()[0], 1200))[60.0]
        assert [text[-3:] for text in axis.tickStrings(minutes, 1.0, 60.0)] == [":00"] * len(minutes)
        timeline.set_time_range(T0 - 2 * 86_400 * S, T0 + 2 * 86_400 * S)
        quarter_days = dict(axis.tickValues(*timeline.view.viewRange()[0], 1200))[21_600.0]
        assert axis.tickStrings(quarter_days, 1.0, 21_600.0)[:3] == ["11-20 12:00", "11-20 18:00", "11-21 00:00"]
        days = dict(axis.tickValues(*timeline.view.viewRange()[0], 500))[86_400.0]
        assert axis.tickStrings(days, 1.0, 86_400.0) == ["2025-11-21", "2025-11-22", "2025-11-23", "2025-11-24"]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_bar_tells_its_status_and_span_under_the_mouse(qtbot, timeline: ReplayTimeline) -> None:  # type: ignore[no-untyped-def]
    scene = timeline.view.mapViewToScene(QPointF(timeline.scale.x(T0 + 1_000 * S), 1))  # 天河巡组一 on scene
    assert timeline.tooltip_at(scene) == "On scene, 11:03:20 to 11:18:20 (15:00)"


def test_the_lanes_are_titled_by_incident_and_type_then_call_signs(timeline: ReplayTimeline) -> None:
    assert timeline.lane_titles() == [f"{INCIDENT}  Snatch theft", "天河巡组一", "突击一队"]



def test_clicking_the_overview_of_the_day_seeks_there(qtbot, timeline: ReplayTimeline) -> None:  # type: ignore[no-untyped-def]
    day_start = T0 - 10 * 3_600 * S
    timeline.set_density(day_start, 600 * S, [5, 40, 12] * 48)  # a day in 10-minute bins
    aimed = day_start + 15 * 3_600 * S
    scene = timeline.overview.vb.mapViewToScene(QPointF(timeline.scale.x(aimed), 1))
    with qtbot.waitSignal(timeline.seekRequested, timeout=2_000) as seek:
        qtbot.mouseClick(timeline.graphics.viewport(), Qt.MouseButton.LeftButton,
                         pos=timeline.graphics.mapFromScene(scene))
    ms_per_pixel = timeline.overview.vb.viewPixelSize()[0] * 1000
    assert abs(seek.args[0] - aimed) <= MS_PER_PIXEL_SLACK * ms_per_pixel


def test_the_legend_names_the_statuses_the_bars_show(timeline: ReplayTimeline) -> None:
    words = [words for _colour, words in timeline.legend_entries()]
    assert words == ["On the 110 call", "Awaiting dispatch", "Dispatched", "Being handled", "Cleared", "Closed",
                     "En route", "On scene"]


def test_switching_to_chinese_retitles_the_lanes_and_the_legend(timeline: ReplayTimeline,
                                                                 translations_dir: Path) -> None:
    languages = LanguageManager(translations_dir)
    assert languages.set_language("zh_CN")
    try:
        assert timeline.lane_titles()[0] == f"{INCIDENT}  抢夺"
        assert "待派" in timeline.legend.text() and "Awaiting" not in timeline.legend.text()
    finally:
        languages.uninstall()
