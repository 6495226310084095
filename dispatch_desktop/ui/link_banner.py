"""The banner across the whole desk while the link to the hub is down, with how long it has been.

A small red pill in the status bar is easy to miss at three in the morning; a dispatcher looking at the
map or the queue must see that what they show may be out of date, and that what they send now waits.
The banner sits above the map and every panel (a tool-bar area of the main window) and appears once
the link has been down for ``DELAY_MS`` (a start-up's first second of connecting is not an outage).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolBar, QWidget

from dispatch_desktop.ui import labels
from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.retranslate import RetranslateMixin

DELAY_MS = 1500
_STYLE = "QLabel { background: #b71c1c; color: white; font-weight: bold; font-size: 15px; padding: 6px 12px; }"


class LinkBanner(RetranslateMixin, QToolBar):
    """Add with ``window.addToolBar(Qt.TopToolBarArea, banner)``; it shows and hides itself."""

    def __init__(self, city_model: CityModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_banner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not a thing to switch off from a menu
        self._model = city_model
        self._down_since = 0
        self.label = QLabel(self)
        self.label.setObjectName("link_banner_text")
        self.label.setStyleSheet(_STYLE)
        self.label.setWordWrap(True)
        host = QWidget(self)
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        self.addWidget(host)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._show_now)
        city_model.connectionChanged.connect(self._on_connection)
        city_model.clockTicked.connect(lambda _now: self._refresh())
        self.hide()
        self._on_connection(city_model.connected)

    @property
    def down_since(self) -> int:
        """Epoch ms when the link went down (0 while it is up)."""
        return self._down_since

    def retranslate(self) -> None:
        self._refresh()

    def _on_connection(self, up: bool) -> None:
        if up:
            self._down_since = 0
            self._delay.stop()
            self.hide()
            return
        if not self._down_since:
            self._down_since = self._model.now_ms()
        self._delay.start(DELAY_MS)

    def _show_now(self) -> None:
        if self._down_since and self._model.mode is not DisplayMode.REPLAY:  # a replay has no link to lose
            self._refresh()
            self.show()

    def _refresh(self) -> None:
        if not self._down_since:
            return
        elapsed = labels.duration_text(self._model.now_ms() - self._down_since)
        self.label.setText(QCoreApplication.translate(
            "LinkBanner",
            "No link to the hub for {elapsed} (since {time}): the map, the queue and the units may be out of "
            "date. What you send now is queued and goes out when the link is back.",
        ).format(elapsed=elapsed, time=labels.clock_text(self._down_since)))
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
