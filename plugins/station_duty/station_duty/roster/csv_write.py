"""Writing rosters as CSV, in the columns ``csv_read`` reads back (``csv_format``). Qt-free.

UTF-8 with a byte-order mark by default, so that Excel opens it in Chinese; GB18030 on request (older
Excel, and systems that read nothing else). Headers in the desk's language; stations by their name, units
by their call sign, shifts by their Chinese name under Chinese headers and by their id under English ones.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from station_duty.roster.csv_format import COLUMNS, header_names
from station_duty.roster.events import RosterSet
from station_duty.roster.shifts import ShiftSpec

SEPARATOR = "；"


def roster_csv(rosters: Iterable[RosterSet], *, station_names: Mapping[str, str],
               shifts: tuple[ShiftSpec, ...], language: str = "zh_CN", encoding: str = "utf-8-sig",
               call_signs: Mapping[str, str] | None = None) -> bytes:
    """The rosters as a CSV file's bytes; ``encoding`` ``"utf-8-sig"`` or ``"gb18030"``; units by their call
    sign (``call_signs``: unit id -> call sign), a unit the desk does not know by its id."""
    signs = call_signs or {}
    chinese = language == "zh_CN"
    shift_names = {spec.id: (spec.name_zh or spec.id) if chinese else spec.id for spec in shifts}
    headers = header_names(language)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # Excel's line ends
    writer.writerow([headers[column] for column in COLUMNS])
    for roster in rosters:
        writer.writerow([
            station_names.get(roster.station, roster.station),
            roster.date,
            shift_names.get(roster.shift, roster.shift),
            roster.leader.name,
            roster.leader.phone,
            SEPARATOR.join(person.name for person in roster.officers),
            SEPARATOR.join(person.phone for person in roster.officers) if any(
                person.phone for person in roster.officers) else "",
            SEPARATOR.join(signs.get(unit) or unit for unit in roster.units),
            roster.duty_phone,
        ])
    return out.getvalue().encode(encoding)
