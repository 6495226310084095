"""The exercise's watermark over the map: "演练 DRILL", large, rotated and translucent, across the map while the
desk shows a drill, so that no screenshot, photo or glance of the map can be taken for live work.

An overlay widget on the map view that lets every mouse event through to the map; it follows the view's size
and paints nothing while the desk shows the live city.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

TEXT = "演练 DRILL"
COLOUR = QColor(239, 108, 0, 60)  # the drill's orange (palette.MODE_COLOR), mostly see-through


class MapWatermark(QWidget):
    def __init__(self, map_view: QWidget) -> None:
        super().__init__(map_view)
        self.setObjectName("drill_watermark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setGeometry(map_view.rect())
        map_view.installEventFilter(self)
        self.hide()

    def set_shown(self, shown: bool) -> None:
        self.setVisible(shown)
        if shown:
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.ChildPolished and self.isVisible() and self.parent() is watched:
            # The web view makes its page's surface once the page loads, above whatever came before: stay on top.
            self.raise_()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(24, min(self.width(), self.height()) // 7))
        painter.setFont(font)
        painter.setPen(COLOUR)
        painter.translate(self.width() / 2, self.height() / 2)
        painter.rotate(-30)
        metrics = painter.fontMetrics()
        painter.drawText(-metrics.horizontalAdvance(TEXT) // 2, metrics.ascent() // 2, TEXT)
        painter.end()
