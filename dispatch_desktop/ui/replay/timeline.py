"""The replay timeline: a lane per incident and per unit sent to it, status bars, a marker per event,
bookmarks, an overview of the whole range's activity and the cursor that follows the replay clock.

It only draws what ``record.lanes`` worked out and says where the user wants to go: ``scrubbed`` while the
cursor is dragged, ``seekRequested`` when a drag ends or a tick, a bookmark or an empty spot is clicked.
The replay window owns the clock and moves the cursor back with ``set_cursor``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import groupby

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # pyqtgraph ships no type hints
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from dispatch_desktop.domain.enums import IncidentStatus, UnitStatus
from dispatch_desktop.record.lanes import CALL_STATUS, Bar, Lane, LaneKind, Tick
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.replay.timeline_items import (
    TICK_STYLE,
    LocalTimeAxis,
    SeekViewBox,
    TimeScale,
    status_color,
)

CONTEXT = "ReplayTimeline"
BAR_HEIGHT = 0.56  # of a lane's height: room between lanes to tell them apart
TICK_SIZE = 11  # px
HIT_PX = 6  # how near a bookmark a click counts as on it
OVERVIEW_HEIGHT = 64  # px
BOOKMARK_ROW_HEIGHT = 40  # px: two rows of labels, so that neighbours alternate instead of overlapping
CURSOR_COLOR = "#d50000"
BOOKMARK_COLOR = "#1565c0"
TICK_OUTLINE = "#263238"

EVENT_WORDS: dict[str, str] = {
    "call_offered": QT_TRANSLATE_NOOP("ReplayTimeline", "Call rang"),
    "call_answered": QT_TRANSLATE_NOOP("ReplayTimeline", "Call answered"),
    "call_ended": QT_TRANSLATE_NOOP("ReplayTimeline", "Call ended"),
    "call_closed": QT_TRANSLATE_NOOP("ReplayTimeline", "Call closed without an incident"),
    "order_delivered": QT_TRANSLATE_NOOP("ReplayTimeline", "Order delivered to the handset"),
    "plugin_event": QT_TRANSLATE_NOOP("ReplayTimeline", "Plugin event"),
    "record_exported": QT_TRANSLATE_NOOP("ReplayTimeline", "Record exported"),
    "supervision_order_issued": QT_TRANSLATE_NOOP("ReplayTimeline", "Supervision order issued"),
    "camera_status": QT_TRANSLATE_NOOP("ReplayTimeline", "Camera status (drill)"),
}
"""Event kinds the incident detail's timeline has no words for (``labels.TIMELINE_KIND`` has the rest)."""

LEGEND_ORDER: tuple[tuple[LaneKind, str], ...] = (
    *((LaneKind.INCIDENT, status) for status in (CALL_STATUS, *IncidentStatus)),
    *((LaneKind.UNIT, status) for status in UnitStatus),
)
"""The legend's order: an incident's statuses as they follow each other, then a unit's."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def event_words(tick: Tick) -> str:
    """The event of a tick in the user's language, with its unit, plugin or file format."""
    source = EVENT_WORDS.get(tick.kind)
    words = _tr(source) if source is not None else labels.timeline_kind(tick.kind)
    return " · ".join(part for part in (words, tick.detail, tick.unit_name) if part)


def status_words(kind: LaneKind, status: str) -> str:
    if status == CALL_STATUS:
        return QCoreApplication.translate("ReplayTimeline", "On the 110 call")
    return labels.incident_status(status) if kind is LaneKind.INCIDENT else labels.unit_status(status)


