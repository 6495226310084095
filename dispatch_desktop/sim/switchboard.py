"""The simulated city's telephones: a telephony gateway that rings 110 calls in, and a call-taker.

Every call of the stream rings first: the gateway (its own workstation, role ``telephony``) offers it
with the caller's number and location (``phone.ring``). The simulated call-taker picks it up after a
human ring time, but only if it still rings by then, as far as the simulator has seen: a call that a
person at a desk answered is theirs, and the simulator never touches it. A call it did answer it enters
as an incident, numbered in the desks' scheme (``numbers``). The caller hangs up after talking a while;
a caller nobody answers gives up after a while (``call_ended``, ``abandoned``).

The gateway ends a call only once the hub has answered its offer (the protocol's order rule): a hub that
stored the end before a resent offer would have that call ring for ever.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import BBox
from dispatch_desktop.domain.enums import IncidentOrigin
from dispatch_desktop.domain.state import State
from dispatch_desktop.sim.calls import CallStream
from dispatch_desktop.sim.numbers import IncidentNumbers
from dispatch_desktop.sim.phone import Ringing, Telephony, ring

_ANSWER, _ENTER, _GIVE_UP, _HANG_UP, _END = "answer", "enter", "give_up", "hang_up", "end"
_LOOK_AGAIN_MS = 1_000  # a call not on the call-taker's screen yet: look again this much later
RESTARTED = "simulator_restart"
"""``call_ended.reason`` and ``call_closed.disposition`` for the calls a restarted simulator finds its
predecessor left: it neither holds their lines nor knows what their callers said."""


@dataclass(frozen=True)
class Desks:
    """Who the simulator is on the telephone side: its gateway, and its call-taker's desk and name."""

    phone: str
    desk: str
    operator: str
    answers: bool  # False: the call-taker stays away and people answer every call


@dataclass
class _Line:
    ringing: Ringing
    rang_at: int  # when it rang, on the desks' clock: the incident's call time
    settled: bool = False  # the hub has answered the offer (only then may the line end)
    answered_by: str = ""  # as seen accepted, or this desk's own answer once sent
    ours: bool = False  # the simulated call-taker has it (its answer sent and not refused)
    talking: bool = False  # the caller's hang-up is planned
    entered: bool = False
    end: str = ""  # a reason to send once the offer is settled
    ended: bool = False

    @property
    def done(self) -> bool:
        """Nothing more to send for it."""
        return self.ended and (not self.ours or self.entered)


