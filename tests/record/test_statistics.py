"""An incident's statistics: each step's time, the target phases, distance driven and time on scene."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.domain.timers import Level
from dispatch_desktop.domain.travel import haversine_m
from dispatch_desktop.record import Fix, incident_record, record_statistics
from dispatch_desktop.record.stats import distance_m
from dispatch_desktop.store import EventStore
from tests.record.story import GAP, INCIDENT, STEP_DEG, T0, write_story

S = 1_000


def test_each_step_from_the_call_to_the_closing_in_seconds(story_store: EventStore) -> None:
    statistics = record_statistics(incident_record(story_store, INCIDENT))
    assert [(step.start, step.end, step.seconds) for step in statistics.steps] == [
        ("call", "created", 60), ("created", "dispatched", 60), ("dispatched", "acknowledged", 30),
        ("acknowledged", "arrived", 450), ("arrived", "cleared", 900), ("cleared", "closed", 300)]


def test_the_phases_are_measured_against_the_priority_targets(story_store: EventStore) -> None:
    phases = record_statistics(incident_record(story_store, INCIDENT)).phases
    # Priority 2: dispatch within 2 min, arrive within 10, clear within 90; from 80 % of a target on, a
    # phase is in the warning band (met, but close).
    assert [(p.phase.value, p.elapsed_s, p.target_s, p.level) for p in phases.phases] == [
        ("dispatch", 120, 120, Level.WARNING), ("arrival", 480, 600, Level.WARNING), ("clear", 900, 5400, Level.OK)]


def test_a_knife_attack_is_held_to_the_rapid_response_targets(tmp_path: Path) -> None:
    with EventStore.open(f"sqlite:///{tmp_path / 'knife.db'}") as store:
        write_story(store, incident_type="knife_attack")
        record = incident_record(store, INCIDENT)
    assert record.rapid_response
    dispatch = record_statistics(record).phases.dispatch
    assert (dispatch.target_s, dispatch.level) == (30, Level.OVERDUE)


def test_distance_driven_leaves_out_the_gap_and_marks_it(story_store: EventStore) -> None:
    statistics = record_statistics(incident_record(story_store, INCIDENT))
    patrol = statistics.units[0]
    assert [(gap.from_ms - T0, gap.to_ms - T0) for gap in patrol.gaps] == [(GAP[0] - 100, GAP[1] - 100)]
    # P-0001 is kept from +120 s - 5 min to +1500 s + 5 min, a fix every 5 s but for the gap: every step
    # between two fixes on the same side of the gap is 0.0001° of latitude.
    step_m = haversine_m(23.1, 113.3, 23.1 + STEP_DEG, 113.3)
    pairs = patrol.fixes - len(patrol.gaps) - 1
    assert patrol.distance_m == pytest.approx(pairs * step_m, rel=1e-3)
    assert statistics.units[1].distance_m == 0  # R-0001 stood still


def test_time_on_scene_runs_from_arrival_to_release(story_store: EventStore) -> None:
    units = record_statistics(incident_record(story_store, INCIDENT)).units
    assert [(unit.unit, unit.on_scene_s) for unit in units] == [("P-0001", 900), ("R-0001", 0)]


def test_haversine_matches_a_known_distance() -> None:
    # One degree of latitude is 111.2 km on the mean sphere; Guangzhou to Shenzhen's centre about 104 km.
    assert haversine_m(23.0, 113.0, 24.0, 113.0) == pytest.approx(111_195, rel=1e-4)
    assert haversine_m(23.1291, 113.2644, 22.5431, 114.0579) == pytest.approx(104_000, rel=0.02)


def test_a_jump_across_a_long_silence_is_not_driven() -> None:
    fixes = [Fix(0, 23.0, 113.0, 0), Fix(5 * S, 23.0001, 113.0, 0), Fix(10 * 60 * S, 23.5, 113.0, 0)]
    driven, gaps = distance_m(fixes)
    assert driven == pytest.approx(haversine_m(23.0, 113.0, 23.0001, 113.0))
    assert [(gap.from_ms, gap.to_ms) for gap in gaps] == [(5 * S, 10 * 60 * S)]
