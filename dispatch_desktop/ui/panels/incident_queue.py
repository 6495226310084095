"""警情队列: incidents by urgency, the open ones by default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from dispatch_desktop.domain.state import Incident
from dispatch_desktop.ui.models.incident_table import PRIORITY, IncidentTableModel
from dispatch_desktop.ui.models.proxies import RecordFilterProxy
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.panels.table_panel import TablePanel
from dispatch_desktop.ui.retranslate import RetranslateMixin


def _is_open(incident: Incident) -> bool:
    return incident.is_open


class IncidentQueuePanel(RetranslateMixin, TablePanel):
    def __init__(self, model: IncidentTableModel, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(RecordFilterProxy(model), selection.select_incident, selection.incidentSelected, parent)
        self.model = model
        self.setObjectName("incident_queue")
        self.show_closed = QCheckBox(self)
        self.show_closed.toggled.connect(self._on_show_closed)
        self.toolbar.addWidget(self.show_closed)
        self.proxy.set_record_test(_is_open)
        self.view.sortByColumn(model.column_titled(PRIORITY), Qt.SortOrder.AscendingOrder)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("IncidentQueue", "Incident queue"))
        self.search.setPlaceholderText(QCoreApplication.translate("IncidentQueue", "Search number, type, address…"))
        self.show_closed.setText(QCoreApplication.translate("IncidentQueue", "Show closed"))

    def _on_show_closed(self, checked: bool) -> None:
        self.proxy.set_record_test(None if checked else _is_open)
