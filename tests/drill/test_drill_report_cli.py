"""``dispatch-desktop drill report``, as a trainer types it after a drill: the HTML written whole with its
SHA-256 recorded in the log (the drill's span, no incident, the drill's id in the file's name), and each
bad input refused with a sentence, leaving neither a file nor an event behind."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore
from tests.cli_run import Ran, cli_runner
from tests.drill.drill_log import DRILL, SCENARIO, T0, S, write_drill_log

TRAINER = "王教官 900001"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., Ran]]:
    yield from cli_runner(capsys)


@pytest.fixture
def drill_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'drill.db'}"
    with EventStore.open(url, maintenance=False) as store:
        write_drill_log(store)
    (tmp_path / "report_test.yaml").write_text(SCENARIO, encoding="utf-8")
    return url


def _exports(url: str) -> list[ev.RecordExported]:
    with EventStore.open(url, maintenance=False) as store:
        return [event.body for _gseq, event in store.read() if isinstance(event.body, ev.RecordExported)]


def test_the_report_is_written_and_its_fingerprint_recorded(cli: Callable[..., Ran], drill_url: str,
                                                            tmp_path: Path) -> None:
    out = tmp_path / f"{DRILL}-report.html"
    ran = cli("drill", "report", "--drill", DRILL, "--format", "html", "--out", str(out), "--db", drill_url,
              "--scenario", str(tmp_path / "report_test.yaml"), "--language", "en", "--operator", TRAINER,
              "--timezone", "Asia/Shanghai")
    assert ran.returncode == 0, ran.stderr
    assert f"drill {DRILL}, 45 / 85 points" in ran.stdout
    data = out.read_bytes()
    assert b"Drill report D-20251122-01" in data and "演练 DRILL".encode() in data
    (recorded,) = _exports(drill_url)
    assert recorded.sha256 == hashlib.sha256(data).hexdigest() and recorded.size == len(data)
    assert (recorded.incident, recorded.file, recorded.format) == ("", out.name, ev.ExportFormat.HTML)
    assert (recorded.start_ms, recorded.end_ms) == (T0, T0 + 480 * S)  # the drill's span
    assert recorded.operator == TRAINER


def test_without_its_scenario_the_drill_is_reported_unscored_with_a_warning(cli: Callable[..., Ran],
                                                                           drill_url: str, tmp_path: Path) -> None:
    out = tmp_path / f"{DRILL}.html"
    ran = cli("drill", "report", "--drill", DRILL, "--format", "html", "--out", str(out), "--db", drill_url)
    assert ran.returncode == 0, ran.stderr
    assert "warning: The scenario report_test version 2 is no longer among the shipped scenarios" in ran.stderr
    assert "not scored" in ran.stdout and out.exists()


def test_an_unknown_drill_is_refused_naming_the_drills_of_the_log(cli: Callable[..., Ran], drill_url: str,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "D-20251122-07.html"
    ran = cli("drill", "report", "--drill", "D-20251122-07", "--format", "html", "--out", str(out), "--db", drill_url)
    assert ran.returncode == 2
    assert "There is no drill 'D-20251122-07' in this event log: it holds D-20251121-01, D-20251122-01" in ran.stderr
    assert not out.exists() and _exports(drill_url) == []


def test_an_unwritable_place_is_refused_and_nothing_recorded(cli: Callable[..., Ran], drill_url: str,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "no such folder" / f"{DRILL}.html"
    ran = cli("drill", "report", "--drill", DRILL, "--format", "html", "--out", str(out), "--db", drill_url)
    assert ran.returncode == 2
    assert f"Cannot write the export to {out}: No such file or directory" in ran.stderr
    assert "nothing was written or recorded" in ran.stderr
    assert _exports(drill_url) == []


def test_a_file_name_without_the_drill_id_is_refused(cli: Callable[..., Ran], drill_url: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    ran = cli("drill", "report", "--drill", DRILL, "--format", "html", "--out", str(out), "--db", drill_url)
    assert ran.returncode == 2
    assert f"the file's name must contain the drill's id {DRILL}, e.g. {DRILL}-report.html" in ran.stderr
    assert not out.exists() and _exports(drill_url) == []
