"""Call-intake rules without a screen: caller numbers, incident ids, type search, where a point is."""

from __future__ import annotations

import pytest

from dispatch_desktop.domain.intake import (
    local_date,
    locate,
    nearest_place,
    next_incident_id,
    normalise_phone,
    search_types,
)
from tests.domain.dispatch_city import make_city

T0 = 1_763_794_800_000  # 2025-11-22 15:00 China Standard Time


@pytest.mark.parametrize(("typed", "number"), [
    ("138 0013-8000", "13800138000"), ("(020) 8765 4321", "02087654321"), ("+852 9123 4567", "+85291234567"),
    ("110", "110"), ("12", None), ("138abc", None), ("", None), ("1" * 21, None),
])
def test_caller_numbers_are_normalised_or_rejected(typed: str, number: str | None) -> None:
    assert normalise_phone(typed) == number


def test_incident_ids_use_the_china_date_and_continue_the_workstations_numbering() -> None:
    assert local_date(T0) == "20251122"
    assert local_date(T0 + 9 * 3_600_000) == "20251123"  # midnight in Guangzhou, 16:00 UTC
    existing = ["J20251122-ws-7-1", "J20251122-ws-7-9", "J20251122-ws-70-12", "J20251121-ws-7-30",
                "J20251122-ws-7-x", "J20251122-ws-3-40"]
    assert next_incident_id(existing, "ws-7", T0) == "J20251122-ws-7-10"
    assert next_incident_id([], "ws-7", T0) == "J20251122-ws-7-1"
    assert next_incident_id(existing, "ws-7", T0 + 9 * 3_600_000) == "J20251123-ws-7-1"


@pytest.mark.parametrize(("typed", "first"), [
    ("斗殴", "fight"), ("fight", "fight"), ("KNIFE", "knife_attack"), ("theft", "theft"), ("噪音", "noise"),
    ("traffic accident", "traffic_damage"), ("gas_leak", "gas_leak"),
])
def test_type_search_puts_the_likely_type_first(typed: str, first: str) -> None:
    assert search_types(typed)[0].code == first


def test_type_search_lists_every_match_and_nothing_for_nonsense() -> None:
    assert {t.code for t in search_types("斗殴")} == {"fight", "armed_brawl"}
    assert search_types("   ") == []
    assert search_types("zzzz") == []


def test_a_point_resolves_to_district_station_and_nearest_place() -> None:
    city = make_city()
    inside = locate(city, 23.1483, 113.3570)
    assert inside.inside and (inside.district, inside.station) == ("440106", "S-440106-02")
    assert inside.place is not None and inside.place.name == "龙口西菜市场"
    outside = locate(city, 23.40, 113.50)  # beyond the service area: nearest station still named
    assert not outside.inside and outside.station == "S-440106-02"
    # Districts are not places to give as an address; stations and landmarks are.
    assert nearest_place(city, 23.15, 113.35).kind != "district"  # type: ignore[union-attr]
