"""What the roster's widgets write, worked out without Qt: the names of shifts, where a roster came from,
phone numbers grouped for reading. Texts are English sources translated with the desk's ``tr``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from station_duty.roster.book import Roster
from station_duty.roster.csv_read import translatable
from station_duty.roster.shifts import ShiftSlot, ShiftSpec

Tr = Callable[[str], str]
SHIFT_NAMES = {"day": translatable("Day shift"), "night": translatable("Night shift")}


def shift_name(spec: ShiftSpec, tr: Tr, language: str) -> str:
    """"Day shift" / 白班; a configured shift by its Chinese name on a Chinese desk, else its id."""
    if spec.id in SHIFT_NAMES:
        return tr(SHIFT_NAMES[spec.id])
    return spec.name_zh if language == "zh_CN" and spec.name_zh else spec.id


def shift_title(shift_slot: ShiftSlot, zone: ZoneInfo, tr: Tr, language: str) -> str:
    """"Day shift 08:00–20:00"."""
    start = datetime.fromtimestamp(shift_slot.start_ms / 1000, zone).strftime("%H:%M")
    end = datetime.fromtimestamp(shift_slot.end_ms / 1000, zone).strftime("%H:%M")
    return f"{shift_name(shift_slot.shift, tr, language)} {start}–{end}"


def origin(roster: Roster, zone: ZoneInfo, tr: Tr) -> str:
    """Where the roster shown comes from: generated, or recorded by whom and when (and from which file)."""
    recorded = roster.set_by
    if recorded is None:
        return tr("Generated roster: none has been recorded for this shift.")
    when = datetime.fromtimestamp(recorded.time_ms / 1000, zone).strftime("%Y-%m-%d %H:%M")
    text = tr("Recorded by {operator} at {time}").format(operator=recorded.operator or "—", time=when)
    if recorded.data.source:
        text += tr(", imported from {file}").format(file=recorded.data.source)
    if recorded.data.onward and recorded.data.date != roster.data.date:
        text += tr(", in force since {date}").format(date=recorded.data.date)
    return text


def readable_phone(number: str) -> str:
    """``13812345678`` as ``138 1234 5678`` (how people read it out); other numbers as they are."""
    if len(number) == 11 and number.isdigit() and number.startswith("1"):
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    return number
