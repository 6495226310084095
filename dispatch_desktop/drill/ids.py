"""A drill's id: ``D-YYYYMMDD-NN``, the day's next number in the command center's zone."""

from __future__ import annotations

import datetime as dt

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.localtime import local, zone
from dispatch_desktop.store import EventStore


def next_drill_id(store: EventStore | None, now_ms: int) -> str:
    """Numbered after the drills ``store``'s log holds for the day of ``now_ms`` (None: a remote hub's log is not
    at hand, -01). ``ValueError`` past the day's 99th."""
    today = local(now_ms)
    prefix = f"D-{today:%Y%m%d}-"
    taken = 0
    if store is not None:
        midnight = int(dt.datetime(today.year, today.month, today.day, tzinfo=zone()).timestamp() * 1000)
        for _gseq, event in store.read_time_range(midnight, now_ms + 1, positions_of=()):
            body = event.body
            if isinstance(body, ev.DrillStarted) and body.drill.startswith(prefix):
                taken = max(taken, int(body.drill[-2:]))
    if taken >= 99:
        raise ValueError(f"{prefix}99 was the day's last drill id")
    return f"{prefix}{taken + 1:02d}"
