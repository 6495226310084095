"""The shifts of a duty day: by default day 08:00–20:00 and night 20:00–08:00, read in the command
center's zone (``desk.time_zone``). Each shift runs from its start to the next shift's start. Qt-free.

Configurable through the plugin's settings field ``shifts`` (a tuple of ``ShiftSpec``); ``shifts_of``
reads it from ``desk.settings`` and falls back to the default when the plugin's settings have none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import msgspec

_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_ID = re.compile(r"^[a-z][a-z0-9_]{0,19}$")


class ShiftSpec(msgspec.Struct, frozen=True):
    id: str  # "day": what the events and the CSV's English column say
    start: str  # "08:00", local time of day
    name_zh: str = ""  # "白班": what the CSV's Chinese column and the Chinese desk say

    def start_time(self) -> time:
        match = _TIME.match(self.start)
        if match is None:
            raise ValueError(f"shift {self.id!r}: start {self.start!r} is not a time of day; write HH:MM like '08:00'")
        return time(int(match.group(1)), int(match.group(2)))


DEFAULT_SHIFTS: tuple[ShiftSpec, ...] = (ShiftSpec("day", "08:00", "白班"), ShiftSpec("night", "20:00", "夜班"))


def check_shifts(shifts: tuple[ShiftSpec, ...]) -> tuple[ShiftSpec, ...]:
    """The shifts in the order of the day; ValueError naming the shift when one is wrong."""
    if not shifts:
        raise ValueError("shifts is empty; give at least one shift, like {id = 'day', start = '08:00'}")
    seen: dict[str, str] = {}
    for spec in shifts:
        if not _ID.match(spec.id):
            raise ValueError(f"shift id {spec.id!r} must be 1-20 of a-z 0-9 _ starting with a letter, like 'day'")
        if spec.id in seen:
            raise ValueError(f"shift id {spec.id!r} is given twice")
        if spec.start in seen.values():
            raise ValueError(f"shift {spec.id!r} starts at {spec.start}, as another shift does")
        spec.start_time()
        seen[spec.id] = spec.start
    return tuple(sorted(shifts, key=lambda spec: spec.start_time()))


def shifts_of(settings: object) -> tuple[ShiftSpec, ...]:
    """The shifts the plugin's settings give (field ``shifts``), else the default day and night."""
    shifts = getattr(settings, "shifts", None)
    if isinstance(shifts, tuple) and shifts and all(isinstance(spec, ShiftSpec) for spec in shifts):
        try:
            return check_shifts(shifts)
        except ValueError:
            pass  # the settings struct checks this when it is read; never fail a view on it
    return DEFAULT_SHIFTS


@dataclass(frozen=True, slots=True)
class ShiftSlot:
    """One shift of one date, from ``start_ms`` to ``end_ms`` (UTC ms)."""

    day: date
    shift: ShiftSpec
    start_ms: int
    end_ms: int


def _ms(day: date, at: time, zone: ZoneInfo) -> int:
    return int(datetime.combine(day, at, tzinfo=zone).timestamp() * 1000)


def slot(day: date, shift_id: str, shifts: tuple[ShiftSpec, ...], zone: ZoneInfo) -> ShiftSlot:
    """The shift ``shift_id`` of ``day``; KeyError when no shift has that id."""
    ordered = check_shifts(shifts)
    for index, spec in enumerate(ordered):
        if spec.id == shift_id:
            start = _ms(day, spec.start_time(), zone)
            if index + 1 < len(ordered):
                end = _ms(day, ordered[index + 1].start_time(), zone)
            else:  # the last shift of the day runs into the next day's first
                end = _ms(day + timedelta(days=1), ordered[0].start_time(), zone)
            return ShiftSlot(day, spec, start, end)
    raise KeyError(shift_id)


def slot_at(moment_ms: int, shifts: tuple[ShiftSpec, ...], zone: ZoneInfo) -> ShiftSlot:
    """The shift under way at ``moment_ms``: at 03:00 on 05-07 it is the night shift of 05-06."""
    today = datetime.fromtimestamp(moment_ms / 1000, zone).date()
    for day in (today, today - timedelta(days=1)):
        for spec in reversed(check_shifts(shifts)):
            candidate = slot(day, spec.id, shifts, zone)
            if candidate.start_ms <= moment_ms < candidate.end_ms:
                return candidate
    raise AssertionError("every moment lies in a shift of its day or the day before")


def find_shift(text: str, shifts: tuple[ShiftSpec, ...]) -> ShiftSpec | None:
    """The shift a CSV cell or a person names: its id (``day``), Chinese name (白班), or start (08:00)."""
    key = text.strip().casefold()
    for spec in shifts:
        if key in (spec.id, spec.name_zh.casefold(), spec.start) and key:
            return spec
    return None
