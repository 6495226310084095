"""Valid incidents and 110 calls per hour slot, per district and per station area, read from a log.

A **valid incident** is an ``incident_created`` event of the live world (drill events never count) that
is no duplicate (``duplicate_of == ""``), counted at its ``call_time`` in its ``district`` and
``station`` (located from its lat/lon with the city when the event leaves them empty). Its category is
the last one given within ``RECLASSIFY_WINDOW_MS`` of the call (``incident_reclassified``): the non-police
counts follow it. Calls are the live ``call_offered`` events, citywide, at their time.

Slots are UTC-hour aligned (``slot = t_ms // SLOT_MS``); the command center's zone has whole-hour offsets,
so they are local hours too. ``read_counts`` reads only those kinds, picked by the database
(``EventStore.read_kinds``); ``CountCache`` (``counts_cache``) keeps the counts in a file and reads only
what the log gained since.
"""

from __future__ import annotations

import enum
import functools
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, Mode
from dispatch_desktop.domain.localtime import local, zone

if TYPE_CHECKING:
    from dispatch_desktop.domain.city import City
    from dispatch_desktop.store import EventStore

SLOT_MS = 3_600_000
RECLASSIFY_WINDOW_MS = 7 * 86_400_000
"""How long after its call an incident's reclassification still moves it between police and non-police:
a count reader remembers the incidents of this span only (a year of them would not fit in memory)."""
COUNTED_KINDS = ("incident_created", "incident_reclassified", "call_offered")
_CHECK_EVERY = 16_384  # events between two looks at progress and cancel (and two bulk additions)


class AreaKind(enum.StrEnum):
    DISTRICT = "district"
    STATION = "station"


@dataclass(frozen=True, order=True)
class Area:
    kind: AreaKind
    id: str  # a district's adcode (District.adcode), a station's Station.id

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"


class CountingCancelled(Exception):
    """The caller's ``cancelled()`` said stop: nothing was counted or kept."""


def city_areas(city: City) -> tuple[Area, ...]:
    """Every district (the city's order), then every station: the rows of ``HourlyCounts``."""
    return (*(Area(AreaKind.DISTRICT, d.adcode) for d in city.districts),
            *(Area(AreaKind.STATION, s.id) for s in city.stations))


@dataclass(frozen=True, eq=False)
class HourlyCounts:
    first_slot: int  # slot number of column 0
    areas: tuple[Area, ...]  # every district, then every station of the city (rows), fixed order
    valid: np.ndarray  # int32 (len(areas), slots): valid incidents by call time per slot
    non_police: np.ndarray  # int32, same shape: of which Category.NON_POLICE (as last classified)
    calls: np.ndarray  # int32 (slots,): 110 calls offered citywide per slot (call_offered)
    last_gseq: int  # the log was read up to this gseq

    @property
    def slots(self) -> int:
        return int(self.valid.shape[1])

    @functools.cached_property
    def _rows(self) -> dict[Area, int]:
        return {area: row for row, area in enumerate(self.areas)}

    def row(self, area: Area) -> int:
        try:
            return self._rows[area]
        except KeyError:
            raise KeyError(f"no {area.kind.value} {area.id!r} in these counts") from None

    def series(self, area: Area) -> np.ndarray:
        return np.asarray(self.valid[self.row(area)])

    def slot_start_ms(self, column: int) -> int:
        return (self.first_slot + column) * SLOT_MS

    def monthly(self, area: Area) -> dict[str, int]:
        """Valid incidents per local calendar month of the span, ``{"2026-11": n}``, months without any
        incident included (0)."""
        series = self.series(area)
        out: dict[str, int] = {}
        for column, month in _month_runs(self.first_slot, self.slots):
            out[month] = out.get(month, 0) + int(series[column[0]:column[1]].sum())
        return out

    def combined(self, *others: HourlyCounts) -> HourlyCounts:
        """The sums of these counts and ``others`` over the union of their spans (the areas must be the
        same); ``last_gseq`` stays this one's (each log has its own gseqs)."""
        every = (self, *others)
        for other in others:
            if other.areas != self.areas:
                raise ValueError("counts of different cities (areas differ) cannot be combined")
        spans = [c for c in every if c.slots]
        if not spans:
            return self
        first = min(c.first_slot for c in spans)
        end = max(c.first_slot + c.slots for c in spans)
        shape = (len(self.areas), end - first)
        valid, non_police = np.zeros(shape, np.int32), np.zeros(shape, np.int32)
        calls = np.zeros(end - first, np.int32)
        for c in spans:
            at = slice(c.first_slot - first, c.first_slot - first + c.slots)
            valid[:, at] += c.valid
            non_police[:, at] += c.non_police
            calls[at] += c.calls
        return HourlyCounts(first, self.areas, valid, non_police, calls, self.last_gseq)


