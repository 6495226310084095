"""The 110 intake form: a call becomes an incident with the keyboard alone.

A ringing call is answered with F2 (``take_call``): the caller's number and, for a mobile, the network's
approximate location come with it, and the cursor waits in the location to be confirmed or typed. F2
with nothing ringing, or Shift+F2, starts a report by hand: a 110 call typed in (the number is then
needed), a walk-in report or an incident an officer found (no number needed). Tab walks source →
number → name → location → address → type → priority → description. Location and type complete as
you type (places in Chinese, pinyin or English; types in Chinese or English); Enter in them takes the
first match; a map click fills the location. Priority follows the type and Ctrl+1–4 change it. Open
incidents nearby of the same kind are offered as duplicates; Alt+D marks the call as one. Enter (in a
one-line field) or Ctrl+Enter submits.

Nothing typed is ever lost: every edit is kept on disk as a draft (offered back after a crash); a
refusal shows above the form and leaves every field as it was; when the hub does not answer within a
few seconds the incident waits in the outbox (sent again until the hub answers) and the form is free
for the next call; if the hub then refuses it, it can be reopened here with everything it held.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.controllers.drafts import DraftKeeper
from dispatch_desktop.controllers.incident_submission import IncidentSubmission
from dispatch_desktop.controllers.intake import ORIGINS, SHORT_MAX
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.duplicates import DEFAULT_DUPLICATE_CONFIG, DuplicateConfig
from dispatch_desktop.domain.enums import IncidentOrigin
from dispatch_desktop.domain.intake import Location
from dispatch_desktop.domain.taxonomy import IncidentType
from dispatch_desktop.ui.dispatch.commands import CommandRunner, SendCommand
from dispatch_desktop.ui.dispatch.dialogs import ActionDialog
from dispatch_desktop.ui.dispatch.intake_advice import AdviceBar, advice_draft
from dispatch_desktop.ui.dispatch.intake_calls import CallsMixin
from dispatch_desktop.ui.dispatch.intake_drafts import DraftsMixin
from dispatch_desktop.ui.dispatch.intake_duplicates import DuplicateOffer
from dispatch_desktop.ui.dispatch.intake_fields import AddressEdit, LocationField, TypeField
from dispatch_desktop.ui.dispatch.intake_keys import KeysMixin
from dispatch_desktop.ui.dispatch.intake_sending import SubmitMixin
from dispatch_desktop.ui.dispatch.widgets import Banner, ErrorLabel, PriorityPicker
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.retranslate import RetranslateMixin

_DUPLICATE_DELAY_MS = 150
_DRAFT_DELAY_MS = 300
QUEUED_AFTER_MS = 3000


class IntakeForm(RetranslateMixin, SubmitMixin, CallsMixin, KeysMixin, DraftsMixin, QWidget):
    """The call-intake form. Collaborators come in: the city (gazetteer and areas), the city model
    (current state and clock), the command sender and, optionally, the shared selection (moved to each
    incident the hub accepts), who is signed in (``operator``), where drafts are kept, and whether the
    city is a simulation (its incidents are then marked simulated).

    Its parts live in modules of their own: submitting (``intake_sending``, over the Qt-free
    ``IncidentSubmission``), the call (``intake_calls``), the keys (``intake_keys``) and drafts
    (``intake_drafts``); ``intake_parts`` names what they use of the form."""

    incidentCreated = Signal(str)  # id of an incident the hub accepted
    duplicateRecorded = Signal(str, str)  # (new incident id, the original it duplicates)
    activated = Signal()  # F2 / Ctrl+N: whoever holds the form should show it (raise its dock)
    queued = Signal(str)  # an incident left in the outbox because the hub did not answer in time

    def __init__(
        self,
        city: City,
        model: CityModel,
        send_command: SendCommand,
        workstation: str,
        selection: SelectionModel | None = None,
        parent: QWidget | None = None,
        *,
        duplicate_config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG,
        operator: Callable[[], str] = lambda: "",
        drafts: DraftKeeper | None = None,
        simulated: bool = False,
        queued_after_ms: int = QUEUED_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intake")  # names its dock in saved layouts
        if not workstation or not all(c.isalnum() or c in "_.:-" for c in workstation):
            raise ValueError(f"workstation id {workstation!r} must be letters, digits or _.:- (it goes into ids)")
        self._city = city
        self._model = model
        self._selection = selection
        self._workstation = workstation
        self._duplicate_config = duplicate_config
        self._operator = operator
        self._drafts = drafts
        self._simulated = simulated
        self._runner = CommandRunner(send_command, self)
        self._submission = IncidentSubmission(workstation, self._runner.send, lambda: model.state.incidents.keys(),
                                              operator, self._show_submission)
        self._call_time = 0
        self._call = ""  # the telephony call this report answers
        self._read_only = ""
        self.active_dialog: ActionDialog | None = None
        self._build()
        self._queued_timer = QTimer(self)
        self._queued_timer.setSingleShot(True)
        self._queued_timer.setInterval(queued_after_ms)
        self._queued_timer.timeout.connect(self._submission.no_answer)
        self.retranslate()
        self._clear()  # not reset(): that would drop a draft an earlier run left for this form to offer back

    # --- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.call_label = QLabel(self)
        self.call_label.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.banner = Banner(self)
        self.reopen_button = QPushButton(self)
        self.reopen_button.clicked.connect(self.reopen_refused)
        self.reopen_button.hide()

        self.origin = QComboBox(self)
        self.caller_number = QLineEdit(self)
        self.caller_number.setMaxLength(SHORT_MAX)
        self.caller_name = QLineEdit(self)
        self.caller_name.setMaxLength(SHORT_MAX)
        self.place = LocationField(self._city, self)
        self.location = self.place.edit
        self.location_info = self.place.info
        self.address = AddressEdit(self)
        self.address.setMaxLength(SHORT_MAX)
        self.priority = PriorityPicker(self)
        self.what = TypeField(self, self.priority.set_value)
        self.incident_type = self.what.edit
        self.type_info = self.what.info
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(52)
        self.advice = AdviceBar(self, lambda: advice_draft(self))

        self.errors: dict[str, ErrorLabel] = {
            "caller_number": ErrorLabel(self), "location": self.place.error, "address": ErrorLabel(self),
            "type": self.what.error, "description": ErrorLabel(self),
        }
        self.dups = DuplicateOffer(self, self._duplicate_config)
        self.dups.changed.connect(self._schedule_draft)
        self.duplicates, self.duplicate_button, self.duplicate_note = self.dups.list, self.dups.button, self.dups.note
        self.submit_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit)
        self.discard_button = QPushButton(self)
        self.discard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.discard_button.clicked.connect(self._discard)

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row_labels: dict[str, QLabel] = {}
        rows: list[tuple[str, list[QWidget]]] = [
            ("origin", [self.origin]),
            ("caller_number", [self.caller_number, self.errors["caller_number"]]),
            ("caller_name", [self.caller_name]),
            ("location", [self.location, self.location_info, self.errors["location"]]),
            ("address", [self.address, self.errors["address"]]),
            ("type", [self.incident_type, self.type_info, self.errors["type"]]),
            ("priority", [self.priority]),
            ("description", [self.description, self.advice, self.errors["description"]]),
        ]
        for name, widgets in rows:
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            for widget in widgets:
                box.addWidget(widget)
            label = QLabel(self)
            label.setBuddy(widgets[0])
            self._row_labels[name] = label
            self._form.addRow(label, cell)

        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        self._form.setVerticalSpacing(4)
        layout.addWidget(self.call_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.reopen_button)
        layout.addLayout(self._form)
        layout.addWidget(self.dups.title)
        layout.addWidget(self.duplicates)
        dup_row = QHBoxLayout()
        dup_row.addWidget(self.duplicate_button)
        dup_row.addWidget(self.duplicate_note, 1)
        layout.addLayout(dup_row)
        layout.addLayout(buttons)
        layout.addStretch(1)

        chain = (self.origin, self.caller_number, self.caller_name, self.location, self.address,
                 self.incident_type, self.priority, self.description, self.duplicates, self.submit_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.origin.currentIndexChanged.connect(self._on_origin_changed)
        self.location.returnPressed.connect(self._on_location_return)
        self.incident_type.returnPressed.connect(self._on_type_return)
        self.place.changed.connect(self._on_location_changed)
        self.place.picked.connect(self._set_auto_address)
        self.what.changed.connect(self._on_type_changed)
        for edit in (self.caller_number, self.caller_name, self.address):
            edit.returnPressed.connect(self.submit)
        for edit in (self.caller_number, self.caller_name, self.address, self.location, self.incident_type):
            edit.textEdited.connect(self._note_edit)
        self.address.textEdited.connect(self._on_address_edited)
        self.caller_number.textEdited.connect(lambda _text: self.errors["caller_number"].show_message(""))
        self.description.textChanged.connect(self._on_description_changed)
        self.description.textChanged.connect(self.advice.schedule)
        self.what.changed.connect(self.advice.schedule)
        self.priority.changed.connect(lambda _value: self._note_edit())
        self.priority.entered.connect(self.submit)

        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(_DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(_DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)

        self._make_shortcuts()
        self._model.clockTicked.connect(self._refresh_call_label)

    def retranslate(self) -> None:
        names = {
            "origin": self.tr("&Source"),
            "caller_number": self.tr("Caller &number"),
            "caller_name": self.tr("Caller na&me"),
            "location": self.tr("&Location"),
            "address": self.tr("&Address"),
            "type": self.tr("Incident &type"),
            "priority": self.tr("&Priority (1–4)"),
            "description": self.tr("D&escription"),
        }
        for name, text in names.items():
            self._row_labels[name].setText(text)
        self.setWindowTitle(self.tr("110 intake"))  # a dock follows it
        current = self.origin.currentIndex()
        self.origin.blockSignals(True)
        self.origin.clear()
        self.origin.addItems([self.tr("110 call"), self.tr("Walk-in report (no phone)"),
                              self.tr("Found by an officer (no phone)")])
        self.origin.setCurrentIndex(max(current, 0))
        self.origin.blockSignals(False)
        self.caller_number.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.location.setPlaceholderText(
            self.tr("Place, station or district (汉字, pinyin or English) — or click the map"))
        self.address.setPlaceholderText(self.tr("Street and number, building, floor…"))
        self.incident_type.setPlaceholderText(self.tr("Type in Chinese or English, e.g. 斗殴 or fight"))
        self.description.setPlaceholderText(self.tr("What the caller says is happening"))
        self.submit_button.setText(self.tr("Create incident (Ctrl+Enter)"))
        self.priority.retranslate()
        self.what.retranslate()
        self.place.show_info()
        self._describe_keys()
        self._refresh_call_label()
        self.dups.retranslate()
        self._show_reopen()
        self._apply_read_only()

    # --- reading -----------------------------------------------------------------------------------

    @property
    def workstation(self) -> str:
        return self._workstation

    @property
    def duplicate_of(self) -> str:
        return self.dups.duplicate_of

    @property
    def selected_type(self) -> IncidentType | None:
        return self.what.kind

    @property
    def resolved_location(self) -> Location | None:
        return self.place.location

    @property
    def call(self) -> str:
        """The telephony call this report answers ("" for one typed by hand)."""
        return self._call

    @property
    def origin_value(self) -> IncidentOrigin:
        return ORIGINS[max(self.origin.currentIndex(), 0)]

    def duplicate_candidates(self) -> list[str]:
        """Ids of the open incidents offered as the original of this call, most likely first."""
        return self.dups.ids()

    def is_pristine(self) -> bool:
        return not (self.caller_number.text() or self.caller_name.text() or self.location.text()
                    or self.address.text() or self.incident_type.text() or self.description.toPlainText()
                    or self.place.location is not None or self._call)

    # --- from outside: the map, the role (starting and ending a call: intake_calls) ----------------

    def set_location_from_map(self, lat: float, lon: float) -> None:
        """A click on the map: the point, its district and station, and the nearest place as address."""
        if self._read_only:
            return
        self._note_edit()
        text = self.place.set_point(lat, lon)
        hint = self.place.place_hint()
        self._set_auto_address(self.tr("near %1").replace("%1", hint) if hint else text)

    def set_read_only(self, reason: str) -> None:
        """A desk whose role sends nothing (a supervisor's): the form says why instead of taking a call."""
        self._read_only = reason
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        for widget in (self.origin, self.caller_number, self.caller_name, self.location, self.address,
                       self.incident_type, self.priority, self.description, self.submit_button,
                       self.discard_button, self.duplicate_button):
            widget.setEnabled(not self._read_only)
            widget.setToolTip(self._read_only)
        if self._read_only:
            self.banner.info(self._read_only)

    # --- duplicates --------------------------------------------------------------------------------

    def toggle_duplicate(self) -> None:
        """Alt+D: mark the call as a duplicate of the highlighted candidate, or unmark it."""
        if not self.dups.toggle():
            self.banner.info(self.tr("No open incident nearby to mark as the original."))

    def check_duplicates(self) -> None:
        """Offer open incidents near the location of the same kind (runs shortly after each change)."""
        location = self.place.location
        self.dups.check(self._model.state.incidents.values(),
                        (location.lat, location.lon) if location is not None else None,
                        self.what.kind.code if self.what.kind is not None else "",
                        self._call_time or self._model.now_ms())

    # --- small reactions ---------------------------------------------------------------------------

    def _set_auto_address(self, address: str) -> None:
        if not self.address.text() or self.address.text() == self.address.filled:
            self.address.setText(address)
            self.address.filled = address
            self.errors["address"].show_message("")

    def _on_location_changed(self) -> None:
        self._duplicate_timer.start()
        self._schedule_draft()

    def _on_type_changed(self) -> None:
        self._duplicate_timer.start()
        self._schedule_draft()

    def _on_location_return(self) -> None:
        self.place.resolve_text()
        if self.place.location is not None:
            self.address.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_type_return(self) -> None:
        self.what.resolve_text()
        if self.what.kind is not None:
            self.priority.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_origin_changed(self, _index: int) -> None:
        self.errors["caller_number"].show_message("")
        self._note_edit()

    def _note_edit(self, *_args: object) -> None:
        if not self._call_time:
            self._call_time = self._model.now_ms()
            self._refresh_call_label()
        self._schedule_draft()

    def _on_address_edited(self, text: str) -> None:
        self.errors["address"].show_message("")
        if text != self.address.filled:
            self.address.filled = ""

    def _on_description_changed(self) -> None:
        if self.description.toPlainText():
            self._note_edit()
        self.errors["description"].show_message("")
