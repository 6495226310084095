"""The live dashboard: today's calls against valid incidents per hour, the non-police share, clearance,
response times per priority and per district against their targets, and the districts' levels with the
staffing each calls for.

It only draws: ``show_figures`` takes ``analytics.dashboard.DashboardFigures`` and ``show_snapshot`` the
levels, both worked out on the analytics workers (``service.AnalyticsService``). Double-clicking a
district's row asks for its trend (``trendRequested``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # pyqtgraph ships no type hints
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.analytics.dashboard import DashboardFigures, ResponseFigures
from dispatch_desktop.domain import localtime
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.analytics.engine import Snapshot
from dispatch_desktop.ui.analytics.level_layer import COLOURS, THIN_COLOUR
from dispatch_desktop.ui.analytics.texts import colour_name, level_details, staffing_text

if TYPE_CHECKING:
    from dispatch_desktop.analytics.config import StaffingRule
    from dispatch_desktop.analytics.counts import Area
    from dispatch_desktop.analytics.levels import AreaLevel

LEGEND_TEXT = "#263238"  # pyqtgraph's default grey is faint on the white plots
translate = QCoreApplication.translate  # lupdate collects translate("<context>", "<text>") calls
CALLS_COLOUR = "#90a4ae"
VALID_COLOUR = "#1565c0"
MEDIAN_COLOUR = "#1565c0"
P90_COLOUR = "#90caf9"
TARGET_COLOUR = "#c62828"
WITHIN_GOOD, WITHIN_FAIR = 0.9, 0.75  # share within target: green from 90 %, amber from 75 %


def share_text(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f} %"


def minutes_text(seconds: float | None) -> str:
    return "—" if seconds is None else labels.duration_text(int(seconds * 1000))


def _plot(name: str) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setObjectName(name)
    plot.setBackground("w")
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.showGrid(y=True, alpha=0.2)
    plot.setMinimumHeight(120)
    return plot


class Figure(QLabel):
    """One headline figure: a big number over its caption."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumWidth(90)
        self.setStyleSheet("QLabel { border: 1px solid #cfd8dc; border-radius: 4px; padding: 4px; }")

    def show_value(self, value: str, caption: str, detail: str = "") -> None:
        small = f"<br><span style='font-size:small;color:#546e7a'>{detail}</span>" if detail else ""
        self.setText(f"<span style='font-size:x-large;font-weight:600'>{value}</span><br>{caption}{small}")


