"""The calendar of the generated history: how the city's incident rate moves with the hour, the weekday,
public holidays, the Spring Festival and the years, as one multiplier per hour slot (mean 1 over an
ordinary week).

Every figure here is a pure function of the slot: ``history.expected_rate`` (the generator's true mean)
and the generator read the same multipliers, so a test can hold the one against the other.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta

import numpy as np

from dispatch_desktop.sim.daycurve import relative_rate

SLOT_MS = 3_600_000
DAY_MS = 86_400_000
LOCAL_OFFSET_MS = 8 * SLOT_MS
"""Asia/Shanghai has had no DST since 1991: UTC hours are local hours (see analytics_interfaces.md)."""

FIRST_YEAR, LAST_YEAR = 2025, 2027
"""The years the holiday table holds: a generated span must lie inside them."""

# The State Council's public holidays (放假, the days off, not the make-up working days), local dates.
# 2025 and 2026 as published; 2027 is not published yet: the festivals' own dates with the usual lengths.
_HOLIDAY_SPANS: tuple[tuple[str, str, str], ...] = (
    ("元旦", "2025-01-01", "2025-01-01"),
    ("春节", "2025-01-28", "2025-02-04"),
    ("清明节", "2025-04-04", "2025-04-06"),
    ("劳动节", "2025-05-01", "2025-05-05"),
    ("端午节", "2025-05-31", "2025-06-02"),
    ("国庆节、中秋节", "2025-10-01", "2025-10-08"),
    ("元旦", "2026-01-01", "2026-01-03"),
    ("春节", "2026-02-15", "2026-02-23"),
    ("清明节", "2026-04-04", "2026-04-06"),
    ("劳动节", "2026-05-01", "2026-05-05"),
    ("端午节", "2026-06-19", "2026-06-21"),
    ("中秋节", "2026-09-25", "2026-09-27"),
    ("国庆节", "2026-10-01", "2026-10-07"),
    ("元旦", "2027-01-01", "2027-01-03"),
    ("春节", "2027-02-05", "2027-02-12"),
    ("清明节", "2027-04-03", "2027-04-05"),
    ("劳动节", "2027-05-01", "2027-05-05"),
    ("端午节", "2027-06-09", "2027-06-09"),
    ("中秋节", "2027-09-15", "2027-09-15"),
    ("国庆节", "2027-10-01", "2027-10-07"),
)

SPRING_FESTIVAL_DAYS = ("2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26")
"""正月初一 of each year (the neighbours too: the dip reaches a few weeks either side)."""

SPRING_DIP = 0.35
"""Guangzhou is a migrant city: around the Spring Festival it empties and incidents fall by about this much."""
_DIP_RAMP_DOWN = (-21.0, -10.0)  # days from 初一: people leave as factories and schools close
_DIP_RAMP_UP = (8.0, 24.0)  # and come back gradually after 初七, most of them by 元宵 and the week after

HOLIDAY_LEVEL = 0.9
"""A public holiday runs like a Sunday at this level: fewer commuters, people out of town."""
TREND_PER_YEAR = 0.03
"""A slow rise of the incident rate, relative to the start of 2026."""
_TREND_ORIGIN_MS = 1_767_196_800_000  # 2026-01-01T00:00+08:00

# Weekday (Monday 0) x local hour multipliers on the day curve, before normalising: Friday and Saturday
# evenings and the nights after them busier, Sunday morning quiet, Monday morning's rush a little up.
_WEEK = np.ones((7, 24))
_WEEK[4, 18:24] = 1.15
_WEEK[5, 18:24] = 1.2
_WEEK[5, 0:4] = 1.25
_WEEK[6, 0:4] = 1.25
_WEEK[5, 6:10] = 0.9
_WEEK[6, 6:12] = 0.8
_WEEK[0, 8:11] = 1.05
_SUNDAY = 6


def _day_curve() -> np.ndarray:
    """The day curve at the middle of each local hour 0..23 (mean 1 over a day)."""
    middles = np.arange(24, dtype=np.int64) * SLOT_MS + SLOT_MS // 2 - LOCAL_OFFSET_MS
    return np.asarray(relative_rate(middles), dtype=np.float64)


DAY_CURVE = _day_curve()
WEEK = _WEEK / float((_WEEK * DAY_CURVE).mean())
"""Weekday x hour multipliers of the day curve: the curve times these has mean 1 over a week."""


def _dates(first: str, last: str) -> list[date]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


HOLIDAYS: dict[date, str] = {day: name for name, first, last in _HOLIDAY_SPANS for day in _dates(first, last)}
_SPRING = tuple(date.fromisoformat(day) for day in SPRING_FESTIVAL_DAYS)


def local_day(slot: int) -> date:
    """The local calendar date of an hour slot."""
    return (datetime(1970, 1, 1) + timedelta(milliseconds=slot * SLOT_MS + LOCAL_OFFSET_MS)).date()


def local_midnight_slot(day: date) -> int:
    """The slot that starts the local day."""
    return ((day - date(1970, 1, 1)).days * DAY_MS - LOCAL_OFFSET_MS) // SLOT_MS


def holidays_between(first: date, last: date) -> tuple[str, ...]:
    """The public holidays from ``first`` to ``last`` inclusive, as ``"2026-10-01"``."""
    return tuple(day.isoformat() for day in sorted(HOLIDAYS) if first <= day <= last)


def check_span(first: date, last: date) -> None:
    """Raises ValueError when the days are outside the years the holiday table holds."""
    if first.year < FIRST_YEAR or last.year > LAST_YEAR:
        raise ValueError(f"the span {first.isoformat()} to {last.isoformat()} is outside {FIRST_YEAR}-{LAST_YEAR}, "
                         "the years whose public holidays the generator knows: choose a start and a number of "
                         "days inside them")


def _spring_dip(days_from_new_year: float) -> float:
    """The share of the Spring Festival dip in force, 0..1, at so many days from 正月初一."""
    down_from, down_to = _DIP_RAMP_DOWN
    up_from, up_to = _DIP_RAMP_UP
    d = days_from_new_year
    if d <= down_from or d >= up_to:
        return 0.0
    if d < down_to:
        return (d - down_from) / (down_to - down_from)
    if d <= up_from:
        return 1.0
    return (up_to - d) / (up_to - up_from)


def spring_factor(day: date) -> float:
    """The day's multiplier from the Spring Festival (1 far from it, ``1 - SPRING_DIP`` at its depth)."""
    nearest = min(_SPRING, key=lambda new_year: abs((day - new_year).days))
    return 1.0 - SPRING_DIP * _spring_dip(float((day - nearest).days))


