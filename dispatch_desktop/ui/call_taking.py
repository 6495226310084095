"""F2: answer the next ringing 110 call and put it in the intake form, or start a report by hand.

The telephone system offers calls on the bus (``call_offered``: the caller's number and, for a mobile,
an approximate location). F2 answers the call highlighted in the incoming-calls list, else the one
ringing longest: the desk sends ``call_answered`` and, once the hub confirms the call is this desk's,
the form is filled. Another desk may have picked it up meanwhile (``call_taken``): the next one is
answered instead. With nothing ringing, F2 starts a call typed by hand; with a call already in the
form, it goes back to it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.state import Call, State
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch.commands import CommandRunner, Outcome, SendCommand
from dispatch_desktop.ui.dispatch.intake import IntakeForm
from dispatch_desktop.ui.models.city_model import CityModel


def ringing_calls(state: State) -> list[Call]:
    """Calls nobody has answered yet, the longest ringing first."""
    calls = [c for c in state.calls.values() if not c.answered_by]
    return sorted(calls, key=lambda c: (c.offered_at, c.id))


class CallTaker(QObject):
    message = Signal(str)  # what happened, for the status bar

    def __init__(self, model: CityModel, intake: IntakeForm, send_command: SendCommand, workstation: str,
                 operator: Callable[[], str], highlighted: Callable[[], str] = lambda: "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._intake = intake
        self._workstation = workstation
        self._operator = operator
        self._highlighted = highlighted
        self._runner = CommandRunner(send_command, self)
        self._answering = ""
        self._tried: set[str] = set()

    def answer_or_start(self) -> None:
        """F2."""
        if not self._intake.is_pristine() or self._answering:
            self._intake.start_call()  # back to the call in progress
            return
        self._tried = set()
        if not self._answer_next():
            self._intake.start_call()

    def answer(self, call_id: str) -> None:
        """Answer one particular call (a double click in the incoming-calls list)."""
        if not self._intake.is_pristine() or self._answering:
            self._intake.start_call()
            return
        self._tried = set()
        self._send_answer(call_id)

    def _answer_next(self) -> bool:
        state = self._model.state
        ringing = [c for c in ringing_calls(state) if c.id not in self._tried]
        if not ringing:
            return False
        chosen = next((c for c in ringing if c.id == self._highlighted()), ringing[0])
        self._send_answer(chosen.id)
        return True

    def _send_answer(self, call_id: str) -> None:
        self._answering = call_id
        self._tried.add(call_id)
        self._runner.send(ev.CallAnswered(call=call_id, operator=self._operator()), self._answered)

    def _answered(self, outcome: Outcome) -> None:
        body = outcome.body
        assert isinstance(body, ev.CallAnswered)
        self._answering = ""
        translate = QCoreApplication.translate
        if outcome.accepted:
            call = self._model.state.calls.get(body.call)
            if call is None:  # the state has not caught up with the answer yet: use what the hub accepted
                self.message.emit(translate("CallTaking", "Call answered; its details are on their way."))
                return
            if self._intake.is_pristine():
                self._intake.take_call(call)
            return
        if outcome.refusal is not None and outcome.refusal.code in ("call_taken", "unknown_call"):
            # Picked up elsewhere, or the caller hung up: the next ringing call, if any.
            if self._answer_next():
                return
            self.message.emit(translate("CallTaking", "The call was answered at another desk; nothing else rings."))
            return
        why = (labels.refusal_text(outcome.refusal.code, outcome.refusal.message) if outcome.refusal is not None
               else outcome.error)
        self.message.emit(translate("CallTaking", "The call could not be answered: {why}").format(why=why))
