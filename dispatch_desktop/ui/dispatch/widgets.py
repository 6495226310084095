"""Small widgets the intake form and the dispatch panel share."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from dispatch_desktop.domain.timers import IncidentTimers, Level, PhaseTimer
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.palette import PRIORITY_COLOR

ERROR_COLOR = "#c62828"
OK_COLOR = "#2e7d32"
LEVEL_COLOR: dict[Level, str] = {
    Level.PENDING: "#9e9e9e",
    Level.OK: "#2e7d32",
    Level.WARNING: "#f9a825",
    Level.OVERDUE: "#c62828",
}


class ErrorLabel(QLabel):
    """A validation message under its field; takes no room while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class Banner(QLabel):
    """One line of news about the last action: red for a refusal or an error, green for success."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def error(self, text: str) -> None:
        self._show(text, ERROR_COLOR)

    def success(self, text: str) -> None:
        self._show(text, OK_COLOR)

    def info(self, text: str) -> None:
        self._show(text, "#37474f")

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    @property
    def is_error(self) -> bool:
        return self.isVisible() and ERROR_COLOR in self.styleSheet()

    def _show(self, text: str, color: str) -> None:
        self.setStyleSheet(f"color: {color}; font-weight: bold; padding: 2px;")
        self.setText(text)
        self.setVisible(bool(text))


class PriorityPicker(QFrame):
    """P1–P4 as four buttons; with the keyboard focus on it, 1–4 pick, ←/→ step and Enter emits
    ``entered`` (the form submits, as from any one-line field)."""

    changed = Signal(int)
    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("priorityPicker")
        self.setStyleSheet("#priorityPicker { border: 2px solid transparent; }"
                           "#priorityPicker:focus { border: 2px solid #1565c0; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self._buttons: dict[int, QPushButton] = {}
        for value in (1, 2, 3, 4):
            button = QPushButton(f"P{value}", self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(f"QPushButton:checked {{ background: {PRIORITY_COLOR[value]}; color: white; "
                                 "font-weight: bold; }")
            button.clicked.connect(lambda _checked=False, v=value: self.set_value(v))
            layout.addWidget(button)
            self._buttons[value] = button
        self._value = 3
        self.set_value(3)
        self.retranslate()

    def retranslate(self) -> None:
        for value, button in self._buttons.items():
            button.setToolTip(labels.priority(value))

    @property
    def value(self) -> int:
        return self._value

    def set_value(self, value: int) -> None:
        value = min(max(value, 1), 4)
        for v, button in self._buttons.items():
            button.setChecked(v == value)
        if value != self._value:
            self._value = value
            self.changed.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.set_value(key - Qt.Key.Key_0)
        elif key == Qt.Key.Key_Left:
            self.set_value(self._value - 1)
        elif key == Qt.Key.Key_Right:
            self.set_value(self._value + 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.entered.emit()
        else:
            super().keyPressEvent(event)


class TimerStrip(QWidget):
    """The three response timers of an incident, each coloured against its target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QLabel] = []
        for _ in range(3):
            box = QLabel(self)
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.setMinimumWidth(120)
            box.setMinimumHeight(box.fontMetrics().height() * 2 + 14)  # two lines: phase, then time
            layout.addWidget(box)
            self.boxes.append(box)
        self._timers: IncidentTimers | None = None
        self.levels: list[Level] = [Level.PENDING] * 3
        self.show_timers(None)

    def show_timers(self, timers: IncidentTimers | None) -> None:
        self._timers = timers
        if timers is None:
            for box in self.boxes:
                box.setText("")
                box.setStyleSheet("")
            self.levels = [Level.PENDING] * 3
            return
        self.levels = [t.level for t in timers.phases]
        for box, timer in zip(self.boxes, timers.phases, strict=True):
            box.setText(_timer_text(timer))
            color = LEVEL_COLOR[timer.level]
            weight = "bold" if timer.running else "normal"
            box.setStyleSheet(f"QLabel {{ background: {color}; color: white; border-radius: 4px; "
                              f"padding: 4px; font-weight: {weight}; }}")

    def retranslate(self) -> None:
        self.show_timers(self._timers)


def _timer_text(timer: PhaseTimer) -> str:
    elapsed = labels.duration_text(int(timer.elapsed_s * 1000)) if timer.level is not Level.PENDING else "—"
    return texts.tr(texts.TIMER).format(
        phase=texts.phase(timer.phase), elapsed=elapsed, target=labels.duration_text(int(timer.target_s * 1000))
    )


def rows_tall(view: QTableView, rows: int) -> int:
    """Pixels a table needs to show ``rows`` whole rows under its header (for a minimum height)."""
    row = view.verticalHeader().defaultSectionSize()
    scroll_bar = view.horizontalScrollBar().sizeHint().height()  # it may appear when the columns are wide
    return view.horizontalHeader().sizeHint().height() + rows * row + 2 * view.frameWidth() + scroll_bar


def titled(title: QLabel, body: QWidget, parent: QWidget | None = None) -> QWidget:
    """A bold heading over a widget."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    title.setStyleSheet("font-weight: bold;")
    layout.addWidget(title)
    layout.addWidget(body)
    return box
