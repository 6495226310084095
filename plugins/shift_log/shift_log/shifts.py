"""Which stretch of time the log shows: the shift under way, or the last 24 hours. Qt-free.

Shifts start at fixed local times of day (the settings' ``shift_starts``) in the command center's zone;
the shift under way at an instant runs from the latest start at or before it to the next start after
it, across midnight when the night shift does. Instants are UTC milliseconds since the epoch, as in the
events.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

DAY_MS = 86_400_000


class Span(enum.Enum):
    SHIFT = "shift"  # the shift under way
    DAY = "day"  # the last 24 hours


@dataclass(frozen=True, slots=True)
class Window:
    """From ``start_ms`` (inclusive) to ``end_ms`` (exclusive; None: open, so that an entry stamped by the
    hub a moment ahead of this desk's clock still shows)."""

    start_ms: int
    end_ms: int | None

    def holds(self, ms: int) -> bool:
        return ms >= self.start_ms and (self.end_ms is None or ms < self.end_ms)


def current_shift(now_ms: int, starts: Sequence[time], zone: ZoneInfo) -> Window:
    """The shift under way at ``now_ms``. ``starts``: at least one local time of day."""
    if not starts:
        raise ValueError("a day needs at least one shift start")
    today = datetime.fromtimestamp(now_ms / 1000, zone).date()
    # The shift under way began at most a day ago and ends within a day: yesterday's, today's and
    # tomorrow's starts always hold both ends.
    boundaries = sorted(
        int(datetime.combine(today + timedelta(days=day), start, tzinfo=zone).timestamp() * 1000)
        for day in (-1, 0, 1) for start in starts)
    begun = max(boundary for boundary in boundaries if boundary <= now_ms)
    ends = min(boundary for boundary in boundaries if boundary > now_ms)
    return Window(begun, ends)


def window(span: Span, now_ms: int, starts: Sequence[time], zone: ZoneInfo) -> Window:
    if span is Span.SHIFT:
        return current_shift(now_ms, starts, zone)
    return Window(now_ms - DAY_MS, None)


def clock(ms: int, zone: ZoneInfo) -> str:
    """``"08:15"``: the local time of day."""
    return datetime.fromtimestamp(ms / 1000, zone).strftime("%H:%M")


def stamp(ms: int, zone: ZoneInfo, now_ms: int) -> str:
    """When an entry was written, as a dispatcher reads it: ``"08:15"`` today, ``"05-06 21:40"`` on
    another day (the night shift's entries of yesterday evening, the last 24 hours)."""
    moment = datetime.fromtimestamp(ms / 1000, zone)
    today = datetime.fromtimestamp(now_ms / 1000, zone).date()
    return moment.strftime("%H:%M") if moment.date() == today else moment.strftime("%m-%d %H:%M")
