"""Sending commands to the hub and hearing its answer back on the GUI thread.

Widgets here never talk to the bus themselves: they are given a ``SendCommand`` callable that takes a
command body and returns a ``concurrent.futures.Future`` of the hub's answer, and fails with an
exception when the command could not be delivered at all. The answer may be

* a reply with ``accepted`` (and, when refused, ``code``, ``message``, ``params``): the bus's
  ``CommandReply``, so ``WorkstationClient.send_command`` can be passed as it is;
* or ``None`` (accepted) / a domain ``Refusal``: what ``projection.check`` says, for in-process hubs
  and tests.

The future may complete on any thread; ``CommandRunner`` brings the outcome back to the GUI thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from dispatch_desktop.controllers.outcome import Outcome, Reply
from dispatch_desktop.domain.events import AnyBody
from dispatch_desktop.domain.state import Refusal

SendCommand = Callable[[AnyBody], "Future[Any]"]

__all__ = ["CommandRunner", "Outcome", "Reply", "SendCommand"]  # Outcome and Reply live with the controllers


class CommandRunner(QObject):
    """Sends bodies through ``send_command`` and calls each one's ``reply`` on the GUI thread."""

    _finished = Signal(int, object)

    def __init__(self, send_command: SendCommand, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._send = send_command
        self._replies: dict[int, Reply] = {}
        self._tokens = itertools.count(1)
        # Queued: the future may complete on the bus thread; the reply must run on ours.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return len(self._replies)

    def send(self, body: AnyBody, reply: Reply) -> None:
        token = next(self._tokens)
        self._replies[token] = reply
        try:
            future = self._send(body)
        except Exception as exc:  # a sender that fails outright (not connected…) is an answer too
            self._finished.emit(token, Outcome(body, error=_describe(exc)))
            return
        future.add_done_callback(lambda done: self._finished.emit(token, _outcome(body, done)))

    def _deliver(self, token: int, outcome: Outcome) -> None:
        reply = self._replies.pop(token, None)
        if reply is not None:
            reply(outcome)


def _outcome(body: AnyBody, future: Future[Any]) -> Outcome:
    if future.cancelled():
        return Outcome(body, error="cancelled")
    error = future.exception()
    if error is not None:
        return Outcome(body, error=_describe(error))
    result = future.result()
    if result is None:
        return Outcome(body)
    if isinstance(result, Refusal):
        return Outcome(body, refusal=result)
    accepted = getattr(result, "accepted", None)
    if accepted is True:
        return Outcome(body)
    if accepted is False:
        params = {str(k): str(v) for k, v in (getattr(result, "params", None) or {}).items()}
        return Outcome(body, refusal=Refusal(code=str(getattr(result, "code", "")),
                                             message=str(getattr(result, "message", "")), params=params))
    return Outcome(body, error=f"unexpected reply {result!r}")


def _describe(error: BaseException) -> str:
    return str(error) or type(error).__name__