class DashboardPanel(QWidget):
    trendRequested = Signal(object)  # Area
    refitRequested = Signal()
    historyRequested = Signal()

    def __init__(self, district_names: Callable[[], Mapping[str, str]], make_area: Callable[[str, str], Area],
                 parent: QWidget | None = None) -> None:
        """``district_names``: adcode -> name in the desk's language, in the city's order."""
        super().__init__(parent)
        self.setObjectName("analytics_dashboard")
        self._district_names = district_names
        self._make_area = make_area
        self.figures: DashboardFigures | None = None
        self.snapshot: Snapshot | None = None
        self.history_path = ""
        # Set by the analytics desk: the staffing rule a level calls for (``levels.staffing_for``, its config).
        self.staffing_for: Callable[[AreaLevel], StaffingRule | None] | None = None

        self.status = QLabel(self)
        self.status.setObjectName("analytics_status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.history_button = QPushButton(self)
        self.history_button.setObjectName("analytics_generate_history")
        self.history_button.clicked.connect(self.historyRequested)
        self.history_button.hide()
        self.calls_figure = Figure("analytics_calls", self)
        self.valid_figure = Figure("analytics_valid", self)
        self.share_figure = Figure("analytics_non_police", self)
        self.clearance_figure = Figure("analytics_clearance", self)
        figures = QGridLayout()
        for column, figure in enumerate((self.calls_figure, self.valid_figure, self.share_figure,
                                         self.clearance_figure)):
            figures.addWidget(figure, 0, column)

        self.hourly = _plot("analytics_hourly")
        self.hourly_legend = self.hourly.addLegend(offset=(-10, 5), colCount=2, labelTextColor=LEGEND_TEXT)
        self.calls_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=CALLS_COLOUR, pen=None)
        self.valid_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=VALID_COLOUR, pen=None)
        self.hourly.addItem(self.calls_bars)
        self.hourly.addItem(self.valid_bars)
        self.hourly.getAxis("bottom").setTicks([[(h, f"{h:02d}") for h in range(0, 24, 3)],
                                                [(h, "") for h in range(24)]])
        self.hourly.setXRange(-0.6, 23.6, padding=0)
        self.now_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#d50000", width=1, style=Qt.PenStyle.DashLine))
        self.hourly.addItem(self.now_line)

        self.phase_box = QComboBox(self)
        self.phase_box.setObjectName("analytics_phase")
        self.phase_box.currentIndexChanged.connect(lambda _index: self._draw_response())
        self.priority_plot = _plot("analytics_by_priority")
        self.priority_legend = self.priority_plot.addLegend(offset=(10, 5), colCount=3, labelTextColor=LEGEND_TEXT)
        self.median_bars = pg.BarGraphItem(x=[], height=[], width=0.3, brush=MEDIAN_COLOUR, pen=None)
        self.p90_bars = pg.BarGraphItem(x=[], height=[], width=0.3, brush=P90_COLOUR, pen=None)
        self.target_marks = pg.ScatterPlotItem(symbol="_", size=28, pen=pg.mkPen(TARGET_COLOUR, width=2),
                                               brush=pg.mkBrush(TARGET_COLOUR))
        for item in (self.median_bars, self.p90_bars, self.target_marks):
            self.priority_plot.addItem(item)
        self.district_table = self._table(5, "analytics_by_district")
        response = QWidget(self)
        response_layout = QVBoxLayout(response)
        phase_row = QHBoxLayout()
        self.phase_label = QLabel(self)
        phase_row.addWidget(self.phase_label)
        phase_row.addWidget(self.phase_box, 1)
        response_layout.addLayout(phase_row)
        split = QSplitter(Qt.Orientation.Vertical, response)  # the user shares the height between the two
        split.addWidget(self.priority_plot)
        split.addWidget(self.district_table)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.district_table.setMinimumHeight(120)  # a header and a few rows however low the dock is
        response_layout.addWidget(split, 1)

        levels = QWidget(self)
        levels_layout = QVBoxLayout(levels)
        self.levels_note = QLabel(self)
        self.levels_note.setObjectName("analytics_levels_note")
        self.levels_note.setWordWrap(True)
        self.level_table = self._table(4, "analytics_levels")
        self.level_table.cellDoubleClicked.connect(self._level_clicked)
        self.refit_button = QPushButton(self)
        self.refit_button.setObjectName("analytics_refit")
        self.refit_button.clicked.connect(self.refitRequested)
        levels_layout.addWidget(self.levels_note)
        levels_layout.addWidget(self.level_table, 1)
        levels_layout.addWidget(self.refit_button, 0, Qt.AlignmentFlag.AlignRight)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("analytics_tabs")
        self.tabs.addTab(self.hourly, "")
        self.tabs.addTab(response, "")
        self.tabs.addTab(levels, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(figures)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    @property
    def district_names(self) -> Mapping[str, str]:
        return self._district_names()

    @staticmethod
    def _table(columns: int, name: str) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)
        return table

    # --- fed by the service -----------------------------------------------------------------------------

    def show_figures(self, figures: DashboardFigures) -> None:
        self.figures = figures
        self._draw_figures()
        self._draw_response()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._draw_levels()
        self._draw_status()

    def show_busy(self, what: str, fraction: float) -> None:
        """The history worker's news: what it does and how far ("" when done); the values shown stay."""
        if not what:
            self.progress.hide()
            self._draw_status()
            self._draw_levels()
            return
        self.status.setText(what)
        self.progress.setRange(0, 0 if fraction < 0 else 1000)
        if fraction >= 0:
            self.progress.setValue(int(fraction * 1000))
        if self.progress.isHidden():
            self.progress.show()
            self._draw_levels()

    # --- drawing -------------------------------------------------------------------------------------

    def _draw_figures(self) -> None:
        figures = self.figures
        if figures is None:
            for figure in (self.calls_figure, self.valid_figure, self.share_figure, self.clearance_figure):
                figure.show_value("—", "")
            return
        hours = np.arange(24, dtype=float)
        self.calls_bars.setOpts(x=hours - 0.2, height=np.asarray(figures.calls, dtype=float))
        self.valid_bars.setOpts(x=hours + 0.2, height=np.asarray(figures.valid, dtype=float))
        self.now_line.setValue(figures.hour + (figures.now_ms - figures.day_start_ms) % 3_600_000 / 3_600_000 - 0.5)
        self.hourly.setYRange(0, max(1, *figures.calls, *figures.valid) * 1.3, padding=0)  # room for the legend
        self.calls_figure.show_value(f"{sum(figures.calls):,}",
                                     translate("AnalyticsDashboard", "110 calls today"))
        self.valid_figure.show_value(f"{sum(figures.valid):,}",
                                     translate("AnalyticsDashboard", "valid incidents today"))
        self.share_figure.show_value(
            share_text(figures.non_police_share), translate("AnalyticsDashboard", "non-police"),
            translate("AnalyticsDashboard", "{police} police · {non_police} non-police").format(
                police=figures.police, non_police=figures.non_police))
        self.clearance_figure.show_value(
            share_text(figures.clearance), translate("AnalyticsDashboard", "cleared"),
            translate("AnalyticsDashboard", "{closed} of {created} closed · median {median}").format(
                closed=figures.closed, created=figures.created, median=minutes_text(figures.median_close_s)))

    def _phase_figures(self) -> tuple[Sequence[ResponseFigures], Sequence[ResponseFigures]]:
        figures = self.figures
        assert figures is not None
        if self.phase_box.currentIndex() == 1:
            return figures.arrival_by_priority, figures.arrival_by_district
        return figures.dispatch_by_priority, figures.dispatch_by_district

    def _draw_response(self) -> None:
        if self.figures is None:
            return
        by_priority, by_district = self._phase_figures()
        x = np.arange(len(by_priority), dtype=float)
        minutes = [(f.median_s or 0) / 60 for f in by_priority], [(f.p90_s or 0) / 60 for f in by_priority]
        self.median_bars.setOpts(x=x - 0.16, height=minutes[0])
        self.p90_bars.setOpts(x=x + 0.16, height=minutes[1])
        self.target_marks.setData(x=x, y=[(f.target_s or 0) / 60 for f in by_priority])
        # Short ticks (a narrow dock overlaps long ones): the priority and its share within target; the table
        # below has the counts.
        self.priority_plot.getAxis("bottom").setTicks([[
            (n, f"P{f.key} · {share_text(f.share_within)}") for n, f in enumerate(by_priority)]])
        self.priority_plot.setXRange(-0.6, len(by_priority) - 0.4, padding=0)
        top = max([*minutes[0], *minutes[1], *[(f.target_s or 0) / 60 for f in by_priority], 1.0])
        self.priority_plot.setYRange(0, top * 1.45, padding=0)  # headroom: the legend sits above the bars
        # The priorities first, then the districts: one table of every group the charts summarise.
        groups = [(labels.priority(int(f.key)), f) for f in by_priority]
        groups += [(self.district_names.get(f.key, f.key), f) for f in by_district]
        table = self.district_table
        table.setRowCount(len(groups))
        for row, (name, figure) in enumerate(groups):
            share = figure.share_within
            colour = "" if share is None else "#2e7d32" if share >= WITHIN_GOOD else "#ef6c00" if share >= WITHIN_FAIR \
                else "#c62828"
            cells = (name, str(figure.count), share_text(share), minutes_text(figure.median_s),
                     minutes_text(figure.p90_s))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and colour:
                    item.setForeground(QBrush(QColor(colour)))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)

    def _draw_levels(self) -> None:
        snapshot = self.snapshot
        table = self.level_table
        table.setRowCount(len(self.district_names))
        levels = snapshot.levels.by_area if snapshot is not None else {}
        # Before the first fit has come back, an area without a level is not yet known, not short of history.
        first_fit = not self.progress.isHidden() and (snapshot is None or snapshot.model is None)
        missing = translate("AnalyticsDashboard", "being worked out…") if first_fit else translate(
            "AnalyticsDashboard", "not enough history")
        staffing_for = self.staffing_for
        for row, (adcode, name) in enumerate(self.district_names.items()):
            level = levels.get(self._make_area("district", adcode))
            if level is None or level.colour is None:
                cells = (name, missing, "", "")
                colour = THIN_COLOUR
            else:
                rule = staffing_for(level) if staffing_for is not None else None
                cells = (name, colour_name(str(level.colour), short=True), staffing_text(rule), level_details(level))
                colour = COLOURS.get(str(level.colour), THIN_COLOUR)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the reasons are long: the whole sentence under the pointer
                item.setData(Qt.ItemDataRole.UserRole, adcode)
                if column == 1:
                    item.setForeground(QBrush(QColor(colour)))
                    item.setText(f"■ {text}")
                table.setItem(row, column, item)

    def _level_clicked(self, row: int, _column: int) -> None:
        item = self.level_table.item(row, 0)
        if item is not None:
            self.trendRequested.emit(self._make_area("district", item.data(Qt.ItemDataRole.UserRole)))

    def _draw_status(self) -> None:
        snapshot = self.snapshot
        self.history_button.setVisible(snapshot is not None and not snapshot.levels.by_area)
        if snapshot is None:
            self.status.setText(translate("AnalyticsDashboard", "Reading the event log…"))
            return
        if not snapshot.levels.by_area:
            self.status.setText(translate(
                "AnalyticsDashboard", "No level yet: there is not enough history to learn the normal values from. "
                "Generate a practice history (simulated, 8 weeks), or put a generated log at {path}."
            ).format(path=self.history_path))
            return
        fitted = localtime.date_time_text(snapshot.levels.fitted_at_ms) if snapshot.levels.fitted_at_ms else "—"
        at = localtime.date_time_text((snapshot.levels.at_slot + 1) * 3_600_000)
        text = translate("AnalyticsDashboard", "Levels of the hour ending {at}; normal values fitted {fitted}."
                         ).format(at=at, fitted=fitted)
        if snapshot.levels.fit_error:
            text += " " + translate(
                "AnalyticsDashboard", "The last fit failed ({reason}): these are the values fitted before."
            ).format(reason=snapshot.levels.fit_error)
        self.status.setText(text)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AnalyticsDashboard", "Command dashboard"))
        self.tabs.setTabText(0, translate("AnalyticsDashboard", "Today"))
        self.tabs.setTabText(1, translate("AnalyticsDashboard", "Response times"))
        self.tabs.setTabText(2, translate("AnalyticsDashboard", "Levels"))
        self.hourly_legend.clear()
        self.hourly_legend.addItem(self.calls_bars, translate("AnalyticsDashboard", "110 calls"))
        self.hourly_legend.addItem(self.valid_bars, translate("AnalyticsDashboard", "valid incidents"))
        self.hourly.setLabel("bottom", translate("AnalyticsDashboard", "hour of the day"))
        self.priority_legend.clear()
        self.priority_legend.addItem(self.median_bars, translate("AnalyticsDashboard", "median"))
        self.priority_legend.addItem(self.p90_bars, translate("AnalyticsDashboard", "90th percentile"))
        self.priority_legend.addItem(self.target_marks, translate("AnalyticsDashboard", "target"))
        self.priority_plot.setLabel("left", translate("AnalyticsDashboard", "minutes"))
        self.phase_label.setText(translate("AnalyticsDashboard", "Response time"))
        index = self.phase_box.currentIndex()
        self.phase_box.blockSignals(True)
        self.phase_box.clear()
        self.phase_box.addItems([translate("AnalyticsDashboard", "call → dispatch"),
                                 translate("AnalyticsDashboard", "dispatch → arrival")])
        self.phase_box.setCurrentIndex(max(0, index))
        self.phase_box.blockSignals(False)
        self.district_table.setHorizontalHeaderLabels([
            translate("AnalyticsDashboard", "Priority / district"), translate("AnalyticsDashboard", "Incidents"),
            translate("AnalyticsDashboard", "Within target"), translate("AnalyticsDashboard", "Median"),
            translate("AnalyticsDashboard", "90th percentile")])
        self.level_table.setHorizontalHeaderLabels([
            translate("AnalyticsDashboard", "District"), translate("AnalyticsDashboard", "Level"),
            translate("AnalyticsDashboard", "Staffing"), translate("AnalyticsDashboard", "Why")])
        self.levels_note.setText(translate(
            "AnalyticsDashboard", "The last complete hour against each district's normal value. Double-click a "
            "district for its trend."))
        self.refit_button.setText(translate("AnalyticsDashboard", "Refit now"))
        self.refit_button.setToolTip(translate("AnalyticsDashboard",
                                               "Fit the normal values again from the counts read so far"))
        self.history_button.setText(translate("AnalyticsDashboard", "Generate practice history (simulated, 8 weeks)…"))
        self._draw_figures()
        self._draw_response()
        self._draw_levels()
        self._draw_status()
