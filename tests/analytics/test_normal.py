"""The normal value: the fit matches statsmodels, tracks the true rate, shrugs off past anomalies, says "thin"
for too little history, keeps the older fit when one fails, and can be cancelled."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, replace

import numpy as np
import pytest

from dispatch_desktop.analytics import fit_irls, normal
from dispatch_desktop.analytics.config import load_config
from dispatch_desktop.analytics.counts import Area, AreaKind, HourlyCounts
from dispatch_desktop.analytics.fit_design import Design, design_matrix
from dispatch_desktop.analytics.normal import FitCancelled, fit_normal

FIRST_SLOT = 1_767_196_800_000 // 3_600_000 - 8  # 2026-01-01 00:00 local
WEEK = 168


@dataclass(frozen=True)
class Synthetic:
    counts: HourlyCounts
    rate: np.ndarray  # the true mean of every row and slot

    def district(self, index: int = 0) -> Area:
        return self.counts.areas[index]

    def station(self, district: int = 0, index: int = 0) -> Area:
        adcode = self.counts.areas[district].id
        return next(area for area in self.counts.areas if area.id == f"S-{adcode}-{index:02d}")


def synthetic(weeks: int = 10, districts: int = 3, stations: int = 4, station_rate: float = 2.0,
              seed: int = 7, surges: tuple[tuple[int, int, int, float], ...] = ()) -> Synthetic:
    """Hourly counts of ``districts`` districts of ``stations`` stations each, a daily curve and busier weekend
    nights, negative-binomial noise; ``surges``: (station row among the stations, first slot column, slots,
    factor) multiply a station's (and so its district's) true rate."""
    rng = np.random.default_rng(seed)
    slots = np.arange(FIRST_SLOT, FIRST_SLOT + weeks * WEEK)
    hour, weekday = (slots + 8) % 24, ((slots + 8) // 24 + 3) % 7
    shape = 1.0 + 0.7 * np.sin((hour - 9) / 24 * 2 * np.pi) + 0.3 * ((weekday >= 4) & (hour >= 19))
    station_rates = np.array([station_rate * rng.uniform(0.5, 1.5) * shape for _ in range(districts * stations)])
    for row, column, length, factor in surges:
        station_rates[row, column:column + length] *= factor
    station_counts = rng.poisson(rng.gamma(1 / 0.03, station_rates * 0.03))
    district_rows = station_rates.reshape(districts, stations, -1).sum(1)
    district_counts = station_counts.reshape(districts, stations, -1).sum(1)
    areas = (*(Area(AreaKind.DISTRICT, f"44010{d}") for d in range(districts)),
             *(Area(AreaKind.STATION, f"S-44010{d}-{s:02d}") for d in range(districts) for s in range(stations)))
    valid = np.vstack([district_counts, station_counts]).astype(np.int32)
    counts = HourlyCounts(FIRST_SLOT, areas, valid, np.zeros_like(valid), np.zeros(len(slots), np.int32), 0)
    return Synthetic(counts, np.vstack([district_rows, station_rates]))


def test_the_batched_fit_agrees_with_statsmodels_negative_binomial_glm() -> None:
    sm = pytest.importorskip("statsmodels.api")
    data = synthetic(weeks=8, districts=1, stations=2)
    slots = np.arange(FIRST_SLOT, FIRST_SLOT + 8 * WEEK)
    x = design_matrix(Design.DAY, slots, int(slots.mean()), frozenset({"2026-01-01", "2026-01-02"}))
    y = data.counts.valid[:2].astype(float)
    ours = fit_irls.irls(x, y, np.zeros_like(y), np.ones_like(y), np.array([0.02, 0.05]))
    for row, alpha in enumerate((0.02, 0.05)):
        theirs = sm.GLM(y[row], x, family=sm.families.NegativeBinomial(alpha=alpha)).fit()
        assert np.allclose(ours.coef[row], theirs.params, atol=1e-4)
        assert np.allclose(np.sqrt(np.diag(ours.cov[row])), theirs.bse, rtol=1e-3)


def test_the_normal_value_follows_the_true_rate_of_districts_and_stations() -> None:
    data = synthetic()
    model = fit_normal(data.counts, load_config(), until_slot=FIRST_SLOT + 8 * WEEK - 1)
    ahead = 8 * WEEK  # the week after the training weeks
    for area in (data.district(0), data.district(2), data.station(1, 2)):
        expected = model.expected(area, FIRST_SLOT + ahead, WEEK)
        truth = data.rate[data.counts.row(area), ahead:ahead + WEEK]
        assert model.status_by_area[area] == "ok"
        assert abs(expected.sum() / truth.sum() - 1) < 0.05
        assert np.corrcoef(expected, truth)[0, 1] > 0.95


def test_a_past_anomaly_in_the_training_weeks_barely_raises_the_normal_value() -> None:
    # a fourfold surge for six hours in week 5 of one district's station, at the hour the next week is read
    data = synthetic(surges=((0, 5 * WEEK + 40, 6, 8.0),))
    model = fit_normal(data.counts, load_config(), until_slot=FIRST_SLOT + 8 * WEEK - 1)
    same_hours = FIRST_SLOT + 8 * WEEK + 40
    expected = model.expected(data.district(0), same_hours, 6)
    truth = data.rate[0, 8 * WEEK + 40:8 * WEEK + 46]
    assert expected.sum() / truth.sum() < 1.1  # an unweighted hour-of-week fit would be ~1.9 here


def test_too_little_history_or_too_few_incidents_is_thin_and_has_no_normal_value() -> None:
    data = synthetic(weeks=10)
    valid = data.counts.valid.copy()
    quiet, new = data.station(0, 1), data.station(1, 1)
    valid[data.counts.row(quiet)] = 0
    valid[data.counts.row(quiet), ::200] = 1  # a handful of incidents in ten weeks
    valid[data.counts.row(new), :7 * WEEK] = 0  # a new station: three weeks of history
    counts = replace(data.counts, valid=valid)
    model = fit_normal(counts, load_config(), until_slot=FIRST_SLOT + 10 * WEEK - 1)
    assert model.status_by_area[quiet] == model.status_by_area[new] == "thin"
    assert np.isnan(model.expected(new, FIRST_SLOT, 3)).all()
    assert model.status_by_area[data.station(1, 2)] == "ok"


def test_a_failed_fit_keeps_the_previous_values_and_says_since_when(monkeypatch: pytest.MonkeyPatch) -> None:
    data = synthetic()
    config = load_config()
    older = fit_normal(data.counts, config, until_slot=FIRST_SLOT + 6 * WEEK - 1, now_ms=1_000)
    real = normal.fit_nb

    def failing_first_district(x: np.ndarray, y: np.ndarray, offset: np.ndarray, present: np.ndarray,
                               clusters: np.ndarray | None = None) -> tuple[fit_irls.BatchFit, np.ndarray]:
        batch, alpha = real(x, y, offset, present, clusters)
        if y.shape[0] == 3:  # the districts' batch (the city is one row, the stations twelve): district 0 fails
            batch.converged[0] = False
        return batch, alpha

    monkeypatch.setattr(normal, "fit_nb", failing_first_district)
    newer = fit_normal(data.counts, config, until_slot=FIRST_SLOT + 8 * WEEK - 1, previous=older, now_ms=2_000)
    area = data.district(0)
    assert newer.status_by_area[area] == "failed"
    assert newer.since_ms_by_area[area] == 1_000
    assert np.allclose(newer.expected(area, FIRST_SLOT, 24), older.expected(area, FIRST_SLOT, 24))
    assert newer.status_by_area[data.district(1)] == "ok"
    assert newer.status_by_area[data.station(0, 1)] == "ok"  # its stations fit on their own shape
    without_older = fit_normal(data.counts, config, until_slot=FIRST_SLOT + 8 * WEEK - 1)
    assert without_older.status_by_area[area] == "failed"
    assert np.isnan(without_older.expected(area, FIRST_SLOT, 3)).all()


def test_a_fit_can_be_cancelled_between_areas() -> None:
    data = synthetic()
    looks: list[int] = []

    def cancelled() -> bool:
        looks.append(1)
        return len(looks) > 1  # after the districts

    with pytest.raises(FitCancelled):
        fit_normal(data.counts, load_config(), until_slot=FIRST_SLOT + 8 * WEEK - 1, cancelled=cancelled)


def test_the_model_survives_a_pickle_and_its_band_holds_the_mean() -> None:
    data = synthetic()
    model = pickle.loads(pickle.dumps(fit_normal(data.counts, load_config(), until_slot=FIRST_SLOT + 8 * WEEK - 1)))
    area = data.district(1)
    low, high = model.band(area, FIRST_SLOT + 8 * WEEK, 24)
    mean = model.expected(area, FIRST_SLOT + 8 * WEEK, 24)
    assert (low <= mean).all() and (mean <= high).all() and (high - low > 4).all()


def test_districts_borrow_the_city_weekly_shape_and_each_fits_its_own_level_and_day() -> None:
    data = synthetic()
    model = fit_normal(data.counts, load_config(), until_slot=FIRST_SLOT + 8 * WEEK - 1)
    fits = [model.fits[data.district(d)] for d in range(3)]
    assert {fit.design for fit in fits} == {Design.POOLED}
    city = fits[0].base
    assert city is not None and city.design is Design.WEEK
    assert city.members == tuple(data.district(d) for d in range(3))  # the city is the three districts' sum
    # district 2's stations are busier than district 0's: each district keeps its own level
    ahead = FIRST_SLOT + 8 * WEEK
    for d in (0, 2):
        truth = data.rate[d, 8 * WEEK:9 * WEEK].sum()
        assert abs(model.expected(data.district(d), ahead, WEEK).sum() / truth - 1) < 0.05
    station = model.fits[data.station(0, 1)]
    assert station.design is Design.BORROWED and station.base is fits[0]


def test_one_district_alone_or_a_city_that_cannot_be_fitted_fits_its_own_weekly_shape(
        monkeypatch: pytest.MonkeyPatch) -> None:
    alone = synthetic(districts=1)
    model = fit_normal(alone.counts, load_config(), until_slot=FIRST_SLOT + 8 * WEEK - 1)
    assert model.fits[alone.district(0)].design is Design.WEEK and model.fits[alone.district(0)].base is None
    data = synthetic()
    real = normal.fit_nb

    def failing_city(x: np.ndarray, y: np.ndarray, offset: np.ndarray, present: np.ndarray,
                     clusters: np.ndarray | None = None) -> tuple[fit_irls.BatchFit, np.ndarray]:
        batch, alpha = real(x, y, offset, present, clusters)
        if y.shape[0] == 1:  # the city's batch
            batch.converged[0] = False
        return batch, alpha

    monkeypatch.setattr(normal, "fit_nb", failing_city)
    model = fit_normal(data.counts, load_config(), until_slot=FIRST_SLOT + 8 * WEEK - 1)
    assert {model.fits[data.district(d)].design for d in range(3)} == {Design.WEEK}
    assert all(status == "ok" for status in model.status_by_area.values())


def test_a_public_holiday_is_read_as_a_sunday_at_its_own_level() -> None:
    thursday = FIRST_SLOT + 8  # 2026-01-01 00:00 local, New Year's Day, a Thursday
    sunday = thursday + 3 * 24
    holidays = frozenset({"2026-01-01"})
    slots = np.arange(thursday, thursday + 24)
    on_holiday = design_matrix(Design.WEEK, slots, thursday, holidays)
    on_sunday = design_matrix(Design.WEEK, np.arange(sunday, sunday + 24), thursday, holidays)
    hour_of_week = slice(1, 168)
    assert np.array_equal(on_holiday[:, hour_of_week], on_sunday[:, hour_of_week])
    assert (on_holiday[:, -1] == 1).all() and (on_sunday[:, -1] == 0).all()  # the holiday's own level
    ordinary = design_matrix(Design.WEEK, slots, thursday, frozenset())
    assert not np.array_equal(ordinary[:, hour_of_week], on_sunday[:, hour_of_week])
