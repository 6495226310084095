"""The intake form's submitting: check, number, send, and what the hub's answer (or its silence) means
for the form. A part of ``IntakeForm`` kept in a module of its own; it reads the form's fields.

No answer within a few seconds: the incident waits in the outbox (sent again until the hub answers) and
the form is free for the next call. A refusal that then arrives is kept, to be reopened in the form with
everything it held. An accepted duplicate is closed as such right away.
"""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QCoreApplication, Qt

from dispatch_desktop.controllers.intake import ORIGINS, IntakeInput, Problem, build_incident, problems
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.intake import next_incident_id
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch.commands import Outcome

translate = QCoreApplication.translate  # the form's context: these are the form's texts


class SubmitMixin:
    """Mixed into ``IntakeForm``."""

    def submit(self) -> None:
        """Validate, then send the IncidentCreated command; the form clears when the hub accepts it."""
        if self._sending is not None or self._read_only:
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
        self._send(build_incident(self._input(), self._allocate_id(), self._operator()))

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
        )

    def _allocate_id(self) -> str:
        existing = set(self._model.state.incidents.keys()) | self._issued
        incident_id = next_incident_id(existing, self._workstation, self._call_time)
        self._issued.add(incident_id)
        return incident_id

    def _send(self, body: ev.IncidentCreated) -> None:
        self._sending = body
        self.submit_button.setEnabled(False)
        self.banner.info(translate("IntakeForm", "Sending %1…").replace("%1", body.incident))
        self._queued_timer.start()
        self._runner.send(body, self._on_created)

    def _on_no_answer(self) -> None:
        """The hub has not answered: the incident waits in the outbox (on disk, sent again until the hub
        answers) and the form is free for the next call."""
        body, self._sending = self._sending, None
        if body is None:
            return
        self._queued[body.incident] = body
        self.reset()
        self.submit_button.setEnabled(True)
        self.banner.error(
            translate(
                "IntakeForm",
                "No answer from the hub yet: %1 is queued and goes out as soon as the link is "
                "back. Nothing is lost; you can take the next call.",
            ).replace("%1", body.incident)
        )
        self.queued.emit(body.incident)

    def _on_created(self, outcome: Outcome) -> None:
        body = outcome.body
        assert isinstance(body, ev.IncidentCreated)
        if body.incident in self._queued:
            self._on_queued_answer(self._queued.pop(body.incident), outcome)
            return
        self._queued_timer.stop()
        self._sending = None
        self.submit_button.setEnabled(not self._read_only)
        if outcome.refusal is not None and outcome.refusal.code == "incident_exists":
            # Another desk used the number meanwhile (or our state lagged): take the next one.
            self._send(msgspec.structs.replace(body, incident=self._allocate_id()))
            return
        if outcome.refusal is not None:
            self.banner.error(
                translate("IntakeForm", "The hub refused the incident: %1").replace(
                    "%1", labels.refusal_text(outcome.refusal.code, outcome.refusal.message)
                )
            )
            return
        if outcome.error:
            self.banner.error(
                translate("IntakeForm", "Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.").replace(
                    "%1", outcome.error
                )
            )
            return
        self.reset()
        self._accepted(body)

    def _on_queued_answer(self, body: ev.IncidentCreated, outcome: Outcome) -> None:
        if outcome.refusal is not None and outcome.refusal.code == "incident_exists":
            renumbered = msgspec.structs.replace(body, incident=self._allocate_id())
            self._queued[renumbered.incident] = renumbered
            self._runner.send(renumbered, self._on_created)
            return
        if outcome.accepted:
            self.banner.success(
                translate("IntakeForm", "%1, queued earlier, has been accepted by the hub.").replace(
                    "%1", body.incident
                )
            )
            self._accepted(body, select=self.is_pristine())
            return
        why = (
            labels.refusal_text(outcome.refusal.code, outcome.refusal.message)
            if outcome.refusal is not None
            else outcome.error
        )
        self.refused.append((body, why))
        self.banner.error(
            translate("IntakeForm", "%1, queued earlier, was refused: %2. Reopen it to correct and send it again.")
            .replace("%1", body.incident)
            .replace("%2", why)
        )
        self._show_reopen()

    def _accepted(self, body: ev.IncidentCreated, *, select: bool = True) -> None:
        if body.duplicate_of:
            self.banner.success(
                translate("IntakeForm", "%1 recorded as a duplicate of %2.")
                .replace("%1", body.incident)
                .replace("%2", body.duplicate_of)
            )
            self._runner.send(
                ev.IncidentClosed(
                    incident=body.incident,
                    disposition="duplicate",
                    reason=f"duplicate of {body.duplicate_of}",
                    operator=self._operator(),
                ),
                self._on_duplicate_closed,
            )
            if self._selection is not None and select:
                self._selection.select_incident(body.duplicate_of)
            self.duplicateRecorded.emit(body.incident, body.duplicate_of)
            return
        if not self.banner.is_error:
            self.banner.success(translate("IntakeForm", "%1 created.").replace("%1", body.incident))
        if self._selection is not None and select:
            self._selection.select_incident(body.incident)
        self.incidentCreated.emit(body.incident)

    def _on_duplicate_closed(self, outcome: Outcome) -> None:
        if outcome.accepted:
            return
        detail = (
            labels.refusal_text(outcome.refusal.code, outcome.refusal.message)
            if outcome.refusal is not None
            else outcome.error
        )
        self.banner.error(translate("IntakeForm", "The duplicate could not be closed: %1").replace("%1", detail))

    def reopen_refused(self) -> None:
        """Put the oldest refused incident back in the form, as it was sent, to correct it."""
        if not self.refused:
            return
        if not self.is_pristine():
            self.banner.error(translate("IntakeForm", "Finish or discard the call in the form first."))
            return
        body, _why = self.refused.pop(0)
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
        self.reopen_button.setVisible(bool(self.refused))
        self.reopen_button.setText(
            translate("IntakeForm", "Reopen the refused incident (%1 waiting)").replace("%1", str(len(self.refused)))
        )


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
