"""The rosters as the log says: the generated roster of each station and shift, overridden by the
``roster_set`` events. Qt-free.

The roster of a shift, as known at a moment, is the one set by the latest event (in gseq order) stamped
at or before that moment that covers the shift (its date, or an earlier date with ``onward``); without
one it is the generated roster. So "who was the duty leader when this happened" is answered from the
events as they stood then, and a correction recorded afterwards does not rewrite what the desk showed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from station_duty.roster.events import RosterSet
from station_duty.roster.generate import generated_roster
from station_duty.roster.shifts import ShiftSlot, ShiftSpec, slot, slot_at


@dataclass(frozen=True, slots=True)
class SetEvent:
    gseq: int
    time_ms: int  # hub time
    operator: str
    data: RosterSet


@dataclass(frozen=True, slots=True)
class Roster:
    """A station's roster for one shift, and where it comes from (``set_by`` None: generated)."""

    station: str
    slot: ShiftSlot
    data: RosterSet
    set_by: SetEvent | None


UnitsOf = Callable[[str], Iterable[str]]
"""station id -> the ids of its units (from the desk's state)."""


class RosterBook:
    def __init__(self, shifts: tuple[ShiftSpec, ...], zone: ZoneInfo, units_of: UnitsOf) -> None:
        self.shifts = shifts
        self.zone = zone
        self._units_of = units_of
        self._sets: dict[tuple[str, str], list[SetEvent]] = {}  # (station, shift) -> ascending gseq
        self._gseqs: set[int] = set()

    def add(self, event: SetEvent) -> bool:
        """Keep a ``roster_set``; False when the book has it (a history page overlapping the stream)."""
        if event.gseq in self._gseqs:
            return False
        self._gseqs.add(event.gseq)
        kept = self._sets.setdefault((event.data.station, event.data.shift), [])
        kept.append(event)
        if len(kept) > 1 and kept[-2].gseq > event.gseq:
            kept.sort(key=lambda item: item.gseq)
        return True

    def __len__(self) -> int:
        return len(self._gseqs)

    def roster(self, station: str, day: date, shift_id: str, *, as_of_ms: int | None = None) -> Roster:
        """The roster of ``station`` for the shift of ``day``, as the events stamped at or before
        ``as_of_ms`` (None: all of them) say. KeyError for an unknown shift id."""
        shift_slot = slot(day, shift_id, self.shifts, self.zone)
        for event in reversed(self._sets.get((station, shift_id), ())):
            if as_of_ms is not None and event.time_ms > as_of_ms:
                continue
            set_day = event.data.day()
            if set_day == day or (event.data.onward and set_day < day):
                return Roster(station, shift_slot, event.data, event)
        index = [spec.id for spec in self.shifts].index(shift_id)
        made = generated_roster(station, day, shift_id, index, self._units_of(station))
        return Roster(station, shift_slot, made, None)

    def roster_at(self, station: str, moment_ms: int) -> Roster:
        """Who was on duty at ``station`` at ``moment_ms``, as known then."""
        shift_slot = slot_at(moment_ms, self.shifts, self.zone)
        return self.roster(station, shift_slot.day, shift_slot.shift.id, as_of_ms=moment_ms)
