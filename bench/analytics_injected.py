"""Surges added to the generated year, many more than it holds, so the share caught is read to a point.

A generated year holds about 60 district surges: the share of them caught is known to ±8 points (95 %), so
one year can read 89.7 % where the method catches 82 %. ``bench/analytics.py`` therefore also adds surges of
its own to the year it walked, one at a time, and reads them as the desk would:

- each is drawn as the generator draws its surges (``history_anomalies``): the district by its population,
  the first hour by the day curve, the factor uniform in ``SURGE_FACTOR``, ``SURGE_HOURS`` long;
- it is placed on a random day of the walk at a quiet time (no anomaly of the log within the longest window
  of its three slots), inside one refit period;
- its extra incidents are drawn as the generator would have drawn them: Poisson with mean
  (factor − 1) × the true mean (``history.expected_rate``) × that day's effect (``history.day_effects``);
- they are added to the district's counts, its windows at its three slots are read with the walk's model of
  that period (fitted before the surge, so the surge does not change it), and the counts are restored.

The oracle and EARS C2 read the same injected counts, so all three compare on the same surges.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from analytics_oracle import oracle_statistic

from dispatch_desktop.analytics.counts import Area, AreaKind, HourlyCounts
from dispatch_desktop.analytics.ears import BASELINE, LAG, ears_c2
from dispatch_desktop.analytics.history import GroundTruth, day_effects, expected_rate
from dispatch_desktop.analytics.history_anomalies import SURGE_FACTOR, SURGE_HOURS
from dispatch_desktop.analytics.history_calendar import DAY_CURVE, local_day, local_midnight_slot
from dispatch_desktop.analytics.levels import WindowTails, window_tails
from dispatch_desktop.analytics.normal import NormalModel
from dispatch_desktop.analytics.walk import Period
from dispatch_desktop.domain.city import City


@dataclass(frozen=True)
class Injected:
    """One added surge and what each method read at its ``SURGE_HOURS`` slots."""

    area: Area
    start: int  # its first slot
    factor: float
    tails: dict[int, WindowTails]  # the levels' windows
    oracle: np.ndarray  # −log10 of the oracle's smallest p
    c2: np.ndarray  # EARS C2's statistic


def inject_surges(counts: HourlyCounts, truth: GroundTruth, city: City, periods: Sequence[Period],
                  quiet: Mapping[Area, np.ndarray], first_at: int, windows_h: Sequence[int], n: int,
                  seed: int = 2016) -> list[Injected]:
    """``n`` surges, each added to the counts alone and taken out again (``counts`` is as it was after)."""
    rng = np.random.default_rng(seed)
    districts = list(city.districts)
    population = np.array([d.population for d in districts], dtype=np.float64)
    district_p = population / population.sum()
    hour_p = DAY_CURVE / DAY_CURVE.sum()
    last_at = periods[-1].last
    days = (last_at - first_at + 1) // 24
    out: list[Injected] = []
    while len(out) < n:
        index = int(rng.choice(len(districts), p=district_p))
        area = Area(AreaKind.DISTRICT, districts[index].adcode)
        hour, factor = int(rng.choice(24, p=hour_p)), float(rng.uniform(*SURGE_FACTOR))
        start = local_midnight_slot(local_day(first_at + int(rng.integers(days)) * 24 + 12)) + hour
        slots = np.arange(start, start + SURGE_HOURS)
        period = next((p for p in periods if p.first <= start and slots[-1] <= p.last), None)
        if period is None or not quiet[area][slots - first_at].all():
            continue  # across a refit, outside the walk, or near an anomaly of the log: draw again
        mean = np.array([expected_rate(city, area, int(slot)) * day_effects(truth.seed, local_day(int(slot)),
                                                                            len(districts))[index]
                         for slot in slots]) * truth.scale
        extra = rng.poisson(mean * (factor - 1.0)).astype(counts.valid.dtype)
        out.append(_read(counts, truth, city, period.model, area, slots, extra, factor, windows_h))
    return out


def _read(counts: HourlyCounts, truth: GroundTruth, city: City, model: NormalModel, area: Area,
          slots: np.ndarray, extra: np.ndarray, factor: float, windows_h: Sequence[int]) -> Injected:
    row, columns = counts.row(area), slots - counts.first_slot
    first, last = int(slots[0]), int(slots[-1])
    counts.valid[row, columns] += extra
    try:
        tails = {w: window_tails(counts, model, area, w, first, last) for w in windows_h}
        oracle = oracle_statistic(counts, truth, city, area, first, last)
        baseline = counts.valid[row, columns[0] - BASELINE - LAG:columns[-1] + 1]
        c2 = np.nan_to_num(ears_c2(baseline).statistic[-len(slots):], nan=0.0)
    finally:
        counts.valid[row, columns] -= extra
    never = WindowTails(np.zeros(len(slots), np.int64), np.zeros(len(slots)), np.ones(len(slots)))
    # a district the walk reads as thin has no colour: never an alarm, as in the walk
    return Injected(area, first, factor, {w: never if t is None else t for w, t in tails.items()}, oracle, c2)

