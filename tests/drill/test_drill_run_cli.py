"""``dispatch-desktop drill run`` and ``drill end`` as a trainer types them, on an in-process hub over a SQLite
log: a bad scenario is refused with file:line before anything starts, a drill runs to its end and prints its
injects and score, Ctrl-C ends it "aborted", and a drill a killed runner left running is named and ended."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore
from tests.bus.conftest import wait_for
from tests.cli_run import Ran, cli_runner

pytestmark = pytest.mark.timeout(180)

SCENARIO = """\
format: 1
id: cli_test
version: 1
title: {zh: 命令行, en: Command line}
description: {zh: 命令行, en: Command line}
duration: "%s"
units:
  simulated: [{id: DRILL-PG-1, kind: patrol, station: S-440104-14, place: 广州站, call_sign: 演练巡1组}]
injects:
  - {id: knife, at: "+00:05", call: {caller: 甲, number: "13800000001", place: 广州站, type: knife_attack,
                                     description: 有人持刀}}
expectations:
  - {id: sent, text: {zh: 派警, en: Unit sent}, points: 10, deadline: {inject: knife, within: "+00:10"},
     dispatched: {}}
"""


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Ran]]:
    monkeypatch.setenv("DISPATCH_DESKTOP_DATA", str(tmp_path / "data"))
    yield from cli_runner(capsys)


def scenario(tmp_path: Path, duration: str = "+00:20") -> Path:
    path = tmp_path / "cli_test.yaml"
    path.write_text(SCENARIO % duration, encoding="utf-8")
    return path


def drill_ends(url: str) -> list[tuple[str, ev.DrillEndReason]]:
    with EventStore.open(url) as store:
        return [(e.body.drill, e.body.reason) for _g, e in store.read() if isinstance(e.body, ev.DrillEnded)]


def test_a_drill_runs_to_its_end_printing_each_inject_and_the_score(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    ran = cli("drill", "run", str(scenario(tmp_path)), "--db", url, "--warp", "10", "--operator", "张强 010001")
    assert ran.returncode == 0, ran.stderr
    day = ran.stdout.split("drill D-", 1)[1][:8]
    assert f"drill D-{day}-01 started: cli_test version 1" in ran.stdout
    assert "knife: 110 call D-" in ran.stdout and "from 甲 13800000001 at 广州站 (knife_attack): 有人持刀" in ran.stdout
    assert "missed: sent (Unit sent) 0/10" in ran.stdout
    assert f"drill D-{day}-01 completed at +00:20" in ran.stdout
    assert "score of drill" in ran.stdout and "0 / 10 points" in ran.stdout
    assert drill_ends(url) == [(f"D-{day}-01", ev.DrillEndReason.COMPLETED)]
    again = cli("drill", "run", str(scenario(tmp_path)), "--db", url, "--warp", "10")
    assert f"drill D-{day}-02 started" in again.stdout  # the day's next number


def test_a_scenario_with_problems_is_refused_with_file_and_line_before_anything_starts(
        tmp_path: Path, cli: Callable[..., Ran]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text((SCENARIO % "+00:20").replace("place: 广州站, type", "place: 不存在的地方, type"), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    ran = cli("drill", "run", str(path), "--db", url)
    assert ran.returncode == 1
    assert f"{path}:10: injects[0].call.place:" in ran.stderr and "not run" in ran.stderr
    assert not (tmp_path / "events.sqlite3").exists()


def test_a_warp_out_of_range_is_refused_in_a_sentence(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    ran = cli("drill", "run", str(scenario(tmp_path)), "--db", url, "--warp", "20")
    assert ran.returncode == 2 and "argument --warp: '20' is no warp factor" in ran.stderr
    assert "from 1 to 10" in ran.stderr and not (tmp_path / "events.sqlite3").exists()


def test_a_drill_left_running_by_a_killed_runner_is_named_and_ended_with_drill_end(
        tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    env = {**os.environ, "DISPATCH_DESKTOP_DATA": str(tmp_path / "data")}
    runner = subprocess.Popen([sys.executable, "-m", "dispatch_desktop.cli", "drill", "run",
                               str(scenario(tmp_path, "+30:00")), "--db", url],
                              cwd=Path(__file__).resolve().parents[2], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert runner.stdout is not None
        started = next(line for line in runner.stdout if " started: cli_test" in line)
        drill_id = started.split()[1]
        runner.send_signal(signal.SIGKILL)
    finally:
        runner.wait(30)
    refused = cli("drill", "run", str(scenario(tmp_path)), "--db", url)
    assert refused.returncode == 1
    assert f"drill {drill_id} (cli_test version 1) is still running on the hub" in refused.stderr
    assert f"'dispatch-desktop drill end --db {url}'" in refused.stderr
    ended = cli("drill", "end", "--db", url)
    assert ended.returncode == 0 and f"drill {drill_id} (cli_test version 1) ended: aborted" in ended.stdout
    assert drill_ends(url) == [(drill_id, ev.DrillEndReason.ABORTED)]
    assert "no drill is running" in cli("drill", "end", "--db", url).stdout


def test_ctrl_c_ends_the_drill_aborted_and_prints_the_score(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    env = {**os.environ, "DISPATCH_DESKTOP_DATA": str(tmp_path / "data")}
    runner = subprocess.Popen([sys.executable, "-m", "dispatch_desktop.cli", "drill", "run",
                               str(scenario(tmp_path, "+30:00")), "--db", url],
                              cwd=Path(__file__).resolve().parents[2], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert runner.stdout is not None
    started = next(line for line in runner.stdout if " started: cli_test" in line)
    runner.send_signal(signal.SIGINT)
    out, err = runner.communicate(timeout=60)
    assert runner.returncode == 0, err
    assert "interrupted: ending the drill" in err
    assert f"drill {started.split()[1]} aborted at" in out and "0 / 10 points" in out
    assert drill_ends(url) == [(started.split()[1], ev.DrillEndReason.ABORTED)]


def test_against_a_remote_hub_a_missing_key_is_named_with_the_command_that_makes_it(
        tmp_path: Path, cli: Callable[..., Ran]) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    ran = cli("drill", "run", str(scenario(tmp_path)), "--hub", "tcp://127.0.0.1:5555", "--keys", str(keys),
              "--workstation", "ws-trainer")
    assert ran.returncode != 0
    assert f"no key ws-trainer for this trainer's desk (--workstation) in {keys}" in ran.stderr
    assert "'dispatch-desktop keys create --workstation ws-trainer --role commander'" in ran.stderr


def test_an_enrolled_unit_that_is_not_free_is_named_and_enrol_offered(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    path = tmp_path / "enrolled.yaml"
    path.write_text((SCENARIO % "+00:20").replace("units:\n", "units:\n  enrolled: [RR-01]\n"), encoding="utf-8")
    ran = cli("drill", "run", str(path), "--db", url)
    assert ran.returncode == 1
    assert "Unit RR-01 is off_duty, not available: it cannot be enrolled in drill D-" in ran.stderr
    assert "--enrol UNIT… takes part with other real units, --enrol alone with none" in ran.stderr
    assert drill_ends(url) == []


def _three_free_ports() -> int:
    """A port with the next two free as well: 'drill run --hub' finds the workstation and event feed there."""
    import socket

    for _attempt in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = int(probe.getsockname()[1])
        if base > 65_000:
            continue
        try:
            with socket.socket() as one, socket.socket() as two:
                one.bind(("127.0.0.1", base + 1))
                two.bind(("127.0.0.1", base + 2))
            return base
        except OSError:
            continue
    raise AssertionError("no three free ports in a row")


def test_a_drill_runs_on_a_remote_hub_with_curve_keys_for_the_trainer_and_each_simulated_unit(
        tmp_path: Path, cli: Callable[..., Ran]) -> None:
    from dispatch_desktop.bus.hub import CurveSecurity, Hub
    from dispatch_desktop.bus.keys import KeyDirectory, Kind, Role
    from tests.bus.conftest import AREA, open_store, roster

    keys = KeyDirectory(tmp_path / "keys")
    keys.create("ws-trainer", Kind.WORKSTATION, Role.COMMANDER)
    keys.create("DRILL-PG-1", Kind.UNIT)
    store, projector = open_store(tmp_path, real=True)
    port = _three_free_ports()
    hub = Hub(store, projector=projector, security=CurveSecurity(keys.root), blob_dir=tmp_path / "blobs",
              field_endpoint=f"tcp://127.0.0.1:{port}", workstation_endpoint=f"tcp://127.0.0.1:{port + 1}",
              publish_endpoint=f"tcp://127.0.0.1:{port + 2}", area=AREA, bootstrap=roster())
    hub.start()
    try:
        ran = cli("drill", "run", str(scenario(tmp_path)), "--hub", f"tcp://127.0.0.1:{port}", "--keys",
                  str(keys.root), "--workstation", "ws-trainer", "--warp", "10", "--drill-id", "D-20261207-05")
    finally:
        hub.stop()
    assert ran.returncode == 0, ran.stderr
    assert "drill D-20261207-05 completed at +00:20" in ran.stdout
    stored = [e for _g, e in store.read()]
    store.close()
    assert any(e.source == "DRILL-PG-1" and isinstance(e.body, ev.Position) for e in stored)  # its own key
    assert [e.body.reason for e in stored if isinstance(e.body, ev.DrillEnded)] == [ev.DrillEndReason.COMPLETED]


TWO_CALLS = """\
format: 1
id: resume_test
version: 1
title: {zh: 接管, en: Taken over}
description: {zh: 接管, en: Taken over}
duration: "+00:16"
units:
  simulated: [{id: DRILL-PG-1, kind: patrol, station: S-440104-14, place: 广州站, call_sign: 演练巡1组}]
