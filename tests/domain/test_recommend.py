"""Which units the desk proposes, in what order, and why."""

from __future__ import annotations

import math

import msgspec
import pytest

from dispatch_desktop.domain.enums import Category, IncidentStatus, UnitKind, UnitStatus
from dispatch_desktop.domain.recommend import Reason, RecommendConfig, UnitTable, reason_text, recommend
from dispatch_desktop.domain.state import Incident, Unit
from dispatch_desktop.domain.travel import DETOUR_FACTOR, KMH, haversine_m

# 2025-11-22 15:00 Guangzhou time (07:00 UTC): off-peak, so speeds are the table's own.
AFTERNOON = 1_763_794_800_000
# 2025-11-22 08:00 Guangzhou time: the morning rush.
RUSH = AFTERNOON - 7 * 3_600_000
# The incident sits in 天河 (urban core); a metre north is 1 / 111,195 degree.
LAT, LON = 23.1290, 113.3200
M = 1 / 111_195.0


def unit(uid: str, north_m: float, kind: UnitKind = UnitKind.PATROL_GROUP,
         status: UnitStatus = UnitStatus.AVAILABLE, station: str = "S-440106-02", incident: str = "") -> Unit:
    return Unit(id=uid, kind=kind, station=station, name=f"call sign {uid}", status=status,
                lat=LAT + north_m * M, lon=LON, incident=incident, last_report=AFTERNOON - 10_000)


def incident(incident_type: str = "theft", **changes: object) -> Incident:
    fields: dict[str, object] = dict(
        id="J20251122-ws1-1", call_time=AFTERNOON, caller_number="13800138000", lat=LAT, lon=LON,
        address="体育西路 1 号", district="440106", station="S-440106-01", incident_type=incident_type,
        priority=2, category=Category.POLICE,
    )
    fields.update(changes)
    return Incident(**fields)  # type: ignore[arg-type]


def ranked(units: list[Unit], *, rapid: bool = False, now: int = AFTERNOON, **config: object) -> list[str]:
    table = UnitTable(units, now_ms=now)
    return [r.unit for r in recommend(table, incident(), now, rapid_response=rapid,
                                      config=RecommendConfig(**config))]  # type: ignore[arg-type]


def test_available_units_are_ranked_nearest_first() -> None:
    units = [unit("far", 3000), unit("near", 500), unit("mid", 1500)]
    assert ranked(units) == ["near", "mid", "far"]


def test_eta_follows_the_documented_model() -> None:
    [top] = recommend(UnitTable([unit("P-1", 1000)], now_ms=AFTERNOON), incident(), AFTERNOON)
    road = float(haversine_m(LAT + 1000 * M, LON, LAT, LON)) * DETOUR_FACTOR
    assert top.distance_m == pytest.approx(road)
    assert road == pytest.approx(1350, rel=0.01)
    # 30 s turnout, then 30 km/h in the core.
    assert top.eta_s == pytest.approx(30 + road / (30 * KMH))
    assert [r.code for r in top.reasons] == ["fastest"]


def test_rush_hour_slows_everyone_down() -> None:
    table = UnitTable([unit("P-1", 2000)], now_ms=AFTERNOON)
    calm = recommend(table, incident(), AFTERNOON)[0].eta_s
    rush = recommend(table, incident(), RUSH)[0].eta_s
    assert rush - 30 == pytest.approx((calm - 30) / 0.7)


def test_busy_off_duty_and_unplaced_units_are_never_proposed() -> None:
    units = [
        unit("en-route", 10, status=UnitStatus.EN_ROUTE, incident="J-9"),
        unit("dispatched", 10, status=UnitStatus.DISPATCHED, incident="J-9"),
        unit("off", 10, status=UnitStatus.OFF_DUTY),
        unit("meal", 10, status=UnitStatus.UNAVAILABLE),
        Unit(id="no-fix", kind=UnitKind.PATROL_GROUP, station="S", name="n", status=UnitStatus.AVAILABLE),
        unit("free", 4000),
    ]
    assert ranked(units) == ["free"]


def test_station_car_turns_out_slower_than_a_patrol_already_on_the_road() -> None:
    units = [unit("car", 800, kind=UnitKind.STATION_CAR), unit("patrol", 800)]
    assert ranked(units) == ["patrol", "car"]


def test_rapid_response_goes_first_for_violent_types_even_if_a_bit_farther() -> None:
    units = [unit("patrol", 500), unit("rapid", 2000, kind=UnitKind.RAPID_RESPONSE)]
    assert ranked(units) == ["patrol", "rapid"]  # an ordinary call: nearest first
    recs = recommend(UnitTable(units, now_ms=AFTERNOON), incident("knife_attack"), AFTERNOON, rapid_response=True)
    assert [r.unit for r in recs] == ["rapid", "patrol"]
    first = recs[0].reasons[0]
    assert first.code == "rapid_first"
    assert int(first.params["extra"]) == round(recs[0].eta_s - recs[1].eta_s)
    assert "rapid-response team first" in reason_text(first)
    assert [r.code for r in recs[1].reasons] == ["fastest"]


