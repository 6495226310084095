"""The status bar: commands waiting for the hub, the link to the hub (green / red), what the desk is
showing (实战 / 模拟 / 演练 / 回放) and the command center's clock with its zone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from dispatch_desktop.domain import localtime
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.palette import CONNECTED_COLOR, DISCONNECTED_COLOR, MODE_COLOR
from dispatch_desktop.ui.retranslate import RetranslateMixin

_BADGE = "QLabel {{ color: white; background: {color}; border-radius: 3px; padding: 1px 8px; font-weight: bold; }}"


class WorkstationStatusBar(RetranslateMixin, QStatusBar):
    def __init__(self, city_model: CityModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_bar")
        self._city_model = city_model
        self._now = city_model.now_ms()
        self.connection = QLabel(self)
        self.connection.setObjectName("connection")
        self.mode = QLabel(self)
        self.mode.setObjectName("mode")
        self.clock = QLabel(self)
        self.clock.setObjectName("clock")
        self.outbox = QLabel(self)
        self.outbox.setObjectName("outbox_count")
        self.outbox.hide()
        self._outbox = (0, 0)
        self.safe_mode = QLabel(self)  # says for as long as the desk runs that no plugin was started
        self.safe_mode.setObjectName("safe_mode")
        self.safe_mode.setStyleSheet(_BADGE.format(color="#6d4c41"))
        self.safe_mode.hide()
        for widget in (self.safe_mode, self.outbox, self.connection, self.mode, self.clock):
            self.addPermanentWidget(widget)
        city_model.connectionChanged.connect(self._show_connection)
        city_model.modeChanged.connect(self._show_mode)
        city_model.clockTicked.connect(self._show_clock)
        self.retranslate()

    def retranslate(self) -> None:
        self._show_connection(self._city_model.connected)
        self._show_mode(self._city_model.mode.value)
        self._show_clock(self._now)
        self.set_outbox(*self._outbox)
        self.safe_mode.setText(QCoreApplication.translate("StatusBar", "Safe mode: no plugins"))
        self.safe_mode.setToolTip(QCoreApplication.translate(
            "StatusBar", "Started with --safe-mode: no plugin runs. Settings → Plugins… lists them."))

    def set_safe_mode(self, on: bool) -> None:
        self.safe_mode.setVisible(on)

    def set_outbox(self, waiting: int, held: int) -> None:
        """Commands the hub has not answered (sent again until it does) and those held from a restart."""
        self._outbox = (waiting, held)
        translate = QCoreApplication.translate
        parts = []
        if waiting:
            parts.append(translate("StatusBar", "⏳ %n command(s) queued, retrying", "", waiting))
        if held:
            parts.append(translate("StatusBar", "%n held from before the restart", "", held))
        self.outbox.setText(" · ".join(parts))
        self.outbox.setToolTip(translate("StatusBar", "See the Outbox panel"))
        self.outbox.setStyleSheet(_BADGE.format(color="#ef6c00"))
        self.outbox.setVisible(bool(parts))

    def _show_connection(self, up: bool) -> None:
        if up:
            text, color = QCoreApplication.translate("StatusBar", "● Hub connected"), CONNECTED_COLOR
            tip = QCoreApplication.translate("StatusBar", "Events from the command center arrive live")
        else:
            text, color = QCoreApplication.translate("StatusBar", "● Hub disconnected"), DISCONNECTED_COLOR
            tip = QCoreApplication.translate(
                "StatusBar", "No link to the command center: the picture may be out of date"
            )
        self.connection.setText(text)
        self.connection.setToolTip(tip)
        self.connection.setStyleSheet(_BADGE.format(color=color))

    def _show_mode(self, mode: str) -> None:
        self.mode.setText(labels.display_mode(mode))
        self.mode.setStyleSheet(_BADGE.format(color=MODE_COLOR.get(mode, "#555")))

    def _show_clock(self, now_ms: int) -> None:
        self._now = now_ms
        self.clock.setText(f"{labels.date_time_text(now_ms)} {localtime.zone_label(now_ms)}")
