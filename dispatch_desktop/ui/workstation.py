"""The dispatcher's workstation window: the frame, and the shared models everything in it shows.

The frame is the window with its menus, title, status bar and link banner, the one panel registry and the
layout kept per user; the models are the city as the desk sees it (``city_model``), the one ``selection``
and the tables built on them. What the window shows — the map in the middle, the desk's panels, the
plugins' panels — is not built here: the composition root (``dispatch_desktop.app``) adds it, in order,
through the same registry plugins use, then calls ``open``::

    feed = StateFeed()                      # on the GUI thread, before the bus client starts
    window = build_window(city, feed, WorkstationSettings(user="zhang.wei"))   # frame, map, core panels
    ...                                     # the desk's other panels, its plugins
    window.open()                           # the user's saved layout, the clock
    window.show()
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

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
from dispatch_desktop.ui.plugins.panels import PanelRegistry
from dispatch_desktop.ui.status_bar import WorkstationStatusBar
from dispatch_desktop.ui.user_settings import UserSettings

if TYPE_CHECKING:
    from dispatch_desktop.ui.desk_views import DeskViews


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
    restore_layout: bool = True  # the default of ``Workstation.open``
    staleness: StalenessPolicy = DEFAULT_STALENESS
    sound: bool | None = None  # None: the user's last choice in the Settings menu, else on
    workstation: str = ""  # shown in the title bar
    operator: str = ""  # the person signed in, shown in the title bar
    simulated: bool = False  # the city is a simulation: say so everywhere, never "live"

    def resolved_config_dir(self) -> Path:
        return self.config_dir or paths.config_dir()

    def resolved_cache_dir(self) -> Path:
        return self.cache_dir or paths.cache_dir()


class Workstation(MainWindow):
    views: DeskViews
    """The map and the desk's core panels, once the composition root added them (``add_desk_views``)."""
    map_view: MapView
    layer_menu: LayerMenu

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

        # The side columns run the full height; a bottom panel (the video wall) sits under the map only.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        # Every panel, the desk's own and the plugins', docks through this registry.
        self.panels = PanelRegistry(self)
        self.alerts_model.sosRaised.connect(self._on_sos)

        self.status_bar = WorkstationStatusBar(self.city_model, self)
        self.setStatusBar(self.status_bar)
        self.link_banner = LinkBanner(self.city_model, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.link_banner)
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

        chosen = settings.language or user_settings.language(DEFAULT_LANGUAGE)
        language.set_language(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)
        self.retranslate()

    # --- what it shows -----------------------------------------------------------------------------------

    def set_map(self, map_view: MapView) -> None:
        """The map in the middle, with its layer switches in the View menu."""
        self.map_view = map_view
        self.setCentralWidget(map_view)
        map_view.mapFailed.connect(self._on_map_failed)
        self.layer_menu = LayerMenu(map_view.bridge, self)
        self.view_menu.insertMenu(self.reset_layout_action, self.layer_menu)
        self.view_menu.insertSeparator(self.reset_layout_action)

    def open(self, *, restore: bool | None = None) -> bool:
        """Everything has joined: remember this arrangement as the default, bring back the user's own
        (``restore``, default: the settings' ``restore_layout``), start the clock. Returns whether a saved
        layout was restored."""
        restored = self.finish_layout(restore=self.settings.restore_layout if restore is None else restore)
        self.city_model.start_clock()
        return restored

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
