"""The normal value (常态值) of every district and station area, per hour slot: a fitted NB2 GLM.

``fit_normal`` fits, on the trailing ``training_weeks`` up to ``until_slot``: the whole city (the districts'
sum) on the hour of the week, a trend and a holiday term (``fit_design.Design.WEEK``); each district on the
city's fitted shape with its own level, trend and hour-of-day terms (``Design.POOLED``; on its own weekly
shape, ``WEEK``, when there is no city to borrow from); then each station on its district's fitted shape with
its own level, trend and part-of-day terms (``Design.BORROWED``); a station whose district is not fitted gets
``Design.DAY``. Each batch is fitted by ``fit_irls.fit_nb``: a first fit, slots with large Anscombe residuals
(past anomalies) down-weighted, a refit; the day factor's dispersion and single hours' are read from whole
days (``fit_days``), and a trend is kept only when it stands against the days' own variation.

An area with too little history is "thin" (no values, no colour). An area whose fit fails (no convergence, a
non-finite value) keeps its fit from ``previous``, is "failed", and ``since_ms_by_area`` says when that older
fit was made. ``docs/ANALYTICS.md`` writes the method down.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from scipy import stats  # type: ignore[import-untyped]

from dispatch_desktop.analytics.fit_design import Design, design_matrix, local_calendar, trend_column
from dispatch_desktop.analytics.fit_irls import BatchFit, fit_nb

if TYPE_CHECKING:
    from dispatch_desktop.analytics.config import AnalyticsConfig
    from dispatch_desktop.analytics.counts import Area, HourlyCounts

OK, THIN, FAILED = "ok", "thin", "failed"
WEEK_SLOTS = 168
TREND_Z = 2.0  # a trend less significant than this is dropped (its column is centred: the level stays)
STATION_BATCH = 64  # stations fitted together between two looks at ``cancelled``
METHOD = 2
"""The method's version, kept with a model: a desk's cached model made by another is fitted again (2: the
districts on the city's shape, the city's recent level, the days' dispersion)."""
POOLED_DISTRICTS = 2  # districts borrow the city's weekly shape when at least this many make up the city


class FitCancelled(Exception):
    """``cancelled()`` said stop; no model was made."""


@dataclass(frozen=True)
class AreaFit:
    """One area's fitted model: enough to give its mean and variance at any slot."""

    design: Design
    coef: np.ndarray  # (p,)
    cov: np.ndarray  # (p, p): the coefficients' covariance (inverse Fisher information)
    alpha: float  # the day factor's variance: the day's hours share a Gamma(1/alpha, 1/alpha) multiplier
    trend_center: int  # slot of the trend's zero (the training window's middle)
    holidays: frozenset[str]
    fitted_at_ms: int
    base: AreaFit | None = None  # BORROWED: the district's fit whose mean is the offset; POOLED: the city's
    district: Area | None = None  # BORROWED: that district
    members: tuple[Area, ...] = ()  # the city's fit: the districts whose sum it was fitted on
    hourly_alpha: float = 0.0  # single hours' extra-Poisson variance beyond the day's factor (· mu²)

    def mean_and_gradient(self, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The mean per slot and d(mean)/d(coef) per slot (n, p)."""
        base_mean = self.base.mean_and_gradient(slots)[0] if self.base is not None else None
        return self._given(slots, base_mean)

    def _given(self, slots: np.ndarray, base_mean: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        x = design_matrix(self.design, slots, self.trend_center, self.holidays)
        eta = x @ self.coef
        if base_mean is not None:
            eta = eta + np.log(base_mean)
        mean = np.exp(np.minimum(eta, 30.0))
        return mean, mean[:, None] * x

    def sums(self, slots: np.ndarray, width: int, present: np.ndarray | None = None) -> WindowSums:
        """The window of ``width`` consecutive slots ending at each of ``slots[width - 1:]``: see ``WindowSums``.
        ``present``: False for slots that count as nothing (before the counts begin)."""
        base = self.base.sums(slots, width, present) if self.base is not None else None
        by_slot, gradient = self._given(slots, base.by_slot if base is not None else None)
        mean = by_slot
        if present is not None:
            mean, gradient = by_slot * present, gradient * present[:, None]
        totals = rolling_sums(mean, width)
        summed_gradient = rolling_sums(gradient, width)
        estimate = ((summed_gradient @ self.cov) * summed_gradient).sum(1)  # gᵀ·cov·g per window, through BLAS
        if base is not None:
            estimate = estimate + totals**2 * base.estimate / np.maximum(base.mean**2, 1e-12)
        hourly = self.hourly_alpha * rolling_sums(mean**2, width)
        return WindowSums(totals, totals + self.alpha * day_squares(mean, slots, width) + hourly, estimate, hourly,
                          by_slot)


@dataclass(frozen=True)
class WindowSums:
    """Per window: the mean of the summed count; its variance under the model,
    Σmu + alpha·Σ_days(Σ_day mu)² + hourly_alpha·Σmu² (the extra-Poisson variation shared by the slots of one
    local day, a day running busy or quiet as a whole, and that of single hours); the variance of the
    estimated mean (delta method gᵀ·cov·g, g the summed gradient; a borrowed shape adds the relative variance
    of the shape it borrows); the single hours' part of the variance on its own; and the mean of each slot
    (all of ``slots``, before ``present``)."""

    mean: np.ndarray
    variance: np.ndarray
    estimate: np.ndarray
    hourly: np.ndarray
    by_slot: np.ndarray


def rolling_sums(values: np.ndarray, width: int) -> np.ndarray:
    """Sums over each run of ``width`` consecutive rows (along axis 0)."""
    running = np.concatenate([np.zeros((1, *values.shape[1:])), np.cumsum(values, axis=0)])
    return np.asarray(running[width:] - running[:-width])


def day_squares(mean: np.ndarray, slots: np.ndarray, width: int) -> np.ndarray:
    """For each window of ``width`` slots: Σ over the local days it touches of (its mean within that day)²."""
    running = np.concatenate([[0.0], np.cumsum(mean)])
    hour = local_calendar(slots, ())[0]
    next_day = np.arange(len(slots)) - hour + 24  # index of the next local midnight
    position = np.arange(len(slots) - width + 1)
    end = position + width
    total = np.zeros(len(position))
    while (position < end).any():
        boundary = np.minimum(next_day[np.minimum(position, len(slots) - 1)], end)
        total += (running[boundary] - running[position]) ** 2
        position = boundary
    return total


@dataclass(frozen=True)
class NormalModel:
    """The fitted normal values of every area, picklable, cached by the caller."""

    fitted_at_ms: int  # when fitted (wall clock)
    trained_until_slot: int  # the last slot of its training data
    status_by_area: Mapping[Area, str]  # "ok" | "thin" (not enough history) | "failed" (kept older fit)
    since_ms_by_area: Mapping[Area, int]  # for "failed": the fit being used is from then
    fits: Mapping[Area, AreaFit]  # the fit in use for each area that has one
    method: int = 1  # METHOD when made; a model pickled by an older method lacks it and reads 1

    def expected(self, area: Area, first_slot: int, slots: int) -> np.ndarray:
        """The normal value (mean count) of each slot; NaN throughout for an area without a fit."""
        fit = self.fits.get(area)
        if fit is None:
            return np.full(slots, np.nan)
        return fit.mean_and_gradient(np.arange(first_slot, first_slot + slots))[0]

    def band(self, area: Area, first_slot: int, slots: int, q: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
        """The central ``q`` interval of each slot's count under the normal value (NB2 quantiles, the fit's
        own uncertainty added to the variance); NaN for an area without a fit. This is the fitted normal value
        as such; the levels also scale it by the area's recent level (``levels``, docs/ANALYTICS.md)."""
        fit = self.fits.get(area)
        if fit is None:
            return np.full(slots, np.nan), np.full(slots, np.nan)
        slot_numbers = np.arange(first_slot, first_slot + slots)
        mean, gradient = fit.mean_and_gradient(slot_numbers)
        estimate_variance = ((gradient @ fit.cov) * gradient).sum(1)
        return nb_interval(mean, mean + (fit.alpha + fit.hourly_alpha) * mean**2 + estimate_variance, q)

    def window(self, area: Area, first_slot: int, slots: int) -> tuple[float, float] | None:
        """(mean, variance) of the count summed over the slots (``WindowSums``) plus the fit's own
        uncertainty; None for an area without a fit."""
        fit = self.fits.get(area)
        if fit is None:
            return None
        sums = fit.sums(np.arange(first_slot, first_slot + slots), slots)
        return float(sums.mean[0]), float(sums.variance[0] + sums.estimate[0])


def nb_parameters(mean: np.ndarray, variance: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """scipy's (n, p) of the negative binomial with this mean and variance (moment-matched); a variance at
    or below the mean gets a huge n, i.e. the Poisson limit."""
    extra = np.maximum(variance - mean, mean * 1e-9 + 1e-12)
    size = mean**2 / extra
    return size, size / (size + mean)


def nb_interval(mean: np.ndarray, variance: np.ndarray, q: float) -> tuple[np.ndarray, np.ndarray]:
    """The central ``q`` interval of the moment-matched negative binomial, elementwise."""
    size, probability = nb_parameters(mean, variance)
    return (np.asarray(stats.nbinom.ppf((1.0 - q) / 2.0, size, probability)),
            np.asarray(stats.nbinom.ppf((1.0 + q) / 2.0, size, probability)))


def upper_tail(observed: np.ndarray, mean: np.ndarray, variance: np.ndarray) -> np.ndarray:
    """P(X ≥ observed) for X negative-binomial with this mean and variance (moment-matched), elementwise."""
    size, probability = nb_parameters(np.asarray(mean, float), np.asarray(variance, float))
    tail = stats.nbinom.sf(np.asarray(observed) - 1, size, probability)
    return np.where(np.asarray(observed) <= 0, 1.0, tail)


# --- fitting -----------------------------------------------------------------------------------------------


def fit_normal(counts: HourlyCounts, config: AnalyticsConfig, *, until_slot: int,
               previous: NormalModel | None = None, cancelled: Callable[[], bool] | None = None,
               now_ms: int | None = None) -> NormalModel:
    """Fit every area of ``counts`` on the ``training_weeks`` ending with ``until_slot`` (inclusive).
    Raises ``FitCancelled`` when ``cancelled()`` turns true (looked at between batches of areas)."""
    last = until_slot - counts.first_slot
    if not 0 <= last < counts.slots:
        raise ValueError(f"until_slot {until_slot} is outside the counts (slots {counts.first_slot} to "
                         f"{counts.first_slot + counts.slots - 1})")
    first = max(0, last + 1 - config.training_weeks * WEEK_SLOTS)
    job = _Job(counts, config, first, last, now_ms if now_ms is not None else int(time.time() * 1000),
               cancelled or (lambda: False))
    districts = [area for area in counts.areas if area.kind == "district" and job.status[area] == OK]
    job.fit(districts, Design.POOLED if job.fit_city(districts) else Design.WEEK)
    stations = [area for area in counts.areas if area.kind != "district" and job.status[area] == OK]
    borrowed = [area for area in stations if _district_of(area, job.fits, counts) is not None]
    for start in range(0, len(borrowed), STATION_BATCH):
        job.fit(borrowed[start:start + STATION_BATCH], Design.BORROWED)
    own = [area for area in stations if area not in set(borrowed)]
    for start in range(0, len(own), STATION_BATCH):
        job.fit(own[start:start + STATION_BATCH], Design.DAY)
    return job.model(previous)


class _Job:
    """One call of ``fit_normal``: the training window, each area's status and fit as they are made."""

    def __init__(self, counts: HourlyCounts, config: AnalyticsConfig, first: int, last: int, now_ms: int,
                 cancelled: Callable[[], bool]) -> None:
        self.counts, self.config, self.now_ms, self.cancelled = counts, config, now_ms, cancelled
        self.first, self.last = first, last
        self.slots = np.arange(counts.first_slot + first, counts.first_slot + last + 1)
        self.center = int(self.slots[0] + self.slots[-1]) // 2
        hour = local_calendar(self.slots, ())[0]
        self.days = self.slots - hour  # the local day of each slot (its midnight's slot): the fit's clusters
        self.y = counts.valid[:, first:last + 1].astype(float)
        # an area's history starts with its first incident in the counts (a new station has none before)
        seen = counts.valid[:, :last + 1] > 0
        self.history_start = np.where(seen.any(1), seen.argmax(1), last + 1)
        self.status: dict[Area, str] = {}
        for row, area in enumerate(counts.areas):
            weeks = (last + 1 - self.history_start[row]) / WEEK_SLOTS
            enough = weeks >= config.min_history_weeks and self.y[row].sum() >= config.min_incidents
            self.status[area] = OK if enough else THIN
        self.fits: dict[Area, AreaFit] = {}
        self.means: dict[Area, np.ndarray] = {}
        self.city: tuple[AreaFit, np.ndarray] | None = None  # the city's fit and fitted mean, once fitted

    def fit_city(self, districts: list[Area]) -> bool:
        """Fits the whole city (the sum of the districts that were counted through nearly all the training
        weeks) on the hour of the week, as the shape the districts borrow; False when there are fewer than
        ``POOLED_DISTRICTS`` such districts or the fit fails (the districts are then fitted on their own)."""
        members = tuple(area for area in districts
                        if self.history_start[self.counts.row(area)] <= self.first + WEEK_SLOTS)
        if len(members) < POOLED_DISTRICTS:
            return False
        self._stop_if_cancelled()
        rows = [self.counts.row(area) for area in members]
        present = (np.arange(self.first, self.last + 1) >= self.history_start[rows].max()).astype(float)[None, :]
        y = self.y[rows].sum(0, keepdims=True)
        batch, alpha = fit_nb(design_matrix(Design.WEEK, self.slots, self.center, self.config.holidays), y,
                              np.zeros_like(y), present, self.days)
        if not batch.converged[0]:
            return False
        self.city = (replace(self._area_fit(Design.WEEK, batch, alpha, 0, None, None), members=members),
                     batch.mean[0])
        return True

    def _stop_if_cancelled(self) -> None:
        if self.cancelled():
            raise FitCancelled("the fit of the normal values was cancelled")

    def fit(self, areas: list[Area], design: Design) -> None:
        if not areas:
            return
        self._stop_if_cancelled()
        rows = [self.counts.row(area) for area in areas]
        x = design_matrix(design, self.slots, self.center, self.config.holidays)
        y = self.y[rows]
        present = (np.arange(self.first, self.last + 1)[None, :] >= self.history_start[rows][:, None]).astype(float)
        districts: list[Area | None] = [None] * len(areas)
        bases: list[AreaFit | None] = [None] * len(areas)
        offset = np.zeros_like(y)
        if design is Design.BORROWED:
            districts = [_district_of(area, self.fits, self.counts) for area in areas]
            bases = [self.fits[district] for district in districts if district is not None]
            offset = np.log(np.vstack([self.means[district] for district in districts if district is not None]))
        elif design is Design.POOLED and self.city is not None:
            bases = [self.city[0]] * len(areas)
            offset = offset + np.log(self.city[1])[None, :]
        batch, alpha = fit_nb(x, y, offset, present, self.days)
        for index, area in enumerate(areas):
            if not batch.converged[index]:
                self.status[area] = FAILED
                continue
            self.fits[area] = self._area_fit(design, batch, alpha, index, bases[index], districts[index])
            self.means[area] = batch.mean[index]

    def _area_fit(self, design: Design, batch: BatchFit, alpha: np.ndarray, index: int, base: AreaFit | None,
                  district: Area | None) -> AreaFit:
        coef = batch.coef[index].copy()
        trend = trend_column(design)
        variance = batch.cov[index, trend, trend]
        if batch.clustered is not None:  # the days' shared factors make a drift across them less sure
            variance = max(variance, batch.clustered[index, trend])
        if abs(coef[trend]) < TREND_Z * np.sqrt(max(variance, 0.0)):
            coef[trend] = 0.0
        hourly = float(batch.hourly_alpha[index]) if batch.hourly_alpha is not None else 0.0
        return AreaFit(design, coef, batch.cov[index], float(alpha[index]), self.center, self.config.holidays,
                       self.now_ms, base, district, hourly_alpha=hourly)

    def model(self, previous: NormalModel | None) -> NormalModel:
        since: dict[Area, int] = {}
        fits = dict(self.fits)
        for area, status in self.status.items():
            older = previous.fits.get(area) if previous is not None else None
            if status == FAILED:
                since[area] = older.fitted_at_ms if older is not None else 0
                if older is not None:
                    fits[area] = older
        return NormalModel(self.now_ms, self.counts.first_slot + self.last, dict(self.status), since, fits, METHOD)


def _district_of(station: Area, fits: Mapping[Area, AreaFit], counts: HourlyCounts) -> Area | None:
    """The station's district area when that district was fitted in this run (station ids are
    S-<district adcode>-<NN>)."""
    parts = station.id.split("-")
    if len(parts) < 3:
        return None
    for area in fits:
        if area.kind == "district" and area.id == parts[1]:
            return area
    return None
