"""The current level of each area: the last hours (1, 2, 3 and 24 shipped) against the normal value, as a colour.

For each window, the observed count of valid incidents in its slots is held against its expected count: the
fitted mean times the area's recent level, the part of the window in the day it starts in given that day so far
(``window_tails``). The upper-tail probability P(X ≥ observed) comes from a negative binomial with that
mean and variance (the day's shared factor, single hours' variation, the fit's and the level's own
uncertainty included). Each window
gets a colour from the configured thresholds (times its ``scale_by_window``), green whenever observed −
expected < ``min_excess``; the worst window decides (the smaller p among equal colours) and is named.
``docs/ANALYTICS.md`` has the details.

``window_tails`` computes the same figures for a run of consecutive slots at once: the bench walks a year
with it, so what it measures is what the desk shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from dispatch_desktop.analytics.config import AnalyticsConfig, Colour, StaffingRule
from dispatch_desktop.analytics.fit_design import local_calendar
from dispatch_desktop.analytics.normal import (
    FAILED,
    THIN,
    AreaFit,
    NormalModel,
    day_squares,
    nb_interval,
    rolling_sums,
    upper_tail,
)

if TYPE_CHECKING:
    from dispatch_desktop.analytics.counts import Area, HourlyCounts


LEVEL_SLOTS = 168  # an area's own recent level: observed ÷ fitted over the last 7 days …
LEVEL_GAP = 24  # … ending a day before the slot read, so a surge in its windows does not raise its own normal
CITY_LEVEL_SLOTS = 48  # the city's: its last two days, up to the slot before the one read (one district's
# surge moves eleven districts' two days by a fraction of a percent, so no gap is needed, and a short
# stretch follows the city's emptying before the Spring Festival and its refilling after it closely)
LEVEL_LIMITS = (0.5, 2.0)  # a week of the log missing must not make every incident an alarm


@dataclass(frozen=True)
class AreaLevel:
    area: Area
    colour: Colour | None  # None: not enough history
    status: str  # "ok" | "thin" | "failed" (colour from an older fit, see since_ms)
    since_ms: int  # for "failed": the fit in use dates from then
    window_h: int  # the window that decided the colour
    observed: int
    expected: float
    p_value: float  # upper-tail probability of observing this many or more
    by_window: Mapping[int, tuple[int, float, float]]  # window_h -> (observed, expected, p)


@dataclass(frozen=True)
class WindowTails:
    """One window's figures at each of a run of slots (index i: the window ending at ``first_at + i``)."""

    observed: np.ndarray
    expected: np.ndarray
    p_value: np.ndarray


