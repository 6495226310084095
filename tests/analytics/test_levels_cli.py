"""The levels on generated history (``analytics.history``), and ``dispatch-desktop analytics levels / fit``:
an anomaly added to a generated district is flagged, its quiet weeks are not; the command prints each
district's level, says how long a fit took, and refuses clearly without a log or with too little history. Over a
span (``analytics.walk``, ``levels --from --to``) each hour reads as the desk read it, a surge is a run of
yellow or red, and a span that cannot be read is refused saying what to give."""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from dispatch_desktop.analytics.alerts import AlertRun, alert_runs
from dispatch_desktop.analytics.config import Colour, load_config
from dispatch_desktop.analytics.counts import Area, AreaKind, HourlyCounts, read_counts
from dispatch_desktop.analytics.ears import ears_c2
from dispatch_desktop.analytics.history import GroundTruth, write_history
from dispatch_desktop.analytics.history_calendar import SLOT_MS, local_midnight_slot
from dispatch_desktop.analytics.levels import colours, level_of, level_ranks, levels_at, window_tails
from dispatch_desktop.analytics.normal import fit_normal
from dispatch_desktop.analytics.walk import level_history, walk
from dispatch_desktop.city import generate_city
from dispatch_desktop.commands import analytics
from dispatch_desktop.commands.analytics_span import FIELDS, LEVELS, Span, span_csv, span_text, summarise
from dispatch_desktop.storage_checks import Refused
from dispatch_desktop.store import EventStore

START = date(2026, 4, 1)
DAYS = 63  # eight weeks of training and one to read
SCALE = 0.2  # a fifth of the city's 10,000 incidents a day: about 8 an hour in a district
TRAINED = local_midnight_slot(START) + 56 * 24 - 1


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, HourlyCounts, GroundTruth]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('history') / 'history.sqlite3'}"
    city = generate_city(cameras=0)
    with EventStore.open(url) as store:
        truth = write_history(store, city, start_ms=local_midnight_slot(START) * SLOT_MS, days=DAYS, seed=11,
                              scale=SCALE)
        counts = read_counts(store, city)
    yield url, counts, truth


def test_an_anomaly_added_to_generated_history_is_flagged_and_the_quiet_week_is_not(
        history: tuple[str, HourlyCounts, GroundTruth]) -> None:
    _url, counts, truth = history
    config = load_config()
    district = next(area for area in counts.areas if area.kind is AreaKind.DISTRICT)
    surge_at = TRAINED + 4 * 24 + 15  # the 5th day after training, 15:00-18:00 local
    surged = _surged(counts, district, surge_at)
    model = fit_normal(surged, config, until_slot=TRAINED)
    level = levels_at(surged, model, config, surge_at + 2)[district]
    assert level.colour in (Colour.YELLOW, Colour.RED)
    # the untouched counts: a district-hour of the week read with no generated anomaly near it is rarely
    # yellow or red (the bench measures about 1.3 a day citywide), EARS C2 flags such hours many times as often
    quiet = fit_normal(counts, config, until_slot=TRAINED)
    alarms = c2_alarms = 0
    week = slice(TRAINED + 1 - counts.first_slot, TRAINED + 1 - counts.first_slot + 7 * 24)
    for area in (area for area in counts.areas if area.kind is AreaKind.DISTRICT):
        tails = {w: window_tails(counts, quiet, area, w, TRAINED + 1, TRAINED + 7 * 24) for w in config.windows_h}
        rank, _window = colours({w: t for w, t in tails.items() if t is not None}, config)
        calm = _quiet(area, truth, TRAINED + 1, 7 * 24)
        alarms += int(((rank >= 2) & calm).sum())
        c2_alarms += int((ears_c2(counts.series(area)).flagged[week] & calm).sum())
    assert alarms <= 14
    assert c2_alarms >= 5 * max(alarms, 1)


def _quiet(district: Area, truth: GroundTruth, first_at: int, slots: int) -> np.ndarray:
    """False where an anomaly of the district or of one of its stations lies in the slot's 24-hour reach."""
    quiet = np.ones(slots, dtype=bool)
    for anomaly in truth.anomalies:
        if district.id in (anomaly.area.id, anomaly.area.id.split("-")[1] if "-" in anomaly.area.id else ""):
            start, end = anomaly.start_ms // SLOT_MS - first_at, -(-anomaly.end_ms // SLOT_MS) - first_at
            quiet[max(start, 0):max(min(end + 23, slots), 0)] = False
    return quiet


