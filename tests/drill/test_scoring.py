"""A drill is scored against its own events: each expectation met by its deadline, missed (with the late time
it came true, if it did) or still pending; a plan activation is read from the plans plugin's event, a
referral counts only when no unit went."""

from __future__ import annotations

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Mode, UnitKind
from dispatch_desktop.drill.loading import drill_unit_kinds, load_scenario, shipped_files
from dispatch_desktop.drill.scenario import (
    Closed,
    Dispatched,
    OnScene,
    PlanActivated,
    ReferredNotDispatched,
    Scenario,
    drill_ms,
)
from dispatch_desktop.drill.scoring import DrillScore, Outcome, score

START = 1_800_000_000_000
SECOND = 1000

SCENARIO = """\
format: 1
id: scoring_test
version: 3
title: {zh: 评分, en: Scoring}
description: {zh: 评分, en: Scoring}
duration: "+20:00"
units:
  enrolled: [RR-01, PG-1, PG-2]
  simulated: [{id: DRILL-PG-9, kind: patrol, station: S-440104-14, place: 广州站, call_sign: 演练巡9组}]
injects:
  - {id: knife, at: "+00:30", call: {caller: 甲, number: "13800000001", place: 广州站, type: knife_attack,
                                     description: 持刀}}
  - {id: noise, at: "+02:00", call: {caller: 乙, number: "13800000002", place: 广州站, type: noise, description: 吵}}
  - {id: late_call, at: "+15:00", call: {caller: 丙, number: "13800000003", place: 广州站, type: theft,
                                         description: 偷}}
expectations:
  - {id: rapid, text: {zh: 突击队, en: Rapid}, points: 30, deadline: {inject: knife, within: "+01:00"},
     dispatched: {kind: rapid}}
  - {id: two_patrols, text: {zh: 两巡组, en: Two patrols}, points: 20, deadline: {inject: knife, within: "+02:00"},
     dispatched: {kind: patrol, count: 2}}
  - {id: plan, text: {zh: 预案, en: Plan}, points: 15, deadline: {inject: knife, within: "+02:00"},
     plan_activated: {plan: railway_knife_attack_guangzhou_station}}
  - {id: on_scene, text: {zh: 到场, en: On scene}, points: 10, deadline: {inject: knife, within: "+05:00"},
     on_scene: {count: 2}}
  - {id: referred, text: {zh: 移交, en: Referred}, points: 10, deadline: {inject: noise, within: "+03:00"},
     referred_not_dispatched: {department: environment}}
  - {id: closed, text: {zh: 结案, en: Closed}, points: 5, deadline: {inject: knife, within: "+15:00"}, closed: {}}
  - {id: late_dispatched, text: {zh: 派警, en: Sent}, points: 5, deadline: {inject: late_call, within: "+02:00"},
     dispatched: {}}
"""


def scenario() -> Scenario:
    loaded, problems = load_scenario(SCENARIO, "scoring.yaml", None)
    assert problems == [] and loaded is not None
    return loaded


KINDS = {"RR-01": UnitKind.RAPID_RESPONSE, "PG-1": UnitKind.PATROL_GROUP, "PG-2": UnitKind.PATROL_GROUP}
INJECTED = {"knife": ("J-D-1", START + 30 * SECOND), "noise": ("J-D-2", START + 120 * SECOND)}


def events(*timed: tuple[int, str, ev.AnyBody]) -> list[tuple[int, ev.Envelope]]:
    """(seconds after the start, source, body) as drill envelopes, in gseq order."""
    return [(gseq, ev.envelope(source, gseq, body, START + seconds * SECOND, t_hub=START + seconds * SECOND,
                               mode=Mode.DRILL))
            for gseq, (seconds, source, body) in enumerate(timed, start=1)]


