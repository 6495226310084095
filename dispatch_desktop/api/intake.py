"""Advice while a call is taken: a plugin reads the intake form as the call-taker types and may suggest
whether the call is police business and, if not, the department it belongs to.

``desk.advise_intake(advisor)`` registers ``advisor(draft) -> IntakeAdvice | None``. The desk calls it,
guarded, a moment after the call-taker stops typing the description or changes the type, and shows the
most confident advice under the description with its reason; one key (F4) accepts it. An accepted
advice decides the new incident's category and department (so F7, the referral, offers that department),
whatever the incident type's default. An advisor must answer in a few milliseconds: it runs on the desk's
GUI thread, and a call over 100 ms is a fault of its plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dispatch_desktop.domain.taxonomy import Department


@dataclass(frozen=True)
class IntakeDraft:
    """The intake form as it reads now."""

    description: str  # what the caller says, as typed
    incident_type: str = ""  # the chosen type's code ("" while none is chosen)
    call_time: int = 0  # ms since the epoch: when the call came in
    station: str = ""  # the station of the chosen location ("" while there is none)
    district: str = ""


@dataclass(frozen=True)
class IntakeAdvice:
    """``police``: police business or not; ``department``: for non-police business, the department it is
    referred to (a ``Department`` code, e.g. ``"city_management"``); ``reason``: one sentence the
    call-taker reads (which rule or words matched), in the desk's language; ``confidence`` in [0, 1]."""

    police: bool
    department: str = ""
    reason: str = ""
    confidence: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"advice confidence must be between 0 and 1, not {self.confidence!r}")
        if self.police and self.department:
            raise ValueError("police business is referred to no department: give department=''")
        if not self.police and self.department not in {d.value for d in Department}:
            known = ", ".join(d.value for d in Department)
            raise ValueError(f"unknown department {self.department!r}; the desk's departments are: {known}")


IntakeAdvisor = Callable[[IntakeDraft], "IntakeAdvice | None"]
