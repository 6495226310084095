"""The replay window's transport bar: the banner that says this is a replay, and the controls of its clock.

A replay must never be taken for the live desk: the bar runs across the top in the replay colour (the mode
colour of the status bar), says "Replay · read-only" and the instant shown, and the window's frame takes
the same colour. The controls are the keys' buttons: Home, previous event, play / pause, next event, End,
the speed (×0.25 … ×64), a bookmark, follow, export.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QToolBar, QWidget

from dispatch_desktop.domain import localtime
from dispatch_desktop.replay import SPEEDS
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.palette import MODE_COLOR
from dispatch_desktop.ui.retranslate import RetranslateMixin

REPLAY_COLOR = MODE_COLOR["replay"]
DRILL_COLOR = MODE_COLOR["drill"]
_BANNER = ("QLabel {{ background: {color}; color: white; font-weight: bold; font-size: 15px; "
           "padding: 5px 12px; border-radius: 3px; }}")


def speed_text(speed: float) -> str:
    return f"×{speed:g}"


class ReplayBar(RetranslateMixin, QToolBar):
    speedChosen = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replay_bar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # the banner of a replay cannot be switched off
        self.banner = QLabel(self)
        self.banner.setObjectName("replay_banner")
        self.banner.setStyleSheet(_BANNER.format(color=REPLAY_COLOR))
        self.addWidget(self.banner)
        self.addSeparator()

        def action(name: str, keys: tuple[str, ...], checkable: bool = False) -> QAction:
            made = QAction(self, checkable=checkable)
            made.setObjectName(name)
            made.setShortcuts([QKeySequence(key) for key in keys])
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(made)
            return made

        self.home_action = action("replay_home", ("Home",))
        self.previous_action = action("replay_previous", ("Left",))
        self.play_action = action("replay_play", ("Space",), checkable=True)
        self.next_action = action("replay_next", ("Right",))
        self.end_action = action("replay_end", ("End",))
        style = self.style()
        pixmaps = QStyle.StandardPixmap
        for made, icon in ((self.home_action, pixmaps.SP_MediaSkipBackward),
                           (self.previous_action, pixmaps.SP_MediaSeekBackward),
                           (self.next_action, pixmaps.SP_MediaSeekForward),
                           (self.end_action, pixmaps.SP_MediaSkipForward)):
            made.setIcon(style.standardIcon(icon))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.slower_action = QAction(self)
        self.slower_action.setShortcut(QKeySequence("["))
        self.faster_action = QAction(self)
        self.faster_action.setShortcut(QKeySequence("]"))
        self.addAction(self.slower_action)
        self.speed = QComboBox(self)
        self.speed.setObjectName("replay_speed")
        for speed in SPEEDS:
            self.speed.addItem(speed_text(speed), speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.activated.connect(lambda index: self.speedChosen.emit(float(self.speed.itemData(index))))
        self.addWidget(self.speed)
        self.addAction(self.faster_action)
        self.addSeparator()
        self.bookmark_action = action("replay_bookmark", ("B",))
        self.follow_action = action("replay_follow", ("F",), checkable=True)
        self.follow_action.setChecked(True)
        self.export_action = action("replay_export", ("Ctrl+E",))
        self._time_ms = 0
        self._speed = 1.0
        self._drill = ""
        self.retranslate()

    def show_drill(self, drill: str) -> None:
        """A drill's replay: the banner says so, in the drill's colour (the window's frame stays the replay's)."""
        self._drill = drill
        self.banner.setStyleSheet(_BANNER.format(color=DRILL_COLOR if drill else REPLAY_COLOR))
        self._banner_text()

    def show_time(self, time_ms: int) -> None:
        self._time_ms = time_ms
        self._banner_text()

    def show_speed(self, speed: float) -> None:
        self._speed = speed
        self.speed.setCurrentIndex(SPEEDS.index(speed))
        self._banner_text()

    def show_playing(self, playing: bool) -> None:
        self.play_action.setChecked(playing)
        self._play_text()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        for made, text, tip in (
            (self.home_action, translate("ReplayBar", "Start"), translate("ReplayBar", "To the start (Home)")),
            (self.previous_action, translate("ReplayBar", "Previous"), translate("ReplayBar", "Previous event (←)")),
            (self.next_action, translate("ReplayBar", "Next"), translate("ReplayBar", "Next event (→)")),
            (self.end_action, translate("ReplayBar", "End"), translate("ReplayBar", "To the end (End)")),
            (self.slower_action, translate("ReplayBar", "Slower"), translate("ReplayBar", "Slower ([)")),
            (self.faster_action, translate("ReplayBar", "Faster"), translate("ReplayBar", "Faster (])")),
            (self.bookmark_action, translate("ReplayBar", "Bookmark"), translate("ReplayBar", "Mark this instant (B)")),
            (self.follow_action, translate("ReplayBar", "Follow"),
             translate("ReplayBar", "Keep the followed incident's units in view and draw their tracks (F)")),
            (self.export_action, translate("ReplayBar", "Export…"),
             translate("ReplayBar", "Export the followed incident's record: report, event log, tracks (Ctrl+E)")),
        ):
            made.setText(text)
            made.setToolTip(tip)
        self.speed.setToolTip(translate("ReplayBar", "Playback speed ([ slower, ] faster)"))
        self._play_text()
        self._banner_text()

    def _play_text(self) -> None:
        translate = QCoreApplication.translate
        playing = self.play_action.isChecked()
        self.play_action.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay))
        self.play_action.setText(translate("ReplayBar", "Pause") if playing else translate("ReplayBar", "Play"))
        self.play_action.setToolTip(translate("ReplayBar", "Pause (Space)") if playing
                                    else translate("ReplayBar", "Play (Space)"))

    def _banner_text(self) -> None:
        when = ""
        if self._time_ms:
            when = f"{labels.date_time_text(self._time_ms)} {localtime.zone_label(self._time_ms)}"
        if self._drill:
            text = QCoreApplication.translate("ReplayBar", "DRILL REPLAY · {drill} · read-only · {time} · {speed}")
        else:
            text = QCoreApplication.translate("ReplayBar", "REPLAY · read-only · {time} · {speed}")
        self.banner.setText(text.format(time=when, speed=speed_text(self._speed), drill=self._drill))
