"""The refusal budget's bookkeeping, without a hub: which refusals are stored, what the summary says."""

from __future__ import annotations

import pytest

from dispatch_desktop.bus.refusal_budget import RefusalBudget
from dispatch_desktop.domain import events as ev

T0 = 1_780_000_000_000


def test_the_first_refusals_of_a_minute_are_stored_then_counted() -> None:
    budget = RefusalBudget(per_window=3)
    stored = [budget.admit("P-0001", "not_assigned", T0 + n) for n in range(10)]
    assert stored == [True] * 3 + [False] * 7
    assert budget.due(T0 + 59_999) == []  # the minute is not over
    assert budget.due(T0 + 60_000) == [ev.RefusalsSuppressed(
        source="P-0001", count=7, codes={"not_assigned": 7}, first=T0 + 3, last=T0 + 9)]
    assert budget.due(T0 + 120_000) == []  # said once


def test_each_source_has_its_own_budget() -> None:
    budget = RefusalBudget(per_window=1)
    assert budget.admit("P-0001", "a", T0)
    assert not budget.admit("P-0001", "a", T0 + 1)
    assert budget.admit("P-0002", "a", T0 + 2)  # the flood of one unit costs another nothing


def test_a_new_window_starts_after_the_minute_and_the_old_one_is_summarised() -> None:
    budget = RefusalBudget(per_window=1)
    budget.admit("P-0001", "a", T0)
    budget.admit("P-0001", "a", T0 + 10)
    budget.admit("P-0001", "b", T0 + 20)
    assert budget.admit("P-0001", "a", T0 + 60_000)  # a new minute: stored in full again
    (summary,) = budget.due(T0 + 60_001)
    assert summary.count == 2 and summary.codes == {"a": 1, "b": 1}


def test_a_window_without_suppressed_refusals_says_nothing() -> None:
    budget = RefusalBudget(per_window=5)
    budget.admit("P-0001", "a", T0)
    assert budget.due(T0 + 60_000) == []


def test_stopping_flushes_what_was_counted() -> None:
    budget = RefusalBudget(per_window=0)
    assert not budget.admit("P-0001", "a", T0)
    assert budget.pending() == 1
    assert [s.count for s in budget.flush()] == [1]
    assert budget.pending() == 0


def test_a_negative_budget_is_refused() -> None:
    with pytest.raises(ValueError, match="per_window"):
        RefusalBudget(per_window=-1)
