"""The command center's time zone: every clock, timer, incident number and export reads in it.

A dispatcher in Guangzhou reads 14:03 whether the workstation's operating system is set to UTC (a
server image), to the vendor's zone or to anything else: times on the desk are the command center's
local times, not the machine's. The zone is Asia/Shanghai unless the command center says otherwise
(``dispatch-desktop run --timezone``, or ``DISPATCH_DESKTOP_TIMEZONE``); it is set once at start-up,
before any time is shown or any incident number is made.

Events carry UTC milliseconds since the epoch; only the presentation and the local date in incident
numbers depend on the zone.
"""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
ENVIRONMENT_VARIABLE = "DISPATCH_DESKTOP_TIMEZONE"


class UnknownTimeZone(ValueError):
    """A zone name the time-zone database does not know (``Asia/Shanghai``, ``Europe/Berlin``…)."""


def load_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:  # ValueError: a malformed key such as "../x"
        raise UnknownTimeZone(
            f"unknown time zone {name!r}: give an IANA name such as {DEFAULT_ZONE} or Asia/Urumqi"
        ) from error


_zone = load_zone(os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_ZONE)


def set_zone(name: str) -> ZoneInfo:
    """Make ``name`` the command center's zone; raises ``UnknownTimeZone`` (and keeps the old one)."""
    global _zone
    _zone = load_zone(name)
    return _zone


def zone() -> ZoneInfo:
    return _zone


def local(ms: int) -> datetime:
    """The instant ``ms`` (UTC epoch milliseconds) as an aware datetime in the command center's zone."""
    return datetime.fromtimestamp(ms / 1000, tz=_zone)


def utc_offset_ms(ms: int) -> int:
    offset = local(ms).utcoffset()
    return int(offset.total_seconds() * 1000) if offset is not None else 0


def local_hour(ms: int) -> float:
    """Hour of the local day, as a float in [0, 24)."""
    moment = local(ms)
    return moment.hour + moment.minute / 60 + (moment.second + moment.microsecond / 1e6) / 3600


def local_date(ms: int) -> str:
    """``"20251122"``: the local date of the instant (incident numbers start with it)."""
    return local(ms).strftime("%Y%m%d")


def clock_text(ms: int) -> str:
    """``"14:03:27"``; an em dash for "never" (0 or negative)."""
    return local(ms).strftime("%H:%M:%S") if ms > 0 else "—"


def date_time_text(ms: int) -> str:
    return local(ms).strftime("%Y-%m-%d %H:%M:%S") if ms > 0 else "—"


def zone_label(ms: int) -> str:
    """How to name the zone beside a clock: its abbreviation when it has a real one, else UTC+8."""
    moment = local(ms)
    name = moment.tzname() or ""
    if name and not name.startswith(("+", "-")):
        return name
    offset = utc_offset_ms(ms) // 60_000
    hours, minutes = divmod(abs(offset), 60)
    sign = "+" if offset >= 0 else "-"
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")
