"""Emergency plans: which plans a new incident matches, the most specific first, by type, priority, area,
local time and words of the description; the index answers exactly as a loop over every plan (Qt-free)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from emergency_plans.library import load_shipped
from emergency_plans.matching import COMMAND_CENTER_ZONE, PlanMatcher, match_by_loop
from emergency_plans.model import Area, PlaceArea, Plan, Step, TimeWindow, Trigger
from emergency_plans.reference import Reference, default_reference, reference_from_city
from emergency_plans.synthetic import SyntheticIncident, generate_incidents, generate_plans


@pytest.fixture(scope="module")
def reference() -> Reference:
    return default_reference()


@pytest.fixture(scope="module")
def shipped(reference: Reference) -> PlanMatcher:
    return PlanMatcher(load_shipped(reference).plans, reference)


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> int:
    """Milliseconds of a local time in Guangzhou."""
    return int(datetime(year, month, day, hour, minute, tzinfo=COMMAND_CENTER_ZONE).timestamp() * 1000)


MONDAY_NOON = at(2026, 12, 7, 12)
GUANGZHOU_STATION = SyntheticIncident("knife_attack", 1, "440104", "S-440104-05", 23.1495, 113.2550,
                                      "广场上有人持刀砍人", MONDAY_NOON)


def ids(matches: list[object]) -> list[str]:
    return [match.plan.id for match in matches]  # type: ignore[attr-defined]


def plan(plan_id: str, **trigger: object) -> Plan:
    fields: dict[str, object] = {"incident_types": ("knife_attack",), **trigger}
    return Plan(id=plan_id, version=1, title=plan_id, trigger=Trigger(**fields),  # type: ignore[arg-type]
                steps=(Step(id="one", text="one"),))


def test_a_knife_attack_at_guangzhou_station_suggests_the_station_plan_before_the_citywide_one(
        shipped: PlanMatcher) -> None:
    matches = shipped.match(GUANGZHOU_STATION)
    assert ids(matches) == ["railway_knife_attack_guangzhou_station", "violent_incident_citywide"]
    assert matches[0].where == "place:P-440104-guangzhouzhan"
    assert matches[1].where == "anywhere"


def test_far_from_the_places_only_the_citywide_plan_applies_and_a_lower_priority_misses_it(
        shipped: PlanMatcher) -> None:
    elsewhere = replace(GUANGZHOU_STATION, district="440106", station="S-440106-09", lat=23.17, lon=113.40)
    assert ids(shipped.match(elsewhere)) == ["violent_incident_citywide"]
    assert ids(shipped.match(replace(GUANGZHOU_STATION, priority=3))) == []  # both plans want priority ≤ 2 or 1


def test_the_metro_plan_needs_a_metro_word_in_the_description(shipped: PlanMatcher) -> None:
    fight = SyntheticIncident("fight", 2, "440106", "S-440106-01", 23.1339, 113.3165, "体育西路站台有人打架",
                              MONDAY_NOON)
    matches = shipped.match(fight)
    assert ids(matches) == ["metro_violent_incident"]
    assert matches[0].keyword == "站台"
    assert ids(shipped.match(replace(fight, description="有人打架"))) == []


def test_the_marathon_plan_applies_on_sunday_mornings_only(shipped: PlanMatcher) -> None:
    collapse = SyntheticIncident("medical_help", 2, "440106", "S-440106-01", 23.1142, 113.3192, "选手晕倒",
                                 at(2026, 12, 13, 9))  # a Sunday
    assert ids(shipped.match(collapse)) == ["marathon_security"]
    assert ids(shipped.match(replace(collapse, call_time=at(2026, 12, 13, 15)))) == []
    assert ids(shipped.match(replace(collapse, call_time=at(2026, 12, 14, 9)))) == []  # a Monday
    assert ids(shipped.match(collapse, at_ms=at(2026, 12, 14, 9))) == []  # the time asked about wins


def test_a_window_past_midnight_belongs_to_the_day_it_starts(reference: Reference) -> None:
    night = plan("friday_night", time_windows=(TimeWindow(from_="22:00", to="06:00", days=("fri",)),))
    matcher = PlanMatcher([night], reference)
    incident = replace(GUANGZHOU_STATION, call_time=0)
    answers = {when: bool(matcher.match(incident, at_ms=at(2026, 12, day, hour)))
               for when, (day, hour) in {"fri 23:00": (11, 23), "sat 02:00": (12, 2), "fri 02:00": (11, 2),
                                         "sat 23:00": (12, 23), "fri 21:00": (11, 21), "sat 06:00": (12, 6)}.items()}
    assert answers == {"fri 23:00": True, "sat 02:00": True, "fri 02:00": False, "sat 23:00": False,
                       "fri 21:00": False, "sat 06:00": False}


def test_the_narrowest_area_ranks_first_then_a_keyword_then_a_time_window(reference: Reference) -> None:
    plans = [
        plan("a_anywhere"),
        plan("b_district", area=Area(districts=("440104",))),
        plan("c_station", area=Area(stations=("S-440104-05",))),
        plan("d_place", area=Area(places=(PlaceArea(place="P-440104-guangzhouzhan", radius_m=500),))),
        plan("e_polygon", area=Area(polygons=(((23.14, 113.24), (23.16, 113.24), (23.16, 113.27), (23.14, 113.27)),))),
        plan("f_district_keyword", area=Area(districts=("440104",)), keywords=("持刀",)),
        plan("g_district_window", area=Area(districts=("440104",)),
             time_windows=(TimeWindow(from_="08:00", to="20:00"),)),
        plan("h_other_district", area=Area(districts=("440106",))),
    ]
    matches = PlanMatcher(plans, reference).match(GUANGZHOU_STATION)
    assert ids(matches) == ["d_place", "e_polygon", "c_station", "f_district_keyword", "g_district_window",
                            "b_district", "a_anywhere"]
    assert [m.where for m in matches[:3]] == ["place:P-440104-guangzhouzhan", "polygon:0", "station:S-440104-05"]


def test_the_index_answers_exactly_as_the_loop_over_500_generated_plans(reference: Reference) -> None:
    plans = generate_plans(500, reference)
    matcher = PlanMatcher(plans, reference)
    types = sorted({code for p in plans for code in p.trigger.incident_types})
    incidents = generate_incidents(1500, reference, types)
    indexed = [matcher.match(incident) for incident in incidents]
    assert indexed == [match_by_loop(matcher.compiled, incident) for incident in incidents]
    kinds = {match.where.split(":")[0] for matches in indexed for match in matches}
    assert kinds == {"anywhere", "district", "station", "place", "polygon"}  # every kind of area was exercised
    assert sum(map(len, indexed)) > len(incidents) // 2


def test_a_desks_incident_is_matched_in_a_city_of_another_seed_as_in_the_default_one(reference: Reference) -> None:
    from dispatch_desktop.api import Category, Incident
    from dispatch_desktop.city import generate_city

    city_reference = reference_from_city(generate_city(seed=7, cameras=0))
    assert city_reference.stations == reference.stations
    assert city_reference.places.keys() == reference.places.keys()
    assert all(city_reference.district_at(p.lat, p.lon) == p.district for p in reference.places.values())
    incident = Incident(id="I-1", call_time=MONDAY_NOON, caller_number="", lat=23.1495, lon=113.2550, address="",
                        district="440104", station="S-440104-05", incident_type="knife_attack", priority=1,
                        category=Category.POLICE, description="有人持刀")
    matcher = PlanMatcher(load_shipped(city_reference).plans, city_reference)
    assert ids(matcher.match(incident)) == ["railway_knife_attack_guangzhou_station", "violent_incident_citywide"]
