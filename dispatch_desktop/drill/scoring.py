"""A drill's score: each expectation of its scenario checked against the drill's events.

Pure: the scenario, the drill's start, what was injected (each call's incident and when it came) and the
events are all it reads. An expectation is **met** when its check came true by its deadline, **missed** when
the deadline passed without it (the time it came true late, if it did, is still given: the debrief shows
each step's time against its target), **pending** while the deadline is still ahead (or its inject has not
come yet). "Now" is the newest event's hub time unless the caller says otherwise.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.drill.clock import DrillClock
from dispatch_desktop.drill.scenario import (
    Closed,
    Dispatched,
    Expectation,
    OnScene,
    PlanActivated,
    ReferredNotDispatched,
    Scenario,
    drill_ms,
)

PLANS_PLUGIN = "emergency_plans"
PLAN_ACTIVATED = "plan_activated"
"""The plans plugin's event that activates a plan on an incident (its data carries ``plan``)."""


class Outcome(enum.StrEnum):
    MET = "met"
    MISSED = "missed"
    PENDING = "pending"


@dataclass(frozen=True)
class ExpectationScore:
    id: str
    expectation: Expectation
    outcome: Outcome
    incident: str  # "" while its inject has not come
    deadline_ms: int | None  # wall time; None while the deadline's inject has not come
    met_at_ms: int | None  # when the check came true (also when it was late), else None
    points: int
    earned: int


@dataclass(frozen=True)
class DrillScore:
    scenario: str
    version: int
    expectations: tuple[ExpectationScore, ...]

    @property
    def earned(self) -> int:
        return sum(item.earned for item in self.expectations)

    @property
    def possible(self) -> int:
        return sum(item.points for item in self.expectations)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.expectations if item.outcome is outcome)


Injected = Mapping[str, tuple[str, int]]
"""inject id -> (the incident it made, "" for an inject that is no call; its time: wall time in epoch ms for
``score``, drill time for ``score_on_clock``)."""


def score(scenario: Scenario, start_ms: int, injected: Injected, events: Sequence[tuple[int, ev.Envelope]], *,
          now_ms: int | None = None, unit_kinds: Mapping[str, UnitKind] | None = None) -> DrillScore:
    """Every expectation of ``scenario`` against ``events`` (gseq, envelope) of the drill started at
    ``start_ms``. ``unit_kinds``: the kinds of real units (the simulated ones' come from the scenario, and any
    ``unit_registered`` among the events counts too)."""
    now = now_ms if now_ms is not None else max((_time(envelope) for _gseq, envelope in events), default=start_ms)
    kinds = _unit_kinds(scenario, events, unit_kinds or {})
    facts = _Facts.of(events)
    scored = []
    for expectation in scenario.expectations:
        incident, _at = injected.get(expectation.incident_inject, ("", 0))
        anchor = injected.get(expectation.deadline.inject)
        deadline = anchor[1] + drill_ms(expectation.deadline.within) if anchor is not None else None
        met_at = _met_at(expectation, incident, facts, kinds, deadline, now) if incident else None
        if met_at is not None and deadline is not None and met_at <= deadline:
            outcome = Outcome.MET
        elif (deadline is not None and now > deadline) or _broken(expectation, incident, facts):
            outcome = Outcome.MISSED
        elif deadline is None and now >= start_ms + scenario.duration_ms:
            outcome = Outcome.MISSED  # the drill is over and its inject never came
        else:
            outcome = Outcome.PENDING
        earned = expectation.points if outcome is Outcome.MET else 0
        scored.append(ExpectationScore(expectation.id, expectation, outcome, incident, deadline, met_at,
                                       expectation.points, earned))
    return DrillScore(scenario.id, scenario.version, tuple(scored))


def score_on_clock(scenario: Scenario, clock: DrillClock, injected: Injected,
                   events: Sequence[tuple[int, ev.Envelope]], now_ms: int, *,
                   unit_kinds: Mapping[str, UnitKind] | None = None) -> DrillScore:
    """``score`` in drill time, as the runner and the report both reckon it: ``injected`` gives each inject's
    drill time (ms since the start), ``now_ms`` is the drill time now, and every event's hub time is turned into
    drill time on ``clock``; so a deadline is drill time whatever the warp, and a pause does not count. The
    score's times are the start plus drill time."""
    base = clock.start_wall_ms
    timed = [(gseq, msgspec.structs.replace(event, t_hub=base + clock.drill_at(event.time)))
             for gseq, event in events]
    at_base = {inject: (incident, base + at) for inject, (incident, at) in injected.items()}
    return score(scenario, base, at_base, timed, now_ms=base + min(now_ms, scenario.duration_ms),
                 unit_kinds=unit_kinds)