def plan_activated(incident: str, plan: str) -> ev.PluginEvent:
    data = msgspec.msgpack.encode({"activation": f"{incident}:{plan}:1", "plan": plan, "version": 1,
                                   "incident": incident, "title": "预案", "steps": []})
    return ev.PluginEvent(plugin="emergency_plans", name="plan_activated", data=data, incident=incident)


def outcomes(result: DrillScore) -> dict[str, tuple[Outcome, int | None]]:
    return {item.id: (item.outcome, None if item.met_at_ms is None else (item.met_at_ms - START) // SECOND)
            for item in result.expectations}


def test_a_well_run_drill_meets_every_expectation_with_the_times_it_was_met() -> None:
    log = events(
        (55, "ws-1", ev.UnitDispatched(incident="J-D-1", unit="RR-01")),
        (70, "ws-1", ev.UnitDispatched(incident="J-D-1", unit="PG-1")),
        (80, "ws-1", plan_activated("J-D-1", "railway_knife_attack_guangzhou_station")),
        (95, "ws-1", ev.UnitDispatched(incident="J-D-1", unit="DRILL-PG-9")),
        (150, "ws-1", ev.IncidentReferred(incident="J-D-2", department="environment", reason="噪音")),
        (160, "RR-01", ev.Arrival(incident="J-D-1")),
        (200, "PG-1", ev.Arrival(incident="J-D-1")),
        (600, "ws-1", ev.IncidentClosed(incident="J-D-1", disposition="resolved")),
    )
    result = score(scenario(), START, INJECTED, log, now_ms=START + 20 * 60 * SECOND, unit_kinds=KINDS)
    assert outcomes(result) == {
        "rapid": (Outcome.MET, 55), "two_patrols": (Outcome.MET, 95), "plan": (Outcome.MET, 80),
        "on_scene": (Outcome.MET, 200), "referred": (Outcome.MET, 150), "closed": (Outcome.MET, 600),
        "late_dispatched": (Outcome.MISSED, None),  # its call never came, and the drill is over
    }
    assert (result.earned, result.possible) == (90, 95)
    assert result.expectations[0].deadline_ms == START + 90 * SECOND
    assert result.expectations[0].incident == "J-D-1"


def test_late_wrong_or_forbidden_actions_are_missed_and_open_ones_pending() -> None:
    log = events(
        (40, "ws-1", ev.UnitDispatched(incident="J-D-1", unit="PG-1")),  # a patrol first: not the rapid team
        (100, "ws-1", ev.UnitDispatched(incident="J-D-1", unit="RR-01")),  # 70 s after the call: late
        (110, "ws-1", plan_activated("J-D-1", "bus_arson")),  # another plan
        (130, "ws-1", ev.UnitDispatched(incident="J-D-2", unit="PG-2")),  # a unit sent to a noise complaint
        (140, "ws-1", ev.IncidentReferred(incident="J-D-2", department="environment", reason="噪音")),
        (150, "ws-1", ev.UnitDispatched(incident="J-D-1", unit="PG-1")),  # the same patrol again: still one
    )
    result = score(scenario(), START, INJECTED, log, now_ms=START + 200 * SECOND, unit_kinds=KINDS)
    assert outcomes(result) == {
        "rapid": (Outcome.MISSED, 100), "two_patrols": (Outcome.MISSED, None), "plan": (Outcome.MISSED, None),
        "on_scene": (Outcome.PENDING, None), "referred": (Outcome.MISSED, None), "closed": (Outcome.PENDING, None),
        "late_dispatched": (Outcome.PENDING, None),
    }
    assert result.earned == 0 and result.count(Outcome.PENDING) == 3
    later = score(scenario(), START, INJECTED, log, now_ms=START + 400 * SECOND, unit_kinds=KINDS)
    assert outcomes(later)["referred"] == (Outcome.MISSED, None)  # referred in time, but a unit went


def test_a_referral_is_pending_until_its_deadline_passes_without_a_unit_sent() -> None:
    log = events((150, "ws-1", ev.IncidentReferred(incident="J-D-2", department="environment", reason="噪音")))
    before = score(scenario(), START, INJECTED, log, now_ms=START + 200 * SECOND, unit_kinds=KINDS)
    after = score(scenario(), START, INJECTED, log, now_ms=START + 301 * SECOND, unit_kinds=KINDS)
    assert outcomes(before)["referred"] == (Outcome.PENDING, None)
    assert outcomes(after)["referred"] == (Outcome.MET, 150)
    wrong = events((150, "ws-1", ev.IncidentReferred(incident="J-D-2", department="health", reason="噪音")))
    assert outcomes(score(scenario(), START, INJECTED, wrong, now_ms=START + 301 * SECOND))["referred"][0] \
        is Outcome.MISSED


def test_unit_kinds_come_from_the_scenario_and_the_units_registered_in_the_events() -> None:
    log = events(
        (0, "hub", ev.UnitRegistered(unit="RR-01", unit_kind=UnitKind.RAPID_RESPONSE, station="S-440104-02",
                                     name="羊城突击队一队")),
        (50, "ws-1", ev.UnitDispatched(incident="J-D-1", unit="RR-01")),
        (60, "ws-1", ev.UnitDispatched(incident="J-D-1", unit="DRILL-PG-9")),
    )
    result = score(scenario(), START, INJECTED, log, now_ms=START + 60 * SECOND)  # no kinds given
    assert outcomes(result)["rapid"] == (Outcome.MET, 50)
    assert outcomes(result)["two_patrols"] == (Outcome.PENDING, None)  # one patrol (the simulated one) so far


def perfect_run(scenario: Scenario, kinds: dict[str, UnitKind]) -> tuple[dict[str, tuple[str, int]],
                                                                           list[tuple[int, ev.Envelope]]]:
    """Each call injected as planned, and each expectation done 5 s before its deadline by the drill's units."""
    offsets = scenario.planned_offsets()
    injected = {inject.id: (f"J-D-{inject.id}", START + offsets[inject.id]) for inject in scenario.injects
                if inject.call is not None}
    timed: list[tuple[int, str, ev.AnyBody]] = []
    for expectation in scenario.expectations:
        incident = injected[expectation.incident_inject][0]
        seconds = (offsets[expectation.deadline.inject] + drill_ms(expectation.deadline.within)) // SECOND - 5
        check = expectation.check
        if isinstance(check, Dispatched | OnScene):
            units = [unit for unit, kind in sorted(kinds.items()) if check.kind is None or kind is check.kind]
            for unit in units[:check.count]:
                timed.append((seconds, "ws-1", ev.UnitDispatched(incident=incident, unit=unit)))
                if isinstance(check, OnScene):
                    timed.append((seconds, unit, ev.Arrival(incident=incident)))
        elif isinstance(check, PlanActivated):
            timed.append((seconds, "ws-1", plan_activated(incident, check.plan)))
        elif isinstance(check, ReferredNotDispatched):
            department = check.department or "environment"
            referred = ev.IncidentReferred(incident=incident, department=department, reason="移交")
            timed.append((seconds, "ws-1", referred))
        else:
            assert isinstance(check, Closed)
            timed.append((seconds, "ws-1", ev.IncidentClosed(incident=incident, disposition="resolved")))
    return injected, events(*sorted(timed, key=lambda item: item[0]))


def test_a_perfect_run_of_each_shipped_scenario_earns_every_point(city: City) -> None:
    for path in shipped_files():
        scenario, problems = load_scenario(path.read_text(encoding="utf-8"), path.name, city)
        assert scenario is not None, problems
        kinds = drill_unit_kinds(scenario, city)
        injected, log = perfect_run(scenario, kinds)
        result = score(scenario, START, injected, log, now_ms=START + scenario.duration_ms, unit_kinds=kinds)
        assert [item.id for item in result.expectations if item.outcome is not Outcome.MET] == [], path.name
        assert result.earned == result.possible == 100, path.name
