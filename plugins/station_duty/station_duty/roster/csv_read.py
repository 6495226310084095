"""Reading a roster CSV: every row checked, every problem named by row, column and reason, and nothing to
apply unless every row is good. Qt-free; the columns are in ``csv_format``.

Rows are numbered as a spreadsheet shows them (the header is row 1); the column is named as the file's
header spells it. Reasons are English source texts with ``{placeholders}``: the panel translates them
(``Problem.text(tr)``), the command line prints them as they are.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import msgspec

from station_duty.roster.csv_format import HEADERS, REQUIRED, UNIT_SEPARATORS, header_key, phone, split_list
from station_duty.roster.events import MAX_OFFICERS, MAX_UNITS, Person, RosterSet
from station_duty.roster.shifts import ShiftSpec, find_shift

MAX_BYTES = 20_000_000  # 255 stations x 2 shifts x a year is about 40 MB; import a month at a time
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def translatable(text: str) -> str:
    """Marks a source text translated where it is shown (the tests check the catalogue holds it)."""
    return text


@dataclass(frozen=True)
class Problem:
    row: int  # as a spreadsheet numbers it; 0: the file as a whole
    column: str  # as the header spells it; "" for the whole row
    reason: str  # source text with {placeholders}
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, tr: Callable[[str], str] = lambda text: text) -> str:
        reason = tr(self.reason).format(**self.params)
        if not self.row:  # the file as a whole, or a field of the panel's form
            return f"{self.column}: {reason}" if self.column else reason
        if not self.column:
            return tr("Row {row}: {reason}").format(row=self.row, reason=reason)
        return tr("Row {row}, column {column}: {reason}").format(row=self.row, column=self.column, reason=reason)


@dataclass(frozen=True)
class StationRef:
    id: str
    name: str
    short_name: str


@dataclass(frozen=True)
class RosterFile:
    rosters: tuple[RosterSet, ...]  # one per good row, in file order
    problems: tuple[Problem, ...]
    rows: int  # data rows read, good and bad

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rosters)

    def stations(self) -> int:
        return len({roster.station for roster in self.rosters})

    def dates(self) -> tuple[str, str] | None:
        days = sorted(roster.date for roster in self.rosters)
        return (days[0], days[-1]) if days else None


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (BOM or not), else GB18030; ValueError with what to do."""
    if len(data) > MAX_BYTES:
        raise ValueError(translatable("The file is larger than 20 MB; import a month at a time."))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError(translatable("The file is UTF-16 text (Excel's \"Unicode Text\"); save it as "
                                      "\"CSV UTF-8\" or \"CSV\"."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValueError(translatable("The file is neither UTF-8 nor GB18030 text; save it from Excel as "
                                      "\"CSV UTF-8\".")) from None


class _Checker:
    """Checks the rows of one file against the city, the shifts and the units."""

    def __init__(self, stations: Iterable[StationRef], shifts: tuple[ShiftSpec, ...],
                 unit_stations: Mapping[str, str], source: str, call_signs: Mapping[str, str] | None) -> None:
        self.by_name: dict[str, StationRef] = {}
        for station in stations:
            for key in (station.id, station.name, station.short_name):
                self.by_name[unicodedata.normalize("NFKC", key).strip().casefold()] = station
        self.shifts = shifts
        self.unit_stations = unit_stations
        self.by_call_sign = call_sign_index(call_signs or {})
        self.station_names = {station.id: station.name for station in self.by_name.values()}
        self.source = source
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, str, str], int] = {}

    def refuse(self, row: int, column: str, reason: str, **params: object) -> None:
        self.problems.append(Problem(row, column, reason, params))

    def row(self, number: int, cells: dict[str, str], labels: dict[str, str]) -> RosterSet | None:
        before = len(self.problems)
        for column in REQUIRED:
            if not cells.get(column, "").strip():
                self.refuse(number, labels[column], translatable("is empty; every row needs it"))
        station = self._station(number, cells, labels)
        day = self._date(number, cells, labels)
        shift = self._shift(number, cells, labels)
        leader = self._person(number, labels, "leader", cells.get("leader", ""), "leader_phone",
                              cells.get("leader_phone", ""))
        officers = self._officers(number, cells, labels)
        units = self._units(number, cells, labels, station)
        duty_phone = self._phone(number, labels, "duty_phone", cells.get("duty_phone", ""))
        if len(self.problems) > before or station is None or day is None or shift is None or leader is None:
            return None
        key = (station.id, day.isoformat(), shift.id)
        if key in self.seen:
            self.refuse(number, "", translatable("{station}, {date}, {shift}: the same shift as row {earlier}; "
                                                 "give each station's shift once"),
                        station=station.name, date=key[1], shift=shift.id, earlier=self.seen[key])
            return None
        self.seen[key] = number
        try:
            return RosterSet(station=station.id, date=key[1], shift=shift.id, leader=leader,
                             officers=tuple(officers), units=tuple(units), duty_phone=duty_phone or "",
                             source=self.source)
        except (msgspec.ValidationError, ValueError, TypeError) as error:
            self.refuse(number, "", translatable("cannot be recorded: {error}"), error=str(error))
            return None

    def _station(self, number: int, cells: dict[str, str], labels: dict[str, str]) -> StationRef | None:
        text = cells.get("station", "").strip()
        found = self.by_name.get(unicodedata.normalize("NFKC", text).casefold())
        if text and found is None:
            self.refuse(number, labels["station"], translatable(
                "{value!r} is no station of the city; give its id (S-440106-03), its name (天河区龙口派出所) "
                "or its short name (龙口所)"), value=text)
        return found

    def _date(self, number: int, cells: dict[str, str], labels: dict[str, str]) -> date | None:
        text = unicodedata.normalize("NFKC", cells.get("date", "")).strip()
        if not text:
            return None
        match = _DATE.match(text)
        if match is not None:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                pass  # 2025-02-30: refused below
        self.refuse(number, labels["date"], translatable("{value!r} is not a date; write it as 2025-05-06"),
                    value=text)
        return None

    def _shift(self, number: int, cells: dict[str, str], labels: dict[str, str]) -> ShiftSpec | None:
        text = cells.get("shift", "").strip()
        found = find_shift(text, self.shifts)
        if text and found is None:
            names = ", ".join(f"{spec.id} / {spec.name_zh or spec.start}" for spec in self.shifts)
            self.refuse(number, labels["shift"], translatable("{value!r} is not a shift; the shifts are {names}"),
                        value=text, names=names)
        return found

    def _phone(self, number: int, labels: dict[str, str], column: str, text: str) -> str | None:
        found = phone(text)
        if found is None:
            if re.search(r"\d[Ee]\+?\d", text):
                self.refuse(number, labels[column], translatable(
                    "{value!r} is a number Excel wrote in scientific notation; format the column as text and "
                    "type the numbers again"), value=text.strip())
            else:
                self.refuse(number, labels[column], translatable(
                    "{value!r} is not a phone number; give a mobile (13812345678) or a landline with its area "
                    "code (020-83112110)"), value=text.strip())
        return found

    def _person(self, number: int, labels: dict[str, str], name_column: str, name: str, phone_column: str,
                phone_text: str) -> Person | None:
        phone_number = self._phone(number, labels, phone_column, phone_text) if phone_text.strip() else ""
        name = name.strip()
        if not name:
            return None
        if len(name) > 20 or re.search(r"[;；、,，]", name):
            self.refuse(number, labels[name_column], translatable(
                "{value!r} is not one name (at most 20 characters, no separators)"), value=name)
            return None
        return Person(name, phone_number or "")

    def _officers(self, number: int, cells: dict[str, str], labels: dict[str, str]) -> list[Person]:
        names = split_list(cells.get("officers", ""))
        phones_text = cells.get("officer_phones", "").strip().strip(";；、 ")
        # Positions matter here (the n-th phone is the n-th officer's): empty items are kept.
        phones = [part.strip() for part in re.split(r"[;；、]", phones_text)] if phones_text else []
        if len(names) > MAX_OFFICERS:
            self.refuse(number, labels["officers"], translatable("{count} officers; at most {limit} fit a shift"),
                        count=len(names), limit=MAX_OFFICERS)
            return []
        if phones and len(phones) != len(names):
            self.refuse(number, labels["officer_phones"], translatable(
                "{phones} phone numbers for {count} officers; give one per officer in the same order, or none"),
                phones=len(phones), count=len(names))
            return []
        people = []
        for index, name in enumerate(names):
            person = self._person(number, labels, "officers", name, "officer_phones",
                                  phones[index] if phones else "")
            if person is not None:
                people.append(person)
        return people

    def _units(self, number: int, cells: dict[str, str], labels: dict[str, str],
               station: StationRef | None) -> list[str]:
        text = cells.get("units", "").strip()
        written = list(dict.fromkeys(part for part in UNIT_SEPARATORS.split(text) if part)) if text else []
        if len(written) > MAX_UNITS:
            self.refuse(number, labels["units"], translatable("{count} units; at most {limit} fit a shift"),
                        count=len(written), limit=MAX_UNITS)
            return []
        units: list[str] = []
        for value in written:
            unit = value if value in self.unit_stations else self.by_call_sign.get(_call_sign_key(value))
            owner = self.unit_stations.get(unit) if unit else None
            if unit == "":
                self.refuse(number, labels["units"], translatable(
                    "{value!r} is the call sign of more than one unit; give the unit's id"), value=value)
            elif owner is None:
                self.refuse(number, labels["units"], translatable(
                    "{value!r} is neither a call sign (天河巡12组) nor a unit id (PG-440106-03-01) of the desk's "
                    "units"), value=value)
            elif station is not None and owner != station.id:
                self.refuse(number, labels["units"], translatable(
                    "{value!r} is a unit of {owner}, not of this station"), value=value,
                    owner=self.station_names.get(owner, owner))
            elif unit and unit not in units:  # a unit given by its id and by its call sign counts once
                units.append(unit)
        return units


