"""A drill scenario file is read with every problem at once, each named by file, line and field in words a
trainer can act on; the three shipped scenarios validate; ``drill validate`` says the same on the command
line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.cli import main
from dispatch_desktop.domain.city import City
from dispatch_desktop.drill.loading import drill_unit_kinds, load_scenario, shipped_files
from dispatch_desktop.drill.scenario import Call, drill_ms

SCENARIO = """\
format: 1
id: station_test
version: 2
title: {zh: 火车站测试演练, en: Railway test drill}
description: {zh: 测试, en: A test}
duration: "+20:00"
units:
  enrolled: [RR-01]
  simulated:
    - {id: DRILL-PG-1, kind: patrol, station: S-440104-14, place: 广州站, call_sign: 演练巡1组}
injects:
  - id: first_call
    at: "+00:30"
    call: {caller: 陈先生, number: "13800000101", place: 广州站, type: knife_attack, description: 有人持刀}
  - id: second_call
    after: {inject: first_call, delay: "+01:00"}
    call: {caller: 黄女士, number: "13900000102", position: [23.15, 113.254], address: 站前路, type: noise,
           description: 吵}
  - id: breakdown
    after: {inject: second_call, delay: "+00:30"}
    unit_failure: {unit: DRILL-PG-1, kind: breakdown}
  - id: dark
    at: "+02:00"
    camera_dark: {near: first_call}
expectations:
  - id: rapid
    text: {zh: 派突击队, en: Rapid team sent}
    points: 30
    deadline: {inject: first_call, within: "+01:00"}
    dispatched: {kind: rapid}
  - id: referred
    text: {zh: 移交, en: Referred}
    points: 10
    deadline: {inject: second_call, within: "+03:00"}
    referred_not_dispatched: {department: environment}
