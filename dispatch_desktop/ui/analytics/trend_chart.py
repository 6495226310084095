"""A district's trend: its hourly incidents over the last days (7 by default, choosable) against its normal
value and the band around it, the level of the last complete hour (window, counts, p) and the staffing
that level calls for ("+4 巡组 · 启动二级勤务").

It draws a ``engine.Trend`` worked out on the analytics worker; asking for another area or span emits
``requested`` (the analytics desk hands it to the service), so nothing is computed here.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # pyqtgraph ships no type hints
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dispatch_desktop.ui.analytics.engine import SLOT_MS, Trend
from dispatch_desktop.ui.analytics.level_layer import COLOURS, THIN_COLOUR
from dispatch_desktop.ui.analytics.texts import colour_name, level_details, staffing_text
from dispatch_desktop.ui.replay.timeline_items import LocalTimeAxis, TimeScale

if TYPE_CHECKING:
    from dispatch_desktop.analytics.counts import Area

LEGEND_TEXT = "#263238"  # pyqtgraph's default grey is faint on the white plots
translate = QCoreApplication.translate  # lupdate collects translate("<context>", "<text>") calls
DAY_CHOICES = (3, 7, 14, 28)
DEFAULT_DAYS = 7
OBSERVED_COLOUR = "#263238"
NORMAL_COLOUR = "#ef6c00"
BAND_COLOUR = (239, 108, 0, 50)
ALERT_ALPHA = 70  # the shading of the hours at yellow or red, under the curves
ALERT_RANKS = {2: "yellow", 3: "red"}
LEGEND_COLUMNS = (2, 3)  # the legend's columns: two on a narrow chart, three (two rows) from WIDE_LEGEND_PX
WIDE_LEGEND_PX = 560



class TrendChart(QWidget):
    requested = Signal(object, int)  # Area, days

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analytics_trend")
        self.area: Area | None = None
        self.names: dict[Area, str] = {}
        self.trend: Trend | None = None
        self.training_weeks = 8  # the config's, set by the analytics desk: what "enough history" means
        self.area_box = QComboBox(self)
        self.area_box.setObjectName("analytics_trend_area")
        self.area_box.currentIndexChanged.connect(self._area_chosen)
        self.days_box = QComboBox(self)
        self.days_box.setObjectName("analytics_trend_days")
        self.days_box.currentIndexChanged.connect(lambda _index: self._ask())
        self.days_label = QLabel(self)
        choose = QHBoxLayout()
        choose.addWidget(self.area_box, 1)
        choose.addWidget(self.days_label)
        choose.addWidget(self.days_box)
        self.scale = TimeScale()
        self.plot = pg.PlotWidget(axisItems={"bottom": LocalTimeAxis(self.scale)})
        self.plot.setObjectName("analytics_trend_plot")
        self.plot.setBackground("w")
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setMinimumHeight(200)
        self.legend = self.plot.addLegend(offset=(10, 5), labelTextColor=LEGEND_TEXT)
        self.legend.setColumnCount(LEGEND_COLUMNS[0])  # set by the width (resizeEvent)
        self.low_curve = pg.PlotDataItem(pen=pg.mkPen(NORMAL_COLOUR, width=0.5))
        self.high_curve = pg.PlotDataItem(pen=pg.mkPen(NORMAL_COLOUR, width=0.5))
        self.band = pg.FillBetweenItem(self.low_curve, self.high_curve, brush=pg.mkBrush(*BAND_COLOUR))
        # The legend draws a sample from a curve's options, which the band has not: a stand-in, never plotted.
        self.band_sample = pg.PlotDataItem(pen=pg.mkPen(NORMAL_COLOUR, width=0.5), fillLevel=0,
                                           fillBrush=pg.mkBrush(*BAND_COLOUR))
        self.normal_curve = pg.PlotDataItem(pen=pg.mkPen(NORMAL_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        self.observed_curve = pg.PlotDataItem(pen=pg.mkPen(OBSERVED_COLOUR, width=1.5), stepMode="center")
        for item in (self.band, self.low_curve, self.high_curve, self.normal_curve, self.observed_curve):
            self.plot.addItem(item)
        self.alert_regions: list[pg.LinearRegionItem] = []  # one per run of hours at yellow or red
        # The legend's swatches (a bar's sample is a filled square), never plotted.
        self.alert_samples = {rank: pg.BarGraphItem(x=[], height=[], width=1, brush=_alert_brush(name), pen=None)
                              for rank, name in ALERT_RANKS.items()}
        self.level_label = QLabel(self)
        self.level_label.setObjectName("analytics_trend_level")
        self.level_label.setWordWrap(True)
        self.level_label.setTextFormat(Qt.TextFormat.RichText)
        self.staffing_label = QLabel(self)
        self.staffing_label.setObjectName("analytics_trend_staffing")
        self.staffing_label.setWordWrap(True)
        self.alerts_label = QLabel(self)
        self.alerts_label.setObjectName("analytics_trend_alerts")
        self.alerts_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.level_label)
        layout.addWidget(self.alerts_label)
        layout.addWidget(self.staffing_label)
        self.retranslate()

    @property
    def days(self) -> int:
        return DAY_CHOICES[max(0, self.days_box.currentIndex())]

    def set_areas(self, names: dict[Area, str]) -> None:
        """The areas to choose from (the districts), in order, with their names (again after a change of
        language: station areas added by clicks stay, and so does the choice)."""
        self.names = {**names, **{area: name for area, name in self.names.items() if area not in names}}
        self.area_box.blockSignals(True)
        self.area_box.clear()
        for area, name in self.names.items():
            self.area_box.addItem(name, area)
        if self.area is None and self.names:
            self.area = next(iter(self.names))
        if self.area in self.names:
            self.area_box.setCurrentIndex(list(self.names).index(self.area))
        self.area_box.blockSignals(False)

    def show_area(self, area: Area, name: str = "") -> None:
        """Show ``area`` (a station area clicked on the map joins the list)."""
        if area not in self.names:
            self.names[area] = name or area.id
            self.area_box.addItem(self.names[area], area)
        self.area = area
        self.area_box.blockSignals(True)
        self.area_box.setCurrentIndex(list(self.names).index(area))
        self.area_box.blockSignals(False)
        self._ask()

    def _area_chosen(self, index: int) -> None:
        if index >= 0:
            self.area = self.area_box.itemData(index)
            self._ask()

    def _ask(self) -> None:
        if self.area is not None:
            self.requested.emit(self.area, self.days)

    def ask_again(self) -> None:
        """New counts or levels: the shown area is worked out again."""
        self._ask()

    def show_trend(self, trend: Trend) -> None:
        if trend.area != self.area or len(trend.observed) != self.days * 24:
            return  # an answer to an earlier choice
        self.trend = trend
        self.scale.origin_ms = trend.first_slot * SLOT_MS
        slots = len(trend.observed)
        edges = np.arange(slots + 1, dtype=float) * (SLOT_MS / 1000)
        middles = edges[:-1] + SLOT_MS / 2000
        self.observed_curve.setData(edges, trend.observed.astype(float))
        if trend.expected is not None and trend.low is not None and trend.high is not None:
            self.normal_curve.setData(middles, trend.expected)
            self.low_curve.setData(middles, trend.low)
            self.high_curve.setData(middles, trend.high)
        else:
            for curve in (self.normal_curve, self.low_curve, self.high_curve):
                curve.setData([], [])
        self._shade_alerts(trend)
        self.plot.setXRange(0, edges[-1], padding=0.01)
        high = float(trend.high.max(initial=0)) if trend.high is not None else 0.0
        top = max(float(trend.observed.max(initial=0)), high)
        self.plot.setYRange(0, max(top, 1.0) * 1.35, padding=0)  # headroom: the legend sits above the curves
        self._describe()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Five entries: three columns where they fit, so the legend covers less of the curves.
        columns = LEGEND_COLUMNS[self.plot.width() >= WIDE_LEGEND_PX]
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)

    def _shade_alerts(self, trend: Trend) -> None:
        """Each run of hours the level stood at yellow or red, shaded in its worst colour behind the curves."""
        for region in self.alert_regions:
            self.plot.removeItem(region)
        self.alert_regions = []
        hour_s = SLOT_MS / 1000
        for run in trend.alerts:
            region = pg.LinearRegionItem(values=(run.first * hour_s, (run.first + run.hours) * hour_s), movable=False,
                                         brush=_alert_brush(ALERT_RANKS[run.worst]), pen=pg.mkPen(None))
            region.setZValue(-10)
            self.plot.addItem(region)
            self.alert_regions.append(region)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AnalyticsTrend", "District trend"))
        self.days_label.setText(translate("AnalyticsTrend", "Last"))
        index = self.days_box.currentIndex()
        self.days_box.blockSignals(True)
        self.days_box.clear()
        for days in DAY_CHOICES:
            self.days_box.addItem(translate("AnalyticsTrend", "%n day(s)", "", days))
        self.days_box.setCurrentIndex(index if index >= 0 else DAY_CHOICES.index(DEFAULT_DAYS))
        self.days_box.blockSignals(False)
        self.legend.clear()
        self.legend.addItem(self.observed_curve, translate("AnalyticsTrend", "incidents per hour"))
        self.legend.addItem(self.normal_curve, translate("AnalyticsTrend", "normal value"))
        self.legend.addItem(self.band_sample, translate("AnalyticsTrend", "normal band (95 %)"))
        self.legend.addItem(self.alert_samples[2], translate("AnalyticsTrend", "hours at yellow"))
        self.legend.addItem(self.alert_samples[3], translate("AnalyticsTrend", "hours at red"))
        self._describe()

    def _describe(self) -> None:
        trend = self.trend
        self._describe_alerts()
        if trend is None:
            self.level_label.setText(translate("AnalyticsTrend", "Choose a district, or click one on the level map."))
            self.staffing_label.clear()
            return
        level = trend.level
        name = self.names.get(trend.area, trend.area.id)
        if trend.expected is None or level is None or level.colour is None:
            self.level_label.setText(translate(
                "AnalyticsTrend", "{area}: not enough history (历史数据不足) for a normal value: generate practice "
                "history or wait until the log holds {weeks} weeks.").format(area=name, weeks=self.training_weeks))
            self.staffing_label.clear()
            return
        colour = COLOURS.get(str(level.colour), THIN_COLOUR)
        # rich text: "p < 0.0001" unescaped would open a tag and hide the rest of the line
        self.level_label.setText(
            f"<b>{html.escape(name)}</b> &nbsp;<span style='color:{colour}'>■ "
            f"{html.escape(colour_name(str(level.colour)))}</span> &nbsp;·&nbsp; {html.escape(level_details(level))}")
        self.staffing_label.setText(translate("AnalyticsTrend", "Staffing: {staffing}").format(
            staffing=staffing_text(trend.staffing)))

    def _describe_alerts(self) -> None:
        trend = self.trend
        if trend is None or trend.ranks is None:
            self.alerts_label.clear()
            return
        self.alerts_label.setText(translate(
            "AnalyticsTrend", "These {days} days: {yellow} h at yellow and {red} h at red, in {alerts} alert(s) "
            "(a run of hours at yellow or red is one alert)").format(
                days=len(trend.ranks) // 24, yellow=int(np.count_nonzero(trend.ranks == 2)),
                red=int(np.count_nonzero(trend.ranks == 3)), alerts=len(trend.alerts)))


def _alert_brush(name: str) -> QBrush:
    colour = QColor(COLOURS[name])
    colour.setAlpha(ALERT_ALPHA)
    return QBrush(colour)