def _month_runs(first_slot: int, slots: int) -> list[tuple[tuple[int, int], str]]:
    """``((start column, end column), "YYYY-MM")`` for each run of columns in one local month."""
    return _month_runs_in(first_slot, slots, zone().key)


@functools.lru_cache(maxsize=8)
def _month_runs_in(first_slot: int, slots: int, _zone: str) -> list[tuple[tuple[int, int], str]]:
    """``_month_runs`` for the zone named, kept for the last few spans: a review asks for every station's
    months of the same counts."""
    months = [local((first_slot + column) * SLOT_MS).strftime("%Y-%m") for column in range(slots)]
    runs: list[tuple[tuple[int, int], str]] = []
    start = 0
    for column in range(1, slots + 1):
        if column == slots or months[column] != months[start]:
            runs.append(((start, column), months[start]))
            start = column
    return runs


@dataclass
class Remembered:
    """The incidents of the last ``RECLASSIFY_WINDOW_MS``: incident -> (slot, district row, station row,
    non-police), in the order they were counted (call times rise, near enough)."""

    entries: dict[str, tuple[int, int, int, bool]]
    order: deque[tuple[int, str]]

    @classmethod
    def empty(cls) -> Remembered:
        return cls({}, deque())

    def forget_before(self, slot: int) -> None:
        while self.order and self.order[0][0] < slot:
            self.entries.pop(self.order.popleft()[1], None)


class Tally:
    """Counts being added up: arrays that grow to hold every slot counted."""

    def __init__(self, areas: tuple[Area, ...], first_slot: int = 0, valid: np.ndarray | None = None,
                 non_police: np.ndarray | None = None, calls: np.ndarray | None = None,
                 remembered: Remembered | None = None) -> None:
        self.areas = areas
        self.first_slot = first_slot
        self.valid = np.zeros((len(areas), 0), np.int32) if valid is None else valid
        self.non_police = np.zeros_like(self.valid) if non_police is None else non_police
        self.calls = np.zeros(self.valid.shape[1], np.int32) if calls is None else calls
        self.remembered = remembered or Remembered.empty()

    def column(self, slot: int) -> int:
        """The column of ``slot``, growing the arrays (by a week at least, to grow seldom) when needed."""
        slots = self.valid.shape[1]
        if slots == 0:
            self.first_slot = slot
            self._resize(0, 168)
        elif slot < self.first_slot:
            self._resize(max(self.first_slot - slot, 168), 0)
        elif slot >= self.first_slot + slots:
            self._resize(0, max(slot - self.first_slot - slots + 1, 168))
        return slot - self.first_slot

    def _resize(self, before: int, after: int) -> None:
        pad = ((0, 0), (before, after))
        self.valid = np.pad(self.valid, pad)
        self.non_police = np.pad(self.non_police, pad)
        self.calls = np.pad(self.calls, (before, after))
        self.first_slot -= before

    def counts(self, last_gseq: int) -> HourlyCounts:
        """The counts, trimmed to the slots from the first to the last that holds anything."""
        used = np.flatnonzero(self.valid.any(axis=0) | (self.calls != 0))
        if used.size == 0:
            empty = np.zeros((len(self.areas), 0), np.int32)
            return HourlyCounts(0, self.areas, empty, empty.copy(), np.zeros(0, np.int32), last_gseq)
        lo, hi = int(used[0]), int(used[-1]) + 1
        return HourlyCounts(self.first_slot + lo, self.areas, self.valid[:, lo:hi].copy(),
                            self.non_police[:, lo:hi].copy(), self.calls[lo:hi].copy(), last_gseq)


