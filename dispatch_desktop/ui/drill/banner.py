"""The drill's banner across the desk, and its watermark on the map.

While a drill runs, every desk says so: a desk taking part shows the drill's state (its incidents, calls and
units with the live ones) under an orange banner "演练 · 非实战", the map watermarked "演练 DRILL" and the status
bar's mode badge 演练; a desk not taking part shows the live city only, with a thin banner saying which drill
runs and how to take part. Nothing of a drill is shown without them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolBar, QWidget

from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.drill.watermark import MapWatermark
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.palette import MODE_COLOR
from dispatch_desktop.ui.retranslate import RetranslateMixin

DRILL_COLOR = MODE_COLOR["drill"]
_TAKING_PART = (f"QLabel {{ background: {DRILL_COLOR}; color: white; font-weight: bold; font-size: 15px; "
                "padding: 5px 12px; }")
_ASIDE = (f"QLabel {{ background: #fff3e0; color: #e65100; border: 1px solid {DRILL_COLOR}; padding: 3px 12px; }}"
          )


class DrillBanner(RetranslateMixin, QToolBar):
    """Add with ``window.addToolBar(Qt.TopToolBarArea, banner)``; it shows and hides itself."""

    def __init__(self, city_model: CityModel, map_view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drill_banner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not a thing to switch off from a menu
        self._model = city_model
        self.label = QLabel(self)
        self.label.setObjectName("drill_banner_text")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        host = QWidget(self)  # the banner runs the window's whole width, as the link banner does
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        self.addWidget(host)
        self.watermark = MapWatermark(map_view)
        city_model.stateChanged.connect(lambda _state: self.refresh())
        city_model.modeChanged.connect(lambda _mode: self.refresh())
        self.refresh()

    @property
    def taking_part(self) -> bool:
        return self._model.mode is DisplayMode.DRILL

    def retranslate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        drill = self._model.state.drill
        taking_part = self.taking_part
        self.watermark.set_shown(taking_part)
        if drill is None and not taking_part:
            self.hide()
            return
        translate = QCoreApplication.translate
        name = drill.drill if drill is not None else ""
        scenario = drill.scenario if drill is not None else ""
        if taking_part:
            text = translate("DrillBanner", "DRILL · NOT LIVE — drill {drill} ({scenario}): the calls, incidents, "
                             "orders and units shown here belong to the exercise").format(drill=name,
                                                                                           scenario=scenario)
            style = _TAKING_PART
        else:
            text = translate("DrillBanner", "Drill {drill} ({scenario}) is running: this desk shows live work only. "
                             "Drill → Take part in the drill to answer it.").format(drill=name, scenario=scenario)
            style = _ASIDE
        self.label.setText(text)
        self.label.setStyleSheet(style)
        self.show()
