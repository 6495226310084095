"""One tile of the wall: the newest picture of a camera, its name, measured frame rate and state.

A tile changes picture for every frame (16 tiles × 12 fps), and every call from Python into Qt gives
up and takes back the GIL, which the reader threads compete for; a Python ``paintEvent`` per frame
makes the GUI thread queue for the GIL a dozen times per frame. So the tile has no Python painting:
the picture is a ``QLabel`` fed a pixmap (two calls per frame), and the bars, texts, dimming and border
are child labels and a frame that Qt paints by itself, touched from Python only when they change.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QImage, QMouseEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from dispatch_desktop.domain.city import Camera
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.retranslate import RetranslateMixin
from dispatch_desktop.video.selection import RankedCamera
from dispatch_desktop.video.stream import StreamState, StreamStatus

STATE_COLOUR = {
    StreamState.LIVE: "#43a047",
    StreamState.CONNECTING: "#fdd835",
    StreamState.OFFLINE: "#e53935",
    StreamState.NO_SIGNAL: "#9e9e9e",
}
_SELECTED = "#29b6f6"
_PINNED = "#ffb300"
_IDLE_BORDER = "#303030"
_BAR = "#1c1c1c"


def _paint(widget: QWidget, background: str, text: str = "#ffffff") -> None:
    """Solid colours through the palette: cheaper to repaint than a style sheet."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


