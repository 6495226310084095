"""Whether a step's condition (``done_when``) is met by an incident's facts, and by which event.

``met_by(condition, judge, since)`` answers with the ``Mark`` of the event that made the condition true, or
None. ``since`` is the gseq of a manual untick: a tick taken back by hand comes back only when a NEW event
(gseq > since) is one of those that make the condition true — "3 units dispatched" unticked with three units
out comes back when a fourth qualifying unit is dispatched, not when someone writes a note. With ``since``
= ``NEVER_UNTICKED`` every fact counts and the mark is the event that completed the condition (the second
patrol's dispatch for "2 patrols dispatched").

Marks order as (gseq, time, …): the later of two marks is the one later in the log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from emergency_plans.facts import IncidentFacts, Mark, UnitKindOf
from emergency_plans.model import Condition, UnitCount

NEVER_UNTICKED = -1


@dataclass(frozen=True)
class Judge:
    """What a condition is judged on: the incident's facts, the kinds of units, and the marks of the other
    steps of the same checklist that are done (for ``steps_done``)."""

    facts: IncidentFacts
    unit_kind: UnitKindOf
    step_done: Callable[[str], Mark | None]


def met_by(condition: Condition, judge: Judge, since: int = NEVER_UNTICKED) -> Mark | None:
    """The event that makes ``condition`` true now, and that is later than ``since``; None if none does."""
    facts = judge.facts
    if condition.all_of is not None:
        return _all(condition.all_of, judge, since)
    if condition.any_of is not None:
        return _earliest(met_by(part, judge, since) for part in condition.any_of)
    if condition.dispatched is not None:
        return _count(_of_kind(facts.dispatched, condition.dispatched, judge), condition.dispatched.count, since)
    if condition.acknowledged is not None:
        return _count(_of_kind(facts.acknowledged, condition.acknowledged, judge), condition.acknowledged.count,
                      since)
    if condition.arrived is not None:
        return _count(_of_kind(facts.arrived, condition.arrived, judge), condition.arrived.count, since)
    if condition.on_scene is not None:
        needed = condition.on_scene.count
        return _first_after((mark for mark, count in facts.arrivals_on_scene if count >= needed), since)
    if condition.referred is not None:
        department = condition.referred.department
        return _first_after((mark for name, mark in facts.referrals if department in (None, name)), since)
    if condition.closed is not None:
        return _first_after((facts.closed,) if facts.closed else (), since)
    if condition.reclassified is not None:
        return _first_after(facts.reclassifications, since)
    if condition.field_record is not None:
        record = condition.field_record.record
        return _first_after((mark for kind, mark in facts.records if kind == record), since)
    if condition.note is not None:
        words = [word.casefold() for word in condition.note.words]
        return _first_after((mark for text, mark in facts.notes if any(word in text.casefold() for word in words)),
                            since)
    if condition.steps_done is not None:
        return _steps_done(condition.steps_done, judge, since)
    return None  # no key set: the library refuses such a plan, so nothing ever meets it


def _of_kind(units: dict[str, Mark], wanted: UnitCount, judge: Judge) -> list[Mark]:
    """The marks of those units of the wanted kind (any kind when the condition names none), oldest first."""
    capability = wanted.capability
    return sorted(mark for unit, mark in units.items()
                  if capability is None or judge.unit_kind(unit) == capability.value)


def _count(marks: Sequence[Mark], needed: int, since: int) -> Mark | None:
    """At least ``needed`` units now, and one of them new since ``since``: the later of the event that
    brought the count to ``needed`` and the first new one."""
    if len(marks) < needed:
        return None
    fresh = _first_after(marks, since)
    return None if fresh is None else max(marks[needed - 1], fresh)


def _first_after(marks: Iterable[Mark], since: int) -> Mark | None:
    return _earliest(mark for mark in marks if mark.gseq > since)


def _earliest(marks: Iterable[Mark | None]) -> Mark | None:
    present = [mark for mark in marks if mark is not None]
    return min(present) if present else None


def _all(parts: Sequence[Condition], judge: Judge, since: int) -> Mark | None:
    """Every part true (whenever), and at least one made true by an event after ``since``: the later of the
    last part to come true and the first part newly true."""
    ever = [met_by(part, judge) for part in parts]
    if any(mark is None for mark in ever):
        return None
    fresh = _earliest(met_by(part, judge, since) for part in parts)
    return None if fresh is None else max([fresh, *(mark for mark in ever if mark is not None)])


def _steps_done(steps: Sequence[str], judge: Judge, since: int) -> Mark | None:
    """The named steps all done: the tick of the last of them (itself new since ``since``)."""
    marks = [judge.step_done(step) for step in steps]
    if any(mark is None for mark in marks):
        return None
    last = max(mark for mark in marks if mark is not None)
    return last if last.gseq > since else None
