"""来电: the calls ringing now, the longest first; F2 (anywhere) answers the highlighted or the first one,
a double click answers that one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from dispatch_desktop.ui.models.calls_model import WAITING, CallsModel
from dispatch_desktop.ui.models.proxies import RecordFilterProxy
from dispatch_desktop.ui.retranslate import RetranslateMixin


class CallsPanel(RetranslateMixin, QWidget):
    def __init__(self, model: CallsModel, answer: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calls")
        self.model = model
        self._answer = answer
        self.proxy = RecordFilterProxy(model, self)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(model.column_titled(WAITING), Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._on_double_click)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(lambda *_args: self._update_title())
        self.retranslate()

    def highlighted(self) -> str:
        """The call selected in the list, if it still rings."""
        index = self.view.currentIndex()
        key = self.proxy.key_at(index.row()) if index.isValid() else ""
        return key if key in self.model.ringing() else ""

    def retranslate(self) -> None:
        self.view.setToolTip(QCoreApplication.translate(
            "Calls", "F2 answers the highlighted call, else the one ringing longest; a double click answers that "
            "one. Shift+F2: a report without a call."))
        self._update_title()

    def _update_title(self) -> None:
        ringing = len(self.model.ringing())
        title = QCoreApplication.translate("Calls", "Incoming calls")
        if ringing:
            title = QCoreApplication.translate("Calls", "Incoming calls — {count} ringing (F2 answers)").format(
                count=ringing)
        if title != self.windowTitle():
            self.setWindowTitle(title)

    def _on_double_click(self, index: QModelIndex) -> None:
        key = self.proxy.key_at(index.row())
        if key in self.model.ringing():
            self._answer(key)
