"""The followed incident's statistics in the replay window: each step and each target phase against its
target, and per unit the distance driven, the time on scene and the silences left out.

Read-only tables over ``record.RecordStatistics`` (computed off the GUI thread with the record); the
texts follow the desk's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.domain.timers import Level, Phase
from dispatch_desktop.record import IncidentRecord, RecordStatistics
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

MARK_TEXTS = {
    "call": ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "110 call")),
    "created": ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "created")),
    "dispatched": ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "dispatched")),
    "acknowledged": ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "acknowledged")),
    "arrived": ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "arrived")),
    "cleared": ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "cleared")),
    "closed": ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "closed")),
}
PHASE_TEXTS = {
    Phase.DISPATCH: ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "call → dispatch")),
    Phase.ARRIVAL: ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "dispatch → arrival")),
    Phase.CLEAR: ("ReplayStatistics", QT_TRANSLATE_NOOP("ReplayStatistics", "arrival → clearance")),
}
LEVEL_COLORS = {Level.OK: "#2e7d32", Level.WARNING: "#ef6c00", Level.OVERDUE: "#c62828", Level.PENDING: "#757575"}


def _tr(key: tuple[str, object]) -> str:
    return QCoreApplication.translate(key[0], str(key[1]))


def _seconds_text(seconds: float | None) -> str:
    return "—" if seconds is None else labels.duration_text(int(seconds * 1000))


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, color: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if color:
        item.setForeground(QBrush(QColor(color)))
    return item


class RecordStatisticsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replay_statistics")
        self._shown: tuple[IncidentRecord, RecordStatistics] | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phases = _table(4)
        self.phases.setObjectName("replay_phases")
        self.steps = _table(2)
        self.steps.setObjectName("replay_steps")
        self.units = _table(4)
        self.units.setObjectName("replay_units")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.phases)
        layout.addWidget(self.steps)
        layout.addWidget(self.units)
        self.retranslate()

    def show_record(self, record: IncidentRecord | None, statistics: RecordStatistics | None) -> None:
        self._shown = None if record is None or statistics is None else (record, statistics)
        self._fill()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.phases.setHorizontalHeaderLabels([translate("ReplayStatistics", "Phase"),
                                               translate("ReplayStatistics", "Took"),
                                               translate("ReplayStatistics", "Target"),
                                               translate("ReplayStatistics", "Result")])
        self.steps.setHorizontalHeaderLabels([translate("ReplayStatistics", "Step"),
                                              translate("ReplayStatistics", "Took")])
        self.units.setHorizontalHeaderLabels([translate("ReplayStatistics", "Unit"),
                                              translate("ReplayStatistics", "Driven"),
                                              translate("ReplayStatistics", "On scene"),
                                              translate("ReplayStatistics", "Silences left out")])
        self._fill()

    def _fill(self) -> None:
        translate = QCoreApplication.translate
        if self._shown is None:
            self.title.setText(translate("ReplayStatistics", "Follow an incident to see how long each step took."))
            for table in (self.phases, self.steps, self.units):
                table.setRowCount(0)
            return
        record, statistics = self._shown
        incident = record.incident
        self.title.setText(translate("ReplayStatistics", "{incident} · {type} · {priority}").format(
            incident=incident.id, type=labels.incident_type_name(incident.incident_type),
            priority=labels.priority(incident.priority)))
        phases = statistics.phases
        level_texts = {Level.OK: translate("ReplayStatistics", "within target"),
                       Level.WARNING: translate("ReplayStatistics", "near target"),
                       Level.OVERDUE: translate("ReplayStatistics", "over target"),
                       Level.PENDING: translate("ReplayStatistics", "not reached")}
        self.phases.setRowCount(3)
        for row, timer in enumerate((phases.dispatch, phases.arrival, phases.clear)):
            took = _seconds_text(timer.elapsed_s if timer.level is not Level.PENDING else None)
            color = LEVEL_COLORS[timer.level]
            for column, text in enumerate((_tr(PHASE_TEXTS[timer.phase]), took, _seconds_text(timer.target_s),
                                           level_texts[timer.level])):
                self.phases.setItem(row, column, _item(text, color if column == 3 else ""))
        self.steps.setRowCount(len(statistics.steps))
        for row, step in enumerate(statistics.steps):
            name = f"{_tr(MARK_TEXTS[step.start])} → {_tr(MARK_TEXTS[step.end])}"
            self.steps.setItem(row, 0, _item(name))
            self.steps.setItem(row, 1, _item(_seconds_text(step.seconds)))
        self.units.setRowCount(len(statistics.units))
        for row, unit in enumerate(statistics.units):
            distance = translate("ReplayStatistics", "{km:.1f} km").format(km=unit.distance_m / 1000)
            silences = str(len(unit.gaps)) if unit.gaps else "—"
            for column, text in enumerate((unit.name or unit.unit, distance, _seconds_text(unit.on_scene_s),
                                           silences)):
                self.units.setItem(row, column, _item(text))
