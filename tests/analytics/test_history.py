"""The generated history (``analytics.history``): what the statistics learn from must have the seasons,
holidays, the Spring Festival dip, large events and surges it claims, and only valid incidents."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from dispatch_desktop.analytics.counts import Area, AreaKind, HourlyCounts, read_counts
from dispatch_desktop.analytics.history import (
    SOURCE,
    GroundTruth,
    WritingCancelled,
    day_effects,
    expected_rate,
    truth_path,
    write_history,
)
from dispatch_desktop.analytics.history_calendar import SLOT_MS, local_midnight_slot
from dispatch_desktop.city import generate_city
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, Mode
from dispatch_desktop.store import EventStore

SCALE = 0.05
START = date(2025, 12, 22)  # ten weeks: New Year's holiday, then the Spring Festival (初一 2026-02-17)
DAYS = 70


def _midnight_ms(day: date) -> int:
    return local_midnight_slot(day) * SLOT_MS


@pytest.fixture(scope="module")
def city() -> City:
    return generate_city(cameras=0)


@pytest.fixture(scope="module")
def written(city: City, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EventStore, GroundTruth]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('history') / 'history.sqlite3'}"
    with EventStore.open(url) as store:
        truth = write_history(store, city, start_ms=_midnight_ms(START), days=DAYS, seed=7, scale=SCALE)
        yield store, truth


@pytest.fixture(scope="module")
def counts(written: tuple[EventStore, GroundTruth], city: City) -> HourlyCounts:
    return read_counts(written[0], city)


def _citywide(counts: HourlyCounts) -> np.ndarray:
    """Valid incidents per slot over every district."""
    rows = [counts.row(area) for area in counts.areas if area.kind is AreaKind.DISTRICT]
    return np.asarray(counts.valid[rows].sum(axis=0))


def _day_total(counts: HourlyCounts, day: date, hours: range = range(24)) -> int:
    column = local_midnight_slot(day) - counts.first_slot
    return int(_citywide(counts)[[column + hour for hour in hours]].sum())


def test_over_weeks_the_counts_follow_the_generators_own_mean(counts: HourlyCounts, city: City) -> None:
    first = local_midnight_slot(START)
    for area in (Area(AreaKind.DISTRICT, "440106"), Area(AreaKind.DISTRICT, "440111")):
        expected = SCALE * sum(expected_rate(city, area, first + n) for n in range(24 * DAYS))
        observed = int(counts.series(area).sum())
        # Anomalies add a few per cent; the day-level effect and Poisson noise a few more.
        assert observed == pytest.approx(expected, rel=0.08), area


def test_about_a_third_are_not_police_business_each_with_its_department(
        written: tuple[EventStore, GroundTruth], city: City) -> None:
    store, _truth = written
    bodies = [event.body for _gseq, event in store.read(limit=3000)]
    assert all(isinstance(body, ev.IncidentCreated) for body in bodies)
    incidents = [body for body in bodies if isinstance(body, ev.IncidentCreated)]
    non_police = [body for body in incidents if body.category is Category.NON_POLICE]
    assert len(non_police) / len(incidents) == pytest.approx(1 / 3, abs=0.05)
    assert all(body.department for body in non_police)
    assert not any(body.department for body in incidents if body.category is Category.POLICE)


def test_each_incident_is_a_live_simulated_one_placed_inside_its_station_area(
        written: tuple[EventStore, GroundTruth], city: City) -> None:
    store, _truth = written
    sample = [event for _gseq, event in store.read(limit=400)]
    for event in sample:
        body = event.body
        assert isinstance(body, ev.IncidentCreated)
        assert event.mode is Mode.LIVE and event.source == SOURCE and body.simulated and not body.duplicate_of
        station = city.station_at(body.lat, body.lon)
        assert station is not None and station.id == body.station and station.district == body.district
        assert body.address and body.call_time <= event.t_hub


def test_the_spring_festival_empties_the_city_for_weeks(counts: HourlyCounts) -> None:
    before = np.mean([_day_total(counts, date(2026, 1, day)) for day in range(5, 19)])
    around = np.mean([_day_total(counts, date(2026, 2, day)) for day in range(10, 25)])
    assert around < 0.75 * before


def test_a_public_holiday_morning_is_quieter_than_the_same_weekday_morning(
        counts: HourlyCounts, written: tuple[EventStore, GroundTruth]) -> None:
    assert "2026-01-01" in written[1].holidays
    morning = range(6, 12)
    holiday = sum(_day_total(counts, date(2026, 1, day), morning) for day in (1, 2, 3))  # Thursday to Saturday
    same_weekdays = np.mean([sum(_day_total(counts, date(2026, 1, day), morning) for day in week)
                             for week in ((8, 9, 10), (15, 16, 17))])
    assert holiday < 0.85 * same_weekdays


@pytest.mark.parametrize(("kind", "at_least"), [("surge", 1.2), ("event", 1.8), ("outbreak", 1.3)])
def test_the_anomalies_of_the_ground_truth_are_in_the_counts(
        counts: HourlyCounts, written: tuple[EventStore, GroundTruth], city: City, kind: str,
        at_least: float) -> None:
    anomalies = [a for a in written[1].anomalies if a.kind == kind]
    assert anomalies, f"ten weeks without a single {kind}"
    observed = expected = 0.0
    for anomaly in anomalies:
        slots = range(anomaly.start_ms // SLOT_MS, anomaly.end_ms // SLOT_MS)
        series = counts.series(anomaly.area)
        observed += sum(int(series[slot - counts.first_slot]) for slot in slots)
        expected += SCALE * sum(expected_rate(city, anomaly.area, slot) for slot in slots)
    assert observed > at_least * expected


def test_day_effects_are_the_ones_the_days_were_written_with(
        counts: HourlyCounts, written: tuple[EventStore, GroundTruth], city: City) -> None:
    # A district's day over its mean follows its day effect (CV 10 %) through the Poisson noise of ~45 a day;
    # the effects of another day do not explain it.
    ratios, own, others = [], [], []
    for n in range(DAYS):
        day = date.fromordinal(START.toordinal() + n)
        first = local_midnight_slot(day)
        effects, next_days = day_effects(7, day, len(city.districts)), day_effects(7, day.replace(year=2027), 11)
        for index, district in enumerate(city.districts):
            area = Area(AreaKind.DISTRICT, district.adcode)
            if any(a.start_ms < (first + 24) * SLOT_MS and a.end_ms > first * SLOT_MS
                   and district.adcode in a.area.id.split("-") for a in written[1].anomalies):
                continue
            expected = SCALE * sum(expected_rate(city, area, first + hour) for hour in range(24))
            ratios.append(counts.series(area)[first - counts.first_slot:][:24].sum() / expected)
            own.append(effects[index])
            others.append(next_days[index])
    assert len(ratios) > 400
    assert np.corrcoef(ratios, own)[0, 1] > 0.35
    assert abs(np.corrcoef(ratios, others)[0, 1]) < 0.15


def test_the_same_seed_writes_the_same_log_and_truth_and_another_seed_another(city: City, tmp_path: Path) -> None:
    def write(name: str, seed: int) -> tuple[list[ev.Envelope], GroundTruth]:
        with EventStore.open(f"sqlite:///{tmp_path / name}") as store:
            truth = write_history(store, city, start_ms=_midnight_ms(date(2026, 5, 1)), days=3, seed=seed,
                                  scale=SCALE)
            return [event for _gseq, event in store.read()], truth

    first, again, other = write("a.sqlite3", 5), write("b.sqlite3", 5), write("c.sqlite3", 6)
    assert first == again
    assert first[0] != other[0]


def test_the_ground_truth_survives_its_json_file(written: tuple[EventStore, GroundTruth], tmp_path: Path) -> None:
    truth = written[1]
    url = f"sqlite:///{tmp_path / 'year.sqlite3'}"
    truth_path(url).write_text(truth.to_json(), encoding="utf-8")
    assert GroundTruth.read_beside(url) == truth
    assert truth_path(url) == tmp_path / "year.sqlite3.truth.json"


def test_a_district_is_expected_what_its_stations_are(city: City) -> None:
    slot = local_midnight_slot(date(2026, 3, 3)) + 19
    district = city.districts[0].adcode
    stations = sum(expected_rate(city, Area(AreaKind.STATION, s.id), slot) for s in city.stations_of(district))
    assert expected_rate(city, Area(AreaKind.DISTRICT, district), slot) == pytest.approx(stations)


def test_a_start_other_than_midnight_or_outside_the_holiday_table_is_refused(city: City, tmp_path: Path) -> None:
    with EventStore.open(f"sqlite:///{tmp_path / 'x.sqlite3'}") as store:
        with pytest.raises(ValueError, match="local midnight"):
            write_history(store, city, start_ms=_midnight_ms(date(2026, 5, 1)) + SLOT_MS, days=1, seed=1)
        with pytest.raises(ValueError, match="2025-2027"):
            write_history(store, city, start_ms=_midnight_ms(date(2027, 12, 30)), days=5, seed=1)
        assert store.last_gseq() == 0


def test_stopping_keeps_whole_days_and_their_truth(city: City, tmp_path: Path) -> None:
    with EventStore.open(f"sqlite:///{tmp_path / 'x.sqlite3'}") as store:
        with pytest.raises(WritingCancelled) as stopped:
            write_history(store, city, start_ms=_midnight_ms(date(2026, 5, 1)), days=10, seed=1, scale=SCALE,
                          cancelled=lambda: True)
        assert stopped.value.truth.days == 1
        last = [event for _gseq, event in store.read()][-1].body
        assert isinstance(last, ev.IncidentCreated)
        assert last.call_time < _midnight_ms(date(2026, 5, 2))
