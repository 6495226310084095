"""What whole days say about a fit: the day factor's dispersion is read from the days' totals (and a level the
fit misses is not taken for it), single hours' own variation is told apart from it, and a drift across days
is judged with the days as clusters, so a trend of chance busy days is not kept."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from dispatch_desktop.analytics import fit_irls
from dispatch_desktop.analytics.fit_days import clustered_variances, day_dispersion, hour_dispersion
from dispatch_desktop.analytics.fit_irls import fit_nb, moment_alpha

DAYS, AREAS = 56, 11
CURVE = 1.0 + 0.6 * np.sin((np.arange(24) - 9) / 24 * 2 * np.pi)  # a day's shape, mean 1


def days_of(rate: float, day_factor_alpha: float, hour_alpha: float, seed: int,
            ramp: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(counts, the mean a fit that misses the ramp would give, each slot's day) of ``AREAS`` areas over
    ``DAYS`` days: ``rate`` an hour on the day curve, times a gamma factor per area and day (variance
    ``day_factor_alpha``), times one per slot (``hour_alpha``), times a level that falls by ``ramp`` over
    the last three weeks (as the city empties before the Spring Festival)."""
    rng = np.random.default_rng(seed)
    mean = np.tile(rate * CURVE, DAYS)[None, :].repeat(AREAS, 0)
    day = np.repeat(np.arange(DAYS), 24)
    level = 1.0 - ramp * np.clip((day - (DAYS - 21)) / 21, 0.0, 1.0)
    truth = mean * level[None, :]
    if day_factor_alpha > 0:
        truth = truth * rng.gamma(1 / day_factor_alpha, day_factor_alpha, (AREAS, DAYS))[:, day]
    if hour_alpha > 0:
        truth = truth * rng.gamma(1 / hour_alpha, hour_alpha, truth.shape)
    return rng.poisson(truth).astype(float), mean, day


def test_the_day_factor_comes_from_the_days_totals_and_a_missed_fall_in_level_is_not_taken_for_it() -> None:
    y, missed, day = days_of(38.0, 0.01, 0.0, seed=1, ramp=0.35)
    ones = np.ones_like(y)
    alpha = day_dispersion(y, missed, ones, day)
    assert np.all(alpha == alpha[0]) and 0.0075 < alpha[0] < 0.0125  # the true 0.01, pooled over the areas
    # the slots' moments take the fall the fit missed for variation: more than twice as much
    assert moment_alpha(y, missed, ones, 0.0).mean() > 2 * alpha[0]
    assert hour_dispersion(y, missed, ones, ones, day, 0.0)[0] < 0.002  # hours come independently within a day


def test_single_hours_variation_is_told_apart_from_the_days() -> None:
    y, mean, day = days_of(38.0, 0.0, 0.03, seed=2)
    ones = np.ones_like(y)
    assert 0.024 < hour_dispersion(y, mean, ones, ones, day, 0.0)[0] < 0.036
    assert day_dispersion(y, mean, ones, day)[0] < 0.003  # a day's total averages its hours' noise out


def test_a_trend_of_chance_busy_days_is_far_less_sure_with_the_days_as_clusters() -> None:
    y, mean, day = days_of(38.0, 0.01, 0.0, seed=3)
    trend = (np.arange(y.shape[1]) - y.shape[1] / 2) / 168.0
    x = np.column_stack([np.ones(y.shape[1]), trend])
    batch, _alpha = fit_nb(x, y, np.log(mean / 38.0), np.ones_like(y), day)
    assert batch.clustered is not None
    model_based = batch.cov[:, 1, 1]
    assert np.median(batch.clustered[:, 1] / model_based) > 3  # the hours of a day move together
    # without day factors the two agree
    y, mean, day = days_of(38.0, 0.0, 0.0, seed=4)
    batch, _alpha = fit_nb(x, y, np.log(mean / 38.0), np.ones_like(y), day)
    assert batch.clustered is not None
    assert 0.5 < np.median(batch.clustered[:, 1] / batch.cov[:, 1, 1]) < 2.0


def test_a_single_day_gives_no_clustered_variance_to_go_on() -> None:
    y, mean, day = days_of(5.0, 0.0, 0.0, seed=5)
    x = np.ones((24, 1))
    out = clustered_variances(x, y[:, :24], mean[:, :24], np.ones((AREAS, 1, 1)), np.ones_like(y[:, :24]),
                              np.full(AREAS, 1e-6), day[:24])
    assert np.isinf(out).all()


def test_an_area_that_fails_does_not_take_the_batch_dispersion_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    y, mean, day = days_of(38.0, 0.01, 0.0, seed=6)
    real = fit_irls.irls

    def area_three_diverges(*args: Any, **kwargs: Any) -> fit_irls.BatchFit:
        fit = real(*args, **kwargs)  # area 3 stops far off: its mean finite, but wrong by up to half a day
        fit.mean[3] *= np.repeat(np.random.default_rng(7).uniform(0.5, 1.5, DAYS), 24)
        fit.converged[3] = False
        return fit

    monkeypatch.setattr(fit_irls, "irls", area_three_diverges)
    trend = (np.arange(y.shape[1]) - y.shape[1] / 2) / 168.0
    x = np.column_stack([np.ones(y.shape[1]), trend])
    batch, alpha = fit_irls.fit_nb(x, y, np.log(mean / 38.0), np.ones_like(y), day)
    assert not batch.converged[3] and batch.converged[[0, 1, 2, 4]].all()
    assert 0.0075 < alpha[0] < 0.0125  # the others' day factor, not the failed area's misfit
