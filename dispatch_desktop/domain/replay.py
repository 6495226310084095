"""Replaying a long stretch of the log: ``apply_all``'s result, with position reports folded per unit.

Rebuilding the state at a moment of the day replays everything since the keyframe before it, and
almost all of that is position reports (1,100 patrol groups every 5 s). Through ``apply`` each report
costs a decoded envelope, a new Unit, a new HAMT path and a new State, and all but the last of them are
overwritten a few seconds later. ``Replay`` keeps, per unit, only the fix that currently stands and
writes the standing fixes into the state when something else needs them, so a report costs a couple of
lookups and its body is decoded only if it is still standing at the end.

Why the result is exactly ``apply_all``'s (``tests/domain/test_fast_replay.py`` checks it on random
logs with late fixes, drills and unknown units):

- a position report changes nothing but its own unit's lat, lon, heading, speed and last_report, and
  it stands iff its report time (``projection.report_time``: the source time, capped at the hub's) is
  at or after the unit's last_report (``projection._position``);
- no other transition reads lat, lon, heading or speed, and the only way they change last_report is
  by raising it to the event's report time (``max``), so a unit's last_report is the running maximum
  of what was folded in, whichever order the folding took; the exceptions, ``WRITES_UNIT_POSITION``,
  get the standing fixes written into the state before they are applied;
- the call kinds (``call_offered``, ``call_answered``, ``call_ended``, ``call_closed``, and
  ``incident_created`` naming a call) read and write ``calls`` and incidents only, never a unit, so they
  fold through ``apply`` like any other command, with the standing fixes left where they are;
- units are never removed, and ``apply`` bumps ``time`` and ``applied`` the same way for every event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.projection import apply, report_time
from dispatch_desktop.domain.state import State

WRITES_UNIT_POSITION: frozenset[type[ev.Body]] = frozenset({ev.Sos, ev.UnitRegistered})
"""Event kinds other than ``Position`` whose transition sets a unit's coordinates."""

PositionDecoder = Callable[[Any], ev.Position]
_replace = msgspec.structs.replace


def _given(payload: Any) -> ev.Position:
    raise TypeError(f"no decoder for a position payload of type {type(payload).__name__}")


class Replay:
    """Folds events into ``state`` in log order; ``state`` (the property) is ``apply_all`` of them.

    ``event`` takes envelopes (the hub's and a workstation's batches). ``position`` is the fast path for
    a stored position report given as its columns and its body still encoded (``decode`` turns such a
    payload into the ``Position``, and is called only for fixes that end up standing); it returns False
    when it cannot fold the report (its source is not a unit: the caller then passes the whole envelope
    to ``event``, which records the refusal as ``apply`` does).
    """

    def __init__(self, state: State, decode: PositionDecoder = _given) -> None:
        self._state = state
        self._decode = decode
        self._drops_drills = state.mode is Mode.LIVE
        self._standing: dict[str, tuple[int, Any]] = {}  # unit id -> (report time, payload)
        self._time = state.time
        self._applied = state.applied

    def position(self, source: str, t_src: int, t_hub: int, drill: bool, payload: Any) -> bool:
        if drill and self._drops_drills:
            return True  # a live state ignores drill events altogether (see ``apply``)
        unit = self._state.units.get(source)
        if unit is None:
            return False
        last_report = unit.last_report
        standing = self._standing.get(source)
        if standing is not None and standing[0] > last_report:
            last_report = standing[0]
        made = report_time(t_src, t_hub)
        if made >= last_report:
            self._standing[source] = (made, payload)
        time = t_hub or t_src
        if time > self._time:
            self._time = time
        self._applied += 1
        return True

    def event(self, event: ev.Envelope) -> None:
        body_type = type(event.body)
        if body_type is ev.Position and self.position(
            event.source, event.t_src, event.t_hub, event.mode is Mode.DRILL, event.body
        ):
            return
        if body_type in WRITES_UNIT_POSITION:
            self._write_standing_fixes()
        self._state = apply(self._settled_counters(), event)
        self._time, self._applied = self._state.time, self._state.applied

    @property
    def state(self) -> State:
        self._write_standing_fixes()
        return self._settled_counters()

    def _settled_counters(self) -> State:
        state = self._state
        if state.time != self._time or state.applied != self._applied:
            state = self._state = _replace(state, time=self._time, applied=self._applied)
        return state

    def _write_standing_fixes(self) -> None:
        if not self._standing:
            return
        decode = self._decode
        with self._state.units.mutate() as units:
            for unit_id, (made, payload) in self._standing.items():
                unit = units[unit_id]
                fix = payload if type(payload) is ev.Position else decode(payload)
                units[unit_id] = _replace(
                    unit, lat=fix.lat, lon=fix.lon, heading=fix.heading, speed=fix.speed,
                    last_report=max(made, unit.last_report),
                )
            self._state = _replace(self._state, units=units.finish())
        self._standing.clear()
