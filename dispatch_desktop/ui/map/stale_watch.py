"""Which units the map shows as stale, and when a fresh one turns stale with no event at all.

A handset that goes silent sends nothing, so staleness changes with time alone. Checking all 11,000
units every second would cost the GUI thread milliseconds each time; instead every unit shown fresh is
filed under the second it turns stale (its last report plus its kind's limit, asked of the policy), and
each clock tick takes out just the seconds that have passed. A unit turns fresh again only with a new
report (a changed unit, re-sent anyway) or when the clock goes back (a replay): then the few units
shown stale are checked again.
"""

from __future__ import annotations

from collections.abc import Mapping

from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.domain.staleness import StalenessPolicy
from dispatch_desktop.domain.state import Unit


class StaleWatch:
    def __init__(self, policy: StalenessPolicy) -> None:
        self.policy = policy
        self._limit_ms = {kind: policy.limit_ms(kind) for kind in UnitKind}  # the policy is frozen
        self._stale: set[str] = set()  # shown stale
        self._due: dict[int, set[str]] = {}  # second (since the epoch) by which they are stale -> unit ids
        self._due_of: dict[str, int] = {}
        self._swept_ms: int | None = None

    @property
    def stale_ids(self) -> frozenset[str]:
        return frozenset(self._stale)

    def flag(self, unit: Unit, now_ms: int) -> bool:
        """Whether the map shows ``unit`` stale at ``now_ms``; files it for the tick that must change that.
        Runs for every unit in every delta, so it does as little as it can."""
        unit_id = unit.id
        if self.policy.is_stale(unit, now_ms):
            self._unfile(unit_id)
            self._stale.add(unit_id)
            return True
        self._stale.discard(unit_id)
        # The first instant past the limit; asking the policy (not re-deriving its rule) leaves out the
        # units that never turn stale by waiting, such as those off duty.
        turns_at = unit.last_report + self._limit_ms[unit.kind] + 1
        second = -(-turns_at // 1000) if self.policy.is_stale(unit, turns_at) else 0
        if second != self._due_of.get(unit_id, 0):
            self._unfile(unit_id)
            if second:
                bucket = self._due.get(second)
                if bucket is None:
                    bucket = self._due[second] = set()
                bucket.add(unit_id)
                self._due_of[unit_id] = second
        return False

    def forget(self, unit_id: str) -> None:
        self._unfile(unit_id)
        self._stale.discard(unit_id)

    def clear(self) -> None:
        self._stale.clear()
        self._due.clear()
        self._due_of.clear()

    def sweep(self, now_ms: int, units: Mapping[str, Unit]) -> list[str]:
        """The units whose flag may have changed by the clock alone since the last sweep (to send again,
        which calls ``flag``)."""
        went_back = self._swept_ms is not None and now_ms < self._swept_ms
        self._swept_ms = now_ms
        changed: list[str] = []
        if self._due:
            second = now_ms // 1000
            for key in [key for key in self._due if key <= second]:
                for unit_id in self._due.pop(key):
                    del self._due_of[unit_id]
                    changed.append(unit_id)
        if went_back:
            changed += [unit_id for unit_id in self._stale
                        if (unit := units.get(unit_id)) is not None and not self.policy.is_stale(unit, now_ms)]
        return changed

    def _unfile(self, unit_id: str) -> None:
        second = self._due_of.pop(unit_id, None)
        if second is not None:
            bucket = self._due[second]
            bucket.discard(unit_id)
            if not bucket:
                del self._due[second]
