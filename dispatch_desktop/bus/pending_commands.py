"""A workstation's commands between ``send_command`` and the hub's answer: queued, sent, resent, given up.

``WorkstationClient.send_command`` (any thread) hands a command to ``PendingCommands.put``; the client's
thread sends what was handed over (``send_queued``), resends each command still unanswered every
``resend_after`` seconds with the same seq (``tick``: the hub answers a resend of a stored command as a
duplicate, so resending is harmless), completes its future with the hub's ``CommandReply``
(``resolve``), and fails it with ``CommandTimeout`` after its ``deadline``, or when the client stops
(``fail_all``). The same envelope handed over again while its first copy waits gets the first copy's
answer, without a second entry.

This is the commands' bookkeeping only, kept apart from the client's connection and its copy of the state
(as ``bus.history`` is for history requests) so that each says one thing: the client owns the sockets,
the thread and the timings (``command_timeout`` / ``command_deadline``, passed in as they stand at each call).
"""

from __future__ import annotations

import functools
import queue
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import TypeVar

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.command_reply import CommandReply, CommandTimeout, PendingCommand, copy_outcome
from dispatch_desktop.bus.session import Session
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev

_T = TypeVar("_T")
_R = TypeVar("_R")


def claimed(waiting: queue.SimpleQueue[tuple[_T, Future[_R]]]) -> Iterator[tuple[_T, Future[_R]]]:
    """The ``(request, future)`` pairs ``waiting`` holds now, taken out one by one, each future set running;
    a pair whose future was cancelled meanwhile is dropped."""
    while True:
        try:
            request, future = waiting.get_nowait()
        except queue.Empty:
            return
        if future.set_running_or_notify_cancel():
            yield request, future


class PendingCommands:
    """The commands handed over and not yet answered. ``put`` is thread-safe; every other method runs on
    the client's thread. ``send(frames)`` sends on the client's DEALER and says whether it went out."""

    def __init__(self, session: Session, send: Callable[[list[bytes]], bool]) -> None:
        self.session = session
        self._send = send
        self._queued: queue.SimpleQueue[tuple[ev.Envelope, Future[CommandReply]]] = queue.SimpleQueue()
        self._by_seq: dict[int, PendingCommand] = {}

    def put(self, event: ev.Envelope, future: Future[CommandReply]) -> None:
        """Hand a command over (thread-safe): it goes out at the client's next ``send_queued``."""
        self._queued.put((event, future))

    def send_queued(self, now: float, *, resend_after: float, deadline: float) -> None:
        """Send the commands handed over; each fails unless answered within ``deadline`` seconds."""
        for event, future in claimed(self._queued):
            earlier = self._by_seq.get(event.seq)
            if earlier is not None:  # the same envelope again while its first copy waits: one answer for both
                earlier.future.add_done_callback(functools.partial(copy_outcome, into=future))
                continue
            command = PendingCommand(event.seq, self.session.frame(p.COMMAND, codec.encode(event)), future,
                                     now + deadline)
            self._by_seq[event.seq] = command
            self._transmit(command, now, resend_after)

    def resolve(self, reply: CommandReply) -> bool:
        """Complete the command ``reply`` answers; False if none waits for it (an answer to a resend of
        something already answered)."""
        command = self._by_seq.pop(reply.seq, None)
        if command is None:
            return False
        command.future.set_result(reply)
        return True

    def tick(self, now: float, *, resend_after: float) -> None:
        """Fail the commands past their deadline; send again those unanswered for ``resend_after`` s."""
        for command in list(self._by_seq.values()):
            if now > command.deadline:
                del self._by_seq[command.seq]
                command.future.set_exception(CommandTimeout(f"no answer from the hub to command {command.seq}"))
            elif now - command.sent_at >= resend_after:
                self._transmit(command, now, resend_after)

    def fail_all(self, why: str) -> None:
        """Fail every command, sent or still handed over, with ``CommandTimeout(why)``."""
        for command in self._by_seq.values():
            if not command.future.done():
                command.future.set_exception(CommandTimeout(why))
        self._by_seq.clear()
        for _event, future in claimed(self._queued):
            future.set_exception(CommandTimeout(why))

    def _transmit(self, command: PendingCommand, now: float, resend_after: float) -> None:
        if self._send([command.frame]):
            command.sent_at = now
        else:
            command.sent_at = now - resend_after / 2  # retry soon
