"""The conditions a plan's steps tick on (``done_when``), each met by the event a dispatcher would point at."""

from __future__ import annotations

from typing import Any

import msgspec
from emergency_plans.checklist import Checklists
from emergency_plans.conditions import Judge, met_by
from emergency_plans.facts import FactBook, Mark
from emergency_plans.model import Condition

from dispatch_desktop.api import Category
from dispatch_desktop.api import events as ev
from tests.plugins.emergency_plans_log import DESK, INCIDENT, Log, knife_plan, ms


def judged(log: Log) -> Judge:
    book = FactBook()
    for event in log.events:
        book.apply(event)
    return Judge(book.facts(INCIDENT), book.unit_kind, lambda _step: None)


def condition(data: dict[str, Any]) -> Condition:
    return msgspec.convert(data, Condition)


def started() -> Log:
    log = Log()
    log.units()
    log.incident()
    return log


def test_acknowledged_counts_acks_and_arrivals_that_imply_one() -> None:
    log = started()
    for unit in ("pg-1", "pg-2"):
        log.dispatch(unit, 30)
    log.ack("pg-1", 40)
    two_acks = condition({"acknowledged": {"count": 2}})
    assert met_by(two_acks, judged(log)) is None
    arrival = log.arrive("pg-2", 90)  # never acknowledged: its arrival says it got the order
    assert met_by(two_acks, judged(log)) == Mark(arrival.gseq, ms(90), "arrival", "pg-2")


def test_a_referral_to_another_department_does_not_meet_a_referral_to_this_one() -> None:
    log = started()
    log.add(DESK, ev.IncidentReferred(incident=INCIDENT, department="city_management", reason="摆卖"), 60)
    assert met_by(condition({"referred": {"department": "street_office"}}), judged(log)) is None
    assert met_by(condition({"referred": {}}), judged(log)) is not None
    assert met_by(condition({"referred": {"department": "city_management"}}), judged(log)) is not None


def test_reclassified_and_closed_are_met_by_those_events() -> None:
    log = started()
    assert met_by(condition({"reclassified": {}}), judged(log)) is None
    changed = log.add(DESK, ev.IncidentReclassified(incident=INCIDENT, incident_type="terror", priority=1,
                                                    category=Category.POLICE), 70)
    assert met_by(condition({"reclassified": {}}), judged(log)) == Mark(changed.gseq, ms(70), "incident_reclassified")
    assert met_by(condition({"closed": {}}), judged(log)) is None
    closed = log.add(DESK, ev.IncidentClosed(incident=INCIDENT, disposition="resolved"), 900)
    assert met_by(condition({"closed": {}}), judged(log)) == Mark(closed.gseq, ms(900), "incident_closed")


def test_all_is_met_by_its_last_part_and_any_by_its_first() -> None:
    log = started()
    team = log.dispatch("rrt-1", 30)
    patrol = log.dispatch("pg-1", 35)
    both = condition({"all": [{"dispatched": {"capability": "rapid"}}, {"dispatched": {"capability": "patrol"}}]})
    either = condition({"any": [{"dispatched": {"capability": "patrol"}}, {"dispatched": {"capability": "rapid"}}]})
    assert met_by(both, judged(log)) == Mark(patrol.gseq, ms(35), "unit_dispatched", "pg-1")
    assert met_by(either, judged(log)) == Mark(team.gseq, ms(30), "unit_dispatched", "rrt-1")
    assert met_by(condition({"all": [{"dispatched": {"capability": "traffic"}}, {"closed": {}}]}), judged(log)) is None


def test_an_unticked_all_comes_back_only_when_one_of_its_parts_is_met_anew() -> None:
    log = started()
    log.dispatch("rrt-1", 30)
    log.dispatch("pg-1", 35)
    both = condition({"all": [{"dispatched": {"capability": "rapid"}}, {"dispatched": {"capability": "patrol"}}]})
    untick = len(log.events)  # the gseq of a manual untick made now
    log.note("nothing new", 40)
    assert met_by(both, judged(log), since=untick) is None
    more = log.dispatch("pg-2", 50)
    assert met_by(both, judged(log), since=untick) == Mark(more.gseq, ms(50), "unit_dispatched", "pg-2")


def test_a_step_waiting_on_a_later_step_ticks_with_it_in_the_same_event() -> None:
    plan = knife_plan(steps=[
        {"id": "report_up", "text": "Report up", "done_when": {"steps_done": ["rrt_arrived"]}},
        {"id": "rrt_arrived", "text": "Team on scene", "done_when": {"arrived": {"capability": "rapid"}}},
    ])
    log = started()
    log.activate(plan, 25)
    log.dispatch("rrt-1", 30)
    arrival = log.arrive("rrt-1", 100)
    checklists = Checklists()
    changed = [checklists.apply(event) for event in log.events]
    assert changed[-1] == {"act-1"}
    ticks = {view.step.id: view.tick for view in checklists.view("act-1", ms(100))}
    assert all(tick is not None and tick.mark.gseq == arrival.gseq for tick in ticks.values())
