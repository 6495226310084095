"""The Qt side of the map's layer switches: a menu that stays in step with the page's layer control.

The desk's own layers come first; the layers plugins contribute follow after a separator, added and
removed as the plugins come and go, their titles read again at every language change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from dispatch_desktop.ui.map.bridge import MapBridge
from dispatch_desktop.ui.map.page import LAYER_ORDER
from dispatch_desktop.ui.map.texts import LAYER_TITLES
from dispatch_desktop.ui.retranslate import RetranslateMixin


class LayerMenu(RetranslateMixin, QMenu):
    def __init__(self, bridge: MapBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_layers_menu")
        self._bridge = bridge
        self.layer_actions: dict[str, QAction] = {}
        for key in LAYER_ORDER:
            self._add_action(key)
        self._contributed = self.addSeparator()  # shown while a plugin's layer is listed below it
        for key in bridge.plugin_layers.ids():
            self._add_action(key)
        self._contributed.setVisible(bool(bridge.plugin_layers.ids()))
        bridge.plugin_layers.layerAdded.connect(self._on_layer_added)
        bridge.plugin_layers.layerRemoved.connect(self._on_layer_removed)
        bridge.layerToggled.connect(self._on_layer_toggled)
        self.retranslate()

    def _add_action(self, key: str) -> QAction:
        action = QAction(self, checkable=True)
        action.setObjectName(f"layer_{key}")
        action.setChecked(self._bridge.layer_visible(key))
        action.toggled.connect(lambda checked, key=key: self._bridge.set_layer_visible(key, checked))
        self.addAction(action)
        self.layer_actions[key] = action
        return action

    def _title(self, key: str) -> str:
        if key in LAYER_TITLES:
            return QCoreApplication.translate("MapLayers", LAYER_TITLES[key])
        return self._bridge.plugin_layers.title(key)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("MapLayers", "Map layers"))
        for key, action in self.layer_actions.items():
            action.setText(self._title(key))

    def _on_layer_added(self, key: str) -> None:
        self._add_action(key).setText(self._title(key))
        self._contributed.setVisible(True)

    def _on_layer_removed(self, key: str) -> None:
        action = self.layer_actions.pop(key, None)
        if action is not None:
            self.removeAction(action)
            action.deleteLater()
        self._contributed.setVisible(len(self.layer_actions) > len(LAYER_ORDER))

    def _on_layer_toggled(self, key: str, visible: bool) -> None:
        action = self.layer_actions.get(key)
        if action is not None and action.isChecked() != visible:
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)