class VideoTile(RetranslateMixin, QFrame):
    clicked = Signal(int)  # tile index
    doubleClicked = Signal(int)
    menuRequested = Signal(int, QPoint)  # tile index, global position
    boxChanged = Signal(int, QSize)  # tile index, size in device pixels the frames should fit

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.camera: Camera | None = None
        self.rank: RankedCamera | None = None
        self.pinned = False
        self.selected = False
        self.status: StreamStatus | None = None
        self.image: QImage | None = None
        self.fps = 0.0
        self.frames = 0  # frames shown since the camera was put on this tile
        self.stalled = False  # live, but no frame for a while: shown as "no signal"
        self.recorded = True  # False on a replay's wall: it shows which cameras, never a picture
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(64, 36)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)

        top = QWidget(self)
        bottom = QWidget(self)
        self._bottom = bottom
        self._title = QLabel(top)
        self._pin_badge = QLabel(top)
        self._pin_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pin_badge.hide()
        self._picture = QLabel(self)
        self._picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._message = QLabel(self._picture)  # big state text over a dimmed picture
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        over_picture = QVBoxLayout(self._picture)
        over_picture.setContentsMargins(0, 0, 0, 0)
        over_picture.addWidget(self._message)
        self._state_label = QLabel(bottom)
        self._state_label.setTextFormat(Qt.TextFormat.RichText)
        self._fps_label = QLabel(bottom)
        self._fps_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self._title, self._state_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(6, 2, 4, 2)
        top_row.addWidget(self._title, 1)
        top_row.addWidget(self._pin_badge)
        bottom_row = QHBoxLayout(bottom)
        bottom_row.setContentsMargins(6, 2, 6, 2)
        bottom_row.addWidget(self._state_label, 1)
        bottom_row.addWidget(self._fps_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(2, 2, 2, 2)
        column.setSpacing(0)
        column.addWidget(top)
        column.addWidget(self._picture, 1)
        column.addWidget(bottom)
        # Every part gets its own colours, so the border colour set on the tile does not seep in.
        for part in (top, bottom, self._title, self._state_label, self._fps_label):
            _paint(part, _BAR)
        _paint(self._pin_badge, _PINNED, "#000000")
        _paint(self._picture, "#000000")
        self._border(_IDLE_BORDER)
        self._refresh()

    # --- state --------------------------------------------------------------------------------

    def set_camera(self, camera: Camera | None, rank: RankedCamera | None = None) -> None:
        if camera is None or self.camera is None or camera.id != self.camera.id:
            self.image = None
            self._picture.clear()
            self.status = None
            self.fps = 0.0
            self.frames = 0
            self.stalled = False
        self.camera = camera
        self.rank = rank
        self._refresh()

    def set_pinned(self, pinned: bool) -> None:
        if pinned != self.pinned:
            self.pinned = pinned
            self._refresh()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self._refresh()

    def set_status(self, status: StreamStatus | None) -> None:
        """How the camera's stream stands (None: not read, as on a replay's wall)."""
        self.status = status
        self.stalled = False
        self._refresh()

    def show_frame(self, image: QImage) -> None:
        """The per-frame path: kept to the pixmap hand-over (see the module docstring)."""
        self.image = image
        self.frames += 1
        self._picture.setPixmap(QPixmap.fromImage(image))
        if self.stalled:
            self.stalled = False
            self._refresh()

    def set_fps(self, fps: float, stalled: bool) -> None:
        if stalled != self.stalled:
            self.fps = fps
            self.stalled = stalled
            self._refresh()
        elif round(fps, 1) != round(self.fps, 1):
            self.fps = fps
            self._fps_label.setText(self._fps_text())

    @property
    def state(self) -> StreamState:
        """What the tile shows: no camera, an unconfigured or stalled one is "no signal"."""
        if self.camera is None or not self.camera.stream_url or self.stalled or self.not_recorded:
            return StreamState.NO_SIGNAL
        return self.status.state if self.status is not None else StreamState.CONNECTING

    def short_state_text(self) -> str:
        if self.not_recorded:
            return self.tr("Not recorded")
        return {
            StreamState.LIVE: self.tr("Live"),
            StreamState.CONNECTING: self.tr("Connecting…"),
            StreamState.OFFLINE: self.tr("Offline"),
            StreamState.NO_SIGNAL: self.tr("No signal"),
        }[self.state]

    def state_text(self) -> str:
        state = self.state
        if state is StreamState.OFFLINE:
            since = labels.clock_text(int(1000 * self.status.since) if self.status else 0)
            return self.tr("Offline since {time}").format(time=since)
        if state is StreamState.NO_SIGNAL:
            if self.camera is None:
                return self.tr("Empty: select an incident, or a camera on the map")
            if self.not_recorded:
                return self.tr("No video in a replay")
            if not self.camera.stream_url:
                return self.tr("No stream configured")
        return self.short_state_text()

    @property
    def not_recorded(self) -> bool:
        """A camera on a replay's wall, not dark: its place and name are known, its pictures were never kept."""
        return not self.recorded and self.camera is not None and self.status is None

    def title_text(self) -> str:
        return f"{self.index + 1}  " + (self.camera.name if self.camera is not None else "—")

    def picture_box(self) -> QSize:
        """The picture area in device pixels: the size readers fit frames to."""
        ratio = self.devicePixelRatioF()
        return QSize(round(self._picture.width() * ratio), round(self._picture.height() * ratio))

    def retranslate(self) -> None:
        self._refresh()

    # --- presentation -------------------------------------------------------------------------

    def _fps_text(self) -> str:
        return self.tr("{fps:.1f} fps").format(fps=self.fps) if self.camera is not None and self.recorded else ""

    def _refresh(self) -> None:
        """Every text and colour from the current state (not per frame: on changes only)."""
        state = self.state
        self._set_title()
        self._pin_badge.setText(self.tr("Pinned"))
        self._pin_badge.setVisible(self.pinned)
        self._bottom.setVisible(self.camera is not None)
        words = [self.short_state_text()]
        if self.rank is not None:
            words.append(self.tr("{distance:.0f} m").format(distance=self.rank.distance_m))
            if self.rank.covers:
                words.append(self.tr("in view"))
        self._state_label.setText(f'<span style="color:{STATE_COLOUR[state]}">●</span> ' + " · ".join(words))
        self._fps_label.setText(self._fps_text())
        if state is StreamState.LIVE:
            self._message.hide()
        else:
            dim = "rgba(0, 0, 0, 150)" if self.image is not None else "transparent"
            style = f"background: {dim}; color: {STATE_COLOUR[state]}; font-weight: bold;"
            if style != self._message.styleSheet():  # re-polishing is slow: only on a real change
                self._message.setStyleSheet(style)
            self._message.setText(self.state_text())
            self._message.show()
        self._border(_SELECTED if self.selected else _PINNED if self.pinned else _IDLE_BORDER)
        self._refresh_tooltip()

    def _set_title(self) -> None:
        text = self.title_text()
        width = max(10, self._title.width())
        self._title.setText(self._title.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))

    def _border(self, colour: str) -> None:
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) != QColor(colour):
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.setPalette(palette)

    def _refresh_tooltip(self) -> None:
        if self.camera is None:
            self.setToolTip("")
            return
        lines = [f"{self.camera.name} ({self.camera.id})", self.state_text()]
        if self.status is not None and self.status.detail:
            lines.append(self.status.detail)
        if self.not_recorded:
            lines.append(self.tr("The log keeps which cameras were near, not their pictures"))
        if self.rank is not None:
            lines.append(self.tr("{distance:.0f} m from the incident").format(distance=self.rank.distance_m))
        self.setToolTip("\n".join(lines))

    # --- events -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        unit = max(9, min(self.height() // 16, 16))
        small = QFont(self.font())
        small.setPixelSize(unit)
        for label in (self._title, self._pin_badge, self._state_label, self._fps_label):
            label.setFont(small)
        big = QFont(self.font())
        big.setPixelSize(max(10, min(self.height() // 9, 26)))
        self._message.setFont(big)
        self._set_title()
        self.boxChanged.emit(self.index, self.picture_box())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.doubleClicked.emit(self.index)
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.clicked.emit(self.index)
        self.menuRequested.emit(self.index, event.globalPos())
