"""The monthly station review (每月派出所警情环比、同比): every station's valid incidents in a month against the
month before (month-on-month, 环比) and the same month a year before (year-on-year, 同比), ranked, the two with
the largest rise flagged for a supervision order (督办令, ``analytics.order``).

**What ranks: the rise in incidents over the month before, in incidents** (this month − last month); ties by
the rise over the same month a year before, then by station id, so that the order never depends on the
city's listing. Why the absolute rise and not the percentage: a percentage rewards the smallest stations'
noise (3 incidents after 1 is +200 %, more than any busy station's real surge), while the absolute rise
counts the extra cases a station had to handle, which is what the supervision order asks it to explain; and
a station chief can check it with one subtraction. Why month-on-month first: the order asks about what
changed now, and the month before is always in a live log, the year before often not.

**Flagged**: the two stations ranked first, each only if its incidents did rise (a month when fewer than two
stations rose flags fewer). A station whose month before the log does not hold has no rise to rank by: it
comes after every station that has one (ordered among themselves by the year-on-year rise) and is not flagged.

**Which months count.** Months are calendar months in the command center's zone, an hour slot in the month
its start is in (as ``counts.monthly``). A month the counts do not cover whole is said so (``MonthCoverage``):
the month reviewed may be partial (the running month, or a log starting inside it) and the review says so;
the month before and the year-ago month are compared only when covered whole (else None: a part month would
fake a fall). The counts span from the first to the last hour that holds an incident, so a log is taken to
cover a month when it starts within the month's first day and ends within its last (``EDGE_MS``): a quiet
night does not make a month partial.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.localtime import zone

if TYPE_CHECKING:
    from dispatch_desktop.analytics.counts import HourlyCounts

SLOT_MS = 3_600_000  # as analytics.counts: a slot is one UTC-aligned hour
FLAGGED = 2  # the practice: the two stations with the largest rise get a supervision order
EDGE_MS = 86_400_000  # a log starting or ending within a month's first or last day covers it
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")


class _Area(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def id(self) -> str: ...


class MonthlyCounts(Protocol):
    """What the review reads of ``analytics.counts.HourlyCounts``: the hour slots' valid incidents, summed over
    the three months compared here (``monthly`` would work out every month of a year for each of 255 stations)."""

    @property
    def first_slot(self) -> int: ...
    @property
    def areas(self) -> Sequence[_Area]: ...
    @property
    def slots(self) -> int: ...
    @property
    def valid(self) -> np.ndarray: ...


class ReviewProblem(ValueError):
    """The review cannot be made as asked: a month that is not ``YYYY-MM``, or one the log does not reach."""


@dataclass(frozen=True)
class StationChange:
    station: str  # Station.id
    name: str  # the station's (Chinese) name
    district: str  # its district's adcode
    this_month: int
    last_month: int | None  # None: the log does not hold the whole month before
    last_year: int | None  # None: the log does not reach back to the same month a year before
    mom: float | None  # relative change, 0.25 = +25 %; None where the base is 0 or absent
    yoy: float | None
    rank: int  # 1 = the largest rise
    flagged: bool  # one of the two largest rises

    @property
    def rise(self) -> int | None:
        """Incidents more than the month before (negative: fewer); what ranks."""
        return None if self.last_month is None else self.this_month - self.last_month

    @property
    def rise_yoy(self) -> int | None:
        return None if self.last_year is None else self.this_month - self.last_year


@dataclass(frozen=True)
class MonthCoverage:
    """How much of the months a review compares the counts hold."""

    month: str
    last_month: str
    year_ago: str
    start_ms: int  # the month reviewed, local midnight on the 1st, ms since the epoch
    end_ms: int  # the next month's start
    counted_from_ms: int  # the counts' span
    counted_until_ms: int
    last_month_whole: bool
    year_ago_whole: bool
    running: bool  # the month is not over yet

    @property
    def partial(self) -> bool:
        """The month reviewed is not whole in the counts (the running month, or a log starting or ending in it)."""
        return self.running or not _whole(self.month, self.counted_from_ms, self.counted_until_ms)


@dataclass(frozen=True)
class MonthlyReview:
    coverage: MonthCoverage
    stations: tuple[StationChange, ...]  # ranked

    @property
    def flagged(self) -> tuple[StationChange, ...]:
        return tuple(change for change in self.stations if change.flagged)

    def station(self, station_id: str) -> StationChange:
        for change in self.stations:
            if change.station == station_id:
                return change
        raise KeyError(f"station {station_id!r} is not in the review of {self.coverage.month}")


# --- months ---------------------------------------------------------------------------------------------


def parse_month(text: str) -> tuple[int, int]:
    """(year, month) of ``"2026-11"``; ``ReviewProblem`` naming the value otherwise."""
    found = _MONTH.match(text.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12:
        raise ReviewProblem(f"The month {text!r} is not a month: give it as YYYY-MM, e.g. 2026-11.")
    return int(found.group(1)), int(found.group(2))


def shift_month(month: str, months: int) -> str:
    """``month`` moved by ``months`` (negative: back): ``shift_month("2026-01", -1) == "2025-12"``."""
    year, number = parse_month(month)
    index = year * 12 + number - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_start_ms(month: str) -> int:
    """Local midnight on the month's first day, in the command center's zone."""
    year, number = parse_month(month)
    return int(dt.datetime(year, number, 1, tzinfo=zone()).timestamp() * 1000)


def month_of(ms: int) -> str:
    """The local month holding the instant ``ms``."""
    moment = dt.datetime.fromtimestamp(ms / 1000, tz=zone())
    return f"{moment.year:04d}-{moment.month:02d}"


def _whole(month: str, start_ms: int, until_ms: int) -> bool:
    return start_ms < month_start_ms(month) + EDGE_MS and month_start_ms(shift_month(month, 1)) - EDGE_MS < until_ms


def month_coverage(counts: MonthlyCounts, month: str, *, now_ms: int | None = None) -> MonthCoverage:
    """Which of the months the review of ``month`` compares the counts hold whole (``now_ms``: the time now,
    default the wall clock). ``ReviewProblem`` when they hold no hour of ``month`` at all."""
    start, end = month_start_ms(month), month_start_ms(shift_month(month, 1))
    counted_from = counts.first_slot * SLOT_MS
    counted_until = (counts.first_slot + counts.slots) * SLOT_MS
    if counts.slots == 0 or counted_until <= start or counted_from >= end:
        held = ("no hours" if counts.slots == 0 else
                f"the hours from {month_of(counted_from)} to {month_of(counted_until - 1)}")
        raise ReviewProblem(f"The log holds no incidents of {month} to review: it holds {held}. "
                            "Choose a month inside it, or give the history log that holds that month (--history).")
    last, year_ago = shift_month(month, -1), shift_month(month, -12)
    return MonthCoverage(month=month, last_month=last, year_ago=year_ago, start_ms=start, end_ms=end,
                         counted_from_ms=counted_from, counted_until_ms=counted_until,
                         last_month_whole=_whole(last, counted_from, counted_until),
                         year_ago_whole=_whole(year_ago, counted_from, counted_until),
                         running=(time.time() * 1000 if now_ms is None else now_ms) < end)


# --- the review -----------------------------------------------------------------------------------------


def _change(base: int | None, now: int) -> float | None:
    return None if not base else (now - base) / base


def _rank_key(change: StationChange) -> tuple[bool, int, bool, int, str]:
    rise, rise_yoy = change.rise, change.rise_yoy
    return (rise is None, -(rise or 0), rise_yoy is None, -(rise_yoy or 0), change.station)


def monthly_review(counts: MonthlyCounts, city: City, month: str) -> list[StationChange]:
    """Every station of ``city`` for ``month`` (``"2026-11"``), ranked as the module says, the two largest
    rises flagged. ``ReviewProblem`` for a malformed month or one the counts do not reach."""
    return list(review(counts, city, month).stations)


def _month_sums(counts: MonthlyCounts, month: str) -> np.ndarray:
    """Each row's valid incidents in the hour slots that start in ``month``."""
    first = -(-month_start_ms(month) // SLOT_MS) - counts.first_slot  # the first slot starting in the month
    end = -(-month_start_ms(shift_month(month, 1)) // SLOT_MS) - counts.first_slot
    first, end = min(max(first, 0), counts.slots), min(max(end, 0), counts.slots)
    return np.asarray(counts.valid[:, first:end].sum(axis=1), dtype=np.int64)


def review(counts: MonthlyCounts, city: City, month: str, *, now_ms: int | None = None) -> MonthlyReview:
    """``monthly_review`` with what the counts cover of the months compared (``now_ms``: as ``month_coverage``)."""
    coverage = month_coverage(counts, month, now_ms=now_ms)
    rows: Mapping[str, int] = {area.id: row for row, area in enumerate(counts.areas) if area.kind == "station"}
    sums = {name: _month_sums(counts, name) for name in (month, coverage.last_month, coverage.year_ago)}

    def of(name: str, station_id: str) -> int:
        row = rows.get(station_id)
        return 0 if row is None else int(sums[name][row])

    unranked = []
    for station in city.stations:
        this_month = of(month, station.id)
        last_month = of(coverage.last_month, station.id) if coverage.last_month_whole else None
        last_year = of(coverage.year_ago, station.id) if coverage.year_ago_whole else None
        unranked.append(StationChange(
            station=station.id, name=station.name, district=station.district, this_month=this_month,
            last_month=last_month, last_year=last_year, mom=_change(last_month, this_month),
            yoy=_change(last_year, this_month), rank=0, flagged=False))
    ranked = sorted(unranked, key=_rank_key)
    stations = tuple(
        StationChange(**{**change.__dict__, "rank": place,
                         "flagged": place <= FLAGGED and change.rise is not None and change.rise > 0})
        for place, change in enumerate(ranked, start=1))
    return MonthlyReview(coverage=coverage, stations=stations)


# --- where the counts come from ------------------------------------------------------------------------


def read_review_counts(city: City, live_url: str | None, history_url: str | None, cache_root: Path, *,
                       progress: Callable[[float], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> HourlyCounts:
    """The counts of the history log (an archive of past months, when there is one) combined with the live log's,
    each brought up to date in its ``CountCache`` under ``cache_root`` (a folder per log URL, so another log
    never reuses its counts). A log URL that holds no log is skipped; ``ReviewProblem`` when none is left."""
    from dispatch_desktop.analytics.counts import CountCache
    from dispatch_desktop.store import EventStore
    from dispatch_desktop.store.location import Found, inspect

    urls = [url for url in (history_url, live_url) if url and inspect(url).found is Found.STORE]
    if not urls:
        named = " or ".join(url for url in (live_url, history_url) if url) or "no log given"
        raise ReviewProblem(f"There is no event log to review ({named}): give the log with --db, the archive of "
                            "past months with --history.")
    read: list[HourlyCounts] = []
    for n, url in enumerate(urls):
        def part(fraction: float, n: int = n) -> None:
            if progress is not None:
                progress((n + fraction) / len(urls))

        folder = cache_root / hashlib.sha256(url.encode()).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        with EventStore.open(url, maintenance=False) as store:  # it only reads
            read.append(CountCache(folder, url, city).update(store, progress=part, cancelled=cancelled))
    return read[0].combined(*read[1:])


def percent_text(change: float | None) -> str:
    """``+25.0%`` / ``-3.4%`` / ``—`` (no base): how the review, the order and the command line print a change."""
    return "—" if change is None else f"{change * 100:+.1f}%"
