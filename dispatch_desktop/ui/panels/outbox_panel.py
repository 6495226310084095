"""发送队列: what the desk has sent that the hub has not answered, and what a restart held back.

A dispatcher can keep working while commands wait here: they go out again by themselves until the hub
answers. Held ones (from before a crash or a restart) wait for a decision: send them again as they
were, or withdraw them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.controllers.outbox import EntryState
from dispatch_desktop.ui.models.outbox_model import OutboxModel
from dispatch_desktop.ui.retranslate import RetranslateMixin

translate = QCoreApplication.translate


class OutboxPanel(RetranslateMixin, QWidget):
    def __init__(self, model: OutboxModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbox")
        self.model = model
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.resend_button = QPushButton(self)
        self.resend_button.clicked.connect(self.resend_held)
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        model.changed.connect(self._refresh)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.resend_button.setText(translate("Outbox", "Send held commands again"))
        self.withdraw_button.setText(translate("Outbox", "Withdraw selected"))
        self.withdraw_button.setToolTip(translate("Outbox", "Stop retrying: the command will not be sent again"))
        self._refresh()

    def selected_keys(self) -> list[int]:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [int(self.model.key_at(row)) for row in sorted(rows)]

    def resend_held(self) -> None:
        self.model.outbox.resend_held()

    def withdraw_selected(self) -> None:
        for key in self.selected_keys():
            self.model.outbox.withdraw(key)

    def _refresh(self) -> None:
        waiting = self.model.count(EntryState.SENDING, EntryState.QUEUED)
        held = self.model.count(EntryState.HELD)
        title = translate("Outbox", "Outbox")
        if waiting or held:
            title = translate("Outbox", "Outbox ({count})").format(count=waiting + held)
        self.setWindowTitle(title)
        if held:
            text = translate(
                "Outbox",
                "{held} command(s) were not confirmed by the hub before the desk stopped. Check them, "
                "then send them again as they were, or withdraw them.",
            ).format(held=held)
        elif waiting:
            text = translate(
                "Outbox",
                "{waiting} command(s) wait for the hub's answer; they are sent again until it "
                "answers. You can keep working.",
            ).format(waiting=waiting)
        else:
            text = translate("Outbox", "Everything sent has been answered by the hub.")
        self.summary.setText(text)
        self.resend_button.setEnabled(bool(held))
        self.withdraw_button.setEnabled(bool(self.selected_keys()))
