"""告警: emergencies, overdue timers, refusals, the plugins' alerts and notices, newest first; picking one
selects what it is about (its unit, its incident)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from dispatch_desktop.ui.models.alerts import TIME, AlertsModel
from dispatch_desktop.ui.models.proxies import RecordFilterProxy
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.retranslate import RetranslateMixin


class AlertsPanel(RetranslateMixin, QWidget):
    def __init__(self, model: AlertsModel, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alerts")
        self.model = model
        self._selection = selection
        self.proxy = RecordFilterProxy(model, self)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(model.column_titled(TIME), Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.clicked.connect(self._on_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        model.rowsInserted.connect(self._update_title)
        model.rowsRemoved.connect(self._update_title)
        model.modelReset.connect(self._update_title)
        self.retranslate()

    def retranslate(self) -> None:
        self._update_title()

    def _update_title(self, *_args: object) -> None:
        title = QCoreApplication.translate("Alerts", "Alerts")
        sos = len(self.model.active_sos())
        if sos:
            title = QCoreApplication.translate("Alerts", "{title} — {count} SOS").format(title=title, count=sos)
        self.setWindowTitle(title)

    def _on_clicked(self, index: QModelIndex) -> None:
        alert = self.model.record(self.proxy.key_at(index.row()))
        if alert is None:
            return
        if alert.unit:
            self._selection.select_unit(alert.unit)
        if alert.incident:
            self._selection.select_incident(alert.incident)
