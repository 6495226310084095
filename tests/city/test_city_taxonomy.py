from __future__ import annotations

import collections
import random

import msgspec
import pytest

from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.events import Id, Priority
from dispatch_desktop.domain.taxonomy import INCIDENT_TYPES, Department


def test_police_to_non_police_is_two_to_one_by_frequency() -> None:
    police = taxonomy.daily_total(Category.POLICE)
    other = taxonomy.daily_total(Category.NON_POLICE)
    assert police / other == pytest.approx(2.0, rel=0.01)
    assert taxonomy.daily_total() == pytest.approx(10_000, rel=0.01)


def test_drawn_calls_follow_the_frequencies() -> None:
    rng = random.Random(5)
    drawn = collections.Counter(taxonomy.draw(rng).category for _ in range(30_000))
    assert drawn[Category.NON_POLICE] / 30_000 == pytest.approx(1 / 3, abs=0.015)
    assert taxonomy.draw(random.Random(1)) == taxonomy.draw(random.Random(1))


def test_codes_and_priorities_fit_the_event_fields() -> None:
    codes = [t.code for t in INCIDENT_TYPES]
    assert len(codes) == len(set(codes))
    msgspec.convert(codes, list[Id])
    msgspec.convert([t.priority for t in INCIDENT_TYPES], list[Priority])
    assert all(t.daily > 0 for t in INCIDENT_TYPES)


def test_non_police_business_names_its_department() -> None:
    for t in INCIDENT_TYPES:
        if t.category is Category.NON_POLICE:
            assert t.department is not None and t.department not in taxonomy.POLICE_DEPARTMENTS, t.code
            assert not t.violent and not t.rapid_response
    departments = {t.department for t in INCIDENT_TYPES if not t.is_police}
    assert {Department.MUNICIPAL, Department.ENVIRONMENT, Department.CITY_MANAGEMENT, Department.LABOUR,
            Department.MARKET_REGULATION, Department.HEALTH, Department.WATER, Department.POWER} <= departments
    assert all(taxonomy.department_name(d) and taxonomy.department_name(d, english=True) for d in Department)


def test_the_rapid_response_team_is_for_terror_and_extreme_violence() -> None:
    rapid = {t.code for t in INCIDENT_TYPES if t.rapid_response}
    assert {"terror", "knife_attack", "hostage"} <= rapid
    assert "theft" not in rapid and "robbery" not in rapid
    assert all(t.violent and t.priority == 1 and t.is_police for t in INCIDENT_TYPES if t.rapid_response)


def test_special_routes() -> None:
    assert taxonomy.incident_type("telecom_fraud").department is Department.ANTI_FRAUD
    fire = taxonomy.incident_type("fire")
    assert fire.is_police and fire.department is Department.FIRE  # police attend, fire service leads
    assert taxonomy.incident_type("noise").category is Category.NON_POLICE
    assert taxonomy.incident_type("assault").name_zh == "故意伤害"


def test_unknown_type_is_a_clear_error() -> None:
    assert not taxonomy.is_known("alien_landing")
    with pytest.raises(taxonomy.UnknownIncidentType, match="alien_landing"):
        taxonomy.incident_type("alien_landing")
