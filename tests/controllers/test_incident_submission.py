"""Submitting a call as an incident, without a screen: numbering, the hub's answers, its silence (the
outbox), refusals kept to be reopened, and a duplicate closed as such once accepted."""

from __future__ import annotations

import pytest

from dispatch_desktop.controllers.incident_submission import (
    Created,
    DuplicateCloseFailed,
    DuplicateRecorded,
    IncidentSubmission,
    NotSent,
    Queued,
    QueuedRefused,
    Refused,
    Report,
    Sending,
)
from dispatch_desktop.controllers.intake import IntakeInput
from dispatch_desktop.controllers.outcome import Outcome, Reply
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import IncidentOrigin
from dispatch_desktop.domain.intake import Location
from dispatch_desktop.domain.reasons import refusal
from dispatch_desktop.domain.state import Refusal
from dispatch_desktop.domain.taxonomy import incident_type

T0 = 1_763_794_800_000  # 2025-11-22 15:00 in Guangzhou
DAY = "J20251122-ws-7-"
OPERATOR = "张伟 012345"


class Link:
    """Stands in for the command runner: keeps each command and its reply, for the test to answer."""

    def __init__(self) -> None:
        self.sent: list[tuple[ev.Body, Reply]] = []

    def __call__(self, body: ev.Body, reply: Reply) -> None:
        self.sent.append((body, reply))

    def answer(self, index: int, *, refused: Refusal | None = None, error: str = "") -> None:
        body, reply = self.sent[index]
        reply(Outcome(body, refusal=refused, error=error))

    def body(self, index: int) -> ev.Body:
        return self.sent[index][0]

    def incidents(self) -> list[str]:
        return [body.incident for body, _reply in self.sent if isinstance(body, ev.IncidentCreated)]


class Desk:
    def __init__(self, known: tuple[str, ...] = ()) -> None:
        self.link = Link()
        self.known = set(known)  # incident ids in the desk's state
        self.reports: list[Report] = []
        self.submission = IncidentSubmission("ws-7", self.link, lambda: self.known, lambda: OPERATOR,
                                             self.reports.append)

    def submit(self, **changes: object) -> ev.IncidentCreated | None:
        return self.submission.submit(call(**changes))


def call(**changes: object) -> IntakeInput:
    fields: dict[str, object] = dict(
        origin=IncidentOrigin.CALL, caller_number="13800138000", caller_name="", description="两伙人",
        location=Location(23.13, 113.32, "440106", "S-440106-01", None), address="体育西路", priority=2,
        incident_type=incident_type("fight"), call_time=T0,
    )
    fields.update(changes)
    return IntakeInput(**fields)  # type: ignore[arg-type]


def test_an_accepted_incident_is_numbered_for_the_workstation_and_the_day_and_reported_created() -> None:
    desk = Desk()
    sent = desk.submit()
    assert sent is not None and sent.incident == f"{DAY}1"
    assert (sent.operator, sent.caller_number, sent.incident_type, sent.call_time) == (OPERATOR, "13800138000",
                                                                                       "fight", T0)
    assert desk.link.body(0) == sent
    assert desk.reports == [Sending(f"{DAY}1")]
    assert desk.submission.sending == sent
    desk.link.answer(0)
    assert desk.reports[-1] == Created(f"{DAY}1")
    assert desk.submission.sending is None


def test_a_number_in_the_state_or_issued_before_is_never_given_again() -> None:
    desk = Desk(known=(f"{DAY}4", "J20251121-ws-7-9", f"J20251122-ws-1-{12}"))
    desk.submit()
    assert desk.link.incidents() == [f"{DAY}5"]  # other days and other desks do not count
    desk.link.answer(0, refused=refusal("duplicate_of_unknown", incident=f"{DAY}5", duplicate_of="J-y"))
    desk.submit()  # the refused number is not in the state, and still not given twice
    assert desk.link.incidents() == [f"{DAY}5", f"{DAY}6"]


def test_a_second_submit_while_the_first_waits_for_its_answer_sends_nothing() -> None:
    desk = Desk()
    desk.submit()
    assert desk.submit() is None
    assert len(desk.link.sent) == 1


def test_a_form_with_problems_is_not_sent() -> None:
    desk = Desk()
    with pytest.raises(ValueError, match="location_missing"):
        desk.submit(location=None)
    assert desk.link.sent == [] and desk.reports == []


def test_a_number_taken_meanwhile_is_replaced_by_the_next_without_bothering_the_call_taker() -> None:
    desk = Desk()
    desk.submit()
    desk.link.answer(0, refused=refusal("incident_exists", incident=f"{DAY}1"))
    assert desk.link.incidents() == [f"{DAY}1", f"{DAY}2"]
    desk.link.answer(1)
    assert desk.reports == [Sending(f"{DAY}1"), Sending(f"{DAY}2"), Created(f"{DAY}2")]