"""


def problems_of(text: str, city: City | None) -> list[str]:
    scenario, problems = load_scenario(text, "drill.yaml", city)
    assert (scenario is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_a_valid_scenario_loads_with_its_times_units_and_checks(city: City) -> None:
    scenario, problems = load_scenario(SCENARIO, "drill.yaml", city)
    assert problems == []
    assert scenario is not None and scenario.version == 2 and scenario.duration_ms == 20 * 60_000
    assert scenario.planned_offsets() == {"first_call": 30_000, "second_call": 90_000, "breakdown": 120_000,
                                          "dark": 120_000}
    first = scenario.injects[0].call
    assert isinstance(first, Call) and first.place == "广州站" and first.priority is None
    rapid = scenario.expectations[0].dispatched
    assert rapid is not None and rapid.kind is not None and rapid.kind.value == "rapid" and rapid.count == 1
    assert scenario.expectations[0].incident_inject == "first_call"
    assert scenario.units.simulated[0].kind.value == "patrol"


def test_unknown_places_types_units_stations_and_departments_are_each_named_with_their_line(city: City) -> None:
    text = (SCENARIO.replace("place: 广州站, type: knife_attack", "place: 广州火车总站北广场西, type: knife_atack")
            .replace("station: S-440104-14", "station: S-440104-99")
            .replace("enrolled: [RR-01]", "enrolled: [RR-09]")
            .replace("kind: patrol", "kind: patrl")
            .replace("department: environment", "department: enviroment"))
    found = problems_of(text, city)
    assert ('drill.yaml:10: units.simulated[0].kind: expected one of patrol, rapid, traffic, station, officer, '
            'got "patrl"') in found
    text = text.replace("kind: patrl", "kind: patrol")
    found = problems_of(text, city)
    assert found[0] == ('drill.yaml:8: units.enrolled[0]: "RR-09" is not a real unit of the city; did you mean '
                        "RR-03 or RR-02 or RR-01?; a unit that exists only in the drill goes under units.simulated")
    assert found[1].startswith('drill.yaml:10: units.simulated[0].station: "S-440104-99" is not a station of the city '
                               "(S-<adcode>-<NN>); did you mean S-440104-09")
    place = next(line for line in found if "injects[0].call.place" in line)
    assert place.startswith('drill.yaml:14: injects[0].call.place: "广州火车总站北广场西" is not a place the city\'s '
                            "search finds; the closest names are 广州火车站地铁站, 广州站")
    assert "drill.yaml:14: injects[0].call.type: \"knife_atack\" is not an incident type of the taxonomy; did you " \
           "mean knife_attack?" in found
    assert any(line.startswith('drill.yaml:35: expectations[1].referred_not_dispatched.department: "enviroment" is '
                               "not a department") for line in found)


def test_after_naming_an_unknown_inject_or_a_cycle_and_duplicate_ids_are_refused() -> None:
    unknown = SCENARIO.replace("after: {inject: first_call,", "after: {inject: first_cal,")
    assert problems_of(unknown, None) == [
        'drill.yaml:16: injects[1].after.inject: "first_cal" is not an inject of this scenario; did you mean '
        "first_call?"]
    cycle = SCENARIO.replace('at: "+00:30"', 'after: {inject: breakdown, delay: "+00:10"}')
    assert problems_of(cycle, None) == [
        "drill.yaml:13: injects[0].after.inject: after makes a cycle (first_call → breakdown → second_call → "
        "first_call): none of these injects would ever come"]
    twice = SCENARIO.replace("id: dark", "id: breakdown")
    assert problems_of(twice, None) == [
        'drill.yaml:22: injects[3].id: "breakdown" is also injects[2]; each id must be unique in the scenario']


def test_an_expectation_on_an_inject_that_is_no_call_is_refused_once() -> None:
    assert problems_of(SCENARIO.replace("deadline: {inject: first_call, within", "deadline: {inject: dark, within"),
                       None) == ['drill.yaml:29: expectations[0].deadline.inject: "dark" is not a call: only a '
                                 "call's inject has an incident to look at"]
    assert problems_of(SCENARIO.replace("deadline: {inject: first_call, within", "deadline: {inject: darkk, within"),
                       None) == ['drill.yaml:29: expectations[0].deadline.inject: "darkk" is not an inject of this '
                                 "scenario; did you mean dark?"]


def test_times_not_mm_ss_and_deadlines_past_the_duration_are_refused() -> None:
    bad_time = SCENARIO.replace('delay: "+01:00"', 'delay: "1:00"')
    assert problems_of(bad_time, None) == [
        'drill.yaml:16: injects[1].after.delay: expected a drill time "+MM:SS" after the start, e.g. "+01:30" '
        '(in quotes), got "1:00"']
    late = SCENARIO.replace('within: "+03:00"', 'within: "+19:00"')
    assert problems_of(late, None) == [
        "drill.yaml:34: expectations[1].deadline.within: the deadline falls at +20:30 of drill time, after the "
        "drill's duration +20:00: shorten it or lengthen the duration"]


def test_a_simulated_unit_with_a_real_units_id_and_an_inject_of_no_unit_of_the_drill(city: City) -> None:
    text = SCENARIO.replace("id: DRILL-PG-1", "id: PG-440104-14-01").replace(
        "unit_failure: {unit: DRILL-PG-1", "unit_failure: {unit: DRILL-PG-2")
    found = problems_of(text, city)
    assert found == [
        'drill.yaml:10: units.simulated[0].id: "PG-440104-14-01" is the id of a real unit of the city: give the '
        'simulated unit an id of its own (e.g. starting with "DRILL-"), or enroll the real one instead',
        'drill.yaml:21: injects[2].unit_failure.unit: "DRILL-PG-2" is not a unit of this drill: list it under '
        "units.simulated or units.enrolled",
    ]


def test_an_expectation_asking_for_more_units_of_a_kind_than_the_drill_has_is_refused(city: City) -> None:
    scenario, _problems = load_scenario(SCENARIO, "drill.yaml", city)
    assert scenario is not None
    assert {unit: kind.value for unit, kind in drill_unit_kinds(scenario, city).items()} == {
        "RR-01": "rapid", "DRILL-PG-1": "patrol"}
    text = SCENARIO.replace("dispatched: {kind: rapid}", "dispatched: {kind: rapid, count: 2}")
    assert problems_of(text, city) == [
        "drill.yaml:30: expectations[0].dispatched.count: asks for 2 rapid units but the drill has 1: enroll or "
        "simulate more, or ask for fewer"]
    assert problems_of(text, None) == []  # without the city, the enrolled units' kinds are unknown


def test_an_inject_of_two_kinds_and_an_expectation_without_a_check_are_refused() -> None:
    text = SCENARIO.replace("camera_dark: {near: first_call}",
                            "camera_dark: {near: first_call}\n    sos: {unit: RR-01}")
    text = text.replace("    dispatched: {kind: rapid}\n", "")
    assert problems_of(text, None) == [
        "drill.yaml:22: injects[3]: an inject is exactly one thing; this one has sos, camera_dark",
        "drill.yaml:27: expectations[0]: an expectation needs one check: dispatched, on_scene, plan_activated, "
        "referred_not_dispatched or closed",
    ]


def test_every_shipped_scenario_validates_against_the_city(city: City) -> None:
    files = shipped_files()
    assert [path.name for path in files] == ["bus_arson_second_incident.yaml", "marathon_crowd.yaml",
                                             "railway_knife_attack_rush_hour.yaml"]
    plans = {path.stem for path in (Path(__file__).parents[2] / "plugins" / "emergency_plans" / "emergency_plans" /
                                    "data" / "plans").glob("*.yaml")}
    for path in files:
        scenario, problems = load_scenario(path.read_text(encoding="utf-8"), path.name, city)
        assert problems == [], path.name
        assert scenario is not None
        kinds = {name for inject in scenario.injects for name in inject.kinds}
        assert {"call", "camera_dark"} <= kinds, path.name  # the video wall is exercised
        checks = [expectation.check for expectation in scenario.expectations]
        assert any(getattr(check, "plan", None) in plans for check in checks), path.name
        assert any(getattr(check, "kind", None) is not None and check.kind.value == "rapid"  # type: ignore[union-attr]
                   for check in checks), path.name


def test_the_bus_drill_breaks_down_a_unit_and_the_crowd_drill_has_a_call_to_refer(city: City) -> None:
    loaded = {path.stem: load_scenario(path.read_text(encoding="utf-8"), path.name, city)[0]
              for path in shipped_files()}
    bus, crowd = loaded["bus_arson_second_incident"], loaded["marathon_crowd"]
    assert bus is not None and crowd is not None
    assert any(i.unit_failure is not None and i.unit_failure.kind.value == "breakdown" for i in bus.injects)
    assert sum(1 for i in bus.injects if i.call is not None and i.call.place != "天河城") == 1  # the second incident
    assert any(e.referred_not_dispatched is not None for e in crowd.expectations)
    rapid = next(e for e in loaded["railway_knife_attack_rush_hour"].expectations  # type: ignore[union-attr]
                 if e.id == "rapid_team_dispatched")
    assert drill_ms(rapid.deadline.within) == 60_000  # the seeds' minute


def test_drill_validate_prints_file_line_field_problems_and_exits_1(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(SCENARIO, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(SCENARIO.replace("type: noise", "type: nosie"), encoding="utf-8")
    assert main(["drill", "validate", str(good)]) == 0
    assert "station_test version 2: 4 injects, 2 expectations, +20:00 long" in capsys.readouterr().out
    assert main(["drill", "validate", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f'{bad}:17: injects[1].call.type: "nosie" is not an incident type of the taxonomy; did you mean noise?' \
        in err
    assert "1 of 2 scenario files have problems" in err
    assert main(["drill", "validate"]) == 0  # the shipped ones
