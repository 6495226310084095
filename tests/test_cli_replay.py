"""``dispatch-desktop db generate`` and ``dispatch-desktop replay state``, as a user types them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, UnitKind, UnitStatus
from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.state import State
from dispatch_desktop.store import EventStore
from tests.cli_run import Ran, cli_runner
from tests.test_cli import ENTRY_POINT, _words

T0 = round(datetime(2026, 12, 1, 18, 0, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp() * 1000)
MINUTE = 60_000
SMALL = ("--units", "40", "--seed", "3")  # a city small enough for a test


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., Ran]]:
    yield from cli_runner(capsys)


def _url(tmp_path: Path, name: str = "events.sqlite3") -> str:
    return f"sqlite:///{tmp_path / name}"


def _incident(incident: str, priority: int, call_time: int) -> ev.IncidentCreated:
    return ev.IncidentCreated(incident=incident, call_time=call_time, caller_number="13800138000", lat=23.13,
                              lon=113.33, address="天河路 385 号", district="440106", station="S-440106-01",
                              incident_type="theft", priority=priority, category=Category.POLICE)


def _known_log(url: str) -> None:
    """Three units, two incidents, one of them dispatched and acknowledged; the last event at +30 min."""
    bodies: list[tuple[str, ev.AnyBody, int]] = [
        ("hub", ev.UnitRegistered(unit="P-1", unit_kind=UnitKind.PATROL_GROUP, station="S-440106-01", name="巡一"), 0),
        ("hub", ev.UnitRegistered(unit="P-2", unit_kind=UnitKind.PATROL_GROUP, station="S-440106-01", name="巡二"), 0),
        ("hub", ev.UnitRegistered(unit="T-1", unit_kind=UnitKind.TRAFFIC, station="S-440106-01", name="交一"), 0),
        ("P-1", ev.StatusReport(status=UnitStatus.AVAILABLE), 1_000),
        ("P-2", ev.StatusReport(status=UnitStatus.AVAILABLE), 1_000),
        ("T-1", ev.StatusReport(status=UnitStatus.AVAILABLE), 1_000),
        ("ws-1", _incident("J-1", 1, T0 + 30_000), 60_000),
        ("ws-1", _incident("J-2", 3, T0 + 90_000), 120_000),
        ("ws-1", ev.UnitDispatched(incident="J-1", unit="P-1", order="o-1"), 150_000),
        ("hub", ev.OrderDelivered(order="o-1", unit="P-1"), 151_000),
        ("P-1", ev.DispatchAck(incident="J-1", order="o-1"), 160_000),
        ("P-2", ev.Position(lat=23.13, lon=113.33, heading=0.0, speed=0.0), 30 * MINUTE),
    ]
    seqs: dict[str, int] = {}
    envelopes = []
    for source, body, offset in bodies:
        seqs[source] = seqs.get(source, 0) + 1
        envelopes.append(ev.envelope(source, seqs[source], body, T0 + offset, t_hub=T0 + offset))
    with EventStore.open(url, maintenance=False) as store:
        store.append(envelopes)


def _state(cli: Callable[..., Ran], url: str, *options: str) -> Ran:
    return cli("replay", "state", "--db", url, "--timezone", "Asia/Shanghai", *options)


def test_replay_state_summarises_the_city_at_a_moment_of_a_known_log(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = _url(tmp_path)
    _known_log(url)
    shown = _state(cli, url, "--at", "+20")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == [
        "the city at 2026-12-01 18:20:00 (log: 2026-12-01 18:00:00 to 2026-12-01 18:30:00)",
        "  last event: 2026-12-01 18:02:40 (11 events up to this moment)",
        "  open incidents: 2",
        "    by status: dispatched 1, new 1",
        "    by priority: P1 1, P3 1",
        "  units: 3",
        "    patrol: available 1, en_route 1",
        "    traffic: available 1",
        "  overdue incidents: 2",
        "    J-2 P3: dispatch 13 min 30 s past its target",  # called at 18:01:30, 5 minutes allowed
        "    J-1 P1: arrival 12 min 30 s past its target",  # dispatched at 18:02:30, 5 minutes allowed
    ]
    early = _state(cli, url, "--at", "2026-12-01T18:01:30", "--json")
    assert early.returncode == 0, early.stderr
    summary = json.loads(early.stdout)
    assert summary["events"] == 7 and summary["last_event"] == "2026-12-01 18:01:00"
    assert summary["incidents_by_status"] == {"new": 1} and summary["overdue_count"] == 0
    assert summary["units_by_kind"] == {"patrol": {"available": 2}, "traffic": {"available": 1}}


def test_replay_state_refuses_a_time_outside_the_log_and_says_its_span(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = _url(tmp_path)
    _known_log(url)
    for at in ("2026-12-01T19:00", "+31", "2026-12-01T17:59"):
        outside = _state(cli, url, "--at", at)
        assert outside.returncode == 2, at
        assert "is outside the log" in outside.stderr
        assert "the log runs from 2026-12-01 18:00:00 to 2026-12-01 18:30:00" in outside.stderr
    garbled = _state(cli, url, "--at", "yesterday")
    assert garbled.returncode == 2 and "'yesterday' is not a date and time" in garbled.stderr
    assert "Traceback" not in garbled.stderr
    empty = _url(tmp_path, "empty.sqlite3")
    EventStore.open(empty, maintenance=False).close()
    nothing = _state(cli, empty, "--at", "+0")
    assert nothing.returncode == 2 and "holds no events: nothing to replay" in nothing.stderr


def test_generate_writes_a_log_refuses_to_write_into_it_again_and_appends_when_told(
        tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = _url(tmp_path)
    made = cli("db", "generate", "--db", url, "--hours", "0.02", "--start", "2026-12-01T18:00", *SMALL)
    assert made.returncode == 0, made.stderr
    assert "simulated 2026-12-01 18:00:00 to 2026-12-01 18:01:12" in made.stdout
    assert "simulated 2026-12-01 18:01:12 (100%)" in made.stderr  # the progress line
    with EventStore.open(url, maintenance=False) as store:
        held = store.last_gseq()
    assert held > 0 and f"the log now holds {held:,}" in made.stdout

    again = cli("db", "generate", "--db", url, "--hours", "0.02", *SMALL)
    assert again.returncode == 2
    assert f"already holds {held:,} events (up to 2026-12-01 18:01:12)" in again.stderr
    assert "Give --append" in again.stderr

    appended = cli("db", "generate", "--db", url, "--hours", "0.02", "--append", *SMALL)
    assert appended.returncode == 0, appended.stderr
    assert "simulated 2026-12-01 18:01:13 to 2026-12-01 18:02:25" in appended.stdout
    with EventStore.open(url, maintenance=False) as store:
        assert store.last_gseq() > held
        assert store.state_at().refusal_count == 0


def test_generate_refuses_bad_input_in_one_sentence(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a directory")
    cases = [
        (("--hours", "0"), "must be greater than 0, got 0"),
        (("--hours", "-2"), "must be greater than 0"),
        (("--hours", "1", "--db", "mysql://host/db"), "bad --db URL"),
        (("--hours", "1", "--db", f"sqlite:///{a_file}/events.sqlite3"), "cannot create or open the event store"),
        (("--hours", "1", "--start", "tomorrow"), "'tomorrow' is not a date and time"),
    ]
    for options, message in cases:
        result = cli("db", "generate", *options)
        assert result.returncode == 2, (options, result.stderr)
        assert message in _words(result.stderr), (options, result.stderr)
        assert "Traceback" not in result.stderr
    with_start = cli("db", "generate", "--db", _url(tmp_path, "x.sqlite3"), "--hours", "0.01",
                      *SMALL)
    assert with_start.returncode == 0, with_start.stderr
    both = cli("db", "generate", "--db", _url(tmp_path, "x.sqlite3"), "--hours", "1", "--append",
                            "--start", "2026-12-01T18:00")
    assert both.returncode == 2 and "--start cannot be used with --append" in both.stderr


def test_ctrl_c_stops_generate_with_130_and_keeps_a_consistent_log(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = _url(tmp_path)
    environ = dict(os.environ, DISPATCH_DESKTOP_DATA=str(tmp_path / "data"))
    with subprocess.Popen([str(ENTRY_POINT), "db", "generate", "--db", url, "--hours", "24", *SMALL],
                          env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as running:
        assert running.stderr is not None
        while "events/s" not in running.stderr.readline():  # its first progress line: it is writing
            assert running.poll() is None, "db generate ended before it was interrupted"
        running.send_signal(signal.SIGINT)
        out, _ = running.communicate(timeout=120)
    assert running.returncode == 130
    assert "stopped by Ctrl-C: the log holds every event up to" in out
    with EventStore.open(url, maintenance=False) as store:
        log = [event for _, event in store.read()]
        assert log and store.state_at() == apply_all(State(), log)
