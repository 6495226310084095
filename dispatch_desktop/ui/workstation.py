"""The dispatcher's workstation as the composition root builds it.

    feed = StateFeed()                      # on the GUI thread, before the bus client starts
    client = WorkstationClient(..., on_state=feed.push, on_connection=feed.set_connected)
    window = Workstation(city, feed, WorkstationSettings(user="zhang.wei"))
    window.show()

Everything else (intake forms, the video wall, plugins) joins through the extension points here:
``add_panel``, the shared ``selection``, ``city_model`` and ``map_view.bridge`` (``mapClicked``
gives the lat/lon of a click on an empty spot of the map).
"""

from __future__ import annotations

import functools
import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMenu, QWidget

from dispatch_desktop import paths
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.staleness import DEFAULT_STALENESS, StalenessPolicy
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATIONS_DIR, LanguageManager
from dispatch_desktop.ui.link_banner import LinkBanner
from dispatch_desktop.ui.main_window import MainWindow
from dispatch_desktop.ui.map.bridge import MapBridge
from dispatch_desktop.ui.map.layer_menu import LayerMenu
from dispatch_desktop.ui.map.view import MapView
from dispatch_desktop.ui.models.alerts import AlertsModel
from dispatch_desktop.ui.models.city_model import CityModel, wall_clock_ms
from dispatch_desktop.ui.models.incident_table import IncidentTableModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.models.state_feed import StateFeed
from dispatch_desktop.ui.models.unit_table import UnitTableModel
from dispatch_desktop.ui.panels.alerts_panel import AlertsPanel
from dispatch_desktop.ui.panels.incident_detail import IncidentDetailPanel
from dispatch_desktop.ui.panels.incident_queue import IncidentQueuePanel
from dispatch_desktop.ui.panels.unit_board import UnitBoardPanel
from dispatch_desktop.ui.plugins.panels import PanelContribution, PanelRegistry
from dispatch_desktop.ui.status_bar import WorkstationStatusBar
from dispatch_desktop.ui.user_settings import UserSettings


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment nor the password database
        return "dispatcher"


@dataclass(frozen=True)
class WorkstationSettings:
    user: str = field(default_factory=_login_name)
    config_dir: Path | None = None  # default: the platformdirs config dir (per-user layouts live there)
    cache_dir: Path | None = None  # default: the platformdirs cache dir (map page, compiled catalogues)
    language: str | None = None  # None: the user's last choice, else Simplified Chinese
    tile_url: str | None = None  # None: the user's saved intranet tile server ("" = plain background)
    translations_dir: Path = TRANSLATIONS_DIR
    clock: Callable[[], int] = wall_clock_ms
    restore_layout: bool = True
    staleness: StalenessPolicy = DEFAULT_STALENESS
    sound: bool | None = None  # None: the user's last choice in the Settings menu, else on
    workstation: str = ""  # shown in the title bar
    operator: str = ""  # the person signed in, shown in the title bar
    simulated: bool = False  # the city is a simulation: say so everywhere, never "live"

    def resolved_config_dir(self) -> Path:
        return self.config_dir or paths.config_dir()

    def resolved_cache_dir(self) -> Path:
        return self.cache_dir or paths.cache_dir()


def _same(widget: QWidget) -> QWidget:
    return widget


