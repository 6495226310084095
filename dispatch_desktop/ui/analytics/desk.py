"""Command analytics on the live desk: the Analytics menu, the dashboard and trend panels, the two level
map layers, and the service that works it all out off the GUI thread.

Built like the replay launcher: the composition root makes one ``AnalyticsDesk(window, city, url)``
before the window's layout is restored and calls ``stop()`` when the desk closes. The panels are docks of
the window's panel registry (``analytics_dashboard``, ``analytics_trend``, hidden until asked for); the
layers are contributed map layers (``analytics.district_levels``, ``analytics.station_levels``, listed
in the map's layer switches, off until switched on), the same API a plugin's layers use.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMenu

from dispatch_desktop import paths
from dispatch_desktop.domain.city import City
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.analytics.dashboard_panel import DashboardPanel
from dispatch_desktop.ui.analytics.engine import AnalyticsEngine, Snapshot, Toolkit, real_toolkit
from dispatch_desktop.ui.analytics.level_layer import DISTRICT_LAYER, STATION_LAYER, LevelLayer, map_areas
from dispatch_desktop.ui.analytics.practice_history import PracticeHistory
from dispatch_desktop.ui.analytics.service import COUNTS_INTERVAL_MS, DASHBOARD_INTERVAL_MS, AnalyticsService
from dispatch_desktop.ui.analytics.trend_chart import TrendChart
from dispatch_desktop.ui.plugins.panels import PanelContribution
from dispatch_desktop.ui.workstation import Workstation

if TYPE_CHECKING:
    from dispatch_desktop.analytics.config import StaffingRule
    from dispatch_desktop.analytics.counts import Area
    from dispatch_desktop.analytics.levels import AreaLevel

translate = QCoreApplication.translate  # lupdate collects translate("<context>", "<text>") calls
DASHBOARD_PANEL = "analytics_dashboard"
TREND_PANEL = "analytics_trend"
START_DELAY_MS = 5_000  # the first read of the log waits until the desk has come up



class AnalyticsDesk(QObject):
    def __init__(self, window: Workstation, city: City, database_url: str, *, data_dir: Path | None = None,
                 toolkit: Toolkit | None = None, now_ms: Callable[[], int] = lambda: int(time.time() * 1000),
                 interval_ms: int = DASHBOARD_INTERVAL_MS, counts_interval_ms: int = COUNTS_INTERVAL_MS,
                 start_delay_ms: int = START_DELAY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.city = city
        self.toolkit = toolkit or real_toolkit()
        self.engine = AnalyticsEngine(city, database_url, data_dir or paths.data_dir(), self.toolkit)
        make_area = self.toolkit.area
        self.service = AnalyticsService(self.engine, lambda: window.city_model.state,
                                        districts=[d.adcode for d in city.districts], now_ms=now_ms,
                                        interval_ms=interval_ms, counts_interval_ms=counts_interval_ms, parent=self)
        self.panel = DashboardPanel(self.district_names, make_area)
        self.panel.history_path = str(self.engine.history_path)
        self.trend = TrendChart()
        # The dashboard beside the alerts and the dispatch panel, the tallest stack on the right: its figures,
        # charts and tables need the height (beside the unit board on 1920×1080 it had to scroll). The trend
        # beside the unit board: a dispatcher who opens it from the level map keeps the dispatch panel in view.
        window.panels.add(PanelContribution(DASHBOARD_PANEL, lambda: self.panel, tab_group="core.alerts"))
        window.panels.add(PanelContribution(TREND_PANEL, lambda: self.trend, tab_group="core.unit_board"))
        for name in (DASHBOARD_PANEL, TREND_PANEL):
            window.dock(name).hide()  # a leader's view: shown from the Analytics menu or the View menu
        window.dock(DASHBOARD_PANEL).visibilityChanged.connect(self.service.set_active)
        window.dock(TREND_PANEL).visibilityChanged.connect(self._trend_shown)

        layers = window.map_bridge.plugin_layers
        self._snapshot: Snapshot | None = None
        self._busy = False
        self.district_layer = LevelLayer(
            layers.add(DISTRICT_LAYER, lambda: translate("AnalyticsDesk", "Levels by district"), visible=False),
            map_areas(city, "district", make_area), self.show_trend)
        self.station_layer = LevelLayer(
            layers.add(STATION_LAYER, lambda: translate("AnalyticsDesk", "Levels by station area"), visible=False),
            map_areas(city, "station", make_area), self.show_trend)

        self.practice: PracticeHistory | None = None
        self._wire()
        self.menu = QMenu(window)
        self.menu.setObjectName("analytics_menu")
        self.dashboard_action = self.menu.addAction("")
        self.dashboard_action.setObjectName("analytics_dashboard_action")
        self.dashboard_action.triggered.connect(lambda: self._show_dock(DASHBOARD_PANEL))
        self.trend_action = self.menu.addAction("")
        self.trend_action.triggered.connect(lambda: self._show_dock(TREND_PANEL))
        self.menu.addSeparator()
        self.refit_action = self.menu.addAction("")
        self.refit_action.setObjectName("analytics_refit_action")
        self.refit_action.triggered.connect(self.refit)
        self.history_action = self.menu.addAction("")
        self.history_action.setObjectName("analytics_history_action")
        self.history_action.triggered.connect(self.generate_history)
        window.menuBar().insertMenu(window.settings_menu.menuAction(), self.menu)
        window.language.languageChanged.connect(lambda _language: self.retranslate())
        self.retranslate()
        if start_delay_ms >= 0:
            QTimer.singleShot(start_delay_ms, self, self.service.start)

    def district_names(self) -> dict[str, str]:
        """adcode -> the district's name in the desk's language, in the city's order."""
        return {d.adcode: labels.district_name(d.adcode, d.name) for d in self.city.districts}

    def _wire(self) -> None:
        service, panel, trend = self.service, self.panel, self.trend
        self.window.city_model.stateChanged.connect(lambda _state: service.request_dashboard())
        service.dashboardChanged.connect(panel.show_figures)
        service.snapshotChanged.connect(self._on_snapshot)
        service.busyChanged.connect(panel.show_busy)
        service.busyChanged.connect(lambda what, _fraction: self._show_first_fit(busy=bool(what)))
        service.trendReady.connect(trend.show_trend)
        service.failed.connect(lambda text: self.window.status_bar.showMessage(text, 15_000))
        trend.requested.connect(service.request_trend)
        panel.trendRequested.connect(self.show_trend)
        panel.refitRequested.connect(self.refit)
        panel.historyRequested.connect(self.generate_history)

    def _trend_shown(self, shown: bool) -> None:
        if shown:
            self.trend.ask_again()

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        staffing_for = self.toolkit.staffing_for
        config = snapshot.config

        def rule(level: AreaLevel) -> StaffingRule | None:
            return staffing_for(level, config)

        self.panel.staffing_for = rule
        self.trend.training_weeks = config.training_weeks
        self.panel.show_snapshot(snapshot)
        self._snapshot = snapshot
        self.district_layer.set_levels(snapshot.levels.by_area)
        self.station_layer.set_levels(snapshot.levels.by_area)
        self._show_first_fit(busy=self._busy)
        if self.window.dock(TREND_PANEL).isVisible():
            self.trend.ask_again()

    def _show_first_fit(self, *, busy: bool) -> None:
        """While the history worker reads or fits and no model has come back yet, the map's areas without a
        level say they are being worked out, not that history is short (it may be plenty)."""
        self._busy = busy
        first_fit = busy and (self._snapshot is None or self._snapshot.model is None)
        self.district_layer.set_first_fit(first_fit)
        self.station_layer.set_first_fit(first_fit)

    # --- the user's asks ---------------------------------------------------------------------------------

    def show_trend(self, area: Area) -> None:
        """A click on an area (map or table): its trend, in front."""
        names = {shown.area: shown.name for shown in (*self.district_layer.areas, *self.station_layer.areas)}
        self._show_dock(TREND_PANEL)
        self.trend.show_area(area, names.get(area, area.id))

    def refit(self) -> None:
        self.window.status_bar.showMessage(translate("AnalyticsDesk", "Fitting the normal values again…"), 5_000)
        self.service.refresh(refit=True)

    def generate_history(self) -> None:
        if self.practice is not None and self.practice.dialog is not None:
            self.practice.dialog.raise_()
            return
        practice = self.practice = PracticeHistory(self.engine.history_path, self.city, self.toolkit, self.window)
        practice.written.connect(self._history_written)
        practice.failed.connect(lambda text: self.window.status_bar.showMessage(text, 15_000))
        practice.start()

    def _history_written(self) -> None:
        self.window.status_bar.showMessage(
            translate("AnalyticsDesk", "Practice history written: fitting the normal values…"), 10_000)
        self.service.replace_history()

    def _show_dock(self, name: str) -> None:
        dock = self.window.dock(name)
        dock.show()
        dock.raise_()

    def retranslate(self) -> None:
        self.menu.setTitle(translate("AnalyticsDesk", "&Analytics"))
        self.dashboard_action.setText(translate("AnalyticsDesk", "Command dashboard"))
        self.trend_action.setText(translate("AnalyticsDesk", "District trend"))
        self.refit_action.setText(translate("AnalyticsDesk", "Refit the normal values now"))
        self.history_action.setText(translate("AnalyticsDesk", "Generate practice history (simulated, 8 weeks)…"))
        self.history_action.setToolTip(translate(
            "AnalyticsDesk", "Eight simulated weeks of incidents to learn the normal values from, written beside your "
            "log (never into it)"))
        self.trend.set_areas({self.toolkit.area("district", adcode): name
                              for adcode, name in self.district_names().items()})
        self.panel.retranslate()
        self.trend.retranslate()
        self.district_layer.refresh()
        self.station_layer.refresh()

    def stop(self) -> None:
        if self.practice is not None:
            self.practice.cancel()
        self.service.stop()