def test_a_distant_rapid_response_team_stays_in_the_list_as_back_up_after_the_nearer_units() -> None:
    units = [unit("patrol", 500), unit("other", 900), unit("third", 1200),
             unit("meal", 50, status=UnitStatus.UNAVAILABLE), unit("rapid", 25_000, kind=UnitKind.RAPID_RESPONSE)]
    recs = recommend(UnitTable(units, now_ms=AFTERNOON), incident("knife_attack"), AFTERNOON, rapid_response=True,
                     config=RecommendConfig(limit=3, include_soon_free=True))
    assert [r.unit for r in recs] == ["patrol", "other", "rapid"]
    assert recs[2].reasons[0].code == "rapid_backup"
    assert int(recs[2].reasons[0].params["extra"]) > 240
    # With room to spare it keeps its own rank, soon-free units after it.
    recs = recommend(UnitTable(units, now_ms=AFTERNOON), incident("knife_attack"), AFTERNOON, rapid_response=True,
                     config=RecommendConfig(limit=6, include_soon_free=True))
    assert [r.unit for r in recs] == ["patrol", "other", "third", "rapid", "meal"]


def test_soon_free_units_are_listed_after_available_ones_and_marked() -> None:
    busy = incident(id="J-busy", priority=4, status=IncidentStatus.ON_SCENE, units=("scene",),
                    dispatched_at=AFTERNOON - 3_900_000, arrived_at=AFTERNOON - 3_600_000)
    units = [
        unit("meal", 100, status=UnitStatus.UNAVAILABLE),
        unit("scene", 50, status=UnitStatus.ON_SCENE, incident="J-busy"),
        unit("free", 6000),
    ]
    assert ranked(units) == ["free"]
    table = UnitTable(units, {"J-busy": busy}, AFTERNOON)
    recs = recommend(table, incident(), AFTERNOON, config=RecommendConfig(include_soon_free=True))
    assert [r.unit for r in recs] == ["free", "meal", "scene"]
    assert [r.available for r in recs] == [True, False, False]
    assert recs[1].reasons[-1].code == "soon_free_break"
    # P4 clear target 4 h, one hour on scene: about three hours to go.
    assert recs[2].reasons[-1].params == {"incident": "J-busy", "minutes": "180"}


def test_units_of_the_incidents_station_say_so() -> None:
    units = [unit("own", 700, station="S-440106-01"), unit("other", 600)]
    recs = recommend(UnitTable(units, now_ms=AFTERNOON), incident(), AFTERNOON)
    assert [r.unit for r in recs] == ["other", "own"]
    assert [r.code for r in recs[1].reasons] == ["slower", "own_station"]


def test_limit_keeps_the_fastest_of_a_large_roster() -> None:
    units = [unit(f"P-{n:04d}", 100 + 37 * ((n * 7919) % 1000)) for n in range(1000)]
    recs = recommend(UnitTable(units, now_ms=AFTERNOON), incident(), AFTERNOON, config=RecommendConfig(limit=5))
    etas = [r.eta_s for r in recs]
    assert etas == sorted(etas) and len(recs) == 5
    assert recs[0].distance_m == pytest.approx(100 * DETOUR_FACTOR, rel=0.01)
    assert all(not math.isnan(e) for e in etas)


def test_an_empty_roster_proposes_nothing() -> None:
    assert recommend(UnitTable([], now_ms=AFTERNOON), incident(), AFTERNOON, rapid_response=True) == []


def test_every_unit_says_why_it_stands_where_it_does() -> None:
    recs = recommend(UnitTable([unit("near", 500), unit("far", 3000)], now_ms=AFTERNOON), incident(), AFTERNOON)
    assert [r.reasons[0].code for r in recs] == ["fastest", "slower"]
    slower = recs[1].reasons[0].params
    assert float(slower["km"]) == pytest.approx(3000 * DETOUR_FACTOR / 1000, abs=0.06)
    assert int(slower["extra"]) == round(recs[1].eta_s - recs[0].eta_s)
    assert "after the fastest" in reason_text(recs[1].reasons[0])


def test_a_unit_silent_past_its_limit_is_marked_stale_and_never_called_fastest() -> None:
    silent = msgspec.structs.replace(unit("silent", 100), last_report=AFTERNOON - 5 * 60_000)
    recs = recommend(UnitTable([silent, unit("fresh", 2500)], now_ms=AFTERNOON), incident(), AFTERNOON)
    # Nearest on the map, but its position is five minutes old: the fresh unit is the fastest.
    assert [r.unit for r in recs] == ["fresh", "silent"]
    assert [r.stale for r in recs] == [False, True]
    assert recs[0].reasons[0].code == "fastest"
    assert "fastest" not in [r.code for r in recs[1].reasons]
    assert recs[1].reasons[-1] == Reason("stale", {"age": "5"})


def test_only_stale_units_none_is_the_fastest() -> None:
    silent = msgspec.structs.replace(unit("silent", 100), last_report=AFTERNOON - 3 * 60_000)
    [rec] = recommend(UnitTable([silent], now_ms=AFTERNOON), incident(), AFTERNOON)
    assert rec.stale and rec.available
    assert [r.code for r in rec.reasons] == ["stale"]
