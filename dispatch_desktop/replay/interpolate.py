"""Where the map draws a unit between two of its fixes, as LeafletPlayback does.

A unit reports every few seconds; between its fix before the instant and its next one it is drawn on the
straight line between them, at the fraction of the interval that has passed. Across a silence longer than
``GAP_MS`` nothing is invented: the unit stays at its last fix, and the replay's staleness policy (the same
five minutes) marks it stale, as the live desk marks a unit that stopped reporting.
"""

from __future__ import annotations

from collections.abc import Mapping

from dispatch_desktop.domain.staleness import StalenessPolicy
from dispatch_desktop.domain.state import State
from dispatch_desktop.replay.engine import Fix

GAP_MS = 5 * 60_000
"""Default silence after which a unit is not interpolated but marked stale."""
REPLAY_STALENESS = StalenessPolicy(default_s=GAP_MS / 1000)


def positions_between(state: State, time_ms: int, next_fixes: Mapping[str, Fix], *,
                      gap_ms: int = GAP_MS) -> dict[str, tuple[float, float]]:
    """(lat, lon) at ``time_ms`` of each unit moving between its standing fix in ``state`` and its next fix;
    units at a fix, silent longer than ``gap_ms``, or without a next fix are left out (drawn where
    ``state`` has them)."""
    units = state.units
    placed: dict[str, tuple[float, float]] = {}
    for unit_id, fix in next_fixes.items():
        unit = units.get(unit_id)
        if unit is None or not unit.last_report:
            continue
        start = unit.last_report
        interval = fix.time_ms - start
        if interval <= 0 or interval > gap_ms or time_ms <= start:
            continue
        part = min(1.0, (time_ms - start) / interval)
        placed[unit_id] = (unit.lat + part * (fix.lat - unit.lat), unit.lon + part * (fix.lon - unit.lon))
    return placed