injects:
  - {id: knife, at: "+00:01", call: {caller: 甲, number: "13800000001", place: 广州站, type: knife_attack,
                                     description: 有人持刀}}
  - {id: second, at: "+00:10", call: {caller: 乙, number: "13800000002", place: 广州站, type: noise,
                                      description: 噪音}}
expectations:
  - {id: sent, text: {zh: 派警, en: Unit sent}, points: 10, deadline: {inject: knife, within: "+00:10"},
     dispatched: {}}
"""


def offered_calls(url: str) -> list[str]:
    """The drill calls in the log, by inject."""
    with EventStore.open(url, maintenance=False) as store:
        return [e.body.call.rsplit(":", 1)[-1] for _g, e in store.read() if isinstance(e.body, ev.CallOffered)]


def test_a_drill_left_running_by_a_killed_runner_is_taken_over_where_it_stands(
        tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    path = tmp_path / "resume_test.yaml"
    path.write_text(TWO_CALLS, encoding="utf-8")
    env = {**os.environ, "DISPATCH_DESKTOP_DATA": str(tmp_path / "data")}
    runner = subprocess.Popen([sys.executable, "-m", "dispatch_desktop.cli", "drill", "run", str(path), "--db", url],
                              cwd=Path(__file__).resolve().parents[2], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert runner.stdout is not None
        next(line for line in runner.stdout if " knife: 110 call" in line)
        wait_for(lambda: offered_calls(url) == ["knife"], timeout=20)  # the first call is in the log: kill it now
        runner.send_signal(signal.SIGKILL)
    finally:
        runner.wait(30)
    refused = cli("drill", "run", str(path), "--db", url)
    assert refused.returncode == 1 and f"'dispatch-desktop drill run SCENARIO --resume --db {url}'" in refused.stderr

    resumed = cli("drill", "run", str(path), "--db", url, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "taken over: 1 injects came" in resumed.stdout
    assert " second: 110 call" in resumed.stdout and " knife: 110 call" not in resumed.stdout  # not rung twice
    assert "completed at +00:16" in resumed.stdout
    assert offered_calls(url) == ["knife", "second"]
    assert [reason for _drill, reason in drill_ends(url)] == [ev.DrillEndReason.COMPLETED]


def test_resume_names_what_it_cannot_take_over(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    path = tmp_path / "resume_test.yaml"
    path.write_text(TWO_CALLS, encoding="utf-8")
    nothing = cli("drill", "run", str(path), "--db", url, "--resume")
    assert nothing.returncode == 1 and "No drill is running on the hub: there is nothing to resume" in nothing.stderr