class _Counter:
    """Folds the counted kinds of a log into a ``Tally``. Changes are gathered in lists and added to the
    arrays in bulk (``flush``): setting numpy items one at a time would cost more than reading the events."""

    def __init__(self, city: City, tally: Tally) -> None:
        self.city = city
        self.tally = tally
        rows = {area: row for row, area in enumerate(tally.areas)}
        self.district_rows = {area.id: row for area, row in rows.items() if area.kind is AreaKind.DISTRICT}
        self.station_rows = {area.id: row for area, row in rows.items() if area.kind is AreaKind.STATION}
        self.station_district = {s.id: s.district for s in city.stations}
        self.newest_slot = 0
        # Pending changes: (slot, row, valid +, non-police +) and the slots of calls.
        self.slots: list[int] = []
        self.rows: list[int] = []
        self.valid: list[int] = []
        self.non_police: list[int] = []
        self.call_slots: list[int] = []

    def _rows_of(self, body: ev.IncidentCreated) -> tuple[int, int]:
        """(district row, station row), -1 for none; located from lat/lon where the event leaves them empty."""
        district, station = body.district, body.station
        if not station:
            found = self.city.station_at(body.lat, body.lon)
            station = found.id if found is not None else ""
        if not district:
            district = self.station_district.get(station, "")
            if not district:
                located = self.city.district_at(body.lat, body.lon)
                district = located.adcode if located is not None else ""
        return self.district_rows.get(district, -1), self.station_rows.get(station, -1)

    def _change(self, slot: int, drow: int, srow: int, valid: int, non_police: int) -> None:
        for row in (drow, srow):
            if row >= 0:
                self.slots.append(slot)
                self.rows.append(row)
                self.valid.append(valid)
                self.non_police.append(non_police)

    def incident(self, body: ev.IncidentCreated) -> None:
        if body.duplicate_of:
            return
        drow, srow = self._rows_of(body)
        slot = body.call_time // SLOT_MS
        non_police = body.category is Category.NON_POLICE
        self._change(slot, drow, srow, 1, int(non_police))
        remembered = self.tally.remembered
        remembered.entries[body.incident] = (slot, drow, srow, non_police)
        remembered.order.append((slot, body.incident))
        if slot > self.newest_slot:
            self.newest_slot = slot
            remembered.forget_before(slot - RECLASSIFY_WINDOW_MS // SLOT_MS)

    def reclassified(self, body: ev.IncidentReclassified) -> None:
        entries = self.tally.remembered.entries
        entry = entries.get(body.incident)
        non_police = body.category is Category.NON_POLICE
        if entry is None or entry[3] == non_police:
            return
        slot, drow, srow, _was = entry
        self._change(slot, drow, srow, 0, 1 if non_police else -1)
        entries[body.incident] = (slot, drow, srow, non_police)

    def call(self, event: ev.Envelope) -> None:
        self.call_slots.append(event.time // SLOT_MS)

    def flush(self) -> None:
        tally = self.tally
        every = self.slots + self.call_slots
        if not every:
            return
        tally.column(min(every))
        tally.column(max(every))  # the arrays now span every pending slot
        columns = np.array(self.slots, np.int64) - tally.first_slot
        rows = np.array(self.rows, np.int64)
        np.add.at(tally.valid, (rows, columns), np.array(self.valid, np.int32))
        np.add.at(tally.non_police, (rows, columns), np.array(self.non_police, np.int32))
        np.add.at(tally.calls, np.array(self.call_slots, np.int64) - tally.first_slot, 1)
        for pending in (self.slots, self.rows, self.valid, self.non_police, self.call_slots):
            pending.clear()


def count_into(store: EventStore, city: City, tally: Tally, *, after_gseq: int = 0, since_ms: int | None = None,
               progress: Callable[[float], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> int:
    """Adds the log's events after ``after_gseq`` to ``tally``; returns the gseq read up to. ``since_ms``:
    only incidents called (and calls offered) from then on, the log read from a day before it."""
    upto = store.last_gseq()
    counter = _Counter(city, tally)
    from_time = None if since_ms is None else since_ms - 86_400_000  # an incident is entered after its call
    span = max(upto - after_gseq, 1)
    for seen, (gseq, event) in enumerate(store.read_kinds(COUNTED_KINDS, after_gseq, upto=upto, mode=Mode.LIVE,
                                        from_time_ms=from_time), 1):
        body = event.body
        if type(body) is ev.IncidentCreated:
            if since_ms is None or body.call_time >= since_ms:
                counter.incident(body)
        elif type(body) is ev.IncidentReclassified:
            counter.reclassified(body)
        elif since_ms is None or event.time >= since_ms:
            counter.call(event)
        if seen % _CHECK_EVERY == 0:
            counter.flush()
            if cancelled is not None and cancelled():
                raise CountingCancelled(f"counting stopped at gseq {gseq} of {upto}")
            if progress is not None:
                progress(min((gseq - after_gseq) / span, 1.0))
    counter.flush()
    if progress is not None:
        progress(1.0)
    return upto


def read_counts(store: EventStore, city: City, *, since_ms: int | None = None,
                progress: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> HourlyCounts:
    """The counts of the whole log (or of the incidents called from ``since_ms`` on). ``progress(fraction)``
    now and then; ``cancelled()`` true stops with ``CountingCancelled``."""
    tally = Tally(city_areas(city))
    upto = count_into(store, city, tally, since_ms=since_ms, progress=progress, cancelled=cancelled)
    return tally.counts(upto)


from dispatch_desktop.analytics.counts_cache import CountCache  # noqa: E402  (it builds on the above)

__all__ = ["SLOT_MS", "Area", "AreaKind", "CountCache", "CountingCancelled", "HourlyCounts", "city_areas",
           "read_counts"]