def _call_sign_key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def call_sign_index(call_signs: Mapping[str, str]) -> dict[str, str]:
    """Call sign (matched without case, full-width forms folded) -> unit id, from unit id -> call sign;
    a call sign that several units share maps to "" (only their ids tell them apart)."""
    index: dict[str, str] = {}
    for unit, call_sign in call_signs.items():
        key = _call_sign_key(call_sign)
        if key:
            index[key] = "" if key in index and index[key] != unit else unit
    return index


def check_fields(fields: Mapping[str, str], labels: Mapping[str, str], *, stations: Iterable[StationRef],
                 shifts: tuple[ShiftSpec, ...], unit_stations: Mapping[str, str],
                 call_signs: Mapping[str, str] | None = None,
                 onward: bool = False) -> tuple[RosterSet | None, tuple[Problem, ...]]:
    """The panel's form checked as a CSV row is (``fields`` by column, ``labels`` the form's names for
    them); problems have row 0 and name the field."""
    checker = _Checker(stations, shifts, unit_stations, "", call_signs)
    roster = checker.row(0, dict(fields), {column: labels.get(column, column) for column in HEADERS})
    if roster is not None and onward:
        roster = msgspec.structs.replace(roster, onward=True)
    return roster, tuple(checker.problems)


def _header(cells: list[str], checker: _Checker) -> tuple[list[str], dict[str, str]]:
    by_key = {header_key(name): column for column, names in HEADERS.items() for name in names}
    by_cell: list[str] = []
    labels: dict[str, str] = {}
    for raw in cells:
        written = raw.strip()
        column = by_key.get(header_key(raw), "")
        if not column:
            checker.refuse(1, written, translatable("unknown column; the columns are {columns}"),
                           columns=", ".join(f"{names[0]} ({names[1]})" for names in HEADERS.values()))
        elif column in labels:
            checker.refuse(1, written, translatable("is the {name} column again, after {earlier!r}"),
                           name=column, earlier=labels[column])
            column = ""
        else:
            labels[column] = written
        by_cell.append(column)
    for column in REQUIRED:
        if column not in labels:
            checker.refuse(1, f"{HEADERS[column][0]} ({HEADERS[column][1]})",
                           translatable("the column is missing; every file needs it"))
    for column in HEADERS:
        labels.setdefault(column, f"{HEADERS[column][0]} ({HEADERS[column][1]})")
    return by_cell, labels


