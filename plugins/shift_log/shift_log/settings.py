"""The shift log's settings (stored per user by the desk as JSON; every field has a default).

- ``shift_starts``: when the shifts start, as local times of day ``"HH:MM"`` (by default the day shift
  at 08:00 and the night shift at 20:00). One time means 24-hour shifts.

The times of day are read in the command center's zone, which the desk gives (``desk.time_zone``): the
plugin keeps no zone of its own, so its shifts cannot disagree with the desk's clocks. A file stored by an
earlier version may hold a ``time_zone`` key: it loads all the same, the key ignored, and the next save
leaves it out (the struct keeps msgspec's default of ignoring fields it does not have, which the desk's
settings store relies on, ``dispatch_desktop/extensions/settings.py``; it must not forbid them).

Checked when made and when read from the file: a bad value raises ``ValueError`` naming the field and
the value (the desk then sets the file aside and uses the defaults, saying so).
Qt-free: the plugin's command-line tools read settings without Qt.
"""

from __future__ import annotations

import re
from datetime import time

import msgspec

TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
MAX_SHIFTS = 24


def time_of_day(text: str) -> time:
    """``"08:00"`` as a ``time``; ValueError when it is not a time of day written HH:MM."""
    match = TIME_OF_DAY.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a time of day; write it as HH:MM on the 24-hour clock, like '08:00'")
    return time(int(match.group(1)), int(match.group(2)))


class Settings(msgspec.Struct, frozen=True):
    shift_starts: tuple[str, ...] = ("08:00", "20:00")

    def __post_init__(self) -> None:
        if not self.shift_starts:
            raise ValueError("shift_starts is empty; give at least one time of day a shift starts, like '08:00'")
        if len(self.shift_starts) > MAX_SHIFTS:
            raise ValueError(f"shift_starts has {len(self.shift_starts)} times; at most {MAX_SHIFTS} shifts a day")
        seen: dict[time, str] = {}
        for index, text in enumerate(self.shift_starts):
            try:
                start = time_of_day(text)
            except ValueError as error:
                raise ValueError(f"shift_starts[{index}]: {error}") from None
            if start in seen:
                raise ValueError(f"shift_starts[{index}] {text!r} is the same time as {seen[start]!r}; "
                                 "give each shift's start once")
            seen[start] = text

    def starts(self) -> tuple[time, ...]:
        """The shifts' starts in the order of the day."""
        return tuple(sorted(time_of_day(text) for text in self.shift_starts))
