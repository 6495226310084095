"""A past shift becomes a drill: its calls become call injects at their offsets, callers anonymised, the
shift's own times the expectations to beat; the file written reads back as the same scenario, and
``drill from-log`` writes it from a log."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dispatch_desktop.cli import main
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, Mode
from dispatch_desktop.drill.from_log import scenario_from_events, scenario_yaml
from dispatch_desktop.drill.loading import load_scenario
from dispatch_desktop.drill.scenario import Call
from dispatch_desktop.store import EventStore

T0 = round(datetime(2026, 12, 1, 18, 0, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp() * 1000)
SECOND = 1000


def incident(number: str, incident_type: str, call_time: int, *, name: str = "王建国",
             category: Category = Category.POLICE) -> ev.IncidentCreated:
    return ev.IncidentCreated(incident=number, call_time=call_time, caller_number="13912345678", caller_name=name,
                              lat=23.15, lon=113.254, address="广州站西广场", district="440104",
                              station="S-440104-14", incident_type=incident_type, priority=2, category=category,
                              description=f"报警人{name}称：有人在广场打架，回电13912345678")


def shift() -> list[tuple[int, ev.Envelope]]:
    """Two calls in the range (a fight dispatched, arrived and closed; a noise complaint referred), one drill
    incident and one call after the range (both left out); times in seconds after 18:00."""
    timed: list[tuple[int, str, ev.AnyBody, Mode]] = [
        (60, "ws-1", incident("J-1", "fight", T0 + 50 * SECOND), Mode.LIVE),
        (90, "ws-1", ev.UnitDispatched(incident="J-1", unit="PG-440104-14-01"), Mode.LIVE),
        (100, "ws-1", incident("J-D", "knife_attack", T0 + 100 * SECOND), Mode.DRILL),
        (200, "ws-1", incident("J-2", "noise", T0 + 200 * SECOND, name="李梅", category=Category.NON_POLICE),
         Mode.LIVE),
        (290, "PG-440104-14-01", ev.Arrival(incident="J-1"), Mode.LIVE),
        (300, "ws-1", ev.IncidentReferred(incident="J-2", department="environment", reason="噪音"), Mode.LIVE),
        (900, "ws-1", ev.IncidentClosed(incident="J-1", disposition="resolved"), Mode.LIVE),
        (1900, "ws-1", incident("J-3", "theft", T0 + 1900 * SECOND), Mode.LIVE),
    ]
    return [(gseq, ev.envelope(source, gseq, body, T0 + seconds * SECOND, t_hub=T0 + seconds * SECOND, mode=mode))
            for gseq, (seconds, source, body, mode) in enumerate(timed, start=1)]


def test_the_calls_of_a_range_become_anonymised_injects_and_the_shifts_times_the_expectations() -> None:
    scenario = scenario_from_events(shift(), T0, T0 + 30 * 60 * SECOND)
    assert scenario.id == "shift_20261201_1800"
    assert [(inject.id, inject.at) for inject in scenario.injects] == [("call_001", "+00:50"), ("call_002", "+03:20")]
    first = scenario.injects[0].call
    assert isinstance(first, Call)
    assert (first.caller, first.number, first.type, first.description) == ("报警人1", "138****0001", "fight",
                                                                           "报警人1称：有人在广场打架，回电138****0001")
    assert first.position == (23.15, 113.254) and first.address == "广州站西广场"
    assert "王建国" not in scenario_yaml(scenario) and "13912345678" not in scenario_yaml(scenario)
    assert [(e.id, e.deadline.inject, e.deadline.within, e.kinds[0]) for e in scenario.expectations] == [
        ("call_001_dispatched", "call_001", "+00:40", "dispatched"),  # called 18:00:50, dispatched 18:01:30
        ("call_001_on_scene", "call_001", "+04:00", "on_scene"),
        ("call_001_closed", "call_001", "+14:10", "closed"),
        ("call_002_referred", "call_002", "+01:40", "referred_not_dispatched"),
    ]
    assert scenario.expectations[3].referred_not_dispatched is not None
    assert scenario.expectations[3].referred_not_dispatched.department == "environment"
    assert scenario.units.enrolled == ("PG-440104-14-01",)
    assert scenario.duration == "+30:00"


def test_the_written_file_reads_back_as_the_same_scenario(city: City) -> None:
    scenario = scenario_from_events(shift(), T0, T0 + 30 * 60 * SECOND)
    text = scenario_yaml(scenario, "from a test")
    assert text.startswith("# from a test\n")
    loaded, problems = load_scenario(text, "shift.yaml", city)
    assert problems == []
    assert loaded == scenario


def test_a_deadline_past_the_range_lengthens_the_drill() -> None:
    scenario = scenario_from_events(shift(), T0, T0 + 5 * 60 * SECOND)  # J-1 is closed at 18:15
    assert scenario.duration == "+15:00"
    assert load_scenario(scenario_yaml(scenario), "shift.yaml", None)[1] == []


def test_drill_from_log_writes_a_scenario_from_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    with EventStore.open(url, maintenance=False) as store:
        store.append([envelope for _gseq, envelope in shift()])
    out = tmp_path / "shift.yaml"
    zone = localtime.zone()
    try:
        code = main(["drill", "from-log", "--db", url, "--from", "+0", "--to", "2026-12-01T18:31", "--out", str(out),
                     "--timezone", "Asia/Shanghai"])
        shown = capsys.readouterr()
        assert code == 0, shown.err
        assert shown.out.strip() == f"{out}: shift_20261201_1801, 2 calls, 4 expectations, +30:00 long"
        assert main(["drill", "validate", str(out)]) == 0
        written, _problems = load_scenario(out.read_text(encoding="utf-8"), str(out), None)
        assert written is not None
        # J-1 was called at 18:00:50, before the range: its call comes at the start, and the shift's
        # dispatch at 18:01:30 is 30 s after it
        assert (written.injects[0].at, written.expectations[0].deadline.within) == ("+00:00", "+00:30")
        backwards = main(["drill", "from-log", "--db", url, "--from", "+20", "--to", "+10", "--out", str(out)])
        assert backwards == 2 and "is not after --from +20" in capsys.readouterr().err
    finally:
        localtime.set_zone(str(zone))
