"""The normal value's design matrices: which terms explain an area's hourly counts.

Slots are UTC hours; the command center's zone (Asia/Shanghai) is a whole number of hours from UTC with no
daylight saving, so a slot is one local hour, and hour of day, weekday and date are read in the local zone.

Four designs (``docs/ANALYTICS.md``, "The model", says why each area gets the one it gets):

- ``WEEK``: intercept, hour of week (167 indicators, Monday 00:00 the reference), trend, holiday: for the
  whole city (the districts' sum), and for a district when the city could not be fitted;
- ``POOLED``: intercept, trend, hour of day (23), with the log of the city's fitted mean as the offset: a
  district borrows the city's weekly shape and holiday effect (eleven districts' worth of incidents) and
  estimates its own level, drift and daily profile;
- ``DAY``: intercept, hour of day (23), weekday (6), trend, holiday: an area with its own shape but fewer
  incidents (a station whose district is not among the counts);
- ``BORROWED``: intercept, trend, part of day (night 0–6 the reference, morning, afternoon, evening), with
  the log of its district's fitted mean as the offset: a station borrows its district's weekly shape and
  holiday effect and estimates only its own level, drift and a coarse daily deviation.

The trend is in weeks from the middle of the training window (so dropping it leaves the window's level). A
public holiday is read as a Sunday (its hours take Sunday's terms) with the holiday term as its own level.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Collection

import numpy as np

from dispatch_desktop.domain.localtime import utc_offset_ms

SLOT_MS = 3_600_000
TREND = "trend"
SUNDAY = 6


class Design(enum.StrEnum):
    WEEK = "week"
    POOLED = "pooled"
    DAY = "day"
    BORROWED = "borrowed"


def local_calendar(slots: np.ndarray, holidays: Collection[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hour of day 0–23, weekday 0 = Monday, 1.0 on a public holiday) of each slot, in the local zone."""
    if len(slots) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    offset_h = utc_offset_ms(int(slots[0]) * SLOT_MS) // SLOT_MS  # no DST in the command center's zone
    local = slots.astype(np.int64) + offset_h
    days = local // 24
    hour = local % 24
    weekday = (days + 3) % 7  # 1970-01-01 was a Thursday
    holiday = np.zeros(len(slots))
    if holidays:
        holiday = np.isin(days, _day_numbers(frozenset(holidays))).astype(float)
    return hour, weekday, holiday


@functools.lru_cache(maxsize=8)
def _day_numbers(holidays: frozenset[str]) -> np.ndarray:
    """The dates as days since 1970-01-01 (the levels read the calendar thousands of times a minute)."""
    return np.array(sorted(holidays), dtype="datetime64[D]").astype(np.int64)


def _indicators(values: np.ndarray, levels: int) -> np.ndarray:
    """One column per level but the first (the reference), 1.0 where the value is that level."""
    return np.asarray(values[:, None] == np.arange(1, levels)[None, :], dtype=float)


def design_matrix(design: Design, slots: np.ndarray, trend_center: int, holidays: Collection[str]) -> np.ndarray:
    """The design's columns for ``slots``; column 0 the intercept, the trend's column at ``trend_column``."""
    hour, weekday, holiday = local_calendar(slots, holidays)
    # a public holiday runs like a Sunday (no commute, late nights, a quiet morning), at its own level
    weekday = np.where(holiday > 0, SUNDAY, weekday)
    trend = (slots.astype(float) - trend_center) / 168.0
    ones = np.ones(len(slots))
    if design is Design.WEEK:
        columns = [ones[:, None], _indicators(weekday * 24 + hour, 168), trend[:, None], holiday[:, None]]
    elif design is Design.POOLED:
        columns = [ones[:, None], trend[:, None], _indicators(hour, 24)]
    elif design is Design.DAY:
        columns = [ones[:, None], _indicators(hour, 24), _indicators(weekday, 7), trend[:, None], holiday[:, None]]
    else:
        columns = [ones[:, None], trend[:, None], _indicators(hour // 6, 4)]
    return np.hstack(columns)


def trend_column(design: Design) -> int:
    return {Design.WEEK: 168, Design.POOLED: 1, Design.DAY: 30, Design.BORROWED: 1}[design]
