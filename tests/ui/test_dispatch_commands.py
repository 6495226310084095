"""Commands leave through whatever sender the desk is given; the answer always comes back to the GUI
thread, whether the hub accepts, refuses, never answers, or the sender itself fails."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import threading
from concurrent.futures import Future
from typing import Any

import pytest
from PySide6.QtCore import QThread

from dispatch_desktop.bus.workstation import CommandReply, CommandTimeout
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.reasons import refusal
from dispatch_desktop.ui.dispatch.commands import CommandRunner, Outcome

pytestmark = pytest.mark.gui

BODY = ev.IncidentClosed(incident="J-1", disposition="resolved")


def run(qtbot, answer: Any, *, on_thread: bool = True) -> tuple[Outcome, bool]:  # type: ignore[no-untyped-def]
    """Send BODY through a sender whose future completes with ``answer`` (an exception fails it),
    from another thread by default; returns the outcome and whether it arrived on the GUI thread."""

    def sender(_body: ev.Body) -> Future[Any]:
        future: Future[Any] = Future()

        def complete() -> None:
            if isinstance(answer, BaseException):
                future.set_exception(answer)
            else:
                future.set_result(answer)

        if on_thread:
            threading.Thread(target=complete).start()
        else:
            complete()
        return future

    runner = CommandRunner(sender)
    seen: list[tuple[Outcome, bool]] = []
    gui = QThread.currentThread()
    runner.send(BODY, lambda outcome: seen.append((outcome, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(seen))
    assert runner.pending == 0
    return seen[0]


def test_an_accepted_bus_reply_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome, on_gui = run(qtbot, CommandReply(seq=7, accepted=True, gseq=42))
    assert outcome.accepted and on_gui
    assert outcome.body is BODY


def test_a_refused_bus_reply_keeps_its_code_message_and_params(qtbot) -> None:  # type: ignore[no-untyped-def]
    reply = CommandReply(seq=7, accepted=False, code="units_still_assigned",
                         message="Incident J-1 still has units assigned (P-1): recall or clear them first.",
                         params={"incident": "J-1", "units": "P-1"})
    outcome, _ = run(qtbot, reply)
    assert not outcome.accepted
    assert outcome.refusal is not None
    assert (outcome.refusal.code, outcome.refusal.params["units"]) == ("units_still_assigned", "P-1")


def test_a_domain_refusal_or_none_works_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome, _ = run(qtbot, refusal("incident_closed", incident="J-1", status="closed"), on_thread=False)
    assert outcome.refusal is not None and outcome.refusal.code == "incident_closed"
    outcome, _ = run(qtbot, None, on_thread=False)
    assert outcome.accepted


def test_no_answer_is_an_error_not_a_success(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome, on_gui = run(qtbot, CommandTimeout("no answer from the hub to command 7"))
    assert not outcome.accepted and on_gui
    assert "no answer" in outcome.error


def test_a_sender_that_raises_is_reported_like_an_undelivered_command(qtbot) -> None:  # type: ignore[no-untyped-def]
    def broken(_body: ev.Body) -> Future[Any]:
        raise ConnectionError("not connected")

    seen: list[Outcome] = []
    runner = CommandRunner(broken)
    runner.send(BODY, seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].error == "not connected"
