"""The workstation's frame: a central widget (the map) and dockable panels around it.

Panels can be rearranged, tabbed, floated out to other monitors and closed; the arrangement is saved
per user when the window closes and restored when it opens. Every panel gets a toggle in the View
menu. ``add_panel`` is how the video wall, the intake forms and plugins join.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QChildEvent, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabBar, QWidget

from dispatch_desktop.ui.i18n import LANGUAGES, LanguageManager
from dispatch_desktop.ui.retranslate import RetranslateMixin
from dispatch_desktop.ui.user_settings import UserSettings

Title = str | Callable[[], str] | None
"""A panel title: fixed text, a function re-read on every language change, or None to follow the
panel widget's own ``windowTitle`` (which its ``retranslate`` keeps current)."""

_ALL_DOCK_FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)


class MainWindow(RetranslateMixin, QMainWindow):
    layoutReset = Signal()  # Reset layout brought the default back: its owner fits it to the screen again

    def __init__(self, language: LanguageManager, user_settings: UserSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dispatch_workstation")
        self.language = language
        self.user_settings = user_settings
        self._docks: dict[str, QDockWidget] = {}
        self._titles: dict[str, Title] = {}
        self._default_layout: bytes | None = None
        self._hidden_by_default: set[str] = set()  # panels kept hidden until asked for (a leader's view)
        self._geometry_restored = False
        self.layout_group = "layout"  # where the user's arrangement of this kind of window is kept
        self.setDockOptions(
            QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.GroupedDragging
        )
        # Never larger than the screen it opens on (a 1366×768 laptop); the desk then maximises it.
        screen = self.screen().availableGeometry()
        self.resize(QSize(min(1600, screen.width()), min(1000, screen.height())))

        self.view_menu = QMenu(self)
        self.view_menu.setObjectName("view_menu")
        self.panels_separator = self.view_menu.addSeparator()
        self.reset_layout_action = QAction(self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.view_menu.addAction(self.reset_layout_action)
        self.language_menu = QMenu(self)
        self.language_menu.setObjectName("language_menu")
        self._language_group = QActionGroup(self)
        self._language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)  # each language named in itself, never translated
            action.setData(code)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self._language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.menuBar().addMenu(self.view_menu)
        self.menuBar().addMenu(self.language_menu)
        language.languageChanged.connect(self._check_language_action)
        self._check_language_action(language.language)
        MainWindow.retranslate(self)  # subclasses extend retranslate() and call it when they are built

    # --- panels -------------------------------------------------------------------------------------

    def add_panel(
        self,
        widget: QWidget,
        title: Title = None,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        *,
        name: str | None = None,
        tabify_with: str | None = None,
    ) -> QDockWidget:
        """Dock ``widget`` in ``area`` (or as a tab beside the panel named ``tabify_with``) and give it a
        View-menu toggle. ``name`` (default: the widget's objectName) identifies the panel in saved
        layouts, so it must be stable and unique. A panel added after the saved layout was restored
        goes back where the user last had it."""
        key = name or widget.objectName()
        if not key:
            raise ValueError("add_panel needs a name (or a widget with an objectName) to save its place")
        if key in self._docks:
            raise ValueError(f"a panel named {key!r} is already docked")
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        dock.setFeatures(_ALL_DOCK_FEATURES)
        self._docks[key] = dock
        self._titles[key] = title
        if title is None:
            widget.windowTitleChanged.connect(dock.setWindowTitle)
        self._apply_title(key)
        # After the saved layout was applied, a late panel goes back where the user last had it.
        restored = self._default_layout is not None and self.restoreDockWidget(dock)
        if not restored:
            if tabify_with is not None and tabify_with in self._docks:
                self.tabifyDockWidget(self._docks[tabify_with], dock)
            else:
                self.addDockWidget(area, dock)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"toggle_{key}")
        self.view_menu.insertAction(self.panels_separator, toggle)
        return dock

    def childEvent(self, event: QChildEvent) -> None:
        # The tab bars of tabbed panels are made by Qt as panels are tabbed, restored or dragged, and
        # elide titles: seven tabs in a laptop's right column read "调…", "值…". Whole titles, scrolled.
        super().childEvent(event)
        bar = event.child()
        if event.type() == QEvent.Type.ChildPolished and isinstance(bar, QTabBar):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)

    def dock_names(self) -> list[str]:
        """Every panel's dock, in the order they were added."""
        return list(self._docks)

    def dock(self, name: str) -> QDockWidget:
        return self._docks[name]

    def _apply_title(self, key: str) -> None:
        title = self._titles[key]
        dock = self._docks[key]
        if title is None:
            dock.setWindowTitle(dock.widget().windowTitle() or key)
        else:
            dock.setWindowTitle(title() if callable(title) else title)

    # --- layout -------------------------------------------------------------------------------------

    def finish_layout(self, *, restore: bool = True) -> bool:
        """Call once the built-in panels are docked: remembers this arrangement as the default (for
        Reset layout) and, with ``restore``, brings back the user's own. Returns whether a saved layout
        was restored."""
        self._default_layout = bytes(self.saveState().data())
        self._hidden_by_default = {name for name, dock in self._docks.items() if dock.isHidden()}
        if not restore or self.user_settings is None:
            return False
        self._geometry_restored = self.user_settings.restore_layout(self, self.layout_group)
        return self._geometry_restored

    def save_layout(self) -> None:
        if self.user_settings is not None:
            self.user_settings.save_layout(self, self.layout_group)

    def reset_layout(self) -> None:
        """Every panel back where it was at the start (a panel added since stays where it is), shown but for
        those hidden until asked for; then ``layoutReset``, on which the owner fits the panels to the screen
        (the default is remembered before that fitting: on a 1366×768 screen it was taller than the screen)."""
        if self._default_layout is not None:
            for dock in self._docks.values():
                dock.setFloating(False)
            self.restoreState(self._default_layout)
            for name, dock in self._docks.items():
                dock.setVisible(name not in self._hidden_by_default)
            self.layoutReset.emit()
            QTimer.singleShot(0, self, self._keep_on_screen)

    def _keep_on_screen(self) -> None:
        """Once the panels have their sizes again (the turn of the event loop after Reset layout): a window
        that the default arrangement, before its owner fitted it, made larger than the screen comes back
        within it, maximised again if it was."""
        available = self.screen().availableGeometry()
        if self.width() <= available.width() and self.height() <= available.height():
            return
        maximized = self.isMaximized()
        if maximized:
            self.showNormal()
        self.setGeometry(available)
        if maximized:
            self.showMaximized()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    # --- language -----------------------------------------------------------------------------------

    def window_title(self) -> str:
        """The title bar: the product, then whatever a subclass says matters (mode, desk, operator)."""
        title = QCoreApplication.translate("MainWindow", "Dispatch Desktop")
        user = self.user_settings.user if self.user_settings is not None else ""
        return f"{title} — {user}" if user else title

    def set_language(self, language: str) -> None:
        if self.language.set_language(language) and self.user_settings is not None:
            self.user_settings.set_language(language)

    def _check_language_action(self, language: str) -> None:
        action = self.language_actions.get(language)
        if action is not None:
            action.setChecked(True)

    def retranslate(self) -> None:
        self.setWindowTitle(self.window_title())
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.reset_layout_action.setText(QCoreApplication.translate("MainWindow", "Reset layout"))
        for key in self._docks:
            self._apply_title(key)
