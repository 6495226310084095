"""The call in the intake form: starting one (F2 typed by hand, Shift+F2 a report without a phone, a
ringing call this desk answered), its clock over the form, emptying the form for the next, and ending a
call that is no incident (most calls are: advice, a misdial…) with how it ended, for the record. A part
of ``IntakeForm`` kept in a module of its own; it fills the form's fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dispatch_desktop.controllers.intake import ORIGINS
from dispatch_desktop.controllers.outcome import Outcome
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentOrigin
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.dispatch.dialogs import ActionDialog
from dispatch_desktop.ui.dispatch.intake_sending import reason_text

if TYPE_CHECKING:
    from dispatch_desktop.domain.state import Call
    from dispatch_desktop.ui.dispatch.intake_parts import FormParts
else:
    FormParts = object  # the form's parts, named for the type checker

translate = QCoreApplication.translate  # the form's context: these are the form's texts


class CallsMixin(FormParts):
    """Mixed into ``IntakeForm``."""

    def start_call(self) -> None:
        """F2 with nothing ringing: a new call typed by hand if the form is empty, else back to the
        call in progress."""
        self.start_report(IncidentOrigin.CALL)

    def start_report(self, origin: IncidentOrigin) -> None:
        if self._read_only:
            return
        if self.is_pristine():
            self.origin.setCurrentIndex(ORIGINS.index(origin))
            self._call_time = self._model.now_ms()
            self._refresh_call_label()
            self.banner.clear_message()
            first = self.caller_number if origin is IncidentOrigin.CALL else self.location
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self._first_empty_field().setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.activated.emit()

    def take_call(self, call: Call) -> None:
        """A ringing call this desk has answered: its number and the network's idea of where the
        caller is are filled in; the cursor waits in the location, to confirm or type the place."""
        if not self.is_pristine():
            raise RuntimeError("the form holds another call: finish or discard it first")
        self.origin.setCurrentIndex(ORIGINS.index(IncidentOrigin.CALL))
        self._call = call.id
        self._call_time = call.offered_at or self._model.now_ms()
        self.caller_number.setText(call.number)
        if call.location is not None:
            accuracy = call.location.accuracy_m if call.location.method != "registered" else 0
            self.place.set_point(call.location.lat, call.location.lon, accuracy_m=accuracy)
            hint = self.place.place_hint()
            address = call.address or (translate("IntakeForm", "near %1").replace("%1", hint) if hint else "")
            self._set_auto_address(address)
        elif call.address:
            self._set_auto_address(call.address)
        self._refresh_call_label()
        number = call.number or translate("IntakeForm", "a withheld number")
        self.banner.info(translate("IntakeForm", "Call from %1 answered.").replace("%1", number))
        self.location.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.location.selectAll()
        self._duplicate_timer.start()
        self._schedule_draft()
        self.activated.emit()

    def reset(self) -> None:
        """Empty the form for the next call (its draft on disk goes too)."""
        self._clear()
        if self._drafts is not None:
            self._draft_timer.stop()
            self._drafts.clear()

    def _clear(self) -> None:
        for edit in (self.caller_number, self.caller_name, self.address):
            edit.clear()
        self.place.clear()
        self.what.clear()
        self.description.clear()
        self.priority.set_value(3)
        self.origin.setCurrentIndex(0)
        self.address.filled = ""
        self.dups.clear()
        self.advice.clear()
        self._call_time = 0
        self._call = ""
        for error in self.errors.values():
            error.show_message("")
        self._refresh_call_label()

    def _refresh_call_label(self, *_args: object) -> None:
        """The call's clock over the form (it runs with the desk's clock), and what discarding it does."""
        finish = translate("IntakeForm", "No incident: finish the call")
        self.discard_button.setText(finish if self._call else translate("IntakeForm", "Discard call"))
        if not self._call_time:
            self.call_label.setText(translate("IntakeForm", "110 intake — F2 answers the next call"))
            return
        elapsed = labels.duration_text(self._model.now_ms() - self._call_time)
        self.call_label.setText(translate("IntakeForm", "110 call since %1 (%2)")
                                .replace("%1", labels.clock_text(self._call_time)).replace("%2", elapsed))

    def _first_empty_field(self) -> QWidget:
        number_needed = self.origin_value is IncidentOrigin.CALL and not self._call
        for widget, filled in ((self.caller_number, self.caller_number.text() or not number_needed),
                               (self.location, self.place.location is not None),
                               (self.address, self.address.text()), (self.incident_type, self.what.kind is not None)):
            if not filled:
                return widget
        return self.description

    def _discard(self) -> None:
        if self.is_pristine():
            return
        if self._call:
            self._finish_call_without_incident()
            return
        answer = QMessageBox.question(self, translate("IntakeForm", "Discard call"),
                                      translate("IntakeForm", "Discard everything typed for this call?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.reset()
            self.banner.clear_message()

    def _finish_call_without_incident(self) -> None:
        """An answered call that is no incident (most are): say how it ended, for the record."""
        call = self._call

        def send(disposition: str, note: str, _option: bool) -> None:
            self._runner.send(ev.CallClosed(call=call, disposition=disposition, note=note, operator=self._operator()),
                              self._on_call_closed)
            self.reset()
            self.banner.info(translate("IntakeForm", "Call finished without an incident."))

        choices = [(code, texts.tr(source)) for code, source in texts.CALL_DISPOSITIONS]
        self.active_dialog = ActionDialog(
            self, title=translate("IntakeForm", "Finish the call without an incident"),
            prompt=translate("IntakeForm", "How did the call end?"), choice_label=translate("IntakeForm", "Outcome"),
            choices=choices, current="advice", reason_label=translate("IntakeForm", "Note"), reason_required=False,
            on_accept=send)
        self.active_dialog.finished.connect(self._forget_dialog)
        self.active_dialog.open()

    def _forget_dialog(self, _result: int) -> None:
        dialog, self.active_dialog = self.active_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_call_closed(self, outcome: Outcome) -> None:
        if not outcome.accepted:
            self.banner.error(translate("IntakeForm", "The call could not be finished: %1")
                              .replace("%1", reason_text(outcome.refusal, outcome.error)))
