"""What whole days say about a fit: how much a day varies as a whole, and how sure a drift across days is.

The counts' extra-Poisson variation is mostly a factor shared by the hours of one local day (a day runs busy
or quiet as a whole: weather, a day's events), which the levels model as ``Gamma(1/alpha, 1/alpha)``
(docs/ANALYTICS.md, "The level"). The IRLS treats the slots as independent; two things need the days:

- ``day_dispersion``: that alpha, from the days' totals (the slots' moments cannot see a factor the hours
  share, and take a level the fit misses for day-to-day variation); ``hour_dispersion``: what single hours
  vary beyond their day's factor;
- ``clustered_variances``: a coefficient's variance with the days as clusters (the sandwich), for the trend
  above all: 56 days of ±10 % factors make a drift across them far less sure than 50,000 independent
  incidents would.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

ALPHA_FLOOR = 1e-6  # a Poisson-like area: NB2 with a negligible extra variance
NEIGHBOUR_DAYS = 3  # a day is held against the level of the days this far either side of it
SLOTS_A_DAY = 24


def _by_day(values: np.ndarray, groups: np.ndarray, days: int) -> np.ndarray:
    """(A, days): each row of ``values`` (A, n) summed over the slots of each day."""
    return np.stack([np.bincount(groups, weights=row, minlength=days) for row in values])


def day_dispersion(y: np.ndarray, mean: np.ndarray, present: np.ndarray, clusters: np.ndarray) -> np.ndarray:
    """The day factor's variance alpha, one for the whole batch, repeated for each area (A,).

    Each whole day's total ``O`` is held against its fitted total ``M`` times ``s``, the observed ÷ fitted of
    the ``NEIGHBOUR_DAYS`` days either side (the day itself left out): ``e = O − s·M``, and
    ``alpha = Σ(e² / (1 + 1/k) − s·M) / Σ(s·M)²`` over the batch's areas and days, ``k`` the neighbours found
    (the neighbours' own noise is in ``e``). Held against its neighbours, a day shows only its own factor, not
    a level the fit misses (the city refilling after the Spring Festival). Pooled over the batch: 56 days tell
    one area's alpha to about ±20 %, eleven districts' together to about ±6 %. Only days whose 24 slots are all
    in the area's history count; anomalies stay in (a down-weighted hour would cut a busy day's own excess,
    which is what this measures)."""
    groups = np.unique(clusters, return_inverse=True)[1]
    days = int(groups.max()) + 1 if len(groups) else 0
    observed, fitted = _by_day(present * y, groups, days), _by_day(present * mean, groups, days)
    whole = (_by_day(present, groups, days) == SLOTS_A_DAY) & (fitted > 0)
    ratio = np.where(whole, observed / np.maximum(fitted, 1e-12), 0.0)
    near_sum, near_count = np.zeros_like(ratio), np.zeros_like(ratio)
    for shift in range(1, NEIGHBOUR_DAYS + 1):
        # day d's neighbours d - shift and d + shift, where they exist and are whole
        near_sum[:, shift:] += ratio[:, :-shift]
        near_count[:, shift:] += whole[:, :-shift]
        near_sum[:, :-shift] += ratio[:, shift:]
        near_count[:, :-shift] += whole[:, shift:]
    counted = whole & (near_count > 0)
    expected = near_sum / np.maximum(near_count, 1) * fitted
    excess = (observed - expected) ** 2 / (1.0 + 1.0 / np.maximum(near_count, 1)) - expected
    scale = float(np.where(counted, expected**2, 0.0).sum())
    alpha = float(np.where(counted, excess, 0.0).sum()) / scale if scale > 0 else ALPHA_FLOOR
    return np.full(y.shape[0], max(alpha, ALPHA_FLOOR))


def hour_dispersion(y: np.ndarray, mean: np.ndarray, present: np.ndarray, weights: np.ndarray,
                    clusters: np.ndarray, leverage: float) -> np.ndarray:
    """The extra-Poisson variance of single hours beyond their day's factor, one for the whole batch (A,).

    Given its whole day's ratio ``r = O/M`` (observed ÷ fitted over the day), an hour's count is about
    ``r·mu`` with variance ``r·mu·(1 − mu/M) + alpha_hour·(r·mu)²`` (the first term: the hours share the day's
    total): ``alpha_hour = Σ(e²/(1 − h) − r·mu·(1 − mu/M)) / Σ(r·mu)²``, ``e = y − r·mu``, ``h`` the mean
    leverage (a fitted hour sits closer to its own counts), floored at 0, each hour with its prior weight (a
    past anomaly's hours down-weighted, as in the fit). Zero where incidents come independently within a
    day; above it where they come in bunches of an hour (a brawl's several calls)."""
    groups = np.unique(clusters, return_inverse=True)[1]
    days = int(groups.max()) + 1 if len(groups) else 0
    observed, fitted = _by_day(present * y, groups, days), _by_day(present * mean, groups, days)
    whole = (_by_day(present, groups, days) == SLOTS_A_DAY) & (fitted > 0)
    ratio = np.where(whole, observed / np.maximum(fitted, 1e-12), 0.0)[:, groups]
    counted = whole[:, groups]
    expected = ratio * mean
    share = mean / np.maximum(fitted[:, groups], 1e-12)
    excess = (y - expected) ** 2 / (1.0 - leverage) - expected * (1.0 - share)
    scale = float(np.where(counted, weights * expected**2, 0.0).sum())
    alpha = float(np.where(counted, weights * excess, 0.0).sum()) / scale if scale > 0 else 0.0
    return np.full(y.shape[0], max(alpha, 0.0))


def clustered_variances(x: np.ndarray, y: np.ndarray, mean: np.ndarray, cov: np.ndarray, weights: np.ndarray,
                        alpha: np.ndarray, clusters: np.ndarray) -> np.ndarray:
    """(A, p): each coefficient's variance by the cluster-robust sandwich ``cov·(Σ_c s_c·s_cᵀ)·cov·C/(C − 1)``,
    ``s_c`` the NB2 score summed over the slots of cluster (day) ``c``, ``C`` the clusters; infinite with
    fewer than two clusters."""
    groups = np.unique(clusters, return_inverse=True)[1]
    days = int(groups.max()) + 1 if len(groups) else 0
    if days < 2:
        return np.full((y.shape[0], x.shape[1]), np.inf)
    summing = sparse.csr_matrix((np.ones(len(groups)), (groups, np.arange(len(groups)))), shape=(days, len(groups)))
    scores = weights * (y - mean) / (1.0 + alpha[:, None] * mean)
    out = np.empty((y.shape[0], x.shape[1]))
    for area in range(y.shape[0]):
        by_day = np.asarray(summing @ (scores[area][:, None] * x))  # (days, p)
        out[area] = ((by_day @ cov[area]) ** 2).sum(0) * days / (days - 1)
    return out
