"""Overdue timers: which open incidents have a running phase past its target, and which just went over.

Checked once a second on the desk's clock (time alone makes a timer overdue; no event arrives). The
queue turns such rows red, the alerts panel lists each (incident, what is overdue, by how long) and the
desk may sound once per newly overdue phase. This is the rule; the widgets only show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from dispatch_desktop.domain.state import State
from dispatch_desktop.domain.timers import Phase, overdue_incidents


@dataclass(frozen=True)
class Overdue:
    incident: str
    phase: Phase
    over_s: float  # how far past the target
    elapsed_s: float
    target_s: float

    @property
    def key(self) -> tuple[str, Phase]:
        return (self.incident, self.phase)


@dataclass(frozen=True)
class OverdueCheck:
    overdue: dict[tuple[str, Phase], Overdue]  # everything overdue now
    newly: list[Overdue]  # overdue now and not at the previous check, the most overdue first
    ended: list[tuple[str, Phase]]  # overdue at the previous check and not any more

    @property
    def incidents(self) -> list[str]:
        return list(dict.fromkeys(o.incident for o in self.overdue.values()))


class OverdueWatch:
    def __init__(self) -> None:
        self._current: dict[tuple[str, Phase], Overdue] = {}

    @property
    def current(self) -> dict[tuple[str, Phase], Overdue]:
        return dict(self._current)

    def check(self, state: State, now_ms: int) -> OverdueCheck:
        found: dict[tuple[str, Phase], Overdue] = {}
        for timers in overdue_incidents(state.open_incidents(), now_ms):
            for phase in timers.overdue:
                item = Overdue(timers.incident, phase.phase, phase.elapsed_s - phase.target_s,
                               phase.elapsed_s, phase.target_s)
                found[item.key] = item
        newly = sorted((o for key, o in found.items() if key not in self._current),
                       key=lambda o: (-o.over_s, o.incident))
        ended = [key for key in self._current if key not in found]
        self._current = found
        return OverdueCheck(found, newly, ended)
