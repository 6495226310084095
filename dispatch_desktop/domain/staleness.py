"""When a unit's last report is too old to trust where the map shows it.

A patrol group reports its position every few seconds while its handset is connected. When the reports
stop (a tunnel, a flat battery, a crashed app) the unit stays on the map where it was last seen, and a
dispatcher who trusts that dot sends the wrong car. Past a limit per unit kind the unit is *stale*: the
map greys it, the unit board says so, and the recommendation marks it and never calls it "fastest".

Only units that are expected to report count: an off-duty unit has nothing to report.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from dispatch_desktop.domain.enums import UnitKind, UnitStatus
from dispatch_desktop.domain.state import Unit

DEFAULT_LIMIT_S = 120.0
"""Two minutes: a patrol group's handset reports every 5 to 30 s, so this is several missed reports."""


class StalenessPolicy(msgspec.Struct, frozen=True):
    """How old (seconds) a unit's last report may be, per kind; ``default_s`` for kinds not listed."""

    default_s: float = DEFAULT_LIMIT_S
    by_kind: Mapping[UnitKind, float] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        limits = [self.default_s, *self.by_kind.values()]
        if any(not limit > 0 for limit in limits):
            raise ValueError(f"staleness limits must be positive seconds, got {limits}")

    def limit_ms(self, kind: UnitKind) -> int:
        return int(1000 * self.by_kind.get(kind, self.default_s))

    def age_ms(self, unit: Unit, now_ms: int) -> int:
        """Milliseconds since the unit's newest report (0 if it never reported: nothing to age)."""
        return max(0, now_ms - unit.last_report) if unit.last_report else 0

    def is_stale(self, unit: Unit, now_ms: int) -> bool:
        """The unit should be reporting and has not, for longer than its kind's limit. A unit that
        never reported at all is stale too once it is on duty: its position is only the roster's."""
        if unit.status is UnitStatus.OFF_DUTY:
            return False
        if not unit.last_report:
            return True
        return now_ms - unit.last_report > self.limit_ms(unit.kind)


DEFAULT_STALENESS = StalenessPolicy()
