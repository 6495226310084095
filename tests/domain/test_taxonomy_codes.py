"""The published taxonomy (resources/taxonomy.json) is what the program uses, and its check names the
first unknown code of an incident command."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from dispatch_desktop.city import DEFAULT_SEED, generate_city
from dispatch_desktop.controllers.intake import IntakeInput, build_incident
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.enums import Category, IncidentOrigin
from dispatch_desktop.domain.intake import locate
from dispatch_desktop.domain.taxonomy import CodeProblem, TaxonomyError, code_problem

PUBLISHED = json.loads(taxonomy.TAXONOMY_FILE.read_text(encoding="utf-8"))


def incident(**changes: object) -> ev.IncidentCreated:
    body = ev.IncidentCreated(
        incident="J-1", call_time=1_763_780_000_000, caller_number="13800000000", lat=23.13, lon=113.32,
        address="天河路 1 号", district="440106", station="S-440106-01", incident_type="theft", priority=3,
        category=Category.POLICE,
    )
    return msgspec.structs.replace(body, **changes)


def test_the_program_uses_the_published_incident_types_and_departments() -> None:
    assert [msgspec.to_builtins(t) for t in taxonomy.INCIDENT_TYPES] == PUBLISHED["incident_types"]
    assert {d.value: names for d, names in taxonomy.DEPARTMENT_NAMES.items()} == {
        d["code"]: (d["name_zh"], d["name_en"]) for d in PUBLISHED["departments"]
    }
    police = {d["code"] for d in PUBLISHED["departments"] if d["police"]}
    assert {d.value for d in taxonomy.POLICE_DEPARTMENTS} == police
    assert taxonomy.incident_type("assault").name_zh == "故意伤害"


def test_the_published_districts_and_stations_are_the_ones_checked() -> None:
    adcodes = [d["adcode"] for d in PUBLISHED["districts"]]
    assert len(adcodes) == 11 and all(taxonomy.is_district(a) for a in adcodes)
    assert len(PUBLISHED["stations"]) == 255
    assert all(taxonomy.station(s["id"]) is not None for s in PUBLISHED["stations"])
    assert taxonomy.district_named("Tianhe") == taxonomy.district_named("天河区") == taxonomy.district_named("440106")
    assert taxonomy.district_named("Atlantis") is None


@pytest.mark.parametrize(("changes", "problem"), [
    ({}, None),
    ({"district": "", "station": ""}, None),  # outside the service area, no station
    ({"incident_type": "noise", "category": Category.NON_POLICE, "department": "environment"}, None),
    ({"incident_type": "alien_landing"}, CodeProblem("incident_type", "alien_landing")),
    ({"district": "440199"}, CodeProblem("district", "440199")),
    ({"station": "S-1"}, CodeProblem("station", "S-1")),
    ({"department": "ministry_of_magic"}, CodeProblem("department", "ministry_of_magic")),
    ({"station": "S-440106-99", "incident_type": "alien_landing"}, CodeProblem("station", "S-440106-99")),
])
def test_an_incident_with_an_unknown_code_is_named_by_field_and_value(
    changes: dict[str, object], problem: CodeProblem | None
) -> None:
    assert code_problem(incident(**changes)) == problem


def test_a_reclassification_is_checked_and_other_bodies_are_not() -> None:
    good = ev.IncidentReclassified(incident="J-1", incident_type="fight", priority=2, category=Category.POLICE)
    assert code_problem(good) is None
    assert code_problem(msgspec.structs.replace(good, incident_type="brawl")) == ("incident_type", "brawl")
    assert code_problem(msgspec.structs.replace(good, department="mi5")) == ("department", "mi5")
    assert code_problem(ev.IncidentNote(incident="J-1", text="station S-1")) is None


def test_the_desk_makes_incidents_with_known_codes_only() -> None:
    city = generate_city(DEFAULT_SEED, cameras=0)
    points = [(s.lat, s.lon) for s in city.stations] + [(22.0, 112.0)]  # and one outside the service area
    kinds = iter(taxonomy.INCIDENT_TYPES * 6)
    for lat, lon in points:
        kind = next(kinds)
        form = IntakeInput(origin=IncidentOrigin.CALL, caller_number="13800000000", caller_name="",
                           location=locate(city, lat, lon), address="某路 1 号", incident_type=kind,
                           priority=kind.priority, description="")
        body = build_incident(form, "J-1", "王警官")
        assert code_problem(body) is None, (body.district, body.station, body.incident_type, body.department)


@pytest.mark.parametrize(("edit", "complaint"), [
    (lambda d: d["departments"].pop(), "must list each of the departments"),
    (lambda d: d["stations"].append(d["stations"][0]), "lists stations S-440103-01 more than once"),
    (lambda d: d["incident_types"][0].update(colour="red"), "malformed"),
    (lambda d: d["stations"][0].update(district="999999"), "S-440103-01 are in no listed district"),
])
def test_a_broken_taxonomy_file_is_named_with_what_is_wrong(tmp_path: Path, edit, complaint: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(PUBLISHED))
    edit(data)
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=complaint) as refused:
        taxonomy.load(path)
    assert str(path) in str(refused.value)