def window_tails(counts: HourlyCounts, model: NormalModel, area: Area, window_h: int, first_at: int,
                 last_at: int) -> WindowTails | None:
    """The window's observed, expected and p for every slot from ``first_at`` to ``last_at`` (the window's
    last slot); None for an area without a fit. Slots before the counts count as neither seen nor expected.

    The expected count is the fit's summed mean times the area's recent level (``recent_level``); a window
    within one local day is also read given the day so far: the day's shared factor, a priori
    Gamma(1/v, 1/v) with v = alpha + the normal value's own relative variance (the fit's and the level's: an
    error of the normal value, like the day's factor, multiplies all the day's hours), is updated by the day's
    earlier slots (observed O, expected E) to Gamma(1/v + O, 1/v + E), and the window's part in that day is
    negative binomial given that, single hours' own variation (``hourly_alpha``) added; a part after the next
    midnight (the 24 h window's) has new days' factors. docs/ANALYTICS.md writes this down."""
    fit = model.fits.get(area)
    if fit is None:
        return None
    row = counts.row(area)
    reach = window_h + 23  # the window and the earlier slots of its first day
    slots = np.arange(first_at - reach + 1, last_at + 1)
    inside = (slots >= counts.first_slot) & (slots < counts.first_slot + counts.slots)
    keep = last_at - first_at + 1
    sums = fit.sums(slots, window_h, present=inside)
    fitted = sums.mean[-keep:]
    seen = np.zeros(len(slots))
    seen[inside] = counts.valid[row, slots[inside] - counts.first_slot]
    observed = rolling_sums(seen, window_h)[-keep:].astype(np.int64)
    level, level_variance = recent_level(counts, fit, area, first_at, last_at)
    # the day so far: the slots from the local midnight of the window's first slot up to it; the window's
    # part in that day (a) is read given it, a part after the next midnight (b) with a new day's factor
    starts = np.arange(first_at, last_at + 1) - window_h + 1
    hour = local_calendar(starts, ())[0]
    to_start = starts - slots[0]
    to_midnight = to_start - hour
    to_split = np.minimum(to_midnight + 24, to_start + window_h)
    mean_by_slot = sums.by_slot * inside
    running_mean = np.concatenate([[0.0], np.cumsum(mean_by_slot)])
    running_squares = np.concatenate([[0.0], np.cumsum(mean_by_slot**2)])
    running_seen = np.concatenate([[0.0], np.cumsum(seen)])
    day_expected = level * (running_mean[to_start] - running_mean[to_midnight])
    day_seen = running_seen[to_start] - running_seen[to_midnight]
    fitted_a = running_mean[to_split] - running_mean[to_start]
    expected_a, expected_b = level * fitted_a, level * (fitted - fitted_a)
    hourly_a = level**2 * fit.hourly_alpha * (running_squares[to_split] - running_squares[to_start])
    hourly_b = level**2 * sums.hourly[-keep:] - hourly_a
    # the normal value's own relative error (the fit's and the level's): like the day's factor it is one
    # multiplier on the day's hours, so the day so far learns about both together
    relative = sums.estimate[-keep:] / np.maximum(fitted, 1e-12) ** 2 + level_variance
    shape = 1.0 / (fit.alpha + relative)
    day_factor = (shape + day_seen) / (shape + day_expected)
    mean = expected_a * day_factor + expected_b
    # b's days' factors: the window's Σ_days alpha·(Σ_day mu)² less a's own day
    days_b = sums.variance[-keep:] - fitted - sums.hourly[-keep:] - fit.alpha * fitted_a**2
    variance = (expected_a * day_factor + expected_a**2 * day_factor / (shape + day_expected)
                + hourly_a * day_factor**2
                + expected_b + level**2 * np.maximum(days_b, 0.0) + hourly_b + expected_b**2 * relative
                + 2.0 * expected_a * expected_b * relative)  # the normal value's error is a's and b's alike
    return WindowTails(observed, mean, upper_tail(observed, mean, variance))


def recent_level(counts: HourlyCounts, fit: AreaFit, area: Area, first_at: int,
                 last_at: int) -> tuple[np.ndarray, np.ndarray]:
    """For each slot t from ``first_at`` to ``last_at``: the recent level L(t), observed ÷ fitted over a stretch
    ending before t, of the area whose shape the fit borrows last (a station its district's, a district on the
    city's shape the city's), clipped to ``LEVEL_LIMITS``; and L's relative variance
    (E + alpha·Σ_days E_day² + hourly_alpha·Σmu²) / E². The city's is read over ``CITY_LEVEL_SLOTS`` up to the
    slot before t; one area's over ``LEVEL_SLOTS`` ending ``LEVEL_GAP`` before t."""
    level_fit, rows = level_source(counts, fit, area)
    length, gap = (CITY_LEVEL_SLOTS, 1) if level_fit.members else (LEVEL_SLOTS, LEVEL_GAP)
    slots = np.arange(first_at - gap - length + 1, last_at - gap + 1)
    inside = (slots >= counts.first_slot) & (slots < counts.first_slot + counts.slots)
    mean = np.where(inside, level_fit.mean_and_gradient(slots)[0], 0.0)
    observed = np.zeros(len(slots))
    observed[inside] = counts.valid[np.ix_(np.asarray(rows), slots[inside] - counts.first_slot)].sum(0)
    expected = rolling_sums(mean, length)
    seen = rolling_sums(observed, length)
    known = expected > 1.0
    level = np.clip(np.where(known, seen / np.maximum(expected, 1e-9), 1.0), *LEVEL_LIMITS)
    spread = expected + level_fit.alpha * day_squares(mean, slots, length) + level_fit.hourly_alpha * rolling_sums(
        mean**2, length)
    return level, np.where(known, spread / np.maximum(expected, 1e-9) ** 2, 0.0)


def level_source(counts: HourlyCounts, fit: AreaFit, area: Area) -> tuple[AreaFit, list[int]]:
    """The fit at the end of the area's chain of borrowed shapes and the rows of the counts it was fitted on."""
    root: AreaFit = fit
    owner: Area | None = area
    while root.base is not None:
        owner, root = root.district, root.base
    if root.members:
        return root, [counts.row(member) for member in root.members]
    if owner is None:
        raise ValueError(f"the fit of {area} borrows a shape without saying whose")
    return root, [counts.row(owner)]


