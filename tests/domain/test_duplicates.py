"""A second call about the same event is offered as a duplicate; a different event is not."""

from __future__ import annotations

import msgspec

from dispatch_desktop.domain.duplicates import DuplicateConfig, find_duplicates, taxonomy_class
from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.state import Incident

T0 = 1_763_794_800_000
LAT, LON = 23.1290, 113.3200
M = 1 / 111_195.0  # degrees of latitude per metre
MIN = 60_000


def open_incident(iid: str, north_m: float = 0.0, minutes_ago: float = 0.0, incident_type: str = "fight",
                  **changes: object) -> Incident:
    return msgspec.structs.replace(Incident(
        id=iid, call_time=int(T0 - minutes_ago * MIN), caller_number="13800138000", lat=LAT + north_m * M,
        lon=LON, address="体育西路", district="440106", station="S-440106-01", incident_type=incident_type,
        priority=2, category=Category.POLICE,
    ), **changes)


def offered(incidents: list[Incident], incident_type: str = "fight", **config: object) -> list[str]:
    found = find_duplicates(incidents, LAT, LON, incident_type, T0, config=DuplicateConfig(**config))  # type: ignore[arg-type]
    return [c.incident.id for c in found]


def test_same_type_nearby_and_recent_is_offered_with_distance_and_age() -> None:
    [candidate] = find_duplicates([open_incident("J-1", 120, 4)], LAT, LON, "fight", T0)
    assert candidate.incident.id == "J-1"
    assert 115 < candidate.distance_m < 125
    assert candidate.age_s == 240
    assert candidate.same_type


def test_too_far_too_old_or_another_kind_of_event_is_not_offered() -> None:
    incidents = [
        open_incident("far", 350, 1),
        open_incident("old", 50, 16),
        open_incident("other", 50, 1, incident_type="theft"),
        open_incident("noise", 50, 1, incident_type="noise", category=Category.NON_POLICE),
    ]
    assert offered(incidents) == []


def test_closed_referred_and_already_duplicate_incidents_are_not_offered() -> None:
    incidents = [
        open_incident("closed", 10, 1, status=IncidentStatus.CLOSED),
        open_incident("referred", 10, 1, status=IncidentStatus.REFERRED),
        open_incident("copy", 10, 1, duplicate_of="orig"),
        open_incident("orig", 20, 2),
    ]
    assert offered(incidents) == ["orig"]


def test_nearer_and_more_recent_ranks_first_and_a_type_class_match_counts_for_less() -> None:
    incidents = [
        open_incident("older", 50, 13),
        open_incident("assault", 200, 5, incident_type="assault"),  # same class (violence), other type
        open_incident("farther", 250, 2),
        open_incident("closest", 20, 1),
    ]
    assert offered(incidents) == ["closest", "farther", "older", "assault"]
    # Right there and just now, a class match beats a same-type call at the edge of the radius.
    incidents[1] = open_incident("assault", 10, 1, incident_type="assault")
    assert offered(incidents) == ["closest", "assault", "farther", "older"]


def test_limits_are_configurable() -> None:
    incidents = [open_incident("J-1", 450, 20)]
    assert offered(incidents) == []
    assert offered(incidents, radius_m=500, window_s=25 * 60) == ["J-1"]


def test_without_a_type_yet_any_nearby_incident_is_offered() -> None:
    assert offered([open_incident("J-1", 30, 2, incident_type="theft")], incident_type="") == ["J-1"]


def test_type_classes_come_from_the_taxonomy() -> None:
    assert taxonomy_class("fight") == taxonomy_class("knife_attack")
    assert taxonomy_class("noise") == taxonomy_class("pollution")
    assert taxonomy_class("traffic_injury") == taxonomy_class("traffic_damage")
    assert taxonomy_class("theft") != taxonomy_class("burglary")
    assert taxonomy_class("no-such-type") == "no-such-type"