class Workstation(MainWindow):
    def __init__(self, city: City, feed: StateFeed, settings: WorkstationSettings | None = None,
                 parent: QWidget | None = None) -> None:
        settings = settings or WorkstationSettings()
        cache_dir = settings.resolved_cache_dir()
        user_settings = UserSettings(settings.resolved_config_dir(), settings.user)
        language = LanguageManager(settings.translations_dir, cache_dir / "translations")
        super().__init__(language, user_settings, parent)
        language.setParent(self)
        self.city = city
        self.feed = feed

        # models (the panels and the map subscribe to these)
        self.settings = settings
        self.settings_cache_dir = cache_dir
        self.closing_check: Callable[[], bool] | None = None  # asked before the window closes
        self.city_model = CityModel(feed, self, clock=settings.clock)
        self.city_model.set_simulated(settings.simulated)
        self.selection = SelectionModel(self)
        self.unit_table = UnitTableModel(self.city_model, city, self, staleness=settings.staleness)
        self.incident_table = IncidentTableModel(self.city_model, city, self)
        self.alerts_model = AlertsModel(self.city_model, self)
        for model in (self.unit_table, self.incident_table, self.alerts_model):
            language.languageChanged.connect(lambda _lang, model=model: model.retranslate())

        # the map in the middle
        tile_url = settings.tile_url if settings.tile_url is not None else user_settings.tile_url()
        self.map_view = MapView(city, self.city_model, self.selection, language, cache_dir=cache_dir,
                                tile_url=tile_url, staleness=settings.staleness, parent=self)
        self.setCentralWidget(self.map_view)
        self.map_view.mapFailed.connect(self._on_map_failed)

        # panels around it
        self.incident_queue = IncidentQueuePanel(self.incident_table, self.selection)
        self.incident_detail = IncidentDetailPanel(self.city_model, self.selection, city)
        self.unit_board = UnitBoardPanel(self.unit_table, self.selection)
        self.alerts_panel = AlertsPanel(self.alerts_model, self.selection)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        # The side columns run the full height; a bottom panel (the video wall) sits under the map only.
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        # The desk's own panels dock through the registry plugins' panels go through.
        self.panels = PanelRegistry(self)
        core: list[tuple[str, QWidget, str]] = [
            ("incident_queue", self.incident_queue, "left"), ("incident_detail", self.incident_detail, "left"),
            ("unit_board", self.unit_board, "right"), ("alerts", self.alerts_panel, "right")]
        for name, widget, area in core:
            self.panels.add(PanelContribution(name, functools.partial(_same, widget), area=area))
        self.resizeDocks([self.dock("incident_queue"), self.dock("unit_board")], [560, 520],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.dock("incident_queue"), self.dock("incident_detail")], [520, 420],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.dock("unit_board"), self.dock("alerts")], [620, 320], Qt.Orientation.Vertical)
        self.alerts_model.sosRaised.connect(self._on_sos)

        self.status_bar = WorkstationStatusBar(self.city_model, self)
        self.setStatusBar(self.status_bar)
        self.link_banner = LinkBanner(self.city_model, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.link_banner)
        self.layer_menu = LayerMenu(self.map_view.bridge, self)
        self.view_menu.insertMenu(self.reset_layout_action, self.layer_menu)
        self.view_menu.insertSeparator(self.reset_layout_action)
        self.settings_menu = QMenu(self)
        self.settings_menu.setObjectName("settings_menu")
        self.sound_action = QAction(self, checkable=True)
        self.sound_action.setObjectName("sound_action")
        # On by default for live work; a simulated city (the demo) starts quiet: its incidents are not real.
        sound = settings.sound if settings.sound is not None else user_settings.sound(not settings.simulated)
        self.sound_action.setChecked(sound)
        self.sound_action.toggled.connect(user_settings.set_sound)
        self.settings_menu.addAction(self.sound_action)
        self.help_menu = QMenu(self)
        self.help_menu.setObjectName("help_menu")
        self.keys_action = QAction(self)
        self.keys_action.setObjectName("keys_action")
        self.keys_action.setShortcut("F1")
        self.about_action = QAction(self)
        self.about_action.setObjectName("about_action")
        self.help_menu.addAction(self.keys_action)
        self.help_menu.addAction(self.about_action)
        self.menuBar().addMenu(self.settings_menu)
        self.menuBar().addMenu(self.help_menu)
        self.city_model.modeChanged.connect(lambda _mode: self.setWindowTitle(self.window_title()))

        self.finish_layout(restore=settings.restore_layout)
        chosen = settings.language or user_settings.language(DEFAULT_LANGUAGE)
        language.set_language(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)
        self.retranslate()
        self.city_model.start_clock()

    # --- texts -----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "help_menu"):
            return  # MainWindow's constructor translates before this window's menus exist
        translate = QCoreApplication.translate
        self.settings_menu.setTitle(translate("Workstation", "&Settings"))
        self.sound_action.setText(translate("Workstation", "Sound for overdue timers and SOS"))
        self.help_menu.setTitle(translate("Workstation", "&Help"))
        self.keys_action.setText(translate("Workstation", "Keyboard reference"))
        self.keys_action.setToolTip(translate("Workstation", "Show every key of the desk"))
        self.about_action.setText(translate("Workstation", "About Dispatch Desktop"))

    def window_title(self) -> str:
        """Product — what the desk shows (模拟 / 实战 / 演练 / 回放) — workstation — operator."""
        if not hasattr(self, "city_model"):
            return super().window_title()
        translate = QCoreApplication.translate
        parts = [translate("MainWindow", "Dispatch Desktop"), labels.display_mode(self.city_model.mode)]
        if self.settings.workstation:
            parts.append(translate("Workstation", "workstation {id}").format(id=self.settings.workstation))
        if self.settings.operator:
            parts.append(translate("Workstation", "operator {name}").format(name=self.settings.operator))
        return " — ".join(parts)


    # --- extension points ------------------------------------------------------------------------------

    @property
    def map_bridge(self) -> MapBridge:
        """Map events for other panels: ``mapClicked(lat, lon)``, ``unitClicked``, ``incidentClicked``;
        ``center_on`` and ``set_layer_visible`` to steer it."""
        return self.map_view.bridge

    # --- reactions ---------------------------------------------------------------------------------------

    def _on_sos(self, unit_id: str) -> None:
        dock = self.dock("alerts")
        dock.show()
        dock.raise_()
        unit = self.city_model.state.units.get(unit_id)
        name = unit.name if unit is not None else unit_id
        self.status_bar.showMessage(QCoreApplication.translate("Workstation", "SOS from {unit}").format(unit=name),
                                    15_000)

    def _on_map_failed(self, message: str) -> None:
        self.status_bar.showMessage(
            QCoreApplication.translate("Workstation", "Map unavailable: {reason}").format(reason=message)
        )

    def show_on_start(self) -> None:
        """Maximised, on the screen it starts on: a dispatcher's desk fills its monitor. A user's saved
        layout keeps its own geometry (another monitor, a smaller window)."""
        if self._geometry_restored:
            self.show()
        else:
            self.showMaximized()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closing_check is not None and not self.closing_check():
            event.ignore()
            return
        super().closeEvent(event)
        if event.isAccepted():
            self.city_model.stop_clock()
            self.language.uninstall()
