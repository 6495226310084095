"""What a workstation's command comes back as: the hub's answer, or a timeout."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field


class CommandTimeout(TimeoutError):
    """The hub did not answer a command before its deadline; it may or may not have been stored."""


@dataclass(frozen=True)
class CommandReply:
    """The hub's answer to a command. ``accepted`` with its ``gseq``; or refused with a reason ``code``,
    a ``message`` and its ``params`` (``gseq`` > 0 when the refusal itself was stored)."""

    seq: int
    accepted: bool
    gseq: int = 0
    code: str = ""
    message: str = ""
    params: dict[str, str] = field(default_factory=dict)
    duplicate: bool = False


@dataclass
class PendingCommand:
    seq: int
    frame: bytes
    future: Future[CommandReply]
    deadline: float
    sent_at: float = 0.0


def copy_outcome(done: Future[CommandReply], into: Future[CommandReply]) -> None:
    error = done.exception()
    if error is not None:
        into.set_exception(error)
    else:
        into.set_result(done.result())
