"""警情详情: the selected incident's facts and its timeline, kept current as events arrive."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.ui import labels, timeline_text
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.palette import INCIDENT_STATUS_COLOR, PRIORITY_COLOR
from dispatch_desktop.ui.retranslate import RetranslateMixin

CONTEXT = "IncidentDetail"

# Form rows: (English label, how to read the value from the incident and the state around it).
FIELDS = (
    QT_TRANSLATE_NOOP("IncidentDetail", "Priority"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Status"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Category"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Address"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Station"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Caller"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Description"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Units"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Call received"),
    QT_TRANSLATE_NOOP("IncidentDetail", "First dispatch"),
    QT_TRANSLATE_NOOP("IncidentDetail", "First arrival"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Cleared"),
)

TIMELINE_COLUMNS = (
    QT_TRANSLATE_NOOP("IncidentDetail", "Time"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Event"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Unit"),
    QT_TRANSLATE_NOOP("IncidentDetail", "By"),
    QT_TRANSLATE_NOOP("IncidentDetail", "Details"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class IncidentDetailPanel(RetranslateMixin, QWidget):
    def __init__(self, city_model: CityModel, selection: SelectionModel, city: City | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident_detail")
        self._city_model = city_model
        self._selection = selection
        self._station_names = {s.id: s.name for s in city.stations} if city is not None else {}

        self.heading = QLabel(self)
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._field_labels: list[QLabel] = []
        self.values: dict[str, QLabel] = {}
        for field in FIELDS:
            caption = QLabel(self)
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self._field_labels.append(caption)
            self.values[field] = value

        self.timeline_title = QLabel(self)
        self.timeline = QTableWidget(0, len(TIMELINE_COLUMNS), self)
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setWordWrap(False)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        # The facts scroll inside the panel: it shares a tab stack with the intake form, and on a small
        # screen its twelve rows must not make that stack taller than the intake needs.
        facts = QWidget(self)
        facts.setLayout(form)
        scroller = QScrollArea(self)
        scroller.setWidget(facts)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setMinimumHeight(80)
        self.timeline.setMinimumHeight(80)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(scroller, 3)
        layout.addWidget(self.timeline_title)
        layout.addWidget(self.timeline, 2)

        selection.incidentSelected.connect(self._on_selected)
        city_model.incidentsChanged.connect(self._on_incidents_changed)
        city_model.unitsChanged.connect(self._on_units_changed)
        self.retranslate()

    @property
    def incident_id(self) -> str:
        return self._selection.incident

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("IncidentDetail", "Incident detail"))
        for caption, field in zip(self._field_labels, FIELDS, strict=True):
            caption.setText(_tr(field))
        self.timeline_title.setText(QCoreApplication.translate("IncidentDetail", "Timeline"))
        self.timeline.setHorizontalHeaderLabels([_tr(column) for column in TIMELINE_COLUMNS])
        self.refresh()

    def refresh(self) -> None:
        state = self._city_model.state
        incident = state.incidents.get(self.incident_id) if self.incident_id else None
        if incident is None:
            self._show_nothing()
        else:
            self._show(incident, state)

    def _on_selected(self, _incident_id: str) -> None:
        self.refresh()

    def _on_incidents_changed(self, incident_ids: list[str]) -> None:
        if self.incident_id and self.incident_id in incident_ids:
            self.refresh()

    def _on_units_changed(self, unit_ids: list[str]) -> None:
        incident = self._city_model.state.incidents.get(self.incident_id) if self.incident_id else None
        if incident is not None and not set(incident.units).isdisjoint(unit_ids):
            self.refresh()  # an assigned unit's status shows in the Units row

    def _show_nothing(self) -> None:
        self.heading.setText(QCoreApplication.translate("IncidentDetail", "No incident selected"))
        for value in self.values.values():
            value.clear()
        self.timeline.setRowCount(0)

    def _show(self, incident: Incident, state: State) -> None:
        heading = f"{incident.id} · {labels.incident_type_name(incident.incident_type)}"
        if incident.simulated:
            mark = QCoreApplication.translate("IncidentDetail", "[Simulation]")
            heading = f"{mark} {heading}"
        self.heading.setText(heading)
        category = labels.category(incident.category)
        if incident.category is Category.NON_POLICE and incident.department:
            category = f"{category} → {labels.department_name(incident.department)}"
        caller = " ".join(part for part in (incident.caller_name, incident.caller_number) if part)
        texts = {
            FIELDS[0]: labels.priority(incident.priority),
            FIELDS[1]: labels.incident_status(incident.status),
            FIELDS[2]: category,
            FIELDS[3]: incident.address,
            FIELDS[4]: self._station_names.get(incident.station, incident.station),
            FIELDS[5]: caller,
            FIELDS[6]: incident.description,
            FIELDS[7]: self._units_text(incident, state),
            FIELDS[8]: labels.date_time_text(incident.call_time),
            FIELDS[9]: self._time_after_call(incident, incident.dispatched_at),
            FIELDS[10]: self._time_after_call(incident, incident.arrived_at),
            FIELDS[11]: self._time_after_call(incident, incident.cleared_at),
        }
        for field, text in texts.items():
            self.values[field].setText(text)
        self.values[FIELDS[0]].setStyleSheet(f"color: {PRIORITY_COLOR.get(incident.priority, '#000')};"
                                             " font-weight: bold;")
        self.values[FIELDS[1]].setStyleSheet(f"color: {INCIDENT_STATUS_COLOR[incident.status]};")
        self._fill_timeline(incident, state)

    def _units_text(self, incident: Incident, state: State) -> str:
        parts = []
        for unit_id in incident.units:
            unit = state.units.get(unit_id)
            parts.append(f"{unit.name or unit_id} ({labels.unit_status(unit.status)})" if unit else unit_id)
        return "、".join(parts) if parts else "—"

    @staticmethod
    def _time_after_call(incident: Incident, at: int) -> str:
        if not at:
            return "—"
        return f"{labels.clock_text(at)}  (+{labels.duration_text(at - incident.call_time)})"

    def _fill_timeline(self, incident: Incident, state: State) -> None:
        self.timeline.setRowCount(len(incident.timeline))
        for row, entry in enumerate(incident.timeline):
            unit = state.units.get(entry.unit) if entry.unit else None
            cells = (
                labels.clock_text(entry.time),
                labels.timeline_kind(entry.kind),
                (unit.name or unit.id) if unit is not None else entry.unit,
                timeline_text.by(entry),
                timeline_text.details(entry),
            )
            for column, text in enumerate(cells):
                self.timeline.setItem(row, column, QTableWidgetItem(text))
        self.timeline.scrollToBottom()
