"""What became of one command the desk sent: accepted, refused by the hub, or never delivered.

Plain data, so that the rules that act on an answer (the controllers) are tested without Qt; the UI's
``CommandRunner`` makes these from the bus's replies and hands them back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from dispatch_desktop.domain.events import AnyBody, Body
from dispatch_desktop.domain.state import Refusal


class Outcome(msgspec.Struct, frozen=True):
    """What became of one command: accepted, refused (``refusal``) or never delivered (``error``)."""

    body: Body
    refusal: Refusal | None = None
    error: str = ""

    @property
    def accepted(self) -> bool:
        return self.refusal is None and not self.error


Reply = Callable[[Outcome], None]
"""Called once with a command's outcome."""

Send = Callable[[AnyBody, Reply], None]
"""Sends a command and calls the reply with its outcome later (never from inside the call)."""
