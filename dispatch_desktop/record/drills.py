"""Where a drill is in the event log: its ``drill_started`` and ``drill_ended`` (live-mode events, PROTOCOL.md 9.8).

The drill report (``drill.record``) reads a drill from them, and the replay window opens a drill's span in the
drill's own state. How a drill is found: its id ``D-YYYYMMDD-NN`` names the day it ran, so only that day is
read (widened by the 14 hours any time zone may be off UTC), with every position report left out by the
database: a Guangzhou day costs a few seconds (docs/RECORD.md: 0.13 s per 47 minutes). An id not found there
is looked for in the whole log, to name the drills it holds. The store has no index by event kind for
``drill_started``.
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from dispatch_desktop.domain import events as ev
from dispatch_desktop.record.model import RecordedEvent
from dispatch_desktop.store.event_store import EventStore

DRILL_ID = re.compile(r"D-(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})-[0-9]{2}")
DAY_MS = 86_400_000
ZONE_SLACK_MS = 14 * 3_600_000
"""The id's day is the command center's local day: from UTC-12 to UTC+14, it starts within 14 h of UTC's."""


class UnknownDrill(LookupError):
    """The log holds no drill with that id; the message names the ones it holds."""


class DrillMarks(NamedTuple):
    """A drill's opening event and its closing one (None: interrupted, or still running)."""

    started: RecordedEvent
    ended: RecordedEvent | None

    @property
    def drill(self) -> str:
        return self.body.drill

    @property
    def body(self) -> ev.DrillStarted:
        assert isinstance(self.started.event.body, ev.DrillStarted)
        return self.started.event.body


def drills_in(store: EventStore, start_ms: int = 0, end_ms: int | None = None) -> list[DrillMarks]:
    """The drills started in ``[start_ms, end_ms)`` (hub time; None: to the log's end), each with its
    ``drill_ended`` if that is in the span too, in the order they ran."""
    found: list[DrillMarks] = []
    last = last_time(store) + 1 if end_ms is None else end_ms
    for gseq, event in store.read_time_range(start_ms, last, positions_of=()):
        body = event.body
        if isinstance(body, ev.DrillStarted):
            found.append(DrillMarks(RecordedEvent(gseq, event), None))
        elif isinstance(body, ev.DrillEnded):
            for n, marks in enumerate(found):
                if marks.drill == body.drill and marks.ended is None:
                    found[n] = marks._replace(ended=RecordedEvent(gseq, event))
    return found


def find_drill(store: EventStore, drill_id: str) -> DrillMarks:
    """The drill ``drill_id``, read from its day; raises ``UnknownDrill`` naming the drills the log holds."""
    matched = DRILL_ID.fullmatch(drill_id)
    if matched is not None:
        day = calendar.timegm((int(matched["year"]), int(matched["month"]), int(matched["day"]), 0, 0, 0)) * 1000
        for marks in drills_in(store, day - ZONE_SLACK_MS, day + DAY_MS + ZONE_SLACK_MS + DAY_MS):
            if marks.drill == drill_id:  # the span runs a day past the id's: a drill over midnight ends in it
                return marks
    held = sorted({marks.drill for marks in drills_in(store)})
    shape = "" if matched else " (a drill id is D-YYYYMMDD-NN: the day it ran and its number that day)"
    holds = f"it holds {', '.join(held)}" if held else "it holds no drill at all"
    raise UnknownDrill(f"There is no drill {drill_id!r} in this event log{shape}: {holds}. "
                       "Check the drill id as the drill run printed it, and that this is the right database.")


def last_time(store: EventStore) -> int:
    """The hub time of the log's newest event (0: an empty log)."""
    last = next(store.read(max(store.last_gseq() - 1, 0), limit=1), None)
    return last[1].time if last is not None else 0
