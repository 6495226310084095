"""The live dashboard's figures: what a leader reads off today (calls against valid incidents, the
non-police share, clearance, response times against targets), drills left out."""

from __future__ import annotations

import datetime as dt

import immutables
import pytest

from dispatch_desktop.analytics.dashboard import SLOT_MS, by_key, dashboard_figures, day_start_ms
from dispatch_desktop.domain.enums import Category, IncidentStatus, Mode
from dispatch_desktop.domain.localtime import zone
from dispatch_desktop.domain.state import Call, DrillInfo, Incident, State
from tests.analytics.fakes import Area, AreaKind, counts_of

MIDNIGHT = int(dt.datetime(2026, 12, 7, tzinfo=zone()).timestamp() * 1000)
NOW = MIDNIGHT + 10 * SLOT_MS + 1_800_000  # 10:30 local
MINUTE = 60_000
TIANHE, HAIZHU = "440106", "440105"


def incident(number: int, hour: int, *, district: str = TIANHE, priority: int = 3, dispatch_s: int = 0,
             arrival_s: int = 0, close_min: int = 0, category: Category = Category.POLICE, **extra: object) -> Incident:
    call_time = MIDNIGHT + hour * SLOT_MS + number * 1000
    dispatched = call_time + dispatch_s * 1000 if dispatch_s else 0
    arrived = dispatched + arrival_s * 1000 if dispatched and arrival_s else 0
    closed = call_time + close_min * MINUTE if close_min else 0
    return Incident(id=f"I-{number}", call_time=call_time, caller_number="", lat=23.1, lon=113.3, address="",
                    district=district, station="S-1", incident_type="theft", priority=priority, category=category,
                    dispatched_at=dispatched, arrived_at=arrived, closed_at=closed,
                    status=IncidentStatus.CLOSED if closed else IncidentStatus.NEW, **extra)  # type: ignore[arg-type]


def state_of(*incidents: Incident, calls: tuple[Call, ...] = (), **extra: object) -> State:
    return State(incidents=immutables.Map({i.id: i for i in incidents}),
                 calls=immutables.Map({c.id: c for c in calls}), **extra)  # type: ignore[arg-type]


def test_the_day_starts_at_local_midnight() -> None:
    assert day_start_ms(NOW) == MIDNIGHT
    assert dashboard_figures(state_of(), None, now_ms=NOW).hour == 10


def test_each_hour_shows_the_larger_of_the_log_and_the_state_so_neither_gap_shows() -> None:
    # The log was read up to 09:00 (it lags); the state began at 08:00 (the hub started then).
    areas = (Area(AreaKind.DISTRICT, TIANHE), Area(AreaKind.DISTRICT, HAIZHU), Area(AreaKind.STATION, "S-1"))
    counts = counts_of(areas, MIDNIGHT // SLOT_MS, 9)
    counts.valid[0, 3] = 5
    counts.valid[1, 3] = 2
    counts.valid[2, 3] = 7  # the station rows repeat the districts' incidents: never added twice
    counts.calls[3] = 11
    counts.valid[0, 8] = 1
    counts.calls[8] = 2
    state = state_of(incident(1, 8), incident(2, 8), incident(3, 10, call="C-3"),
                     calls=(Call(id="C-9", offered_at=MIDNIGHT + 10 * SLOT_MS),))
    figures = dashboard_figures(state, counts, now_ms=NOW)
    assert figures.valid[3] == 7 and figures.calls[3] == 11  # the morning from the log
    assert figures.valid[8] == 2 and figures.calls[8] == 2  # the state saw more than the log had read
    assert figures.valid[10] == 1 and figures.calls[10] == 2  # the last minutes from the state alone
    assert len(figures.valid) == 24 and sum(figures.valid[11:]) == 0


def test_duplicates_and_yesterday_do_not_count() -> None:
    state = state_of(incident(1, 2), incident(2, 2, duplicate_of="I-1"),
                     incident(3, -3))  # 21:00 yesterday
    figures = dashboard_figures(state, None, now_ms=NOW)
    assert figures.created == 1 and sum(figures.valid) == 1


def test_non_police_share_and_clearance() -> None:
    state = state_of(incident(1, 1, close_min=30), incident(2, 1, close_min=90), incident(3, 2),
                     incident(4, 2, category=Category.NON_POLICE))
    figures = dashboard_figures(state, None, now_ms=NOW)
    assert (figures.police, figures.non_police) == (3, 1)
    assert figures.non_police_share == pytest.approx(0.25)
    assert (figures.created, figures.closed) == (4, 2)
    assert figures.clearance == pytest.approx(0.5)
    assert figures.median_close_s is not None and 30 * 60 <= figures.median_close_s <= 90 * 60


def test_response_times_per_priority_against_each_incidents_target() -> None:
    # P1: dispatch within 60 s; P3: within 5 min.
    state = state_of(incident(1, 1, priority=1, dispatch_s=40, arrival_s=200),
                     incident(2, 1, priority=1, dispatch_s=100, arrival_s=400),
                     incident(3, 2, priority=3, dispatch_s=200, district=HAIZHU),
                     incident(4, 2, priority=3))  # not dispatched yet: no sample
    figures = dashboard_figures(state, None, now_ms=NOW, districts=(TIANHE, HAIZHU, "440111"))
    p1 = by_key(figures.dispatch_by_priority)["1"]
    assert (p1.count, p1.within_target, p1.target_s) == (2, 1, 60)
    assert p1.share_within == pytest.approx(0.5)
    assert p1.median_s is not None and 40 <= p1.median_s <= 100 and p1.p90_s == 100
    assert by_key(figures.dispatch_by_priority)["3"].count == 1
    assert by_key(figures.arrival_by_priority)["1"].within_target == 1  # 200 s of 300, 400 s over
    districts = by_key(figures.dispatch_by_district)
    assert districts[TIANHE].count == 2 and districts[HAIZHU].within_target == 1
    assert districts["440111"].count == 0 and districts["440111"].median_s is None  # its row, empty
    assert districts[HAIZHU].target_s == 300  # one priority: its target; mixed priorities have none
    mixed = dashboard_figures(state_of(incident(1, 1, priority=1, dispatch_s=40), incident(2, 1, dispatch_s=40)),
                              None, now_ms=NOW)
    assert by_key(mixed.dispatch_by_district)[TIANHE].target_s is None


def test_drill_incidents_and_calls_never_count() -> None:
    drill = DrillInfo(drill="D-20261207-01", scenario="knife", version=1)
    state = state_of(incident(1, 9), incident(2, 9, drill="D-20261207-01"),
                     incident(3, 9, call="D-20261207-01:knife"),
                     calls=(Call(id="D-20261207-01:fire", offered_at=MIDNIGHT + 9 * SLOT_MS),),
                     mode=Mode.DRILL, drill=drill)
    figures = dashboard_figures(state, None, now_ms=NOW)
    assert figures.valid[9] == 1 and figures.calls[9] == 0 and figures.created == 1
    assert figures.drill_left_out == 3
