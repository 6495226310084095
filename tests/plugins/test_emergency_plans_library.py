"""Emergency plans: a plan file is read with every problem named by file, line and field, checked against
the city's codes, and the shipped plans are whole, realistic and load clean (Qt-free)."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from emergency_plans.geo import distance_m
from emergency_plans.library import SHIPPED_PLANS, load_library, load_plan, load_shipped
from emergency_plans.model import RecordKind
from emergency_plans.reference import Reference, default_reference

from dispatch_desktop.domain.enums import FieldRecordKind

PLAN = """\
id: railway_test
version: 1
title: {zh: 火车站测试预案, en: Railway test plan}
trigger:
  incident_types: [knife_attack]
  min_priority: 2
  area:
    districts: ["440104"]
    places: [{place: P-440104-guangzhouzhan, radius_m: 800}]
  time_windows: [{from: "07:00", to: "23:00"}]
steps:
  - id: rapid_dispatched
    text: {zh: 派突击队, en: Dispatch the rapid-response team}
    deadline: {minutes: 1, from: call}
    done_when: {dispatched: {capability: rapid, count: 1}}
    escalate: {to: shift_commander, text: 突击队未派出}
  - id: on_scene
    text: 三支力量在场
    deadline: {minutes: 5, from: first_dispatch}
    done_when: {all: [{on_scene: {count: 3}}, {steps_done: [rapid_dispatched]}]}
force_points:
  - {id: fp1, name: 站前广场, lat: 23.149, lon: 113.254, capability: rapid}
