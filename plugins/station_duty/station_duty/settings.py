"""The station duty plugin's settings, per user (Qt-free: the host reads them without a desk).

- ``shifts``: the duty shifts, each an id, the local time it starts ("HH:MM", in the command center's time
  zone) and its Chinese name; by default day 08:00 and night 20:00.
"""

from __future__ import annotations

import msgspec

from station_duty.roster.shifts import DEFAULT_SHIFTS, ShiftSpec, check_shifts


class Settings(msgspec.Struct, frozen=True):
    shifts: tuple[ShiftSpec, ...] = DEFAULT_SHIFTS

    def __post_init__(self) -> None:
        check_shifts(self.shifts)