class Switchboard:
    def __init__(self, stream: CallStream, telephony: Telephony, desks: Desks, *, seed: int, area: BBox,
                 numbers: IncidentNumbers, wire: Callable[[int], int]) -> None:
        """``wire``: simulated time to the time it goes out as (an incident's call time, and its number's
        date, are the desks' clock's)."""
        self.stream = stream
        self.telephony = telephony
        self.desks = desks
        self.seed = seed
        self.area = area
        self.numbers = numbers
        self.wire = wire
        self._lines: dict[str, _Line] = {}
        self._queue: list[tuple[int, int, str, str]] = []
        self._counter = 0

    # --- what happened --------------------------------------------------------------------------------

    def join(self, state: State) -> list[tuple[str, ev.AnyBody]]:
        """The hub's state on joining; returns what to send first: an earlier run's gateway can no longer
        end its calls and its call-taker no longer enter theirs, so this one ends and closes them."""
        self.numbers.learn(state)
        out: list[tuple[str, ev.AnyBody]] = []
        for call in sorted(state.calls.values(), key=lambda c: c.id):
            if call.source == self.desks.phone and not call.ended_at:
                out.append((self.desks.phone, ev.CallEnded(call=call.id, reason=RESTARTED)))
            if call.answered_by == self.desks.desk:
                out.append((self.desks.desk, ev.CallClosed(call=call.id, disposition=RESTARTED,
                                                           operator=self.desks.operator)))
        return out

    def resync(self, state: State, now_ms: int) -> None:
        """After missing part of the stream: who answered which call is taken from the state."""
        self.numbers.learn(state)
        for call_id, line in self._lines.items():
            call = state.calls.get(call_id)
            if call is not None:
                self._offer_settled(line, now_ms)
                if call.answered_by:
                    self._answered(line, call.answered_by, now_ms)

    def observe(self, event: ev.Envelope, now_ms: int) -> None:
        body = event.body
        if isinstance(body, ev.IncidentCreated):
            if event.source == self.desks.desk:
                self.numbers.seen(body.incident)
            return
        line = self._lines.get(getattr(body, "call", ""))
        if line is None:
            return
        if isinstance(body, ev.CallOffered) and event.source == self.desks.phone:
            self._offer_settled(line, now_ms)
        elif isinstance(body, ev.CallAnswered):
            self._answered(line, event.source, now_ms)

    def answered(self, command: ev.AnyBody, accepted: bool, now_ms: int) -> None:
        """The hub's answer to something the gateway or the call-taker sent."""
        line = self._lines.get(getattr(command, "call", ""))
        if line is None:
            return
        if isinstance(command, ev.CallOffered):
            if not accepted:  # the hub never had it: nothing to end
                del self._lines[command.call]
                return
            self._offer_settled(line, now_ms)
        elif isinstance(command, ev.CallAnswered) and not accepted:
            line.ours = False  # someone was quicker, or the caller had given up
            if line.answered_by == self.desks.desk:
                line.answered_by = ""
                # Its giving up was skipped while the answer was out: look at it again.
                self._schedule(max(now_ms, line.ringing.give_up_ms), _GIVE_UP, line.ringing.id)

    # --- what to do -----------------------------------------------------------------------------------

    def next_time(self) -> int:
        ringing = self.stream.next_time()
        return min(ringing, self._queue[0][0]) if self._queue else ringing

    def fire(self, now_ms: int) -> list[tuple[str, ev.AnyBody]]:
        """The earliest thing due (at or before ``now_ms``): (who sends it, the body)."""
        if not self._queue or self.stream.next_time() < self._queue[0][0]:
            return self._ring()
        _, _, step, call_id = heapq.heappop(self._queue)
        line = self._lines.get(call_id)
        if line is None:
            return []
        if step == _ANSWER:
            return self._answer(line, now_ms)
        if step == _ENTER:
            return self._enter(line)
        if step == _GIVE_UP:
            return [] if line.answered_by else self._end(line, "abandoned")
        return self._end(line, line.end or "hangup")  # _HANG_UP, or _END once the offer is settled

    def _ring(self) -> list[tuple[str, ev.AnyBody]]:
        ringing = ring(self.stream.pop(), self.telephony, seed=self.seed, area=self.area)
        self._lines[ringing.id] = _Line(ringing, rang_at=self.wire(ringing.call_ms))
        self._schedule(ringing.give_up_ms, _GIVE_UP, ringing.id)
        if self.desks.answers:
            self._schedule(ringing.answer_ms, _ANSWER, ringing.id)
        return [(self.desks.phone, ringing.offer)]

    def _answer(self, line: _Line, now_ms: int) -> list[tuple[str, ev.AnyBody]]:
        if line.answered_by or line.ended:
            return []  # a person has it, or the caller is gone
        if not line.settled:  # not on the call-taker's screen yet
            self._schedule(now_ms + _LOOK_AGAIN_MS, _ANSWER, line.ringing.id)
            return []
        line.ours, line.answered_by = True, self.desks.desk
        self._schedule(max(line.ringing.entered_ms, now_ms), _ENTER, line.ringing.id)
        return [(self.desks.desk, ev.CallAnswered(call=line.ringing.id, operator=self.desks.operator))]

    def _enter(self, line: _Line) -> list[tuple[str, ev.AnyBody]]:
        if not line.ours:
            return []
        line.entered = True
        self._forget_if_done(line)
        ringing = line.ringing
        report = msgspec.structs.replace(
            ringing.report, incident=self.numbers.next(line.rang_at), call_time=line.rang_at, call=ringing.id,
            origin=IncidentOrigin.CALL, simulated=True, operator=self.desks.operator)
        return [(self.desks.desk, report)]

    def _end(self, line: _Line, reason: str) -> list[tuple[str, ev.AnyBody]]:
        if line.ended:
            return []
        if not line.settled:
            line.end = reason  # sent once the hub has answered the offer
            return []
        line.ended = True
        self._forget_if_done(line)
        return [(self.desks.phone, ev.CallEnded(call=line.ringing.id, reason=reason))]

    # --- bookkeeping ----------------------------------------------------------------------------------

    def _offer_settled(self, line: _Line, now_ms: int) -> None:
        if line.settled:
            return
        line.settled = True
        if line.end:
            self._schedule(now_ms, _END, line.ringing.id)

    def _answered(self, line: _Line, desk: str, now_ms: int) -> None:
        if desk != self.desks.desk:
            line.ours = False  # a person has it: the simulator's own answer, if sent, will be refused
        line.answered_by = desk
        if not line.talking:
            line.talking = True
            self._schedule(now_ms + line.ringing.talk_ms, _HANG_UP, line.ringing.id)

    def _forget_if_done(self, line: _Line) -> None:
        if line.done:
            del self._lines[line.ringing.id]

    def _schedule(self, at_ms: int, step: str, call_id: str) -> None:
        self._counter += 1
        heapq.heappush(self._queue, (at_ms, self._counter, step, call_id))

