"""Forces an incident needs, whatever the ranking: what an activated emergency plan asks of the dispatcher.

``desk.require_forces(incident, [ForceRequirement(UnitKind.RAPID_RESPONSE), ForceRequirement(
UnitKind.PATROL_GROUP, 2)], reason)`` puts, while it stands, the nearest free units of those kinds at the
top of the dispatch panel's recommendation for that incident, marked with the reason; one key (Ctrl+F5)
dispatches them all. The units already on the incident count toward it, so the required rows shrink as
forces go; a requirement no free unit can fill is shown as such. The desk records none of it: a plugin
derives its requirements from its own events (so every desk and every replay shows the same).
"""

from __future__ import annotations

import msgspec

from dispatch_desktop.domain.enums import UnitKind


class ForceRequirement(msgspec.Struct, frozen=True):
    """``count`` (≥ 1) units of ``kind`` (a rapid-response team, patrol groups, traffic units …)."""

    kind: UnitKind
    count: int = 1

    def __post_init__(self) -> None:
        # Typed, but a plugin's values come from its own files (a plan's YAML): checked when made.
        kind: object = self.kind
        count: object = self.count
        if not isinstance(kind, UnitKind):
            known = ", ".join(kind.name for kind in UnitKind)
            raise ValueError(f"a force requirement's kind is a UnitKind ({known}), not {self.kind!r}: write "
                             "UnitKind.RAPID_RESPONSE, or UnitKind('rapid') from a code")
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ValueError(f"a force requirement asks for at least one unit: count={self.count!r} for "
                             f"{self.kind.name}")
