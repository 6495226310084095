"""``dispatch-desktop analytics review``: the ranked review of a real log as text, CSV and JSON, the orders
already issued marked, and a station's order written as HTML (the PDF: tests/ui/analytics/test_review_pdf.py)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch_desktop.analytics.order import text_sha256
from dispatch_desktop.commands import analytics_review
from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore
from tests.analytics.review_fixture import hand_log_events, station_ids

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="module")
def log_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('review') / 'events.sqlite3'}"
    with EventStore.open(url) as store:
        events = hand_log_events()
        store.append(events)
        issued = ev.SupervisionOrderIssued(month="2026-11", station=station_ids()["B"], number="督办〔2026〕11-01",
                                           this_month=112, last_month=100, last_year=80, rank=1, stations=255,
                                           sha256="0" * 64, operator="王建国 010007")
        after = events[-1].t_hub + 3_600_000
        store.append([ev.envelope("ws-sup", 1, issued, after, t_hub=after)])
    return url


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("DISPATCH_DESKTOP_DATA", str(tmp_path / "data"))

    def ran(*words: str) -> tuple[int, str, str]:
        parser = argparse.ArgumentParser()
        analytics_review.add_arguments(parser)
        code = analytics_review.run(parser.parse_args([*words, "--timezone", "Asia/Shanghai"]))
        out, err = capsys.readouterr()
        return code, out, err

    return ran


def test_the_text_review_ranks_flags_and_marks_the_orders_issued(run: Run, log_url: str) -> None:
    code, out, _err = run("--month", "2026-11", "--db", log_url)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Monthly station review 2026-11: 255 stations, ranked by the rise")
    assert "PARTIAL" not in out
    first, second, third = (line.split() for line in lines[2:5])
    assert first[:3] == ["1", "⚑", station_ids()["B"]] and first[-7:] == [
        "112", "100", "+12.0%", "80", "+40.0%", "+12", "督办〔2026〕11-01"]
    assert second[:3] == ["2", "⚑", station_ids()["A"]] and second[-6:] == ["30", "20", "+50.0%", "25", "+20.0%", "+10"]
    assert third[:2] == ["3", station_ids()["E"]]  # not flagged


def test_csv_and_json_hold_the_same_figures(run: Run, log_url: str) -> None:
    _code, out, _err = run("--month", "2026-11", "--db", log_url, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 255 and (rows[0]["station"], rows[0]["mom"], rows[0]["order_issued"]) == (
        station_ids()["B"], "0.1200", "督办〔2026〕11-01")
    _code, out, _err = run("--month", "2026-11", "--db", log_url, "--format", "json")
    document = json.loads(out)
    assert (document["partial"], document["stations"][1]["station"], document["stations"][1]["rise"]) == (
        False, station_ids()["A"], 10)


def test_the_running_month_is_reported_partial(run: Run, log_url: str) -> None:
    _code, out, _err = run("--month", "2026-12", "--db", log_url)
    assert "\nPARTIAL: the log holds 2026-12 only from 2026-12-01 00:00:00 to " in out


def test_a_month_the_log_does_not_hold_is_refused(run: Run, log_url: str) -> None:
    code, _out, err = run("--month", "2027-03", "--db", log_url)
    assert code == 2 and "The log holds no incidents of 2027-03 to review" in err


def test_a_stations_order_is_written_as_html(run: Run, log_url: str, tmp_path: Path) -> None:
    out_file = tmp_path / "order.html"
    code, out, _err = run("--month", "2026-11", "--db", log_url, "--order", station_ids()["A"], "--out",
                          str(out_file))
    assert code == 0 and "the draft of 督办〔2026〕11-02" in out  # 11-01 is issued already
    text = out_file.read_text(encoding="utf-8")
    assert "督办令" in text and "有效警情30起" in text and "草稿" in text


def test_an_order_file_must_be_pdf_or_html(run: Run, log_url: str, tmp_path: Path) -> None:
    code, _out, err = run("--month", "2026-11", "--db", log_url, "--order", station_ids()["A"], "--out",
                          str(tmp_path / "order.docx"))
    assert code == 2 and "written as .pdf or .html" in err


def test_the_order_of_a_station_already_issued_says_so(run: Run, log_url: str, tmp_path: Path) -> None:
    _code, out, _err = run("--month", "2026-11", "--db", log_url, "--order", station_ids()["B"], "--out",
                           str(tmp_path / "b.html"))
    assert f"note: 督办〔2026〕11-01 was already issued to {station_ids()['B']} for 2026-11" in out


def test_order_and_out_go_together(run: Run, log_url: str) -> None:
    code, _out, err = run("--month", "2026-11", "--db", log_url, "--order", station_ids()["A"])
    assert code == 2 and "--order STATION and --out FILE go together" in err


def test_the_english_order_carries_the_rendering_and_the_chinese_texts_hash(run: Run, log_url: str,
                                                                          tmp_path: Path) -> None:
    out_file = tmp_path / "order.html"
    run("--month", "2026-11", "--db", log_url, "--order", station_ids()["A"], "--out", str(out_file),
        "--language", "en")
    text = out_file.read_text(encoding="utf-8")
    assert "English rendering" in text and "30 valid incidents in November 2026" in text and "有效警情30起" in text
    assert len(text_sha256("x")) == 64 and "SHA-256 of the order&#x27;s text" in text


def test_the_review_sums_the_months_as_the_counts_do(log_url: str, tmp_path: Path) -> None:
    from dispatch_desktop.analytics.counts import Area, AreaKind
    from dispatch_desktop.analytics.review import read_review_counts, review
    from tests.analytics.review_fixture import five_station_city

    counts = read_review_counts(five_station_city(), log_url, None, tmp_path)
    made = review(counts, five_station_city(), "2026-11")
    for change in made.stations:
        monthly = counts.monthly(Area(AreaKind.STATION, change.station))
        assert (change.this_month, change.last_month, change.last_year) == (
            monthly["2026-11"], monthly["2026-10"], monthly["2025-11"])