class ReplayTimeline(QWidget):
    """``set_lanes`` draws lanes; ``set_cursor`` is cheap (called up to 30 times a second in playback)."""

    scrubbed = Signal(object)  # ms, continuously while the cursor is dragged
    seekRequested = Signal(object)  # ms: the drag ended, or a tick, a bookmark or a spot was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_cursor = True
        self._view_moved_by_user = False
        self.scale = TimeScale()  # epoch ms to the plot's x and back
        self._lanes: list[Lane] = []
        self._ticks: list[Tick] = []
        self._bookmarks: list[tuple[int, list[pg.GraphicsObject]]] = []  # ms, its lines and its label
        self._lane_items: list[pg.GraphicsObject] = []
        self._cursor_ms = 0

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.legend = QLabel()
        self.legend.setContentsMargins(8, 0, 8, 4)
        self.legend.setWordWrap(True)  # on two lines rather than wider than a 1366-pixel screen's map
        layout.addWidget(self.legend)
        self._build_overview()
        self._build_bookmark_strip()
        self._build_lanes()
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._retranslate()
        self._set_lane_range()
        self.set_bookmarks([])

    def _build_overview(self) -> None:
        """The whole range's activity, the view's place in it and the cursor; a click seeks there."""
        self._overview_box = SeekViewBox()
        self._overview_box.setMouseEnabled(x=False, y=False)
        self.overview = self.graphics.addPlot(row=0, col=0, viewBox=self._overview_box)
        self.overview.hideAxis("bottom")
        self.overview.hideButtons()
        self.graphics.ci.layout.setRowFixedHeight(0, OVERVIEW_HEIGHT)
        self._density = pg.BarGraphItem(x0=[], x1=[], y0=[], height=[], brush="#90a4ae", pen=None)
        self.overview.addItem(self._density)
        self._overview_cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(CURSOR_COLOR, width=1))
        self._view_region = pg.LinearRegionItem(movable=False, brush=QColor(21, 101, 192, 40), pen=pg.mkPen(None))
        self.overview.addItem(self._view_region)
        self.overview.addItem(self._overview_cursor)
        self._overview_box.on_click = lambda point, _scene: self.seekRequested.emit(self.scale.ms(point.x()))

    def _build_bookmark_strip(self) -> None:
        """The bookmarks' labels in a strip of their own above the lanes, so that they hide no bar or tick."""
        self._marks_box = SeekViewBox()
        self._marks_box.setMouseEnabled(x=False, y=False)
        self.marks = self.graphics.addPlot(row=1, col=0, viewBox=self._marks_box)
        self.marks.hideAxis("bottom")
        self.marks.hideButtons()
        self.marks.getAxis("left").setPen(pg.mkPen(None))
        self.marks.getAxis("left").setTicks([[], []])
        self._marks_box.setYRange(0, 2, padding=0)
        self._marks_box.invertY(True)
        self._marks_box.on_click = self._on_view_clicked

    def _build_lanes(self) -> None:
        self.view = SeekViewBox()
        self.time_axis = LocalTimeAxis(self.scale)
        self.plot = self.graphics.addPlot(row=2, col=0, viewBox=self.view, axisItems={"bottom": self.time_axis})
        self.marks.setXLink(self.plot)
        self.plot.hideButtons()
        self.view.invertY(True)  # the first lane on top
        self.view.setLimits(minXRange=1.0)  # zoomed in to a second at most
        self.view.disableAutoRange()
        self._ticks_item = pg.ScatterPlotItem(pxMode=True, hoverable=False)
        self._ticks_item.setZValue(10)
        self._ticks_item.sigClicked.connect(self._on_ticks_clicked)
        self.plot.addItem(self._ticks_item)
        self.cursor_line = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen(CURSOR_COLOR, width=2),
                                           hoverPen=pg.mkPen(CURSOR_COLOR, width=4))
        self.cursor_line.setZValue(20)
        self.cursor_line.sigDragged.connect(lambda _line: self.scrubbed.emit(self.scale.ms(self.cursor_line.value())))
        self.cursor_line.sigPositionChangeFinished.connect(
            lambda _line: self.seekRequested.emit(self.scale.ms(self.cursor_line.value())))
        self.plot.addItem(self.cursor_line, ignoreBounds=True)

        self.view.on_click = self._on_view_clicked
        self.view.sigRangeChangedManually.connect(self._on_view_moved_by_user)
        self.view.sigXRangeChanged.connect(self._show_view_in_overview)

    # --- what is drawn -----------------------------------------------------------------------------

    def set_lanes(self, lanes: Sequence[Lane]) -> None:
        """Replaces every lane, bar and tick (the cursor, bookmarks and the overview stay)."""
        for item in self._lane_items:
            self.plot.removeItem(item)
        self._lane_items = []
        self._lanes = list(lanes)
        self._ticks = [tick for lane in self._lanes for tick in lane.ticks]
        bars = sorted(((lane.kind, bar.status, row, bar) for row, lane in enumerate(self._lanes) for bar in lane.bars),
                      key=lambda item: (item[0], item[1]))
        # One item per status: a day's record of hundreds of bars stays a handful of items to paint.
        for (kind, status), group in groupby(bars, key=lambda item: (item[0], item[1])):
            rows, spans = zip(*((row, bar) for _kind, _status, row, bar in group), strict=True)
            self._add_lane_item(self._bar_item(kind, status, rows, spans))
        for row, lane in enumerate(self._lanes):
            if lane.kind is LaneKind.INCIDENT and row:  # a rule between one incident's lanes and the next
                self._add_lane_item(pg.InfiniteLine(pos=row - 0.5, angle=0, pen=pg.mkPen("#b0bec5", width=1)))
        rows_of = {id(tick): row for row, lane in enumerate(self._lanes) for tick in lane.ticks}
        self._ticks_item.setData(spots=[self._spot(tick, rows_of[id(tick)], index)
                                        for index, tick in enumerate(self._ticks)])
        self._retranslate()
        self._set_lane_range()
        times = [bar.start_ms for lane in self._lanes for bar in lane.bars] + [tick.time_ms for tick in self._ticks]
        ends = [bar.end_ms for lane in self._lanes for bar in lane.bars] + [tick.time_ms for tick in self._ticks]
        if times:
            margin = max(1_000, (max(ends) - min(times)) // 20)
            self.set_time_range(min(times) - margin, max(ends) + margin)

    def _add_lane_item(self, item: pg.GraphicsObject) -> None:
        self.plot.addItem(item, ignoreBounds=True)
        self._lane_items.append(item)

    def _bar_item(self, kind: LaneKind, status: str, rows: Sequence[int], spans: Sequence[Bar]) -> pg.BarGraphItem:
        return pg.BarGraphItem(
            x0=np.array([self.scale.x(bar.start_ms) for bar in spans]),
            x1=np.array([self.scale.x(bar.end_ms) for bar in spans]),
            y=np.array(rows, dtype=float), height=BAR_HEIGHT, brush=status_color(kind, status), pen=None)

    def _spot(self, tick: Tick, row: int, index: int) -> dict[str, object]:
        symbol, color = TICK_STYLE[tick.category]
        # On the bar's top edge, outlined dark: a marker of the bar's own colour (an arrival on the purple
        # of on scene) still shows against the white above it.
        return {"pos": (self.scale.x(tick.time_ms), row - BAR_HEIGHT / 2), "symbol": symbol,
                "brush": pg.mkBrush(color), "pen": pg.mkPen(TICK_OUTLINE, width=1), "size": TICK_SIZE, "data": index}

    def set_density(self, start_ms: int, bin_ms: int, counts: Sequence[int]) -> None:
        """The overview: how many events fell in each ``bin_ms`` from ``start_ms``, the whole range."""
        if bin_ms <= 0:
            raise ValueError(f"the overview's bins must last 1 ms or more, not {bin_ms}")
        starts = [start_ms + index * bin_ms for index in range(len(counts))]
        self._density.setOpts(x0=np.array([self.scale.x(t) for t in starts]),
                              x1=np.array([self.scale.x(t + bin_ms) for t in starts]),
                              y0=np.zeros(len(counts)), height=np.array(counts, dtype=float))
        end_ms = start_ms + len(counts) * bin_ms
        self._overview_box.setRange(xRange=(self.scale.x(start_ms), self.scale.x(end_ms)),
                                    yRange=(0, max([1, *counts]) * 1.05), padding=0)

    def set_bookmarks(self, bookmarks: Sequence[tuple[int, str]]) -> None:
        """Labelled vertical lines; a click on one (or on its label) seeks to it."""
        for _ms, items in self._bookmarks:
            for item in items:
                item.getViewBox().removeItem(item)
        self._bookmarks = []
        pen = pg.mkPen(BOOKMARK_COLOR, width=1, style=Qt.PenStyle.DashLine)
        for index, (ms, text) in enumerate(sorted(bookmarks)):
            x = self.scale.x(ms)
            lines = [pg.InfiniteLine(pos=x, angle=90, movable=False, pen=pen) for _plot in (self.plot, self.marks)]
            label = pg.TextItem(text, color=BOOKMARK_COLOR, fill=QColor(255, 255, 255, 230), anchor=(0, 0))
            label.setPos(x, index % 2)  # neighbours on alternate rows
            for plot, item in ((self.plot, lines[0]), (self.marks, lines[1]), (self.marks, label)):
                item.setZValue(15)
                plot.addItem(item, ignoreBounds=True)
            self._bookmarks.append((ms, [*lines, label]))
        self.graphics.ci.layout.setRowFixedHeight(1, BOOKMARK_ROW_HEIGHT if self._bookmarks else 0)
        self.marks.setVisible(bool(self._bookmarks))

    # --- the cursor and the view -------------------------------------------------------------------

    def set_cursor(self, ms: int) -> None:
        """Moves the cursor; with ``follow_cursor``, pages the view when the cursor leaves it, unless the
        user moved the view away (following resumes once the cursor is back in the view)."""
        self._cursor_ms = ms
        x = self.scale.x(ms)
        self._overview_cursor.setValue(x)
        if self.cursor_line.moving:  # the user holds it: the clock catching up must not pull it back
            return
        self.cursor_line.setValue(x)
        low, high = self.view.viewRange()[0]
        inside = low <= x <= high
        if self._view_moved_by_user:
            self._view_moved_by_user = not inside
        elif self.follow_cursor and not inside:
            width = high - low
            self.view.setXRange(x - width * 0.05, x + width * 0.95, padding=0)

    def cursor_ms(self) -> int:
        return self._cursor_ms

    def set_time_range(self, start_ms: int, end_ms: int) -> None:
        """Shows ``start_ms``–``end_ms``; following the cursor resumes."""
        if end_ms <= start_ms:
            raise ValueError(f"the timeline's view must end after it starts ({start_ms} to {end_ms} ms)")
        self._view_moved_by_user = False
        self.view.setXRange(self.scale.x(start_ms), self.scale.x(end_ms), padding=0)

    def time_range(self) -> tuple[int, int]:
        low, high = self.view.viewRange()[0]
        return self.scale.ms(low), self.scale.ms(high)

    def _set_lane_range(self) -> None:
        self.view.setYRange(-0.5, max(1, len(self._lanes)) - 0.5, padding=0)

    def _on_view_moved_by_user(self, _mask: object) -> None:
        self._view_moved_by_user = True

    def _show_view_in_overview(self, _box: object, x_range: tuple[float, float]) -> None:
        self._view_region.setRegion(x_range)

    # --- clicks and hovering -----------------------------------------------------------------------

    def _on_ticks_clicked(self, _item: object, points: Sequence[pg.SpotItem], _event: object) -> None:
        self.seekRequested.emit(self._ticks[int(points[0].data())].time_ms)

    def _on_view_clicked(self, point: QPointF, scene_pos: QPointF) -> None:
        """On a bookmark (its line or its label): to the bookmark; elsewhere: to the time clicked."""
        pixel = self.view.viewPixelSize()[0]
        for ms, (line, _strip_line, label) in self._bookmarks:
            if abs(line.value() - point.x()) <= HIT_PX * pixel or label.sceneBoundingRect().contains(scene_pos):
                self.seekRequested.emit(ms)
                return
        self.seekRequested.emit(self.scale.ms(point.x()))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        """Tool tip of what is under the mouse: the events (time and words), else the bar (status, span)."""
        if not self.view.sceneBoundingRect().contains(scene_pos):
            return
        text = self.tooltip_at(scene_pos)
        if text != self.view.toolTip():
            self.view.setToolTip(text)
            if not text:
                QToolTip.hideText()

    def tooltip_at(self, scene_pos: QPointF) -> str:
        points = self._ticks_item.pointsAt(self._ticks_item.mapFromScene(scene_pos))
        if len(points):
            ticks = sorted((self._ticks[int(point.data())] for point in points), key=lambda tick: tick.gseq)
            return "\n".join(f"{labels.clock_text(tick.time_ms)}  {event_words(tick)}" for tick in ticks)
        point = self.view.mapSceneToView(scene_pos)
        row = round(point.y())
        if not 0 <= row < len(self._lanes) or abs(point.y() - row) > BAR_HEIGHT / 2:
            return ""
        lane, ms = self._lanes[row], self.scale.ms(point.x())
        bar = next((bar for bar in lane.bars if bar.start_ms <= ms < bar.end_ms), None)
        if bar is None:
            return ""
        return QCoreApplication.translate("ReplayTimeline", "{status}, {start} to {end} ({duration})").format(
            status=status_words(lane.kind, bar.status), start=labels.clock_text(bar.start_ms),
            end=labels.clock_text(bar.end_ms), duration=labels.duration_text(bar.end_ms - bar.start_ms))

    # --- words -------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def lane_titles(self) -> list[str]:
        """The left axis' words, top to bottom: an incident's id and type, a unit's call sign."""
        return [f"{lane.title}  {labels.incident_type_name(lane.detail)}" if lane.kind is LaneKind.INCIDENT
                else lane.title for lane in self._lanes]

    def legend_entries(self) -> list[tuple[str, str]]:
        """(colour, words) of each status the lanes show, once each."""
        shown = {(lane.kind, bar.status) for lane in self._lanes for bar in lane.bars}
        entries: list[tuple[str, str]] = []
        for kind, status in LEGEND_ORDER:
            entry = (status_color(kind, status), status_words(kind, status))
            if (kind, status) in shown and entry not in entries:
                entries.append(entry)
        return entries

    def _retranslate(self) -> None:
        self.legend.setText(" &nbsp; ".join(
            f'<span style="color:{color}">&#9632;</span>&nbsp;{html.escape(words)}'
            for color, words in self.legend_entries()))
        titles = self.lane_titles()
        left = self.plot.getAxis("left")
        left.setTicks([[(float(row), title) for row, title in enumerate(titles)], []])
        events = QCoreApplication.translate("ReplayTimeline", "New incidents")
        self.overview.getAxis("left").setTicks([[], []])
        self.overview.getAxis("left").setLabel(events)
        self.overview.setToolTip(QCoreApplication.translate(
            "ReplayTimeline", "How many incidents were created in each stretch of time: click to go there"))
        metrics = QFontMetrics(left.font())
        width = max([metrics.horizontalAdvance(text) for text in [*titles, events]] + [60]) + 24
        for plot in (self.plot, self.overview, self.marks):
            plot.getAxis("left").setWidth(width)
