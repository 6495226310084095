"""The best any level could do on a generated year: the same reading with the generator's own mean.

``bench/analytics.py`` prints it beside the levels. The oracle knows what no desk can: each district's true
surge-free mean per hour (``history.expected_rate``: the calendar, the trend, the Spring Festival) and the
true dispersion of the day's factor (``history.DISPERSION_SHAPE``). It reads the 1, 2 and 3 h windows as the
levels do: a window within one local day given the day so far (the gamma factor updated by the day's earlier
hours), a window across midnight with the day factors unconditioned. What it still misses is noise no
method can see through: a surge whose hours happen to come out at the surge-free mean.
"""

from __future__ import annotations

import numpy as np

from dispatch_desktop.analytics.counts import Area, HourlyCounts
from dispatch_desktop.analytics.fit_design import local_calendar
from dispatch_desktop.analytics.history import DISPERSION_SHAPE, GroundTruth, expected_rate
from dispatch_desktop.analytics.normal import day_squares, rolling_sums, upper_tail
from dispatch_desktop.domain.city import City

WINDOWS_H = (1, 2, 3)  # the 24 h window catches no three-hour surge (docs/ANALYTICS.md, "Tuning")


def oracle_statistic(counts: HourlyCounts, truth: GroundTruth, city: City, district: Area, first_at: int,
                     last_at: int) -> np.ndarray:
    """−log10 of the smallest p over the windows at each slot from ``first_at`` to ``last_at``."""
    reach = max(WINDOWS_H) + 23
    slots = np.arange(first_at - reach + 1, last_at + 1)
    mean = np.array([expected_rate(city, district, int(slot)) for slot in slots]) * truth.scale
    seen = counts.valid[counts.row(district), slots - counts.first_slot].astype(float)
    keep = last_at - first_at + 1
    running_mean = np.concatenate([[0.0], np.cumsum(mean)])
    running_seen = np.concatenate([[0.0], np.cumsum(seen)])
    smallest = np.ones(keep)
    for window in WINDOWS_H:
        expected = rolling_sums(mean, window)[-keep:]
        observed = rolling_sums(seen, window)[-keep:]
        starts = np.arange(first_at, last_at + 1) - window + 1
        hour = local_calendar(starts, ())[0]
        to_start = starts - slots[0]
        day_expected = running_mean[to_start] - running_mean[to_start - hour]
        day_seen = running_seen[to_start] - running_seen[to_start - hour]
        factor = (DISPERSION_SHAPE + day_seen) / (DISPERSION_SHAPE + day_expected)
        within = hour + window <= 24
        conditioned = expected * factor
        variance = np.where(within, conditioned + expected**2 * factor / (DISPERSION_SHAPE + day_expected),
                            expected + day_squares(mean, slots, window)[-keep:] / DISPERSION_SHAPE)
        smallest = np.minimum(smallest, upper_tail(observed, np.where(within, conditioned, expected), variance))
    return np.asarray(-np.log10(np.maximum(smallest, 1e-300)))