def _time(envelope: ev.Envelope) -> int:
    return envelope.t_hub or envelope.t_src


def _unit_kinds(scenario: Scenario, events: Iterable[tuple[int, ev.Envelope]],
                given: Mapping[str, UnitKind]) -> dict[str, UnitKind]:
    kinds = {unit.id: unit.kind for unit in scenario.units.simulated}
    kinds.update((envelope.body.unit, envelope.body.unit_kind) for _gseq, envelope in events
                 if isinstance(envelope.body, ev.UnitRegistered))
    kinds.update(given)
    return kinds


@dataclass(frozen=True)
class _Facts:
    """The events that checks look at, by incident, in time order: (time, unit or department or plan)."""

    dispatched: Mapping[str, list[tuple[int, str]]]
    arrived: Mapping[str, list[tuple[int, str]]]
    referred: Mapping[str, list[tuple[int, str]]]
    plans: Mapping[str, list[tuple[int, str]]]
    closed: Mapping[str, list[tuple[int, str]]]

    @classmethod
    def of(cls, events: Sequence[tuple[int, ev.Envelope]]) -> _Facts:
        tables: dict[str, dict[str, list[tuple[int, str]]]] = {
            name: {} for name in ("dispatched", "arrived", "referred", "plans", "closed")}
        for _gseq, envelope in sorted(events, key=lambda item: (_time(item[1]), item[0])):
            fact = _fact(envelope)
            if fact is not None:
                table, incident, what = fact
                tables[table].setdefault(incident, []).append((_time(envelope), what))
        return cls(**tables)


def _fact(envelope: ev.Envelope) -> tuple[str, str, str] | None:
    body = envelope.body
    if isinstance(body, ev.UnitDispatched):
        return "dispatched", body.incident, body.unit
    if isinstance(body, ev.Arrival):
        return "arrived", body.incident, envelope.source  # a unit reports its own arrival
    if isinstance(body, ev.IncidentReferred):
        return "referred", body.incident, body.department
    if isinstance(body, ev.IncidentClosed):
        return "closed", body.incident, body.disposition
    if isinstance(body, ev.PluginEvent) and (body.plugin, body.name) == (PLANS_PLUGIN, PLAN_ACTIVATED):
        plan = _activated_plan(body.data)
        return ("plans", body.incident, plan) if plan else None
    return None


def _activated_plan(data: bytes) -> str:
    """The plan id in a ``plan_activated`` event's data (the plugin's own schema is not the core's to import:
    only its ``plan`` field is read)."""
    try:
        decoded = msgspec.msgpack.decode(data)
    except msgspec.DecodeError:
        return ""
    plan = decoded.get("plan") if isinstance(decoded, dict) else None
    return plan if isinstance(plan, str) else ""


def _met_at(expectation: Expectation, incident: str, facts: _Facts, kinds: Mapping[str, UnitKind],
            deadline: int | None, now: int) -> int | None:
    """When the check came true for ``incident`` (None: not yet)."""
    check = expectation.check
    if isinstance(check, Dispatched | OnScene):
        table = facts.dispatched if isinstance(check, Dispatched) else facts.arrived
        return _nth_unit(table.get(incident, []), check.kind, check.count, kinds)
    if isinstance(check, PlanActivated):
        return next((at for at, plan in facts.plans.get(incident, []) if plan == check.plan), None)
    if isinstance(check, ReferredNotDispatched):
        if facts.dispatched.get(incident):
            return None  # a unit was sent: that is what the expectation forbids
        wanted = check.department
        referred = next((at for at, department in facts.referred.get(incident, [])
                         if wanted is None or department == wanted), None)
        # Until the deadline passes a dispatch may still come: the referral counts once the deadline is behind.
        return referred if referred is not None and (deadline is None or now >= deadline) else None
    assert isinstance(check, Closed)
    closed = facts.closed.get(incident, [])
    return closed[0][0] if closed else None


def _broken(expectation: Expectation, incident: str, facts: _Facts) -> bool:
    """True when nothing can meet the expectation any more: a unit went to an incident to be referred."""
    return isinstance(expectation.check, ReferredNotDispatched) and bool(incident and facts.dispatched.get(incident))


def _nth_unit(facts: list[tuple[int, str]], kind: UnitKind | None, count: int,
              kinds: Mapping[str, UnitKind]) -> int | None:
    """The time the ``count``-th distinct unit (of ``kind``) appears in ``facts``."""
    seen: set[str] = set()
    for at, unit in facts:
        if unit not in seen and (kind is None or kinds.get(unit) is kind):
            seen.add(unit)
            if len(seen) == count:
                return at
    return None
