"""What a replay window opens: the log, the span to replay, the incidents to follow, the day's shape.

``open_log`` runs off the GUI thread (it opens a database and reads records, a few hundred ms on a
Guangzhou day). A request names a time range, incidents to follow, or both; an incident's span is its
record's (from its call less the margin to its closing plus the margin). What it cannot open it refuses
with ``ReplayRefused``: a code and the values a sentence needs, so that the window says it in the user's
language and the command line in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import State
from dispatch_desktop.record import DEFAULT_MARGIN_MS, IncidentRecord, UnknownIncident, incident_record
from dispatch_desktop.record.drills import DrillMarks, UnknownDrill, find_drill
from dispatch_desktop.replay.engine import LogSpan, ReplayEngine
from dispatch_desktop.store import EventStore, StoreError
from dispatch_desktop.store.location import Found, inspect

DRILL_MARGIN_MS = 60_000
"""A drill's replay opens a minute before its start and runs a minute past its end."""
DENSITY_BINS = 240
"""How many bars the timeline's overview draws across the span (a day: one per 6 minutes)."""


class ReplayRefused(Exception):
    """A replay that cannot open: ``code`` (``no_log``, ``empty_log``, ``unknown_incident``,
    ``unknown_drill``, ``outside_log``) and the values of its sentence."""

    def __init__(self, code: str, message: str, **values: object) -> None:
        super().__init__(message)
        self.code = code
        self.values = values


@dataclass(frozen=True)
class ReplayRequest:
    start_ms: int | None = None  # None: from the first followed incident's record, else the log's start
    end_ms: int | None = None  # None: to the last followed incident's record, else the log's end
    incidents: tuple[str, ...] = ()
    margin_ms: int = DEFAULT_MARGIN_MS
    seek_ms: int | None = None  # the instant to open at (default: the span's start)
    drill: str = ""  # a drill's id: play its span in its own state, as its trainees saw it (no incidents then)


class Density(NamedTuple):
    start_ms: int
    bin_ms: int
    counts: list[int]  # incidents created per bin


class OpenedLog(NamedTuple):
    store: EventStore
    engine: ReplayEngine
    log: LogSpan  # the whole log
    span: LogSpan  # what this replay plays: the request, within the log
    records: list[IncidentRecord]
    density: Density
    marks: list[int]  # every incident's milestones in the span (created … closed), sorted: the steps of ←/→
    drill: DrillMarks | None = None  # the drill played, for a drill's replay


def open_log(url: str, request: ReplayRequest) -> OpenedLog:
    """Any thread. Raises ``ReplayRefused`` for a log that is missing or empty, an incident it does not
    hold, a range outside it; the store's own errors (a damaged database) pass through."""
    if _absent(url):
        raise ReplayRefused("no_log", f"There is no event log at {url}.", url=url)
    store = EventStore.open(url, maintenance=False)
    try:
        return _open(store, request)
    except BaseException:
        store.close()
        raise


def _absent(url: str) -> bool:
    """Nothing at ``url`` that is an event log (opening it would create one). A damaged one counts as there:
    opening it then says what is wrong."""
    try:
        return inspect(url).found is not Found.STORE
    except StoreError:
        return False


def _open(store: EventStore, request: ReplayRequest) -> OpenedLog:
    log = ReplayEngine(store).span()
    if log.empty:
        raise ReplayRefused("empty_log", "The event log holds no events yet: there is nothing to replay.")
    if request.drill:
        return _open_drill(store, request, log)
    engine = ReplayEngine(store)
    records = []
    for incident in request.incidents:
        try:
            records.append(incident_record(store, incident, margin_ms=request.margin_ms))
        except UnknownIncident as error:
            raise ReplayRefused("unknown_incident", str(error), incident=incident) from error
    start = request.start_ms
    end = request.end_ms
    if start is None:
        start = min((record.start_ms for record in records), default=log.first_ms)
    if end is None:
        end = max((record.end_ms for record in records), default=log.last_ms)
    span = _within(log, start, end)
    return OpenedLog(store, engine, log, span, records, *overview(store.state_at(time_ms=span.last_ms), span))


def _within(log: LogSpan, start: int, end: int) -> LogSpan:
    if end < log.first_ms or start > log.last_ms or end <= start:
        raise ReplayRefused("outside_log", "The time asked lies outside the log.", start=start, end=end,
                            first=log.first_ms, last=log.last_ms)
    return LogSpan(max(start, log.first_ms), min(end, log.last_ms), log.events)


def _open_drill(store: EventStore, request: ReplayRequest, log: LogSpan) -> OpenedLog:
    """A drill's span (its start to its end, or to the log's end for a drill still running or cut short), in
    the drill's own state; a time range in the request narrows it."""
    try:
        drill = find_drill(store, request.drill)
    except UnknownDrill as error:
        raise ReplayRefused("unknown_drill", str(error), drill=request.drill) from error
    start_gseq = drill.started.gseq
    engine = ReplayEngine(store, drill_start=start_gseq)
    drill_end = drill.ended.event.time if drill.ended is not None else log.last_ms
    start = request.start_ms if request.start_ms is not None else drill.started.event.time - DRILL_MARGIN_MS
    end = request.end_ms if request.end_ms is not None else drill_end + DRILL_MARGIN_MS
    span = _within(log, start, end)
    state = store.state_at(time_ms=span.last_ms, mode=Mode.DRILL, drill_start=start_gseq)
    return OpenedLog(store, engine, log, span, [], *overview(state, span), drill=drill)


def overview(state: State, span: LogSpan) -> tuple[Density, list[int]]:
    """Incidents created per bin over the span, and every incident milestone in it, from the ``state`` at its
    end (which still holds every incident, closed or not): where the span was busy, for the timeline's
    overview, and where ←/→ step when no incident is followed."""
    marks: set[int] = set()
    for incident in state.incidents.values():
        marks.update(mark for mark in (incident.created_at, incident.dispatched_at, incident.arrived_at,
                                       incident.cleared_at, incident.closed_at)
                     if mark and span.first_ms <= mark <= span.last_ms)
    bin_ms = max(60_000, -(-(span.last_ms - span.first_ms) // DENSITY_BINS))
    bins = max(1, -(-(span.last_ms - span.first_ms) // bin_ms))
    counts = [0] * bins
    for incident in state.incidents.values():
        created = incident.created_at
        if span.first_ms <= created <= span.last_ms:
            counts[min(bins - 1, (created - span.first_ms) // bin_ms)] += 1
    return Density(span.first_ms, bin_ms, counts), sorted(marks)