"""


@pytest.fixture(scope="module")
def reference() -> Reference:
    return default_reference()


def problems_of(text: str, reference: Reference | None = None) -> list[str]:
    plan, problems = load_plan(text, "railway.yaml", reference)
    assert (plan is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_a_valid_plan_loads_with_its_texts_conditions_and_positions(reference: Reference) -> None:
    plan, problems = load_plan(PLAN, "railway.yaml", reference)
    assert problems == []
    assert plan is not None
    assert plan.trigger.time_windows[0].start_minute == 7 * 60
    assert plan.steps[0].done_when is not None and plan.steps[0].done_when.kind == "dispatched"
    assert plan.steps[1].done_when is not None and plan.steps[1].done_when.kind == "all"
    assert plan.steps[0].deadline is not None and plan.steps[0].deadline.ms == 60_000


def test_a_wrong_value_is_named_by_file_line_and_field_with_what_is_allowed() -> None:
    text = PLAN.replace("from: call}", "from: start}")
    assert problems_of(text) == ['railway.yaml:14: steps[0].deadline.from: expected one of call, created, '
                                 'first_dispatch, first_arrival, activated, got "start"']


def test_every_broken_field_of_a_file_is_reported_not_only_the_first() -> None:
    text = (PLAN.replace('districts: ["440104"]', "districts: [440104]")
            .replace('from: "07:00"', "from: 7:00")
            .replace("count: 1}}\n", "count: 0}}\n", 1)
            .replace("    text: 三支力量在场\n", "    text: 三支力量在场\n    mandatry: false\n"))
    assert problems_of(text) == [
        "railway.yaml:8: trigger.area.districts[0]: expected text, got the number 440104; put it in quotes",
        'railway.yaml:10: trigger.time_windows[0].from: expected a local time "HH:MM" from 00:00 to 24:00 '
        '(in quotes), got "7:00"',
        "railway.yaml:15: steps[0].done_when.dispatched.count: must be at least 1, got the number 0",
        "railway.yaml:19: steps[1].mandatry: unknown key; expected one of id, text, owner, deadline, mandatory, "
        "done_when, escalate",
    ]


def test_yaml_1_1_surprises_stay_text_and_yes_is_not_a_boolean() -> None:
    plan, problems = load_plan(PLAN.replace('to: "23:00"', "to: 23:00"), "railway.yaml")
    assert problems == [] and plan is not None
    assert plan.trigger.time_windows[0].to == "23:00"  # YAML 1.1 would have read the number 1380
    assert problems_of(PLAN.replace("    done_when: {all", "    mandatory: yes\n    done_when: {all")) == [
        'railway.yaml:20: steps[1].mandatory: expected true or false, got "yes"']


def test_a_comma_inside_a_flow_mapping_gets_a_hint() -> None:
    text = PLAN.replace("en: Railway test plan}", "en: Railway, test plan}")
    assert problems_of(text) == ["railway.yaml:3: title.test plan: unknown key; expected one of zh, en; a comma in "
                                 "{…} ends a value: put a text with a comma in quotes"]


def test_yaml_syntax_errors_duplicate_keys_and_missing_fields_have_lines() -> None:
    assert problems_of(PLAN.replace("  min_priority: 2", "  min_priority: [2")) == [
        "railway.yaml:7: not valid YAML: while parsing a flow sequence expected ',' or ']', but got ':'"]
    assert problems_of(PLAN.replace("version: 1\n", "version: 1\nversion: 2\n")) == [
        "railway.yaml:3: version: given twice (first on line 2); keep one"]
    assert problems_of(PLAN.replace("version: 1\n", "")) == ["railway.yaml:1: version: is missing"]
    assert problems_of("") == ["railway.yaml: the file is empty; a plan starts with its id, version and title"]


def test_codes_are_checked_against_the_taxonomy_and_the_city_with_suggestions(reference: Reference) -> None:
    text = (PLAN.replace("[knife_attack]", "[knife_atack]").replace('["440104"]', '["440199"]')
            .replace("P-440104-guangzhouzhan", "广州站").replace("lat: 23.149, lon: 113.254", "lat: 22.0, lon: 113.254")
            .replace("  area:\n", "  area:\n    stations: [S-440104-99]\n"))
    problems = problems_of(text, reference)
    assert problems[0] == ('railway.yaml:5: trigger.incident_types[0]: "knife_atack" is not an incident type of the '
                           "taxonomy; did you mean knife_attack?")
    assert problems[1].startswith('railway.yaml:8: trigger.area.stations[0]: "S-440104-99" is not a station id')
    assert problems[2].startswith('railway.yaml:9: trigger.area.districts[0]: "440199" is not a district adcode; '
                                  "the districts are 440103 荔湾区, 440104 越秀区")
    assert problems[3] == ('railway.yaml:10: trigger.area.places[0].place: "广州站" is not a place id of the city; '
                           "广州站 is P-440104-guangzhouzhan")
    assert problems[4] == ("railway.yaml:23: force_points[0]: [22.0, 113.254] is outside the service area (latitude "
                           "22.52 to 23.94, longitude 112.95 to 114.05)")
    assert len(problems) == 5
    assert problems_of(text) == []  # without a reference only the shape is checked


def test_a_position_written_lon_first_is_caught_by_its_range() -> None:
    text = PLAN.replace("lat: 23.149, lon: 113.254", "lat: 113.254, lon: 23.149")
    assert problems_of(text) == ["railway.yaml:22: force_points[0].lat: must be at most 90, got the number 113.254; a "
                                 "position is [lat, lon], latitude first (about 23 in Guangzhou)"]


def test_a_plan_must_hold_together(reference: Reference) -> None:
    text = (PLAN.replace("id: on_scene", "id: rapid_dispatched")
            .replace("{dispatched: {capability: rapid, count: 1}}", "{dispatched: {count: 1}, closed: {}}"))
    assert problems_of(text, reference) == [
        "railway.yaml:15: steps[0].done_when: a condition has exactly one key; this one has dispatched, closed: put "
        "them under all: or any:",
        'railway.yaml:17: steps[1].id: "rapid_dispatched" is also steps[0]; each must be unique in the plan',
        'railway.yaml:20: steps[1].done_when.all[1].steps_done[0]: a step cannot wait for itself ("rapid_dispatched")',
    ]
    cycle = PLAN.replace("{dispatched: {capability: rapid, count: 1}}", "{steps_done: [on_scene]}")
    assert problems_of(cycle, reference) == [
        "railway.yaml:15: steps[0].done_when: steps_done make a cycle (rapid_dispatched → on_scene → rapid_dispatched):"
        " none of them could tick itself"]
    unknown = PLAN.replace("steps_done: [rapid_dispatched]", "steps_done: [rapid_dispatchd]")
    assert problems_of(unknown, reference) == [
        'railway.yaml:20: steps[1].done_when.all[1].steps_done[0]: "rapid_dispatchd" is not a step of this plan; did '
        "you mean rapid_dispatched?"]
    no_deadline = PLAN.replace("    deadline: {minutes: 1, from: call}\n", "").replace(
        "force_points", "cordon: {radius_m: 300, polygon: [[23.1, 113.2], [23.2, 113.2], [23.2, 113.3]]}\nforce_points")
    assert problems_of(no_deadline, reference) == [
        "railway.yaml:15: steps[0].escalate: an escalation is raised when the step is overdue: give the step a "
        "deadline too",
        "railway.yaml:20: cordon: give either radius_m (a circle around the incident) or polygon, not both or neither",
    ]


def test_a_library_loads_the_good_plans_and_names_the_rest(tmp_path: Path, reference: Reference) -> None:
    (tmp_path / "a.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(PLAN, encoding="utf-8")  # the same id again
    (tmp_path / "c.yaml").write_text(PLAN.replace("railway_test", "broken").replace("version: 1", "version: 0"),
                                     encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a plan", encoding="utf-8")
    library = load_library(tmp_path, reference)
    assert [plan.id for plan in library.plans] == ["railway_test"]
    assert library.files["railway_test"].name == "a.yaml"
    assert [str(problem) for problem in library.problems] == [
        'b.yaml:1: id: "railway_test" is already the id of the plan in a.yaml; give one of them another id',
        "c.yaml:2: version: must be at least 1, got the number 0",
    ]
    assert [str(p) for p in load_library(tmp_path / "none", reference).problems] == [
        f"{tmp_path / 'none'}: is not a directory of plans (one *.yaml file a plan)"]


def test_the_model_knows_the_desks_field_record_kinds() -> None:
    assert set(typing.get_args(RecordKind)) == {kind.value for kind in FieldRecordKind}


# --- the shipped plans ---------------------------------------------------------------------------------


def test_the_shipped_plans_load_clean_and_cover_the_seeds_incidents(reference: Reference) -> None:
    library = load_shipped(reference)
    assert [str(problem) for problem in library.problems] == []
    assert len(library.plans) >= 8
    ids = {plan.id for plan in library.plans}
    assert {"railway_knife_attack_guangzhou_station", "railway_knife_attack_guangzhou_south", "bus_arson",
            "illegal_gathering", "marathon_security", "canton_fair_security", "missing_child",
            "typhoon_flood"} <= ids


def test_each_shipped_plan_has_timed_steps_that_mostly_tick_themselves(reference: Reference) -> None:
    steps = ticking = 0
    for plan in load_shipped(reference).plans:
        assert len(plan.steps) >= 6, plan.id
        assert all(step.deadline is not None for step in plan.steps), plan.id
        assert plan.force_points and plan.routes and plan.contacts, plan.id
        steps += len(plan.steps)
        ticking += sum(step.done_when is not None for step in plan.steps)
    assert ticking / steps >= 0.6


def test_the_shipped_force_points_are_near_real_places_and_each_file_says_it_is_an_example(
        reference: Reference) -> None:
    for plan in load_shipped(reference).plans:
        for point in plan.force_points:
            nearest = min(distance_m(point.lat, point.lon, p.lat, p.lon) for p in reference.places.values())
            assert nearest < 1000, (plan.id, point.id)
        for route in plan.routes:
            assert all(reference.district_at(lat, lon) for lat, lon in route.points), (plan.id, route.id)
    for path in sorted(SHIPPED_PLANS.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(
            "# Example plan written for the Dispatch Desktop project, not an official plan"), path.name
