"""What the parts of ``IntakeForm`` kept in modules of their own (submitting, calls, keys, drafts) may use of
the form, for the type checker: each part is a mixin that reads the form's widgets and state, and this
names them once. Imported under ``TYPE_CHECKING`` only; at run time each mixin derives from ``object``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from dispatch_desktop.controllers.drafts import DraftKeeper
from dispatch_desktop.controllers.incident_submission import IncidentSubmission
from dispatch_desktop.domain.enums import IncidentOrigin
from dispatch_desktop.ui.dispatch.commands import CommandRunner
from dispatch_desktop.ui.dispatch.dialogs import ActionDialog
from dispatch_desktop.ui.dispatch.intake_advice import AdviceBar
from dispatch_desktop.ui.dispatch.intake_duplicates import DuplicateOffer
from dispatch_desktop.ui.dispatch.intake_fields import AddressEdit, LocationField, TypeField
from dispatch_desktop.ui.dispatch.widgets import Banner, ErrorLabel, PriorityPicker
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel


class FormParts(QWidget):
    incidentCreated: ClassVar[Signal]
    duplicateRecorded: ClassVar[Signal]
    activated: ClassVar[Signal]
    queued: ClassVar[Signal]

    # collaborators
    _model: CityModel
    _selection: SelectionModel | None
    _operator: Callable[[], str]
    _drafts: DraftKeeper | None
    _simulated: bool
    _runner: CommandRunner
    _submission: IncidentSubmission

    # the call in the form
    _call: str
    _call_time: int
    _read_only: str
    active_dialog: ActionDialog | None

    # widgets
    call_label: QLabel
    banner: Banner
    reopen_button: QPushButton
    origin: QComboBox
    caller_number: QLineEdit
    caller_name: QLineEdit
    place: LocationField
    location: QLineEdit
    address: AddressEdit
    priority: PriorityPicker
    what: TypeField
    incident_type: QLineEdit
    description: QPlainTextEdit
    advice: AdviceBar
    errors: dict[str, ErrorLabel]
    dups: DuplicateOffer
    submit_button: QPushButton
    discard_button: QPushButton
    _duplicate_timer: QTimer
    _draft_timer: QTimer
    _queued_timer: QTimer

    # what one part calls of another, or of the form
    @property
    def origin_value(self) -> IncidentOrigin:
        raise NotImplementedError

    def is_pristine(self) -> bool:
        raise NotImplementedError

    def submit(self) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        raise NotImplementedError

    def start_call(self) -> None:
        raise NotImplementedError

    def start_report(self, origin: IncidentOrigin) -> None:
        raise NotImplementedError

    def toggle_duplicate(self) -> None:
        raise NotImplementedError

    def _refresh_call_label(self, *_args: object) -> None:
        raise NotImplementedError

    def _schedule_draft(self) -> None:
        raise NotImplementedError

    def _set_auto_address(self, address: str) -> None:
        raise NotImplementedError
