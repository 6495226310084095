"""The Qt side of the map's layer switches: a menu that stays in step with the page's layer control."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from dispatch_desktop.ui.map.bridge import LAYER_TITLES, MapBridge
from dispatch_desktop.ui.map.page import LAYER_ORDER
from dispatch_desktop.ui.retranslate import RetranslateMixin


class LayerMenu(RetranslateMixin, QMenu):
    def __init__(self, bridge: MapBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_layers_menu")
        self._bridge = bridge
        self.layer_actions: dict[str, QAction] = {}
        for key in LAYER_ORDER:
            action = QAction(self, checkable=True)
            action.setObjectName(f"layer_{key}")
            action.setChecked(bridge.layer_visible(key))
            action.toggled.connect(lambda checked, key=key: self._bridge.set_layer_visible(key, checked))
            self.addAction(action)
            self.layer_actions[key] = action
        bridge.layerToggled.connect(self._on_layer_toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("MapLayers", "Map layers"))
        for key, action in self.layer_actions.items():
            action.setText(QCoreApplication.translate("MapLayers", LAYER_TITLES[key]))

    def _on_layer_toggled(self, key: str, visible: bool) -> None:
        action = self.layer_actions.get(key)
        if action is not None and action.isChecked() != visible:
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)
