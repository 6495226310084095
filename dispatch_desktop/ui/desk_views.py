"""What the dispatcher's window shows of the city, built by the composition root for the frame: the map
in the middle and the four panels that read the shared models (the incident queue and detail, the unit
board, the alerts), docked through the panel registry as any plugin's panel is."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from dispatch_desktop.ui.map.view import MapView
from dispatch_desktop.ui.panels.alerts_panel import AlertsPanel
from dispatch_desktop.ui.panels.incident_detail import IncidentDetailPanel
from dispatch_desktop.ui.panels.incident_queue import IncidentQueuePanel
from dispatch_desktop.ui.panels.unit_board import UnitBoardPanel
from dispatch_desktop.ui.plugins.panels import PanelContribution
from dispatch_desktop.ui.workstation import Workstation


@dataclass(frozen=True)
class DeskViews:
    map_view: MapView
    incident_queue: IncidentQueuePanel
    incident_detail: IncidentDetailPanel
    unit_board: UnitBoardPanel
    alerts_panel: AlertsPanel


def _same(widget: QWidget) -> QWidget:
    return widget


def add_desk_views(window: Workstation) -> DeskViews:
    settings = window.settings
    tile_url = settings.tile_url
    if tile_url is None:
        tile_url = window.user_settings.tile_url() if window.user_settings is not None else ""
    map_view = MapView(window.city, window.city_model, window.selection, window.language,
                       cache_dir=window.settings_cache_dir, tile_url=tile_url, staleness=settings.staleness,
                       parent=window)
    window.set_map(map_view)
    views = DeskViews(
        map_view=map_view,
        incident_queue=IncidentQueuePanel(window.incident_table, window.selection),
        incident_detail=IncidentDetailPanel(window.city_model, window.selection, window.city),
        unit_board=UnitBoardPanel(window.unit_table, window.selection),
        alerts_panel=AlertsPanel(window.alerts_model, window.selection),
    )
    for name, widget, area in (("incident_queue", views.incident_queue, "left"),
                               ("incident_detail", views.incident_detail, "left"),
                               ("unit_board", views.unit_board, "right"), ("alerts", views.alerts_panel, "right")):
        window.panels.add(PanelContribution(name, functools.partial(_same, widget), area=area))
    dock = window.dock
    window.resizeDocks([dock("incident_queue"), dock("unit_board")], [560, 520], Qt.Orientation.Horizontal)
    window.resizeDocks([dock("incident_queue"), dock("incident_detail")], [520, 420], Qt.Orientation.Vertical)
    window.resizeDocks([dock("unit_board"), dock("alerts")], [620, 320], Qt.Orientation.Vertical)
    return views
