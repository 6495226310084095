"""The replay window's default arrangement, sized to its screen (when the user has no saved one): the map in
the middle, the timeline under it, the queue and the detail on the left, the unit board on the right above
(on a 1366×768 screen: within) one stack of tabs: the followed incident's statistics in front, the alerts
and every plugin's panel behind (a replay is read, not worked: one panel at a time on that side is enough,
and the map keeps its room)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dispatch_desktop.ui.desk_layout import SMALL_SCREEN_HEIGHT
from dispatch_desktop.ui.workstation import Workstation

STACK = "replay_statistics"  # the right column's tab stack
TIMELINE_SHARE = 0.32  # of the window's height


def fit_replay_layout(window: Workstation) -> None:
    screen = window.screen().availableGeometry()
    width, height = screen.width(), screen.height()
    dock = window.dock
    right = Qt.DockWidgetArea.RightDockWidgetArea
    small = height < SMALL_SCREEN_HEIGHT  # 1366×768: no room for two stacks, the unit board joins the tabs
    for name in window.dock_names():
        if name != STACK and window.dockWidgetArea(dock(name)) == right and (small or name != "unit_board"):
            window.tabifyDockWidget(dock(STACK), dock(name))
    for name in ("incident_queue", STACK):
        dock(name).show()
        dock(name).raise_()
    side_left, side_right = max(320, int(width * 0.2)), max(360, int(width * 0.24))
    window.resizeDocks([dock("incident_queue"), dock("unit_board")], [side_left, side_right],
                       Qt.Orientation.Horizontal)
    column = height - window.menuBar().sizeHint().height() - window.statusBar().sizeHint().height()
    if not small:
        window.resizeDocks([dock("unit_board"), dock(STACK)], [int(column * 0.3), int(column * 0.7)],
                           Qt.Orientation.Vertical)
    window.resizeDocks([dock("incident_queue"), dock("incident_detail")], [int(column * 0.45), int(column * 0.55)],
                       Qt.Orientation.Vertical)
    window.resizeDocks([dock("replay_timeline")], [int(height * TIMELINE_SHARE)], Qt.Orientation.Vertical)
