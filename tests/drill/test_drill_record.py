"""A drill read back from the log (``drill.record``): its own events only, each inject matched with what it
became, its incidents as they stood at its end, scored against its scenario; an unknown drill or a scenario
that is not the one it ran said in a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.drill.record import DrillRecord, UnknownDrill, drill_record
from dispatch_desktop.drill.scoring import Outcome
from dispatch_desktop.store import EventStore
from tests.drill.drill_log import DRILL, SCENARIO, T0, S, write_drill_log


@pytest.fixture(scope="module")
def drill_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EventStore, Path]]:
    folder = tmp_path_factory.mktemp("drill")
    scenario = folder / "report_test.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    with EventStore.open(f"sqlite:///{folder / 'drill.db'}") as store:
        write_drill_log(store)
        yield store, scenario


@pytest.fixture(scope="module")
def drill(drill_store: tuple[EventStore, Path]) -> DrillRecord:
    store, scenario = drill_store
    return drill_record(store, DRILL, scenario_file=scenario)


def test_the_drill_is_scored_against_its_scenario(drill: DrillRecord) -> None:
    assert drill.score is not None and drill.unscored == ""
    outcomes = {item.id: item.outcome for item in drill.score.expectations}
    assert outcomes == {"rapid_sent": Outcome.MISSED, "patrol_sent": Outcome.MET, "on_scene": Outcome.MET,
                        "referred": Outcome.MISSED}
    assert (drill.score.earned, drill.score.possible) == (45, 85)
    rapid = next(item for item in drill.score.expectations if item.id == "rapid_sent")
    assert rapid.met_at_ms is not None and rapid.deadline_ms is not None
    assert rapid.met_at_ms - rapid.deadline_ms == 10 * S  # sent 10 s after its deadline: the debrief shows it


def test_each_inject_is_matched_with_what_it_became(drill: DrillRecord) -> None:
    marks = {mark.inject: mark for mark in drill.injects}
    assert [mark.inject for mark in drill.injects] == ["knife", "cams", "noise", "sos"]  # in planned order
    assert (marks["knife"].incident, marks["knife"].at_ms) == ("J-D-1", T0 + 30 * S)  # by its call id
    assert (marks["noise"].incident, marks["noise"].at_ms) == ("J-D-2", T0 + 120 * S)  # by its caller's number
    assert marks["sos"].at_ms == T0 + 240 * S and marks["sos"].planned_ms == 240 * S
    assert marks["cams"].at_ms == T0 + 90 * S and marks["cams"].observable  # its camera_status


def test_only_the_drills_own_events_and_incidents_are_in_its_record(drill: DrillRecord) -> None:
    assert {event.mode.value for _gseq, event in drill.events} == {"drill"}
    assert [incident.incident.id for incident in drill.incidents] == ["J-D-1", "J-D-2"]  # not J-L-1 nor J-D-0
    knife = drill.incidents[0]
    assert knife.incident.status.value == "on_scene"
    assert [track.unit for track in knife.units] == ["DRILL-PG-1", "RR-01"]
    assert all(track.fixes for track in knife.units)  # the simulated unit's drill fixes and the real one's live
    assert (drill.start_ms, drill.end_ms) == (T0, T0 + 480 * S)
    assert drill.ended is not None and drill.ended.reason is ev.DrillEndReason.ENDED


def test_a_drill_interrupted_before_its_end_is_reported_up_to_the_logs_end(tmp_path: Path) -> None:
    scenario = tmp_path / "report_test.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    with EventStore.open(f"sqlite:///{tmp_path / 'interrupted.db'}") as store:
        write_drill_log(store, ended=False)
        drill = drill_record(store, DRILL, scenario_file=scenario)
    assert drill.ended is None and drill.end_ms == T0 + 590 * S  # the newest event: a live position
    assert [incident.incident.id for incident in drill.incidents] == ["J-D-1", "J-D-2"]
    assert drill.score is not None and drill.score.earned == 45


def test_an_unknown_drill_is_answered_with_the_drills_the_log_holds(drill_store: tuple[EventStore, Path]) -> None:
    store, _scenario = drill_store
    with pytest.raises(UnknownDrill, match=r"no drill 'D-20251122-02'.*holds D-20251121-01, D-20251122-01"):
        drill_record(store, "D-20251122-02")
    with pytest.raises(UnknownDrill, match="a drill id is D-YYYYMMDD-NN"):
        drill_record(store, "22-11-2025")


def test_a_scenario_not_found_or_of_another_version_leaves_the_drill_unscored(
        drill_store: tuple[EventStore, Path], tmp_path: Path) -> None:
    store, _scenario = drill_store
    unshipped = drill_record(store, DRILL)
    assert unshipped.score is None and "report_test version 2 is no longer among the shipped" in unshipped.unscored
    assert [mark.incident for mark in unshipped.injects] == ["J-D-1", "J-D-2"]  # its calls, as they came
    other = tmp_path / "v3.yaml"
    other.write_text(SCENARIO.replace("version: 2", "version: 3"), encoding="utf-8")
    older = drill_record(store, DRILL, scenario_file=other)
    assert older.score is None and "version 3 of report_test, but the drill ran version 2" in older.unscored
