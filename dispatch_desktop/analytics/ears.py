"""EARS C2, the CDC's Early Aberration Reporting System baseline (Hutwagner et al. 2003), as published.

For the count ``y[t]`` of a slot, the baseline is the 7 slots ``t-9 … t-3`` (a 7-slot window lagged by 2, so
the start of an aberration does not raise its own baseline); with their mean ``m`` and sample standard
deviation ``s`` (n − 1), ``C2[t] = (y[t] − m) / max(s, min_sigma)`` and the slot is flagged when C2 > 3.
``min_sigma`` is 0 as in the R package surveillance's ``earsC`` (a flat baseline flags any count above it).

It has no seasonality: on hourly counts it alarms on every morning rise. The bench runs it on the same
slots as the levels, as the baseline they have to beat.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BASELINE = 7
LAG = 2
THRESHOLD = 3.0


@dataclass(frozen=True)
class C2Result:
    """Index i is slot i of the series; the first ``BASELINE + LAG`` slots have no baseline (NaN, unflagged)."""

    statistic: np.ndarray
    baseline_mean: np.ndarray
    baseline_sd: np.ndarray
    flagged: np.ndarray


def ears_c2(series: np.ndarray, *, min_sigma: float = 0.0, threshold: float = THRESHOLD) -> C2Result:
    counts = np.asarray(series, dtype=float)
    n = len(counts)
    mean = np.full(n, np.nan)
    sd = np.full(n, np.nan)
    start = BASELINE + LAG
    if n > start:
        windows = np.lib.stride_tricks.sliding_window_view(counts, BASELINE)[: n - start]  # slots t-9 … t-3
        mean[start:] = windows.mean(1)
        sd[start:] = windows.std(1, ddof=1)
    sigma = np.maximum(sd, min_sigma)
    excess = counts - mean
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = np.where(sigma > 0, excess / sigma, np.where(excess > 0, np.inf, 0.0))
    statistic[:start] = np.nan
    flagged = np.nan_to_num(statistic, nan=0.0) > threshold
    return C2Result(statistic, mean, sd, flagged)
