"""``dispatch-desktop plans validate DIR``: every problem, then the trigger cells several plans cover and the
districts a rapid-response incident type has no plan for (Qt-free)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from emergency_plans.cli import run
from emergency_plans.coverage import coverage, overlaps, uncovered
from emergency_plans.library import load_shipped
from emergency_plans.reference import Reference, default_reference

PLAN = """\
id: {id}
version: 1
title: {id}
trigger:
  incident_types: [{types}]
  area: {area}
steps:
  - {{id: one, text: 派警, deadline: {{minutes: 1}}, done_when: {{dispatched: {{count: 1}}}}}}
"""


@pytest.fixture(scope="module")
def reference() -> Reference:
    return default_reference()


def write(directory: Path, plan_id: str, types: str, area: str = "{}") -> None:
    (directory / f"{plan_id}.yaml").write_text(PLAN.format(id=plan_id, types=types, area=area), encoding="utf-8")


def validate(*args: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run(["validate", *args], stdout, stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def test_every_problem_is_printed_and_the_status_says_some_plan_cannot_be_used(tmp_path: Path) -> None:
    write(tmp_path, "good_plan", "hostage")
    write(tmp_path, "bad_plan", "knife_atack, robbery", area='{districts: ["440199"]}')
    status, out, errors = validate(str(tmp_path))
    assert (status, errors) == (1, "")
    lines = out.splitlines()
    assert lines[:4] == [
        "2 problem(s) in 1 file(s); a plan with a problem is not loaded:",
        '  bad_plan.yaml:5: trigger.incident_types[0]: "knife_atack" is not an incident type of the taxonomy; did '
        "you mean knife_attack?",
        lines[2],
        "1 plan(s) can be used: good_plan.",
    ]
    assert lines[2].startswith('  bad_plan.yaml:6: trigger.area.districts[0]: "440199" is not a district adcode')


def test_overlapping_cells_and_the_rapid_response_gaps_are_listed(tmp_path: Path) -> None:
    write(tmp_path, "station_square", "knife_attack", area="{places: [{place: P-440104-guangzhouzhan}]}")
    write(tmp_path, "yuexiu_violence", "knife_attack, robbery", area='{districts: ["440104", "440106"]}')
    status, out, _ = validate(str(tmp_path))
    assert status == 0
    assert ("Overlaps: 1 cell(s) (incident type × district) covered by more than one plan (the matcher suggests the "
            "most specific first):\n  knife_attack × 440104 越秀区: station_square (place P-440104-guangzhouzhan "
            "500 m); yuexiu_violence (whole district)\n") in out
    gaps = out.split("Uncovered: ")[1].splitlines()
    assert gaps[0] == ("6 rapid-response incident type(s) lack a plan, or a whole-district one, in some district:")
    knife = next(line for line in gaps if line.startswith("  knife_attack"))
    assert knife.startswith("  knife_attack 持刀伤人 / Knife attack: no plan in 9 district(s): 440103 荔湾区, "
                            "440105 海珠区, 440111 白云区")
    assert "440104" not in knife and "440106" not in knife  # covered wholly by the district plan


def test_a_cell_only_partly_covered_is_named_as_such(tmp_path: Path) -> None:
    write(tmp_path, "night_only", "hostage", area="{}")
    text = (tmp_path / "night_only.yaml").read_text(encoding="utf-8")
    (tmp_path / "night_only.yaml").write_text(
        text.replace("  area: {}\n", '  area: {}\n  time_windows: [{from: "22:00", to: "06:00"}]\n'), encoding="utf-8")
    status, out, _ = validate(str(tmp_path))
    hostage = next(line for line in out.splitlines() if line.startswith("  hostage"))
    assert status == 0
    assert hostage.startswith("  hostage 劫持人质 / Hostage taking: only part of 11 district(s) (a place, station, "
                              "polygon, time window or keyword): 440103 荔湾区")


def test_the_shipped_plans_validate_and_leave_no_rapid_response_type_without_a_plan(reference: Reference) -> None:
    status, out, errors = validate()
    assert (status, errors) == (0, "")
    assert "11 plan(s) can be used" in out
    cells = coverage(load_shipped(reference).plans, reference)
    assert uncovered(cells, reference) == []
    assert ("knife_attack", "440104") in overlaps(cells)  # Guangzhou station's plan within the citywide one


def test_the_command_runs_without_a_desk() -> None:
    result = subprocess.run([sys.executable, "-m", "emergency_plans", "validate"], capture_output=True, text=True,
                            encoding="utf-8", timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "plan(s) can be used" in result.stdout