def normal_band(counts: HourlyCounts, model: NormalModel, area: Area, first_slot: int, slots: int,
                q: float = 0.95) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Per slot, the normal value as the levels read it, for a trend chart: (expected, low, high), expected
    the fitted mean times the recent level at that slot, low–high its central ``q`` interval (NB2 with the
    fit's and the level's uncertainty). ``NormalModel.band`` is the fitted normal value without the level.
    None for an area without a fit."""
    fit = model.fits.get(area)
    if fit is None:
        return None
    mean, gradient = fit.mean_and_gradient(np.arange(first_slot, first_slot + slots))
    estimate = ((gradient @ fit.cov) * gradient).sum(1)
    level, level_variance = recent_level(counts, fit, area, first_slot, first_slot + slots - 1)
    expected = level * mean
    variance = (expected + (fit.alpha + fit.hourly_alpha) * expected**2 + level**2 * estimate
                + expected**2 * level_variance)
    return (expected, *nb_interval(expected, variance, q))


def colours(tails: Mapping[int, WindowTails], config: AnalyticsConfig) -> tuple[np.ndarray, np.ndarray]:
    """(rank of the worst colour 0–3, the window that decided it) at each slot, from each window's tails."""
    windows = sorted(tails)
    ranks = np.stack([_ranks(tails[w], config.thresholds(w), config.min_excess) for w in windows])
    p_values = np.stack([tails[w].p_value for w in windows])
    # the worst colour, then the smallest p among the windows of that colour
    order = np.lexsort((p_values, -ranks), axis=0)[0]
    return ranks[order, np.arange(ranks.shape[1])], np.asarray(windows)[order]


def _ranks(tail: WindowTails, thresholds: tuple[float, float, float], min_excess: int) -> np.ndarray:
    blue, yellow, red = thresholds
    p = tail.p_value
    rank = np.where(p < red, 3, np.where(p < yellow, 2, np.where(p < blue, 1, 0)))
    return np.where(tail.observed - tail.expected < min_excess, 0, rank)


RANKED = (Colour.GREEN, Colour.BLUE, Colour.YELLOW, Colour.RED)


def levels_at(counts: HourlyCounts, model: NormalModel, config: AnalyticsConfig,
              at_slot: int) -> dict[Area, AreaLevel]:
    """Every area's level with ``at_slot`` as the last complete slot."""
    return {area: level_of(counts, model, config, area, at_slot) for area in counts.areas}


def level_of(counts: HourlyCounts, model: NormalModel, config: AnalyticsConfig, area: Area,
             at_slot: int) -> AreaLevel:
    status = model.status_by_area.get(area, THIN)
    since = model.since_ms_by_area.get(area, 0) if status == FAILED else 0
    tails = {w: window_tails(counts, model, area, w, at_slot, at_slot) for w in config.windows_h}
    if status == THIN or any(tail is None for tail in tails.values()):
        return AreaLevel(area, None, status, since, 0, 0, 0.0, 1.0, {})
    present = {w: tail for w, tail in tails.items() if tail is not None}
    rank, decided = colours(present, config)
    by_window = {w: (int(t.observed[0]), float(t.expected[0]), float(t.p_value[0])) for w, t in present.items()}
    observed, expected, p_value = by_window[int(decided[0])]
    return AreaLevel(area, RANKED[int(rank[0])], status, since, int(decided[0]), observed, expected, p_value,
                     by_window)


def level_ranks(counts: HourlyCounts, model: NormalModel, config: AnalyticsConfig, area: Area, first_at: int,
                last_at: int) -> np.ndarray | None:
    """The area's colour (rank 0 green … 3 red) read at each slot from ``first_at`` to ``last_at`` with this
    model, as ``level_of`` reads one slot; None for an area without a colour (too little history, no fit)."""
    if model.status_by_area.get(area, THIN) == THIN:
        return None
    tails = {w: window_tails(counts, model, area, w, first_at, last_at) for w in config.windows_h}
    present = {w: tail for w, tail in tails.items() if tail is not None}
    if len(present) < len(tails):
        return None
    return colours(present, config)[0]


def staffing_for(level: AreaLevel, config: AnalyticsConfig) -> StaffingRule | None:
    """The configured rule for the level's colour; None without a colour or a rule for it."""
    return next((rule for rule in config.staffing if rule.level == level.colour), None)
