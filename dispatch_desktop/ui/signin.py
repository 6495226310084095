"""Signing in at the desk: the operator's name and badge number, before any work is done.

The last operator of this workstation is offered (a shift hands over to the next one, who changes the
name). The role is not asked: it comes with the workstation's key and is shown here so the person knows
what this desk may do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.bus.keys import Role
from dispatch_desktop.controllers.identity import Identity
from dispatch_desktop.controllers.operator import NAME_MAX, Operator, OperatorError
from dispatch_desktop.ui.dispatch.widgets import ErrorLabel
from dispatch_desktop.ui.user_settings import UserSettings
from dispatch_desktop.ui.workstation import WorkstationSettings


def role_text(role: Role) -> str:
    texts = {
        Role.DISPATCHER: QCoreApplication.translate("SignIn", "Dispatcher: takes calls and dispatches"),
        Role.COMMANDER: QCoreApplication.translate("SignIn", "Shift commander: takes calls, dispatches and commands"),
        Role.SUPERVISOR: QCoreApplication.translate("SignIn", "Supervisor: sees everything, sends nothing (read-only)"),
    }
    return texts.get(role, str(role))


class SignInDialog(QDialog):
    def __init__(self, workstation: str, role: Role, last: Operator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in")
        self.setWindowTitle(self.tr("Sign in — Dispatch Desktop"))
        self.setMinimumWidth(420)
        self.operator: Operator | None = None
        heading = QLabel(self.tr("Workstation {workstation}").format(workstation=workstation), self)
        heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        role_label = QLabel(role_text(role), self)
        role_label.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText(self.tr("e.g. 张伟"))
        self.badge = QLineEdit(self)
        self.badge.setMaxLength(20)
        self.badge.setPlaceholderText(self.tr("e.g. 012345"))
        self.errors = {"name": ErrorLabel(self), "badge": ErrorLabel(self)}
        if last is not None:
            self.name.setText(last.name)
            self.badge.setText(last.badge)
            self.name.selectAll()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("&Badge number"), self.badge)
        form.addRow("", self.errors["badge"])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(role_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textEdited.connect(lambda _t: self.errors["name"].show_message(""))
        self.badge.textEdited.connect(lambda _t: self.errors["badge"].show_message(""))
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _try_accept(self) -> None:
        try:
            self.operator = Operator.parse(self.name.text(), self.badge.text())
        except OperatorError as error:
            self.errors[error.field].show_message(operator_error_text(error))
            (self.name if error.field == "name" else self.badge).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()


def operator_error_text(error: OperatorError) -> str:
    texts = {
        "name_missing": QCoreApplication.translate("SignIn", "Enter your name."),
        "name_too_long": QCoreApplication.translate("SignIn", "A name has at most {n} characters.").format(n=NAME_MAX),
        "name_control": QCoreApplication.translate("SignIn", "The name contains control characters."),
        "badge_missing": QCoreApplication.translate("SignIn", "Enter your badge number."),
        "badge_invalid": QCoreApplication.translate("SignIn", "A badge number is 3 to 20 letters, digits or dashes."),
    }
    return texts.get(error.code, str(error))


def sign_in(identity: Identity, settings: WorkstationSettings, given: str | None) -> str | None:
    """The operator for this session: ``--operator``, else the sign-in dialog (None: the person quit)."""
    if given:
        return given
    user = UserSettings(settings.resolved_config_dir(), settings.user)
    last = user.operator(identity.workstation)
    dialog = SignInDialog(identity.workstation, identity.role, Operator.from_signature(last) if last else None)
    if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.operator is None:
        return None
    user.set_operator(identity.workstation, dialog.operator.signature)
    return dialog.operator.signature
