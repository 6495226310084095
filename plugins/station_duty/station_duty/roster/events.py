"""The roster's plugin event ``roster_set``: a station's roster for one shift of one date (or from that
shift on), replacing the generated or earlier one. Qt-free: the hub imports it to check every event.

Dates are the local date (command center's zone) on which the shift starts: the night shift that runs
from 20:00 on 05-06 to 08:00 on 05-07 is the ``2025-05-06`` night shift.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated

import msgspec

MAX_OFFICERS = 12
MAX_UNITS = 40
MAX_BYTES = 8192
"""The manifest's ``max_bytes`` for ``roster_set``: the largest roster the schema allows is about 5 KB."""

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=20, pattern=r"^[^;；、,，\s][^;；、,，]*$")]
Phone = Annotated[str, msgspec.Meta(max_length=20, pattern=r"^$|^[0-9][0-9\-]{2,19}$")]
"""Digits, with dashes in a landline (``020-83112110``); "" when not known."""
StationId = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$")]
ShiftId = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9_]{0,19}$")]
Day = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class Person(msgspec.Struct, frozen=True):
    name: Name
    phone: Phone = ""


class RosterSet(msgspec.Struct, frozen=True):
    """``station``'s roster for the ``shift`` of ``date``; with ``onward`` also for that shift on every
    later date until another ``roster_set`` says otherwise. The latest event (in the log's order) that
    covers a shift wins."""

    station: StationId
    date: Day
    shift: ShiftId
    leader: Person
    officers: Annotated[tuple[Person, ...], msgspec.Meta(max_length=MAX_OFFICERS)] = ()
    units: Annotated[tuple[StationId, ...], msgspec.Meta(max_length=MAX_UNITS)] = ()
    duty_phone: Phone = ""
    onward: bool = False
    source: Annotated[str, msgspec.Meta(max_length=120)] = ""
    """Where it came from: "" typed in the panel, else the imported file's name."""

    def __post_init__(self) -> None:
        try:
            _dt.date.fromisoformat(self.date)
        except ValueError:
            raise ValueError(f"date {self.date!r} is not a calendar date (YYYY-MM-DD)") from None

    def day(self) -> _dt.date:
        return _dt.date.fromisoformat(self.date)
