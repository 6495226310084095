"""How the call rate moves over a day: quiet at 3–6 am, busiest in the evening.

The shape follows the usual 110 call-centre profile (a trough before dawn at well under half the mean,
a long daytime plateau and an evening peak at about one and a half times the mean); the level is set by
the caller as incidents per day.
"""

from __future__ import annotations

import numpy as np

GUANGZHOU_UTC_OFFSET_MS = 8 * 3_600_000
DAY_MS = 86_400_000

# Relative call rate at the middle of each local hour, 00:30 … 23:30.
_HOURLY = np.array([
    1.00, 0.80, 0.60, 0.45, 0.38, 0.40, 0.50, 0.70, 0.90, 1.00, 1.05, 1.05,
    1.00, 1.00, 1.05, 1.10, 1.15, 1.20, 1.30, 1.40, 1.50, 1.50, 1.40, 1.20,
])
_HOURLY = _HOURLY / _HOURLY.mean()


def local_hour(t_ms: int | np.ndarray, utc_offset_ms: int = GUANGZHOU_UTC_OFFSET_MS) -> np.ndarray:
    """Hour of the local day as a float in [0, 24)."""
    return ((np.asarray(t_ms, dtype=np.int64) + utc_offset_ms) % DAY_MS) / 3_600_000.0


def relative_rate(t_ms: int | np.ndarray, utc_offset_ms: int = GUANGZHOU_UTC_OFFSET_MS) -> np.ndarray:
    """Call rate at ``t_ms`` relative to the day's mean (the mean over a day is 1)."""
    hour = local_hour(t_ms, utc_offset_ms)
    # Piecewise linear between hour middles, wrapping around midnight.
    position = hour - 0.5
    lower = np.floor(position).astype(np.int64)
    fraction = position - lower
    return _HOURLY[lower % 24] * (1.0 - fraction) + _HOURLY[(lower + 1) % 24] * fraction
