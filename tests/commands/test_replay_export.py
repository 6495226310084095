"""``dispatch-desktop replay export``, as a supervisor types it, on the record tests' story log: each format
written whole with its SHA-256 recorded in the log, and each bad input refused with a sentence, leaving
neither a file nor an event behind."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.record import ExportNotRecorded, exported
from dispatch_desktop.store import EventStore
from tests.cli_run import Ran, cli_runner
from tests.record.story import INCIDENT, write_story

SUPERVISOR = "张敏 020117"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., Ran]]:
    yield from cli_runner(capsys)


@pytest.fixture
def story_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'story.db'}"
    with EventStore.open(url, maintenance=False) as store:
        write_story(store)
    return url


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def _export(cli: Callable[..., Ran], url: str, fmt: str, path: Path, *options: str) -> Ran:
    return cli("replay", "export", "--db", url, "--incident", INCIDENT, "--format", fmt, "--out", str(path),
               "--operator", SUPERVISOR, "--timezone", "Asia/Shanghai", *options)


def _exports(url: str) -> list[ev.RecordExported]:
    with EventStore.open(url, maintenance=False) as store:
        return [event.body for _gseq, event in store.read() if isinstance(event.body, ev.RecordExported)]


@pytest.mark.parametrize(("fmt", "starts"), [("html", b"<!DOCTYPE html>"), ("csv", b"\xef\xbb\xbfgseq,"),
                                             ("kml", b"<?xml"), ("gpx", b"<?xml")])
def test_an_export_is_written_whole_and_its_hash_recorded(cli: Callable[..., Ran], story_url: str, out: Path,
                                                          fmt: str, starts: bytes) -> None:
    path = out / f"{INCIDENT}.{fmt}"
    ran = _export(cli, story_url, fmt, path)
    assert ran.returncode == 0, ran.stderr
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert data.startswith(starts) and os.listdir(out) == [path.name]
    assert ran.stdout.splitlines()[:2] == [str(path), f"  {len(data):,} bytes, SHA-256 {digest}"]
    (recorded,) = _exports(story_url)
    assert (recorded.incident, recorded.format, recorded.file, recorded.size, recorded.sha256, recorded.operator) == (
        INCIDENT, fmt, path.name, len(data), digest, SUPERVISOR)


def test_the_pdf_is_exported_without_a_window(cli: Callable[..., Ran], story_url: str, out: Path,
                                              qapp: object) -> None:
    ran = _export(cli, story_url, "pdf", out / "报告.pdf", "--language", "en")
    assert ran.returncode == 0, ran.stderr
    assert (out / "报告.pdf").read_bytes().startswith(b"%PDF-")
    assert [body.format for body in _exports(story_url)] == [ev.ExportFormat.PDF]


def test_a_later_export_lists_the_earlier_one(cli: Callable[..., Ran], story_url: str, out: Path) -> None:
    assert _export(cli, story_url, "kml", out / "tracks.kml").returncode == 0
    assert _export(cli, story_url, "csv", out / "log.csv").returncode == 0
    last_row = (out / "log.csv").read_text(encoding="utf-8-sig").splitlines()[-1]
    assert "record_exported" in last_row and "Record exported as KML to tracks.kml" in last_row


def test_an_unknown_incident_is_named(cli: Callable[..., Ran], story_url: str, out: Path) -> None:
    ran = cli("replay", "export", "--db", story_url, "--incident", "J-20251122-99999", "--format", "csv",
              "--out", str(out / "a.csv"))
    assert ran.returncode == 2 and "There is no incident 'J-20251122-99999' in this event log" in ran.stderr
    assert "Traceback" not in ran.stderr and os.listdir(out) == [] and _exports(story_url) == []


def test_a_path_that_cannot_be_written_records_nothing(cli: Callable[..., Ran], story_url: str, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "a.csv"
    ran = _export(cli, story_url, "csv", missing)
    assert ran.returncode == 2 and f"Cannot write the export to {missing}: No such file or directory" in ran.stderr
    assert _exports(story_url) == []


def test_an_unknown_format_lists_the_formats(cli: Callable[..., Ran], story_url: str, out: Path) -> None:
    ran = _export(cli, story_url, "docx", out / "a.docx")
    assert ran.returncode == 2
    assert "'docx' is not an export format: choose one of html, csv, kml, gpx, pdf" in ran.stderr


def test_a_database_that_does_not_exist_is_not_created(cli: Callable[..., Ran], tmp_path: Path, out: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nowhere.db'}"
    ran = _export(cli, url, "csv", out / "a.csv")
    assert ran.returncode == 2 and "there is no event store at" in ran.stderr
    assert not (tmp_path / "nowhere.db").exists() and os.listdir(out) == []


def test_an_export_whose_hash_cannot_be_recorded_is_not_kept(cli: Callable[..., Ran], story_url: str, out: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def unrecorded(_store: object, body: ev.RecordExported, **_options: object) -> int:
        raise ExportNotRecorded(f"The export of {body.file} could not be recorded in the event log (database is "
                                "locked); it was not kept.")

    monkeypatch.setattr(exported, "record_directly", unrecorded)
    ran = _export(cli, story_url, "gpx", out / "tracks.gpx")
    assert ran.returncode == 2 and "could not be recorded in the event log (database is locked)" in ran.stderr
    assert os.listdir(out) == []
