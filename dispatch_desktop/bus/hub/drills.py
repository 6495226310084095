"""The running drill's state in the hub: what it becomes when a batch is stored, and how a hub restarted
mid-drill finds it again in the log (PROTOCOL.md, section 9.8).

A drill's state is the live state at its ``drill_started``, in drill mode, with every stored event since
folded in, live ones too: a drill runs on the real city (real positions, real units' live work), with
incidents, orders and simulated units of its own that the live state never sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from dispatch_desktop.bus.hub.config import EventLog
from dispatch_desktop.bus.ratelog import RateLimitedLog
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.replay import Replay
from dispatch_desktop.domain.state import State


def drill_after(drill: State | None, live_before: State, events: Sequence[ev.Envelope],
                appended: Sequence[Any]) -> State | None:
    """The running drill's state once ``events`` are stored (``appended``: the store's answer for each):
    from ``drill``, its state before them (None: no drill ran), or, for a drill started among them, from the
    live state at its start (``live_before``, the live state before them, with the live events before the
    start). None once the drill has ended."""
    if drill is None and not any(type(event.body) is ev.DrillStarted for event in events):
        return None  # nearly every batch
    fresh = [event for event, result in zip(events, appended, strict=True) if not result.duplicate]
    starts = [index for index, event in enumerate(fresh) if type(event.body) is ev.DrillStarted]
    if starts:
        # A stored drill_started is an accepted one (a refused one is stored as ``refused``), so any drill
        # before it ended before it: the new drill owes nothing to the old one's state.
        start = starts[-1]
        live = Replay(live_before)
        for event in fresh[:start]:
            live.event(event)
        drill, fresh = msgspec.structs.replace(live.state, mode=Mode.DRILL), fresh[start:]
    elif drill is None:
        return None  # the drill_started among them was a resend of one stored before
    replay = Replay(drill)
    for event in fresh:
        replay.event(event)
    folded = replay.state
    return folded if folded.drill is not None else None


def rebuild_drill(store: EventLog, live: State, log: RateLimitedLog) -> State | None:
    """The running drill's state as the log holds it (``live``: the live state now, which says whether a
    drill runs): the live state just before its ``drill_started`` (from the live keyframe before it), in
    drill mode, with every event since. Events of earlier drills are not in it."""
    running = live.drill
    if running is None:
        return None
    found = store.get(running.source, running.seq)
    if found is None:  # the live state says it was stored: only a damaged log gets here
        log.warning("drill_lost", "drill %s: its drill_started (%s#%d) is not in the log; drill events are "
                    "refused until it is ended", running.drill, running.source, running.seq)
        return None
    return store.state_at(mode=Mode.DRILL, drill_start=found[0])
