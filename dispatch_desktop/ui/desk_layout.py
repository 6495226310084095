"""The desk's default arrangement, sized to the screen it opens on (used when the user has no saved
layout): on 1920×1080 and on 1366×768 alike the map keeps the middle, the calls and the queue the left
(the intake under them), the unit board and the dispatch panel the right, with room for five units in each
of the dispatch panel's lists; the video wall is a strip while it has nothing to show."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dispatch_desktop.ui.workstation import Workstation

WALL_HEIGHT = 260
WALL_STRIP_HEIGHT = 60
SMALL_SCREEN_HEIGHT = 900  # below this (1366×768, 1280×800…) the right column is one stack of tabs


def fit_layout(window: Workstation, *, wall_collapsed: bool) -> None:
    # The screen's size, not the window's: a window manager may not have maximised it yet.
    screen = window.screen().availableGeometry()
    width, height = screen.width(), screen.height()
    dock = window.dock
    vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
    # Wide enough for the forms, but on a narrow screen never so wide that the map disappears.
    left, right = (max(min(base, int(width * 0.35)), int(width * share)) for base, share in ((380, 0.29),
                                                                                             (400, 0.28)))
    window.resizeDocks([dock("incident_queue"), dock("unit_board")], [left, right], horizontal)
    column = height - window.menuBar().sizeHint().height() - window.statusBar().sizeHint().height()
    calls = 90 if height < SMALL_SCREEN_HEIGHT else 150
    intake = max(dock("intake").minimumSizeHint().height(), int(column * 0.45))
    window.resizeDocks([dock("calls"), dock("incident_queue"), dock("intake")],
                       [calls, max(150, column - calls - intake), intake], vertical)
    if height < SMALL_SCREEN_HEIGHT:
        # No room for two stacks on the right: the unit board, and every other panel of that side (the
        # analytics panels too, hidden until asked for), join the dispatch panel's tabs, so the dispatch panel
        # has the column's height and shows five units in each of its lists. A panel shown later in a stack
        # of its own would have to fit above the dispatch panel: the window would outgrow the screen.
        right_side = Qt.DockWidgetArea.RightDockWidgetArea
        for name in window.dock_names():
            if name != "dispatch" and window.dockWidgetArea(dock(name)) == right_side:
                window.tabifyDockWidget(dock("dispatch"), dock(name))
        dock("dispatch").show()
        dock("dispatch").raise_()
        window.resizeDocks([dock("dispatch")], [column], vertical)
    else:
        dispatch = max(500, int(column * 0.62))
        window.resizeDocks([dock("unit_board"), dock("dispatch")], [column - dispatch, dispatch], vertical)
    fit_wall(window, collapsed=wall_collapsed)


def fit_wall(window: Workstation, *, collapsed: bool) -> None:
    """The video wall is a strip while it has nothing to show: the map gets the room."""
    screen = window.screen().availableGeometry().height()
    height = WALL_STRIP_HEIGHT if collapsed else max(WALL_HEIGHT, screen // 4)
    window.resizeDocks([window.dock("video_wall")], [height], Qt.Orientation.Vertical)
