"""The intake form's submitting, as the form shows it: check the fields and mark what is missing, hand
the call to the ``IncidentSubmission`` controller (which numbers, sends, renumbers, queues and closes
duplicates) and word what it reports in the user's language. A part of ``IntakeForm`` kept in a module
of its own; it reads and fills the form's fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from dispatch_desktop.controllers.incident_submission import (
    Created,
    DuplicateCloseFailed,
    DuplicateRecorded,
    NotSent,
    Queued,
    QueuedRefused,
    Refused,
    Report,
    Sending,
)
from dispatch_desktop.controllers.intake import ORIGINS, IntakeInput, Problem, problems
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.state import Refusal
from dispatch_desktop.ui import labels

if TYPE_CHECKING:
    from dispatch_desktop.ui.dispatch.intake_parts import FormParts
else:
    FormParts = object  # the form's parts, named for the type checker

translate = QCoreApplication.translate  # the form's context: these are the form's texts


class SubmitMixin(FormParts):
    """Mixed into ``IntakeForm``."""

    def submit(self) -> None:
        """Validate, then send the IncidentCreated command; the form clears when the hub accepts it."""
        if self._submission.sending is not None or self._read_only:
            return
        self.place.resolve_text()
        self.what.resolve_text()
        found = problems(self._input())
        for name, error in self.errors.items():
            error.show_message(next((_problem_text(p) for p in found if p.field == name), ""))
        if found:
            first = {
                "caller_number": self.caller_number,
                "location": self.location,
                "address": self.address,
                "type": self.incident_type,
                "description": self.description,
            }[found[0].field]
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.banner.error(translate("IntakeForm", "Check the marked fields."))
            return
        if not self._call_time:
            self._call_time = self._model.now_ms()
        self._submission.submit(self._input())

    def _input(self) -> IntakeInput:
        return IntakeInput(
            origin=self.origin_value,
            caller_number=self.caller_number.text(),
            caller_name=self.caller_name.text(),
            location=self.place.location,
            address=self.address.text(),
            incident_type=self.what.kind,
            priority=self.priority.value,
            description=self.description.toPlainText(),
            duplicate_of=self.dups.duplicate_of,
            call=self._call,
            call_time=self._call_time or self._model.now_ms(),
            simulated=self._simulated,
            advice=self.advice.choice(),
        )

    def _show_submission(self, report: Report) -> None:
        """What the submission controller reports, in the form's words."""
        match report:
            case Sending(incident):
                self.submit_button.setEnabled(False)
                self.banner.info(translate("IntakeForm", "Sending %1…").replace("%1", incident))
                self._queued_timer.start()
            case Queued(incident):
                self.reset()
                self.submit_button.setEnabled(True)
                self.banner.error(
                    translate(
                        "IntakeForm",
                        "No answer from the hub yet: %1 is queued and goes out as soon as the link is "
                        "back. Nothing is lost; you can take the next call.",
                    ).replace("%1", incident)
                )
                self.queued.emit(incident)
            case Refused(_incident, refusal):
                self._answered()
                self.banner.error(
                    translate("IntakeForm", "The hub refused the incident: %1").replace(
                        "%1", labels.refusal_text(refusal.code, refusal.message)
                    )
                )
            case NotSent(_incident, error):
                self._answered()
                self.banner.error(
                    translate("IntakeForm", "Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.").replace(
                        "%1", error
                    )
                )
            case Created(incident, queued_earlier):
                select = self._on_accepted(incident, queued_earlier)
                if not self.banner.is_error and not queued_earlier:  # a queued one's banner says it
                    self.banner.success(translate("IntakeForm", "%1 created.").replace("%1", incident))
                if self._selection is not None and select:
                    self._selection.select_incident(incident)
                self.incidentCreated.emit(incident)
            case DuplicateRecorded(incident, original, queued_earlier):
                select = self._on_accepted(incident, queued_earlier)
                self.banner.success(
                    translate("IntakeForm", "%1 recorded as a duplicate of %2.")
                    .replace("%1", incident)
                    .replace("%2", original)
                )
                if self._selection is not None and select:
                    self._selection.select_incident(original)
                self.duplicateRecorded.emit(incident, original)
            case QueuedRefused(incident, refusal, error):
                self.banner.error(
                    translate(
                        "IntakeForm", "%1, queued earlier, was refused: %2. Reopen it to correct and send it again."
                    )
                    .replace("%1", incident)
                    .replace("%2", reason_text(refusal, error))
                )
                self._show_reopen()
            case DuplicateCloseFailed(_incident, refusal, error):
                self.banner.error(
                    translate("IntakeForm", "The duplicate could not be closed: %1").replace(
                        "%1", reason_text(refusal, error)
                    )
                )

    def _answered(self) -> None:
        """The incident sent from the form has its answer: no more waiting for one."""
        self._queued_timer.stop()
        self.submit_button.setEnabled(not self._read_only)

    def _on_accepted(self, incident: str, queued_earlier: bool) -> bool:
        """Whether to select the accepted incident: always when it came from the form (which is emptied
        for the next call), and one accepted from the outbox only when the form holds no other call."""
        if not queued_earlier:
            self._answered()
            self.reset()
            return True
        self.banner.success(
            translate("IntakeForm", "%1, queued earlier, has been accepted by the hub.").replace("%1", incident)
        )
        return self.is_pristine()

    def reopen_refused(self) -> None:
        """Put the oldest refused incident back in the form, as it was sent, to correct it."""
        if not self._submission.refused:
            return
        if not self.is_pristine():
            self.banner.error(translate("IntakeForm", "Finish or discard the call in the form first."))
            return
        body = self._submission.reopen()
        if body is not None:
            self.fill_from(body)
        self._show_reopen()

    def fill_from(self, body: ev.IncidentCreated) -> None:
        self.origin.setCurrentIndex(ORIGINS.index(body.origin) if body.origin in ORIGINS else 0)
        self._call, self._call_time = body.call, body.call_time
        self.caller_number.setText(body.caller_number)
        self.caller_name.setText(body.caller_name)
        self.place.set_point(body.lat, body.lon)
        self._set_auto_address(body.address)
        if taxonomy.is_known(body.incident_type):
            self.what.pick(taxonomy.incident_type(body.incident_type))
        self.priority.set_value(body.priority)
        self.description.setPlainText(body.description)
        self._refresh_call_label()
        self._schedule_draft()

    def _show_reopen(self) -> None:
        waiting = len(self._submission.refused)
        self.reopen_button.setVisible(bool(waiting))
        self.reopen_button.setText(
            translate("IntakeForm", "Reopen the refused incident (%1 waiting)").replace("%1", str(waiting))
        )


def reason_text(refusal: Refusal | None, error: str) -> str:
    """Why a command did not go through: the hub's refusal in the user's language, else the error."""
    return labels.refusal_text(refusal.code, refusal.message) if refusal is not None else error


def _problem_text(problem: Problem) -> str:
    translate = QCoreApplication.translate
    texts_by_code = {
        "number_missing": translate(
            "IntakeForm", "Enter the caller's number (a walk-in or officer report needs none)."
        ),
        "number_invalid": translate("IntakeForm", "Enter the caller's number: 3 to 20 digits."),
        "location_missing": translate("IntakeForm", "Pick a place from the list or click the map."),
        "address_missing": translate("IntakeForm", "Enter the address."),
        "type_missing": translate("IntakeForm", "Choose an incident type from the list."),
        "description_too_long": translate("IntakeForm", "At most 2000 characters."),
    }
    return texts_by_code[problem.code]
