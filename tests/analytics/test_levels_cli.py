"""The levels on generated history (``analytics.history``), and ``dispatch-desktop analytics levels / fit``:
an anomaly added to a generated district is flagged, its quiet weeks are not; the command prints each
district's level, says how long a fit took, and refuses clearly without a log or with too little history."""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from dispatch_desktop.analytics.config import Colour, load_config
from dispatch_desktop.analytics.counts import Area, AreaKind, HourlyCounts, read_counts
from dispatch_desktop.analytics.ears import ears_c2
from dispatch_desktop.analytics.history import GroundTruth, write_history
from dispatch_desktop.analytics.history_calendar import SLOT_MS, local_midnight_slot
from dispatch_desktop.analytics.levels import colours, levels_at, window_tails
from dispatch_desktop.analytics.normal import fit_normal
from dispatch_desktop.city import generate_city
from dispatch_desktop.commands import analytics
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
    surge_at = TRAINED + 4 * 24 + 15 - counts.first_slot  # the 5th day after training, 15:00-18:00 local
    valid = counts.valid.copy()
    row = counts.row(district)
    valid[row, surge_at:surge_at + 3] = valid[row, surge_at:surge_at + 3] * 2 + 5  # twice as many, and more
    surged = replace(counts, valid=valid)
    model = fit_normal(surged, config, until_slot=TRAINED)
    level = levels_at(surged, model, config, counts.first_slot + surge_at + 2)[district]
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


