"""The normal values are fitted in a process of their own (the desk's GUI thread never competes with the
fit for the GIL); its failure comes back as the fit's own exception; stopping the desk ends it."""

from __future__ import annotations

import os
import time

import pytest

from dispatch_desktop.ui.analytics.fit_process import FitStopped, fit_in_process

pytestmark = [pytest.mark.timeout(120)]
HERE = "tests.ui.analytics.stand_in_fit"


def test_the_fit_runs_in_another_process_at_a_lower_priority_and_its_model_comes_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    model = fit_in_process([1, 2, 3], None, until_slot=42, function=f"{HERE}:fit_returning_its_process")
    assert model["until_slot"] == 42 and model["counts"] == 6
    assert model["pid"] != os.getpid()
    assert model["nice"] > os.nice(0)  # below the desk's own priority
    assert model["blas_threads"] == "1"  # no BLAS threads spinning against the desk's for the two cores


def test_a_failing_fit_raises_its_own_error_here() -> None:
    with pytest.raises(ValueError, match="too few incidents before slot 7"):
        fit_in_process([], None, until_slot=7, function=f"{HERE}:fit_that_fails")


def test_stopping_the_desk_ends_the_fit_at_once() -> None:
    started = time.monotonic()
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(FitStopped):
        fit_in_process([], None, until_slot=0, cancelled=cancelled, function=f"{HERE}:fit_that_takes_long")
    assert time.monotonic() - started < 30  # not the minute the fit would take


def test_counts_too_big_to_hand_over_at_once_reach_the_fit_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight weeks of every area's counts are megabytes: more than the child reads before the first look at
    ``cancelled`` on a busy machine (the desk's fit once waited for ever: the rest was never written)."""
    monkeypatch.setattr("dispatch_desktop.ui.analytics.fit_process.POLL_S", 0.001)  # a machine that busy
    counts = list(range(2_000_000))  # ~10 MB pickled
    model = fit_in_process(counts, None, until_slot=5, cancelled=lambda: False,
                           function=f"{HERE}:fit_returning_its_process")
    assert model["counts"] == sum(counts) and model["until_slot"] == 5