def _run(*words: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    analytics.add_arguments(parser)
    args = parser.parse_args(list(words))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = analytics.run(args)
        except Refused as refusal:
            print(refusal, file=sys.stderr)
            code = refusal.exit_code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DISPATCH_DESKTOP_DATA", str(tmp_path))
    return tmp_path


def test_levels_prints_every_district_with_its_window_and_figures(history: tuple[str, HourlyCounts, GroundTruth],
                                                                  data_dir: Path) -> None:
    url, _counts, _truth = history
    code, out, err = _run("levels", "--db", f"sqlite:///{data_dir / 'none.sqlite3'}", "--history", url,
                          "--at", "2026-05-28T18:00")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("levels at 2026-05-28 18:00, the hour 17:00–18:00 the last one counted; normal values "
                               "fitted on the 8 weeks up to it in ")
    rows = lines[2:]
    assert len(rows) == 11
    assert any(row.startswith("天河区") for row in rows)
    assert all(any(colour in row for colour in ("green", "blue", "yellow", "red")) and " h " in row for row in rows)


def test_levels_with_stations_and_fit_say_what_they_did(history: tuple[str, HourlyCounts, GroundTruth],
                                                        data_dir: Path) -> None:
    url, _counts, _truth = history
    none = f"sqlite:///{data_dir / 'none.sqlite3'}"
    code, out, _err = _run("levels", "--stations", "--db", none, "--history", url, "--at", "2026-05-28T18:00")
    assert code == 0 and len(out.splitlines()) == 2 + 11 + 255
    code, out, _err = _run("fit", "--db", none, "--history", url, "--at", "2026-05-28T18:00")
    assert code == 0
    assert out.startswith("fitted 266 areas in ")
    assert "on the 8 weeks up to 2026-05-28 17:00" in out


def test_without_a_log_or_with_too_little_history_it_says_what_to_do(history: tuple[str, HourlyCounts, GroundTruth],
                                                                       data_dir: Path) -> None:
    url, _counts, _truth = history
    code, _out, err = _run("levels", "--db", f"sqlite:///{data_dir / 'none.sqlite3'}")
    assert code == 2 and "There is no event log" in err
    code, _out, err = _run("levels", "--db", f"sqlite:///{data_dir / 'none.sqlite3'}", "--history", url,
                           "--at", "2026-04-15T12:00")
    assert code == 2
    assert "not enough history: the logs hold 14 days" in err
    assert "dispatch-desktop db generate --incidents-only" in err


def test_a_broken_configuration_is_named_by_file_and_line(history: tuple[str, HourlyCounts, GroundTruth],
                                                          data_dir: Path) -> None:
    url, _counts, _truth = history
    broken = data_dir / "analytics.yaml"
    broken.write_text("windows_h: [1, 3, 24]\nblue_p: 2\n", encoding="utf-8")
    code, _out, err = _run("levels", "--history", url, "--config", str(broken))
    assert code == 2
    assert f"{broken}:2: blue_p: must be less than 1, got the number 2" in err




# --- a span of hours: analytics.walk and 'analytics levels --from --to' ------------------------------------


def test_a_span_reads_each_hour_as_the_desk_does_with_the_model_of_its_period(
        history: tuple[str, HourlyCounts, GroundTruth]) -> None:
    _url, counts, _truth = history
    config = replace(load_config(), refit_days=1)
    first_at = TRAINED + 1
    result = walk(counts, config, first_at, first_at + 47)
    assert [p.first for p in result.periods] == [first_at, first_at + 24]  # refitted after a day
    assert result.periods[1].model.trained_until_slot == first_at + 23
    for area in [a for a in counts.areas if a.kind is AreaKind.DISTRICT][:3]:
        made = level_history(result, config, area)
        assert made is not None
        for i in (0, 17, 23, 24, 40, 47):
            shown = level_of(counts, result.periods[i // 24].model, config, area, first_at + i)
            assert shown.colour is not None
            assert (LEVELS[made.rank[i]], made.window_h[i], made.observed[i]) == (shown.colour.value, shown.window_h,
                                                                                   shown.observed)
            assert made.expected[i] == pytest.approx(shown.expected)
            assert made.p_value[i] == pytest.approx(shown.p_value)


def test_a_surge_is_a_run_of_yellow_or_red_in_the_span_summary(
        history: tuple[str, HourlyCounts, GroundTruth]) -> None:
    _url, counts, _truth = history
    config = load_config()
    districts = [a for a in counts.areas if a.kind is AreaKind.DISTRICT]
    surged = _surged(counts, districts[0], TRAINED + 4 * 24 + 15)  # 2026-05-31 15:00-18:00 local
    span = Span(TRAINED + 1, TRAINED + 7 * 24)
    result = walk(surged, config, span.first_at, span.last_at, areas=districts)
    histories = [h for h in (level_history(result, config, a) for a in districts) if h is not None]
    names = {d.adcode: d.name for d in generate_city(cameras=0).districts}
    text = span_text(histories, span, names, result).splitlines()
    assert text[0].startswith("levels for each of the 168 hours from 2026-05-27 00:00 to 2026-06-03 00:00")
    surged_line = next(line for line in text if line.startswith(names[districts[0].id]))
    assert "2026-05-31 15:00–" in surged_line and "h, red)" in surged_line
    summary = summarise(histories[0])
    assert sum(summary.hours) == 168 and summary.no_colour == 0
    assert summary.longest is not None and summary.longest.first == 4 * 24 + 15 and summary.longest.hours >= 3
    in_csv = [row for row in csv.DictReader(io.StringIO(span_csv(histories, span, names)))
              if row["area"] == districts[0].id and row["hour_from"][-5:] in ("15:00", "16:00", "17:00")
              and row["hour_from"].startswith("2026-05-31")]
    assert [row["level"] for row in in_csv] == ["red", "red", "red"]


def _surged(counts: HourlyCounts, district: Area, at_slot: int) -> HourlyCounts:
    """Three hours from ``at_slot`` twice as busy and more in ``district``."""
    valid = counts.valid.copy()
    row, at = counts.row(district), at_slot - counts.first_slot
    valid[row, at:at + 3] = valid[row, at:at + 3] * 2 + 5
    return replace(counts, valid=valid)


def test_levels_over_a_span_print_every_district_every_hour_as_csv_json_or_a_summary(
        history: tuple[str, HourlyCounts, GroundTruth], data_dir: Path) -> None:
    url, counts, _truth = history
    span = ("levels", "--db", f"sqlite:///{data_dir / 'none.sqlite3'}", "--history", url, "--from",
            "2026-05-28T00:00", "--to", "2026-05-29T00:00")
    code, out, err = _run(*span, "--format", "csv")
    assert code == 0, err
    assert "100% (1 fits" in err  # progress on standard error, the rows alone on standard output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 24 * 11 and tuple(rows[0]) == FIELDS
    assert (rows[0]["hour_from"], rows[-1]["hour_to"]) == ("2026-05-28 00:00", "2026-05-29 00:00")
    assert {row["level"] for row in rows} <= {"green", "blue", "yellow", "red"}
    assert {row["status"] for row in rows} == {"ok"}
    # the 17:00-18:00 row of a district is what the desk showed at 18:00 with the model fitted before the span
    district = next(a for a in counts.areas if a.kind is AreaKind.DISTRICT)
    model = fit_normal(counts, load_config(), until_slot=TRAINED + 24)
    shown = level_of(counts, model, load_config(), district, TRAINED + 24 + 18)
    row = next(r for r in rows if r["area"] == district.id and r["hour_from"] == "2026-05-28 17:00")
    assert shown.colour is not None
    assert (row["level"], int(row["window_h"]), int(row["observed"])) == (shown.colour.value, shown.window_h,
                                                                           shown.observed)
    assert float(row["expected"]) == pytest.approx(shown.expected, abs=0.01)
    code, out, _err = _run(*span, "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["hours"] == 24 and len(document["fits"]) == 1
    assert [{k: str(v) for k, v in level.items()} for level in document["levels"]] == rows
    code, out, _err = _run(*span)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 + 11 + 1
    assert lines[-1].startswith("in all: ")
    for line in lines[2:-1]:
        green, blue, yellow, red, none, _runs = (int(n) for n in line.split()[1:7])
        assert green + blue + yellow + red + none == 24 and none == 0


def test_a_span_that_cannot_be_read_is_refused_saying_what_to_give(
        history: tuple[str, HourlyCounts, GroundTruth], data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, _counts, _truth = history
    logs = ("levels", "--db", f"sqlite:///{data_dir / 'none.sqlite3'}", "--history", url)
    for words, said in (
            (("--from", "2026-05-29T00:00", "--to", "2026-05-28T00:00"), "--to 2026-05-28 00:00 is not after --from"),
            (("--from", "2026-03-01T00:00"), "--from 2026-03-01 00:00 is before the logs begin (2026-04-01 00:00)"),
            (("--from", "2026-07-01T00:00"), "--from 2026-07-01 00:00 is after the logs end (2026-06-03 00:00)"),
            (("--from", "2026-04-10T00:00", "--to", "2026-04-11T00:00"), "not enough history: no area has the 4 weeks"),
            (("--format", "csv"), "--format csv gives every hour of a span: give it with --from"),
            (("--to", "2026-05-29T00:00"), "--to ends a span that --from begins: give --from too"),
            (("--at", "2026-05-28T00:00", "--from", "2026-05-28T00:00"), "give one or the other")):
        code, out, err = _run(*logs, *words)
        assert (code, out) == (2, ""), words
        assert said in err, words
    import dispatch_desktop.analytics.walk as walk_module

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(walk_module, "fit_normal", interrupted)  # Ctrl-C while it reads
    code, out, err = _run(*logs, "--from", "2026-05-28T00:00", "--format", "csv")
    assert (code, out) == (2, "") and "stopped: nothing was printed" in err


def test_an_area_with_too_little_history_reads_none_in_a_span_not_green(
        history: tuple[str, HourlyCounts, GroundTruth]) -> None:
    _url, counts, _truth = history
    config = replace(load_config(), min_incidents=5_000)  # a district has ~10,000 in eight weeks, a station ~400
    district = next(a for a in counts.areas if a.kind is AreaKind.DISTRICT)
    station = next(a for a in counts.areas if a.kind is AreaKind.STATION)
    span = Span(TRAINED + 1, TRAINED + 24)
    result = walk(counts, config, span.first_at, span.last_at, areas=[district, station])
    histories = [h for h in (level_history(result, config, a) for a in (district, station)) if h is not None]
    assert summarise(histories[1]).no_colour == 24 and summarise(histories[0]).no_colour == 0
    rows = list(csv.DictReader(io.StringIO(span_csv(histories, span, {}))))
    thin = [row for row in rows if row["area"] == station.id]
    assert len(thin) == 24
    assert all((row["level"], row["status"], row["window_h"], row["p"]) == ("none", "thin", "", "") for row in thin)


def test_level_ranks_read_each_hour_as_level_of_does_and_its_runs_are_the_alerts(
        history: tuple[str, HourlyCounts, GroundTruth]) -> None:
    _url, counts, _truth = history
    config = load_config()
    district = next(a for a in counts.areas if a.kind is AreaKind.DISTRICT)
    surged = _surged(counts, district, TRAINED + 4 * 24 + 15)
    model = fit_normal(surged, config, until_slot=TRAINED)
    ranks = level_ranks(surged, model, config, district, TRAINED + 1, TRAINED + 5 * 24)
    assert ranks is not None and len(ranks) == 5 * 24
    for i in (0, 30, 4 * 24 + 14, 4 * 24 + 15, 4 * 24 + 17):
        shown = level_of(surged, model, config, district, TRAINED + 1 + i).colour
        assert shown is not None and LEVELS[ranks[i]] == shown.value
    assert any(run.first == 4 * 24 + 15 and run.hours >= 3 and run.worst == 3 for run in alert_runs(ranks))
    assert alert_runs(np.array([0, 2, 3, 0, 1, 2, -1, 2])) == [AlertRun(1, 2, 3), AlertRun(5, 1, 2), AlertRun(7, 1, 2)]
    thin = fit_normal(counts, replace(config, min_incidents=5_000), until_slot=TRAINED)
    station = next(a for a in counts.areas if a.kind is AreaKind.STATION)
    assert level_ranks(counts, thin, config, station, TRAINED + 1, TRAINED + 24) is None
