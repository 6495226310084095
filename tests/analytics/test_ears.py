"""EARS C2 as published: a 7-slot baseline lagged by 2, its mean and sample sd, flagged above 3 sd."""

from __future__ import annotations

import math

import numpy as np

from dispatch_desktop.analytics.ears import ears_c2


def test_c2_on_a_series_computed_by_hand() -> None:
    series = np.array([1, 2, 3, 4, 5, 6, 7, 0, 0, 20, 8, 0])
    result = ears_c2(series)
    # slot 9: baseline slots 0..6 = 1..7, mean 4, sd sqrt(28 / 6) = 2.1602; (20 - 4) / 2.1602 = 7.407
    assert math.isclose(result.baseline_mean[9], 4.0)
    assert math.isclose(result.baseline_sd[9], math.sqrt(28 / 6))
    assert math.isclose(result.statistic[9], 16 / math.sqrt(28 / 6))
    # slot 10: baseline slots 1..7 = 2,3,4,5,6,7,0, mean 27/7, sd sqrt((139 - 27²/7) / 6) = 2.4103; 1.719
    mean = 27 / 7
    sd = math.sqrt((139 - 27**2 / 7) / 6)
    assert math.isclose(result.statistic[10], (8 - mean) / sd)
    assert math.isclose(result.statistic[10], 1.719, abs_tol=1e-3)
    # the value 20 at slot 9 is two slots back from 11 and so not yet in its baseline (the lag)
    assert math.isclose(result.baseline_mean[11], (3 + 4 + 5 + 6 + 7 + 0 + 0) / 7)
    assert result.flagged.tolist() == [False] * 9 + [True, False, False]
    assert np.isnan(result.statistic[:9]).all()


def test_a_flat_baseline_flags_any_rise_unless_a_minimum_sigma_is_given() -> None:
    series = np.array([5] * 9 + [6, 5])
    assert ears_c2(series).flagged[9]
    assert not ears_c2(series).flagged[10]
    assert not ears_c2(series, min_sigma=1.0).flagged[9]
