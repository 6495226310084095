"""Sending a new incident to the hub, and what its answer (or its silence) means for the call-taker.

The intake form reads its fields into an ``IntakeInput`` and checks them (``intake.problems``);
``IncidentSubmission`` does the rest and reports to the form what to show:

* it numbers the incident (the next id of this workstation on the call's day, past every id in the
  state and every id it issued itself, so a refused or unanswered number is never given twice) and
  sends the ``IncidentCreated`` command;
* ``incident_exists`` (another desk used the number meanwhile, or our state lagged) is not the
  call-taker's problem: the incident goes again under the next number;
* no answer within a few seconds (the form's timer calls ``no_answer``): the incident waits in the
  outbox, which sends it again until the hub answers, and the form is free for the next call. The
  answer still comes here: accepted, or refused and kept (``refused``) to be reopened in the form with
  everything it held;
* an incident recorded as a duplicate is closed as such (``IncidentClosed``, disposition
  ``duplicate``) once the hub has accepted it: it must not wait in the queue next to its original.

The reports carry ids and reasons as data; the form words them in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeAlias

import msgspec

from dispatch_desktop.controllers.intake import IntakeInput, build_incident, problems
from dispatch_desktop.controllers.outcome import Outcome, Send
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.intake import next_incident_id
from dispatch_desktop.domain.state import Refusal


@dataclass(frozen=True)
class Sending:
    """The incident is on its way; the form waits for the answer (and starts its no-answer timer)."""

    incident: str


@dataclass(frozen=True)
class Queued:
    """No answer in time: the incident waits in the outbox and the form is free for the next call."""

    incident: str


@dataclass(frozen=True)
class Created:
    """The hub accepted the incident (``queued_earlier``: one that had been left in the outbox)."""

    incident: str
    queued_earlier: bool = False


@dataclass(frozen=True)
class DuplicateRecorded:
    """The hub accepted the incident as a duplicate of ``original``; it is being closed as such."""

    incident: str
    original: str
    queued_earlier: bool = False


@dataclass(frozen=True)
class Refused:
    """The hub refused the incident the form is sending; the form keeps everything for correcting."""

    incident: str
    refusal: Refusal


@dataclass(frozen=True)
class NotSent:
    """The incident could not be delivered (``error`` says why); the form keeps everything to try again."""

    incident: str
    error: str


@dataclass(frozen=True)
class QueuedRefused:
    """An incident left in the outbox was refused (``refusal``) or given up (``error``); it is in
    ``IncidentSubmission.refused``, to be reopened."""

    incident: str
    refusal: Refusal | None
    error: str


@dataclass(frozen=True)
class DuplicateCloseFailed:
    """A duplicate was recorded but closing it was refused (``refusal``) or not delivered (``error``)."""

    incident: str
    refusal: Refusal | None
    error: str


Report: TypeAlias = (
    Sending | Queued | Created | DuplicateRecorded | Refused | NotSent | QueuedRefused | DuplicateCloseFailed
)


@dataclass(frozen=True)
class RefusedIncident:
    """An incident the hub refused after it had been queued, as it was sent, with why."""

    body: ev.IncidentCreated
    refusal: Refusal | None
    error: str


class IncidentSubmission:
    """The submitting of one workstation's intake form. ``send`` delivers a command and calls back with
    its outcome later; ``known_ids`` gives the incident ids in the current state; ``operator`` who is
    signed in (stamped on each command); ``report`` is told what the form should show."""

    def __init__(
        self,
        workstation: str,
        send: Send,
        known_ids: Callable[[], Iterable[str]],
        operator: Callable[[], str],
        report: Callable[[Report], None],
    ) -> None:
        self._workstation = workstation
        self._send = send
        self._known_ids = known_ids
        self._operator = operator
        self._report = report
        self._issued: set[str] = set()
        self._sending: ev.IncidentCreated | None = None
        self._queued: dict[str, ev.IncidentCreated] = {}  # incident id -> body, left in the outbox
        self._refused: list[RefusedIncident] = []  # queued ones the hub then refused, the oldest first

    @property
    def sending(self) -> ev.IncidentCreated | None:
        """The incident sent from the form and not answered yet (the form takes no other meanwhile)."""
        return self._sending

    @property
    def refused(self) -> list[RefusedIncident]:
        """Queued incidents the hub refused, the oldest first, waiting to be reopened."""
        return list(self._refused)

    def submit(self, form: IntakeInput) -> ev.IncidentCreated | None:
        """Number and send the incident of a form that has no ``problems``; None (nothing sent) while
        the previous one is still waiting for its answer."""
        if self._sending is not None:
            return None
        found = problems(form)
        if found:
            raise ValueError(f"the form is not complete ({', '.join(p.code for p in found)}): check problems() first")
        body = build_incident(form, self._allocate_id(form.call_time), self._operator())
        self._send_from_form(body)
        return body

    def no_answer(self) -> None:
        """The hub has not answered in time: the incident waits in the outbox (on disk, sent again until
        the hub answers) and the form is free for the next call."""
        body, self._sending = self._sending, None
        if body is None:
            return
        self._queued[body.incident] = body
        self._report(Queued(body.incident))

    def reopen(self) -> ev.IncidentCreated | None:
        """Take the oldest refused incident back, as it was sent, to fill the form with it."""
        return self._refused.pop(0).body if self._refused else None

    # --- answers -----------------------------------------------------------------------------------

    def _allocate_id(self, call_time_ms: int) -> str:
        existing = {*self._known_ids(), *self._issued}
        incident_id = next_incident_id(existing, self._workstation, call_time_ms)
        self._issued.add(incident_id)
        return incident_id

    def _renumbered(self, body: ev.IncidentCreated) -> ev.IncidentCreated:
        return msgspec.structs.replace(body, incident=self._allocate_id(body.call_time))

    def _send_from_form(self, body: ev.IncidentCreated) -> None:
        self._sending = body
        self._report(Sending(body.incident))
        self._send(body, self._on_answer)

    def _on_answer(self, outcome: Outcome) -> None:
        body = outcome.body
        assert isinstance(body, ev.IncidentCreated)
        queued = self._queued.pop(body.incident, None)
        if queued is not None:
            self._on_queued_answer(queued, outcome)
            return
        self._sending = None
        if outcome.refusal is not None and outcome.refusal.code == "incident_exists":
            self._send_from_form(self._renumbered(body))
        elif outcome.refusal is not None:
            self._report(Refused(body.incident, outcome.refusal))
        elif outcome.error:
            self._report(NotSent(body.incident, outcome.error))
        else:
            self._accepted(body, queued_earlier=False)

    def _on_queued_answer(self, body: ev.IncidentCreated, outcome: Outcome) -> None:
        if outcome.refusal is not None and outcome.refusal.code == "incident_exists":
            renumbered = self._renumbered(body)
            self._queued[renumbered.incident] = renumbered  # still in the outbox's hands: no news for the form
            self._send(renumbered, self._on_answer)
        elif outcome.accepted:
            self._accepted(body, queued_earlier=True)
        else:
            self._refused.append(RefusedIncident(body, outcome.refusal, outcome.error))
            self._report(QueuedRefused(body.incident, outcome.refusal, outcome.error))

    def _accepted(self, body: ev.IncidentCreated, *, queued_earlier: bool) -> None:
        if not body.duplicate_of:
            self._report(Created(body.incident, queued_earlier))
            return
        close = ev.IncidentClosed(
            incident=body.incident,
            disposition="duplicate",
            reason=f"duplicate of {body.duplicate_of}",
            operator=self._operator(),
        )
        self._send(close, lambda outcome: self._on_duplicate_closed(body.incident, outcome))
        self._report(DuplicateRecorded(body.incident, body.duplicate_of, queued_earlier))

    def _on_duplicate_closed(self, incident: str, outcome: Outcome) -> None:
        if not outcome.accepted:
            self._report(DuplicateCloseFailed(incident, outcome.refusal, outcome.error))