def test_a_refusal_is_reported_with_its_reason_and_the_form_may_send_again() -> None:
    desk = Desk()
    desk.submit()
    why = refusal("duplicate_of_unknown", incident=f"{DAY}1", duplicate_of="J-y")
    desk.link.answer(0, refused=why)
    assert desk.reports[-1] == Refused(f"{DAY}1", why)
    assert desk.submission.sending is None
    assert desk.submit() is not None


def test_an_undelivered_incident_is_reported_not_sent_with_the_error() -> None:
    desk = Desk()
    desk.submit()
    desk.link.answer(0, error="hub unreachable")
    assert desk.reports[-1] == NotSent(f"{DAY}1", "hub unreachable")
    assert desk.submission.sending is None


def test_without_an_answer_the_incident_is_queued_the_form_is_free_and_a_late_acceptance_is_reported() -> None:
    desk = Desk()
    desk.submit()
    desk.submission.no_answer()
    assert desk.reports == [Sending(f"{DAY}1"), Queued(f"{DAY}1")]
    following = desk.submit()  # the next call goes while the first waits in the outbox
    assert following is not None
    desk.link.answer(0)
    assert desk.reports[2:] == [Sending(f"{DAY}2"), Created(f"{DAY}1", queued_earlier=True)]
    assert desk.submission.sending == following  # still waiting for its own answer


def test_a_timer_firing_after_the_answer_queues_nothing() -> None:
    desk = Desk()
    desk.submit()
    desk.link.answer(0)
    desk.submission.no_answer()
    assert desk.reports == [Sending(f"{DAY}1"), Created(f"{DAY}1")]


def test_a_queued_incident_whose_number_was_taken_goes_again_under_the_next_number_of_its_call_day() -> None:
    desk = Desk()
    desk.submit(call_time=T0 - 86_400_000)  # a call taken yesterday, answered today
    desk.submission.no_answer()
    desk.link.answer(0, refused=refusal("incident_exists", incident="J20251121-ws-7-1"))
    assert desk.link.incidents() == ["J20251121-ws-7-1", "J20251121-ws-7-2"]
    assert desk.reports == [Sending("J20251121-ws-7-1"), Queued("J20251121-ws-7-1")]  # no news for the form
    desk.link.answer(1)
    assert desk.reports[-1] == Created("J20251121-ws-7-2", queued_earlier=True)


def test_a_queued_incident_refused_later_is_kept_to_be_reopened_as_it_was_sent() -> None:
    desk = Desk()
    first = desk.submit(caller_number="13800138000")
    desk.submission.no_answer()
    second = desk.submit(caller_number="13900139000")
    desk.submission.no_answer()
    why = refusal("duplicate_of_unknown", incident=f"{DAY}1", duplicate_of="J-y")
    desk.link.answer(0, refused=why)
    desk.link.answer(1, error="given up after 60 s")
    assert desk.reports[-2:] == [QueuedRefused(f"{DAY}1", why, ""),
                                 QueuedRefused(f"{DAY}2", None, "given up after 60 s")]
    assert [(r.body, r.refusal, r.error) for r in desk.submission.refused] == [
        (first, why, ""), (second, None, "given up after 60 s")]
    assert desk.submission.reopen() == first  # the oldest first
    assert desk.submission.reopen() == second
    assert desk.submission.reopen() is None
    assert desk.submission.refused == []


def test_an_accepted_duplicate_is_closed_as_such_and_reported_with_its_original() -> None:
    desk = Desk()
    desk.submit(duplicate_of="J20251122-ws-1-4")
    desk.link.answer(0)
    assert desk.link.body(1) == ev.IncidentClosed(incident=f"{DAY}1", disposition="duplicate",
                                                  reason="duplicate of J20251122-ws-1-4", operator=OPERATOR)
    assert desk.reports[-1] == DuplicateRecorded(f"{DAY}1", "J20251122-ws-1-4")
    desk.link.answer(1)
    assert desk.reports[-1] == DuplicateRecorded(f"{DAY}1", "J20251122-ws-1-4")  # closed: nothing more to say


def test_a_duplicate_that_cannot_be_closed_is_reported_with_why() -> None:
    desk = Desk()
    desk.submit(duplicate_of="J20251122-ws-1-4")
    desk.link.answer(0)
    why = refusal("incident_closed", incident=f"{DAY}1", status="closed")
    desk.link.answer(1, refused=why)
    assert desk.reports[-1] == DuplicateCloseFailed(f"{DAY}1", why, "")


def test_a_queued_duplicate_accepted_later_is_closed_too() -> None:
    desk = Desk()
    desk.submit(duplicate_of="J20251122-ws-1-4")
    desk.submission.no_answer()
    desk.link.answer(0)
    closed = desk.link.body(1)
    assert isinstance(closed, ev.IncidentClosed) and (closed.incident, closed.disposition) == (f"{DAY}1", "duplicate")
    assert desk.reports[-1] == DuplicateRecorded(f"{DAY}1", "J20251122-ws-1-4", queued_earlier=True)
