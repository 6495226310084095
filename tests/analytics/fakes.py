"""Stand-ins for the analytics modules other helpers write (``counts``, ``normal``, ``levels``, ``config``),
shaped as the interfaces fix them: the dashboard's and the desk's tests run before those land, and the
joined desk runs the real ones."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from dispatch_desktop.analytics.counts import Area, AreaKind  # noqa: F401 (the tests take them from here)

SLOT_MS = 3_600_000


@dataclass(frozen=True)
class FakeCounts:
    first_slot: int
    areas: tuple[Area, ...]
    valid: np.ndarray
    non_police: np.ndarray
    calls: np.ndarray
    last_gseq: int = 0

    @property
    def slots(self) -> int:
        return int(self.calls.shape[0])

    def row(self, area: Area) -> int:
        return self.areas.index(area)

    def series(self, area: Area) -> np.ndarray:
        return self.valid[self.row(area)]

    def slot_start_ms(self, column: int) -> int:
        return (self.first_slot + column) * SLOT_MS

    def combined(self, *others: FakeCounts) -> FakeCounts:
        """Sums over the union of the spans, as ``HourlyCounts.combined``."""
        every = (self, *others)
        first = min(c.first_slot for c in every)
        total = counts_of(self.areas, first, max(c.first_slot + c.slots for c in every) - first)
        for c in every:
            at = slice(c.first_slot - first, c.first_slot - first + c.slots)
            total.valid[:, at] += c.valid
            total.non_police[:, at] += c.non_police
            total.calls[at] += c.calls
        return total


def counts_of(areas: tuple[Area, ...], first_slot: int, slots: int) -> FakeCounts:
    shape = (len(areas), slots)
    return FakeCounts(first_slot, areas, np.zeros(shape, np.int32), np.zeros(shape, np.int32),
                      np.zeros(slots, np.int32))


class Colour(enum.StrEnum):
    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"


@dataclass(frozen=True)
class StaffingRule:
    level: Colour
    patrol_groups: int
    note: str


@dataclass(frozen=True)
class FakeConfig:
    windows_h: tuple[int, ...] = (1, 3, 24)
    blue_p: float = 0.05
    yellow_p: float = 0.01
    red_p: float = 0.001
    min_excess: int = 3
    training_weeks: int = 8
    refit_days: int = 14
    staffing: tuple[StaffingRule, ...] = (
        StaffingRule(Colour.BLUE, 1, "加强巡逻"), StaffingRule(Colour.YELLOW, 2, "启动三级勤务"),
        StaffingRule(Colour.RED, 4, "启动二级勤务"))


@dataclass(frozen=True)
class AreaLevel:
    area: Area
    colour: Colour | None
    status: str = "ok"
    since_ms: int = 0
    window_h: int = 3
    observed: int = 0
    expected: float = 0.0
    p_value: float = 1.0
    by_window: Mapping[int, tuple[int, float, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class FakeModel:
    """Expects ``rate`` incidents an hour everywhere, its band ±``spread``."""

    fitted_at_ms: int = 0
    trained_until_slot: int = 0
    status_by_area: Mapping[Area, str] = field(default_factory=dict)
    since_ms_by_area: Mapping[Area, int] = field(default_factory=dict)
    rate: float = 4.0
    spread: float = 2.0

    def expected(self, area: Area, first_slot: int, slots: int) -> np.ndarray:
        return np.full(slots, self.rate)

    def band(self, area: Area, first_slot: int, slots: int, q: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
        return np.full(slots, self.rate - self.spread), np.full(slots, self.rate + self.spread)


def staffing_for(level: AreaLevel, config: FakeConfig) -> StaffingRule | None:
    return next((rule for rule in config.staffing if rule.level == level.colour), None)
