"""The small keyboard dialogs behind F7 (transfer), F8 (recall) and F9 (close): a choice, a reason and,
for a close with units still on the incident, whether to recall them in the same step.

They open without blocking (``open()``), so the desk keeps updating behind them; Enter confirms when
the input is complete, Esc cancels. A required reason left empty is reported beside the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from dispatch_desktop.ui.dispatch.widgets import ErrorLabel

Choice = tuple[str, str]  # (value sent in the command, text shown)


class ActionDialog(QDialog):
    """A choice among ``choices`` (if any), a reason and an optional tick box (``option``, e.g. "also
    recall the units"); ``on_accept(value, reason, option_ticked)`` runs on OK."""

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        prompt: str,
        choice_label: str,
        choices: Sequence[Choice],
        current: str,
        reason_label: str,
        reason_required: bool,
        on_accept: Callable[[str, str, bool], None],
        reason: str = "",
        option: str = "",
        option_ticked: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(380)
        self._on_accept = on_accept
        self._required = reason_required
        layout = QFormLayout(self)
        heading = QLabel(prompt, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        layout.addRow(heading)
        self.choice = QComboBox(self)
        for value, text in choices:
            self.choice.addItem(text, value)
        if choices:
            self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
            layout.addRow(choice_label, self.choice)
        else:
            self.choice.hide()
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(200)
        self.reason.setText(reason)  # a note typed before (a close the hub refused) is not lost
        self.reason_error = ErrorLabel(self)
        layout.addRow(reason_label, self.reason)
        layout.addRow("", self.reason_error)
        self.option = QCheckBox(option, self)
        self.option.setChecked(option_ticked)
        self._has_option = bool(option)
        self.option.setVisible(self._has_option)
        if option:
            layout.addRow(self.option)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self.reason.textEdited.connect(lambda _text: self.reason_error.show_message(""))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter anywhere confirms
        self._sent = False
        (self.choice if choices else self.reason).setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def value(self) -> str:
        return str(self.choice.currentData() or "")

    def _try_accept(self) -> None:
        if self._sent:
            return
        reason = self.reason.text().strip()
        if self._required and not reason:
            self.reason_error.show_message(self.tr("A reason is required."))
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._sent = True
        self.accept()
        self._on_accept(self.value, reason, self._has_option and self.option.isChecked())