def read_rosters(data: bytes, *, stations: Iterable[StationRef], shifts: tuple[ShiftSpec, ...],
                 unit_stations: Mapping[str, str], call_signs: Mapping[str, str] | None = None,
                 source: str = "") -> RosterFile:
    """Check every row of a roster CSV. ``unit_stations``: unit id -> its station (the desk's units);
    ``call_signs``: unit id -> its call sign (units are given by either);
    ``source``: the file's name, kept in each event."""
    checker = _Checker(stations, shifts, unit_stations, source[:120], call_signs)
    try:
        text = decode(data)
    except ValueError as error:
        return RosterFile((), (Problem(0, "", str(error)),), 0)
    reader = csv.reader(io.StringIO(text, newline=""))
    rosters: list[RosterSet] = []
    by_cell: list[str] | None = None
    labels: dict[str, str] = {}
    count = 0
    try:
        for number, values in enumerate(reader, start=1):
            if by_cell is None:
                by_cell, labels = _header(values, checker)
                if checker.problems:
                    break
                continue
            if not any(value.strip() for value in values):
                continue  # blank rows that spreadsheets leave
            count += 1
            if any("\n" in value or "\r" in value for value in values):
                checker.refuse(number, "", translatable(
                    "a cell runs over more than one line (a missing closing quote?); the rows from here on may "
                    "be numbered wrongly"))
                continue
            if len(values) != len(by_cell):
                checker.refuse(number, "", translatable("has {count} cells, the header has {header}"),
                               count=len(values), header=len(by_cell))
                continue
            cells = {column: value for column, value in zip(by_cell, values, strict=True) if column}
            roster = checker.row(number, cells, labels)
            if roster is not None:
                rosters.append(roster)
    except csv.Error as error:
        checker.refuse(reader.line_num, "", translatable("unreadable CSV ({error}); the rows after it were not "
                                                         "read"), error=str(error))
    if by_cell is None:
        checker.refuse(0, "", translatable("The file is empty: it has no header row."))
    elif count == 0 and not checker.problems:
        checker.refuse(0, "", translatable("The file has a header but no rows."))
    return RosterFile(tuple(rosters), tuple(checker.problems), count)
