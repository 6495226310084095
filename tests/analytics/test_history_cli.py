"""``dispatch-desktop db generate --incidents-only``: the archive for the analytics from the command line,
and the sentences that say what is wrong when the options do not go together."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dispatch_desktop.analytics.history import GroundTruth
from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore
from tests.cli_run import Ran, cli_runner
from tests.test_cli import ENTRY_POINT


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., Ran]]:
    yield from cli_runner(capsys)


def test_two_days_of_incidents_are_written_with_their_truth_beside(cli: Callable[..., Ran], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'history.sqlite3'}"
    ran = cli("db", "generate", "--incidents-only", "--days", "2", "--start", "2026-03-02", "--seed", "3",
              "--db", url)
    assert ran.returncode == 0, ran.stderr
    assert "not a log to run a desk on" in ran.stdout
    truth = GroundTruth.read_beside(url)
    assert (truth.seed, truth.days) == (3, 2)
    with EventStore.open(url) as store:
        kinds = {event.kind for _gseq, event in store.read()}
        assert kinds == {"incident_created"}
        assert store.last_gseq() > 15_000  # two days of a city of ~10,000 a day


def test_a_truth_file_can_be_named(cli: Callable[..., Ran], tmp_path: Path) -> None:
    ran = cli("db", "generate", "--incidents-only", "--days", "1", "--start", "2026-03-02",
              "--db", f"sqlite:///{tmp_path / 'h.sqlite3'}", "--truth", str(tmp_path / "truth.json"))
    assert ran.returncode == 0, ran.stderr
    assert GroundTruth.from_json((tmp_path / "truth.json").read_text(encoding="utf-8")).days == 1


@pytest.mark.parametrize(("words", "says"), [
    ((), "say what to write: --hours N"),
    (("--incidents-only",), "--incidents-only needs --days N"),
    (("--incidents-only", "--days", "3", "--hours", "2"), "--hours cannot be used with --incidents-only"),
    (("--incidents-only", "--days", "3", "--append"), "--append cannot be used with --incidents-only"),
    (("--days", "3"), "--days belongs to --incidents-only"),
    (("--hours", "1", "--truth", "t.json"), "--truth belongs to --incidents-only"),
    (("--incidents-only", "--days", "3", "--start", "2026-03-02T08:00"), "--start is a date, e.g. --start 2026-03-02"),
    (("--incidents-only", "--days", "30", "--start", "2027-12-15"), "outside 2025-2027"),
])
def test_options_that_do_not_go_together_are_refused_with_a_sentence(
        cli: Callable[..., Ran], tmp_path: Path, words: tuple[str, ...], says: str) -> None:
    db = tmp_path / "h.sqlite3"
    ran = cli("db", "generate", "--db", f"sqlite:///{db}", *words)
    assert ran.returncode == 2
    assert says in ran.stderr
    with EventStore.open(f"sqlite:///{db}") as store:
        assert store.last_gseq() == 0  # nothing written


def test_a_store_that_holds_events_is_refused(cli: Callable[..., Ran], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    with EventStore.open(url) as store:
        store.append([ev.envelope("ws-01", 1, ev.CallOffered(call="C1"), 1_780_000_000_000)])
    ran = cli("db", "generate", "--incidents-only", "--days", "1", "--start", "2026-03-02", "--db", url)
    assert ran.returncode == 2
    assert "already holds 1 event: --incidents-only writes an archive into a new store" in ran.stderr


def test_a_database_without_a_file_needs_a_truth_file(cli: Callable[..., Ran]) -> None:
    ran = cli("db", "generate", "--incidents-only", "--days", "1", "--db", "sqlite://")
    assert ran.returncode == 2
    assert "name a file for it (db generate --truth FILE)" in ran.stderr


def test_ctrl_c_stops_after_a_whole_day_with_130_and_the_truth_of_the_days_written(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'history.sqlite3'}"
    environ = dict(os.environ, DISPATCH_DESKTOP_DATA=str(tmp_path / "data"))
    with subprocess.Popen([str(ENTRY_POINT), "db", "generate", "--incidents-only", "--days", "300", "--start",
                           "2026-01-01", "--db", url], env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as running:
        assert running.stderr is not None
        while "events/s" not in running.stderr.readline():  # its first progress line: it is writing
            assert running.poll() is None, "db generate ended before it was interrupted"
        running.send_signal(signal.SIGINT)
        out, _ = running.communicate(timeout=120)
    assert running.returncode == 130
    assert "stopped by Ctrl-C after" in out
    truth = GroundTruth.read_beside(url)
    assert 1 <= truth.days < 300
    end_ms = truth.start_ms + truth.days * 86_400_000
    with EventStore.open(url) as store:
        calls = [event.body.call_time for _gseq, event in store.read() if isinstance(event.body, ev.IncidentCreated)]
    assert max(calls) < end_ms
    assert max(calls) > end_ms - 3_600_000  # the last day is whole


def test_without_db_the_archive_goes_to_the_desks_history_never_to_the_live_log(
        cli: Callable[..., Ran], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dispatch_desktop import paths

    monkeypatch.setenv("DISPATCH_DESKTOP_DATA", str(tmp_path / "data"))
    ran = cli("db", "generate", "--incidents-only", "--days", "1", "--start", "2026-03-02")
    assert ran.returncode == 0, ran.stderr
    history = paths.data_dir() / "analytics" / "history.sqlite3"
    assert GroundTruth.read_beside(f"sqlite:///{history}").days == 1
    assert not paths.default_database_path().exists()