def _festive_night(day: date, hour: int) -> float:
    """New Year's Eve and the Spring Festival's eve: crowds out until the small hours."""
    tomorrow = day + timedelta(days=1)
    if ((day.month, day.day) == (12, 31) and hour >= 20) or ((day.month, day.day) == (1, 1) and hour < 3):
        return 1.3
    if (tomorrow in _SPRING and hour >= 20) or (day in _SPRING and hour < 2):
        return 1.2
    return 1.0


@functools.lru_cache(maxsize=2048)
def day_factors(day: date) -> np.ndarray:
    """The 24 hourly multipliers of a local day (day curve, weekday or holiday, Spring Festival, festive
    nights), without the trend. Read-only: the array is shared by every caller."""
    hourly = DAY_CURVE * (WEEK[_SUNDAY] * HOLIDAY_LEVEL if day in HOLIDAYS else WEEK[day.weekday()])
    nights = np.array([_festive_night(day, hour) for hour in range(24)])
    factors = np.asarray(hourly * nights * spring_factor(day), dtype=np.float64)
    factors.setflags(write=False)
    return factors


def trend(slot: int) -> float:
    return 1.0 + TREND_PER_YEAR * (slot * SLOT_MS - _TREND_ORIGIN_MS) / (365.25 * DAY_MS)


def slot_factor(slot: int) -> float:
    """The multiplier of one slot: ``day_factors`` of its day at its hour, times the trend."""
    day = local_day(slot)
    return float(day_factors(day)[slot - local_midnight_slot(day)]) * trend(slot)
