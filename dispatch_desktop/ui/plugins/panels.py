"""Panels, built-in and contributed, docked through one registry.

The desk's own panels (the queue, the dispatch panel, the video wall …) and the panels plugins declare in
their manifests join the window the same way: an id (namespaced: ``core`` for the built-ins, whose ids
are plain names such as ``dispatch``; ``<plugin>.<name>`` for a plugin's), a translated title, a default
area, and optionally the panel it is a tab beside. A plugin names a built-in panel as ``core.<name>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from dispatch_desktop.ui.main_window import MainWindow, Title

AREAS: dict[str, Qt.DockWidgetArea] = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
    "top": Qt.DockWidgetArea.TopDockWidgetArea,
}
CORE = "core"


@dataclass(frozen=True)
class PanelContribution:
    id: str  # the dock's name in saved layouts: a built-in's plain name, a plugin's "<plugin>.<name>"
    factory: Callable[[], QWidget]
    title: Title = None  # None: the widget's own windowTitle
    area: str = "right"
    tab_group: str = ""  # a panel id ("core.dispatch", "shift_log.entries") to become a tab beside
    owner: str = CORE


def dock_name(panel_id: str) -> str:
    """The window's name for a panel id: built-ins keep their plain names (saved layouts use them)."""
    prefix = CORE + "."
    return panel_id[len(prefix):] if panel_id.startswith(prefix) else panel_id


class PanelRegistry:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._owners: dict[str, str] = {}

    def add(self, panel: PanelContribution) -> QDockWidget:
        """Build the panel's widget and dock it. Raises whatever the factory raises (the plugin host runs
        plugin factories inside its guard) and ValueError for an id already in use or an unknown area."""
        if panel.area not in AREAS:
            raise ValueError(f"panel {panel.id}: unknown area {panel.area!r}; use one of {', '.join(AREAS)}")
        name = dock_name(panel.id)
        if name in self._owners:
            raise ValueError(f"a panel {panel.id!r} is already docked (by {self._owners[name]})")
        widget = panel.factory()
        if not isinstance(widget, QWidget):
            raise TypeError(f"panel {panel.id}: the factory returned {type(widget).__name__}, not a QWidget")
        tab = dock_name(panel.tab_group) if panel.tab_group else None
        dock = self.window.add_panel(widget, panel.title, AREAS[panel.area], name=name, tabify_with=tab)
        self._owners[name] = panel.owner
        return dock

    def replace_widget(self, panel_id: str, widget: QWidget) -> None:
        """Show ``widget`` in the panel's dock instead (a stopped plugin's error, say)."""
        dock = self.window.dock(dock_name(panel_id))
        old = dock.widget()
        dock.setWidget(widget)
        if old is not None:
            old.deleteLater()
