"""Who is at the desk: the operator signed in, and what this workstation may do.

An operator signs in with a name and a badge number (警号); there is no password against a directory
yet. The role (dispatcher, commander, supervisor) belongs to the workstation's key, not to the person:
the hub enforces it, and the desk shows it from the start so a supervisor never types a whole call only
to be refused. Every command the desk sends carries ``Operator.signature`` in its ``operator`` field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dispatch_desktop.bus.keys import READ_ONLY_ROLES, Role

NAME_MAX = 40
_BADGE = re.compile(r"^[A-Za-z0-9-]{3,20}$")


class OperatorError(ValueError):
    """A sign-in that cannot be accepted; ``field`` is ``"name"`` or ``"badge"``, ``code`` says why."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code


@dataclass(frozen=True)
class Operator:
    name: str
    badge: str

    @classmethod
    def parse(cls, name: str, badge: str) -> Operator:
        """A signed-in operator from what was typed; raises ``OperatorError`` saying what is wrong."""
        name = " ".join(name.split())
        badge = badge.strip()
        if not name:
            raise OperatorError("name", "name_missing", "Enter your name.")
        if len(name) > NAME_MAX:
            raise OperatorError("name", "name_too_long", f"A name has at most {NAME_MAX} characters.")
        if any(unicodedata.category(ch).startswith("C") for ch in name):
            raise OperatorError("name", "name_control", "The name contains control characters.")
        if not badge:
            raise OperatorError("badge", "badge_missing", "Enter your badge number.")
        if not _BADGE.match(badge):
            raise OperatorError("badge", "badge_invalid", "A badge number is 3 to 20 letters, digits or dashes.")
        return cls(name, badge)

    @classmethod
    def from_signature(cls, text: str) -> Operator:
        """The inverse of ``signature`` (``--operator "张伟 012345"``): the badge is the last word."""
        name, _, badge = text.strip().rpartition(" ")
        return cls.parse(name, badge)

    @property
    def signature(self) -> str:
        """What commands carry and the timeline shows: ``"张伟 012345"``."""
        return f"{self.name} {self.badge}"


def can_command(role: Role) -> bool:
    """Whether a desk with this role may send commands at all (the hub refuses read-only roles)."""
    return role not in READ_ONLY_ROLES
